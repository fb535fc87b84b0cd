package pdfrender

import (
	"math"

	chart "github.com/wcharczuk/go-chart/v2"
)

// pdfFontPt is the current go-chart font size in points on the page.
func (r *Renderer) pdfFontPt() float64 {
	return r.fontSize * r.dpi / DPI
}

// useFont sets the current size on the canvas (so widths and glyph
// subsets are right) and in the content stream.
func (r *Renderer) useFont() {
	pt := r.pdfFontPt()
	if r.out.valid && r.out.fontPt == pt {
		return
	}
	r.pdf.SetFontSize(pt)
	r.validate()
	r.out.fontPt = pt
}

// Text draws body with its baseline starting at (x, y), turned by the
// current text rotation around that point.
func (r *Renderer) Text(body string, x, y int) {
	if body == "" || r.fontColor.A == 0 {
		return
	}
	r.useFont()
	// The text colour is set as the fill colour, so fpdf writes the text
	// with the fill colour the content stream really has.
	r.pdf.SetTextColor(opaque(r.fontColor))
	r.setFill(r.fontColor)
	px, py := r.pt(float64(x), float64(y))
	if r.rotation == nil || *r.rotation == 0 {
		r.pdf.Text(px, py, body)
		return
	}
	r.pdf.Push()
	r.pdf.Rotate(-*r.rotation*180/math.Pi, px, py)
	r.pdf.Text(px, py, body)
	r.pdf.Pop()
	r.out.valid = false
}

// MeasureText returns the size of body in pixels, measured with the real
// font at the current size: its advance width, and the font size as its
// height (go-chart's convention). Under a text rotation it returns the
// bounds of the turned box.
func (r *Renderer) MeasureText(body string) chart.Box {
	r.useFont()
	w := r.pdf.StringWidth(body) * r.ppu
	h := r.pdfFontPt() / r.k * r.ppu
	b := chart.Box{Right: int(math.Ceil(w)), Bottom: int(math.Round(h))}
	if r.rotation == nil || *r.rotation == 0 {
		return b
	}
	return b.Corners().Rotate(*r.rotation * 180 / math.Pi).Box()
}
