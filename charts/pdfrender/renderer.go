package pdfrender

import (
	"errors"
	"fmt"
	"io"
	"math"

	"github.com/briefing/report/layouts"
	"github.com/golang/freetype/truetype"
	chart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// PixelsPerMM is the number of go-chart pixels in one millimetre of the page.
// At 6 px/mm a 170 mm wide chart is 1020 px wide, close to go-chart's default
// 1024, and go-chart's fixed pixel margins (10 px, about 1.7 mm) stay in
// proportion; coordinates are quantised to 1/6 mm, below what print shows.
const PixelsPerMM = 6.0

// DPI is the resolution go-chart should lay out at (chart.Chart.DPI) so that
// a font size in points means the same size in points on the page.
const DPI = PixelsPerMM * 25.4

var _ chart.Renderer = (*Renderer)(nil)

// Renderer is a chart.Renderer that draws into a box of a layouts.Canvas.
// Create it with New, let go-chart draw through it, then call Finish. A
// Renderer is not safe for concurrent use.
type Renderer struct {
	pdf    layouts.Canvas
	x0, y0 float64 // top-left of the box, in millimetres
	ppu    float64 // pixels per pdf unit
	k      float64 // points per pdf unit
	wpx    int
	hpx    int
	dpi    float64

	// current go-chart style
	stroke, fill, fontColor drawing.Color
	strokeWidth             float64
	dash                    []float64
	fontSize                float64
	rotation                *float64

	path []segment

	// out is what the content stream currently holds; valid is false after
	// a graphics state was restored and everything must be set again.
	out   emitted
	clips int
	done  bool
}

// emitted is the graphics state last written to the content stream.
type emitted struct {
	valid      bool
	draw, fill drawing.Color
	width      float64
	dash       string
	fontPt     float64
}

// New starts drawing into the box (x, y, w, h), in millimetres, of c. It
// returns the canvas's error if the document has already failed.
func New(c layouts.Canvas, x, y, w, h float64) (*Renderer, error) {
	if c == nil {
		return nil, errors.New("pdfrender: nil canvas")
	}
	if err := c.Err(); err != nil {
		return nil, err
	}
	if !(w > 0 && h > 0) || math.IsInf(w, 0) || math.IsInf(h, 0) {
		return nil, fmt.Errorf("pdfrender: invalid box %gx%g", w, h)
	}
	ppu := PixelsPerMM * pointsPerMM * 25.4 / 72
	r := &Renderer{
		pdf: c, x0: x, y0: y, ppu: ppu, k: pointsPerMM,
		wpx: int(math.Floor(w*ppu + 1e-6)), hpx: int(math.Floor(h*ppu + 1e-6)),
		dpi: DPI, fontSize: chart.DefaultFontSize,
	}
	c.ClipRect(x, y, w, h)
	c.SetLineCapStyle("butt")
	c.SetLineJoinStyle("round")
	c.SetFontSize(r.fontSize)
	if err := c.Err(); err != nil {
		return nil, fmt.Errorf("pdfrender: %w", err)
	}
	return r, nil
}

// pointsPerMM converts the canvas's millimetres to points, as fpdf does.
const pointsPerMM = 72.0 / 25.4

// Size returns the box's size in go-chart pixels: the Width and Height to
// give chart.Chart.
func (r *Renderer) Size() (w, h int) { return r.wpx, r.hpx }

// Provider returns a chart.RendererProvider that hands go-chart this renderer.
func (r *Renderer) Provider() chart.RendererProvider {
	return func(int, int) (chart.Renderer, error) { return r, nil }
}

// Finish ends the drawing: it closes any clip still open and the box's own
// clip, and returns the canvas's first error, if any. The canvas sets its
// owner's state back itself.
func (r *Renderer) Finish() error {
	if r.done {
		return r.pdf.Err()
	}
	r.done = true
	for r.clips > 0 {
		r.ClipEnd()
	}
	r.pdf.ClipEnd()
	return r.pdf.Err()
}

// ClipRect confines what is drawn next to the box b (in pixels) until the
// matching ClipEnd. Clips nest.
func (r *Renderer) ClipRect(b chart.Box) {
	r.path = r.path[:0]
	x, y := r.pt(float64(b.Left), float64(b.Top))
	r.pdf.ClipRect(x, y, float64(b.Width())/r.ppu, float64(b.Height())/r.ppu)
	r.clips++
}

// ClipEnd ends the innermost ClipRect. The PDF graphics state goes back to
// what it was at ClipRect, so everything is set again before the next paint.
func (r *Renderer) ClipEnd() {
	if r.clips == 0 {
		return
	}
	r.clips--
	r.pdf.ClipEnd()
	r.out.valid = false
}

// ResetStyle resets the go-chart style (colours, widths, dashes, rotation).
func (r *Renderer) ResetStyle() {
	r.stroke, r.fill, r.fontColor = drawing.Color{}, drawing.Color{}, drawing.Color{}
	r.strokeWidth = 0
	r.dash = nil
	r.rotation = nil
}

// GetDPI returns the resolution go-chart lays out at.
func (r *Renderer) GetDPI() float64 { return r.dpi }

// SetDPI sets the resolution go-chart lays out at; font sizes are scaled by
// dpi/DPI onto the page.
func (r *Renderer) SetDPI(dpi float64) {
	if dpi > 0 {
		r.dpi = dpi
	}
}

// SetClassName does nothing: PDF has no classes.
func (r *Renderer) SetClassName(string) {}

// SetStrokeColor sets the colour of strokes; a transparent colour strokes
// nothing.
func (r *Renderer) SetStrokeColor(c drawing.Color) { r.stroke = c }

// SetFillColor sets the colour of fills; a transparent colour fills nothing.
func (r *Renderer) SetFillColor(c drawing.Color) { r.fill = c }

// SetStrokeWidth sets the stroke width in pixels.
func (r *Renderer) SetStrokeWidth(width float64) { r.strokeWidth = width }

// SetStrokeDashArray sets the dash pattern in pixels; empty means solid.
func (r *Renderer) SetStrokeDashArray(dashArray []float64) { r.dash = dashArray }

// SetFont does nothing: text is set in the canvas's font, so that charts
// share the document's.
func (r *Renderer) SetFont(*truetype.Font) {}

// SetFontColor sets the text colour.
func (r *Renderer) SetFontColor(c drawing.Color) { r.fontColor = c }

// SetFontSize sets the font size in points at the renderer's DPI.
func (r *Renderer) SetFontSize(size float64) { r.fontSize = size }

// SetTextRotation rotates the text drawn next by radians, clockwise as seen
// on the page (go-chart's convention).
func (r *Renderer) SetTextRotation(radians float64) { r.rotation = &radians }

// ClearTextRotation draws text upright again.
func (r *Renderer) ClearTextRotation() { r.rotation = nil }

// Save returns the canvas's first error; the drawing is already on the page.
func (r *Renderer) Save(io.Writer) error { return r.pdf.Err() }

// pt maps a pixel position to the page.
func (r *Renderer) pt(px, py float64) (float64, float64) {
	return r.x0 + px/r.ppu, r.y0 + py/r.ppu
}

// opaque blends a partly transparent colour onto white, since charts are
// drawn on white paper and PDF transparency would add graphics states.
func opaque(c drawing.Color) (int, int, int) {
	if c.A == 255 {
		return int(c.R), int(c.G), int(c.B)
	}
	a := float64(c.A) / 255
	mix := func(v uint8) int { return int(math.Round(float64(v)*a + 255*(1-a))) }
	return mix(c.R), mix(c.G), mix(c.B)
}
