package analysis

import (
	"fmt"
	"sort"
	"strings"

	"github.com/briefing/report/analysis/dataset"
	"github.com/briefing/report/config"
	"github.com/briefing/report/internal/exact"
	"github.com/briefing/report/internal/period"
)

// timedAnalysis sums a value (or counts rows) per interval, per series:
// the trend and frequency kinds.
type timedAnalysis struct {
	cfg    *config.Config
	name   string
	spec   config.Analysis
	path   string
	cut    period.Period
	unit   period.Unit
	timer  *timer
	where  *filter
	series []*namedSeries // from series:, or one series of all rows
	value  int            // value column, -1 to count rows
	by     int            // by column, -1 when unused
	byVals map[string]map[int64]exact.Number
	first  period.Interval // earliest interval met inside the cut
	// cover is what the files cover: for each file, the latest interval
	// (of unit) of any of its rows inside the cut; byFiles the files the
	// by series' rows came from.
	cover   coverage
	byFiles fileSet
	coarse  bool // met a row whose time is coarser than unit
	// tooMany is set when the by column has more than MaxCategories values.
	tooMany bool
	errs    config.Problems
}

// namedSeries is one series of a timed analysis and its sums so far.
type namedSeries struct {
	label     string
	filter    *filter
	value     int // value column override, or the analysis's
	valueName string
	sums      map[int64]exact.Number // interval start (Unix seconds) -> sum
	files     fileSet                // the files the series' rows came from
}

func newTimed(c *config.Config, name string, cut period.Period, t *timer) *timedAnalysis {
	a := c.Analyses[name]
	path := "analyses." + name
	unit := period.Year
	if a.Interval != "" {
		unit, _ = period.ParseUnit(a.Interval)
	}
	ta := &timedAnalysis{cfg: c, name: name, spec: a, path: path, cut: cut, unit: unit,
		timer: t, where: newFilter(path+".where", a.Where), value: -1, by: -1}
	for i, s := range a.Series {
		ta.series = append(ta.series, &namedSeries{label: s.Label, valueName: s.Value,
			filter: newFilter(fmt.Sprintf("%s.series[%d].where", path, i), s.Where), sums: map[int64]exact.Number{}})
	}
	if len(a.Series) == 0 && a.By == "" {
		ta.series = []*namedSeries{{label: defaultLabel(a), filter: newFilter(path, config.Filter{}), sums: map[int64]exact.Number{}}}
	}
	if a.By != "" {
		ta.byVals = map[string]map[int64]exact.Number{}
	}
	return ta
}

func defaultLabel(a config.Analysis) string {
	if a.Value != "" {
		return a.Value
	}
	return "Rows"
}

func (a *timedAnalysis) time() *timer { return a.timer }

func (a *timedAnalysis) bind(h *dataset.Header) config.Problems {
	var ps config.Problems
	ps = append(ps, a.where.bind(h, a.cfg)...)
	a.value = bindColumn(a.cfg, a.path+".value", a.spec.Value, h, &ps)
	a.by = bindColumn(a.cfg, a.path+".by", a.spec.By, h, &ps)
	for i, s := range a.series {
		ps = append(ps, s.filter.bind(h, a.cfg)...)
		s.value = a.value
		if s.valueName != "" {
			s.value = bindColumn(a.cfg, fmt.Sprintf("%s.series[%d].value", a.path, i), s.valueName, h, &ps)
		}
	}
	return ps
}

func (a *timedAnalysis) add(r dataset.Row, t period.Interval, inCut bool) error {
	if !a.where.match(&r) {
		return nil
	}
	var hits []*namedSeries
	for _, s := range a.series {
		if s.filter.match(&r) {
			hits = append(hits, s)
		}
	}
	if !inCut || (len(hits) == 0 && a.by < 0) {
		return nil
	}
	if t.Unit > a.unit {
		a.coarse = true
		return nil
	}
	iv := t.Truncate(a.unit)
	if a.first.IsZero() || iv.Start.Before(a.first.Start) {
		a.first = iv
	}
	key := iv.Start.Unix()
	for _, s := range hits {
		v, err := valueOf(r, s.value)
		if err != nil {
			return err
		}
		s.sums[key] = s.sums[key].Add(v)
		s.files.add(r.File)
	}
	if a.by >= 0 {
		v, err := valueOf(r, a.value)
		if err != nil {
			return err
		}
		cat := r.Get(a.by)
		m := a.byVals[cat]
		if m == nil {
			if len(a.byVals) >= MaxCategories {
				a.tooMany = true
				return nil
			}
			m = map[int64]exact.Number{}
			a.byVals[strings.Clone(cat)] = m // the row's text is reused
		}
		m[key] = m[key].Add(v)
		a.byFiles.add(r.File)
	}
	return nil
}

