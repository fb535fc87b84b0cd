package layouts

import (
	"io"
	"time"

	"codeberg.org/go-pdf/fpdf"
)

// drawingDate is the creation date of a drawing written alone, fixed so
// that the same drawing gives the same bytes.
var drawingDate = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// WriteDrawing writes d alone as a one-page vector PDF w × h mm titled
// title, drawn on the same Canvas as a figure of a document, in fonts
// (the Go fonts for empty paths): its text is set as on the page, the
// characters the regular face lacks from the fallbacks, right-to-left text
// shaped. The same drawing gives the same bytes.
func WriteDrawing(out io.Writer, d Drawing, title string, w, h float64, fonts Fonts) error {
	fs, err := loadFonts(fonts)
	if err != nil {
		return err
	}
	m, err := newMetrics(fs)
	if err != nil {
		return err
	}
	pdf := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", Size: fpdf.SizeType{Wd: w, Ht: h}})
	pdf.SetMargins(0, 0, 0)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetCreationDate(drawingDate)
	pdf.SetModificationDate(drawingDate)
	pdf.SetTitle(title, true)
	pdf.SetCreator("report", true)
	pdf.SetCompression(false) // compressed with the fonts: see finishFile
	pdf.AddPage()
	if err := pdf.Error(); err != nil {
		return err
	}
	texts := &pageTexts{}
	c := &canvas{pdf: pdf, e: &env{doc: &Document{}, fonts: fs, m: m, texts: texts}}
	c.setFace(0, 10) // a drawing's text is regular
	dc := c.drawingCanvas()
	err = d.Draw(dc, 0, 0, w, h)
	dc.restore()
	if err != nil {
		return err
	}
	plain, err := fpdfOutput(pdf)
	if err != nil {
		return err
	}
	f, err := parsePDF(plain)
	if err != nil {
		return err
	}
	if err := embedFonts(f, fs); err != nil {
		return err
	}
	if err := compressAll(f, texts); err != nil {
		return err
	}
	_, err = out.Write(f.write(""))
	return err
}
