package layouts

import (
	"slices"

	gtbidi "github.com/go-text/typesetting/bidi"
)

// The bidi algorithm is go-text's, which is inspired by
// golang.org/x/text/unicode/bidi and, unlike it, resolves paired brackets
// (rule N0: the brackets around "(NATO)" in Arabic go with the Arabic),
// keeps the paragraph's direction when it is given, and reports every
// embedding level. x/text's tables still say which characters are
// right to left (isRTL, direction).

// levelsOf is the bidi embedding level of each rune of text, in a
// paragraph written right to left when rtl, else left to right.
func levelsOf(text []rune, rtl bool) []uint8 {
	dir := gtbidi.LeftToRight
	if rtl {
		dir = gtbidi.RightToLeft
	}
	out := make([]uint8, len(text))
	var p gtbidi.Paragraph
	runs := p.Segment(text, dir)
	for i := range runs.NumRuns() {
		r := runs.Run(i)
		for k := r.Start; k < r.End && k < len(out); k++ {
			out[k] = uint8(r.Level)
		}
	}
	return out
}

// levelRun is the runes [from, to) of a text, at one bidi level.
type levelRun struct {
	from, to int
	level    uint8
}

// visualRuns cuts a text into runs of one level and puts them in visual
// order, left to right (rule L2: from the highest level to the lowest odd
// one, every stretch at that level or higher is turned round).
func visualRuns(levels []uint8) []levelRun {
	var runs []levelRun
	for i := 0; i < len(levels); {
		k := i
		for k < len(levels) && levels[k] == levels[i] {
			k++
		}
		runs = append(runs, levelRun{i, k, levels[i]})
		i = k
	}
	applyL2(len(runs), func(i int) uint8 { return runs[i].level }, func(i, j int) { slices.Reverse(runs[i:j]) })
	return runs
}

// applyL2 applies rule L2 to n items with levels level(i): reverse(i, j)
// turns items [i, j) round.
func applyL2(n int, level func(int) uint8, reverse func(i, j int)) {
	var high, low uint8 = 0, 255
	for i := range n {
		high = max(high, level(i))
		if l := level(i); l%2 == 1 {
			low = min(low, l)
		}
	}
	for l := high; l >= low && l > 0; l-- {
		for i := 0; i < n; {
			if level(i) < l {
				i++
				continue
			}
			j := i
			for j < n && level(j) >= l {
				j++
			}
			reverse(i, j)
			i = j
		}
	}
}
