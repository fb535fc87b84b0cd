package compose

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/briefing/report/analysis"
	"github.com/briefing/report/analysis/narrative"
	"github.com/briefing/report/config"
	"github.com/briefing/report/internal/exact"
	"github.com/briefing/report/internal/numfmt"
	"github.com/briefing/report/internal/suggest"
	"github.com/briefing/report/layouts"
)

// grid is a table before it is printed: its numbers stay exact until a
// column's format prints them, so that sorting, folding rows into "Other"
// and a format from the config each round once.
type grid struct {
	cols  []gridCol
	rows  [][]gridCell
	note  string
	other string // the label of the row that folds the rest in: "Other ({n})"
}

// How a column prints its numbers by default.
const (
	asNumber    = iota
	asPercent   // a fraction as a percentage: 0.57 → 57%
	asSigned    // +12, −3
	asSignedPct // a fraction as a signed percentage: +12%
	asWritten   // the cell's text, as the data file has it (unless a format is set)
)

type gridCol struct {
	name     string // the name the config may use: the file's column, or the header
	header   string
	numeric  bool
	decimals int
	print    int  // asNumber, ...
	additive bool // an "Other" row sums it
	format   *numfmt.Format
}

// gridCell is a number (num) or a text. The first cell of a row read from
// a file holds where (at), so that the row's place follows it through
// sorting and folding.
type gridCell struct {
	text string
	v    exact.Number
	num  bool
	at   layouts.Place
}

func textCell(s string) gridCell       { return gridCell{text: s} }
func numCell(v exact.Number) gridCell  { return gridCell{v: v, num: true} }
func (g *grid) add(cells ...gridCell)  { g.rows = append(g.rows, cells) }
func (g *grid) col(c gridCol) *gridCol { g.cols = append(g.cols, c); return &g.cols[len(g.cols)-1] }

// apply carries out a table block's options: column headers and formats,
// sort, then top with the rest as "Other".
func (g *grid) apply(o config.TableOptions) error {
	for key, st := range o.Styles {
		i, err := g.find(key, "columns."+key)
		if err != nil {
			return err
		}
		if st.Header != "" {
			g.cols[i].header = st.Header
		}
		if st.Format != "" {
			f := st.Number
			g.cols[i].format = &f
		}
	}
	if o.Sort != "" {
		i, err := g.find(o.Sort, "sort")
		if err != nil {
			return err
		}
		sort.SliceStable(g.rows, func(a, b int) bool {
			x, y := g.rows[a][i], g.rows[b][i]
			if o.Descending {
				x, y = y, x
			}
			return less(x, y)
		})
	}
	if o.Top > 0 && len(g.rows) > o.Top {
		rest := g.rows[o.Top:]
		g.rows = g.rows[:o.Top]
		if o.Other {
			g.rows = append(g.rows, g.otherRow(rest))
		}
	}
	return nil
}

// optionError is a table option that does not fit the table's columns;
// option is its key under the block's table (sort, columns.NAME).
type optionError struct {
	option string
	msg    string
}

func (e *optionError) Error() string { return e.msg }

// find returns the column named key (its name or header, in any case).
func (g *grid) find(key, option string) (int, error) {
	var names []string
	for i, c := range g.cols {
		if strings.EqualFold(c.name, key) || strings.EqualFold(c.header, key) {
			return i, nil
		}
		names = append(names, c.name)
	}
	return -1, &optionError{option: option, msg: fmt.Sprintf("the table has no column %q%s (it has %s)", key, suggest.Hint(key, names), strings.Join(names, ", "))}
}

// less orders cells: numbers by value, before texts, texts by letters;
// gaps last.
func less(x, y gridCell) bool {
	switch {
	case x.num && y.num:
		if analysis.IsGap(x.v) || analysis.IsGap(y.v) {
			return !analysis.IsGap(x.v) && analysis.IsGap(y.v)
		}
		return x.v.Cmp(y.v) < 0
	case x.num != y.num:
		return x.num
	}
	return strings.ToLower(x.text) < strings.ToLower(y.text)
}

// otherRow folds rows into one: "Other (N)" in the first column, the sums
// of additive columns, a dash elsewhere.
func (g *grid) otherRow(rows [][]gridCell) []gridCell {
	out := make([]gridCell, len(g.cols))
	for i, c := range g.cols {
		switch {
		case i == 0:
			out[i] = textCell(strings.ReplaceAll(or(g.other, "Other ({n})"), "{n}", strconv.Itoa(len(rows))))
		case c.numeric && c.additive:
			var sum exact.Number
			for _, r := range rows {
				if i < len(r) && r[i].num {
					sum = sum.Add(zeroIfGap(r[i].v))
				}
			}
			out[i] = numCell(sum)
		default:
			out[i] = textCell("–")
		}
	}
	return out
}

// print turns the grid into the layouts table t.
func (g *grid) print(t *layouts.Table) {
	for _, c := range g.cols {
		t.Columns = append(t.Columns, layouts.Column{Header: c.header, Numeric: c.numeric})
	}
	placed := false
	for _, r := range g.rows {
		row := make([]string, len(r))
		for i, cl := range r {
			row[i] = g.cols[i].text(cl)
		}
		t.Rows = append(t.Rows, row)
		var at layouts.Place
		if len(r) > 0 {
			at = r[0].at
		}
		t.Places = append(t.Places, at)
		placed = placed || at.File != ""
	}
	if !placed {
		t.Places = nil
	}
	if g.note != "" {
		t.Note = g.note
	}
}

// text prints a cell of the column, rounded once.
func (c gridCol) text(cl gridCell) string {
	if !cl.num || (c.print == asWritten && c.format == nil && cl.text != "") {
		return cl.text
	}
	if analysis.IsGap(cl.v) || cl.v.IsNaN() {
		return "–"
	}
	if f := c.format; f != nil {
		return formatted(cl.v, *f)
	}
	switch c.print {
	case asPercent:
		return narrative.Pct(cl.v, c.decimals)
	case asSigned:
		return narrative.Signed(cl.v, c.decimals)
	case asSignedPct:
		return narrative.SignedPct(cl.v, c.decimals)
	}
	return narrative.Num(cl.v, c.decimals)
}

// formatted prints v in a number format from the config.
func formatted(v exact.Number, f numfmt.Format) string {
	if f.Percent {
		v = v.Mul(exact.Int(100))
	}
	s := narrative.Num(v, f.Decimals)
	if f.Signed {
		s = narrative.Signed(v, f.Decimals)
	}
	if !f.Grouping {
		s = strings.ReplaceAll(s, ",", "")
	}
	if f.Percent {
		s += "%"
	}
	return s
}

// magnitudeDecimals is the default number of decimals for values like vs:
// none when the largest is 100 or more (a tenth of a TIV million is false
// precision), else one; none when every value is whole.
func magnitudeDecimals(vs ...[]exact.Number) int {
	whole, big := true, false
	for _, s := range vs {
		for _, v := range s {
			if analysis.IsGap(v) || v.IsNaN() {
				continue
			}
			whole = whole && v.IsInt()
			big = big || v.Abs().Cmp(exact.Int(100)) >= 0
		}
	}
	if whole || big {
		return 0
	}
	return 1
}

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
