package compose

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"

	"github.com/briefing/report/analysis"
	"github.com/briefing/report/charts"
	"github.com/briefing/report/config"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
)

// Mark replaces, in chart text, a character the font has no glyph for —
// as layouts does in the text it sets.
const Mark = '□'

// glyphs answers whether the font charts draw with (the brand's regular
// font, else Go Regular) has a glyph for a rune.
type glyphs struct {
	name string
	font *sfnt.Font
	buf  sfnt.Buffer
	mu   sync.Mutex
	memo map[rune]bool
}

func newGlyphs(c *config.Config) *glyphs {
	g := &glyphs{name: "Go Regular (embedded)", memo: map[rune]bool{}}
	data := goregular.TTF
	if p := c.Brand.Fonts.Regular; p != "" {
		if b, err := os.ReadFile(p); err == nil {
			data, g.name = b, p
		}
	}
	f, err := sfnt.Parse(data)
	if err != nil {
		f, _ = sfnt.Parse(goregular.TTF)
		g.name = "Go Regular (embedded)"
	}
	g.font = f
	return g
}

// has reports whether the font draws r. Runes outside the Basic
// Multilingual Plane never pass: fpdf cannot embed them.
func (g *glyphs) has(r rune) bool {
	if r == '\n' || r == ' ' {
		return true
	}
	if r > 0xFFFF || r < 0x20 {
		return false
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if ok, seen := g.memo[r]; seen {
		return ok
	}
	i, err := g.font.GlyphIndex(&g.buf, r)
	ok := err == nil && i != 0
	g.memo[r] = ok
	return ok
}

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
	p := c.Warningf(path, "text %q: %d character(s) the font %s has no glyph for (%s), drawn as %q in the chart; set brand.fonts to a font that has them",
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