// gate returns the first clause of its where:, else the first clause of
// each of its series (see rowGate). A where: without clauses passes every
// row; what it does with one (it notes no values) does not matter.
func (a *timedAnalysis) gate() ([]boundClause, []*filter) {
	if len(a.where.clauses) > 0 {
		return whereGate(a.where)
	}
	if a.by >= 0 || a.where.not != nil {
		return nil, nil // a by: category of any row; or a where: of a not: alone
	}
	clauses := make([]boundClause, 0, len(a.series))
	offered := make([]*filter, 0, len(a.series))
	for _, s := range a.series {
		if len(s.filter.clauses) == 0 {
			return nil, nil // a series of every row
		}
		clauses = append(clauses, s.filter.clauses[0])
		offered = append(offered, s.filter)
	}
	return clauses, offered
}

func (a *timedAnalysis) problems() config.Problems {
	ps := a.errs
	if a.coarse {
		ps = append(ps, a.cfg.Problemf(a.path+".interval", "interval %s is finer than the data's time (some rows have only a year): use interval: year, or a time column with dates", a.unit))
	}
	if a.tooMany {
		ps = append(ps, tooManyCategories(a.cfg, a.path, a.spec.By))
	}
	if !a.where.matched && !a.where.src.IsZero() {
		// No row reached the series' filters: that one problem says it.
		return append(ps, a.where.unmatched(a.cfg, a.spec.Dataset))
	}
	for _, s := range a.series {
		if !s.filter.matched && !s.filter.src.IsZero() {
			ps = append(ps, s.filter.unmatched(a.cfg, a.spec.Dataset))
		}
	}
	if a.spec.Kind != "revisions" {
		// a revisions analysis compares the intervals both exports hold
		ps = append(ps, a.coverageWarnings()...)
	}
	if len(a.window()) == 0 {
		if a.spec.From != "" {
			ps = append(ps, a.cfg.Problemf(a.path+".from", "from %s is after %s, the %s that holds the end of the report period %s: the analysis would have no values",
				a.spec.From, a.lastInterval(), a.unit, a.cut))
		} else {
			ps = append(ps, a.cfg.Problemf(a.path+".to", "to %s is before %s, the first %s with data: the analysis would have no values", a.spec.To, a.first, a.unit))
		}
	}
	return ps
}

// result builds the analysis result over its window.
func (a *timedAnalysis) result() *Result {
	keys := a.window()
	r := &Result{Name: a.name, Kind: a.spec.Kind, Timed: true, Keys: keys, Measure: defaultLabel(a.spec)}
	gap := a.spec.Missing == "gap"
	values := func(sums map[int64]exact.Number, through period.Interval) []exact.Number {
		out := make([]exact.Number, len(keys))
		for i, k := range keys {
			v, ok := sums[k.Interval.Start.Unix()]
			beyond := !through.IsZero() && k.Interval.Start.After(through.Start)
			if !ok && gap || beyond && gap {
				v = Gap
			}
			out[i] = v
		}
		return out
	}
	for _, s := range a.series {
		through := a.cover.through(s.files)
		r.Series = append(r.Series, Series{Label: s.label, Values: values(s.sums, through), Through: through})
	}
	if a.by >= 0 {
		through := a.cover.through(a.byFiles)
		r.Series = append(r.Series, topSeries(a.byVals, func(m map[int64]exact.Number) []exact.Number { return values(m, through) }, a.spec.Top, a.spec.Labels, through, wordsOf(a.cfg).Word("other_series"))...)
	}
	if n := a.spec.MovingAverage; n > 1 {
		var withAvg []Series
		for _, s := range r.Series {
			withAvg = append(withAvg, s, movingAverage(s, n, a.unit, keys))
		}
		r.Series = withAvg
	}
	return r
}

// coverageWarnings warns of each series whose window runs past the data
// its files cover: those intervals would be drawn as zeros that are not
// in the data. Under missing: gap they are gaps, and nothing is said.
func (a *timedAnalysis) coverageWarnings() config.Problems {
	if a.spec.Missing == "gap" {
		return nil
	}
	keys := a.window()
	var ps config.Problems
	warn := func(label string, through period.Interval) {
		if through.IsZero() || len(keys) == 0 {
			return
		}
		var beyond []Key
		for _, k := range keys {
			if k.Interval.Start.After(through.Start) {
				beyond = append(beyond, k)
			}
		}
		if len(beyond) == 0 {
			return
		}
		verb := "are"
		if len(beyond) == 1 {
			verb = "is"
		}
		what := span(beyond)
		if last := beyond[len(beyond)-1]; last.Partial {
			what = strings.TrimSuffix(what, last.Label) + last.Text()
		}
		ps = append(ps, a.cfg.Warningf(a.path, "%s: no data after %s; %s %s drawn as 0 (set to: %s, or missing: gap to leave %s out)",
			label, through, what, verb, through, pronoun(len(beyond))))
	}
	for _, s := range a.series {
		warn(s.label, a.cover.through(s.files))
	}
	if a.by >= 0 && len(a.byVals) > 0 {
		warn("every "+a.spec.By, a.cover.through(a.byFiles))
	}
	return ps
}

