package compose

import (
	"fmt"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefing/report/analysis"
	"github.com/briefing/report/analysis/narrative"
	"github.com/briefing/report/config"
	"github.com/briefing/report/layouts"
)

// table turns a table block into a layouts.Table: an analysis result in the
// shape of its kind, or rows of a dataset.
func table(c *config.Config, res *analysis.Results, b config.Block) (layouts.Table, error) {
	if b.Dataset != "" {
		t, ok := res.Tables[b.Path]
		if !ok {
			return layouts.Table{}, fmt.Errorf("dataset %q was not read", b.Dataset)
		}
		out := layouts.Table{ID: b.Dataset, Title: b.Title, Rows: t.Rows, Source: sourceOf(res, b.Dataset)}
		for _, col := range t.Columns {
			out.Columns = append(out.Columns, layouts.Column{Header: headerText(col)})
		}
		markNumeric(&out)
		return out, nil
	}
	r, ok := res.Analyses[b.Analysis]
	if !ok {
		return layouts.Table{}, fmt.Errorf("analysis %q has no result", b.Analysis)
	}
	out := layouts.Table{ID: b.Analysis, Title: b.Title, Source: r.Source}
	switch {
	case r.Compare != nil:
		compareTable(&out, r, decimals(b, 1))
	case r.Changes != nil:
		out.Columns = []layouts.Column{{Header: "Period"}, {Header: "Rows", Numeric: true}}
		for i, k := range r.Keys {
			out.Rows = append(out.Rows, []string{k.Label, narrative.Num(r.Series[0].Values[i], 0)})
		}
	case !r.Timed:
		countTable(&out, r, decimals(b, 0))
	default:
		timedTable(&out, r, decimals(b, wholeOr(r, 1)))
	}
	return out, nil
}

func decimals(b config.Block, def int) int {
	if b.Decimals >= 0 {
		return b.Decimals
	}
	return def
}

// wholeOr returns 0 when every value of r is a whole number, else def.
func wholeOr(r *analysis.Result, def int) int {
	for _, s := range r.Series {
		for _, v := range s.Values {
			if !analysis.IsGap(v) && v != math.Trunc(v) {
				return def
			}
		}
	}
	return 0
}

func timedTable(t *layouts.Table, r *analysis.Result, d int) {
	head := "Year"
	if len(r.Keys) > 0 && r.Keys[0].Interval.Unit.String() != "year" {
		head = "Period"
	}
	t.Columns = []layouts.Column{{Header: head}}
	var series []analysis.Series
	for _, s := range r.Series {
		if s.AverageOf == "" {
			series = append(series, s)
			t.Columns = append(t.Columns, layouts.Column{Header: s.Label, Numeric: true})
		}
	}
	if len(series) > 1 {
		t.Columns = append(t.Columns, layouts.Column{Header: "Total", Numeric: true})
	}
	for i, k := range r.Keys {
		row := []string{k.Label}
		total := 0.0
		for _, s := range series {
			v := s.Values[i]
			if analysis.IsGap(v) {
				row = append(row, "–")
				continue
			}
			total += v
			row = append(row, narrative.Num(v, d))
		}
		if len(series) > 1 {
			row = append(row, narrative.Num(total, d))
		}
		t.Rows = append(t.Rows, row)
	}
}

func countTable(t *layouts.Table, r *analysis.Result, d int) {
	t.Columns = []layouts.Column{{Header: "Category"}, {Header: "Count", Numeric: true}, {Header: "Share", Numeric: true}}
	total := r.Series[0].Total()
	for i, k := range r.Keys {
		v := r.Series[0].Values[i]
		share := math.NaN()
		if total != 0 {
			share = v / total
		}
		t.Rows = append(t.Rows, []string{k.Label, narrative.Num(v, d), narrative.Pct(share, 0)})
	}
}

func compareTable(t *layouts.Table, r *analysis.Result, d int) {
	t.Columns = []layouts.Column{{Header: "Series"}, {Header: "Period"},
		{Header: "Total", Numeric: true}, {Header: "Mean", Numeric: true},
		{Header: "Change", Numeric: true}, {Header: "Change %", Numeric: true}, {Header: "Share", Numeric: true}}
	for _, row := range r.Compare {
		change, pct := "–", "–"
		if !math.IsNaN(row.Change) {
			change = narrative.Signed(row.Change, d)
			pct = "n/a"
			if !math.IsNaN(row.ChangePct) {
				pct = narrative.Signed(row.ChangePct*100, 0) + "%"
			}
		}
		t.Rows = append(t.Rows, []string{row.Series, row.Period, narrative.Num(row.Total, d),
			narrative.Num(row.Mean, d), change, pct, narrative.Pct(row.Share, 0)})
	}
}

// markNumeric right-aligns the columns whose every non-empty cell is a number.
func markNumeric(t *layouts.Table) {
	for ci := range t.Columns {
		numeric, any := true, false
		for _, row := range t.Rows {
			if ci >= len(row) || row[ci] == "" {
				continue
			}
			any = true
			if !looksNumeric(row[ci]) {
				numeric = false
				break
			}
		}
		t.Columns[ci].Numeric = numeric && any
	}
}

func looksNumeric(s string) bool {
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9', r == ',', r == '.':
		case (r == '-' || r == '+') && i == 0:
		default:
			return false
		}
	}
	return true
}

func sourceOf(res *analysis.Results, name string) string {
	if d, ok := res.Datasets[name]; ok && d.Generated != "" {
		return "Data generated " + d.Generated
	}
	return ""
}

// headerText turns a file's column name into a table header: underscores
// become spaces and the first letter is upper case ("start_date" reads
// "Start date"); names already written for people are kept.
func headerText(col string) string {
	h := strings.TrimSpace(strings.ReplaceAll(col, "_", " "))
	r, size := utf8.DecodeRuneInString(h)
	if size == 0 {
		return col
	}
	return string(unicode.ToUpper(r)) + h[size:]
}
