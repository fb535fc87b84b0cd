package layouts

import (
	"math"
	"slices"
)

// Total-fit line breaking (Knuth and Plass, "Breaking Paragraphs into
// Lines", 1981) for justified paragraphs: of all ways to break a paragraph
// the one with the least demerits, so that a loose line is taken only when
// no hyphen or better break avoids it. Spaces stretch by half and shrink by
// a third of their width, as in TeX.
const (
	stretchRatio   = 0.5
	shrinkRatio    = 1.0 / 3
	firstTolerance = 1.0  // spaces at most 1.5× their width: tried first
	tolerance      = 4.0  // largest adjustment ratio tried then (badness 6400)
	linePenalty    = 10.0 // TeX's \linepenalty
	hyphenPenalty  = 50.0 // TeX's \hyphenpenalty and \exhyphenpenalty
	doubleHyphen   = 3000.0
	fitnessDemerit = 100.0 // a very loose line next to a tight one
)

// piece is a part of a word between two places where a line may break.
type piece struct {
	w      word
	starts bool // starts a word: a breakable space comes before it
	hyphen bool // a line broken after it ends with a hyphen
}

// node is the best way found to reach a break in a fitness class.
type node struct {
	demerits float64
	from     int32 // the break before (-1: the paragraph start)
	fromFit  int8
	ok       bool
}

// fitScratch is the line breaker's memory, reused paragraph to paragraph
// (a metrics, which holds it, serves one goroutine).
type fitScratch struct {
	sums   []float64 // four prefix sums of n+1 each
	best   [][4]node // best[b+1]: breaks after piece b; best[0]: the start
	breaks []int
}

// grow returns the scratch's slices for n pieces, zeroed.
func (s *fitScratch) grow(n int) (wsum, ssum, zsum, glue []float64, best [][4]node) {
	if cap(s.sums) < 4*(n+1) {
		s.sums = make([]float64, 4*(n+1))
	}
	if cap(s.best) < n+1 {
		s.best = make([][4]node, n+1)
	}
	sums := s.sums[:4*(n+1)]
	clear(sums)
	best = s.best[:n+1]
	clear(best)
	k := n + 1
	return sums[:k:k], sums[k : 2*k : 2*k], sums[2*k : 3*k : 3*k], sums[3*k:], best
}

// breakTotalFit sets the pieces into lines of width with the least
// demerits (dynamic programming over the breaks, a state for each
// fitness class of the line before); ok is false when no set of breaks
// fits within the tolerance (a word wider than the line, say), and the
// caller sets the paragraph first fit.
func breakTotalFit(m *metrics, ps []piece, width float64) ([]line, bool) {
	// no line looser than 1.5× where any set of breaks avoids one; then
	// the least demerits with looser lines allowed
	for _, tol := range []float64{firstTolerance, tolerance} {
		if lines, ok := totalFit(m, ps, width, tol); ok {
			return lines, true
		}
	}
	// a narrow column: any stretch, rather than first fit
	return totalFit(m, ps, width, math.Inf(1))
}

