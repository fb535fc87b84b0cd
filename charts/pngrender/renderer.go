// Package pngrender paints go-chart charts onto a bitmap, for slides: the
// PNG counterpart of pdfrender, laid out in the same pixels and measured
// the same way, so that the picture looks like the PDF version.
package pngrender

import (
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"io"
	"math"

	"github.com/briefing/report/charts/pdfrender"
	"github.com/golang/freetype/truetype"
	chart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
	"golang.org/x/image/math/fixed"
)

var _ chart.Renderer = (*Renderer)(nil)

// Renderer is a chart.Renderer that paints onto a bitmap with go-chart's
// drawing package. The chart is laid out in pixels as for the PDF and
// painted s times larger; text is set in one TrueType font and measured as
// pdfrender measures it (advance widths, the font size as the height), and
// lines end and join as in the PDF, so the bitmap looks like the PDF
// version of the chart.
type Renderer struct {
	img  *image.RGBA
	gc   *drawing.RasterGraphicContext
	s    float64
	off  float64 // a margin all round, in layout pixels
	font *truetype.Font
	dpi  float64

	stroke, fill, fontColor drawing.Color
	width                   float64
	dash                    []float64
	size                    float64
	rot                     *float64
}

// New returns a white bitmap w×h pixels that a chart laid out at w/s ×
// h/s pixels, less a margin of off pixels all round, paints onto, its text
// in font.
func New(w, h int, s, off float64, font *truetype.Font) (*Renderer, error) {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Bounds(), image.NewUniform(color.White), image.Point{}, draw.Src)
	gc, err := drawing.NewRasterGraphicContext(img)
	if err != nil {
		return nil, err
	}
	gc.SetLineCap(drawing.ButtCap)
	gc.SetLineJoin(drawing.RoundJoin)
	gc.SetFont(font)
	r := &Renderer{img: img, gc: gc, s: s, off: off, font: font, size: chart.DefaultFontSize}
	r.SetDPI(pdfrender.DPI)
	return r, nil
}

// Encode writes the bitmap as PNG.
func (r *Renderer) Encode(w io.Writer) error { return png.Encode(w, r.img) }

// ResetStyle resets colours, widths, dashes and text rotation.
func (r *Renderer) ResetStyle() {
	r.stroke, r.fill, r.fontColor = drawing.Color{}, drawing.Color{}, drawing.Color{}
	r.width, r.dash = 0, nil
	r.ClearTextRotation()
}

// GetDPI returns the resolution the chart is laid out at.
func (r *Renderer) GetDPI() float64 { return r.dpi }

// SetDPI sets the resolution the chart is laid out at. go-chart's glyph
// scale is points × DPI in 1/64 pixel, not 1/72, hence the 64/72.
func (r *Renderer) SetDPI(dpi float64) {
	if dpi > 0 {
		r.dpi = dpi
		r.gc.SetDPI(dpi * r.s * 64 / 72)
	}
}

// SetClassName does nothing: a bitmap has no classes.
func (r *Renderer) SetClassName(string) {}

// SetStrokeColor sets the colour of strokes.
func (r *Renderer) SetStrokeColor(c drawing.Color) { r.stroke = c }

// SetFillColor sets the colour of fills.
func (r *Renderer) SetFillColor(c drawing.Color) { r.fill = c }

// SetStrokeWidth sets the stroke width in layout pixels.
func (r *Renderer) SetStrokeWidth(w float64) { r.width = w }

// SetStrokeDashArray sets the dash pattern in layout pixels.
func (r *Renderer) SetStrokeDashArray(d []float64) { r.dash = d }

func (r *Renderer) sc(v int) float64 { return (float64(v) + r.off) * r.s }

// MoveTo starts a subpath.
func (r *Renderer) MoveTo(x, y int) { r.gc.MoveTo(r.sc(x), r.sc(y)) }

// LineTo adds a line.
func (r *Renderer) LineTo(x, y int) { r.gc.LineTo(r.sc(x), r.sc(y)) }

// QuadCurveTo adds a quadratic curve.
func (r *Renderer) QuadCurveTo(cx, cy, x, y int) {
	r.gc.QuadCurveTo(r.sc(cx), r.sc(cy), r.sc(x), r.sc(y))
}

