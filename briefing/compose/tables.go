package compose

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefing/report/analysis"
	"github.com/briefing/report/config"
	"github.com/briefing/report/internal/exact"
	"github.com/briefing/report/internal/locale"
	"github.com/briefing/report/layouts"
)

// table turns a table block into a layouts.Table: an analysis result in the
// shape of its kind, or rows of a dataset.
// Its numbers are written as the briefing's language writes them (loc).
func table(c *config.Config, res *analysis.Results, b config.Block, loc *locale.Locale) (layouts.Table, error) {
	t, err := tableOf(c, res, b, loc)
	t.Pinned, t.Landscape = b.Pinned, b.Table.Landscape
	for j, col := range t.Columns {
		if !col.Numeric {
			continue
		}
		for _, row := range t.Rows {
			if j < len(row) {
				row[j] = loc.Number(row[j])
			}
		}
	}
	return t, err
}

// joinNotes puts the config's note before the one report writes.
func joinNotes(own, generated string) string {
	switch {
	case own == "":
		return generated
	case generated == "":
		return own
	}
	return own + " " + generated
}

func tableOf(c *config.Config, res *analysis.Results, b config.Block, loc *locale.Locale) (layouts.Table, error) {
	var g *grid
	var out layouts.Table
	if b.Dataset != "" {
		t, ok := res.Tables[b.Path]
		if !ok {
			return layouts.Table{}, fmt.Errorf("dataset %q was not read", b.Dataset)
		}
		out = layouts.Table{ID: b.Dataset, Title: b.Title, Source: sourceOf(res, b.Dataset, loc)}
		g = datasetGrid(t, c.Data[b.Dataset])
	} else {
		r, ok := res.Analyses[b.Analysis]
		if !ok {
			return layouts.Table{}, fmt.Errorf("analysis %q has no result", b.Analysis)
		}
		out = layouts.Table{ID: b.Analysis, Title: b.Title, Source: r.Source}
		switch {
		case r.Compare != nil && b.Table.Wide:
			g = compareWideGrid(r, b.Decimals, loc)
		case r.Compare != nil:
			g = compareGrid(r, b.Decimals, loc)
		case r.Revisions != nil:
			g = revisionsGrid(r, b.Decimals, loc)
		case r.Changes != nil:
			g = &grid{}
			g.col(gridCol{name: "Period", header: loc.Word("col_period")})
			g.col(gridCol{name: "Rows", header: loc.Word("col_rows"), numeric: true, additive: true})
			for i, k := range r.Keys {
				g.add(textCell(k.Text()), numCell(r.Series[0].Values[i]))
			}
		case !r.Timed:
			g = countGrid(r, b.Decimals, loc)
		default:
			g = timedGrid(r, b.Decimals, loc)
		}
	}
	g.other = loc.Word("other")
	err := g.apply(b.Table)
	g.print(&out)
	return out, err
}

// orDefault is the block's decimals when set, else def.
func orDefault(decimals, def int) int {
	if decimals >= 0 {
		return decimals
	}
	return def
}

// datasetGrid holds a dataset's rows: cells that read as numbers keep
// their value (a format may print them), the rest their text, or its
// label when the dataset gives the column labels.
func datasetGrid(t *analysis.Table, d config.Dataset) *grid {
	g := &grid{}
	for _, col := range t.Columns {
		g.col(gridCol{name: col, header: headerText(col)})
	}
	for ri, row := range t.Rows {
		cells := make([]gridCell, len(g.cols))
		for i := range cells {
			if i < len(row) {
				cells[i] = textCell(d.Label(t.Columns[i], row[i]))
			}
		}
		if len(cells) > 0 && ri < len(t.Places) {
			cells[0].at = layouts.Place(t.Places[ri])
		}
		g.add(cells...)
	}
	for ci := range g.cols {
		numeric, any := true, false
		for _, r := range g.rows {
			if s := r[ci].text; s != "" {
				any = true
				numeric = numeric && looksNumeric(s)
			}
		}
		g.cols[ci].numeric = numeric && any
		if !g.cols[ci].numeric {
			continue
		}
		for _, r := range g.rows {
			if v, err := exact.Parse(strings.ReplaceAll(r[ci].text, ",", "")); err == nil {
				r[ci].v, r[ci].num = v, true // printed as written unless a format says otherwise
			}
		}
		g.cols[ci].print = asWritten
	}
	return g
}

