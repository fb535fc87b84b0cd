package layouts

import (
	"fmt"
	"strings"
)

// tableData is what the parts of a split table share: the cells as
// paragraphs, the column widths and the row heights for one width.
type tableData struct {
	e         *env
	t         Table
	num       int
	key       string
	at        blockAt    // its place in the document, for errors
	title     *paragraph // "Table N. Title"
	contTitle *paragraph // "Table N. Title (continued)"
	note      *paragraph // "Note: ..." under the table
	source    *paragraph
	header    []*paragraph
	cells     [][]*paragraph
	// indent[i][j] is the space right of a numeric cell that puts its
	// decimal point under the others of its column (see decimalTails).
	indent [][]float64

	width float64 // the width of the cached layout
	colW  []float64
	headH float64
	rowH  []float64
}

const tableTitleGap = 1.8

func newTable(e *env, num int, t Table, where string, at blockAt) (*table, error) {
	name := t.ID
	if name == "" {
		name = where
	}
	if len(t.Columns) == 0 {
		return nil, at.errorf("table", t.ID, 0, "table %q: no columns", name)
	}
	src := origin{table: name}
	d := &tableData{e: e, t: t, num: num, key: e.key("t"), at: at}
	if num > 0 { // a table in the text, from Markdown, has no number and no title
		label := e.doc.Words.table(num)
		d.title = captionTitle(e, label, t.Title, src, d.key)
		d.contTitle = captionTitle(e, label, t.Title+" "+e.doc.Words.continued(), src, d.key+".ct")
	}
	if t.Note != "" {
		ps := paraStyle{size: sourceSize, leading: 1.35, color: e.th.muted, kind: "source"}
		d.note = newParagraph(e, []span{{text: e.doc.Words.note(), st: stItalic}, {text: e.clean(src.of("note"), t.Note, 0)}}, ps, d.key+".n")
	}
	if t.Source != "" {
		d.source = sourceLine(e, t.Source, src, d.key)
	}
	hs := paraStyle{size: tableSize, leading: 1.25, color: onColor(e.th.primary), kind: "cell"}
	for _, c := range t.Columns {
		ps := hs
		if c.Numeric {
			ps.align = alignRight
		}
		d.header = append(d.header, newParagraph(e, []span{{text: e.clean(src.of("header"), c.Header, stBold), st: stBold}}, ps, ""))
	}
	cs := paraStyle{size: tableSize, leading: tableLeading, color: e.th.text, kind: "cell"}
	for i, row := range t.Rows {
		if len(row) > len(t.Columns) {
			return nil, at.errorf("table", t.ID, i+1, "table %q: row %d has %d cells for %d columns", name, i+1, len(row), len(t.Columns))
		}
		cells := make([]*paragraph, len(t.Columns))
		for j, c := range t.Columns {
			ps := cs
			if c.Numeric {
				ps.align = alignRight
			}
			text := ""
			if j < len(row) {
				cell := src
				cell.row = i + 1
				if i < len(t.Places) {
					cell.at = t.Places[i]
				}
				text = e.clean(cell, row[j], 0) // one warning per table and character
			}
			cells[j] = newParagraph(e, []span{{text: text}}, ps, "")
		}
		d.cells = append(d.cells, cells)
	}
	d.indent = decimalIndents(e, t)
	return &table{d: d, from: 0, to: len(t.Rows)}, nil
}

// footLines are the lines under the table's last part: note, then source.
func (d *tableData) footLines() []*paragraph {
	var out []*paragraph
	for _, p := range []*paragraph{d.note, d.source} {
		if p != nil {
			out = append(out, p)
		}
	}
	return out
}

// natural is the width of a cell set on one line; widest its widest word.
func natural(p *paragraph) (one, widest float64) {
	for i, w := range p.ws {
		if i > 0 {
			one += w.space
		}
		one += w.w
		widest = maxf(widest, w.w)
	}
	return one, widest
}

// layout computes column widths from the content (the automatic table
// layout of HTML: every column gets at least its widest word, the rest is
// shared in proportion to how much more each column would like) and the
// height of every row.
func (d *tableData) layout(width float64) {
	if d.width == width && d.colW != nil {
		return
	}
	d.width, d.colW = width, d.columnWidths(width)
	d.headH = d.rowHeight(d.header, make([]float64, len(d.header)))
	d.rowH = make([]float64, len(d.cells))
	for i, row := range d.cells {
		d.rowH[i] = d.rowHeight(row, d.indent[i])
	}
}

