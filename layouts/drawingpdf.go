package layouts

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/goregular"
)

// drawingDate is the creation date of a drawing written alone, fixed so
// that the same drawing gives the same bytes.
var drawingDate = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// WriteDrawing writes d alone as a one-page vector PDF w × h mm titled
// title, drawn on the same Canvas as a figure of a document. fontTTF maps
// font styles ("" regular, "B", "I", "BI") to TrueType bytes; without a
// regular face the Go font is used. The same drawing gives the same bytes.
func WriteDrawing(out io.Writer, d Drawing, title string, w, h float64, fontTTF map[string][]byte) error {
	pdf := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", Size: fpdf.SizeType{Wd: w, Ht: h}})
	pdf.SetMargins(0, 0, 0)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetCreationDate(drawingDate)
	pdf.SetModificationDate(drawingDate)
	pdf.SetTitle(title, true)
	pdf.SetCreator("report", true)
	if _, ok := fontTTF[""]; !ok {
		pdf.AddUTF8FontFromBytes(FontFamily, "", bytes.Clone(goregular.TTF))
	}
	for _, s := range slices.Sorted(mapKeys(fontTTF)) {
		if !slices.Contains([]string{"", "B", "I", "BI"}, s) {
			return fmt.Errorf("unknown font style %q (expected \"\", B, I or BI)", s)
		}
		// fpdf's subsetter writes into the bytes it is given.
		pdf.AddUTF8FontFromBytes(FontFamily, s, bytes.Clone(fontTTF[s]))
	}
	pdf.AddPage()
	if err := pdf.Error(); err != nil {
		return err
	}
	c := &canvas{pdf: pdf}
	dc := c.drawingCanvas()
	err := d.Draw(dc, 0, 0, w, h)
	dc.restore()
	if err != nil {
		return err
	}
	return pdf.Output(out)
}

func mapKeys(m map[string][]byte) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}
