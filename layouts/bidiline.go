package layouts

import (
	"unicode"

	"golang.org/x/text/unicode/bidi"
)

// A right-to-left paragraph (its first strong character is Arabic or
// Hebrew) is set from the right: its lines are broken as any other, then
// each line's words are placed in mirror image, except that a run of
// left-to-right words (an English name, a number) keeps its order, as the
// bidi algorithm has it at the level of words. Each word is then drawn in
// its own visual form (shape.go).

// rtlPositions are the x positions, from the line's left edge, of the
// words of ln set from the right; xs are their positions set from the
// left, in a line width wide.
func rtlPositions(ln line, xs []float64, width float64) []float64 {
	out := make([]float64, len(xs))
	for j := range xs {
		out[j] = width - xs[j] - ln.words[j].w
	}
	ltr := make([]bool, len(xs))
	for j, w := range ln.words {
		ltr[j] = wordDirection(w) == bidi.LeftToRight
	}
	for j := 0; j < len(xs); {
		if !ltr[j] {
			j++
			continue
		}
		k := j
		for k+1 < len(xs) && ltr[k+1] {
			k++
		}
		for i := j; i <= k; i++ {
			out[i] = out[k] + xs[i] - xs[j]
		}
		j = k + 1
	}
	return out
}

// wordDirection is the direction of a word in a right-to-left line: left
// to right for Latin (a first strong character written left to right) and
// for numbers, right to left for Arabic, Hebrew and punctuation.
func wordDirection(w word) bidi.Direction {
	digits := false
	for _, f := range w.frags {
		for _, r := range f.text {
			p, _ := bidi.LookupRune(r)
			switch p.Class() {
			case bidi.L:
				return bidi.LeftToRight
			case bidi.R, bidi.AL:
				return bidi.RightToLeft
			}
			digits = digits || unicode.IsDigit(r)
		}
	}
	if digits {
		return bidi.LeftToRight
	}
	return bidi.RightToLeft
}
