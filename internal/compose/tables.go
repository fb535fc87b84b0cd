package compose

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefing/report/analysis"
	"github.com/briefing/report/analysis/narrative"
	"github.com/briefing/report/config"
	"github.com/briefing/report/internal/exact"
	"github.com/briefing/report/layouts"
)

// table turns a table block into a layouts.Table: an analysis result in the
// shape of its kind, or rows of a dataset.
func table(c *config.Config, res *analysis.Results, b config.Block) (layouts.Table, error) {
	t, err := tableOf(c, res, b)
	t.Pinned = b.Pinned
	return t, err
}

func tableOf(c *config.Config, res *analysis.Results, b config.Block) (layouts.Table, error) {
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
			out.Rows = append(out.Rows, []string{k.Text(), narrative.Num(r.Series[0].Values[i], 0)})
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
			if !analysis.IsGap(v) && !v.IsInt() {
				return def
			}
		}
	}
	return 0
}

// cell prints an exact value rounded once to d places, "–" for a gap.
func cell(v exact.Number, d int) string {
	if analysis.IsGap(v) {
		return "–"
	}
	return narrative.Num(v, d)
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
	partial := false
	for i, k := range r.Keys {
		row := []string{k.Text()}
		partial = partial || k.Partial
		var total exact.Number
		for _, s := range series {
			total = total.Add(zeroIfGap(s.Values[i]))
			row = append(row, cell(s.Values[i], d))
		}
		if len(series) > 1 {
			row = append(row, narrative.Num(total, d))
		}
		t.Rows = append(t.Rows, row)
	}
	if partial {
		last := r.Keys[len(r.Keys)-1]
		t.Note = fmt.Sprintf("%s is not yet complete: it holds data to the end of Q%d %d only.", last.Label, last.Through.Quarter(), last.Through.Year())
	}
}

func zeroIfGap(v exact.Number) exact.Number {
	if analysis.IsGap(v) {
		return exact.Number{}
	}
	return v
}

func countTable(t *layouts.Table, r *analysis.Result, d int) {
	t.Columns = []layouts.Column{{Header: "Category"}, {Header: "Count", Numeric: true}, {Header: "Share of total", Numeric: true}}
	total := r.Series[0].Total()
	for i, k := range r.Keys {
		v := r.Series[0].Values[i]
		t.Rows = append(t.Rows, []string{k.Label, cell(v, d), narrative.Pct(v.Quo(total), 0)})
	}
}

// compareTable prints a compare's rows. Every number is rounded once from
// its exact value, except Change, which is the difference of the two
// printed numbers it compares, so that a row agrees with itself.
func compareTable(t *layouts.Table, r *analysis.Result, d int) {
	unit := r.Unit
	if unit == "" {
		unit = "interval"
	}
	t.Columns = []layouts.Column{{Header: "Series"}, {Header: "Period"},
		{Header: "Total", Numeric: true}, {Header: "Mean per " + unit, Numeric: true},
		{Header: "Change", Numeric: true}, {Header: "Change %", Numeric: true}, {Header: "Share of period", Numeric: true}}
	var prev *analysis.CompareRow
	for i, row := range r.Compare {
		change, pct := "–", "–"
		if prev != nil && prev.Series == row.Series && !row.Change.IsNaN() {
			cur, was := row.Total, prev.Total
			if row.Basis == analysis.BasisMeans {
				cur, was = row.Mean, prev.Mean
			}
			change = narrative.Signed(cur.Round(d).Sub(was.Round(d)), d)
			pct = narrative.SignedPct(row.ChangePct, 0)
		}
		t.Rows = append(t.Rows, []string{row.Series, row.Holds, cell(row.Total, d),
			cell(row.Mean, d), change, pct, narrative.Pct(row.Share, 0)})
		prev = &r.Compare[i]
	}
	t.Note = compareNote(r, unit)
}

// compareNote says what a compare table's numbers are: the basis of its
// changes and what its shares are of.
func compareNote(r *analysis.Result, unit string) string {
	basis := "totals"
	if len(r.Compare) > 0 && r.Compare[0].Basis == analysis.BasisMeans {
		basis = "means per " + unit + ", because the periods hold different numbers of " + unit + "s"
	}
	note := "Change and Change % are against the period above, on " + basis + ". " +
		"Share of period is the series' part of the total of all series in that period."
	for _, row := range r.Compare {
		if row.Partial {
			note += " A " + unit + " not yet complete counts in the mean by the quarters it holds."
			break
		}
	}
	return note
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
