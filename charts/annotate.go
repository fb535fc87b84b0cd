package charts

import (
	"slices"
	"sort"
)

// Annotation rows sit between the legend and the plot, the lowest next to
// the plot; a label that would overlap another goes one row up, up to
// maxAnnRows.
const maxAnnRows = 3

// annPlace is an annotation placed on the chart.
type annPlace struct {
	pos   float64 // X position
	text  string
	textX int // left of the label
	row   int
}

// annLayout is the annotations' label strip.
type annLayout struct {
	items  []annPlace
	rows   int
	rowH   int
	height int
}

type span struct{ a, b int }

// annInput is an annotation on the axis, before placing.
type annInput struct {
	text string
	pos  float64
	x, w int
}

// layoutAnnotations places the labels of the annotations that fall on the
// axis: right of their line, or left of it, in the lowest row where the
// label overlaps no other label, its line crosses no label in a lower row
// and no line rising past its row crosses it. Both placing orders are tried;
// the one that has to break fewer of these rules wins.
func layoutAnnotations(m measurer, ax xAxis, anns []Annotation, xpix func(float64) int, x0, x1 int) annLayout {
	h := m.height()
	var in []annInput
	for _, a := range anns {
		if pos, ok := ax.pos(a.X); ok && a.Label != "" {
			text := m.shorten(a.Label, x1-x0)
			in = append(in, annInput{text: text, pos: pos, x: xpix(pos), w: m.width(text)})
		}
	}
	sort.SliceStable(in, func(i, j int) bool { return in[i].pos < in[j].pos })
	best, bad := placeAnnotations(in, h, x0, x1)
	rev := slices.Clone(in)
	slices.Reverse(rev)
	if l, b := placeAnnotations(rev, h, x0, x1); b < bad || b == bad && l.rows < best.rows {
		best = l
	}
	return best
}

// placeAnnotations places the labels in order and returns how many broke
// the rules.
func placeAnnotations(in []annInput, h, x0, x1 int) (annLayout, int) {
	l := annLayout{rowH: int(rowSpacing * float64(h))}
	pad, gap := max(2, h/4), h/2
	var spans [maxAnnRows][]span
	type line struct{ x, row int }
	var lines []line
	bad := 0
	fits := func(s span, x, row int) bool {
		if overlapsAny(s, spans[row]) {
			return false
		}
		for r := 0; r < row; r++ {
			if overlapsAny(span{x - 1, x + 1}, spans[r]) {
				return false
			}
		}
		for _, ln := range lines {
			if ln.row > row && s.a < ln.x && ln.x < s.b {
				return false
			}
		}
		return true
	}
	for _, a := range in {
		var options []span
		if a.x+pad+a.w <= x1 {
			options = append(options, span{a.x + pad, a.x + pad + a.w})
		}
		if a.x-pad-a.w >= x0 {
			options = append(options, span{a.x - pad - a.w, a.x - pad})
		}
		if len(options) == 0 { // wider than either side: as far right as fits
			left := max(x0, min(a.x+pad, x1-a.w))
			options = append(options, span{left, left + a.w})
		}
		chosen, row, ok := options[0], 0, false
		for r := 0; r < maxAnnRows && !ok; r++ {
			for _, o := range options {
				if fits(span{o.a - gap, o.b + gap}, a.x, r) {
					chosen, row, ok = o, r, true
					break
				}
			}
		}
		if !ok {
			bad++
			for row < maxAnnRows-1 && overlapsAny(span{chosen.a - gap, chosen.b + gap}, spans[row]) {
				row++
			}
		}
		spans[row] = append(spans[row], span{chosen.a - gap, chosen.b + gap})
		lines = append(lines, line{a.x, row})
		l.items = append(l.items, annPlace{pos: a.pos, text: a.text, textX: chosen.a, row: row})
		l.rows = max(l.rows, row+1)
	}
	if l.rows > 0 {
		l.height = (l.rows-1)*l.rowH + h
	}
	return l, bad
}

func overlapsAny(s span, spans []span) bool {
	for _, o := range spans {
		if s.a < o.b && o.a < s.b {
			return true
		}
	}
	return false
}

// annColor is the colour of annotation lines.
var annColor = RGB{0x80, 0x80, 0x80}

// draw draws each annotation's line from the X axis up to its label, and the
// label, the lowest row's text bottom gap pixels above the plot.
func (l annLayout) draw(p *pen, gap int) {
	for _, a := range l.items {
		base := p.box.Top - gap - p.descent() - a.row*l.rowH
		x := p.x(a.pos)
		p.stroke("annotation", annColor.color(), 1, nil)
		p.line(x, p.box.Bottom, x, base-p.ascent())
		p.write("annotation", a.text, a.textX, base, 0)
	}
}
