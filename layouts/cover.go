package layouts

import "strings"

// cover is the first page's content: organisation and logo, series line,
// title, subtitle and the period, date and authors. The band at the foot
// and the banners are page decoration (see pages.go).
type cover struct {
	e                 *env
	h                 float64 // the cover frame's height: the block fills it
	org, series       *paragraph
	title, subtitle   *paragraph
	labels            []string
	values            []*paragraph
	titleTop, metaTop float64 // cached offsets
}

const (
	coverLabelW   = 30.0
	coverLogoMaxH = 18.0
	coverLogoMaxW = 70.0
)

func newCover(e *env) *cover {
	d := e.doc
	c := &cover{e: e, h: e.geo.coverBottom - e.geo.coverTop}
	th := &e.th
	if d.Brand.Organization != "" {
		c.org = newParagraph(e, []span{{text: e.clean(from("brand.organization"), d.Brand.Organization, stBold), st: stBold}},
			paraStyle{size: 10.5, leading: 1.25, color: th.primary}, "")
	}
	if d.Series != "" {
		c.series = newParagraph(e, []span{{text: e.clean(from("report.series"), strings.ToUpper(d.Series), stBold), st: stBold}},
			paraStyle{size: 9.5, leading: 1.3, color: th.accent}, "")
	}
	c.title = newParagraph(e, []span{{text: e.clean(from("report.title"), d.Title, stBold), st: stBold}},
		paraStyle{size: 27, leading: 1.13, color: th.primary, kind: "title"}, "")
	if d.Subtitle != "" {
		c.subtitle = newParagraph(e, []span{{text: e.clean(from("report.subtitle"), d.Subtitle, 0)}},
			paraStyle{size: 14, leading: 1.3, color: th.muted}, "")
	}
	meta := func(label, value, src string) {
		if value == "" {
			return
		}
		c.labels = append(c.labels, label)
		c.values = append(c.values, newParagraph(e, []span{{text: e.clean(from(src), value, 0)}},
			paraStyle{size: 10.5, leading: 1.3, color: th.text}, ""))
	}
	meta(or(d.Words.Period, "PERIOD"), d.Words.period(d.Period), "report.period")
	meta(or(d.Words.Published, "PUBLISHED"), d.Words.date(d.Date), "report.date")
	label := or(d.Words.Author, "AUTHOR")
	if len(d.Authors) > 1 {
		label = or(d.Words.Authors, "AUTHORS")
	}
	meta(label, strings.Join(d.Authors, ", "), "report.authors")
	return c
}

// layout places the parts and returns the height they need.
func (c *cover) layout(width float64) float64 {
	tw := width * 0.92
	y := c.h * 0.25
	c.titleTop = y
	y += 1.2 + 5
	if c.series != nil {
		y += c.series.wrap(tw) + 2.5
	}
	y += c.title.wrap(tw)
	if c.subtitle != nil {
		y += 4 + c.subtitle.wrap(tw)
	}
	y += 16
	c.metaTop = y
	y += 5
	for _, v := range c.values {
		y += v.wrap(width-coverLabelW) + 2.2
	}
	return y
}

func (c *cover) wrap(width float64) float64 { return maxf(c.h, c.layout(width)) }

func (c *cover) split(float64, float64) (block, block, bool) { return nil, nil, false }
func (c *cover) spacing() (float64, float64)                 { return 0, 0 }
func (c *cover) info() blockInfo {
	return blockInfo{kind: "cover", key: "cover", text: c.title.text}
}

func (c *cover) draw(cv *canvas, x, y, width float64) error {
	c.layout(width)
	th := &cv.e.th
	// organisation line: logo, then the name beside it
	if lg := cv.e.logo; lg != nil {
		// the logo at the start of the line, the name beside it
		w, h := lg.fit(coverLogoMaxW, coverLogoMaxH)
		lx, ox := x, x+w+5
		if cv.e.doc.RightToLeft {
			lx, ox = x+width-w, x
		}
		cv.pdf.ImageOptions(lg.name, lx, y, w, h, false, lg.opts(), 0, "")
		if err := check(cv.pdf, "logo "+lg.path); err != nil {
			return err
		}
		if c.org != nil {
			ow := width - w - 5
			c.org.draw(cv, ox, y+(h-c.org.wrap(ow))/2, ow)
		}
	} else if c.org != nil {
		c.org.draw(cv, x, y, width)
	}
	tw := width * 0.92
	ty := y + c.titleTop
	rtl := cv.e.doc.RightToLeft
	tx := x // the title block, at the right in a right-to-left document
	if rtl {
		tx = x + width - tw
		cv.fillRect(x+width-16, ty, 16, 1.2, th.accent)
	} else {
		cv.fillRect(x, ty, 16, 1.2, th.accent)
	}
	ty += 1.2 + 5
	if c.series != nil {
		c.series.draw(cv, tx, ty, tw)
		ty += c.series.wrap(tw) + 2.5
	}
	c.title.draw(cv, tx, ty, tw)
	ty += c.title.wrap(tw)
	if c.subtitle != nil {
		c.subtitle.draw(cv, tx, ty+4, tw)
	}
	my := y + c.metaTop
	cv.line(x, my, x+width, my, 0.25, th.rule)
	my += 5
	for i, v := range c.values {
		lh := v.lineHeight()
		if rtl { // the label at the right, the value to its left
			cv.textRight(x+width, my+cv.e.baseline(0, 10.5, lh), c.labels[i], stBold, 7.5, th.muted)
			v.draw(cv, x, my, width-coverLabelW)
		} else {
			cv.text(x, my+cv.e.baseline(0, 10.5, lh), c.labels[i], stBold, 7.5, th.muted)
			v.draw(cv, x+coverLabelW, my, width-coverLabelW)
		}
		my += v.wrap(width-coverLabelW) + 2.2
	}
	return nil
}
