package analysis

import (
	"strings"

	"github.com/briefing/report/analysis/dataset"
	"github.com/briefing/report/config"
	"github.com/briefing/report/internal/exact"
	"github.com/briefing/report/internal/period"
)

// ChangeSet is the result of a changes analysis: the rows that fall in the
// report period and how many fell in the one before.
type ChangeSet struct {
	Columns       []string
	Rows          []map[string]string // column name (as in the header) -> text
	Count         int
	PreviousCount int
	Empty         string // the sentence to print when Count is 0
}

// changesAnalysis keeps the rows of the report period (kind changes).
type changesAnalysis struct {
	cfg   *config.Config
	name  string
	spec  config.Analysis
	cut   period.Period
	timer *timer
	where *filter
	head  []string
	set   *ChangeSet
	times []period.Interval // of set.Rows
}

// finish sets the rows in time order.
func (a *changesAnalysis) finish() { inTimeOrder(a.set.Rows, a.times) }

func newChanges(c *config.Config, name string, cut period.Period, t *timer) *changesAnalysis {
	a := c.Analyses[name]
	return &changesAnalysis{cfg: c, name: name, spec: a, cut: cut, timer: t,
		where: newFilter("analyses."+name+".where", a.Where), set: &ChangeSet{Empty: a.Empty}}
}

func (a *changesAnalysis) time() *timer { return a.timer }

func (a *changesAnalysis) bind(h *dataset.Header) config.Problems {
	a.head = h.Columns
	a.set.Columns = h.Columns
	return a.where.bind(h, a.cfg)
}

// endsIn reports whether interval i ends inside quarter q.
func endsIn(i period.Interval, q period.Period) bool {
	end := i.End()
	return end.After(q.Start) && !end.After(q.End())
}

func (a *changesAnalysis) gate() ([]boundClause, []*filter) { return whereGate(a.where) }

func (a *changesAnalysis) add(r dataset.Row, t period.Interval, inCut bool) error {
	if !a.where.match(&r) || !inCut {
		return nil
	}
	switch {
	case endsIn(t, a.cut):
		a.set.Count++
		if len(a.set.Rows) >= MaxChangeRows {
			return nil // counted, not kept: problems says so
		}
		row := make(map[string]string, len(a.head))
		for i, c := range a.head {
			row[c] = strings.Clone(r.Get(i)) // kept: the row's text is reused
		}
		a.set.Rows = append(a.set.Rows, row)
		a.times = append(a.times, t)
	case endsIn(t, a.cut.Previous()):
		a.set.PreviousCount++
	}
	return nil
}

// MaxChangeRows is the most rows of one period a changes analysis keeps:
// a briefing lists what is new, not a whole register.
const MaxChangeRows = 10_000

func (a *changesAnalysis) problems() config.Problems {
	var ps config.Problems
	if !a.where.matched && !a.where.src.IsZero() {
		ps = append(ps, a.where.unmatched(a.cfg, a.spec.Dataset))
	}
	if a.set.Count > MaxChangeRows {
		ps = append(ps, a.cfg.Problemf("analyses."+a.name, "%s rows fall in %s; a changes analysis lists at most %s: narrow it with where:",
			thousands(a.set.Count), a.cut, thousands(MaxChangeRows)))
	}
	return ps
}

func (a *changesAnalysis) result() *Result {
	prev, cur := a.cut.Previous(), a.cut
	return &Result{
		Name: a.name, Kind: a.spec.Kind, Timed: true, Measure: "Rows",
		Keys:    []Key{{Label: prev.String(), Interval: prev.Interval}, {Label: cur.String(), Interval: cur.Interval}},
		Series:  []Series{{Label: "Rows", Values: []exact.Number{exact.Int(int64(a.set.PreviousCount)), exact.Int(int64(a.set.Count))}}},
		Changes: a.set,
	}
}
