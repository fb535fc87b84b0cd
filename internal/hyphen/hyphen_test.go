package hyphen

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestHyphenate(t *testing.T) {
	gb, err := New("en-GB", []string{"Balikatan"})
	if err != nil {
		t.Fatal(err)
	}
	us, err := New("en_us", nil)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		h          *Hyphenator
		word, want string
	}{
		{us, "hyphenation", "hy-phen-ation"},
		{us, "computer", "com-puter"},      // three letters at least after the break
		{us, "university", "uni-ver-sity"}, // an exception of the file
		{us, "project", "project"},         // an exception without breaks
		{gb, "cooperation", "co-oper-a-tion"},
		{gb, "Neighbourliness", "Neigh-bour-li-ness"},
		{gb, "Balikatan", "Balikatan"}, // no_hyphenate, in any case
		{gb, "SIPRI", "SIPRI"},         // an acronym
		{gb, "2024", "2024"},           // a number
		{gb, "co2e", "co2e"},           // letters and digits
		{gb, "the", "the"},
	}
	for _, c := range cases {
		if got := c.h.Hyphenate(c.word); got != c.want {
			t.Errorf("%s: got %s, want %s", c.word, got, c.want)
		}
	}
}

func TestUnknownLanguage(t *testing.T) {
	if _, err := New("pt-BR", nil); err == nil {
		t.Fatal("no error for a language without patterns")
	}
}

func TestPointsLeaveTwoAndThree(t *testing.T) {
	h, _ := New("en-US", nil)
	for _, w := range []string{"abbreviation", "extraordinarily", "internationalisation", "Mediterranean"} {
		n := len([]rune(w))
		for _, p := range h.Points(w) {
			if p < LeftMin || n-p < RightMin {
				t.Errorf("%s: break at %d", w, p)
			}
		}
	}
}

func BenchmarkPoints(b *testing.B) {
	h, _ := New("en-GB", nil)
	for i := 0; i < b.N; i++ {
		h.memo = map[string][]int{}
		h.Points("internationalisation")
	}
}

func TestNew_FrenchGermanRussian(t *testing.T) {
	for _, c := range []struct{ lang, word, want string }{
		{"fr", "gouvernement", "gou-ver-ne-ment"},
		{"fr-CA", "coopération", "co-opé-ra-tion"},
		{"de", "Zusammenarbeit", "Zu-sam-men-ar-beit"},
		{"ru", "сотрудничество", "со-труд-ни-че-ство"},
	} {
		h, err := New(c.lang, nil)
		if err != nil {
			t.Fatalf("%s: %v", c.lang, err)
		}
		if got := h.Hyphenate(c.word); got != c.want {
			t.Errorf("%s %s: %s, want %s", c.lang, c.word, got, c.want)
		}
	}
}

// Every language's patterns load as the plain reading of the file says:
// each pattern's letters, and the value after each of its runes.
func TestParsePatterns_AsWritten(t *testing.T) {
	for _, name := range []string{"en-gb", "en-us", "de-1996", "fr", "ru"} {
		pat, err := files.ReadFile("patterns/hyph-" + name + ".pat.txt")
		if err != nil {
			continue
		}
		got := parsePatterns(pat)
		want := plainPatterns(pat)
		if got.patterns.count != len(want) {
			t.Errorf("%s: %d patterns, want %d", name, got.patterns.count, len(want))
		}
		for k, v := range want {
			if g, ok := got.patterns.lookup(k); !ok || !slices.Equal(g, v) {
				t.Errorf("%s: pattern %q values %v, want %v", name, k, g, v)
				break
			}
		}
	}
}

// BenchmarkLoad parses a language's patterns, as each process does once
// for a briefing's language.
func BenchmarkLoad(b *testing.B) {
	pat, err := files.ReadFile("patterns/hyph-en-gb.pat.txt")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		parsePatterns(pat)
	}
}

// BenchmarkPoints_Words finds the break points of the distinct words of a
// briefing's prose, with a fresh memo each time.
func BenchmarkPoints_Words(b *testing.B) {
	h, _ := New("en-GB", nil)
	words := strings.Fields(benchText)
	for b.Loop() {
		h.memo = map[string][]int{}
		for _, w := range words {
			h.Points(w)
		}
	}
}

