package config

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/briefing/report/internal/period"
	"github.com/briefing/report/internal/suggest"
)

// timedKinds are the analysis kinds whose results run over time.
var timedKinds = []string{"trend", "frequency"}

func (c *Config) validateAnalysis(name string) Problems {
	path := "analyses." + name
	a := c.Analyses[name]
	ps := c.checkName(path, name)
	add := func(key, format string, args ...any) {
		ps = append(ps, c.Problemf(path+key, format, args...))
	}
	if !slices.Contains(AnalysisKinds, a.Kind) {
		if a.Kind == "" {
			add(".kind", "missing: expected one of %s", strings.Join(AnalysisKinds, ", "))
		} else {
			add(".kind", "unknown analysis kind %q%s (expected %s)", a.Kind, suggest.Hint(a.Kind, AnalysisKinds), strings.Join(AnalysisKinds, ", "))
		}
		return ps
	}
	if a.Kind == "compare" {
		of, ok := c.Analyses[a.Of]
		switch {
		case a.Of == "":
			add(".of", "missing: the timed analysis to compare")
		case !ok:
			add(".of", "unknown analysis %q%s", a.Of, suggest.Hint(a.Of, c.AnalysisNames()))
		case !slices.Contains(AnalysisKinds, of.Kind):
			// its kind is wrong, and reported there
		case !slices.Contains(timedKinds, of.Kind):
			add(".of", "analysis %q is a %s, expected a timed analysis (trend or frequency)", a.Of, of.Kind)
		}
		if len(a.Periods) == 0 {
			add(".periods", "missing: at least one {label, from, to}")
		}
		labels := map[string]int{}
		for i, p := range a.Periods {
			pp := fmt.Sprintf(".periods[%d]", i)
			if p.Label == "" {
				add(pp+".label", "missing: every period needs a label")
			} else if j, dup := labels[p.Label]; dup {
				add(pp+".label", "%q is already the label of periods[%d]: each period needs its own label", p.Label, j)
			} else {
				labels[p.Label] = i
			}
			ps = append(ps, c.checkRange(path+pp, p.From, p.To, true)...)
		}
		return ps
	}
	if a.Dataset == "" {
		add(".dataset", "missing: the dataset to analyse")
	} else if _, ok := c.Data[a.Dataset]; !ok && !c.broken["data"] {
		add(".dataset", "unknown dataset %q%s", a.Dataset, suggest.Hint(a.Dataset, c.DatasetNames()))
	}
	if len(a.Series) > 0 && a.By != "" {
		add(".by", "series and by cannot both be set: use series for named filters, by for one series per value")
	}
	labels := map[string]int{}
	for i, s := range a.Series {
		if strings.TrimSpace(s.Label) == "" {
			add(fmt.Sprintf(".series[%d].label", i), "missing: every series needs a label")
		} else if j, dup := labels[s.Label]; dup {
			add(fmt.Sprintf(".series[%d].label", i), "%q is already the label of series[%d]: each series needs its own label", s.Label, j)
		} else {
			labels[s.Label] = i
		}
		if s.Color != "" && !colorRe.MatchString(s.Color) {
			add(fmt.Sprintf(".series[%d].color", i), "%q is not a colour, expected #RRGGBB", s.Color)
		}
	}
	if a.Top < 0 {
		add(".top", "expected a positive number of series, found %d", a.Top)
	}
	if a.MovingAverage < 0 || a.MovingAverage > 100 {
		add(".moving_average", "expected a window of 1 to 100 intervals, found %d", a.MovingAverage)
	}
	if a.Missing != "" && a.Missing != "zero" && a.Missing != "gap" {
		add(".missing", "expected zero or gap, found %q", a.Missing)
	}
	if a.Interval != "" {
		if u, err := period.ParseUnit(a.Interval); err != nil || (u != period.Year && u != period.Quarter && u != period.Month) {
			add(".interval", "expected year, quarter or month, found %q", a.Interval)
		}
	}
	if a.Kind == "revisions" {
		if d, ok := c.Data[a.Dataset]; ok && d.Previous == "" {
			add(".dataset", "a revisions analysis compares dataset %q with an earlier export of it: set data.%s.previous to that export's file", a.Dataset, a.Dataset)
		}
		if _, err := ParseThreshold(a.Threshold); err != nil {
			add(".threshold", "%v", err)
		}
	}
	if a.Kind == "count" {
		if a.By == "" {
			add(".by", "missing: the column whose values are counted")
		}
		return ps
	}
	ps = append(ps, c.checkRange(path, a.From, a.To, false)...)
	return ps
}

// checkRange checks from/to times: each a valid time, from not after to.
func (c *Config) checkRange(path, from, to string, required bool) Problems {
	var ps Problems
	var fi, ti period.Interval
	var err error
	if from != "" {
		if fi, err = period.ParseInterval(from); err != nil {
			ps = append(ps, c.Problemf(path+".from", "%v", err))
		}
	} else if required {
		ps = append(ps, c.Problemf(path+".from", "missing: the first year or quarter"))
	}
	if to != "" {
		if ti, err = period.ParseInterval(to); err != nil {
			ps = append(ps, c.Problemf(path+".to", "%v", err))
		}
	} else if required {
		ps = append(ps, c.Problemf(path+".to", "missing: the last year or quarter"))
	}
	if !fi.IsZero() && !ti.IsZero() && fi.Start.After(ti.Start) {
		ps = append(ps, c.Problemf(path+".to", "%s is before from %s", to, from))
	}
	return ps
}

// Threshold is the smallest revision a revisions analysis shows: an
// absolute change, or a share of the old value.
type Threshold struct {
	Value   float64
	Percent bool
}

// ParseThreshold reads a threshold: "" (none), "10", "5%".
func ParseThreshold(s string) (Threshold, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Threshold{}, nil
	}
	t := Threshold{}
	if v, ok := strings.CutSuffix(s, "%"); ok {
		t.Percent, s = true, strings.TrimSpace(v)
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || v < 0 {
		return Threshold{}, fmt.Errorf("expected a threshold such as 10 or 5%%, found %q", s)
	}
	t.Value = v
	return t, nil
}
