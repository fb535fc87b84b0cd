package analysis

import (
	"strings"

	"github.com/briefing/report/analysis/dataset"
	"github.com/briefing/report/config"
	"github.com/briefing/report/internal/period"
)

// Table is rows of a dataset kept for a table block: the chosen columns,
// in time order, inside the period cut.
type Table struct {
	Dataset string
	Columns []string // as written in the file's header
	Rows    [][]string
	// Places are the lines the rows were read from, in the same order
	// (a row from a database has none), for messages about their text.
	Places []Place
}

// Place is a line of a file: where a row was read.
type Place struct {
	File string
	Line int
}

// MaxTableRows is the most rows a dataset table block may list: a table
// of more is hundreds of pages no reader turns, and keeping its rows is
// the one thing that would make memory grow with the data.
const MaxTableRows = 5_000

// tableConsumer keeps the rows of a dataset table block.
type tableConsumer struct {
	cfg   *config.Config
	path  string
	want  []string
	cols  []int
	timer *timer
	table *Table
	where *filter // nil: every row
	more  int     // rows past MaxTableRows, counted, not kept
	times []period.Interval
}

func (t *tableConsumer) time() *timer { return t.timer }

func (t *tableConsumer) bind(h *dataset.Header) config.Problems {
	var ps config.Problems
	t.cols = t.cols[:0]
	t.table.Columns = t.table.Columns[:0]
	if t.where != nil {
		ps = append(ps, t.where.bind(h, t.cfg)...)
	}
	if len(t.want) == 0 {
		for i, c := range h.Columns {
			t.cols = append(t.cols, i)
			t.table.Columns = append(t.table.Columns, c)
		}
		return ps
	}
	for _, name := range t.want {
		i := bindColumn(t.cfg, t.path+".columns", name, h, &ps)
		if i >= 0 {
			t.cols = append(t.cols, i)
			t.table.Columns = append(t.table.Columns, h.Columns[i])
		}
	}
	return ps
}

func (t *tableConsumer) add(r dataset.Row, iv period.Interval, inCut bool) error {
	if !inCut || (t.where != nil && !t.where.match(&r)) {
		return nil
	}
	if len(t.table.Rows) >= MaxTableRows {
		t.more++
		return nil
	}
	row := make([]string, len(t.cols))
	for i, c := range t.cols {
		row[i] = strings.Clone(r.Get(c)) // kept: the row's text is reused
	}
	t.table.Rows = append(t.table.Rows, row)
	var at Place
	if r.Line > 0 { // a file's row; a database's has no line
		at = Place{File: r.File, Line: r.Line}
	}
	t.table.Places = append(t.table.Places, at)
	t.times = append(t.times, iv)
	return nil
}

// finish sets the rows, and their places, in time order.
func (t *tableConsumer) finish() {
	times := append([]period.Interval(nil), t.times...)
	inTimeOrder(t.table.Rows, t.times)
	inTimeOrder(t.table.Places, times) // the same stable order
}

func (t *tableConsumer) problems() config.Problems {
	var ps config.Problems
	if t.where != nil && !t.where.matched {
		ps = append(ps, t.where.unmatched(t.cfg, t.table.Dataset))
	}
	if t.more == 0 {
		return ps
	}
	return append(ps, t.cfg.Problemf(t.path, "the table would list %s rows of dataset %q; a briefing table lists at most %s: give the table a smaller data file, or list the period's rows with a changes analysis",
		thousands(len(t.table.Rows)+t.more), t.table.Dataset, thousands(MaxTableRows)))
}
