package config

import (
	"fmt"
	"slices"
	"strings"

	"github.com/briefing/report/internal/suggest"
)

// analysisKeys lists, per analysis kind, the keys that mean something to
// it. A key set outside its kind's list would be ignored without a word,
// so it is an error at validate time.
var analysisKeys = map[string][]string{
	"trend":     {"dataset", "value", "series", "by", "top", "where", "interval", "from", "to", "moving_average", "missing", "labels", "time"},
	"frequency": {"dataset", "value", "series", "by", "top", "where", "interval", "from", "to", "moving_average", "missing", "labels", "time"},
	"count":     {"dataset", "by", "top", "where", "from", "to", "labels", "time"},
	"changes":   {"dataset", "where", "empty", "time"},
	"compare":   {"of", "periods"},
	"revisions": {"dataset", "value", "series", "where", "interval", "from", "to", "threshold", "time"},
}

// setKeys returns the keys of a that hold a value, in config order.
func setKeys(a Analysis) []string {
	set := []struct {
		key string
		on  bool
	}{
		{"dataset", a.Dataset != ""}, {"value", a.Value != ""}, {"series", len(a.Series) > 0},
		{"by", a.By != ""}, {"top", a.Top != 0}, {"where", !a.Where.IsZero()},
		{"interval", a.Interval != ""}, {"from", a.From != ""}, {"to", a.To != ""},
		{"moving_average", a.MovingAverage != 0}, {"missing", a.Missing != ""},
		{"labels", len(a.Labels) > 0}, {"of", a.Of != ""}, {"periods", len(a.Periods) > 0},
		{"empty", a.Empty != ""}, {"time", !a.Time.IsZero()}, {"threshold", a.Threshold != ""},
	}
	var out []string
	for _, s := range set {
		if s.on {
			out = append(out, s.key)
		}
	}
	return out
}

// checkApplies reports each key of analysis name that its kind ignores,
// and the keys that apply only to `by` series when there are none.
func (c *Config) checkApplies(name string) Problems {
	path := "analyses." + name
	a := c.Analyses[name]
	allowed, ok := analysisKeys[a.Kind]
	if !ok {
		return nil // the kind is wrong, and reported
	}
	var ps Problems
	for _, k := range setKeys(a) {
		if !slices.Contains(allowed, k) {
			ps = append(ps, c.Problemf(path+"."+k, "`%s` does not apply to a %s analysis (it takes %s)", k, a.Kind, strings.Join(allowed, ", ")))
		}
	}
	if a.Kind == "trend" || a.Kind == "frequency" {
		what := "one series of all rows"
		if len(a.Series) > 0 {
			what = fmt.Sprintf("%d series from `series`", len(a.Series))
		}
		if a.By == "" && a.Top != 0 {
			ps = append(ps, c.Problemf(path+".top", "`top` applies to `by` series; this %s has %s", a.Kind, what))
		}
		if a.By == "" && len(a.Labels) > 0 {
			ps = append(ps, c.Problemf(path+".labels", "`labels` rename the values of a `by` column; this %s has %s (name them in each series' label)", a.Kind, what))
		}
	}
	return ps
}

// checkChartOptions reports chart keys that its analysis or type ignores:
// a donut or stacked chart of a compare needs the period it shows, and
// `period` applies to compare charts only.
func (c *Config) checkChartOptions(name string) Problems {
	path := "charts." + name
	ch := c.Charts[name]
	a, ok := c.Analyses[ch.Analysis]
	if !ok {
		return nil
	}
	var ps Problems
	if len(ch.Annotations) > 0 && !slices.Contains(timedKinds, a.Kind) {
		ps = append(ps, c.Problemf(path+".annotations", "annotations mark times on a time axis; %q is a %s, which has none", ch.Analysis, a.Kind))
	} else if len(ch.Annotations) > 0 && (ch.Type == "hbar" || ch.Type == "donut") {
		ps = append(ps, c.Problemf(path+".annotations", "annotations mark times on a time axis, which a %s has not", ch.Type))
	}
	if a.Kind != "compare" {
		if ch.Period != "" {
			ps = append(ps, c.Problemf(path+".period", "`period` picks one period of a compare analysis; %q is a %s", ch.Analysis, a.Kind))
		}
		return ps
	}
	var labels []string
	for _, p := range a.Periods {
		labels = append(labels, p.Label)
	}
	switch {
	case ch.Period != "" && !slices.Contains(labels, ch.Period):
		ps = append(ps, c.Problemf(path+".period", "compare %q has no period %q%s (periods: %s)", ch.Analysis, ch.Period, suggest.Hint(ch.Period, labels), strings.Join(labels, ", ")))
	case ch.Period == "" && (ch.Type == "donut" || ch.Type == "stacked-bar"):
		ps = append(ps, c.Problemf(path+".type", "a %s of compare %q would add its periods together: set period: to one of %s, or draw a grouped-bar", ch.Type, ch.Analysis, strings.Join(labels, ", ")))
	}
	return ps
}
