package charts

import (
	"fmt"
	"slices"
	"strings"

	"github.com/briefing/report/analysis"
	"github.com/briefing/report/internal/exact"
	"github.com/briefing/report/internal/suggest"
)

// chartData returns what a chart of res draws and the unit of its numbers:
// for a compare result the values of the measure (default mean) from its
// rows, else res itself. A measure on any other result is an error, as is
// an unknown one.
func chartData(res *analysis.Result, measure, period, typ string) (*analysis.Result, string, error) {
	data, unit, err := measureData(res, measure)
	if err != nil {
		return nil, "", err
	}
	isCompare := res.Kind == "compare" || res.Compare != nil
	switch {
	case period != "" && !isCompare:
		return nil, "", fmt.Errorf("period %q picks a period of a compare analysis; %q is a %s analysis", period, res.Name, kindOf(res))
	case period == "" && isCompare && (typ == "donut" || typ == "stacked-bar"):
		return nil, "", fmt.Errorf("a %s of compare %q would add its periods together: pick one with a period", typ, res.Name)
	case period != "":
		one, err := onePeriod(data, period)
		return one, unit, err
	}
	return data, unit, nil
}

// onePeriod keeps the key labelled period of a compare's chart data.
func onePeriod(data *analysis.Result, period string) (*analysis.Result, error) {
	k := data.KeyIndex(period)
	if k < 0 {
		labels := make([]string, len(data.Keys))
		for i, key := range data.Keys {
			labels[i] = key.Label
		}
		return nil, fmt.Errorf("compare %q has no period %q%s", data.Name, period, suggest.Hint(period, labels))
	}
	out := *data
	out.Keys = []analysis.Key{data.Keys[k]}
	out.Series = nil
	for _, s := range data.Series {
		s.Values = []exact.Number{s.Values[k]}
		out.Series = append(out.Series, s)
	}
	return &out, nil
}

// measureData picks the compare measure a chart draws (see chartData).
func measureData(res *analysis.Result, measure string) (*analysis.Result, string, error) {
	m := strings.ToLower(strings.TrimSpace(measure))
	if m != "" && !slices.Contains(Measures(), m) {
		if s := suggest.Closest(m, Measures()); s != "" {
			return nil, "", fmt.Errorf("unknown measure %q; did you mean %q?", measure, s)
		}
		return nil, "", fmt.Errorf("unknown measure %q (expected %s)", measure, strings.Join(Measures(), ", "))
	}
	if res.Kind != "compare" && res.Compare == nil {
		if m != "" {
			return nil, "", fmt.Errorf("measure %q applies to compare analyses only; %q is a %s analysis", measure, res.Name, kindOf(res))
		}
		return res, "", nil
	}
	if m == "" {
		m = MeasureMean
	}
	if len(res.Compare) == 0 {
		if m == MeasureMean { // the result's own values are the means
			return res, "", nil
		}
		return nil, "", fmt.Errorf("compare analysis %q has no rows to take the %s from", res.Name, m)
	}
	return compareData(res, m), unitOf(m), nil
}

func unitOf(measure string) string {
	if measure == MeasureShare {
		return "%"
	}
	return ""
}

func kindOf(res *analysis.Result) string {
	switch {
	case res.Kind != "":
		return res.Kind
	case res.Timed:
		return "timed"
	}
	return "categorical"
}

// compareData lays a compare result's rows out as series (in the order
// they first appear) over its periods; a row missing is a gap. Shares are
// in percent.
func compareData(res *analysis.Result, measure string) *analysis.Result {
	out := &analysis.Result{Name: res.Name, Kind: res.Kind, Measure: res.Measure, Source: res.Source, Compare: res.Compare}
	keyAt := map[string]int{}
	for i, k := range res.Keys {
		out.Keys = append(out.Keys, analysis.Key{Label: k.Label})
		keyAt[k.Label] = i
	}
	for _, row := range res.Compare {
		if _, ok := keyAt[row.Period]; !ok {
			keyAt[row.Period] = len(out.Keys)
			out.Keys = append(out.Keys, analysis.Key{Label: row.Period})
		}
	}
	seriesAt := map[string]int{}
	for _, row := range res.Compare {
		i, ok := seriesAt[row.Series]
		if !ok {
			i = len(out.Series)
			seriesAt[row.Series] = i
			vals := make([]exact.Number, len(out.Keys))
			for j := range vals {
				vals[j] = exact.NaN()
			}
			out.Series = append(out.Series, analysis.Series{Label: row.Series, Values: vals})
		}
		v := row.Mean
		switch measure {
		case MeasureTotal:
			v = row.Total
		case MeasureShare:
			v = row.Share.Mul(exact.Int(100))
		}
		out.Series[i].Values[keyAt[row.Period]] = v
	}
	return out
}