func timedGrid(r *analysis.Result, decimals int, loc *locale.Locale) *grid {
	name, head := "Year", loc.Word("col_year")
	if len(r.Keys) > 0 && r.Keys[0].Interval.Unit.String() != "year" {
		name, head = "Period", loc.Word("col_period")
	}
	var series []analysis.Series
	var values [][]exact.Number
	for _, s := range r.Series {
		if s.AverageOf == "" {
			series = append(series, s)
			values = append(values, s.Values)
		}
	}
	d := orDefault(decimals, magnitudeDecimals(values...))
	g := &grid{}
	g.col(gridCol{name: name, header: head})
	for _, s := range series {
		g.col(gridCol{name: s.Label, header: s.Label, numeric: true, decimals: d, additive: true})
	}
	if len(series) > 1 {
		g.col(gridCol{name: "Total", header: loc.Word("col_total"), numeric: true, decimals: d, additive: true})
	}
	partial := false
	for i, k := range r.Keys {
		row := []gridCell{textCell(k.Text())}
		partial = partial || k.Partial
		var total exact.Number
		for _, s := range series {
			total = total.Add(zeroIfGap(s.Values[i]))
			row = append(row, numCell(s.Values[i]))
		}
		if len(series) > 1 {
			row = append(row, numCell(total))
		}
		g.add(row...)
	}
	if partial {
		last := r.Keys[len(r.Keys)-1]
		g.note = loc.Word("note_partial", "label", last.Label, "q", last.Through.Quarter(), "year", last.Through.Year())
	}
	return g
}

func zeroIfGap(v exact.Number) exact.Number {
	if analysis.IsGap(v) {
		return exact.Number{}
	}
	return v
}

func countGrid(r *analysis.Result, decimals int, loc *locale.Locale) *grid {
	g := &grid{}
	g.col(gridCol{name: "Category", header: loc.Word("col_category")})
	g.col(gridCol{name: "Count", header: loc.Word("col_count"), numeric: true, decimals: orDefault(decimals, 0), additive: true})
	g.col(gridCol{name: "Share", header: loc.Word("col_share_of_total"), numeric: true, print: asPercent, additive: true})
	total := r.Series[0].Total()
	for i, k := range r.Keys {
		v := r.Series[0].Values[i]
		g.add(textCell(k.Label), numCell(v), numCell(v.Quo(total)))
	}
	return g
}

// compareDecimals is the decimals of a compare's numbers: the block's, or
// by the size of its totals and means.
func compareDecimals(r *analysis.Result, decimals int) int {
	var vs []exact.Number
	for _, row := range r.Compare {
		vs = append(vs, row.Total, row.Mean)
	}
	return orDefault(decimals, magnitudeDecimals(vs))
}

// compareGrid is a compare's rows, one per series and period. Every number
// is rounded once from its exact value, except Change, which is the
// difference of the two printed numbers it compares, so that a row agrees
// with itself.
func compareGrid(r *analysis.Result, decimals int, loc *locale.Locale) *grid {
	d := compareDecimals(r, decimals)
	unit := unitOf(r)
	g := &grid{note: compareNote(r, unit, loc)}
	g.col(gridCol{name: "Series", header: loc.Word("col_series")})
	g.col(gridCol{name: "Period", header: loc.Word("col_period")})
	g.col(gridCol{name: "Total", header: loc.Word("col_total"), numeric: true, decimals: d, additive: true})
	g.col(gridCol{name: "Mean", header: loc.Word("col_mean_per", "unit", loc.Unit(unit, false)), numeric: true, decimals: d, additive: true})
	g.col(gridCol{name: "Change", header: loc.Word("col_change"), numeric: true, decimals: d, print: asSigned})
	g.col(gridCol{name: "Change %", header: loc.Word("col_change_pct"), numeric: true, print: asSignedPct})
	g.col(gridCol{name: "Share", header: loc.Word("col_share_of_period"), numeric: true, print: asPercent, additive: true})
	var prev *analysis.CompareRow
	for i, row := range r.Compare {
		change, pct := textCell("–"), textCell("–")
		if prev != nil && prev.Series == row.Series && !row.Change.IsNaN() {
			change, pct = numCell(printedChange(*prev, row, d)), numCell(row.ChangePct)
		}
		g.add(textCell(row.Series), textCell(row.Holds), numCell(row.Total), numCell(row.Mean), change, pct, numCell(row.Share))
		prev = &r.Compare[i]
	}
	return g
}

// printedChange is the change from was to cur on their basis, as the
// difference of the two numbers printed at d decimals.
func printedChange(was, cur analysis.CompareRow, d int) exact.Number {
	a, b := cur.Total, was.Total
	if cur.Basis == analysis.BasisMeans {
		a, b = cur.Mean, was.Mean
	}
	return a.Round(d).Sub(b.Round(d))
}