// totalFit breaks with lines of adjustment ratio up to tol.
func totalFit(m *metrics, ps []piece, width, tol float64) ([]line, bool) {
	n := len(ps)
	if n == 0 {
		return nil, true
	}
	// prefix sums of widths, stretch and shrink, with the glue before each
	// piece (glue[i], dropped at a line start); best[b+1]: the best ways
	// to break after piece b, best[0]: the start
	wsum, ssum, zsum, glue, best := m.fit.grow(n)
	for i, p := range ps {
		if p.w.w > width+eps {
			return nil, false
		}
		if p.starts && i > 0 && !p.w.hard {
			glue[i] = p.w.space
		}
		wsum[i+1] = wsum[i] + glue[i] + p.w.w
		ssum[i+1] = ssum[i] + glue[i]*stretchRatio
		zsum[i+1] = zsum[i] + glue[i]*shrinkRatio
	}
	// a break after piece b: its kind
	isEnd := func(b int) bool { return b == n-1 || ps[b+1].w.hard }
	isHyph := func(b int) bool { return b >= 0 && !isEnd(b) && !ps[b+1].starts && ps[b].hyphen }
	best[0][1] = node{ok: true, from: -1}
	start := 0 // the earliest break a line may start after, since the last forced one
	for b := 0; b < n; b++ {
		end, hyph := isEnd(b), isHyph(b)
		hw := 0.0
		if hyph {
			f := ps[b].w.frags[len(ps[b].w.frags)-1]
			hw = m.width(f.st, f.size, "-")
		}
		for a := b - 1; a >= start-1; a-- { // the line holds pieces a+1 .. b
			first := a + 1
			natural := wsum[b+1] - wsum[first] - glue[first] + hw
			stretch := ssum[b+1] - ssum[first] - glue[first]*stretchRatio
			shrink := zsum[b+1] - zsum[first] - glue[first]*shrinkRatio
			r := 0.0
			switch {
			case natural > width+eps:
				r = math.Inf(-1)
				if shrink > 0 {
					r = (width - natural) / shrink
				}
			case end:
			case natural < width-eps:
				r = math.Inf(1)
				if stretch > 0 {
					r = (width - natural) / stretch
				}
			}
			if r < -1 {
				break // longer still for every earlier a
			}
			if r > tol {
				continue
			}
			// |r|³ multiplied out rounds as math.Pow(|r|, 3) does (its
			// scaling by powers of two is exact), without its loop
			cube := math.Abs(r) * math.Abs(r) * math.Abs(r)
			bad := math.Min(100*cube, 10000) // TeX's "infinitely bad"
			d := (linePenalty + bad) * (linePenalty + bad)
			if hyph {
				d += hyphenPenalty * hyphenPenalty
				if isHyph(a) {
					d += doubleHyphen
				}
			}
			fit := fitness(r)
			for fa, prev := range best[a+1] {
				if !prev.ok {
					continue
				}
				dd := prev.demerits + d
				if a >= 0 && absInt(fit-fa) > 1 {
					dd += fitnessDemerit
				}
				if cur := &best[b+1][fit]; !cur.ok || dd < cur.demerits {
					*cur = node{demerits: dd, from: int32(a), fromFit: int8(fa), ok: true}
				}
			}
		}
		if end {
			// a forced break: every later line starts after it, from its best class
			bf := -1
			for f, x := range best[b+1] {
				if x.ok && (bf < 0 || x.demerits < best[b+1][bf].demerits) {
					bf = f
				}
			}
			if bf < 0 {
				return nil, false
			}
			for f := range best[b+1] {
				if f != bf {
					best[b+1][f].ok = false
				}
			}
			start = b + 1
		}
	}
	// walk back from the end
	breaks := m.fit.breaks[:0]
	fit := -1
	for f, x := range best[n] {
		if x.ok && (fit < 0 || x.demerits < best[n][fit].demerits) {
			fit = f
		}
	}
	for b := n - 1; b >= 0; {
		breaks = append(breaks, b)
		x := best[b+1][fit]
		b, fit = int(x.from), int(x.fromFit)
	}
	m.fit.breaks = breaks
	lines := make([]line, 0, len(breaks))
	from := 0
	for i := len(breaks) - 1; i >= 0; i-- {
		b := breaks[i]
		ln := setLine(m, ps[from:b+1], isHyph(b), isEnd(b))
		ln.cont = !ln.last && !ps[b+1].starts
		lines = append(lines, ln)
		from = b + 1
	}
	return lines, true
}

// fitness is TeX's class of a line: 0 tight, 1 decent, 2 loose, 3 very loose.
func fitness(r float64) int {
	switch {
	case r < -0.5:
		return 0
	case r <= 0.5:
		return 1
	case r <= 1:
		return 2
	}
	return 3
}

func absInt(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// setLine joins the pieces of one line into its words at their natural
// spacing; hyphen adds a hyphen to the last word.
func setLine(m *metrics, ps []piece, hyphen, last bool) line {
	ln := line{words: make([]word, 0, len(ps)), xs: make([]float64, 0, len(ps))}
	for i, p := range ps {
		w := p.w
		if i > 0 && !p.starts {
			cur := &ln.words[len(ln.words)-1]
			cur.frags = joinFrags(cur.frags, w.frags)
			cur.w += w.w
			ln.natural += w.w
			continue
		}
		x := 0.0
		if len(ln.words) > 0 {
			x = ln.natural + w.space
		} else {
			w.space = 0
		}
		ln.words = append(ln.words, w) // its frags shared with the piece: changed only by copy
		ln.xs = append(ln.xs, x)
		ln.natural = x + w.w
	}
	if hyphen && len(ln.words) > 0 {
		cur := &ln.words[len(ln.words)-1]
		cur.frags = slices.Clone(cur.frags) // the piece's stay as they are
		f := &cur.frags[len(cur.frags)-1]
		hw := m.width(f.st, f.size, "-")
		f.text += "-"
		f.w += hw
		cur.w += hw
		ln.natural += hw
	}
	ln.last, ln.hyphen = last, hyphen
	return ln
}

// joinFrags appends b to a, merging the frags where they meet when they
// share style, size and link (the two parts of a word that was cut).
func joinFrags(a, b []frag) []frag {
	out := append([]frag(nil), a...)
	for i, f := range b {
		if l := &out[len(out)-1]; i == 0 && l.st == f.st && l.size == f.size && l.link == f.link {
			l.text += f.text
			l.w += f.w
			continue
		}
		out = append(out, f)
	}
	return out
}
