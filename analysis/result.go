package analysis

import (
	"strconv"

	"github.com/briefing/report/internal/exact"
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
	// Revisions holds the revisions of a revisions analysis.
	Revisions *RevisionSet
	// Unit is the interval a compare's means are per ("year").
	Unit string
}

// Key is one point of a result's axis.
type Key struct {
	Label    string          // "2014", "2024-Q3" or a category label
	Interval period.Interval // zero for categories
	// Partial is set on the interval that holds the report period's end
	// when the period ends inside it (2025 in a 2025-Q3 edition): its value
	// is the interval to date.
	Partial bool
	// Through is the report period a partial interval runs to.
	Through period.Period
	// Other marks the category that folds the ones past `top`; its label
	// is the briefing's word for "Other".
	Other bool
	// upto says Upto in the briefing's language; "" for English.
	upto string
}

// Text is the key as a reader sees it: "2025 (to Q3)" for a partial year.
func (k Key) Text() string {
	if !k.Partial {
		return k.Label
	}
	return k.Label + " (" + k.Upto() + ")"
}

// Upto says how far a partial key runs: "to Q3"; "" for a complete one.
func (k Key) Upto() string {
	if !k.Partial {
		return ""
	}
	if k.upto != "" {
		return k.upto
	}
	return "to Q" + strconv.Itoa(k.Through.Quarter())
}

// Series is one labelled line of numbers. A value is NaN (exact.NaN) where
// the series has a gap (`missing: gap`).
type Series struct {
	Label  string
	Values []exact.Number
	// AverageOf, when set, names the series this one is the trailing
	// moving average of.
	AverageOf string
	// Through is the last interval the series' data covers (the latest
	// interval of the files its rows come from, within the period cut);
	// zero when unknown (categories) or when no row matched.
	Through period.Interval
	// Other marks the series that folds the ones past `top`; its label is
	// the briefing's word for "Other".
	Other bool
}

// Gap is the value of an interval with no rows under `missing: gap`.
var Gap = exact.NaN()

// IsGap reports whether v marks a gap.
func IsGap(v exact.Number) bool { return v.IsNaN() }

// Total returns the exact sum of a series' values, gaps left out.
func (s Series) Total() exact.Number {
	var t exact.Number
	for _, v := range s.Values {
		if !IsGap(v) {
			t = t.Add(v)
		}
	}
	return t
}

// Floats returns the values as float64 for drawing; gaps are NaN.
func (s Series) Floats() []float64 {
	out := make([]float64, len(s.Values))
	for i, v := range s.Values {
		out[i] = v.Float64()
	}
	return out
}

// Covers reports whether the series' data reaches interval k (true when
// the coverage is unknown).
func (s Series) Covers(k Key) bool {
	return s.Through.IsZero() || k.Interval.IsZero() || !k.Interval.Start.After(s.Through.Start)
}

// OtherLabel is what a template may call the folded series or category
// ("Other") in any language.
const OtherLabel = "Other"

// SeriesByLabel returns the series with the given label; "Other" is also
// the folded series, whatever the briefing's word for it.
func (r *Result) SeriesByLabel(label string) (Series, bool) {
	for _, s := range r.Series {
		if s.Label == label {
			return s, true
		}
	}
	for _, s := range r.Series {
		if s.Other && label == OtherLabel {
			return s, true
		}
	}
	return Series{}, false
}

// KeyIndex returns the index of the key with the given label, or -1;
// "Other" is also the folded category.
func (r *Result) KeyIndex(label string) int {
	for i, k := range r.Keys {
		if k.Label == label {
			return i
		}
	}
	for i, k := range r.Keys {
		if k.Other && label == OtherLabel {
			return i
		}
	}
	return -1
}
