package main

import (
	"fmt"
	"strings"

	"github.com/briefing/report/briefing"

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
	param, values, err := briefing.ForeachValues(briefing.Options{Config: o.Config, Sets: o.Sets, Params: o.Params, Env: o.Env, Clock: clock})
	if err != nil {
		return b, inputErr(err)
	}
	for _, p := range o.Params {
		if name, _, _ := strings.Cut(p, "="); strings.EqualFold(strings.TrimSpace(name), param) {
			return b, nil // --param picks one value of foreach's parameter
		}
	}
	b.param, b.values = param, values
	return b, nil
}
