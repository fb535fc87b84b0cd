package config

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/briefing/report/internal/suggest"
)

// ParamPrefix starts an environment variable that sets a parameter:
// REPORT_PARAM_COUNTRY=India sets params.country.
const ParamPrefix = EnvPrefix + "PARAM_"

// paramRef is $name in a value of the config; $$ is a dollar sign.
var paramRef = regexp.MustCompile(`\$(\$|[a-z][a-z0-9_]*)`)

// paramName is what a parameter may be called.
var paramName = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

// paramOverlays sets params from REPORT_PARAM_* variables, then from
// --param pairs, on the settings; each must name a parameter the file
// declares under params:.
func (c *Config) paramOverlays(set func(key, val string), declared map[string]bool, opts Options) Problems {
	var ps Problems
	names := make([]string, 0, len(declared))
	for n := range declared {
		names = append(names, n)
	}
	sort.Strings(names)
	apply := func(where, name, val string) {
		name = strings.ToLower(strings.TrimSpace(name))
		if !declared[name] {
			msg := fmt.Sprintf("unknown parameter %q%s", name, suggest.Hint(name, names))
			if len(names) == 0 {
				msg += " (the config declares no params:)"
			} else {
				msg += " (params: " + strings.Join(names, ", ") + ")"
			}
			ps = append(ps, Problem{File: where, Path: "params." + name, Msg: msg})
			return
		}
		set("params."+name, val)
		c.origin["params."+name] = where
	}
	for _, kv := range opts.Env {
		if k, val, ok := strings.Cut(kv, "="); ok && strings.HasPrefix(k, ParamPrefix) {
			apply("environment "+k, strings.TrimPrefix(k, ParamPrefix), val)
		}
	}
	for _, kv := range opts.Params {
		name, val, ok := strings.Cut(kv, "=")
		if !ok || strings.TrimSpace(name) == "" {
			ps = append(ps, Problem{File: "--param " + kv, Msg: "expected name=value, such as --param country=India"})
			continue
		}
		apply("--param "+kv, name, val)
	}
	return ps
}

// decodeParams reads params: a name and its value; a name without one
// must be given one by --param or the environment.
func (c *Config) decodeParams(in any, ps *Problems) {
	c.Params = map[string]string{}
	c.unset = map[string]bool{}
	m, ok := in.(map[string]any)
	if in != nil && !ok {
		*ps = append(*ps, c.Problemf("params", "expected a map of name: value, such as {country: China}, found %s", describe(in)))
		return
	}
	for name, v := range m {
		if !paramName.MatchString(name) {
			*ps = append(*ps, c.Problemf("params."+name, "a parameter name is lower case letters, digits and _, starting with a letter"))
			continue
		}
		switch v.(type) {
		case map[string]any, []any:
			*ps = append(*ps, c.Problemf("params."+name, "expected a value such as China, found %s", describe(v)))
			continue
		}
		if v == nil {
			c.unset[name] = true
			continue
		}
		c.Params[name] = scalarText(v)
	}
	for _, name := range c.pos.paramNames() {
		if _, ok := c.Params[name]; !ok && paramName.MatchString(name) {
			c.unset[name] = true // declared as name: with no value
		}
	}
}

