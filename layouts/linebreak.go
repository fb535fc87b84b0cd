package layouts

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Alignments of the lines of a paragraph.
const (
	alignLeft = iota
	alignJustify
	alignRight
	alignCenter
)

// line is a broken line: words with their x offsets (from the left of the
// text box) for ragged setting; natural is the set width.
type line struct {
	words   []word
	xs      []float64
	natural float64
	last    bool // last line of the paragraph or before a hard break
	// cont: the last word goes on at the start of the next line (broken
	// inside a word); hyphen: with a hyphen added at the break
	cont, hyphen bool
}

// breakLines sets words into lines of at most width mm, first fit. A word
// wider than a line is cut between characters (long URLs, numbers), and
// so is a run of Chinese or Japanese that does not fit what is left of a
// line: such text breaks between any two characters the rules of kinsoku
// allow, not only at spaces.
func breakLines(m *metrics, ws []word, width float64, cjk bool) []line {
	var lines []line
	var cur line
	finish := func(last bool) {
		if len(cur.words) == 0 {
			return
		}
		cur.last = last
		lines = append(lines, cur)
		cur = line{}
	}
	add := func(w word) {
		x := 0.0
		if len(cur.words) > 0 {
			x = cur.natural + w.space
		}
		cur.words = append(cur.words, w)
		cur.xs = append(cur.xs, x)
		cur.natural = x + w.w
	}
	for _, w := range ws {
		if w.hard {
			finish(true)
		}
		fits := len(cur.words) == 0 || cur.natural+w.space+w.w <= width+1e-9
		cut := w.w > width+1e-9 || (!fits && cjk && wordCJK(w))
		if !cut {
			if !fits {
				finish(false)
			}
			add(w)
			continue
		}
		// too wide for any line, or Chinese that does not fit the rest of
		// this one: cut it into pieces that fit, the first one in what is
		// left of the current line when that is not little
		first := width
		if len(cur.words) > 0 {
			rest := width - cur.natural - w.space
			if rest > width/4 || (cjk && rest >= firstRuneWidth(m, w) && wordCJK(w)) {
				first = rest
			} else {
				finish(false)
			}
		}
		for i, p := range cutWord(m, w, first, width) {
			switch {
			case len(p.frags) == 0: // nothing of it fits the rest of the line
				finish(false)
				continue
			case i > 0 && len(cur.words) > 0:
				cur.cont = true // the word goes on: no space after it in the page's text
				finish(false)
			}
			add(p)
		}
	}
	finish(true)
	return lines
}

// cutWord cuts w into pieces no wider than first (the first piece) and
// width (the others), at least one rune each. A piece ends after a '/',
// '-', '.', '?', '&' or '=' when one falls in its second half (URLs). The
// first piece of Chinese is empty (no frags) when the rules of kinsoku
// allow no break in the room first leaves.
func cutWord(m *metrics, w word, first, width float64) []word {
	type rn struct {
		r rune
		f int // index of its frag
	}
	var rs []rn
	for i, f := range w.frags {
		for _, r := range f.text {
			rs = append(rs, rn{r, i})
		}
	}
	cjk := slices.ContainsFunc(rs, func(x rn) bool { return isCJK(x.r) })
	var out []word
	start := 0
	for start < len(rs) {
		limit := width
		if len(out) == 0 {
			limit = first
		}
		end, used := start, 0.0
		for end < len(rs) {
			f := w.frags[rs[end].f]
			rw := m.width(f.st, f.size, string(rs[end].r))
			if used+rw > limit && end > start {
				break
			}
			used += rw
			end++
		}
		if end < len(rs) && !cjk {
			for k := end - 1; k > start+(end-start)/2; k-- {
				if strings.ContainsRune("/-.?&=", rs[k].r) {
					end = k + 1
					break
				}
			}
		}
		if end < len(rs) {
			// kinsoku: no line starts with a closing mark ("，", "。",
			// "」") or ends with an opening one ("「"), nor, in Chinese,
			// inside a Latin word or number ("SIPRI", ".manifest.json"):
			// the characters before the break go to the next line with
			// it (in Latin text, not more than half of them: then the
			// break stays)
			low := start + max(1, (end-start)/2)
			if cjk {
				low = start + 1
			}
			found := false
			for k := end; k >= low; k-- {
				if !noLineStart(rs[k].r) && !noLineEnd(rs[k-1].r) && (!cjk || isCJK(rs[k].r) || isCJK(rs[k-1].r)) {
					end, found = k, true
					break
				}
			}
			if !found && cjk && len(out) == 0 && first < width {
				// no break allowed in what is left of the line
				// ("2024年" with room for "20"): the word starts the
				// next line instead
				out = append(out, word{})
				continue
			}
		}
		piece := word{}
		if len(out) == 0 {
			piece.space = w.space
		}
		for i := start; i < end; {
			j := i
			for j < end && rs[j].f == rs[i].f {
				j++
			}
			f := w.frags[rs[i].f]
			var b strings.Builder
			for k := i; k < j; k++ {
				b.WriteRune(rs[k].r)
			}
			f.text = b.String()
			f.w = m.width(f.st, f.size, f.text)
			piece.frags = append(piece.frags, f)
			piece.w += f.w
			i = j
		}
		out = append(out, piece)
		start = end
	}
	return out
}

