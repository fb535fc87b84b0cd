package layouts

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unicode"
)

// words cuts random spans (styles and links that change or not from span
// to span, spaces, line breaks, hard breaks, bytes that are not UTF-8) into
// the words that building each fragment rune by rune gives.
func TestWords_AsRuneByRune(t *testing.T) {
	e, err := newEnv(Document{})
	if err != nil {
		t.Fatal(err)
	}
	pieces := []string{"a", "bc", " ", "\n", "\t", "’", "–", "é", "\xff", "\ufffd", "x y", "", "2024"}
	rng := rand.New(rand.NewPCG(7, 8))
	for i := range 3000 {
		var spans []span
		for range 1 + rng.IntN(6) {
			var b strings.Builder
			for range rng.IntN(5) {
				b.WriteString(pieces[rng.IntN(len(pieces))])
			}
			sp := span{text: b.String(), st: style(rng.IntN(2)) * stBold, hard: rng.IntN(12) == 0}
			if rng.IntN(5) == 0 {
				sp.link = "#x"
			}
			spans = append(spans, sp)
		}
		for _, pre := range []bool{false, true} {
			got, want := words(e.m, spans, 10, pre), wordsByRune(e.m, spans, 10, pre)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%d: spans %+v (pre %v):\n got %+v\nwant %+v", i, spans, pre, got, want)
			}
		}
	}
}

// wordsByRune is words as it was, each fragment built rune by rune.
func wordsByRune(m *metrics, spans []span, size float64, pre bool) []word {
	var out []word
	var cur word
	var pendingSpace float64
	hard := false
	var b strings.Builder
	var bst style
	var blink string
	flushFrag := func() {
		if b.Len() == 0 {
			return
		}
		sz := fragSize(bst, size)
		f := frag{text: b.String(), st: bst, link: blink, size: sz}
		f.w = m.width(bst, sz, f.text)
		cur.frags = append(cur.frags, f)
		cur.w += f.w
		b.Reset()
	}
	flushWord := func() {
		flushFrag()
		if len(cur.frags) == 0 {
			return
		}
		cur.space, cur.hard = pendingSpace, hard
		if len(out) == 0 || hard {
			cur.space = 0
		}
		out = append(out, cur)
		cur, pendingSpace, hard = word{}, 0, false
	}
	for _, sp := range spans {
		if sp.hard {
			flushWord()
			hard, pendingSpace = true, 0
			continue
		}
		if b.Len() > 0 && (sp.st != bst || sp.link != blink) {
			flushFrag()
		}
		bst, blink = sp.st, sp.link
		for _, r := range sp.text {
			if r == '\n' && pre {
				flushWord()
				hard, pendingSpace = true, 0
				continue
			}
			if !pre && (r == ' ' || r == '\n' || r == '\t') {
				if b.Len() > 0 || len(cur.frags) > 0 {
					flushWord()
				}
				if !hard && len(out) > 0 {
					pendingSpace = m.width(sp.st&^stSup, fragSize(sp.st&^stSup, size), " ")
				}
				continue
			}
			b.WriteRune(r)
		}
	}
	flushWord()
	return out
}

// excerptPrefix, where it answers, answers as excerpt's general way does.
func TestExcerptPrefix_SameAsTheGeneralWay(t *testing.T) {
	general := func(s string, n int) string {
		var b strings.Builder
		runes, space := 0, false
		for _, r := range s {
			if unicode.IsSpace(r) {
				space = runes > 0
				continue
			}
			if runes == n {
				return strings.TrimSpace(b.String()) + "…"
			}
			if space {
				if runes+1 == n {
					return b.String() + "…"
				}
				b.WriteByte(' ')
				runes++
				space = false
			}
			b.WriteRune(r)
			runes++
		}
		return b.String()
	}
	rnd := rand.New(rand.NewPCG(1, 2))
	alphabet := []string{"a", "b", " ", " ", "  ", "\n", "\t", "é", "—"}
	answered := 0
	for range 50000 {
		var b strings.Builder
		for range rnd.IntN(14) {
			b.WriteString(alphabet[rnd.IntN(len(alphabet))])
		}
		s, n := b.String(), rnd.IntN(13)
		if got, ok := excerptPrefix(s, n); ok {
			answered++
			if want := general(s, n); got != want {
				t.Fatalf("excerptPrefix(%q, %d) = %q, excerpt's general way %q", s, n, got, want)
			}
		}
		if got, want := excerpt(s, n), general(s, n); got != want {
			t.Fatalf("excerpt(%q, %d) = %q, want %q", s, n, got, want)
		}
	}
	if answered < 2000 {
		t.Errorf("excerptPrefix answered %d of 50000: the test does not reach it", answered)
	}
}