// ArcTo adds an arc, angles clockwise from three o'clock.
func (r *Renderer) ArcTo(cx, cy int, rx, ry, start, delta float64) {
	r.gc.ArcTo(r.sc(cx), r.sc(cy), rx*r.s, ry*r.s, start, delta)
}

// Close closes the subpath.
func (r *Renderer) Close() { r.gc.Close() }

// Circle adds a circle as a closed subpath.
func (r *Renderer) Circle(radius float64, x, y int) {
	cx, cy, rad := r.sc(x), r.sc(y), radius*r.s
	r.gc.MoveTo(cx+rad, cy)
	r.gc.ArcTo(cx, cy, rad, rad, 0, 2*math.Pi)
	r.gc.Close()
}

// Stroke strokes the path and starts a new one.
func (r *Renderer) Stroke() {
	if r.stroke.A == 0 || r.width <= 0 {
		r.gc.BeginPath()
		return
	}
	r.setStroke()
	r.gc.Stroke()
}

// Fill fills the path and starts a new one.
func (r *Renderer) Fill() {
	if r.fill.A == 0 {
		r.gc.BeginPath()
		return
	}
	r.gc.SetFillColor(r.fill)
	r.gc.Fill()
}

// FillStroke fills, then strokes the path.
func (r *Renderer) FillStroke() {
	r.gc.SetFillColor(r.fill)
	r.setStroke()
	r.gc.FillStroke()
}

func (r *Renderer) setStroke() {
	r.gc.SetStrokeColor(r.stroke)
	r.gc.SetLineWidth(r.width * r.s)
	var dash []float64
	for _, d := range r.dash {
		dash = append(dash, d*r.s)
	}
	r.gc.SetLineDash(dash, 0)
}

// SetFont does nothing: text is set in the raster's font.
func (r *Renderer) SetFont(*truetype.Font) {}

// SetFontColor sets the text colour.
func (r *Renderer) SetFontColor(c drawing.Color) { r.fontColor = c }

// SetFontSize sets the font size in points.
func (r *Renderer) SetFontSize(size float64) { r.size = size }

// SetTextRotation turns the next text by radians, clockwise.
func (r *Renderer) SetTextRotation(radians float64) { r.rot = &radians }

// ClearTextRotation sets text upright again.
func (r *Renderer) ClearTextRotation() { r.rot = nil }

// Text draws body with its baseline starting at (x, y).
func (r *Renderer) Text(body string, x, y int) {
	if body == "" || r.fontColor.A == 0 {
		return
	}
	r.gc.BeginPath()
	r.gc.SetFontSize(r.size)
	r.gc.SetFillColor(r.fontColor)
	if r.rot == nil || *r.rot == 0 {
		_, _ = r.gc.CreateStringPath(body, r.sc(x), r.sc(y))
		r.gc.Fill()
		return
	}
	r.gc.Translate(r.sc(x), r.sc(y))
	r.gc.Rotate(*r.rot)
	_, _ = r.gc.CreateStringPath(body, 0, 0)
	r.gc.Fill()
	r.gc.SetMatrixTransform(drawing.NewIdentityMatrix())
}

// MeasureText returns the size of body in layout pixels: its advance width
// (with the kerning the bitmap is drawn with) and the font size as height.
func (r *Renderer) MeasureText(body string) chart.Box {
	em := r.size * r.dpi / 72
	units := fixed.Int26_6(r.font.FUnitsPerEm())
	adv := 0
	var prev truetype.Index
	for i, c := range body {
		idx := r.font.Index(c)
		if i > 0 {
			adv += int(r.font.Kern(units, prev, idx))
		}
		adv += int(r.font.HMetric(units, idx).AdvanceWidth)
		prev = idx
	}
	w := float64(adv) / float64(units) * em
	b := chart.Box{Right: int(math.Ceil(w)), Bottom: int(math.Round(em))}
	if r.rot == nil || *r.rot == 0 {
		return b
	}
	return b.Corners().Rotate(*r.rot * 180 / math.Pi).Box()
}

// Save writes the bitmap as PNG.
func (r *Renderer) Save(w io.Writer) error { return r.Encode(w) }