func pronoun(n int) string {
	if n == 1 {
		return "it"
	}
	return "them"
}

// window returns the keys from `from` (default: the first interval with
// data) to `to` (default and at most: the interval that holds the end of
// the report period, marked Partial when the period ends inside it). A
// partial interval that no row of the data falls in (yearly data in a Q3
// edition) is left out: it could only ever be empty.
func (a *timedAnalysis) window() []Key {
	last := a.lastInterval()
	if last.End().After(a.cut.End()) && !a.cover.reaches(last) {
		last = last.Prev()
	}
	if a.spec.To != "" {
		if to, err := period.ParseInterval(a.spec.To); err == nil {
			to = to.Truncate(a.unit)
			if to.Start.Before(last.Start) {
				last = to
			}
		}
	}
	first := a.first
	if a.spec.From != "" {
		if from, err := period.ParseInterval(a.spec.From); err == nil {
			first = from.Truncate(a.unit)
		}
	}
	if first.IsZero() {
		first = last
	}
	var keys []Key
	for iv := first; !iv.Start.After(last.Start); iv = iv.Next() {
		k := Key{Label: iv.String(), Interval: iv}
		if iv.End().After(a.cut.End()) {
			k.Partial, k.Through = true, a.cut
			k.upto = wordsOf(a.cfg).Word("upto", "q", a.cut.Quarter())
		}
		keys = append(keys, k)
	}
	return keys
}

// lastInterval is the interval of the analysis's unit that holds the last
// day of the report period.
func (a *timedAnalysis) lastInterval() period.Interval {
	return period.DayOf(a.cut.Last()).Truncate(a.unit)
}

// topSeries turns per-category sums into series ordered by total (then by
// label), folding all but the top n into one labelled other ("Other" in
// the briefing's language) when n > 0; `labels` gives the display labels.
func topSeries(byVals map[string]map[int64]exact.Number, values func(map[int64]exact.Number) []exact.Number, n int, labels map[string]string, through period.Interval, other string) []Series {
	var all []Series
	for cat, sums := range byVals {
		all = append(all, Series{Label: displayLabel(labels, cat), Values: values(sums), Through: through})
	}
	sortByTotal(all)
	if n <= 0 || len(all) <= n {
		return all
	}
	return append(all[:n:n], foldOther(all[n:], other))
}

// sortByTotal orders series by total, largest first, then by label.
func sortByTotal(all []Series) {
	totals := make(map[string]exact.Number, len(all))
	for _, s := range all {
		totals[s.Label] = s.Total()
	}
	sort.SliceStable(all, func(i, j int) bool {
		if c := totals[all[i].Label].Cmp(totals[all[j].Label]); c != 0 {
			return c > 0
		}
		return all[i].Label < all[j].Label
	})
}

// foldOther sums series into one labelled label ("Other"); a value is a
// gap only where every folded series has one.
func foldOther(rest []Series, label string) Series {
	other := Series{Label: label, Other: true, Values: make([]exact.Number, len(rest[0].Values)), Through: rest[0].Through}
	for i := range other.Values {
		sum, any := exact.Number{}, false
		for _, s := range rest {
			if !IsGap(s.Values[i]) {
				sum, any = sum.Add(s.Values[i]), true
			}
		}
		if !any {
			sum = Gap
		}
		other.Values[i] = sum
	}
	return other
}

// movingAverage returns the trailing n-interval mean of s; the first n-1
// intervals, any window with a gap, and a partial interval (whose year to
// date would drag the mean down) are gaps.
func movingAverage(s Series, n int, unit period.Unit, keys []Key) Series {
	out := Series{Label: fmt.Sprintf("%s (%d-%s average)", s.Label, n, unit), AverageOf: s.Label, Values: make([]exact.Number, len(s.Values)), Through: s.Through}
	for i := range s.Values {
		if i < n-1 || keys[i].Partial {
			out.Values[i] = Gap
			continue
		}
		var sum exact.Number
		for _, v := range s.Values[i-n+1 : i+1] {
			sum = sum.Add(v) // a gap in the window makes the mean a gap
		}
		out.Values[i] = sum.Quo(exact.Int(int64(n)))
	}
	return out
}
