package layouts

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// Text that plain lets through untouched is text that cleaning rune by
// rune would leave as it is, without a warning; and whatever plain
// refuses, clean still cleans: random strings of printable ASCII, line
// breaks, typographic characters the fonts have or lack, characters
// cleaning replaces or drops, and bytes that are not UTF-8.
//
// With a fallback font, which has glyphs for the spaces and hyphens that
// cleaning replaces, too.
func TestClean_PlainTextIsLeftAsItIs(t *testing.T) {
	for _, fonts := range []Fonts{{}, {Fallback: []string{dejavuSans}}} {
		e, err := newEnv(Document{Brand: Brand{Fonts: fonts}})
		if err != nil {
			t.Fatal(err)
		}
		checkPlain(t, e)
	}
}

func checkPlain(t *testing.T, e *env) {
	t.Helper()
	alphabet := []string{"a", "Z", "7", " ", ".", "\n", "\t", "–", "—", "’", "“", "→", "é", "€", "\u00a0",
		"\u202f", "\u2009", "\u2011", "\u00ad", "\u200b", "\x7f", "\x01", "🙂", "ا", "中", "\ufffd", "\xff", "\xc3"}
	rng := rand.New(rand.NewPCG(5, 6))
	plain := 0
	for i := range 5000 {
		var b strings.Builder
		for range 1 + rng.IntN(12) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		s := b.String()
		for _, st := range []style{0, stBold, stItalic, stMono} {
			warns := len(e.warns)
			slow := e.cleanRunes(origin{source: "t.md"}, s, st)
			if e.plain(s, st) {
				plain++
				if slow != s || len(e.warns) != warns {
					t.Fatalf("%d: %q in style %d is plain, but cleaning gives %q", i, s, st, slow)
				}
			}
			if got := e.clean(origin{source: "t.md"}, s, st); got != slow {
				t.Fatalf("%d: clean(%q) = %q, rune by rune %q", i, s, got, slow)
			}
		}
	}
	if plain < 1000 {
		t.Fatalf("only %d plain strings: the test says little", plain)
	}
}
