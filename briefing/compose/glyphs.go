package compose

import (
	"fmt"
	"slices"
	"strings"

	"github.com/briefing/report/analysis"
	"github.com/briefing/report/charts"
	"github.com/briefing/report/config"
	"github.com/briefing/report/layouts"
)

// Mark replaces, in chart text, a character the font has no glyph for —
// as layouts does in the text it sets.
const Mark = '□'

// glyphs answers whether the fonts charts draw with (the brand's regular
// font, else Go Regular, and the fallback fonts) have a glyph for a rune,
// as layouts decides it for the text it sets.
type glyphs struct {
	name string
	cov  *layouts.Coverage
}

func newGlyphs(c *config.Config) *glyphs {
	cov, err := layouts.NewCoverage(layouts.Fonts(c.Brand.Fonts))
	if err != nil { // reported at brand.fonts; charts check against the Go fonts
		cov, _ = layouts.NewCoverage(layouts.Fonts{})
	}
	name := cov.Name()
	if c.Brand.Fonts.Regular == "" || err != nil {
		name = "Go Regular (embedded)"
	}
	return &glyphs{name: name, cov: cov}
}

// has reports whether the fonts draw r. Runes outside the Basic
// Multilingual Plane never pass: fpdf cannot embed them.
func (g *glyphs) has(r rune) bool { return g.cov.Has(r) }

// clean replaces what the font cannot draw with Mark and, when it did,
// returns a warning at the config key path naming the text and the font.
func (g *glyphs) clean(c *config.Config, path, s string) (string, *config.Problem) {
	var b strings.Builder
	var missing []string
	n := 0
	for _, r := range s {
		if g.has(r) {
			b.WriteRune(r)
			continue
		}
		n++
		if code := fmt.Sprintf("%U", r); len(missing) < 5 && !slices.Contains(missing, code) {
			missing = append(missing, code)
		}
		b.WriteRune(Mark)
	}
	if n == 0 {
		return s, nil
	}
	p := c.Warningf(path, "text %q: %d character(s) the font %s has no glyph for (%s), drawn as %q in the chart; set brand.fonts, or brand.fonts.fallback, to a font that has them",
		s, n, g.name, strings.Join(missing, " "), string(Mark))
	return b.String(), &p
}

// chartText returns a copy of r and spec whose text the font can draw, with
// a warning for each text that changed, and the colours of the changed
// series labels carried over to their new text.
func (g *glyphs) chartText(c *config.Config, path string, r *analysis.Result, spec charts.Spec, style *charts.Style) (*analysis.Result, charts.Spec, config.Problems) {
	var ps config.Problems
	fix := func(s string) string {
		out, p := g.clean(c, path, s)
		if p != nil {
			ps = append(ps, *p)
		}
		return out
	}
	cp := *r
	cp.Keys = append([]analysis.Key(nil), r.Keys...)
	for i := range cp.Keys {
		cp.Keys[i].Label = fix(cp.Keys[i].Label)
	}
	cp.Series = append([]analysis.Series(nil), r.Series...)
	for i, s := range cp.Series {
		label := fix(s.Label)
		if label != s.Label {
			if col, ok := style.Colors[s.Label]; ok {
				style.Colors[label] = col
			}
		}
		cp.Series[i].Label = label
		cp.Series[i].AverageOf = fix(s.AverageOf)
	}
	if r.Compare != nil {
		cp.Compare = append([]analysis.CompareRow(nil), r.Compare...)
		for i := range cp.Compare {
			cp.Compare[i].Series = fix(cp.Compare[i].Series)
			cp.Compare[i].Period = fix(cp.Compare[i].Period)
		}
	}
	cp.Measure = fix(r.Measure)
	spec.YLabel = fix(spec.YLabel)
	spec.Annotations = append([]charts.Annotation(nil), spec.Annotations...)
	for i := range spec.Annotations {
		spec.Annotations[i].Label = fix(spec.Annotations[i].Label)
	}
	return &cp, spec, ps.Unique()
}
