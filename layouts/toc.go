package layouts

import (
	"math"
	"strings"
)

// tocLine is one entry of the table of contents (or of the list of
// figures): number, title, dot leaders and the page number, the whole line
// a link to the heading or figure. The page is the one the layout found
// (env.pages), filled in after the pass: its column is of fixed width.
type tocLine struct {
	e     *env
	t     *tocEntry
	title *paragraph
	key   string
	// headsGroup is set on a line that its subsections' lines follow: it
	// stays on their page. A section without subsections keeps with
	// nothing, or thirty of them would be one block taller than a page.
	headsGroup bool
}

// style is the size, indent, width of the number column and text style
// of the line: sections bold, subsections indented, figures (in the list
// of figures) with "Figure N." in a column wide enough for two digits.
func (l *tocLine) style() (size, indent, numCol float64, st style) {
	switch {
	case l.t.figure:
		return 9.5, 0, l.e.m.width(0, 9.5, "Figure 00.") + 2.5, 0
	case l.t.level <= 1:
		return bodySize, 0, 9, stBold
	}
	return 9.5, 9, 11, 0
}

func newTOCLine(e *env, t *tocEntry) *tocLine {
	l := &tocLine{e: e, t: t, key: e.key("toc")}
	size, _, _, st := l.style()
	ps := paraStyle{size: size, leading: 1.3, color: e.th.text, kind: "tocline"}
	l.title = newParagraph(e, []span{{text: t.title, st: st}}, ps, "")
	return l
}

// pageColumn is the room kept for page numbers at the right.
func (l *tocLine) pageColumn() float64 {
	size, _, _, st := l.style()
	return l.e.m.width(st, size, "0000") + 2
}

func (l *tocLine) titleWidth(width float64) float64 {
	_, indent, numCol, _ := l.style()
	return width - indent - numCol - l.pageColumn() - 6
}

func (l *tocLine) wrap(width float64) float64 { return l.title.wrap(l.titleWidth(width)) }

func (l *tocLine) split(float64, float64) (block, block, bool) { return nil, nil, false }

func (l *tocLine) spacing() (float64, float64) {
	if l.t.level <= 1 && !l.t.figure {
		return 3.4, 0
	}
	return 1.3, 0
}

func (l *tocLine) info() blockInfo {
	kind := "tocline"
	if l.t.figure {
		kind = "figline"
	}
	// a section's line stays with the first of its subsections
	keep := l.headsGroup
	return blockInfo{kind: kind, key: l.key, text: l.t.label() + " … " + l.pageText(), keepNext: keep}
}

// numberContents fills in the page numbers of the plan's contents and
// figure lines, placed before the pages were known (see layout).
func (p *Plan) numberContents() {
	for i := range p.Pages {
		for k := range p.Pages[i].Items {
			it := &p.Pages[i].Items[k]
			if l, ok := it.b.(*tocLine); ok {
				it.Text = itemText(l.info())
			}
		}
	}
}

func (l *tocLine) pageText() string {
	if p := l.e.pages[l.t.anchor]; p > 0 {
		return l.e.doc.Words.num(p)
	}
	return "–"
}

// draw draws the number, the title, the leaders and the page number: from
// the left, or, in a right-to-left document, from the right (a Latin
// title there starts at the right too).
func (l *tocLine) draw(c *canvas, x, y, width float64) error {
	size, indent, numCol, st := l.style()
	th := &c.e.th
	lh := l.title.lineHeight()
	base := c.e.baseline(st, size, lh)
	col := th.text
	if l.t.level <= 1 && !l.t.figure {
		col = th.primary
	}
	tw := l.titleWidth(width)
	l.title.ps.color = col
	rtl := l.e.doc.RightToLeft
	tx := x + indent + numCol
	if rtl {
		tx = x + width - indent - numCol - tw
		c.textRight(x+width-indent, y+base, l.t.number, st, size, col)
	} else {
		c.text(x+indent, y+base, l.t.number, st, size, col)
	}
	if err := l.title.draw(c, tx, y, tw); err != nil {
		return err
	}
	lines := l.title.layout(tw)
	last := len(lines) - 1
	by := y + float64(last)*lh + base
	page := l.pageText()
	pw := c.e.m.width(st, size, page)
	if rtl {
		c.text(x, by, page, st, size, col)
		l.leaders(c, x, x+pw+2, tx+tw-lines[last].natural-2, by, size)
	} else {
		c.textRight(x+width, by, page, st, size, col)
		l.leaders(c, x, tx+lines[last].natural+2, x+width-pw-2, by, size)
	}
	c.link(x, y, width, l.wrap(width), "#"+l.t.anchor, l.e.doc.Words.goTo(l.t.label()))
	return nil
}

// leaders draws dot leaders from start to end on a grid from x, so that
// the dots of all lines line up.
func (l *tocLine) leaders(c *canvas, x, start, end, y, size float64) {
	pitch := c.e.m.width(0, size, ". ")
	first := x + math.Ceil((start-x)/pitch)*pitch
	if n := int((end - first) / pitch); n > 0 {
		c.text(first, y, strings.TrimSpace(strings.Repeat(". ", n)), 0, size, c.e.th.muted)
	}
}
