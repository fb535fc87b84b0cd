package narrative

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"text/template"

	"github.com/briefing/report/analysis"
	"github.com/briefing/report/config"
	"github.com/briefing/report/internal/exact"
	"github.com/briefing/report/internal/period"
	"github.com/briefing/report/internal/suggest"
)

// funcs returns the template functions bound to e.
func (e *Env) funcs() template.FuncMap {
	fm := template.FuncMap{
		"value": func(a, s string, t any) (exact.Number, error) {
			r, vals, err := e.series(a, s)
			if err != nil {
				return exact.Number{}, err
			}
			iv, err := toInterval(t)
			if err != nil {
				return exact.Number{}, err
			}
			return valueAt(r, vals, iv)
		},
		"total": func(a, s string) (exact.Number, error) {
			_, vals, err := e.series(a, s)
			if err != nil {
				return exact.Number{}, err
			}
			return analysis.Series{Values: vals}.Total(), nil
		},
		"last": func(a, s string) (Point, error) {
			r, vals, err := e.series(a, s)
			if err != nil || len(vals) == 0 {
				return Point{}, orEmpty(err, a)
			}
			return pointAt(r, vals, len(vals)-1), nil
		},
		"peak": func(a, s string) (Point, error) {
			r, vals, err := e.series(a, s)
			if err != nil || len(vals) == 0 {
				return Point{}, orEmpty(err, a)
			}
			best := 0
			for i, v := range vals {
				if !analysis.IsGap(v) && (analysis.IsGap(vals[best]) || v.Cmp(vals[best]) > 0) {
					best = i
				}
			}
			return pointAt(r, vals, best), nil
		},
		// lastnonzero is the last interval whose value is not zero: when
		// the series last had rows ("no land exercise since 2021").
		"lastnonzero": func(a, s string) (Point, error) {
			r, vals, err := e.series(a, s)
			if err != nil {
				return Point{}, err
			}
			for i := len(vals) - 1; i >= 0; i-- {
				if !analysis.IsGap(vals[i]) && !vals[i].IsZero() {
					return pointAt(r, vals, i), nil
				}
			}
			return Point{}, fmt.Errorf("series %q of %q is zero throughout", s, a)
		},
		"count": func(a, category string) (exact.Number, error) {
			r, err := e.result(a)
			if err != nil {
				return exact.Number{}, err
			}
			i := r.KeyIndex(category)
			if i < 0 {
				labels := make([]string, len(r.Keys))
				for j, k := range r.Keys {
					labels[j] = k.Label
				}
				return exact.Number{}, fmt.Errorf("analysis %q has no category %q%s", a, category, suggest.Hint(category, labels))
			}
			return r.Series[0].Values[i], nil
		},
		"change": func(a, s string, from, to any) (exact.Number, error) {
			r, vals, err := e.series(a, s)
			if err != nil {
				return exact.Number{}, err
			}
			fi, err := toInterval(from)
			if err != nil {
				return exact.Number{}, err
			}
			ti, err := toInterval(to)
			if err != nil {
				return exact.Number{}, err
			}
			v0, err := valueAt(r, vals, fi)
			if err != nil {
				return exact.Number{}, err
			}
			v1, err := valueAt(r, vals, ti)
			if err != nil {
				return exact.Number{}, err
			}
			if v0.IsZero() {
				e.warnf(`change\s+`+regexp.QuoteMeta(strconv.Quote(a))+`\s+`+regexp.QuoteMeta(strconv.Quote(s)), "change %q %q from %s: the value at %s is 0, so the change prints n/a", a, s, fi, fi)
				return exact.NaN(), nil // prints "n/a"
			}
			return v1.Sub(v0).Quo(v0), nil
		},
		"cmp": func(a, s, label string) (analysis.CompareRow, error) {
			r, err := e.result(a)
			if err != nil {
				return analysis.CompareRow{}, err
			}
			if r.Compare == nil {
				return analysis.CompareRow{}, fmt.Errorf("analysis %q is a %s, expected a compare", a, r.Kind)
			}
			var series, periods []string
			for _, row := range r.Compare {
				if row.Series == s && row.Period == label {
					return row, nil
				}
				if !slices.Contains(series, row.Series) {
					series = append(series, row.Series)
				}
				if !slices.Contains(periods, row.Period) {
					periods = append(periods, row.Period)
				}
			}
			if !slices.Contains(series, s) {
				return analysis.CompareRow{}, fmt.Errorf("compare %q has no series %q%s (series: %q)", a, s, suggest.Hint(s, series), series)
			}
			return analysis.CompareRow{}, fmt.Errorf("compare %q has no period %q%s (periods: %q)", a, label, suggest.Hint(label, periods), periods)
		},
		// coverage is the last interval a series' data covers: the files
		// its rows come from reach no further.
		"coverage": func(a, s string) (period.Interval, error) {
			r, err := e.result(a)
			if err != nil {
				return period.Interval{}, err
			}
			ser, ok := r.SeriesByLabel(s)
			if !ok {
				_, _, err := e.series(a, s)
				return period.Interval{}, err
			}
			if ser.Through.IsZero() {
				return period.Interval{}, fmt.Errorf("series %q of %q has no rows, so no coverage", s, a)
			}
			return ser.Through, nil
		},
		"changes":   e.changes,
		"revisions": e.revisions,
		"rows": func(a string) ([]map[string]string, error) {
			cs, err := e.changes(a)
			if err != nil {
				return nil, err
			}
			return cs.Rows, nil
		},
		"dataset": e.dataset,
		"label":   e.label,
		"fig":     func(id string) (string, error) { return e.ref("Figure", "fig", e.Figures, id) },
		"tab":     func(id string) (string, error) { return e.ref("Table", "tab", e.Tables, id) },
		"num": func(args ...any) (string, error) {
			v, d, err := argsNum("num", args)
			return e.number(Num(v, d)), err
		},
		"pct": func(args ...any) (string, error) {
			v, d, err := argsNum("pct", args)
			return e.number(Pct(v, d)), err
		},
		"signed": func(args ...any) (string, error) {
			v, d, err := argsNum("signed", args)
			return e.number(Signed(v, d)), err
		},
		"spct": func(args ...any) (string, error) {
			v, d, err := argsNum("spct", args)
			return e.number(SignedPct(v, d)), err
		},
		"add": func(a, b any) (exact.Number, error) { return arith(a, b, exact.Number.Add) },
		"sub": func(a, b any) (exact.Number, error) { return arith(a, b, exact.Number.Sub) },
		"mul": func(a, b any) (exact.Number, error) { return arith(a, b, exact.Number.Mul) },
		// A quotient by zero is NaN, which prints "n/a".
		"div": func(a, b any) (exact.Number, error) { return arith(a, b, exact.Number.Quo) },
		"abs": func(a any) (exact.Number, error) {
			x, err := toNumber(a)
			return x.Abs(), err
		},
		"lower": strings.ToLower,
	}
	for name, f := range comparisons() {
		fm[name] = f
	}
	return fm
}

