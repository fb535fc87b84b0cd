package layouts

import (
	"fmt"

	"codeberg.org/go-pdf/fpdf"
)

// fakeDrawing is a Drawing whose behaviour is a function field.
type fakeDrawing struct {
	DrawFunc func(pdf *fpdf.Fpdf, x, y, w, h float64) error
}

var _ Drawing = (*fakeDrawing)(nil)

func (f *fakeDrawing) Draw(pdf *fpdf.Fpdf, x, y, w, h float64) error {
	if f.DrawFunc == nil {
		return nil
	}
	return f.DrawFunc(pdf, x, y, w, h)
}

// boxDrawing draws a light box with a cross, for tests.
func boxDrawing() *fakeDrawing {
	return &fakeDrawing{DrawFunc: func(pdf *fpdf.Fpdf, x, y, w, h float64) error {
		pdf.SetDrawColor(150, 150, 150)
		pdf.SetLineWidth(0.2)
		pdf.Rect(x, y, w, h, "D")
		pdf.Line(x, y, x+w, y+h)
		pdf.Line(x, y+h, x+w, y)
		return nil
	}}
}

// barChart draws a small vector bar chart with labels in FontFamily, the
// way a chart package would.
func barChart(labels []string, values []float64) *fakeDrawing {
	return &fakeDrawing{DrawFunc: func(pdf *fpdf.Fpdf, x, y, w, h float64) error {
		palette := [][3]int{{11, 61, 92}, {200, 16, 46}, {108, 142, 173}, {224, 165, 38}, {79, 127, 82}, {140, 107, 177}}
		maxV := 0.0
		for _, v := range values {
			maxV = max(maxV, v)
		}
		left, bottom, top := 14.0, 9.0, 4.0
		ph := h - bottom - top
		pdf.SetFont(FontFamily, "", 7.5)
		pdf.SetTextColor(90, 90, 90)
		pdf.SetDrawColor(220, 220, 220)
		pdf.SetLineWidth(0.15)
		for i := 0; i <= 4; i++ {
			gy := y + top + ph - ph*float64(i)/4
			pdf.Line(x+left, gy, x+w, gy)
			s := fmt.Sprintf("%.0f", maxV*float64(i)/4)
			pdf.Text(x+left-2-pdf.GetStringWidth(s), gy+1, s)
		}
		bw := (w - left) / float64(len(values))
		for i, v := range values {
			c := palette[i%len(palette)]
			pdf.SetFillColor(c[0], c[1], c[2])
			bh := ph * v / maxV
			pdf.Rect(x+left+float64(i)*bw+bw*0.18, y+top+ph-bh, bw*0.64, bh, "F")
			s := labels[i]
			pdf.Text(x+left+float64(i)*bw+bw/2-pdf.GetStringWidth(s)/2, y+h-3, s)
		}
		pdf.SetDrawColor(60, 60, 60)
		pdf.Line(x+left, y+top+ph, x+w, y+top+ph)
		return nil
	}}
}