// paramNames are the names the file declares under params:.
func (p positions) paramNames() []string {
	var out []string
	for k := range p {
		if name, ok := strings.CutPrefix(k, "params."); ok && !strings.ContainsAny(name, ".[") {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

// expandParams replaces each $name in s by the parameter's value.
func (c *Config) expandParams(path, s string, ps *Problems) string {
	if !strings.Contains(s, "$") {
		return s
	}
	return paramRef.ReplaceAllStringFunc(s, func(ref string) string {
		name := ref[1:]
		if name == "$" {
			return "$"
		}
		if v, ok := c.Params[name]; ok {
			return v
		}
		if c.unset[name] {
			*ps = append(*ps, c.Problemf(path, "parameter $%s has no value: give it with --param %s=..., %s%s=..., or a value under params:", name, name, ParamPrefix, strings.ToUpper(name)))
			return ref
		}
		names := make([]string, 0, len(c.Params)+len(c.unset))
		for n := range c.Params {
			names = append(names, n)
		}
		for n := range c.unset {
			names = append(names, n)
		}
		*ps = append(*ps, c.Problemf(path, "unknown parameter $%s%s (write $$ for a dollar sign)", name, suggest.Hint(name, names)))
		return ref
	})
}

// applyParams replaces $name in the values that may hold one: data paths
// and tables, where values, series labels, labels and table filters. A
// query is never changed: values go into SQL as bound arguments only.
func (c *Config) applyParams() Problems {
	var ps Problems
	for name, d := range c.Data {
		p := "data." + name
		d.Path = c.expandParams(p+".path", d.Path, &ps)
		d.Previous = c.expandParams(p+".previous", d.Previous, &ps)
		d.Table = c.expandParams(p+".table", d.Table, &ps)
		d.Sheet = c.expandParams(p+".sheet", d.Sheet, &ps)
		d.Title = c.expandParams(p+".title", d.Title, &ps)
		c.Data[name] = d
	}
	for name, a := range c.Analyses {
		p := "analyses." + name
		a.Where = c.filterParams(p+".where", a.Where, &ps)
		for i := range a.Series {
			sp := fmt.Sprintf("%s.series[%d]", p, i)
			a.Series[i].Label = c.expandParams(sp+".label", a.Series[i].Label, &ps)
			a.Series[i].Where = c.filterParams(sp+".where", a.Series[i].Where, &ps)
		}
		for k, v := range a.Labels {
			a.Labels[k] = c.expandParams(p+".labels."+k, v, &ps)
		}
		c.Analyses[name] = a
	}
	if c.Foreach != nil {
		c.Foreach.Where = c.filterParams("foreach.where", c.Foreach.Where, &ps)
	}
	for i := range c.Sections {
		for j := range c.Sections[i].Blocks {
			b := &c.Sections[i].Blocks[j]
			if !b.Table.Where.IsZero() {
				b.Table.Where = c.filterParams(b.Path+".table.where", b.Table.Where, &ps)
			}
		}
	}
	return ps
}

// filterParams expands the values of a filter, and of its not.
func (c *Config) filterParams(path string, f Filter, ps *Problems) Filter {
	out := Filter{}
	for _, cl := range f.Clauses {
		vals := make([]string, len(cl.Values))
		for i, v := range cl.Values {
			vals[i] = c.expandParams(path+"."+cl.Column, v, ps)
		}
		out.Clauses = append(out.Clauses, Clause{Column: cl.Column, Values: vals})
	}
	if f.Not != nil {
		n := c.filterParams(path+".not", *f.Not, ps)
		out.Not = &n
	}
	return out
}

// checkOutput checks report.output: it must expand, and name only
// parameters the config declares.
func (c *Config) checkOutput(tmpl string) error {
	for _, p := range OutputParams(tmpl) {
		if _, ok := c.Params[p]; !ok && !c.unset[p] {
			return fmt.Errorf("output path %q names parameter %q, which params: does not declare", tmpl, p)
		}
	}
	return CheckOutput(tmpl)
}

// Foreach is foreach: one briefing per value of Param: the Values listed,
// or the values of Column in Dataset (rows matching Where), the Top most
// frequent first.
type Foreach struct {
	Param   string
	Values  []string
	Dataset string
	Column  string
	Where   Filter
	Top     int
}

// decodeForeach reads foreach:.
func (c *Config) decodeForeach(in any, ps *Problems) {
	m, ok := in.(map[string]any)
	if in == nil {
		return
	}
	if !ok {
		*ps = append(*ps, c.Problemf("foreach", "expected {param, values} or {param, dataset, column, where, top}, found %s", describe(in)))
		return
	}
	var f struct {
		Param, Dataset, Column string
		Values                 []string
		Top                    int
	}
	c.decodeInto("foreach", withoutKey(m, "where"), &f, ps)
	fe := &Foreach{Param: strings.ToLower(f.Param), Values: f.Values, Dataset: f.Dataset, Column: f.Column, Top: f.Top}
	if w, ok := m["where"]; ok {
		fe.Where = c.decodeFilter("foreach.where", w, ps)
	}
	c.Foreach = fe
}

// validateForeach checks foreach: a declared parameter, and values or a
// dataset's column to take them from.
func (c *Config) validateForeach() Problems {
	f := c.Foreach
	if f == nil {
		return nil
	}
	var ps Problems
	if _, ok := c.Params[f.Param]; !ok && !c.unset[f.Param] {
		ps = append(ps, c.Problemf("foreach.param", "foreach needs a parameter that params: declares, found %q", f.Param))
	}
	switch {
	case len(f.Values) > 0 && f.Dataset != "":
		ps = append(ps, c.Problemf("foreach.values", "give values or a dataset's column, not both"))
	case len(f.Values) == 0 && f.Dataset == "":
		ps = append(ps, c.Problemf("foreach", "missing: values, or a dataset and a column to take them from"))
	case f.Dataset != "":
		if _, ok := c.Data[f.Dataset]; !ok {
			ps = append(ps, c.Problemf("foreach.dataset", "unknown dataset %q%s", f.Dataset, suggest.Hint(f.Dataset, c.DatasetNames())))
		}
		if f.Column == "" {
			ps = append(ps, c.Problemf("foreach.column", "missing: the column whose values make the briefings"))
		}
	}
	if f.Top < 0 {
		ps = append(ps, c.Problemf("foreach.top", "expected a number of values above 0, found %d", f.Top))
	}
	return ps
}
