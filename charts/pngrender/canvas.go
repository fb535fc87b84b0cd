// Package pngrender is a layouts.Canvas over a bitmap, for charts on
// slides: a chart draws on it through pdfrender as it draws on a page, so
// the picture is laid out, measured and painted by the same code as the
// PDF version (as gonum's vgimg is to vgpdf).
package pngrender

import (
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"io"
	"math"

	"github.com/briefing/report/layouts"
	"github.com/golang/freetype/truetype"
	"github.com/wcharczuk/go-chart/v2/drawing"
	"golang.org/x/image/math/fixed"
)

var _ layouts.Canvas = (*Canvas)(nil)

// Canvas paints in millimetres onto a white bitmap, pxPerMM pixels to the
// millimetre, its text set by a layouts.TextSetter: in the brand's fonts,
// from the fallbacks where the regular face lacks a character, shaped
// where it is right to left. It does not clip: a chart keeps to its box.
type Canvas struct {
	img     *image.RGBA
	gc      *drawing.RasterGraphicContext
	setter  *layouts.TextSetter
	fonts   map[*byte]*truetype.Font // parsed font files, by their first byte
	pxPerMM float64

	draw, fill, text drawing.Color
	size             float64 // font size, pt
}

// New returns a white w×h bitmap to draw on at pxPerMM pixels a
// millimetre, with text set by setter.
func New(w, h int, pxPerMM float64, setter *layouts.TextSetter) (*Canvas, error) {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Bounds(), image.NewUniform(color.White), image.Point{}, draw.Src)
	gc, err := drawing.NewRasterGraphicContext(img)
	if err != nil {
		return nil, err
	}
	gc.SetDPI(pxPerMM * 25.4) // a size in points is that many points on the bitmap
	black := drawing.Color{A: 255}
	return &Canvas{img: img, gc: gc, setter: setter, fonts: map[*byte]*truetype.Font{},
		pxPerMM: pxPerMM, draw: black, fill: black, text: black, size: 10}, nil
}

// font is the parse of a font file, made at its first use; nil when
// freetype cannot read it.
func (c *Canvas) font(data []byte) *truetype.Font {
	if len(data) == 0 {
		return nil
	}
	f, ok := c.fonts[&data[0]]
	if !ok {
		f, _ = truetype.Parse(data)
		c.fonts[&data[0]] = f
	}
	return f
}

// Encode writes the bitmap as PNG.
func (c *Canvas) Encode(w io.Writer) error { return png.Encode(w, c.img) }

func (c *Canvas) px(v float64) float64 { return v * c.pxPerMM }

// MoveTo starts a subpath.
func (c *Canvas) MoveTo(x, y float64) { c.gc.MoveTo(c.px(x), c.px(y)) }

// LineTo adds a line.
func (c *Canvas) LineTo(x, y float64) { c.gc.LineTo(c.px(x), c.px(y)) }

// CurveTo adds a cubic Bézier curve.
func (c *Canvas) CurveTo(cx0, cy0, cx1, cy1, x, y float64) {
	c.gc.CubicCurveTo(c.px(cx0), c.px(cy0), c.px(cx1), c.px(cy1), c.px(x), c.px(y))
}

// ClosePath closes the subpath.
func (c *Canvas) ClosePath() { c.gc.Close() }

// DrawPath paints the path: "S" strokes, "f" fills, "B" both.
func (c *Canvas) DrawPath(op string) {
	c.gc.SetStrokeColor(c.draw)
	c.gc.SetFillColor(c.fill)
	switch op {
	case "S":
		c.gc.Stroke()
	case "f":
		c.gc.Fill()
	default:
		c.gc.FillStroke()
	}
}

func rgb(r, g, b int) drawing.Color {
	return drawing.Color{R: uint8(r), G: uint8(g), B: uint8(b), A: 255}
}

// SetDrawColor sets the colour of strokes.
func (c *Canvas) SetDrawColor(r, g, b int) { c.draw = rgb(r, g, b) }

// SetFillColor sets the colour of fills.
func (c *Canvas) SetFillColor(r, g, b int) { c.fill = rgb(r, g, b) }

// SetTextColor sets the colour of text.
func (c *Canvas) SetTextColor(r, g, b int) { c.text = rgb(r, g, b) }

// SetLineWidth sets the width of strokes, mm.
func (c *Canvas) SetLineWidth(w float64) { c.gc.SetLineWidth(c.px(w)) }

// SetDashPattern sets the dashes of strokes, mm; empty: solid.
func (c *Canvas) SetDashPattern(dashes []float64, phase float64) {
	var d []float64
	for _, v := range dashes {
		d = append(d, c.px(v))
	}
	c.gc.SetLineDash(d, c.px(phase))
}

// SetLineCapStyle sets how strokes end.
func (c *Canvas) SetLineCapStyle(style string) {
	c.gc.SetLineCap(map[string]drawing.LineCap{"round": drawing.RoundCap, "square": drawing.SquareCap}[style])
}

// SetLineJoinStyle sets how strokes join.
func (c *Canvas) SetLineJoinStyle(style string) {
	c.gc.SetLineJoin(map[string]drawing.LineJoin{"round": drawing.RoundJoin, "bevel": drawing.BevelJoin}[style])
}

// SetFontSize sets the size of text, pt.
func (c *Canvas) SetFontSize(pt float64) { c.size = pt }

// StringWidth is the advance of s at the current size, mm, kerned as it
// is painted.
func (c *Canvas) StringWidth(s string) float64 {
	w := 0.0
	for _, r := range c.setter.Runs(s) {
		w += c.runWidth(r)
	}
	return w
}

// runWidth is the advance of a run in its font, mm.
func (c *Canvas) runWidth(run layouts.TextRun) float64 {
	font := c.font(run.Font)
	if font == nil {
		return 0
	}
	units := fixed.Int26_6(font.FUnitsPerEm())
	adv := 0
	var prev truetype.Index
	for i, r := range run.Text {
		idx := font.Index(r)
		if i > 0 {
			adv += int(font.Kern(units, prev, idx))
		}
		adv += int(font.HMetric(units, idx).AdvanceWidth)
		prev = idx
	}
	return float64(adv) / float64(units) * c.size * 25.4 / 72
}

// Text paints s with its baseline starting at x, y.
func (c *Canvas) Text(x, y float64, s string) {
	if s == "" {
		return
	}
	c.gc.SetFontSize(c.size)
	c.gc.SetFillColor(c.text)
	for _, r := range c.setter.Runs(s) {
		font := c.font(r.Font)
		if font == nil {
			continue
		}
		c.gc.SetFont(font)
		c.gc.BeginPath()
		_, _ = c.gc.CreateStringPath(r.Text, c.px(x), c.px(y))
		c.gc.Fill()
		x += c.runWidth(r)
	}
}

// Push saves the graphics state.
func (c *Canvas) Push() { c.gc.Save() }

// Rotate turns what is painted until Pop by deg degrees anticlockwise
// around x, y.
func (c *Canvas) Rotate(deg, x, y float64) {
	c.gc.Translate(c.px(x), c.px(y))
	c.gc.Rotate(-deg * math.Pi / 180)
	c.gc.Translate(-c.px(x), -c.px(y))
}

// Pop restores the graphics state Push saved.
func (c *Canvas) Pop() { c.gc.Restore() }

// ClipRect does nothing: a chart keeps to its box.
func (c *Canvas) ClipRect(x, y, w, h float64) {}

// ClipEnd does nothing.
func (c *Canvas) ClipEnd() {}

// Err is always nil: painting a bitmap does not fail.
func (c *Canvas) Err() error { return nil }