// positions returns the x offset of each word of ln set in width with
// align, and whether the words keep their natural spacing (not stretched
// to justify the line).
func (ln line) positions(width float64, align int) ([]float64, bool) {
	xs := make([]float64, len(ln.xs))
	copy(xs, ln.xs)
	switch align {
	case alignRight:
		for i := range xs {
			xs[i] += width - ln.natural
		}
	case alignCenter:
		for i := range xs {
			xs[i] += (width - ln.natural) / 2
		}
	case alignJustify:
		if ln.last || len(xs) < 2 {
			break
		}
		extra := (width - ln.natural) / float64(len(xs)-1)
		if extra < -ln.words[1].space*shrinkRatio-eps || extra > 3*ln.words[1].space+1 {
			break // a very loose line reads better ragged
		}
		for i := range xs {
			xs[i] += float64(i) * extra
		}
		return xs, extra == 0
	}
	return xs, true
}

// flatten returns the words of lines, for setting them again.
func flatten(lines []line) []word {
	var ws []word
	for _, l := range lines {
		ws = append(ws, l.words...)
	}
	return ws
}

// Line-breaking rules of Chinese and Japanese text (kinsoku shori), with
// the Latin marks that follow the same logic: characters no line may start
// with (closing brackets and quotes, commas, stops, small kana, the
// prolonged sound mark) and characters no line may end with (opening
// brackets and quotes). A run of text without spaces is cut between
// characters only where both allow it.
const (
	closingMarks = "、。，．：；？！）］｝〕〉》」』】〙〗〟’”｠»‼⁇⁈⁉・ー…‥々〻ゝゞヽヾぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ" + ")]},.:;?!%"
	openingMarks = "（［｛〔〈《「『【〘〖〝‘“｟«" + "([{"
)

// noLineStart reports whether r may not start a line.
func noLineStart(r rune) bool { return strings.ContainsRune(closingMarks, r) }

// noLineEnd reports whether r may not end a line.
func noLineEnd(r rune) bool { return strings.ContainsRune(openingMarks, r) }

// spread is the room to add after each character of a justified line with
// Chinese or Japanese in it (and after each space): such text breaks
// between characters, has few spaces or none to stretch, and the
// characters the rules of kinsoku send down to the next line leave a line
// short. Spread over its characters, the room ends it flush with the
// others. 0 for any other line, and for one whose characters would stand
// more than a quarter of a character's width apart (it reads better
// ragged).
func (ln line) spread(width float64, align int) float64 {
	if align != alignJustify || ln.last || ln.hyphen || ln.natural >= width || !slices.ContainsFunc(ln.words, wordCJK) {
		return 0
	}
	n := 0 // characters, not counting the spaces between words
	for _, w := range ln.words {
		for _, f := range w.frags {
			if f.link != "" || f.st&stSup != 0 {
				return 0
			}
			n += utf8.RuneCountInString(f.text)
		}
	}
	if n < 2 {
		return 0
	}
	extra := (width - ln.natural) / float64(n-1)
	if extra > ln.natural/float64(n)/4 {
		return 0
	}
	return extra
}

// isCJK reports whether r is written in Chinese or Japanese script, or is
// their punctuation or a full-width form.
func isCJK(r rune) bool {
	if r < 0x2E80 { // the CJK radicals, the first of them
		return false
	}
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) ||
		(r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF)
}

// wordCJK reports whether w has a character of Chinese or Japanese.
func wordCJK(w word) bool {
	return slices.ContainsFunc(w.frags, func(f frag) bool { return hasCJK(f.text) })
}

// hasCJK reports whether s has a character of Chinese or Japanese.
func hasCJK(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0xE2 { // below U+2000: no CJK character starts here
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if isCJK(r) {
			return true
		}
		i += n - 1
	}
	return false
}

// firstRuneWidth is the width of the first character of w.
func firstRuneWidth(m *metrics, w word) float64 {
	for _, f := range w.frags {
		if r, n := utf8.DecodeRuneInString(f.text); n > 0 && r != utf8.RuneError {
			return m.width(f.st, f.size, f.text[:n])
		}
	}
	return 0
}