// compareWideGrid sets a compare one row per series: a column per period
// (totals, or means when the periods differ in length), then the change
// and the share of the last period, headed with what they compare.
func compareWideGrid(r *analysis.Result, decimals int, loc *locale.Locale) *grid {
	d := compareDecimals(r, decimals)
	unit := unitOf(r)
	var periods []string
	bySeries := map[string][]analysis.CompareRow{}
	var order []string
	for _, row := range r.Compare {
		if _, ok := bySeries[row.Series]; !ok {
			order = append(order, row.Series)
		}
		bySeries[row.Series] = append(bySeries[row.Series], row)
		if len(bySeries[row.Series]) > len(periods) {
			periods = append(periods, row.Holds)
		}
	}
	means := len(r.Compare) > 0 && r.Compare[0].Basis == analysis.BasisMeans
	g := &grid{}
	g.col(gridCol{name: "Series", header: loc.Word("col_series")})
	for _, p := range periods {
		h := p
		if means {
			h = loc.Word("col_period_mean", "period", p, "unit", loc.Unit(unit, false))
		}
		g.col(gridCol{name: p, header: h, numeric: true, decimals: d, additive: true})
	}
	n := len(periods)
	if n > 1 {
		g.col(gridCol{name: "Change", header: loc.Word("col_change_from", "period", periods[n-2]), numeric: true, decimals: d, print: asSigned})
		g.col(gridCol{name: "Change %", header: loc.Word("col_change_pct_from", "period", periods[n-2]), numeric: true, print: asSignedPct})
	}
	g.col(gridCol{name: "Share", header: loc.Word("col_share_of_total_in", "period", periods[n-1]), numeric: true, print: asPercent, additive: true})
	for _, s := range order {
		rows := bySeries[s]
		cells := []gridCell{textCell(s)}
		for _, row := range rows {
			v := row.Total
			if means {
				v = row.Mean
			}
			cells = append(cells, numCell(v))
		}
		last := rows[len(rows)-1]
		if n > 1 {
			if len(rows) > 1 && !last.Change.IsNaN() {
				cells = append(cells, numCell(printedChange(rows[len(rows)-2], last, d)), numCell(last.ChangePct))
			} else {
				cells = append(cells, textCell("–"), textCell("–"))
			}
		}
		g.add(append(cells, numCell(last.Share))...)
	}
	g.note = wideNote(r, unit, means, loc)
	return g
}

func unitOf(r *analysis.Result) string {
	if r.Unit == "" {
		return "interval"
	}
	return r.Unit
}

// compareNote says what a compare table's numbers are: the basis of its
// changes and what its shares are of.
func compareNote(r *analysis.Result, unit string, loc *locale.Locale) string {
	basis := loc.Word("basis_totals")
	if len(r.Compare) > 0 && r.Compare[0].Basis == analysis.BasisMeans {
		basis = loc.Word("basis_means", "unit", loc.Unit(unit, false), "units", loc.Unit(unit, true))
	}
	return loc.Word("note_compare", "basis", basis) + comparePartialNote(r, unit, loc)
}

// wideNote is compareNote for the wide form.
func wideNote(r *analysis.Result, unit string, means bool, loc *locale.Locale) string {
	note := loc.Word("note_wide_totals")
	if means {
		note = loc.Word("note_wide_means", "unit", loc.Unit(unit, false), "units", loc.Unit(unit, true))
	}
	return note + " " + loc.Word("note_wide_share") + comparePartialNote(r, unit, loc)
}

func comparePartialNote(r *analysis.Result, unit string, loc *locale.Locale) string {
	for _, row := range r.Compare {
		if row.Partial {
			return " " + loc.Word("note_partial_mean", "unit", loc.Unit(unit, false))
		}
	}
	return ""
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

func sourceOf(res *analysis.Results, name string, loc *locale.Locale) string {
	d, ok := res.Datasets[name]
	switch {
	case !ok:
		return ""
	case d.Title != "" && d.Generated != "":
		return loc.Word("source_generated", "title", d.Title, "date", loc.ShortDateOf(d.Generated))
	case d.Title != "":
		return d.Title
	case d.Generated != "":
		return loc.Word("data_generated", "date", loc.ShortDateOf(d.Generated))
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

// revisionsGrid lists the revisions of a revisions analysis: a row per
// series and interval that changed, the old and new values headed with
// their exports' dates, the change and the change in percent.
func revisionsGrid(r *analysis.Result, decimals int, loc *locale.Locale) *grid {
	set := r.Revisions
	var vs []exact.Number
	for _, row := range set.Rows {
		vs = append(vs, row.Old, row.New)
	}
	d := orDefault(decimals, magnitudeDecimals(vs))
	head := func(what, date string) string {
		if date == "" {
			return what
		}
		return loc.Word("col_data_of", "what", what, "date", loc.ShortDateOf(date))
	}
	g := &grid{}
	g.col(gridCol{name: "Series", header: loc.Word("col_series")})
	g.col(gridCol{name: "Period", header: loc.Word("col_period")})
	g.col(gridCol{name: "Old", header: head(loc.Word("col_before"), set.Old), numeric: true, decimals: d})
	g.col(gridCol{name: "New", header: head(loc.Word("col_now"), set.New), numeric: true, decimals: d})
	g.col(gridCol{name: "Change", header: loc.Word("col_change"), numeric: true, decimals: d, print: asSigned})
	g.col(gridCol{name: "Change %", header: loc.Word("col_change_pct"), numeric: true, print: asSignedPct})
	for _, row := range set.Rows {
		pct := numCell(row.ChangePct)
		if row.ChangePct.IsNaN() {
			pct = textCell("–")
		}
		g.add(textCell(row.Series), textCell(row.Time.String()), numCell(row.Old), numCell(row.New),
			numCell(row.New.Round(d).Sub(row.Old.Round(d))), pct)
	}
	g.note = loc.Word("note_revised", "n", len(set.Rows), "compared", set.Compared)
	if len(set.Rows) == 0 {
		g.note = loc.Word("note_none_revised", "compared", set.Compared)
	}
	return g
}
