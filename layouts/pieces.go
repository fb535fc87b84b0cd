package layouts

import (
	"strings"
	"unicode"

	"github.com/briefing/report/internal/hyphen"
)

// cut is a place inside a word where a line may break: after rune at,
// with a hyphen added or not.
type cut struct {
	at     int
	hyphen bool
}

// wordRune is a rune of a word with the frag it is in and where in the
// frag's text it starts.
type wordRune struct {
	r  rune
	at int32
	f  int
}

// toPieces cuts words at the places a line may break inside them: after
// an explicit hyphen or dash between letters (a compound breaks only
// there), after '/', '.', '-', '?', '&' in a URL (without a hyphen), and
// at the hyphenation points of hy (nil: none) in runs of letters.
// Numbers, code and superscripts are never cut.
func toPieces(m *metrics, hy *hyphen.Hyphenator, ws []word) []piece {
	out := make([]piece, 0, len(ws)*3/2) // cut at hyphens, words make more pieces: 1.35 as many in the sample
	for _, w := range ws {
		rs := wordRunes(m.runes[:0], w)
		m.runes = rs // reused word to word: the pieces keep none of it
		cuts := wordCuts(hy, w, rs)
		if len(cuts) == 0 {
			out = append(out, piece{w: w, starts: true})
			continue
		}
		from := 0
		for i, c := range append(cuts, cut{at: len(rs)}) {
			p := piece{w: sliceWord(m, w, rs, from, c.at), starts: i == 0, hyphen: c.hyphen}
			if i == 0 {
				p.w.space, p.w.hard = w.space, w.hard
			}
			out = append(out, p)
			from = c.at
		}
	}
	return out
}

// wordRunes appends the runes of w, with the frag of each, to rs.
func wordRunes(rs []wordRune, w word) []wordRune {
	for i, f := range w.frags {
		for at, r := range f.text {
			rs = append(rs, wordRune{r, int32(at), i})
		}
	}
	return rs
}

// wordCuts finds where w may break, ascending.
func wordCuts(hy *hyphen.Hyphenator, w word, rs []wordRune) []cut {
	if len(rs) < 4 {
		return nil
	}
	if isURL(w) {
		var cuts []cut
		for i := 1; i < len(rs)-1; i++ {
			if strings.ContainsRune("/.-?&", rs[i].r) && !strings.ContainsRune("/.-?&", rs[i+1].r) {
				cuts = append(cuts, cut{at: i + 1})
			}
		}
		return cuts
	}
	dashes := 0 // explicit breaks: a compound breaks only at its own hyphens
	var cuts []cut
	for i := 1; i+1 < len(rs); i++ {
		if isDash(rs[i].r) && unicode.IsLetter(rs[i-1].r) && unicode.IsLetter(rs[i+1].r) {
			cuts = append(cuts, cut{at: i + 1})
			dashes++
		}
	}
	if dashes > 0 || hy == nil {
		return cuts
	}
	letter := func(i int) bool {
		return unicode.IsLetter(rs[i].r) && w.frags[rs[i].f].st&(stMono|stSup) == 0
	}
	start := -1 // start of the current run of letters
	for i := 0; i <= len(rs); i++ {
		if i < len(rs) && letter(i) && (start < 0 || rs[i].f == rs[start].f) {
			if start < 0 {
				start = i
			}
			continue
		}
		// a run too short to break is not looked up; a run is in one frag
		if start >= 0 && i-start >= hyphen.LeftMin+hyphen.RightMin && !touchesDigit(rs, start, i) {
			for _, p := range hy.Points(runeText(w, rs, start, i)) {
				cuts = append(cuts, cut{at: start + p, hyphen: true})
			}
		}
		start = -1
		if i == len(rs) {
			break
		}
		if letter(i) {
			start = i // a letter in a new frag starts a new run
		}
	}
	return cuts
}

// touchesDigit reports whether the run rs[from:to] is part of a number
// or code such as "Su-35S" or "2010s".
func touchesDigit(rs []wordRune, from, to int) bool {
	return (from > 0 && unicode.IsDigit(rs[from-1].r)) || (to < len(rs) && unicode.IsDigit(rs[to].r))
}

func isDash(r rune) bool { return r == '-' || r == '\u2010' || r == '\u2013' || r == '\u2014' }

// isURL reports whether w is a web address: it links to itself, or reads
// like one.
func isURL(w word) bool {
	var b strings.Builder
	for _, f := range w.frags {
		b.WriteString(f.text)
	}
	s := b.String()
	return strings.Contains(s, "://") || strings.HasPrefix(s, "www.") ||
		(len(w.frags) > 0 && w.frags[0].link != "" && strings.Contains(w.frags[0].link, strings.TrimRight(s, ".,;:)")))
}

// runeText returns the text of the runes from..to of w, which lie in one
// frag, as a slice of the frag's text (words' text is UTF-8: words makes
// each byte that is not into U+FFFD).
func runeText(w word, rs []wordRune, from, to int) string {
	text := w.frags[rs[from].f].text
	end := len(text)
	if to < len(rs) && rs[to].f == rs[from].f {
		end = int(rs[to].at)
	}
	return text[rs[from].at:end]
}

// sliceWord returns the runes from..to of w as a word of their own.
func sliceWord(m *metrics, w word, rs []wordRune, from, to int) word {
	var out word
	for i := from; i < to; {
		j := i
		for j < to && rs[j].f == rs[i].f {
			j++
		}
		f := w.frags[rs[i].f]
		f.text = runeText(w, rs, i, j)
		f.w = m.width(f.st, f.size, f.text)
		out.frags = append(out.frags, f)
		out.w += f.w
		i = j
	}
	return out
}
