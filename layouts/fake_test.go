package layouts

import (
	"fmt"
)

// fakeDrawing is a Drawing whose behaviour is a function field.
type fakeDrawing struct {
	DrawFunc func(c Canvas, x, y, w, h float64) error
}

var _ Drawing = (*fakeDrawing)(nil)

func (f *fakeDrawing) Draw(c Canvas, x, y, w, h float64) error {
	if f.DrawFunc == nil {
		return nil
	}
	return f.DrawFunc(c, x, y, w, h)
}

// strokeLine strokes a straight line on c.
func strokeLine(c Canvas, x1, y1, x2, y2 float64) {
	c.MoveTo(x1, y1)
	c.LineTo(x2, y2)
	c.DrawPath("S")
}

// rect paints a rectangle on c with op ("S", "f").
func rect(c Canvas, x, y, w, h float64, op string) {
	c.MoveTo(x, y)
	c.LineTo(x+w, y)
	c.LineTo(x+w, y+h)
	c.LineTo(x, y+h)
	c.ClosePath()
	c.DrawPath(op)
}

// boxDrawing draws a light box with a cross, for tests.
func boxDrawing() *fakeDrawing {
	return &fakeDrawing{DrawFunc: func(c Canvas, x, y, w, h float64) error {
		c.SetDrawColor(150, 150, 150)
		c.SetLineWidth(0.2)
		rect(c, x, y, w, h, "S")
		strokeLine(c, x, y, x+w, y+h)
		strokeLine(c, x, y+h, x+w, y)
		return nil
	}}
}

// barChart draws a small vector bar chart with labels, the way a chart
// package would.
func barChart(labels []string, values []float64) *fakeDrawing {
	return &fakeDrawing{DrawFunc: func(c Canvas, x, y, w, h float64) error {
		palette := [][3]int{{11, 61, 92}, {200, 16, 46}, {108, 142, 173}, {224, 165, 38}, {79, 127, 82}, {140, 107, 177}}
		maxV := 0.0
		for _, v := range values {
			maxV = max(maxV, v)
		}
		left, bottom, top := 14.0, 9.0, 4.0
		ph := h - bottom - top
		c.SetFontSize(7.5)
		c.SetTextColor(90, 90, 90)
		c.SetDrawColor(220, 220, 220)
		c.SetLineWidth(0.15)
		for i := 0; i <= 4; i++ {
			gy := y + top + ph - ph*float64(i)/4
			strokeLine(c, x+left, gy, x+w, gy)
			s := fmt.Sprintf("%.0f", maxV*float64(i)/4)
			c.Text(x+left-2-c.StringWidth(s), gy+1, s)
		}
		bw := (w - left) / float64(len(values))
		for i, v := range values {
			col := palette[i%len(palette)]
			c.SetFillColor(col[0], col[1], col[2])
			bh := ph * v / maxV
			rect(c, x+left+float64(i)*bw+bw*0.18, y+top+ph-bh, bw*0.64, bh, "f")
			s := labels[i]
			c.Text(x+left+float64(i)*bw+bw/2-c.StringWidth(s)/2, y+h-3, s)
		}
		c.SetDrawColor(60, 60, 60)
		strokeLine(c, x+left, y+top+ph, x+w, y+top+ph)
		return nil
	}}
}
