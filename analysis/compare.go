package analysis

import (
	"fmt"
	"strings"

	"time"

	"github.com/briefing/report/config"
	"github.com/briefing/report/internal/exact"
	"github.com/briefing/report/internal/locale"
	"github.com/briefing/report/internal/period"
)

// The bases a compare's changes can be on.
const (
	BasisTotals = "totals"
	BasisMeans  = "means per interval"
)

// CompareRow is one series in one labelled period of a compare analysis.
// A period with no interval inside the analysis window or the data has NaN
// numbers.
type CompareRow struct {
	Series string
	Period string // the period's label in the config
	// Holds says what the period holds when that is less than its label
	// promises: "2020–2023 (2024 not yet in the data)", "2019–2025 (2025 to
	// Q3)"; else it is the label.
	Holds     string
	Total     exact.Number
	Mean      exact.Number // per interval; a partial interval counts by the quarters it holds
	Intervals int          // intervals held, a partial one included
	// Length is the number of intervals held, a partial interval counted
	// by its share (2025 to Q3 is 3/4 of a year).
	Length    exact.Number
	Partial   bool         // the period holds a partial interval
	Change    exact.Number // against the previous period, on Basis; NaN for the first
	ChangePct exact.Number // a fraction (-0.64); NaN for the first or from zero
	Share     exact.Number // of all series' totals in this period, a fraction
	Basis     string       // BasisTotals or BasisMeans: what Change compares
}

// Compare computes a compare analysis from the timed result it is of.
// Each period holds the intervals of the analysis window inside it that
// the series' data covers. Changes compare totals when every period holds
// the same length, else means per interval (the result's Basis). The
// result's values are the means per interval.
func Compare(c *config.Config, name string, done map[string]*Result, cut period.Period) (*Result, error) {
	a := c.Analyses[name]
	base, ok := done[a.Of]
	if !ok {
		return nil, fmt.Errorf("analysis %q has no result to compare", a.Of)
	}
	words := wordsOf(c)
	r := &Result{Name: name, Kind: a.Kind, Timed: false, Measure: words.Word("mean_per_interval", "measure", base.Measure), Source: base.Source}
	for _, p := range a.Periods {
		r.Keys = append(r.Keys, Key{Label: p.Label})
	}
	if len(base.Keys) > 0 {
		r.Unit = base.Keys[0].Interval.Unit.String()
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
			row := holdRow(base, s, p.Label, from, to, cut, words)
			out.Values = append(out.Values, row.Mean)
			rows = append(rows, row)
		}
		r.Series = append(r.Series, out)
	}
	fillChanges(rows, len(a.Periods))
	r.Compare = rows
	return r, nil
}

// holdRow sums series s over the keys of base inside from..to that its
// data covers, and says what the period holds.
func holdRow(base *Result, s Series, label string, from, to period.Interval, cut period.Period, words *locale.Locale) CompareRow {
	row := CompareRow{Series: s.Label, Period: label, Holds: label, Change: exact.NaN(), ChangePct: exact.NaN()}
	var held, missing []Key
	var partial *Key
	for ki, k := range base.Keys {
		if k.Interval.Start.Before(from.Start) || k.Interval.Start.After(to.Last()) {
			continue
		}
		if !s.Covers(k) {
			missing = append(missing, k)
			continue
		}
		held = append(held, k)
		row.Intervals++
		if k.Partial {
			partial = &base.Keys[ki]
			row.Length = row.Length.Add(partialShare(k))
		} else {
			row.Length = row.Length.Add(exact.Int(1))
		}
		if !IsGap(s.Values[ki]) {
			row.Total = row.Total.Add(s.Values[ki])
		}
	}
	missing = append(missing, notYet(base, from, to, cut)...)
	if len(held) == 0 {
		// The period lies outside the data's window or coverage: no number,
		// rather than a false zero.
		row.Total, row.Mean, row.Length = exact.NaN(), exact.NaN(), exact.NaN()
		if len(missing) > 0 {
			row.Holds = label + " (" + words.Word("not_yet", "span", span(missing)) + ")"
		}
		return row
	}
	row.Partial = partial != nil
	row.Mean = row.Total.Quo(row.Length)
	var notes []string
	if len(missing) > 0 {
		notes = append(notes, words.Word("not_yet", "span", span(missing)))
	}
	if partial != nil {
		notes = append(notes, partial.Label+" "+partial.Upto())
	}
	unit := held[0].Interval.Unit
	whole := held[0].Interval == from.Truncate(unit) && held[len(held)-1].Interval == to.Truncate(unit)
	if len(notes) > 0 || !whole {
		row.Holds = span(held)
		if len(notes) > 0 {
			row.Holds += " (" + strings.Join(notes, "; ") + ")"
		}
	}
	return row
}

// notYet returns the intervals of from..to up to the one that holds the
// report period's end that base's window stops short of: the data does
// not reach them yet (yearly rows of a year not over).
func notYet(base *Result, from, to period.Interval, cut period.Period) []Key {
	if len(base.Keys) == 0 {
		return nil
	}
	lastKey := base.Keys[len(base.Keys)-1].Interval
	unit := lastKey.Unit
	end := period.DayOf(cut.Last()).Truncate(unit)
	if t := to.Truncate(unit); t.Start.Before(end.Start) {
		end = t
	}
	var out []Key
	for iv := lastKey.Next(); !iv.Start.After(end.Start); iv = iv.Next() {
		if !iv.Start.Before(from.Truncate(unit).Start) {
			out = append(out, Key{Label: iv.String(), Interval: iv})
		}
	}
	return out
}

// partialShare is the share of a partial key's interval that its report
// period has reached: 2025 to Q3 is 3/4 of a year.
func partialShare(k Key) exact.Number {
	months := func(a, b time.Time) int64 {
		return int64((b.Year()-a.Year())*12 + int(b.Month()) - int(a.Month()))
	}
	full := months(k.Interval.Start, k.Interval.End())
	done := months(k.Interval.Start, k.Through.End())
	if full <= 0 || done >= full {
		return exact.Int(1)
	}
	return exact.Int(done).Quo(exact.Int(full))
}

// span prints the first and last of keys: "2020–2023", or "2024" for one.
func span(keys []Key) string {
	first, last := keys[0].Label, keys[len(keys)-1].Label
	if first == last {
		return first
	}
	return first + "–" + last
}

// fillChanges sets change, change_pct, share and basis on rows ordered
// series by series, n periods each. The basis is totals when every period
// holds the same length, else means per interval.
func fillChanges(rows []CompareRow, n int) {
	basis := BasisTotals
	var length exact.Number
	for _, row := range rows {
		switch {
		case row.Length.IsNaN():
		case length.IsZero():
			length = row.Length
		case row.Length.Cmp(length) != 0:
			basis = BasisMeans
		}
	}
	totals := make([]exact.Number, n)
	for i, row := range rows {
		if !row.Total.IsNaN() {
			totals[i%n] = totals[i%n].Add(row.Total)
		}
	}
	for i := range rows {
		row := &rows[i]
		row.Basis = basis
		row.Share = row.Total.Quo(totals[i%n]) // NaN without data or from a zero total
		if i%n == 0 {
			continue
		}
		prev := rows[i-1]
		cur, was := row.Total, prev.Total
		if basis == BasisMeans {
			cur, was = row.Mean, prev.Mean
		}
		row.Change = cur.Sub(was)           // NaN when either period has no data
		row.ChangePct = row.Change.Quo(was) // NaN from zero
	}
}
