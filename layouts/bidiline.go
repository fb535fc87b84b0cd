package layouts

import "slices"

// A right-to-left paragraph (its first strong character is Arabic or
// Hebrew) is set from the right: its lines are broken as any other, then
// each line is laid out by the bidi algorithm over its whole text
// (levels.go): its runs of Latin words and numbers keep their
// order, everything else runs right to left, and a neutral such as a full
// stop or a bracket goes where its neighbours put it. The parts of a word
// in different runs ("2025." is a number and a full stop) are placed
// apart.

// rtlSegment is a part of a line of a right-to-left paragraph: a part of a
// frag of a word, or the space between two words (frag -1), at x from the
// line's left edge.
type rtlSegment struct {
	word, frag int
	text       string // logical
	level      uint8  // its bidi level: odd is right to left
	x, w       float64
	end        bool // the last segment of its word, in logical order
}

// rtlSegments lays out line ln of a paragraph set width wide from the
// right; xs are its words' positions set from the left (justified or not).
// The segments come in logical order, each with its place.
func rtlSegments(e *env, ln line, xs []float64, width float64) []rtlSegment {
	var segs []rtlSegment
	var text []rune
	var owner []int // the segment each rune of text starts or continues
	add := func(s rtlSegment) {
		segs = append(segs, s)
		for range []rune(s.text) {
			owner = append(owner, len(segs)-1)
		}
		text = append(text, []rune(s.text)...)
	}
	for j, w := range ln.words {
		if j > 0 {
			add(rtlSegment{word: j, frag: -1, text: " ", w: xs[j] - xs[j-1] - ln.words[j-1].w})
		}
		for k, f := range w.frags {
			add(rtlSegment{word: j, frag: k, text: f.text})
		}
	}
	levels := levelsOf(text, true)
	// cut the segments where the level changes
	var out []rtlSegment
	for i := 0; i < len(text); {
		k := i
		for k < len(text) && owner[k] == owner[i] && levels[k] == levels[i] {
			k++
		}
		s := segs[owner[i]]
		s.text, s.level = string(text[i:k]), levels[i]
		if s.frag < 0 {
			s.w *= float64(k-i) / float64(len([]rune(segs[owner[i]].text)))
		} else {
			f := ln.words[s.word].frags[s.frag]
			s.w = e.m.rawWidth(f.st, f.size, e.fonts.visualIn(s.text, f.st, s.level%2 == 1))
		}
		out = append(out, s)
		i = k
	}
	for i := range out {
		out[i].end = out[i].frag >= 0 && (i == len(out)-1 || out[i+1].word != out[i].word)
	}
	// visual order (rule L2)
	order := make([]int, len(out))
	for i := range order {
		order[i] = i
	}
	applyL2(len(order), func(i int) uint8 { return out[order[i]].level }, func(i, j int) { slices.Reverse(order[i:j]) })
	// the line in mirror image of where it stands set from the left
	x := 0.0
	if n := len(ln.words); n > 0 {
		x = width - xs[n-1] - ln.words[n-1].w
	}
	for _, i := range order {
		out[i].x = x
		x += out[i].w
	}
	return out
}
