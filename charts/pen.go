package charts

import (
	"math"

	chart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// none is a transparent colour go-chart does not replace with its defaults
// (its zero colour means "unset"); renderers paint nothing with it.
var none = drawing.Color{R: 255, G: 255, B: 255, A: 0}

// pen draws on the plot area: it maps X positions and values to pixels the
// way go-chart's axes do, and carries the chart's text settings.
type pen struct {
	r          chart.Renderer
	box        chart.Box // the plot area
	xmin, xmax float64
	yr         chart.ContinuousRange
	fs         float64 // font size, points
	h          int     // text height, pixels
	text       drawing.Color
}

func newPen(r chart.Renderer, box chart.Box, f *frame) *pen {
	return &pen{
		r: r, box: box, xmin: f.xmin, xmax: f.xmax,
		yr: chart.ContinuousRange{Min: f.yticks[0], Max: f.yticks[len(f.yticks)-1], Domain: box.Height()},
		fs: f.fs, h: f.h, text: f.style.TextColor.color(),
	}
}

// plainPen is a pen for charts with their own layout (hbar, donut): it
// draws shapes and text in box but maps no values.
func plainPen(r chart.Renderer, box chart.Box, st Style, h int) *pen {
	return &pen{r: r, box: box, fs: st.FontSize, h: h, text: st.TextColor.color()}
}

// x returns the pixel column of X position pos.
func (p *pen) x(pos float64) int { return int(math.Round(p.xf(pos))) }

// xf returns the column of X position pos, unrounded.
func (p *pen) xf(pos float64) float64 {
	return float64(p.box.Left) + (pos-p.xmin)/(p.xmax-p.xmin)*float64(p.box.Width())
}

// y returns the pixel row of value v, exactly as go-chart places grid lines.
func (p *pen) y(v float64) int { return p.box.Bottom - p.yr.Translate(v) }

// unit returns the width in pixels of one X step.
func (p *pen) unit() float64 { return float64(p.box.Width()) / (p.xmax - p.xmin) }

// stroke sets up a stroke-only style.
func (p *pen) stroke(class string, c drawing.Color, width float64, dash []float64) {
	p.r.ResetStyle()
	p.r.SetClassName(class)
	p.r.SetStrokeColor(c)
	p.r.SetFillColor(none)
	p.r.SetStrokeWidth(width)
	p.r.SetStrokeDashArray(dash)
}

// fill sets up a fill-only style.
func (p *pen) fill(class string, c drawing.Color) {
	p.r.ResetStyle()
	p.r.SetClassName(class)
	p.r.SetFillColor(c)
	p.r.SetStrokeColor(none)
	p.r.SetStrokeWidth(0)
}

// line strokes a straight line with the current style.
func (p *pen) line(x0, y0, x1, y1 int) {
	p.r.MoveTo(x0, y0)
	p.r.LineTo(x1, y1)
	p.r.Stroke()
}

// rect fills the rectangle between two corners with the current style.
func (p *pen) rect(x0, y0, x1, y1 int) {
	if x0 > x1 {
		x0, x1 = x1, x0
	}
	if y0 > y1 {
		y0, y1 = y1, y0
	}
	if x0 == x1 || y0 == y1 {
		return
	}
	p.r.MoveTo(x0, y0)
	p.r.LineTo(x1, y0)
	p.r.LineTo(x1, y1)
	p.r.LineTo(x0, y1)
	p.r.Close()
	p.r.Fill()
}

// write draws text with its baseline starting at (x, y), turned by
// rotation radians (clockwise; -π/2 reads upwards).
func (p *pen) write(class, s string, x, y int, rotation float64) {
	p.writeSized(class, s, x, y, rotation, p.fs)
}

// writeSized is write at font size fs, in points.
func (p *pen) writeSized(class, s string, x, y int, rotation, fs float64) {
	p.r.ResetStyle()
	p.r.SetClassName(class)
	p.r.SetFontColor(p.text)
	p.r.SetFontSize(fs)
	if rotation != 0 {
		p.r.SetTextRotation(rotation)
	}
	p.r.Text(s, x, y)
	p.r.ClearTextRotation()
}

// ascent and descent approximate where glyphs sit around the baseline.
func (p *pen) ascent() int  { return ascent(p.h) }
func ascent(h int) int      { return int(math.Round(0.78 * float64(h))) }
func descent(h int) int     { return int(math.Round(0.22 * float64(h))) }
func (p *pen) descent() int { return descent(p.h) }

// layerSeries adapts a drawing function to go-chart's Series, so that it is
// drawn in go-chart's order: after the axes and grid, before the elements.
type layerSeries struct {
	name string
	f    *frame
	draw func(p *pen)
}

func (s layerSeries) GetName() string           { return s.name }
func (s layerSeries) GetYAxis() chart.YAxisType { return chart.YAxisPrimary }
func (s layerSeries) GetStyle() chart.Style     { return chart.Style{} }
func (s layerSeries) Validate() error           { return nil }
func (s layerSeries) Render(r chart.Renderer, box chart.Box, _, _ chart.Range, _ chart.Style) {
	s.draw(newPen(r, box, s.f))
}
