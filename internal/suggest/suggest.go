// Package suggest finds the closest valid name to a misspelt one, for
// "did you mean" hints in error messages.
package suggest

import "strings"

// Closest returns the candidate nearest to name (case-insensitive edit
// distance), or "" when none is close enough to be a likely typo. A name of
// two or more letters that starts a candidate ("stacked" for
// "stacked-bar") picks that candidate.
func Closest(name string, candidates []string) string {
	best, bestD := "", -1
	n := strings.ToLower(strings.TrimSpace(name))
	if len([]rune(n)) >= 2 {
		for _, c := range candidates {
			if strings.HasPrefix(strings.ToLower(c), n) {
				return c
			}
		}
	}
	for _, c := range candidates {
		d := Distance(n, strings.ToLower(c))
		if bestD < 0 || d < bestD {
			best, bestD = c, d
		}
	}
	if bestD < 0 {
		return ""
	}
	limit := len([]rune(n))/3 + 1
	if limit > 4 {
		limit = 4
	}
	if bestD > limit {
		return ""
	}
	return best
}

// Hint returns `; did you mean "x"?` for the closest candidate, or "".
func Hint(name string, candidates []string) string {
	if c := Closest(name, candidates); c != "" && c != name {
		return `; did you mean "` + c + `"?`
	}
	return ""
}

// Distance is the Levenshtein distance between a and b, in runes.
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// ClosestValue is Closest for values found in data: it also takes a name
// written as the initials of a candidate ("USA" or "US" for "United
// States", "UAE" for "United Arab Emirates").
func ClosestValue(name string, candidates []string) string {
	n := strings.ReplaceAll(strings.TrimSpace(name), ".", "")
	if acronym(n) {
		// An acronym means the words it stands for more than a name one
		// letter away from it: "USA" is "United States", not "UAE".
		for _, exact := range []bool{true, false} {
			for _, c := range candidates {
				ini := initials(c)
				if len(ini) >= 2 && (ini == n || !exact && strings.HasPrefix(n, ini) && len(n)-len(ini) == 1) {
					return c
				}
			}
		}
	}
	return Closest(name, candidates)
}

// acronym reports whether s is 2 to 6 upper-case letters.
func acronym(s string) bool {
	if len(s) < 2 || len(s) > 6 {
		return false
	}
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// ValueHint is Hint with ClosestValue.
func ValueHint(name string, candidates []string) string {
	if c := ClosestValue(name, candidates); c != "" && c != name {
		return `; did you mean "` + c + `"?`
	}
	return ""
}

// initials returns the upper-case first letters of the words of s that
// are not "of", "the" or "and": "United States" gives "US".
func initials(s string) string {
	var b strings.Builder
	for _, w := range strings.Fields(s) {
		switch strings.ToLower(w) {
		case "of", "the", "and":
			continue
		}
		b.WriteString(strings.ToUpper(string([]rune(w)[:1])))
	}
	return b.String()
}
