package narrative

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"text/template"

	"github.com/briefing/report/analysis"
	"github.com/briefing/report/internal/suggest"
)

// funcs returns the template functions bound to e.
func (e *Env) funcs() template.FuncMap {
	return template.FuncMap{
		"value": func(a, s string, t any) (float64, error) {
			r, vals, err := e.series(a, s)
			if err != nil {
				return 0, err
			}
			iv, err := toInterval(t)
			if err != nil {
				return 0, err
			}
			return valueAt(r, vals, iv)
		},
		"total": func(a, s string) (float64, error) {
			_, vals, err := e.series(a, s)
			if err != nil {
				return 0, err
			}
			return analysis.Series{Values: vals}.Total(), nil
		},
		"last": func(a, s string) (Point, error) {
			r, vals, err := e.series(a, s)
			if err != nil || len(vals) == 0 {
				return Point{}, orEmpty(err, a)
			}
			return Point{Time: r.Keys[len(vals)-1].Interval, Value: vals[len(vals)-1]}, nil
		},
		"peak": func(a, s string) (Point, error) {
			r, vals, err := e.series(a, s)
			if err != nil || len(vals) == 0 {
				return Point{}, orEmpty(err, a)
			}
			best := 0
			for i, v := range vals {
				if !analysis.IsGap(v) && (analysis.IsGap(vals[best]) || v > vals[best]) {
					best = i
				}
			}
			return Point{Time: r.Keys[best].Interval, Value: vals[best]}, nil
		},
		"count": func(a, category string) (float64, error) {
			r, err := e.result(a)
			if err != nil {
				return 0, err
			}
			i := r.KeyIndex(category)
			if i < 0 {
				labels := make([]string, len(r.Keys))
				for j, k := range r.Keys {
					labels[j] = k.Label
				}
				return 0, fmt.Errorf("analysis %q has no category %q%s", a, category, suggest.Hint(category, labels))
			}
			return r.Series[0].Values[i], nil
		},
		"change": func(a, s string, from, to any) (float64, error) {
			r, vals, err := e.series(a, s)
			if err != nil {
				return 0, err
			}
			fi, err := toInterval(from)
			if err != nil {
				return 0, err
			}
			ti, err := toInterval(to)
			if err != nil {
				return 0, err
			}
			v0, err := valueAt(r, vals, fi)
			if err != nil {
				return 0, err
			}
			v1, err := valueAt(r, vals, ti)
			if err != nil {
				return 0, err
			}
			if v0 == 0 {
				e.warnf(`change\s+`+regexp.QuoteMeta(strconv.Quote(a))+`\s+`+regexp.QuoteMeta(strconv.Quote(s)), "change %q %q from %s: the value at %s is 0, so the change prints n/a", a, s, fi, fi)
				return math.NaN(), nil // prints "n/a"
			}
			return (v1 - v0) / v0, nil
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
		"changes": e.changes,
		"rows": func(a string) ([]map[string]string, error) {
			cs, err := e.changes(a)
			if err != nil {
				return nil, err
			}
			return cs.Rows, nil
		},
		"dataset": e.dataset,
		"fig":     func(id string) (string, error) { return e.ref("Figure", "fig", e.Figures, id) },
		"tab":     func(id string) (string, error) { return e.ref("Table", "tab", e.Tables, id) },
		"num": func(args ...any) (string, error) {
			v, d, err := argsNum("num", args)
			return Num(v, d), err
		},
		"pct": func(args ...any) (string, error) {
			v, d, err := argsNum("pct", args)
			return Pct(v, d), err
		},
		"signed": func(args ...any) (string, error) {
			v, d, err := argsNum("signed", args)
			return Signed(v, d), err
		},
		"spct": func(args ...any) (string, error) {
			v, d, err := argsNum("spct", args)
			if err != nil || math.IsNaN(v) {
				return "n/a", err
			}
			return Signed(v*100, d) + "%", nil
		},
		"add": func(a, b any) (float64, error) { return arith(a, b, 1) },
		"sub": func(a, b any) (float64, error) { return arith(a, b, -1) },
		"mul": func(a, b any) (float64, error) {
			x, y, err := twoFloats(a, b)
			return x * y, err
		},
		"div": func(a, b any) (float64, error) {
			x, y, err := twoFloats(a, b)
			if err == nil && y == 0 {
				return math.NaN(), nil // prints "n/a"
			}
			return x / y, err
		},
		"abs": func(a any) (float64, error) {
			x, err := toFloat(a)
			return math.Abs(x), err
		},
		"lower": strings.ToLower,
	}
}

func arith(a, b any, sign float64) (float64, error) {
	x, y, err := twoFloats(a, b)
	return x + sign*y, err
}

func twoFloats(a, b any) (float64, float64, error) {
	x, err := toFloat(a)
	if err != nil {
		return 0, 0, err
	}
	y, err := toFloat(b)
	return x, y, err
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
	for _, f := range d.Files {
		v.Files = append(v.Files, f.Path)
	}
	return v, nil
}

// ref returns "Figure N" as a Markdown link to the figure or table.
func (e *Env) ref(kind, anchor string, numbers map[string]int, id string) (string, error) {
	n, ok := numbers[id]
	if !ok {
		ids := make([]string, 0, len(numbers))
		for k := range numbers {
			ids = append(ids, k)
		}
		return "", fmt.Errorf("no %s %q in the briefing%s", strings.ToLower(kind), id, suggest.Hint(id, ids))
	}
	return "[" + kind + " " + itoa(n) + "](#" + anchor + ":" + id + ")", nil
}