// columnWidths shares width among the columns. In order of preference:
// every cell on one line; every body cell on one line with headers
// wrapped (a header is read once, a cell in every row); every word whole.
func (d *tableData) columnWidths(width float64) []float64 {
	n := len(d.t.Columns)
	maxW, bodyW, minW := d.wants()
	if sumMax := sum(maxW); sumMax <= width {
		return share(width, maxW, maxW)
	}
	if sum(bodyW) <= width {
		return share(width, bodyW, maxW)
	}
	if sum(minW) <= width {
		return share(width, minW, maxW)
	}
	// even the longest words do not fit: they will be cut
	d.e.cut(fmt.Sprintf("table %q: words cut to fit %.0f mm", d.t.Title, width))
	w := make([]float64, n)
	for j := range w {
		w[j] = width * minW[j] / sum(minW)
	}
	return w
}

// wants are the widths each column would like, padding included: maxW
// with every cell on one line, bodyW with the body cells on one line and
// the header wrapped, minW with every word whole (a number never wraps).
func (d *tableData) wants() (maxW, bodyW, minW []float64) {
	n := len(d.t.Columns)
	maxW, bodyW, minW = make([]float64, n), make([]float64, n), make([]float64, n)
	for j, p := range d.header {
		one, widest := natural(p)
		maxW[j] = one + 2*tablePadX
		minW[j] = widest + 2*tablePadX
		bodyW[j] = minW[j]
	}
	for i, row := range d.cells {
		for j, p := range row {
			one, widest := natural(p)
			if d.t.Columns[j].Numeric {
				widest = one // a number never wraps
			}
			one += d.indent[i][j]
			maxW[j] = maxf(maxW[j], one+2*tablePadX)
			bodyW[j] = maxf(bodyW[j], one+2*tablePadX)
			minW[j] = maxf(minW[j], widest+d.indent[i][j]+2*tablePadX)
		}
	}
	return maxW, bodyW, minW
}

// share gives each column its floor and the rest of width in proportion
// to how much more it would like (up to want), or to its floor when every
// column has all it wants.
func share(width float64, floor, want []float64) []float64 {
	w := make([]float64, len(floor))
	more := 0.0
	for j := range floor {
		more += want[j] - floor[j]
	}
	room := width - sum(floor)
	for j := range w {
		w[j] = floor[j]
		switch {
		case more > 1e-9:
			w[j] += room * (want[j] - floor[j]) / more
		case sum(floor) > 0:
			w[j] += room * floor[j] / sum(floor)
		}
	}
	return w
}

func (d *tableData) rowHeight(cells []*paragraph, indent []float64) float64 {
	h := 0.0
	for j, p := range cells {
		h = maxf(h, p.wrap(d.colW[j]-2*tablePadX-indent[j]))
	}
	return h + 2*tablePadY
}

// decimalIndents aligns the numbers of each numeric column on their
// decimal point: a cell's tail is what follows its integer digits (".5",
// ".25%", "%", or nothing); each cell is indented from the right by the
// column's widest tail less its own. With the figures of equal width,
// right-aligned numbers then line up digit by digit.
func decimalIndents(e *env, t Table) [][]float64 {
	widest := make([]float64, len(t.Columns))
	tails := make([][]float64, len(t.Rows))
	for i, row := range t.Rows {
		tails[i] = make([]float64, len(t.Columns))
		for j, c := range t.Columns {
			if !c.Numeric || j >= len(row) {
				continue
			}
			tail, ok := decimalTail(row[j])
			if !ok {
				continue
			}
			tails[i][j] = e.m.width(0, tableSize, tail)
			widest[j] = maxf(widest[j], tails[i][j])
		}
	}
	out := make([][]float64, len(t.Rows))
	for i, row := range t.Rows {
		out[i] = make([]float64, len(t.Columns))
		for j := range t.Columns {
			if j < len(row) && t.Columns[j].Numeric {
				if _, ok := decimalTail(row[j]); ok {
					out[i][j] = widest[j] - tails[i][j]
				}
			}
		}
	}
	return out
}

// decimalTail is the part of a number after its integer digits; ok is
// false for a cell that holds no digit (a dash, "n/a"), which stays
// right-aligned as it is.
func decimalTail(s string) (tail string, ok bool) {
	end := -1
	for i, r := range s {
		if r >= '0' && r <= '9' {
			end = i + 1
		} else if r == '.' {
			return s[i:], end >= 0 || strings.ContainsAny(s[i:], "0123456789")
		}
	}
	if end < 0 {
		return "", false
	}
	return s[end:], true
}

func sum(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s
}
