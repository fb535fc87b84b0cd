package layouts

import (
	"strconv"
	"strings"
)

// table is the flowable of rows [from, to) of a table; it splits between
// rows, repeating the header row under "Table N. Title (continued)".
type table struct {
	d        *tableData
	from, to int
}

func (t *table) titleP() *paragraph {
	if t.from > 0 {
		return t.d.contTitle
	}
	return t.d.title
}

func (t *table) last() bool { return t.to == len(t.d.cells) }

// top is the height above the first row: title, gap and header row (a
// table in the text, from Markdown, has no title).
func (t *table) top(width float64) float64 {
	t.d.layout(width)
	if t.titleP() == nil {
		return t.d.headH
	}
	return t.titleP().wrap(width) + tableTitleGap + t.d.headH
}

// excerpt is what the layout plan shows of the table: its title, or its
// header row.
func (t *table) excerpt() string {
	if tp := t.titleP(); tp != nil {
		return tp.text
	}
	var hs []string
	for _, c := range t.d.t.Columns {
		hs = append(hs, c.Header)
	}
	return strings.Join(hs, " | ")
}

// foot is the height below the last row: the note and source lines on
// the last part.
func (t *table) foot(width float64) float64 {
	h := 0.6
	if !t.last() {
		return h
	}
	for i, p := range t.d.footLines() {
		h += footGap(i) + p.wrap(width)
	}
	return h
}

// footGap is the space above the i-th line under a table.
func footGap(i int) float64 {
	if i == 0 {
		return 1.6
	}
	return 0.8
}

func (t *table) wrap(width float64) float64 {
	h := t.top(width) + t.foot(width)
	for i := t.from; i < t.to; i++ {
		h += t.d.rowH[i]
	}
	return h
}

// minRows is the least number of rows a part of a split table keeps, on
// either side of the split: no row alone under a repeated header.
const minRows = 3

func (t *table) split(width, avail float64) (block, block, bool) {
	return t.splitKeeping(width, avail, minRows)
}

// splitLoose splits even if a part keeps a single row; the packer uses it
// on an empty page, where the rows would otherwise never fit.
func (t *table) splitLoose(width, avail float64) (block, block, bool) {
	return t.splitKeeping(width, avail, 1)
}

func (t *table) splitKeeping(width, avail float64, least int) (block, block, bool) {
	room := avail - t.top(width) - 0.6
	k := t.from
	for k < t.to && room-t.d.rowH[k] >= -1e-6 {
		room -= t.d.rowH[k]
		k++
	}
	// all rows fit but not the source line: carry rows with it
	if t.to-k < least {
		k = t.to - least
	}
	if k-t.from < least {
		return nil, nil, false
	}
	return &table{d: t.d, from: t.from, to: k}, &table{d: t.d, from: k, to: t.to}, true
}

func (t *table) spacing() (float64, float64) {
	if t.from > 0 {
		return 0, 5.5
	}
	return 4, 5.5
}

func (t *table) info() blockInfo {
	in := blockInfo{kind: "table", key: t.d.key, text: t.excerpt(),
		from: t.from + 1, to: t.to, total: len(t.d.cells), float: t.from == 0 && t.last() && !t.d.t.Pinned}
	if t.from == 0 && t.d.t.ID != "" {
		in.anchors = []string{"tab:" + t.d.t.ID}
	}
	return in
}

// draw draws the part of the table and tags it: a Caption, a row TR of
// header cells TH (on the first part; repeated above a continuation, as
// an artifact), a TR of cells TD per row, notes and source as P; fills
// and rules are artifacts. The Table element is recorded by the caller.
func (t *table) draw(c *canvas, x, y, width float64) error {
	d, th := t.d, &c.e.th
	d.layout(width)
	key := d.key
	if tp := t.titleP(); tp != nil {
		if t.from == 0 {
			c.beginChild(key+".caption", "Caption", "", key, "")
		} else {
			c.beginTag("", "", "") // "(continued)" repeats the caption
		}
		err := tp.draw(c, x, y, width)
		c.endTag()
		if err != nil {
			return err
		}
		y += tp.wrap(width) + tableTitleGap
	}
	c.artifact(func() { c.fillRect(x, y, width, d.headH, th.primary) })
	head := ""
	if t.from == 0 {
		head = key + ".head"
		c.element(head, "TR", key)
	}
	if err := t.row(c, d.header, nil, x, y, head, "TH"); err != nil {
		return err
	}
	y += d.headH
	for i := t.from; i < t.to; i++ {
		if (i-t.from)%2 == 1 {
			c.artifact(func() { c.fillRect(x, y, width, d.rowH[i], th.zebra) })
		}
		tr := key + ".r" + strconv.Itoa(i)
		c.element(tr, "TR", key)
		if err := t.row(c, d.cells[i], d.indent[i], x, y, tr, "TD"); err != nil {
			return err
		}
		y += d.rowH[i]
		if i < t.to-1 {
			c.artifact(func() { c.line(x, y, x+width, y, 0.1, mix(th.rule, RGB{255, 255, 255}, 0.4)) })
		}
	}
	c.artifact(func() { c.line(x, y+0.15, x+width, y+0.15, 0.3, th.primary) })
	if t.last() {
		y += 0.6
		for i, p := range d.footLines() {
			y += footGap(i)
			c.beginChild(key+".foot"+strconv.Itoa(i), "P", "", key, "")
			err := p.draw(c, x, y, width)
			c.endTag()
			if err != nil {
				return d.at.errorf("table", d.t.ID, 0, "table %q: %v", d.t.ID, err)
			}
			y += p.wrap(width)
		}
	}
	return nil
}

// row draws a row of cells; indent (nil for the header) keeps numbers
// off the right edge so that their decimal points align.
//
// Each cell is tagged tag (TH, TD) inside the row element tr; a row with
// tr "" (a header repeated on a continuation) is an artifact. In a
// right-to-left document the first column is at the right.
func (t *table) row(c *canvas, cells []*paragraph, indent []float64, x, y float64, tr, tag string) error {
	cx := x
	rtl := c.e.doc.RightToLeft
	if rtl {
		for _, w := range t.d.colW[:len(cells)] {
			cx += w
		}
	}
	for j, p := range cells {
		if rtl {
			cx -= t.d.colW[j]
		}
		w := t.d.colW[j] - 2*tablePadX
		if indent != nil {
			w -= indent[j]
		}
		switch {
		case tr == "":
			c.beginTag("", "", "")
		case tag == "TH":
			c.beginChild(tr+".c"+strconv.Itoa(j), tag, "", tr, "/A <</O /Table /Scope /Column>>")
		default:
			c.beginChild(tr+".c"+strconv.Itoa(j), tag, "", tr, "")
		}
		err := p.draw(c, cx+tablePadX, y+tablePadY, w)
		c.endTag()
		if err != nil {
			return err
		}
		if !rtl {
			cx += t.d.colW[j]
		}
	}
	return nil
}

// tooBig names the row that cannot fit on an empty page with the header.
func (t *table) tooBig(width, frame float64) error {
	top := t.top(width)
	for i := t.from; i < t.to; i++ {
		if h := top + t.d.rowH[i] + t.foot(width); h > frame {
			return t.d.at.errorf("table", t.d.t.ID, i+1, "table %q: row %d is %.1f mm tall with the header and does not fit on a page (frame %.1f mm)",
				t.d.t.ID, i+1, t.d.rowH[i], frame)
		}
	}
	return nil
}
