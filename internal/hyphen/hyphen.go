// Package hyphen finds where a word may be hyphenated, with Frank Liang's
// patterns (the algorithm of TeX) and TeX's freely licensed pattern files
// (English, French, German, Russian); see patterns/README.md for their
// authors and licences.
package hyphen

import (
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
	patterns   *trie            // letters (with '.' for a word edge) → digit after each position
	exceptions map[string][]int // word → break points
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
// (len(letters)+1 of them), in a trie. Loading English is 8,500 patterns,
// on the way of every document.
func parsePatterns(pat []byte) *table {
	// room for a node per three bytes of the file and a pattern per five:
	// the files have about one per four and six
	t := &table{patterns: newTrie(len(pat)/3, len(pat)/5)}
	values := make([]uint8, 0, len(pat))
	var letters []byte
	for i := 0; i < len(pat); {
		for i < len(pat) && isSpace(pat[i]) {
			i++
		}
		if i == len(pat) {
			break
		}
		from := len(values)
		values = append(values, 0)
		letters = letters[:0]
		for ; i < len(pat) && !isSpace(pat[i]); i++ {
			c := pat[i]
			if c >= '0' && c <= '9' {
				values[len(values)-1] = c - '0'
				continue
			}
			letters = append(letters, c)
			if c < utf8.RuneSelf || utf8.RuneStart(c) {
				values = append(values, 0) // a value after each rune
			}
		}
		t.patterns.add(letters, from, len(values))
	}
	t.patterns.values = values
	t.patterns.compact()
	return t
}

// isSpace reports whether c separates patterns: ASCII white space (the
// files are UTF-8, whose other bytes are never these).
func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\v' || c == '\f'
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
	// the patterns are matched from each rune of w on, along the trie,
	// until no pattern goes on; a pattern ends only after a whole rune
	w := "." + lower + "."
	pt := h.t.patterns
	vals := make([]uint8, n+3) // w's runes, and one after the last
	i := 0                     // runes of w before b
	for b := range w {
		for at, node := b, int32(0); at < len(w); at++ {
			if node = pt.node(node, w[at]); node == 0 {
				break
			}
			if d, ok := pt.patternAt(node); ok {
				for k, v := range d {
					if v > vals[i+k] {
						vals[i+k] = v
					}
				}
			}
		}
		i++
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
