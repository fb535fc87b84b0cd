package analysis

import (
	"sort"
	"strings"

	"github.com/briefing/report/analysis/dataset"
	"github.com/briefing/report/config"
	"github.com/briefing/report/internal/exact"
	"github.com/briefing/report/internal/period"
)

// countAnalysis counts rows per category of a column (kind count).
type countAnalysis struct {
	cfg    *config.Config
	name   string
	spec   config.Analysis
	path   string
	timer  *timer
	where  *filter
	by     int
	from   period.Interval
	to     period.Interval
	counts map[string]*int64
	// tooMany is set when the by column has more than MaxCategories values.
	tooMany bool
}

func newCount(c *config.Config, name string, t *timer) *countAnalysis {
	a := c.Analyses[name]
	path := "analyses." + name
	ca := &countAnalysis{cfg: c, name: name, spec: a, path: path, timer: t,
		where: newFilter(path+".where", a.Where), by: -1, counts: map[string]*int64{}}
	ca.from, _ = period.ParseInterval(a.From)
	ca.to, _ = period.ParseInterval(a.To)
	return ca
}

func (a *countAnalysis) time() *timer { return a.timer }

func (a *countAnalysis) bind(h *dataset.Header) config.Problems {
	var ps config.Problems
	ps = append(ps, a.where.bind(h, a.cfg)...)
	a.by = bindColumn(a.cfg, a.path+".by", a.spec.By, h, &ps)
	return ps
}

func (a *countAnalysis) gate() ([]boundClause, []*filter) { return whereGate(a.where) }

func (a *countAnalysis) add(r dataset.Row, t period.Interval, inCut bool) error {
	if !a.where.match(&r) || !inCut || a.by < 0 {
		return nil
	}
	if !t.IsZero() {
		if !a.from.IsZero() && t.Start.Before(a.from.Start) {
			return nil
		}
		if !a.to.IsZero() && t.Start.After(a.to.Last()) {
			return nil
		}
	}
	k := r.Get(a.by)
	n := a.counts[k]
	if n == nil {
		if len(a.counts) >= MaxCategories {
			a.tooMany = true
			return nil
		}
		// Kept: a clone, the row's text is reused. The count is changed
		// through its pointer, as assigning to a map's string key stores
		// the key given.
		n = new(int64)
		a.counts[strings.Clone(k)] = n
	}
	*n += r.Count()
	return nil
}

func (a *countAnalysis) problems() config.Problems {
	var ps config.Problems
	if !a.where.matched && !a.where.src.IsZero() {
		ps = append(ps, a.where.unmatched(a.cfg, a.spec.Dataset))
	}
	if a.tooMany {
		ps = append(ps, tooManyCategories(a.cfg, a.path, a.spec.By))
	}
	return ps
}

// MaxCategories bounds the distinct values of a by column that an
// analysis counts: more is an ID column rather than a category, and would
// make memory grow with the data.
const MaxCategories = 10_000

func tooManyCategories(c *config.Config, path, by string) config.Problem {
	return c.Problemf(path+".by", "column %q has more than %s different values: it is not a category (an ID or a free-text column?)", by, thousands(MaxCategories))
}

// result lists categories by count (then label), with `labels` applied;
// with `top: N`, the categories after the first N are folded into one
// "Other" (in the briefing's language) at the end.
func (a *countAnalysis) result() *Result {
	type cat struct {
		label string
		n     int64
		other bool
	}
	var cats []cat
	for k, n := range a.counts {
		cats = append(cats, cat{label: a.label(k), n: *n})
	}
	sort.Slice(cats, func(i, j int) bool {
		if cats[i].n != cats[j].n {
			return cats[i].n > cats[j].n
		}
		return cats[i].label < cats[j].label
	})
	if n := a.spec.Top; n > 0 && len(cats) > n {
		other := cat{label: wordsOf(a.cfg).Word("other_series"), other: true}
		for _, c := range cats[n:] {
			other.n += c.n
		}
		cats = append(cats[:n:n], other)
	}
	r := &Result{Name: a.name, Kind: a.spec.Kind, Measure: "Count"}
	s := Series{Label: "Count"}
	for _, c := range cats {
		r.Keys = append(r.Keys, Key{Label: c.label, Other: c.other})
		s.Values = append(s.Values, exact.Int(c.n))
	}
	r.Series = []Series{s}
	return r
}

func (a *countAnalysis) label(k string) string { return displayLabel(a.spec.Labels, k) }

// displayLabel maps a category to its display label from `labels:`. Keys
// match case-insensitively (viper lower-cases map keys); an empty category
// reads "(none)".
func displayLabel(labels map[string]string, k string) string {
	for from, to := range labels {
		if strings.EqualFold(from, k) {
			return to
		}
	}
	if k == "" {
		return "(none)"
	}
	return k
}
