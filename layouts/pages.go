package layouts

import (
	"fmt"
	"strings"
)

// decorate draws what the page template adds around the frame: the cover
// band or the running header and footer, and the classification banners.
func (c *canvas) decorate(pg *Page) error {
	if pg.Template == "cover" {
		c.coverBand()
	} else {
		c.header()
		c.footer(pg.Number)
	}
	c.banners()
	return check(c.pdf, fmt.Sprintf("page %d", pg.Number))
}

// overlay draws what lies above the content of the page: the outlines of
// the frame and the blocks when debugging the layout, and the DRAFT
// watermark — last, so that no filled area (a callout, a table row) hides
// it, and faint and translucent, so that it does not hurt the text under it.
func (c *canvas) overlay(pg *Page) error {
	e := c.e
	if e.doc.Debug {
		c.outlines(pg)
	}
	if e.doc.Draft {
		if err := c.watermark("DRAFT"); err != nil {
			return err
		}
	}
	return check(c.pdf, fmt.Sprintf("page %d", pg.Number))
}

// Colours of the debug outlines: the frame and the placed blocks.
var (
	debugFrame = RGB{0x00, 0x99, 0xCC}
	debugBlock = RGB{0xE0, 0x1E, 0x8C}
)

// outlines strokes the frame of the page and the box of every placed
// block, each labelled with its kind (Document.Debug).
func (c *canvas) outlines(pg *Page) {
	f := pg.Frame
	c.strokeRect(f.X, f.Y, f.W, f.H, 0.3, debugFrame)
	for _, it := range pg.Items {
		c.strokeRect(it.X, it.Y, it.W, it.H, 0.15, debugBlock)
		label := it.Kind
		if it.Total > 0 {
			label += fmt.Sprintf(" %d-%d/%d", it.From, it.To, it.Total)
		}
		c.textRight(it.X+it.W-0.5, it.Y+1.9, label, 0, 4.5, debugBlock)
	}
}

func (c *canvas) header() {
	g, th, d := c.e.geo, &c.e.th, c.e.doc
	y := g.headerY
	left := strings.ToUpper(d.Brand.Organization)
	if left == "" {
		left = strings.ToUpper(d.Series)
	}
	left = c.fit(c.e.clean(from("brand.organization"), left, stBold), stBold, smallSize, g.frameW*0.45)
	c.textAtStart(y, left, stBold, smallSize, th.primary)
	title := c.fit(c.e.clean(from("report.title"), d.Title, 0), 0, smallSize, g.frameW*0.5)
	c.textAtEnd(y, title, 0, smallSize, th.muted)
	c.line(g.margin, y+2.4, g.w-g.margin, y+2.4, 0.2, th.rule)
}

func (c *canvas) footer(page int) {
	g, th, d := c.e.geo, &c.e.th, c.e.doc
	y := g.footerY
	c.line(g.margin, y-4.2, g.w-g.margin, y-4.2, 0.2, th.rule)
	var left []string
	if d.Series != "" {
		left = append(left, d.Series)
	}
	if d.PeriodLabel != "" {
		left = append(left, d.PeriodLabel)
	} else if d.Period != "" {
		left = append(left, d.Period)
	}
	if len(left) > 0 {
		s := c.fit(c.e.clean(from("report.series"), strings.Join(left, " · "), 0), 0, smallSize, g.frameW*0.5)
		c.textAtStart(y, s, 0, smallSize, th.muted)
	}
	c.textAtEnd(y, d.Words.pageOf(page, c.pages), 0, smallSize, th.text)
}

// textAtStart draws s at the margin where lines start: the left one, the
// right one in a right-to-left document, whose furniture is read right to
// left.
func (c *canvas) textAtStart(y float64, s string, st style, size float64, col RGB) {
	g := c.e.geo
	if !c.e.doc.RightToLeft {
		c.text(g.margin, y, s, st, size, col)
		return
	}
	c.rtl = true
	c.textRight(g.w-g.margin, y, s, st, size, col)
	c.rtl = false
}

// textAtEnd draws s at the margin where lines end.
func (c *canvas) textAtEnd(y float64, s string, st style, size float64, col RGB) {
	g := c.e.geo
	if !c.e.doc.RightToLeft {
		c.textRight(g.w-g.margin, y, s, st, size, col)
		return
	}
	c.rtl = true
	c.text(g.margin, y, s, st, size, col)
	c.rtl = false
}

// banners draws the classification centred in a band at the top and the
// bottom of the page.
func (c *canvas) banners() {
	g, d := c.e.geo, c.e.doc
	if d.Classification == "" {
		return
	}
	th := &c.e.th
	text := c.fit(c.e.clean(from("report.classification"), strings.ToUpper(d.Classification), stBold), stBold, smallSize, g.w-2*g.margin)
	base := c.e.baseline(stBold, smallSize, g.banner)
	band, ink := th.accent, onColor(th.accent)
	if d.BannerColor != (RGB{}) {
		band, ink = d.BannerColor, d.BannerText
	}
	for _, y := range []float64{0, g.h - g.banner} {
		c.fillRect(0, y, g.w, g.banner, band)
		c.textCenter(g.w/2, y+base, text, stBold, smallSize, ink)
	}
}

// coverBand is the band in the brand's primary colour at the foot of the
// cover, with the organisation's name.
func (c *canvas) coverBand() {
	g, th, d := c.e.geo, &c.e.th, c.e.doc
	top := g.h - g.banner - g.coverBandH
	c.fillRect(0, top, g.w, g.coverBandH, th.primary)
	c.fillRect(0, top, g.w, 1.4, th.accent)
	on := onColor(th.primary)
	base := top + 1.4 + c.e.baseline(stBold, 11, g.coverBandH-1.4)
	if d.Brand.Organization != "" {
		org := c.fit(c.e.clean(from("brand.organization"), d.Brand.Organization, stBold), stBold, 11, g.frameW*0.6)
		c.textAtStart(base, org, stBold, 11, on)
	}
	if s := d.Words.date(d.Date); s != "" {
		c.textAtEnd(base, s, 0, 9, on)
	}
}

// fit shortens s at a word boundary, with "…", to fit in width.
func (c *canvas) fit(s string, st style, size, width float64) string {
	m := c.e.m
	if m.width(st, size, s) <= width {
		return s
	}
	c.e.cut(fmt.Sprintf("page %d: %q shortened to fit %.0f mm", c.page, excerpt(s, 50), width))
	words := strings.Fields(s)
	for n := len(words) - 1; n > 0; n-- {
		t := strings.Join(words[:n], " ") + " …"
		if m.width(st, size, t) <= width {
			return t
		}
	}
	r := []rune(s)
	for n := len(r) - 1; n > 0; n-- {
		if t := string(r[:n]) + "…"; m.width(st, size, t) <= width {
			return t
		}
	}
	return ""
}
