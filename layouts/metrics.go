package layouts

import (
	"fmt"

	"github.com/go-pdf/fpdf"
)

// ptPerMM is fpdf's scale factor for the unit "mm" (72 / 25.4).
const ptPerMM = 72.0 / 25.4

// metrics measures strings exactly as fpdf will draw them: it asks an fpdf
// instance that has the same fonts loaded for the glyph widths (in 1/1000
// em, the numbers fpdf writes into the PDF's width arrays) and scales them
// the way fpdf's GetStringWidth does.
type metrics struct {
	pdf   *fpdf.Fpdf
	fonts *fontSet
	units [5]map[rune]int
}

func newMetrics(fs *fontSet) (*metrics, error) {
	pdf := fpdf.New("P", "mm", "A4", "")
	if err := fs.register(pdf); err != nil {
		return nil, err
	}
	m := &metrics{pdf: pdf, fonts: fs}
	for i := range m.units {
		m.units[i] = map[rune]int{}
	}
	return m, nil
}

// runeUnits is the advance of r in the face for st, in 1/1000 em.
func (m *metrics) runeUnits(r rune, st style) int {
	i := faceIndex(st)
	if u, ok := m.units[i][r]; ok {
		return u
	}
	fc := m.fonts.faces[i]
	m.pdf.SetFont(fc.family, fc.style, 10)
	u := m.pdf.GetStringSymbolWidth(string(r))
	m.units[i][r] = u
	return u
}

// width is the width of s in mm at size pt, as fpdf's GetStringWidth.
func (m *metrics) width(st style, size float64, s string) float64 {
	u := 0
	for _, r := range s {
		u += m.runeUnits(r, st)
	}
	return float64(u) * (size / ptPerMM) / 1000
}

// ascent and descent of the face for st, as fractions of the em.
func (m *metrics) ascent(st style) float64 {
	d := m.desc(st)
	return float64(d.Ascent) / 1000
}

func (m *metrics) descent(st style) float64 {
	d := m.desc(st)
	return -float64(d.Descent) / 1000
}

func (m *metrics) desc(st style) fpdf.FontDescType {
	fc := m.fonts.faces[faceIndex(st)]
	return m.pdf.GetFontDesc(fc.family, fc.style)
}

// mm converts points to millimetres.
func mm(pt float64) float64 { return pt / ptPerMM }

// check returns fpdf's sticky error, if any, with context.
func check(pdf *fpdf.Fpdf, what string) error {
	if pdf.Err() {
		return fmt.Errorf("%s: %w", what, pdf.Error())
	}
	return nil
}
