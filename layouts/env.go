package layouts

import (
	"fmt"

	"github.com/briefing/report/internal/hyphen"
)

// env is what the flowables of one document share: fonts and metrics, the
// theme and page geometry, the warnings, and the anchor pages of the last
// layout pass (for the table of contents).
type env struct {
	doc   *Document
	fonts *fontSet
	m     *metrics
	th    theme
	geo   geometry
	logo  *logo
	warns []Warning
	pages map[string]int // the page of each link target, once the layout has found them
	keys  map[string]int

	reported  map[reportKey]bool // missing glyphs warned about
	truncated []string           // texts shortened or cut to fit, by where
	tags      []tagRecord        // the marked content drawn, in order
	texts     *pageTexts         // the text operators drawn, referred to from fpdf's pages; nil: written there
	hy        *hyphen.Hyphenator // nil: no hyphenation
}

func newEnv(doc Document) (*env, error) { return newEnvWith(doc, nil) }

// newEnvWith is newEnv with the fonts parsed already (nil: parse them).
func newEnvWith(doc Document, fs *fontSet) (*env, error) {
	g, err := newGeometry(doc.PageSize, doc.Classification)
	if err != nil {
		return nil, err
	}
	if fs == nil {
		if fs, err = loadFonts(doc.Brand.Fonts); err != nil {
			return nil, err
		}
	}
	m, err := newMetrics(fs)
	if err != nil {
		return nil, err
	}
	lg, err := loadLogo(doc.Brand.Logo)
	if err != nil {
		return nil, err
	}
	e := &env{doc: &doc, fonts: fs, m: m, th: newTheme(doc.Brand), geo: g, logo: lg,
		pages: map[string]int{}, keys: map[string]int{}, reported: map[reportKey]bool{}, texts: &pageTexts{}}
	if hy, err := hyphen.New(doc.language(), doc.NoHyphenate); err == nil {
		e.hy = hy
	} else if !hyphen.Unbroken(doc.language()) {
		e.warns = append(e.warns, Warning{Source: "report.language", Msg: err.Error() + "; justified text is set without hyphens"})
	}
	return e, nil
}

// cut records a text shortened or cut to fit, once.
func (e *env) cut(what string) {
	for _, t := range e.truncated {
		if t == what {
			return
		}
	}
	e.truncated = append(e.truncated, what)
}

// key returns a new identifier for a source flowable: "p1", "p2", ...
func (e *env) key(prefix string) string {
	e.keys[prefix]++
	return fmt.Sprintf("%s%d", prefix, e.keys[prefix])
}

// frame returns the frame of a page template: "cover" or "body".
func (e *env) frame(template string) Rect {
	g := e.geo
	if template == "cover" {
		return Rect{g.margin, g.coverTop, g.frameW, g.coverBottom - g.coverTop}
	}
	return Rect{g.margin, g.top, g.frameW, g.bottom - g.top}
}
