package layouts

import (
	"bytes"
	"strings"

	"codeberg.org/go-pdf/fpdf"
)

// canvas is the drawing side: fpdf plus the document's fonts, colours and
// the internal link targets (anchor name → fpdf link id).
//
// It remembers the font and colours it last gave fpdf and leaves out the
// calls that would not change them: a page holds thousands of words. Text
// is painted with the fill colour, which the canvas sets to the text's
// colour, so that fpdf does not wrap every word in its own graphics state
// to change the colour and back.
type canvas struct {
	pdf     *fpdf.Fpdf
	e       *env
	anchors map[string]int // anchor name → fpdf link id
	page    int            // physical page being drawn, 1-based
	pages   int            // total pages

	mcid     int        // the next marked-content ID on the page
	open     *tagRecord // the element whose marked content is open, nil in an artifact
	resume   tagRecord  // the element a Link interrupted
	links    int        // Link elements made so far, for their keys
	listItem string     // the LI the next paragraph drawn tags its label and text under
	rtl      bool       // text drawn is read right to left whatever its first letter: the furniture of a right-to-left document

	face int     // the face text is drawn in (faceIndex)
	size float64 // and its size in points
	// ink is the colour of text: report's own (fpdf draws no text, and its
	// text colour, set through Sprintf, would be read back only here).
	ink    RGB
	fill   RGB // the fill colour fpdf holds, when fillOK
	fillOK bool
	buf    []byte       // the text operators being written (showText)
	obj    sharedText   // the text object left open for the next word (shareText)
	ref    []byte       // the reference to them written instead (pagetext.go)
	rd     bytes.Reader // reads them to fpdf
}

// forget makes the canvas set the fill colour again before its next use (a
// new page, or after a drawing that changed it). Each text sets its own
// font and colour (showText).
func (c *canvas) forget() {
	c.fillOK = false
}

// setFont selects the face of st at size pt.
func (c *canvas) setFont(st style, size float64) { c.setFace(faceIndex(st), size) }

// setFace selects face i at size pt for the text drawn next.
func (c *canvas) setFace(i int, size float64) { c.face, c.size = i, size }

// fillColor sets the colour of filled areas and of text.
func (c *canvas) fillColor(col RGB) {
	if c.fillOK && c.fill == col {
		return
	}
	c.flushText()
	c.pdf.SetFillColor(int(col.R), int(col.G), int(col.B))
	c.fill, c.fillOK = col, true
}

func (c *canvas) textColor(col RGB) {
	c.ink = col
	c.fillColor(col)
}

// text draws s with its baseline at y, in st at size pt and colour col:
// its visual form (shape.go), which its width is measured by.
func (c *canvas) text(x, y float64, s string, st style, size float64, col RGB) {
	if s == "" {
		return
	}
	c.textVisual(x, y, c.e.fonts.visualIn(s, st, c.rtl), st, size, col)
}

// textVisual draws s, in visual form already (see text).
func (c *canvas) textVisual(x, y float64, s string, st style, size float64, col RGB) {
	if s == "" {
		return
	}
	if fs := c.e.fonts; fs.n > bodyFaces {
		// characters the face lacks are drawn from a fallback font
		own := faceIndex(st)
		for _, r := range fs.runs(s, st) {
			if r.face == own {
				c.textInFace(x, y, r.text, st, size, col)
			} else {
				c.setFace(r.face, size)
				c.textColor(col)
				if st&stBold != 0 {
					c.emboldened(x, y, r.text, size, col)
				} else {
					c.showText(x, y, r.text)
				}
			}
			x += c.e.m.rawWidth(st, size, r.text)
		}
		return
	}
	c.textInFace(x, y, s, st, size, col)
}

// emboldened draws s from a fallback font, which has no bold face, in a
// bold style (an Arabic heading): filled and stroked with a hairline of
// its own colour, as viewers embolden a face that lacks bold. Its advance
// is the regular face's, as it was measured.
func (c *canvas) emboldened(x, y float64, s string, size float64, col RGB) {
	c.flushText()
	c.pdf.SetDrawColor(int(col.R), int(col.G), int(col.B))
	c.pdf.SetLineWidth(mm(size) * 0.035)
	c.pdf.RawWriteStr("2 Tr\n")
	c.showText(x, y, s)
	c.flushText() // inside the 2 Tr … 0 Tr
	c.pdf.RawWriteStr("0 Tr\n")
}

// textInFace draws s in the face of st, its hyphens narrower where the
// face has them wide.
func (c *canvas) textInFace(x, y float64, s string, st style, size float64, col RGB) {
	c.setFont(st, size)
	c.textColor(col)
	k := c.e.m.hyphenScale(st)
	if k == 1 || !strings.Contains(s, "-") {
		c.showText(x, y, s)
		return
	}
	// the hyphens are drawn narrower than the font has them, each scaled
	// about its own origin; the text between them as it is
	for s != "" {
		i := strings.IndexByte(s, '-')
		if i < 0 {
			c.showText(x, y, s)
			return
		}
		if i > 0 {
			c.showText(x, y, s[:i])
			x += c.e.m.rawWidth(st, size, s[:i])
		}
		c.showScaledText(x, y, "-", k)
		x += c.e.m.rawWidth(st, size, "-")
		s = s[i+1:]
	}
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
	c.flushText()
	c.fillColor(col)
	c.pdf.Rect(x, y, w, h, "F")
}

func (c *canvas) line(x1, y1, x2, y2, weight float64, col RGB) {
	c.flushText()
	c.pdf.SetDrawColor(int(col.R), int(col.G), int(col.B))
	c.pdf.SetLineWidth(weight)
	c.pdf.Line(x1, y1, x2, y2)
}

// strokeRect outlines a box (the debug frames).
func (c *canvas) strokeRect(x, y, w, h, weight float64, col RGB) {
	c.flushText()
	c.pdf.SetDrawColor(int(col.R), int(col.G), int(col.B))
	c.pdf.SetLineWidth(weight)
	c.pdf.Rect(x, y, w, h, "D")
}

// link makes the box x, y, w, h clickable: "#anchor" goes to a place in
// the document, anything else is a URL. Unknown anchors are ignored.
// what describes the link to a screen reader: the URL for a URL.
func (c *canvas) link(x, y, w, h float64, target, what string) {
	if target == "" || w <= 0 {
		return
	}
	if strings.HasPrefix(target, "#") {
		if id, ok := c.anchors[target[1:]]; ok {
			c.pdf.Link(x, y, w, h, id)
			c.annotate(what)
		}
		return
	}
	c.pdf.LinkString(x, y, w, h, target)
	c.annotate(target)
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
// changed, while fpdf still remembers the drawing's. fpdf leaves out a
// colour it believes is already set, so a stale belief would paint the
// next text wrongly: set them all to known values.
func (c *canvas) resync() {
	c.flushText()
	c.forget()
	c.ink = RGB{}
	c.fillColor(RGB{255, 255, 255})
	c.pdf.SetDrawColor(0, 0, 0)
	c.pdf.SetLineWidth(0.2)
}
