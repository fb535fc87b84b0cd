package main

import (
	"bytes"
	"fmt"
	"os"
	"strings"

	"github.com/briefing/report/analysis"
	"github.com/briefing/report/config"
	"github.com/briefing/report/internal/period"
)

// parseEach reads --each name=v1,v2,...
func parseEach(s string) (string, []string, error) {
	name, list, ok := strings.Cut(s, "=")
	name = strings.ToLower(strings.TrimSpace(name))
	if !ok || name == "" {
		return "", nil, fmt.Errorf("--each %q: expected name=value,value,..., e.g. --each country=China,India", s)
	}
	var values []string
	seen := map[string]bool{}
	for _, v := range strings.Split(list, ",") {
		if v = strings.TrimSpace(v); v != "" && !seen[v] {
			values, seen[v] = append(values, v), true
		}
	}
	if len(values) == 0 {
		return "", nil, fmt.Errorf("--each %q: no values", s)
	}
	return name, values, nil
}

// planBatch says what gen makes: one briefing, or a batch of quarters
// (--periods), of values of a parameter (--each, or the config's foreach:
// unless --param sets that parameter), or both.
func planBatch(o *genOptions, clock period.Clock) (batch, error) {
	var b batch
	if o.Periods != "" {
		qs, err := parseRange(o.Periods)
		if err != nil {
			return b, err
		}
		b.quarters = qs
	}
	if o.Each != "" {
		name, values, err := parseEach(o.Each)
		if err != nil {
			return b, err
		}
		b.param, b.values = name, values
		return b, nil
	}
	param, values, err := foreachValues(o, clock)
	if err != nil {
		return b, err
	}
	for _, p := range o.Params {
		if name, _, _ := strings.Cut(p, "="); strings.EqualFold(strings.TrimSpace(name), param) {
			return b, nil // --param picks one value of foreach's parameter
		}
	}
	b.param, b.values = param, values
	return b, nil
}

// foreachValues reads the config's foreach: its parameter and values, those
// listed or those of a dataset's column (the most frequent first, top N).
// "" when the config has none.
func foreachValues(o *genOptions, clock period.Clock) (string, []string, error) {
	if data, err := os.ReadFile(o.Config); err == nil && !bytes.Contains(data, []byte("foreach")) {
		return "", nil, nil // no foreach: spare loading the config twice
	}
	opts := config.Options{Env: o.Env, Sets: o.Sets, Params: o.Params, AsOf: clock.Now()}
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
		return "", nil, inputErr(ps)
	}
	if len(values) == 0 {
		return "", nil, inputErr(config.Problems{c.Problemf("foreach", "no row of dataset %q has a value in column %q: no briefing to make", f.Dataset, f.Column)})
	}
	return f.Param, values, nil
}