func arith(a, b any, op func(x, y exact.Number) exact.Number) (exact.Number, error) {
	x, err := toNumber(a)
	if err != nil {
		return exact.Number{}, err
	}
	y, err := toNumber(b)
	if err != nil {
		return exact.Number{}, err
	}
	return op(x, y), nil
}

func orEmpty(err error, a string) error {
	if err != nil {
		return err
	}
	return fmt.Errorf("analysis %q has no values", a)
}

func (e *Env) changes(a string) (*analysis.ChangeSet, error) {
	r, err := e.result(a)
	if err != nil {
		return nil, err
	}
	if r.Changes == nil {
		return nil, fmt.Errorf("analysis %q is a %s, expected a changes analysis", a, r.Kind)
	}
	return r.Changes, nil
}

// revisions returns the revisions of a revisions analysis: .Rows (each
// .Series, .Time, .Old, .New, .Change, .ChangePct), .Count, .Compared,
// .Largest, and .Old and .New, the exports' dates.
func (e *Env) revisions(a string) (*analysis.RevisionSet, error) {
	r, err := e.result(a)
	if err != nil {
		return nil, err
	}
	if r.Revisions == nil {
		return nil, fmt.Errorf("analysis %q is a %s, expected a revisions analysis", a, r.Kind)
	}
	if e.Date == nil {
		return r.Revisions, nil
	}
	set := *r.Revisions // the exports' dates in the briefing's language
	set.Old, set.New = e.Date(set.Old), e.Date(set.New)
	return &set, nil
}

// DatasetView is what `dataset NAME` returns.
type DatasetView struct {
	Rows      int
	Files     []string
	Generated string
}

func (e *Env) dataset(name string) (DatasetView, error) {
	d, ok := e.Results.Datasets[name]
	if !ok {
		names := make([]string, 0, len(e.Results.Datasets))
		for n := range e.Results.Datasets {
			names = append(names, n)
		}
		return DatasetView{}, fmt.Errorf("unknown dataset %q%s", name, suggest.Hint(name, names))
	}
	v := DatasetView{Rows: d.RowsUsed, Generated: d.Generated}
	if e.Date != nil {
		v.Generated = e.Date(d.Generated)
	}
	for _, f := range d.Files {
		v.Files = append(v.Files, f.Path)
	}
	return v, nil
}

// label prints value of a dataset's column for readers: its label from
// the dataset's labels, or the value as it is.
func (e *Env) label(name, column string, value any) (string, error) {
	if _, err := e.dataset(name); err != nil {
		return "", err
	}
	v := strings.TrimSpace(fmt.Sprint(value))
	d := config.Dataset{Labels: e.Results.Datasets[name].Labels}
	return d.Label(column, v), nil
}

// ref returns "Figure N" as a Markdown link to the figure or table.
func (e *Env) ref(kind, anchor string, numbers map[string]int, id string) (string, error) {
	n, ok := numbers[id]
	if !ok && e.Failed[anchor+":"+id] {
		return "", fmt.Errorf("%s %q: %w", strings.ToLower(kind), id, ErrFailed)
	}
	if !ok {
		ids := make([]string, 0, len(numbers))
		for k := range numbers {
			ids = append(ids, k)
		}
		return "", fmt.Errorf("no %s %q in the briefing%s", strings.ToLower(kind), id, suggest.Hint(id, ids))
	}
	text := kind + " " + e.number(itoa(n))
	if e.Ref != nil {
		text = e.Ref(strings.ToLower(kind), n)
	}
	return "[" + text + "](#" + anchor + ":" + id + ")", nil
}
