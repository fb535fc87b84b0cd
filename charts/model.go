package charts

import (
	"math"
	"strconv"
	"time"

	"github.com/briefing/report/analysis"
	"github.com/briefing/report/internal/period"
)

// xAxis is a result's keys as X positions 0..n-1 with their labels.
type xAxis struct {
	labels []string
	years  []int // the labels that are a year's number
	timed  bool
	// ordinals number timed keys on a calendar scale (the year, or
	// year*4+quarter-1, ...) so that thinned labels fall on round years;
	// strides are the label strides that keep them round.
	ordinals []int
	strides  []int
	keys     []analysis.Key
}

// numerals writes the years among the labels with f (Style.Numerals).
func (a *xAxis) numerals(f func(string) string) {
	if f == nil {
		return
	}
	for _, i := range a.years {
		a.labels[i] = f(a.labels[i])
	}
}

func newXAxis(res *analysis.Result) xAxis {
	a := xAxis{timed: res.Timed, keys: res.Keys}
	a.labels = make([]string, len(res.Keys))
	a.ordinals = make([]int, len(res.Keys))
	unit := period.Unit(0)
	for i, k := range res.Keys {
		a.labels[i] = k.Label
		a.ordinals[i] = i
		if !res.Timed || k.Interval.IsZero() {
			continue
		}
		unit = k.Interval.Unit
		y := k.Interval.Year()
		switch unit {
		case period.Year:
			a.labels[i] = strconv.Itoa(y) // whole years, whatever the label says
			a.ordinals[i] = y
		case period.Quarter:
			a.labels[i] = k.Interval.String()
			a.ordinals[i] = y*4 + k.Interval.Quarter() - 1
		case period.Month:
			a.ordinals[i] = y*12 + int(k.Interval.Start.Month()) - 1
		}
		if a.labels[i] == "" {
			a.labels[i] = k.Interval.String()
		}
		if k.Partial {
			a.labels[i] = k.Text() // "2025 (to Q3)"
		} else if unit == period.Year {
			a.years = append(a.years, i)
		}
	}
	switch unit {
	case period.Quarter:
		a.strides = []int{1, 2, 4, 8, 12, 20, 40, 80}
	case period.Month:
		a.strides = []int{1, 2, 3, 6, 12, 24, 60, 120}
	default:
		a.strides = []int{1, 2, 5, 10, 20, 25, 50, 100, 200, 500}
	}
	return a
}

func (a xAxis) n() int { return len(a.labels) }

// shown returns the indexes labelled with stride k: those whose ordinal is a
// multiple of k, or every k-th from the first if that labels nothing.
func (a xAxis) shown(k int) []int {
	var out []int
	for i, o := range a.ordinals {
		if ((o%k)+k)%k == 0 {
			out = append(out, i)
		}
	}
	if len(out) == 0 || k == 1 {
		out = out[:0]
		for i := 0; i < a.n(); i += k {
			out = append(out, i)
		}
	}
	return out
}

// pos returns the X position of the time year (2014, or 2014.5 for mid
// 2014) on a timed axis, and false when no key holds it.
func (a xAxis) pos(year float64) (float64, bool) {
	if !a.timed || math.IsNaN(year) || math.IsInf(year, 0) {
		return 0, false
	}
	y := math.Floor(year)
	start := time.Date(int(y), 1, 1, 0, 0, 0, 0, time.UTC)
	end := start.AddDate(1, 0, 0)
	t := start.Add(time.Duration((year - y) * float64(end.Sub(start))))
	for i, k := range a.keys {
		iv := k.Interval
		if iv.IsZero() || !iv.Contains(t) {
			continue
		}
		frac := float64(t.Sub(iv.Start)) / float64(iv.End().Sub(iv.Start))
		return float64(i) + frac, true
	}
	return 0, false
}
