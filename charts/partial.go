package charts

import "github.com/wcharczuk/go-chart/v2/drawing"

// A partial interval (the year to date of a Q3 edition) is drawn lighter,
// with a dashed outline in its series' colour, and a line runs dashed into
// it, so that no reader takes three quarters for a whole year.
var partialDash = []float64{5, 3}

// partialAt reports whether key k is a partial interval.
func (m *model) partialAt(k int) bool {
	return k >= 0 && k < len(m.x.keys) && m.x.keys[k].Partial
}

// light is c mixed halfway with white: the fill of a partial bar.
func light(c drawing.Color) drawing.Color {
	mixc := func(v uint8) uint8 { return uint8((int(v) + 255) / 2) }
	return drawing.Color{R: mixc(c.R), G: mixc(c.G), B: mixc(c.B), A: c.A}
}

// bar fills a bar of colour c between two corners, lighter and outlined
// with a dash when it stands for a partial interval.
func (p *pen) bar(class string, c drawing.Color, partial bool, x0, y0, x1, y1 int) {
	if !partial {
		p.fill(class, c)
		p.rect(x0, y0, x1, y1)
		return
	}
	p.fill(class+"-partial", light(c))
	p.rect(x0, y0, x1, y1)
	if x0 == x1 || y0 == y1 {
		return
	}
	p.stroke(class+"-partial", c, 1.2, partialDash)
	p.r.MoveTo(x0, y0)
	p.r.LineTo(x1, y0)
	p.r.LineTo(x1, y1)
	p.r.LineTo(x0, y1)
	p.r.Close()
	p.r.Stroke()
}