const benchText = `China and Russia have deepened their military and security
cooperation since the annexation of Crimea: joint exercises grew more frequent
and more complex, naval patrols reached further from both coasts, and the
partnership acquired institutional habits that outlast individual leaders.
Arms transfers tell a different story. Deliveries from Russia to China fell
sharply after the mid-2000s as Chinese industry learned to build what it once
bought, leaving engines, helicopters and air-defence systems as the remaining
categories of dependence. Washington's attempts to divide the two partners
have rested on assumptions about mutual suspicion that the evidence no longer
supports; the institute recommends measures that raise the costs of
coordination without presuming a rupture that neither government seeks.
Interoperability, logistics, communications, demonstrations, characteristically,
notwithstanding, responsibilities, intergovernmental, counterbalancing.`

// The trie finds the break points Liang's algorithm gives when every
// substring of the word is looked up in a plain map of the patterns: for
// words made of the patterns' own letters, in every language.
func TestPoints_AsEverySubstringLookedUp(t *testing.T) {
	for lang, name := range map[string]string{"en-GB": "en-gb", "en-US": "en-us", "de": "de-1996", "fr": "fr", "ru": "ru"} {
		pat, err := files.ReadFile("patterns/hyph-" + name + ".pat.txt")
		if err != nil {
			t.Fatal(err)
		}
		plain := plainPatterns(pat)
		var words []string
		for letters := range plain {
			// words of letters only, not in the list of exceptions
			w := strings.Trim(letters, ".")
			if utf8.RuneCountInString(w) >= 5 && strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }) < 0 {
				words = append(words, w+"ment", "re"+w)
			}
		}
		h, err := New(lang, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range words {
			if _, ok := h.t.exceptions[w]; ok {
				continue
			}
			if got, want := h.Points(w), everySubstring(plain, w); !slices.Equal(got, want) {
				t.Fatalf("%s %q: points %v, want %v", lang, w, got, want)
			}
		}
	}
}

// everySubstring is Liang's algorithm as written: every substring of the
// word between dots looked up.
func everySubstring(patterns map[string][]uint8, word string) []int {
	w := []rune("." + strings.ToLower(word) + ".")
	vals := make([]uint8, len(w)+1)
	for i := range w {
		for j := i + 1; j <= len(w); j++ {
			for k, v := range patterns[string(w[i:j])] {
				vals[i+k] = max(vals[i+k], v)
			}
		}
	}
	var out []int
	n := len(w) - 2
	for p := LeftMin; p <= n-RightMin; p++ {
		if vals[p+1]%2 == 1 {
			out = append(out, p)
		}
	}
	return out
}

// A word whose lower case is shorter in bytes (a capital I with a dot, as
// in Turkish names, lower-cases to a plain i) is broken as its lower case
// is: the trie is walked by bytes, the break points counted in runes.
func TestPoints_LowerCaseOfOtherLength(t *testing.T) {
	h, err := New("en-GB", nil)
	if err != nil {
		t.Fatal(err)
	}
	pat, _ := files.ReadFile("patterns/hyph-en-gb.pat.txt")
	plain := plainPatterns(pat)
	for _, w := range []string{"İstanbul", "İzmirlilerin", "Diyarbakırİ", "İnterlopers", "İnnabs", "Cİnnabs", "Ærodynamik"} {
		if got, want := h.Points(w), everySubstring(plain, w); !slices.Equal(got, want) {
			t.Errorf("%s: %v, want %v", w, got, want)
		}
	}
}

// plainPatterns reads a pattern file as written, the plain way: each
// pattern's letters, and the value after each of its runes.
func plainPatterns(pat []byte) map[string][]uint8 {
	out := map[string][]uint8{}
	for _, p := range strings.Fields(string(pat)) {
		var letters []rune
		values := []uint8{0}
		for _, r := range p {
			if r >= '0' && r <= '9' {
				values[len(values)-1] = uint8(r - '0')
				continue
			}
			letters = append(letters, r)
			values = append(values, 0)
		}
		out[string(letters)] = values
	}
	return out
}
