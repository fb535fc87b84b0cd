package analysis

import (
	"github.com/briefing/report/config"
	"github.com/briefing/report/internal/period"
)

// ColumnValues returns the values of column in dataset, among the rows
// that match where and fall inside the period cut of p: the most frequent
// first (then by text), the first top of them when top > 0. Empty cells
// are left out. foreach: makes a briefing per value.
func ColumnValues(c *config.Config, dataset, column string, where config.Filter, top int, p period.Period) ([]string, config.Problems) {
	only := *c
	only.Data = map[string]config.Dataset{dataset: c.Data[dataset]}
	only.Analyses = map[string]config.Analysis{"foreach": {Kind: "count", Dataset: dataset, By: column, Where: where}}
	only.Charts, only.Sections = nil, nil
	res, ps := Compute(&only, p)
	r := res.Analyses["foreach"]
	if r == nil {
		return nil, ps
	}
	var out []string
	for _, k := range r.Keys {
		if k.Label == "(none)" {
			continue
		}
		out = append(out, k.Label)
		if top > 0 && len(out) == top {
			break
		}
	}
	return out, ps
}
