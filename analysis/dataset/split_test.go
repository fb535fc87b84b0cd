package dataset

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// splitLine gives the fields strings.Split gives, and says whether the
// line is ASCII, for lines short (room for a span per byte) and long
// (commas counted first), with and without text before them in dst; a
// long line with few commas gets room for its fields, not its length.
func TestSplitLine_AsSplit(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	alphabet := []rune("abc ,,;\"é€")
	var dst []span
	for i := range 3000 {
		n := rng.IntN(40)
		if i%10 == 0 {
			n = 400 + rng.IntN(2000) // past the room of a span per byte
		}
		var b strings.Builder
		for range n {
			b.WriteRune(alphabet[rng.IntN(len(alphabet))])
		}
		line := b.String()
		before := rng.IntN(3)
		dst = append(dst[:0], make([]span, before)...)
		var ascii bool
		dst, ascii = splitLine(dst, []byte(line), ',')
		want := strings.Split(line, ",")
		got := dst[before:]
		if len(got) != len(want) {
			t.Fatalf("%q: %d fields, want %d", line, len(got), len(want))
		}
		for k, sp := range got {
			if line[sp.from:sp.to] != want[k] {
				t.Fatalf("%q: field %d = %q, want %q", line, k, line[sp.from:sp.to], want[k])
			}
		}
		if wantASCII := utf8.RuneCountInString(line) == len(line); ascii != wantASCII {
			t.Fatalf("%q: ascii %v", line, ascii)
		}
	}
	long := strings.Repeat("x", 100_000) + ",y"
	if spans, _ := splitLine(nil, []byte(long), ','); len(spans) != 2 || cap(spans) > 64 {
		t.Errorf("a 100 kB line of two fields: %d spans in room for %d", len(spans), cap(spans))
	}
}
