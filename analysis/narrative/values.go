package narrative

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/briefing/report/analysis"
	"github.com/briefing/report/internal/exact"
)

// Value is one thing a template can write, with its current value: Expr is
// the template action, Value what it prints today.
type Value struct {
	Group string // "period", "analysis NAME", "dataset NAME", "figures", ...
	Expr  string
	Value string
}

// Values lists every value a template can use, in a stable order: the
// period and report fields, then each analysis (by name), dataset, figure
// and table. It answers "what can I write in my prose?".
func (e *Env) Values() []Value {
	p := e.Data.Period
	out := []Value{
		{"period", "{{ .Period }}", p.String()},
		{"period", "{{ .Period.Code }}", p.Code()},
		{"period", "{{ .Period.Previous }}", p.Previous().String()},
		{"period", "{{ .Period.Year }}", strconv.Itoa(p.Year())},
		{"period", "{{ .Period.Quarter }}", strconv.Itoa(p.Quarter())},
		{"period", "{{ .Period.LastFullYear }}", strconv.Itoa(p.LastFullYear())},
		{"period", "{{ .Period.Start.Format \"2 January 2006\" }}", p.Start.Format("2 January 2006")},
		{"period", "{{ .Period.Last.Format \"2 January 2006\" }}", p.Last().Format("2 January 2006")},
		{"report", "{{ .Report.Title }}", e.Data.Report.Title},
		{"report", "{{ .Report.Organization }}", e.Data.Report.Organization},
		{"report", "{{ .AsOf.Format \"2 January 2006\" }}", e.Data.AsOf.Format("2 January 2006")},
	}
	for _, name := range sortedNames(e.Results.Analyses) {
		out = append(out, analysisValues(name, e.Results.Analyses[name])...)
	}
	for _, name := range sortedNames(e.Results.Datasets) {
		d := e.Results.Datasets[name]
		g := "dataset " + name
		out = append(out,
			Value{g, fmt.Sprintf("{{ (dataset %q).Rows }}", name), strconv.Itoa(d.RowsUsed)},
			Value{g, fmt.Sprintf("{{ (dataset %q).Generated }}", name), orNone(d.Generated)})
		if iv, ok := e.Data.Coverage[name]; ok {
			out = append(out, Value{g, fmt.Sprintf("{{ .Coverage.%s }}", name), iv.String()})
		}
	}
	for _, id := range sortedNames(e.Figures) {
		out = append(out, Value{"figures", fmt.Sprintf("{{ fig %q }}", id), fmt.Sprintf("Figure %d", e.Figures[id])})
	}
	for _, id := range sortedNames(e.Tables) {
		out = append(out, Value{"tables", fmt.Sprintf("{{ tab %q }}", id), fmt.Sprintf("Table %d", e.Tables[id])})
	}
	return out
}

func analysisValues(name string, r *analysis.Result) []Value {
	g := fmt.Sprintf("analysis %s (%s)", name, r.Kind)
	var out []Value
	add := func(expr, value string) { out = append(out, Value{g, expr, value}) }
	switch {
	case r.Compare != nil:
		for _, row := range r.Compare {
			add(fmt.Sprintf("{{ (cmp %q %q %q).Total }}", name, row.Series, row.Period),
				fmt.Sprintf("%s (.Holds %q, .Mean %s, .Intervals %d, .ChangePct %s on %s, .Share %s)",
					auto(row.Total), row.Holds, auto(row.Mean), row.Intervals, Pct(row.ChangePct, 0), row.Basis, Pct(row.Share, 0)))
		}
	case r.Changes != nil:
		add(fmt.Sprintf("{{ (changes %q).Count }}", name), strconv.Itoa(r.Changes.Count))
		add(fmt.Sprintf("{{ (changes %q).PreviousCount }}", name), strconv.Itoa(r.Changes.PreviousCount))
		add(fmt.Sprintf("{{ range rows %q }}{{ .COLUMN }}{{ end }}", name), "columns: "+strings.Join(r.Changes.Columns, ", "))
	case !r.Timed:
		for i, k := range r.Keys {
			add(fmt.Sprintf("{{ count %q %q }}", name, k.Label), Num(r.Series[0].Values[i], 0))
		}
	default:
		for _, s := range r.Series {
			add(fmt.Sprintf("{{ total %q %q }}", name, s.Label), auto(s.Total()))
			if len(s.Values) > 0 {
				last := len(s.Values) - 1
				add(fmt.Sprintf("{{ last %q %q }}", name, s.Label), fmt.Sprintf("%s: %s", r.Keys[last].Text(), auto(s.Values[last])))
			}
			for i, k := range r.Keys {
				add(fmt.Sprintf("{{ value %q %q %s }}", name, s.Label, timeArg(k.Label)), auto(s.Values[i]))
			}
		}
	}
	return out
}

// auto formats a value exactly as it is when it is a short decimal
// (1,656.05), else to three decimals (a mean of 1,234.333…).
func auto(v exact.Number) string {
	if d := v.Scale(); d >= 0 && d <= 6 {
		return Num(v, d)
	}
	return Num(v, 3)
}

func timeArg(label string) string {
	if _, err := strconv.Atoi(label); err == nil {
		return label
	}
	return strconv.Quote(label)
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

func sortedNames[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
