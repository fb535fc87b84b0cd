package layouts

import (
	"strings"

	"github.com/go-pdf/fpdf"
)

// canvas is the drawing side: fpdf plus the document's fonts, colours and
// the internal link targets (anchor name → fpdf link id).
type canvas struct {
	pdf   *fpdf.Fpdf
	e     *env
	links map[string]int
	page  int // physical page being drawn, 1-based
	pages int // total pages
}

// setFont selects the face of st at size pt.
func (c *canvas) setFont(st style, size float64) {
	fc := c.e.fonts.faces[faceIndex(st)]
	c.pdf.SetFont(fc.family, fc.style, size)
}

func (c *canvas) textColor(col RGB) { c.pdf.SetTextColor(int(col.R), int(col.G), int(col.B)) }

// text draws s with its baseline at y, in st at size pt and colour col.
func (c *canvas) text(x, y float64, s string, st style, size float64, col RGB) {
	if s == "" {
		return
	}
	c.setFont(st, size)
	c.textColor(col)
	c.pdf.Text(x, y, s)
}

// textRight draws s ending at x.
func (c *canvas) textRight(x, y float64, s string, st style, size float64, col RGB) {
	c.text(x-c.e.m.width(st, size, s), y, s, st, size, col)
}

// textCenter draws s centred on x.
func (c *canvas) textCenter(x, y float64, s string, st style, size float64, col RGB) {
	c.text(x-c.e.m.width(st, size, s)/2, y, s, st, size, col)
}

func (c *canvas) fillRect(x, y, w, h float64, col RGB) {
	c.pdf.SetFillColor(int(col.R), int(col.G), int(col.B))
	c.pdf.Rect(x, y, w, h, "F")
}

func (c *canvas) line(x1, y1, x2, y2, weight float64, col RGB) {
	c.pdf.SetDrawColor(int(col.R), int(col.G), int(col.B))
	c.pdf.SetLineWidth(weight)
	c.pdf.Line(x1, y1, x2, y2)
}

// link makes the box x, y, w, h clickable: "#anchor" goes to a place in
// the document, anything else is a URL. Unknown anchors are ignored.
func (c *canvas) link(x, y, w, h float64, target string) {
	if target == "" || w <= 0 {
		return
	}
	if strings.HasPrefix(target, "#") {
		if id, ok := c.links[target[1:]]; ok {
			c.pdf.Link(x, y, w, h, id)
		}
		return
	}
	c.pdf.LinkString(x, y, w, h, target)
}

// baseline is the offset from the top of a line box of height lh to the
// baseline of text of size pt in st, centring the font's extent.
func (e *env) baseline(st style, size, lh float64) float64 {
	a, d := e.m.ascent(st), e.m.descent(st)
	em := mm(size)
	return (lh-em*(a+d))/2 + em*a
}

// resync puts fpdf's idea of the graphics state back in line with the PDF
// after a clip ends: the Q that ends it restores the colours the drawing
// changed, while fpdf still remembers the drawing's. fpdf leaves the
// colour out of text whose colour equals its remembered fill colour, so
// a stale fill colour would paint the next text wrongly.
func (c *canvas) resync() {
	c.pdf.SetFillColor(255, 255, 255)
	c.pdf.SetDrawColor(0, 0, 0)
	c.pdf.SetLineWidth(0.2)
}
