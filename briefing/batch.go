package briefing

import (
	"bytes"
	"os"

	"github.com/briefing/report/analysis"
	"github.com/briefing/report/config"
	"github.com/briefing/report/internal/period"
)

// ForeachValues reads the config's foreach: its parameter and values, those
// listed or those of a dataset's column (the most frequent first, top N).
// "" when the config has none, or has problems a build reports.
func ForeachValues(o Options) (string, []string, error) {
	if data, err := os.ReadFile(o.Config); err == nil && !bytes.Contains(data, []byte("foreach")) {
		return "", nil, nil // no foreach: spare loading the config twice
	}
	opts := config.Options{Env: o.Env, Sets: o.Sets, Params: o.Params, AsOf: o.Clock.Now()}
	c, err := config.Load(o.Config, opts)
	if c == nil || c.Foreach == nil {
		return "", nil, nil // no foreach, or problems the build reports
	}
	f := c.Foreach
	if len(f.Values) > 0 {
		return f.Param, f.Values, nil
	}
	if err != nil {
		// the parameter may have no value yet: the column does not depend
		// on it, so read it with a stand-in
		opts.Params = append(append([]string{}, o.Params...), f.Param+"=_")
		if c, err = config.Load(o.Config, opts); c == nil || (err != nil && len(err.(config.Problems).Errors()) > 0) {
			return "", nil, nil // the build reports the config's problems
		}
	}
	if c.Period.IsZero() {
		return "", nil, nil // report.period is wrong: the build says so
	}
	values, ps := analysis.ColumnValues(c, f.Dataset, f.Column, f.Where, f.Top, c.Period)
	if len(ps.Errors()) > 0 {
		return "", nil, ps
	}
	if len(values) == 0 {
		return "", nil, config.Problems{c.Problemf("foreach", "no row of dataset %q has a value in column %q: no briefing to make", f.Dataset, f.Column)}
	}
	return f.Param, values, nil
}

// Backfill loads the config once and computes the results of every
// quarter, reading each file once for all of them, for the builds of the
// editions (Options.Shared). It returns nil when the config has errors (or,
// under Strict, warnings): each build reports them. Its warnings go to
// Options.Warn, once.
func Backfill(o Options, quarters []period.Period) []*Shared {
	c, err := config.Load(o.Config, config.Options{Env: o.Env, Sets: o.Sets, Params: o.Params, AsOf: o.Clock.Now()})
	if err != nil {
		ps, ok := err.(config.Problems)
		if !ok || len(ps.Errors()) > 0 || o.Strict {
			return nil
		}
		var warned config.Problems
		_ = o.problems(ps, &warned)
	}
	res, probs := analysis.ComputeMany(c, quarters, analysis.Options{})
	collectData()
	out := make([]*Shared, len(quarters))
	for i := range quarters {
		out[i] = &Shared{Config: c, Results: res[i], Problems: probs[i]}
	}
	return out
}
