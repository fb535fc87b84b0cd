package narrative

import (
	"errors"
	"fmt"
	"math"
	"strconv"

	"github.com/briefing/report/analysis"
	"github.com/briefing/report/internal/exact"
	"github.com/briefing/report/internal/period"
	"github.com/briefing/report/internal/suggest"
)

// Point is a value at a time, as `last` and `peak` return it. Partial is
// set when the time is the interval that holds the report period's end and
// the period ends inside it: the value is then the interval to date.
type Point struct {
	Time    period.Interval
	Value   exact.Number
	Partial bool
	// Upto says how far a partial time runs ("to Q3"); "" otherwise.
	Upto string
}

// String prints the time as a reader sees it: "2025 (to Q3)" when partial.
func (p Point) String() string {
	if p.Partial {
		return p.Time.String() + " (" + p.Upto + ")"
	}
	return p.Time.String()
}

func pointAt(r *analysis.Result, vals []exact.Number, i int) Point {
	k := r.Keys[i]
	return Point{Time: k.Interval, Value: vals[i], Partial: k.Partial, Upto: k.Upto()}
}

// ErrFailed is the error of a template that uses an analysis whose data
// could not be read: that problem is reported where the data is, and the
// template's own problems are then beside the point.
var ErrFailed = errors.New("the analysis has no result: its data could not be read")

// AllSeries is the series argument that sums every series.
const AllSeries = "*"

func (e *Env) result(name string) (*analysis.Result, error) {
	if e.Failed[name] {
		return nil, fmt.Errorf("analysis %q: %w", name, ErrFailed)
	}
	r, ok := e.Results.Analyses[name]
	if !ok {
		names := make([]string, 0, len(e.Results.Analyses))
		for n := range e.Results.Analyses {
			names = append(names, n)
		}
		return nil, fmt.Errorf("unknown analysis %q%s", name, suggest.Hint(name, names))
	}
	return r, nil
}

// series returns the values of a series, or of all series summed for "*".
func (e *Env) series(name, label string) (*analysis.Result, []exact.Number, error) {
	r, err := e.result(name)
	if err != nil {
		return nil, nil, err
	}
	if label == AllSeries {
		sum := make([]exact.Number, len(r.Keys))
		for _, s := range r.Series {
			if s.AverageOf != "" {
				continue
			}
			for i, v := range s.Values {
				if !analysis.IsGap(v) {
					sum[i] = sum[i].Add(v)
				}
			}
		}
		return r, sum, nil
	}
	if s, ok := r.SeriesByLabel(label); ok {
		return r, s.Values, nil
	}
	labels := make([]string, len(r.Series))
	for i, s := range r.Series {
		labels[i] = s.Label
	}
	return nil, nil, fmt.Errorf("analysis %q has no series %q%s (series: %q)", name, label, suggest.Hint(label, labels), labels)
}

// toInterval reads a TIME argument: an int year, a string ("2014",
// "2024-Q3"), an Interval or a Period.
func toInterval(v any) (period.Interval, error) {
	switch x := v.(type) {
	case int:
		return period.YearOf(x), nil
	case int64:
		return period.YearOf(int(x)), nil
	case float64:
		if x == math.Trunc(x) {
			return period.YearOf(int(x)), nil
		}
	case string:
		return period.ParseInterval(x)
	case period.Interval:
		return x, nil
	case period.Period:
		return x.Interval, nil
	case PeriodView:
		return x.Interval, nil
	case Point:
		return x.Time, nil
	case exact.Number:
		if x.IsInt() {
			return period.YearOf(int(x.Float64())), nil
		}
	}
	return period.Interval{}, fmt.Errorf("expected a time such as 2014, \"2024-Q3\" or .Period, found %v", v)
}

// valueAt sums the series over the result's keys that fall inside t, or
// returns the key that contains t when t is finer than the keys.
func valueAt(r *analysis.Result, vals []exact.Number, t period.Interval) (exact.Number, error) {
	if !r.Timed {
		return exact.Number{}, fmt.Errorf("analysis %q has no time axis", r.Name)
	}
	found, sum := false, exact.Number{}
	for i, k := range r.Keys {
		ki := k.Interval
		inside := !ki.Start.Before(t.Start) && !ki.End().After(t.End())
		contains := !t.Start.Before(ki.Start) && !t.End().After(ki.End())
		if inside || contains {
			found = true
			if !analysis.IsGap(vals[i]) {
				sum = sum.Add(vals[i])
			}
		}
	}
	if !found {
		if len(r.Keys) == 0 {
			return exact.Number{}, fmt.Errorf("analysis %q has no value for %s (it has no values at all)", r.Name, t)
		}
		return exact.Number{}, fmt.Errorf("analysis %q has no value for %s (it runs from %s to %s)", r.Name, t, r.Keys[0].Label, r.Keys[len(r.Keys)-1].Text())
	}
	return sum, nil
}

func itoa(i int) string { return strconv.Itoa(i) }
