package analysis

import (
	"fmt"
	"math"

	"github.com/briefing/report/config"
	"github.com/briefing/report/internal/period"
)

// CompareRow is one series in one labelled period of a compare analysis.
// A period with no interval inside the analysis window has NaN numbers.
type CompareRow struct {
	Series    string
	Period    string
	Total     float64
	Mean      float64 // per interval
	Intervals int
	Change    float64 // against the previous period; NaN for the first
	ChangePct float64 // a fraction (-0.64); NaN for the first or from zero
	Share     float64 // of all series in this period, a fraction
}

// Compare computes a compare analysis from the timed result it is of.
// Changes compare totals when the periods have the same number of
// intervals, else means. The result's values are the means per interval.
func Compare(c *config.Config, name string, done map[string]*Result) (*Result, error) {
	a := c.Analyses[name]
	base, ok := done[a.Of]
	if !ok {
		return nil, fmt.Errorf("analysis %q has no result to compare", a.Of)
	}
	r := &Result{Name: name, Kind: a.Kind, Timed: false, Measure: base.Measure + " (mean per interval)", Source: base.Source}
	for _, p := range a.Periods {
		r.Keys = append(r.Keys, Key{Label: p.Label})
	}
	var rows []CompareRow
	for _, s := range base.Series {
		if s.AverageOf != "" {
			continue
		}
		out := Series{Label: s.Label}
		for pi, p := range a.Periods {
			from, err1 := period.ParseInterval(p.From)
			to, err2 := period.ParseInterval(p.To)
			if err1 != nil || err2 != nil {
				return nil, fmt.Errorf("periods[%d]: bad from/to", pi)
			}
			row := CompareRow{Series: s.Label, Period: p.Label, Change: math.NaN(), ChangePct: math.NaN()}
			for ki, k := range base.Keys {
				if k.Interval.Start.Before(from.Start) || k.Interval.End().After(to.End()) {
					continue
				}
				row.Intervals++
				if !IsGap(s.Values[ki]) {
					row.Total += s.Values[ki]
				}
			}
			if row.Intervals > 0 {
				row.Mean = row.Total / float64(row.Intervals)
			} else {
				// The period lies outside the data's window (after the
				// period cut): no number, rather than a false zero.
				row.Total, row.Mean = math.NaN(), math.NaN()
			}
			out.Values = append(out.Values, row.Mean)
			rows = append(rows, row)
		}
		r.Series = append(r.Series, out)
	}
	fillChanges(rows, len(a.Periods))
	r.Compare = rows
	return r, nil
}

// fillChanges sets change, change_pct and share on rows ordered series by
// series, n periods each.
func fillChanges(rows []CompareRow, n int) {
	totals := make([]float64, n)
	for i, row := range rows {
		if !math.IsNaN(row.Total) {
			totals[i%n] += row.Total
		}
	}
	for i := range rows {
		row := &rows[i]
		row.Share = math.NaN()
		if totals[i%n] != 0 && !math.IsNaN(row.Total) {
			row.Share = row.Total / totals[i%n]
		}
		if i%n == 0 {
			continue
		}
		prev := rows[i-1]
		cur, was := row.Total, prev.Total
		if prev.Intervals != row.Intervals {
			cur, was = row.Mean, prev.Mean
		}
		row.Change = cur - was // NaN when either period has no data
		if was != 0 && !math.IsNaN(row.Change) {
			row.ChangePct = row.Change / was
		}
	}
}
