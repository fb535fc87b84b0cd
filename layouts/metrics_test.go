package layouts

import (
	"bytes"
	"os"
	"testing"

	"codeberg.org/go-pdf/fpdf"
)

// TestMetrics_MatchFpdf holds the widths and the ascent and descent read
// from the font files to the numbers fpdf computes for the same fonts, for
// every rune of the Basic Multilingual Plane: what is measured is what is
// drawn.
func TestMetrics_MatchFpdf(t *testing.T) {
	sets := map[string]Fonts{"Go": {}}
	dir := "/usr/share/fonts/truetype/dejavu/"
	dejavu := Fonts{Regular: dir + "DejaVuSans.ttf", Bold: dir + "DejaVuSans-Bold.ttf", Italic: dir + "DejaVuSans-Oblique.ttf", BoldItalic: dir + "DejaVuSans-BoldOblique.ttf"}
	if _, err := os.Stat(dejavu.Regular); err == nil {
		sets["DejaVu"] = dejavu
	}
	for name, f := range sets {
		t.Run(name, func(t *testing.T) {
			fs, err := loadFonts(f)
			if err != nil {
				t.Fatal(err)
			}
			m, err := newMetrics(fs)
			if err != nil {
				t.Fatal(err)
			}
			pdf := fpdf.New("P", "mm", "A4", "")
			for i, fc := range fs.faces[:fs.n] {
				pdf.AddUTF8FontFromBytes(fc.name, "", bytes.Clone(fc.data))
				pdf.SetFont(fc.name, "", 10)
				if err := pdf.Error(); err != nil {
					t.Fatal(err)
				}
				st := []style{0, stBold, stItalic, stBold | stItalic, stMono}[i]
				bad := 0
				for r := rune(1); r < 0xFFFF && bad < 5; r++ {
					if r >= 0xD800 && r <= 0xDFFF {
						continue // surrogates: not runes of a Go string
					}
					want := pdf.GetStringSymbolWidth(string(r))
					if r == '-' && m.hyphenScale(st) != 1 {
						want = fpdfRound(float64(want) * m.hyphenScale(st)) // drawn narrower
					}
					if got := m.runeUnits(r, st); got != want {
						t.Errorf("%s: %U: width %d, fpdf %d", fc.name, r, got, want)
						bad++
					}
					// and the width array of the embedded font says the same
					if g := fs.glyph(i, r); g != 0 && r != '-' && fc.tt.Width(g) != want {
						t.Errorf("%s: %U: embedded width %d, measured %d", fc.name, r, fc.tt.Width(g), want)
						bad++
					}
				}
				if want, got := pdf.GetStringSymbolWidth("🚀"), m.runeUnits('🚀', st); got != want {
					t.Errorf("%s: width of a rune beyond the BMP %d, fpdf %d", fc.name, got, want)
				}
				d := pdf.GetFontDesc(fc.name, "")
				if m.ascent(st) != float64(d.Ascent)/1000 || m.descent(st) != -float64(d.Descent)/1000 {
					t.Errorf("%s: ascent %v descent %v, fpdf %d %d", fc.name, m.ascent(st), m.descent(st), d.Ascent, d.Descent)
				}
			}
		})
	}
}

// The Go fonts' hyphen is wider than their en dash: it is drawn at two
// thirds of the en dash, and never in the monospaced face.
func TestHyphenNarrowerThanEnDash(t *testing.T) {
	fs, err := loadFonts(Fonts{})
	if err != nil {
		t.Fatal(err)
	}
	m, err := newMetrics(fs)
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range []style{0, stBold, stItalic, stBold | stItalic} {
		h, en, em := m.runeUnits('-', st), m.runeUnits('–', st), m.runeUnits('—', st)
		if !(h < en && en < em) || 3*h > 2*en+3 {
			t.Errorf("style %d: hyphen %d, en dash %d, em dash %d", st, h, en, em)
		}
	}
	if m.hyphenScale(stMono) != 1 {
		t.Error("the monospaced hyphen is squeezed")
	}
}
