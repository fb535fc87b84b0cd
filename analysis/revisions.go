package analysis

import (
	"github.com/briefing/report/config"
	"github.com/briefing/report/internal/exact"
	"github.com/briefing/report/internal/locale"
	"github.com/briefing/report/internal/period"
)

// Revision is one value a newer export of the data changed: a series'
// interval, its old and new values and the change.
type Revision struct {
	Series    string
	Time      period.Interval
	Old, New  exact.Number
	Change    exact.Number // New - Old
	ChangePct exact.Number // Change / Old; NaN when Old is 0
}

// RevisionSet is the result of a revisions analysis: the revisions past
// its threshold, in series then time order, and the largest of them.
type RevisionSet struct {
	Rows []Revision
	// Compared is how many values both exports hold; Rows those that
	// changed past the threshold.
	Compared int
	// Old and New are the "Data generated" dates of the two exports.
	Old, New string
}

// Count is how many revisions are past the threshold.
func (s *RevisionSet) Count() int { return len(s.Rows) }

// Largest is the revision with the largest change, up or down; zero when
// there is none.
func (s *RevisionSet) Largest() Revision {
	var best Revision
	for i, r := range s.Rows {
		if i == 0 || r.Change.Abs().Cmp(best.Change.Abs()) > 0 {
			best = r
		}
	}
	return best
}

// previousSuffix names the hidden dataset of an earlier export.
const previousSuffix = "~previous"

// previousConfig is the config that computes the revisions analyses of
// dataset name over its earlier export: the same analyses as trends, the
// same dataset read from data.NAME.previous, nothing else.
func previousConfig(c *config.Config, name string) *config.Config {
	d := c.Data[name]
	if d.Previous == "" {
		return nil
	}
	prev := *c
	if d.IsSQL() {
		d.Table, d.Query = d.Previous, ""
	} else {
		d.Path = d.Previous
	}
	d.Previous, d.Generated, d.PreviousGenerated = "", d.PreviousGenerated, ""
	prev.Data = map[string]config.Dataset{name: d}
	prev.Analyses = map[string]config.Analysis{}
	for an, a := range c.Analyses {
		if a.Kind == "revisions" && a.Dataset == name {
			prev.Analyses[an] = a
		}
	}
	if len(prev.Analyses) == 0 {
		return nil
	}
	prev.Charts, prev.Sections = nil, nil
	return &prev
}

// revisions turns the new and old trends of a revisions analysis into its
// result: a key per interval both exports cover, for each series its old
// and its new values, and the revisions past the threshold.
func revisions(c *config.Config, name string, cur, old *Result, curData, oldData *DatasetSummary) *Result {
	a := c.Analyses[name]
	th, _ := config.ParseThreshold(a.Threshold)
	set := &RevisionSet{New: curData.Generated, Old: oldData.Generated}
	words := wordsOf(c)
	r := &Result{Name: name, Kind: "revisions", Timed: true, Measure: cur.Measure, Source: cur.Source, Revisions: set}
	if set.Old != "" {
		r.Source += "; " + words.Word("earlier_export", "date", words.ShortDateOf(set.Old))
	}
	oldAt := map[string]map[period.Interval]exact.Number{}
	oldThrough := map[string]period.Interval{}
	for _, s := range old.Series {
		m := map[period.Interval]exact.Number{}
		for i, k := range old.Keys {
			m[k.Interval] = s.Values[i]
		}
		oldAt[s.Label], oldThrough[s.Label] = m, s.Through
	}
	// the intervals both exports hold, whole: the old export's data ends
	// at its coverage, and a partial interval is not yet a value to revise
	var keys []int
	for i, k := range cur.Keys {
		if k.Partial {
			continue
		}
		for _, s := range cur.Series {
			if _, ok := oldAt[s.Label][k.Interval]; ok && (oldThrough[s.Label].IsZero() || !k.Interval.Start.After(oldThrough[s.Label].Start)) {
				keys = append(keys, i)
				break
			}
		}
	}
	for _, i := range keys {
		r.Keys = append(r.Keys, cur.Keys[i])
	}
	for _, s := range cur.Series {
		if s.AverageOf != "" {
			continue
		}
		newS := Series{Label: s.Label + " (" + dated(words, set.New, "export_new") + ")", Through: s.Through}
		oldS := Series{Label: s.Label + " (" + dated(words, set.Old, "export_previous") + ")", Through: oldThrough[s.Label]}
		for _, i := range keys {
			k := cur.Keys[i]
			nv := s.Values[i]
			ov, ok := oldAt[s.Label][k.Interval]
			if !ok || (!oldThrough[s.Label].IsZero() && k.Interval.Start.After(oldThrough[s.Label].Start)) {
				ov = Gap
			}
			newS.Values, oldS.Values = append(newS.Values, nv), append(oldS.Values, ov)
			if IsGap(nv) || IsGap(ov) {
				continue
			}
			set.Compared++
			change := nv.Sub(ov)
			if change.Sign() == 0 || !past(change, ov, th) {
				continue
			}
			pct := exact.NaN()
			if ov.Sign() != 0 {
				pct = change.Quo(ov)
			}
			set.Rows = append(set.Rows, Revision{Series: s.Label, Time: k.Interval, Old: ov, New: nv, Change: change, ChangePct: pct})
		}
		r.Series = append(r.Series, oldS, newS)
	}
	return r
}

// dated names an export by its date, or by what it is (a catalogue key)
// when it has none.
func dated(words *locale.Locale, generated, what string) string {
	if generated == "" {
		return words.Word(what)
	}
	return words.Word("data_of", "date", words.ShortDateOf(generated))
}

// past reports whether a change is at least the threshold.
func past(change, old exact.Number, th config.Threshold) bool {
	if th.Value == 0 {
		return true
	}
	limit := exact.FromFloat(th.Value)
	if th.Percent {
		limit = old.Abs().Mul(limit).Quo(exact.Int(100))
	}
	return change.Abs().Cmp(limit) >= 0
}
