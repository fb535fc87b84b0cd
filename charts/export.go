package charts

import (
	"fmt"
	"io"
	"math"

	"github.com/briefing/report/charts/pdfrender"
	"github.com/briefing/report/charts/pngrender"
	"github.com/briefing/report/layouts"
)

// Sizes of exported charts.
const (
	// DefaultWidthMM is the width PreferredHeight and WritePDF assume when
	// given none: the text width of an A4 page with 20 mm margins.
	DefaultWidthMM = 170.0
	// SlideWidthPx and SlideHeightPx are WritePNG's default size.
	SlideWidthPx  = 1920
	SlideHeightPx = 1080
	// SlideWidthMM is the width WritePNG lays a chart out at, margin
	// included, before it scales it to the bitmap, so that a 1920-pixel
	// slide shows the chart as a 160 mm page figure would, twice over.
	SlideWidthMM = 160.0
	// slideMarginMM is the white margin round a PNG, at SlideWidthMM.
	slideMarginMM = 3.0
)

// PreferredHeight returns the height in mm the chart wants at width mm
// (DefaultWidthMM if width is not positive), for a layout whose config
// leaves the height open. An hbar grows with its rows (and legend), a donut
// with its legend; the others keep the page figure's proportions (75 mm at
// 170 mm wide, between 50 and 100 mm) plus any extra legend rows. The
// result is rounded up to half a millimetre.
func (c *Chart) PreferredHeight(width float64) float64 {
	if !(width > 0) || math.IsInf(width, 0) {
		width = DefaultWidthMM
	}
	W := int(math.Floor(width * pdfrender.PixelsPerMM))
	m := measurer{r: &estimate{}, fs: c.style.FontSize}
	var mm float64
	if c.own != nil {
		mm = px2mm(c.own.preferredHeight(m, W))
	} else {
		mm = min(100, max(50, width*75/DefaultWidthMM))
		if lg := layoutLegend(m, c.plot.legend, edge, W-edge); lg.rows > 1 {
			mm += px2mm((lg.rows - 1) * lg.rowH)
		}
	}
	return math.Ceil(mm*2) / 2
}

// WritePDF writes the chart alone as a one-page vector PDF widthMM ×
// heightMM (DefaultWidthMM and PreferredHeight when not positive), drawn by
// the same code as Draw (layouts.WriteDrawing), its text in fonts as on
// the page (the Go fonts for empty paths). The same chart gives the same
// bytes.
func (c *Chart) WritePDF(w io.Writer, widthMM, heightMM float64, fonts layouts.Fonts) error {
	if !(widthMM > 0) || math.IsInf(widthMM, 0) {
		widthMM = DefaultWidthMM
	}
	if !(heightMM > 0) || math.IsInf(heightMM, 0) {
		heightMM = c.PreferredHeight(widthMM)
	}
	if err := layouts.WriteDrawing(w, c, c.spec.ID, widthMM, heightMM, fonts); err != nil {
		return fmt.Errorf("write chart %q as PDF: %w", c.spec.ID, err)
	}
	return nil
}

// WritePNG writes the chart as a PNG image widthPx × heightPx (by default
// SlideWidthPx and, unless the chart wants more room, SlideHeightPx), on
// white, its text in fonts as on the page (the Go fonts for empty paths:
// the regular face, the fallbacks, right-to-left text shaped). The chart
// is laid out as in a box SlideWidthMM wide with the image's
// proportions, by the same code as the PDF, and painted at the image's
// resolution, so it looks like the PDF version. The same chart gives the
// same bytes.
func (c *Chart) WritePNG(w io.Writer, widthPx, heightPx int, fonts layouts.Fonts) error {
	if widthPx <= 0 {
		widthPx = SlideWidthPx
	}
	if heightPx <= 0 {
		want := c.PreferredHeight(SlideWidthMM-2*slideMarginMM) + 2*slideMarginMM
		heightPx = max(widthPx*SlideHeightPx/SlideWidthPx, int(math.Ceil(float64(widthPx)*want/SlideWidthMM)))
	}
	setter, err := layouts.NewTextSetter(fonts)
	if err != nil {
		return fmt.Errorf("write chart %q as PNG: %w", c.spec.ID, err)
	}
	pxPerMM := float64(widthPx) / SlideWidthMM
	cv, err := pngrender.New(widthPx, heightPx, pxPerMM, setter)
	if err != nil {
		return fmt.Errorf("write chart %q as PNG: %w", c.spec.ID, err)
	}
	heightMM := float64(heightPx) / pxPerMM
	if err := c.Draw(cv, slideMarginMM, slideMarginMM, SlideWidthMM-2*slideMarginMM, heightMM-2*slideMarginMM); err != nil {
		return fmt.Errorf("write chart %q as PNG: %w", c.spec.ID, err)
	}
	return cv.Encode(w)
}
