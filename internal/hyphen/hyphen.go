// Package hyphen finds where a word may be hyphenated, with Frank Liang's
// patterns (the algorithm of TeX) and TeX's freely licensed pattern files
// (English, French, German, Russian); see patterns/README.md for their
// authors and licences.
package hyphen

import (
	"bytes"
	"embed"
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

//go:embed patterns/*.txt
var files embed.FS

// Least letters before and after a break: what the English pattern files
// ask, and a little more than the French, German and Russian ones (two and
// two), as careful setting of those languages does.
const (
	LeftMin  = 2
	RightMin = 3
)

// table is the parsed patterns of one language.
type table struct {
	patterns   map[string][]uint8 // letters (with '.' for a word edge) → digit after each position
	exceptions map[string][]int   // word → break points
	maxLen     int                // longest pattern, in runes
}

var (
	mu     sync.Mutex
	tables = map[string]*table{}
)

// files of each language tag, lower case.
var languages = map[string]string{
	"en":    "en-gb",
	"en-gb": "en-gb",
	"en-uk": "en-gb",
	"en-us": "en-us",
	"fr":    "fr",
	"de":    "de-1996",
	"ru":    "ru",
}

// Languages are the language tags New knows, sorted.
func Languages() []string {
	var out []string
	for k := range languages {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Hyphenator finds the break points of words in one language. It keeps
// what it found, so it is not safe for use by several goroutines at once.
type Hyphenator struct {
	t    *table
	keep map[string]bool // never hyphenated (lower case)
	memo map[string][]int
}

// Unbroken reports whether words of the language are never hyphenated in
// print: Arabic, Persian, Urdu and Hebrew (a line is justified by
// stretching its spaces) and Chinese, Japanese, Korean and Thai (a line
// may break between most characters).
func Unbroken(lang string) bool {
	base, _, _ := strings.Cut(strings.ToLower(strings.ReplaceAll(lang, "_", "-")), "-")
	switch base {
	case "ar", "fa", "ur", "he", "yi", "zh", "ja", "ko", "th":
		return true
	}
	return false
}

// New returns the hyphenator for a language tag such as "en-GB" or
// "en-US" (case does not matter); words in noHyphenate are never broken.
func New(lang string, noHyphenate []string) (*Hyphenator, error) {
	tag := strings.ToLower(strings.ReplaceAll(lang, "_", "-"))
	name, ok := languages[tag]
	if !ok { // fr-CA, de-AT: the language's own patterns
		base, _, _ := strings.Cut(tag, "-")
		name, ok = languages[base]
	}
	if !ok {
		return nil, fmt.Errorf("no hyphenation patterns for language %q (have %s)", lang, strings.Join(Languages(), ", "))
	}
	t, err := load(name)
	if err != nil {
		return nil, err
	}
	h := &Hyphenator{t: t, keep: map[string]bool{}, memo: map[string][]int{}}
	for _, w := range noHyphenate {
		h.keep[strings.ToLower(w)] = true
	}
	return h, nil
}

func load(name string) (*table, error) {
	mu.Lock()
	defer mu.Unlock()
	if t := tables[name]; t != nil {
		return t, nil
	}
	pat, err := files.ReadFile("patterns/hyph-" + name + ".pat.txt")
	if err != nil {
		return nil, err
	}
	hyp, err := files.ReadFile("patterns/hyph-" + name + ".hyp.txt")
	if err != nil {
		hyp = nil // the language has no list of exceptions
	}
	t := parsePatterns(pat)
	t.exceptions = map[string][]int{}
	for _, e := range strings.Fields(string(hyp)) {
		var points []int
		n := 0
		for _, r := range e {
			if r == '-' {
				points = append(points, n)
				continue
			}
			n++
		}
		t.exceptions[strings.ReplaceAll(e, "-", "")] = points
	}
	tables[name] = t
	return t, nil
}

// parsePatterns reads a pattern file: patterns such as ".ach4", split
// into their letters (".ach") and the value after each position
// (len(letters)+1 of them). The letters of all patterns share one string
// and their values one array: loading English is 8,500 patterns, on the
// way of every document.
func parsePatterns(pat []byte) *table {
	fields := bytes.Fields(pat)
	t := &table{patterns: make(map[string][]uint8, len(fields))}
	letters := make([]byte, 0, len(pat))
	ends := make([]int, len(fields))
	values := make([]uint8, 0, len(pat)+len(fields))
	starts := make([]int, len(fields)+1)
	for i, p := range fields {
		starts[i] = len(values)
		values = append(values, 0)
		for _, c := range p {
			if c >= '0' && c <= '9' {
				values[len(values)-1] = c - '0'
				continue
			}
			letters = append(letters, c)
			if c < utf8.RuneSelf || utf8.RuneStart(c) {
				values = append(values, 0) // a value after each rune
			}
		}
		ends[i] = len(letters)
	}
	starts[len(fields)] = len(values)
	all := string(letters)
	from := 0
	for i := range fields {
		key := all[from:ends[i]]
		t.patterns[key] = values[starts[i]:starts[i+1]:starts[i+1]]
		if n := utf8.RuneCountInString(key); n > t.maxLen {
			t.maxLen = n
		}
		from = ends[i]
	}
	return t
}

// Points returns where word may be broken with a hyphen: the number of
// runes before each break, ascending, with at least LeftMin runes before
// and RightMin after. A word that is not all letters, is in upper case
// (an acronym) or is in the no-hyphenate list has none.
func (h *Hyphenator) Points(word string) []int {
	if p, ok := h.memo[word]; ok {
		return p
	}
	p := h.points(word)
	h.memo[word] = p
	return p
}

func (h *Hyphenator) points(word string) []int {
	rs := []rune(word)
	n := len(rs)
	if n < LeftMin+RightMin {
		return nil
	}
	upper := 0
	for _, r := range rs {
		if !unicode.IsLetter(r) {
			return nil
		}
		if unicode.IsUpper(r) {
			upper++
		}
	}
	lower := strings.ToLower(word)
	if upper == n || h.keep[lower] {
		return nil
	}
	if p, ok := h.t.exceptions[lower]; ok {
		return clip(p, n)
	}
	// the patterns are looked up by substrings of w, rune by rune: at
	// the byte offsets of its runes, without making a string of each
	w := "." + lower + "."
	var buf [48]int // a word of most 46 bytes needs no allocation
	at := buf[:0]
	for i := range w {
		at = append(at, i)
	}
	runes := len(at)
	at = append(at, len(w))
	vals := make([]uint8, runes+1)
	for i := range runes {
		for j := i + 1; j <= runes && j-i <= h.t.maxLen; j++ {
			d, ok := h.t.patterns[w[at[i]:at[j]]]
			if !ok {
				continue
			}
			for k, v := range d {
				if v > vals[i+k] {
					vals[i+k] = v
				}
			}
		}
	}
	var out []int
	for p := LeftMin; p <= n-RightMin; p++ {
		if vals[p+1]%2 == 1 {
			out = append(out, p)
		}
	}
	return out
}

// clip keeps the points that leave enough letters on each side.
func clip(points []int, n int) []int {
	var out []int
	for _, p := range points {
		if p >= LeftMin && n-p >= RightMin {
			out = append(out, p)
		}
	}
	return out
}

// Hyphenate returns word with "-" at each of its break points, for
// checking patterns by eye.
func (h *Hyphenator) Hyphenate(word string) string {
	rs := []rune(word)
	var b strings.Builder
	last := 0
	for _, p := range h.Points(word) {
		b.WriteString(string(rs[last:p]))
		b.WriteByte('-')
		last = p
	}
	b.WriteString(string(rs[last:]))
	return b.String()
}
