package layouts

import (
	"codeberg.org/go-pdf/fpdf"
)

// Canvas is what a Drawing draws on: the current page, in millimetres
// from its top-left corner, with text in the document's regular face.
// Layouts owns it, as gonum/plot's vg.Canvas is owned by its backends: it
// clips a drawing to its box, and afterwards sets its own state (font,
// colours, line width, dash, cap and join) back itself, so a drawing need
// not put back what it changed.
type Canvas interface {
	MoveTo(x, y float64)
	LineTo(x, y float64)
	CurveTo(cx0, cy0, cx1, cy1, x, y float64) // a cubic Bézier curve
	ClosePath()
	// DrawPath paints the path built since the last paint: "S" strokes
	// it, "f" fills it, "B" does both.
	DrawPath(op string)

	SetDrawColor(r, g, b int) // of strokes
	SetFillColor(r, g, b int) // of fills
	SetTextColor(r, g, b int)
	SetLineWidth(w float64)
	SetDashPattern(dashes []float64, phase float64) // empty: solid
	SetLineCapStyle(style string)                   // "butt", "round" or "square"
	SetLineJoinStyle(style string)                  // "miter", "round" or "bevel"

	SetFontSize(pt float64)
	StringWidth(s string) float64 // at the current font size
	Text(x, y float64, s string)  // s with its baseline starting at x, y

	// Push saves the graphics state, Pop restores it; Rotate turns what
	// is drawn until the Pop by deg degrees anticlockwise around x, y.
	Push()
	Rotate(deg, x, y float64)
	Pop()
	// ClipRect confines what is drawn to a box until the matching ClipEnd.
	ClipRect(x, y, w, h float64)
	ClipEnd()

	// Err is the first error of the document, after which drawing does
	// nothing.
	Err() error
}

// pdfCanvas is the Canvas of a figure, over the fpdf document.
type pdfCanvas struct {
	pdf *fpdf.Fpdf
	c   *canvas // its document's fonts and text writer
	pt  float64 // the size SetFontSize set
	// the caller's state when the drawing started, set back by restore
	draw, fill [3]int
	text       RGB
	lineWidth  float64
	face       int
	size       float64
	x, y       float64
}

var _ Canvas = (*pdfCanvas)(nil)

// drawingCanvas starts a drawing's canvas, noting the state the canvas c
// has given fpdf so that restore can set it back.
func (c *canvas) drawingCanvas() *pdfCanvas {
	p := &pdfCanvas{pdf: c.pdf, c: c, face: c.face, size: c.size}
	p.draw[0], p.draw[1], p.draw[2] = c.pdf.GetDrawColor()
	p.fill[0], p.fill[1], p.fill[2] = c.pdf.GetFillColor()
	p.text = c.ink
	p.lineWidth = c.pdf.GetLineWidth()
	p.x, p.y = c.pdf.GetXY()
	return p
}

// restore sets fpdf's state back to what it was when the drawing started:
// the content stream holds it again after the drawing's clip ends, and
// fpdf's cache of it must agree. Layouts itself never sets a dash, a line
// cap or a join, so those go back to fpdf's defaults.
func (p *pdfCanvas) restore() {
	pdf := p.pdf
	pdf.SetDrawColor(p.draw[0], p.draw[1], p.draw[2])
	pdf.SetFillColor(p.fill[0], p.fill[1], p.fill[2])
	p.c.ink = p.text
	pdf.SetLineWidth(p.lineWidth)
	p.c.setFace(p.face, p.size)
	pdf.SetDashPattern([]float64{}, 0)
	pdf.SetLineCapStyle("butt")
	pdf.SetLineJoinStyle("miter")
	pdf.SetY(p.y)
	pdf.SetX(p.x)
}

func (p *pdfCanvas) MoveTo(x, y float64) { p.pdf.MoveTo(x, y) }
func (p *pdfCanvas) LineTo(x, y float64) { p.pdf.LineTo(x, y) }
func (p *pdfCanvas) CurveTo(cx0, cy0, cx1, cy1, x, y float64) {
	p.pdf.CurveBezierCubicTo(cx0, cy0, cx1, cy1, x, y)
}
func (p *pdfCanvas) ClosePath()               { p.pdf.ClosePath() }
func (p *pdfCanvas) DrawPath(op string)       { p.pdf.DrawPath(op) }
func (p *pdfCanvas) SetDrawColor(r, g, b int) { p.pdf.SetDrawColor(r, g, b) }
func (p *pdfCanvas) SetFillColor(r, g, b int) { p.pdf.SetFillColor(r, g, b) }
func (p *pdfCanvas) SetTextColor(r, g, b int) { p.c.ink = RGB{uint8(r), uint8(g), uint8(b)} }
func (p *pdfCanvas) SetLineWidth(w float64)   { p.pdf.SetLineWidth(w) }
func (p *pdfCanvas) SetDashPattern(d []float64, phase float64) {
	p.pdf.SetDashPattern(d, phase)
}
func (p *pdfCanvas) SetLineCapStyle(s string)  { p.pdf.SetLineCapStyle(s) }
func (p *pdfCanvas) SetLineJoinStyle(s string) { p.pdf.SetLineJoinStyle(s) }
func (p *pdfCanvas) SetFontSize(pt float64)    { p.pt = pt }

// StringWidth is the width of s at the current size, a character the
// regular font lacks measured in the fallback font that draws it.
func (p *pdfCanvas) StringWidth(s string) float64 {
	if p.c.e.fonts.n <= bodyFaces && !hasRTL(s) {
		return p.c.e.m.fontWidth(0, p.pt, s)
	}
	return p.c.e.m.width(0, p.pt, s)
}

// Text draws s in the regular face, right-to-left text shaped, the
// characters the face lacks from a fallback.
func (p *pdfCanvas) Text(x, y float64, s string) {
	fs := p.c.e.fonts
	if fs.n <= bodyFaces && !hasRTL(s) {
		p.c.setFace(0, p.pt)
		p.c.showText(x, y, s)
		return
	}
	for _, r := range fs.runs(fs.visual(s, 0), 0) {
		p.c.setFace(r.face, p.pt)
		p.c.showText(x, y, r.text)
		x += p.c.e.m.rawWidth(0, p.pt, r.text)
	}
}
func (p *pdfCanvas) Push()                       { p.pdf.TransformBegin() }
func (p *pdfCanvas) Rotate(deg, x, y float64)    { p.pdf.TransformRotate(deg, x, y) }
func (p *pdfCanvas) Pop()                        { p.pdf.TransformEnd() }
func (p *pdfCanvas) ClipRect(x, y, w, h float64) { p.pdf.ClipRect(x, y, w, h, false) }
func (p *pdfCanvas) ClipEnd()                    { p.pdf.ClipEnd() }
func (p *pdfCanvas) Err() error                  { return p.pdf.Error() }
