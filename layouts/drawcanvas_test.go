package layouts

import (
	"bytes"
	"testing"

	"codeberg.org/go-pdf/fpdf"
)

// A drawing may change whatever it likes on its canvas: afterwards fpdf's
// idea of the state is the one layouts had before, as the content stream's
// is after the drawing's clip ends.
func TestDrawingCanvas_SetsStateBack(t *testing.T) {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCompression(false)
	pdf.AddPage()
	fs, err := loadFonts(Fonts{})
	if err != nil {
		t.Fatal(err)
	}
	m, err := newMetrics(fs)
	if err != nil {
		t.Fatal(err)
	}
	c := &canvas{pdf: pdf, e: &env{fonts: fs, m: m}}
	c.setFont(stBold, 11)
	pdf.SetDrawColor(1, 2, 3)
	pdf.SetFillColor(4, 5, 6)
	pdf.SetTextColor(7, 8, 9)
	pdf.SetLineWidth(0.3)
	pdf.SetXY(33, 44)
	type state struct {
		draw, fill, text [3]int
		width            float64
		x, y             float64
	}
	read := func() state {
		var s state
		s.draw[0], s.draw[1], s.draw[2] = pdf.GetDrawColor()
		s.fill[0], s.fill[1], s.fill[2] = pdf.GetFillColor()
		s.text[0], s.text[1], s.text[2] = pdf.GetTextColor()
		s.width = pdf.GetLineWidth()
		s.x, s.y = pdf.GetXY()
		return s
	}
	before := read()
	pdf.ClipRect(10, 10, 100, 60, false)
	dc := c.drawingCanvas()
	barChart([]string{"a", "b"}, []float64{1, 2}).Draw(dc, 10, 10, 100, 60)
	dc.SetDashPattern([]float64{1, 1}, 0)
	dc.SetLineCapStyle("round")
	dc.restore()
	pdf.ClipEnd()
	if after := read(); after != before {
		t.Errorf("state after the drawing %+v, want %+v", after, before)
	}
	if c.face != faceIndex(stBold) || c.size != 11 {
		t.Errorf("the canvas forgot its font: face %d at %v pt", c.face, c.size)
	}
	var out bytes.Buffer
	c.showText(10, 100, "after")
	if err := pdf.Output(&out); err != nil {
		t.Fatal(err)
	}
	// after the drawing's 7.5 pt labels and dash, the caller's 11 pt font
	// and no dash are set again, in fpdf and in the content stream
	tail := out.String()[bytes.LastIndex(out.Bytes(), []byte(" 7.50 Tf")):]
	if !bytes.Contains([]byte(tail), []byte("/TT1 11.00 Tf")) || !bytes.Contains([]byte(tail), []byte("[] 0.00 d")) {
		t.Errorf("font and dash not set back after the drawing:\n%.300s", tail)
	}
}
