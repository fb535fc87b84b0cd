package layouts

import (
	"fmt"
	"math"
	"strings"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// ptPerMM is fpdf's scale factor for the unit "mm" (72 / 25.4).
const ptPerMM = 72.0 / 25.4

// metrics measures strings exactly as they are drawn. It reads the
// advances from the font files (sfnt) and turns them into the numbers of
// the embedded fonts' width arrays (truetype.Font.Width) — 1/1000 em,
// rounded half away from zero, the advance of glyph 0 for runes the font
// lacks — and scales them to the size. These are the numbers fpdf used
// when it embedded the fonts: TestMetrics_MatchFpdf holds them to fpdf's
// and to the width arrays.
type metrics struct {
	fonts   *fontSet
	ascii   [maxFaces][128]int32 // units of the ASCII runes, -1 until measured
	units   [maxFaces]map[rune]int
	scale   [maxFaces]float64 // 1000 / units per em
	missing [maxFaces]int     // units of a rune the font has no glyph for
	squeeze [maxFaces]float64 // horizontal scale of the hyphen, 1 when drawn as the font has it
	asc     [maxFaces]float64 // ascent and descent, fractions of the em (hhea)
	desc    [maxFaces]float64
	buf     sfnt.Buffer
	fit     fitScratch // the line breaker's, as a metrics serves one goroutine
	runes   []wordRune // the runes of the word being cut into pieces
}

func newMetrics(fs *fontSet) (*metrics, error) {
	m := &metrics{fonts: fs}
	for i := range fs.faces[:fs.n] {
		sf := fs.faces[i].sf
		upem := float64(sf.UnitsPerEm())
		m.scale[i] = 1000 / upem
		m.units[i] = map[rune]int{}
		for r := range m.ascii[i] {
			m.ascii[i][r] = -1
		}
		ppem := fixed.Int26_6(sf.UnitsPerEm()) << 6 // metrics in font units, 26.6
		if m.missing[i] = fs.faces[i].tt.Width(0); m.missing[i] == 0 {
			m.missing[i] = 500
		}
		m.squeeze[i] = 1
		if h, en := m.measure(i, '-'), m.measure(i, '\u2013'); i != faceIndex(stMono) && en > 0 && 10*h >= 9*en {
			// a hyphen nearly as wide as the en dash, or wider (Go
			// Regular's is 584 against 500), reads as a dash: draw it at
			// two thirds of the en dash, as book faces have it
			m.ascii[i]['-'] = int32(fpdfRound(float64(2*en) / 3))
			m.squeeze[i] = float64(m.ascii[i]['-']) / float64(h)
		}
		fm, err := sf.Metrics(&m.buf, ppem, font.HintingNone)
		if err != nil {
			return nil, fmt.Errorf("font %q: %w", fs.faces[i].name, err)
		}
		// fpdf truncates the hhea values to whole units of 1/1000 em
		m.asc[i] = float64(int(float64(fm.Ascent)/64*m.scale[i])) / 1000
		m.desc[i] = float64(int(float64(fm.Descent)/64*m.scale[i])) / 1000
	}
	return m, nil
}

// fpdfRound rounds half away from zero, as fpdf does.
func fpdfRound(f float64) int {
	if f < 0 {
		return -int(math.Floor(-f + 0.5))
	}
	return int(math.Floor(f + 0.5))
}

// runeUnits is the advance of r in the face for st, in 1/1000 em.
func (m *metrics) runeUnits(r rune, st style) int {
	i := faceIndex(st)
	if r >= 0 && r < 128 {
		if u := m.ascii[i][r]; u >= 0 {
			return int(u)
		}
		u := m.measure(i, r)
		m.ascii[i][r] = int32(u)
		return u
	}
	if u, ok := m.units[i][r]; ok {
		return u
	}
	u := m.measure(m.fonts.drawFace(r, st), r) // a fallback's glyph where the face has none
	m.units[i][r] = u
	return u
}

// measure reads the advance of r from face i the way fpdf builds its
// width table: runes outside the Basic Multilingual Plane and runes
// without a glyph get the missing width, a zero advance counts as zero.
func (m *metrics) measure(i int, r rune) int {
	if r <= 0 || r >= 0xFFFF {
		return m.missing[i]
	}
	fc := &m.fonts.faces[i]
	g, err := fc.sf.GlyphIndex(&m.buf, r)
	if err != nil || g == 0 {
		return m.missing[i]
	}
	return fc.tt.Width(uint16(g)) // the embedded font's width array has the same
}

// width is the width of s in mm at size pt, as drawn: of its visual form
// (shape.go).
func (m *metrics) width(st style, size float64, s string) float64 {
	return m.rawWidth(st, size, m.fonts.visual(s, st))
}

// rawWidth is the width of s, in visual form already, in mm at size pt.
func (m *metrics) rawWidth(st style, size float64, s string) float64 {
	u := 0
	for _, r := range s {
		u += m.runeUnits(r, st)
	}
	return float64(u) * (size / ptPerMM) / 1000
}

// fontWidth is the width of s, in visual form, in mm at size pt with the
// hyphen as wide as the font has it (rawWidth has it narrower, as the
// canvas draws it in a line of text).
func (m *metrics) fontWidth(st style, size float64, s string) float64 {
	w := m.rawWidth(st, size, s)
	if i := faceIndex(st); m.squeeze[i] != 1 {
		if n := strings.Count(s, "-"); n > 0 {
			w += float64(n*(m.measure(i, '-')-int(m.ascii[i]['-']))) * (size / ptPerMM) / 1000
		}
	}
	return w
}

// hyphenScale is how much narrower than in the font the hyphen of st is
// drawn (1: as it is).
func (m *metrics) hyphenScale(st style) float64 { return m.squeeze[faceIndex(st)] }

// ascent and descent of the face for st, as fractions of the em.
func (m *metrics) ascent(st style) float64  { return m.asc[faceIndex(st)] }
func (m *metrics) descent(st style) float64 { return m.desc[faceIndex(st)] }

// mm converts points to millimetres.
func mm(pt float64) float64 { return pt / ptPerMM }

// check returns fpdf's sticky error, if any, with context.
func check(pdf *fpdf.Fpdf, what string) error {
	if pdf.Err() {
		return fmt.Errorf("%s: %w", what, pdf.Error())
	}
	return nil
}
