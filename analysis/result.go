package analysis

import (
	"math"

	"github.com/briefing/report/internal/period"
)

// Result is what an analysis computes: series over a common axis of keys.
// A timed result's keys are consecutive intervals; a categorical result's
// keys are category labels.
type Result struct {
	Name  string // the analysis name from the config
	Kind  string // trend, frequency, count
	Timed bool
	Keys  []Key
	// Series are in display order; each has one value per key.
	Series []Series
	// Measure names what the numbers are ("TIV delivery values", "rows").
	Measure string
	// Source is the default source line for charts of this result.
	Source string
	// Compare holds the rows of a compare analysis; Changes the rows of a
	// changes analysis. Both are nil for other kinds.
	Compare []CompareRow
	Changes *ChangeSet
}

// Key is one point of a result's axis.
type Key struct {
	Label    string          // "2014", "2024-Q3" or a category label
	Interval period.Interval // zero for categories
}

// Series is one labelled line of numbers. A value is NaN where the series
// has a gap (`missing: gap`).
type Series struct {
	Label  string
	Values []float64
	// AverageOf, when set, names the series this one is the trailing
	// moving average of.
	AverageOf string
}

// Gap is the value of an interval with no rows under `missing: gap`.
var Gap = math.NaN()

// IsGap reports whether v marks a gap.
func IsGap(v float64) bool { return math.IsNaN(v) }

// Total returns the sum of a series' values, gaps left out.
func (s Series) Total() float64 {
	var t float64
	for _, v := range s.Values {
		if !IsGap(v) {
			t += v
		}
	}
	return t
}

// SeriesByLabel returns the series with the given label.
func (r *Result) SeriesByLabel(label string) (Series, bool) {
	for _, s := range r.Series {
		if s.Label == label {
			return s, true
		}
	}
	return Series{}, false
}

// KeyIndex returns the index of the key with the given label, or -1.
func (r *Result) KeyIndex(label string) int {
	for i, k := range r.Keys {
		if k.Label == label {
			return i
		}
	}
	return -1
}
