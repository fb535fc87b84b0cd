package hyphen

import (
	"slices"
	"strings"
	"testing"
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
		want := map[string][]uint8{}
		maxLen := 0
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
			want[string(letters)] = values
			maxLen = max(maxLen, len(letters))
		}
		if len(got.patterns) != len(want) || got.maxLen != maxLen {
			t.Errorf("%s: %d patterns, longest %d; want %d, %d", name, len(got.patterns), got.maxLen, len(want), maxLen)
		}
		for k, v := range want {
			if !slices.Equal(got.patterns[k], v) {
				t.Errorf("%s: pattern %q values %v, want %v", name, k, got.patterns[k], v)
				break
			}
		}
	}
}
