package narrative

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
	"text/template"
	"text/template/parse"
	"time"

	"github.com/briefing/report/analysis"
	"github.com/briefing/report/internal/lazyregexp"
	"github.com/briefing/report/internal/period"
	"github.com/briefing/report/internal/suggest"
)

// usage shows how each function is called, for a call with the wrong
// arguments.
var usage = map[string]string{
	"value":     `value ANALYSIS SERIES TIME, e.g. {{ value "arms_trend" "Russia → China" 2024 }}`,
	"total":     `total ANALYSIS SERIES, e.g. {{ total "arms_trend" "*" }}`,
	"last":      `last ANALYSIS SERIES, e.g. {{ (last "arms_trend" "*").Value }}`,
	"peak":      `peak ANALYSIS SERIES, e.g. {{ (peak "arms_trend" "*").Time }}`,
	"count":     `count ANALYSIS CATEGORY, e.g. {{ count "agreement_counts" "Treaty" }}`,
	"change":    `change ANALYSIS SERIES FROM TO, e.g. {{ change "arms_trend" "*" 2014 2024 | pct }}`,
	"cmp":       `cmp ANALYSIS SERIES PERIOD_LABEL, e.g. {{ (cmp "arms_by_period" "Russia → China" "2020–2024").Total }}`,
	"changes":   `changes ANALYSIS, e.g. {{ (changes "new_exercises").Count }}`,
	"revisions": `revisions ANALYSIS, e.g. {{ (revisions "arms_revisions").Count }}`,
	"rows":      `rows ANALYSIS, e.g. {{ range rows "new_exercises" }}{{ .name }}{{ end }}`,
	"dataset":   `dataset NAME, e.g. {{ (dataset "transfers").Generated }}`,
	"label":     `label DATASET COLUMN VALUE, e.g. {{ label "exercises" "domain" .domain }}`,
	"fig":       `fig CHART, e.g. {{ fig "arms_trend_chart" }}`,
	"tab":       `tab TABLE, e.g. {{ tab "arms_by_period" }}`,
	"add":       `add X Y`,
	"sub":       `sub X Y`,
	"mul":       `mul X Y`,
	"div":       `div X Y`,
	"abs":       `abs X`,
	"lower":     `lower TEXT`,
}

// builtins are text/template's own functions.
var builtins = []string{"and", "call", "html", "index", "slice", "js", "len", "not", "or", "print", "printf", "println", "urlquery", "eq", "ge", "gt", "le", "lt", "ne"}

// dotTypes are the types a template can reach, by the name text/template
// prints, to list their fields in a message about a field they lack.
var dotTypes = map[string]reflect.Type{
	"narrative.Data":        reflect.TypeFor[Data](),
	"narrative.ReportInfo":  reflect.TypeFor[ReportInfo](),
	"narrative.Point":       reflect.TypeFor[Point](),
	"narrative.DatasetView": reflect.TypeFor[DatasetView](),
	"period.Period":         reflect.TypeFor[period.Period](),
	"narrative.PeriodView":  reflect.TypeFor[PeriodView](),
	"period.Interval":       reflect.TypeFor[period.Interval](),
	"analysis.CompareRow":   reflect.TypeFor[analysis.CompareRow](),
	"analysis.ChangeSet":    reflect.TypeFor[analysis.ChangeSet](),
	"time.Time":             reflect.TypeFor[time.Time](),
}

// text/template's messages that explain rewrites, compiled at the first
// error
var (
	callRe    = lazyregexp.New(`^executing ".*?" at <(.*?)>: (?:error calling \w+: )?(.*)$`)
	fieldRe   = lazyregexp.New(`can't evaluate field (\w+) in type (\*?)([\w.]+)`)
	funcRe    = lazyregexp.New(`^function "([^"]*)" not defined$`)
	argsRe    = lazyregexp.New(`wrong number of args for (\w+): want (\d+) got (\d+)`)
	noEntryRe = lazyregexp.New(`map has no entry for key "([^"]*)"`)
)

// explain rewrites text/template's wording where it leaves a writer
// guessing, and adds the closest valid name.
func (e *Env) explain(m string) string {
	if c := callRe().FindStringSubmatch(m); c != nil {
		m = fmt.Sprintf("in {{ %s }}: %s", c[1], c[2])
	}
	switch {
	case fieldRe().MatchString(m):
		f := fieldRe().FindStringSubmatch(m)
		names := fieldNames(dotTypes[f[3]])
		what := "unknown field ." + f[1]
		if len(names) == 0 {
			return fieldRe().ReplaceAllString(m, what+" (a value of type "+f[3]+" has no fields)")
		}
		hint := ""
		if c := suggest.Closest(f[1], names); c != "" && c != f[1] {
			hint = "; did you mean ." + c + "?"
		}
		return fieldRe().ReplaceAllString(m, fmt.Sprintf("%s%s (fields: .%s)", what, hint, strings.Join(names, ", .")))
	case funcRe().MatchString(m):
		name := funcRe().FindStringSubmatch(m)[1]
		known := append(sortedNames(usage), builtins...)
		known = append(known, "num", "pct", "signed", "spct")
		return fmt.Sprintf("unknown function %q%s (templates have %s)", name, suggest.Hint(name, known), strings.Join(sortedNames(usage), ", ")+", num, pct, signed, spct")
	case argsRe().MatchString(m):
		f := argsRe().FindStringSubmatch(m)
		if u, ok := usage[f[1]]; ok {
			return argsRe().ReplaceAllString(m, fmt.Sprintf("%s takes %s arguments, found %s: %s", f[1], f[2], f[3], u))
		}
	case noEntryRe().MatchString(m) && strings.Contains(m, ".Params."+noEntryRe().FindStringSubmatch(m)[1]):
		key := noEntryRe().FindStringSubmatch(m)[1]
		names := sortedNames(e.Data.Params)
		return noEntryRe().ReplaceAllString(m, fmt.Sprintf("unknown parameter %q%s (params: %s)", key, suggest.Hint(key, names), strings.Join(names, ", ")))
	case noEntryRe().MatchString(m):
		key := noEntryRe().FindStringSubmatch(m)[1]
		cols := e.columns()
		return noEntryRe().ReplaceAllString(m, fmt.Sprintf("the row has no column %q%s (columns: %s)", key, suggest.Hint(key, cols), strings.Join(cols, ", ")))
	case m == "unexpected EOF":
		return "unexpected end of the text: an {{ if }}, {{ range }}, {{ with }} or {{ define }} has no {{ end }}"
	case strings.HasPrefix(m, "unexpected {{end}}"), strings.HasPrefix(m, "unexpected {{else}}"):
		return m + ": there is no {{ if }}, {{ range }} or {{ with }} open here"
	}
	return m
}

// fieldNames lists the exported fields and methods a template can use on
// a value of type t.
func fieldNames(t reflect.Type) []string {
	if t == nil {
		return nil
	}
	seen := map[string]bool{}
	if t.Kind() == reflect.Struct {
		for _, f := range reflect.VisibleFields(t) {
			if f.IsExported() && !f.Anonymous {
				seen[f.Name] = true
			}
		}
	}
	for _, typ := range []reflect.Type{t, reflect.PointerTo(t)} {
		for i := range typ.NumMethod() {
			m := typ.Method(i)
			if m.Type.NumOut() > 0 && m.Type.NumOut() <= 2 {
				seen[m.Name] = true
			}
		}
	}
	if t == reflect.TypeFor[time.Time]() {
		// A time has dozens of methods; these are the ones prose uses.
		return []string{"Day", "Format", "Month", "Year"}
	}
	return sortedNames(seen)
}

// columns lists the column names of every changes analysis, for a row key
// that is not there.
func (e *Env) columns() []string {
	seen := map[string]bool{}
	if e.Results != nil {
		for _, r := range e.Results.Analyses {
			if r.Changes != nil {
				for _, c := range r.Changes.Columns {
					seen[c] = true
				}
			}
		}
	}
	out := make([]string, 0, len(seen))
	for c := range seen {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}

// Limits on what a template may ask for, checked before it runs: text/
// template can range over an integer, which makes a loop of any length
// from one number.
const (
	maxRange = 10_000  // the largest integer a {{ range }} may count to
	maxLoops = 100_000 // the most iterations nested {{ range }}s may make
)

// unsafeIdents are methods that turn a time into a huge integer; prose has
// no use for them, and a {{ range }} over one would run for hours.
var unsafeIdents = map[string]bool{"Unix": true, "UnixMilli": true, "UnixMicro": true, "UnixNano": true, "Nanosecond": true}

// guardError is a template refused by guard, at a line of its text.
type guardError struct {
	line int
	msg  string
}

func (g *guardError) at(source string) *Error {
	return &Error{Source: source, Line: g.line, Msg: g.msg}
}

// guard refuses templates that would loop for a very long time: a range
// over a large number, nested ranges whose counts multiply past maxLoops,
// the Unix-time methods, and sub-templates (which could multiply loops
// through calls; prose has no need of them).
func guard(t *template.Template) *guardError {
	if len(t.Templates()) > 1 {
		return &guardError{msg: "{{ define }} and {{ block }} are not available in narrative texts"}
	}
	for _, tt := range t.Templates() {
		if tt.Tree == nil || tt.Root == nil {
			continue
		}
		g := &guarder{tree: tt.Tree, vars: map[string]int64{}}
		if err := g.node(tt.Root, 1); err != nil {
			return err
		}
	}
	return nil
}

// guarder walks one template tree; vars holds the variables set to a
// literal number, which a range may count to.
type guarder struct {
	tree *parse.Tree
	vars map[string]int64
}

func (gd *guarder) node(n parse.Node, loops int) *guardError {
	tree := gd.tree
	if n == nil || reflect.ValueOf(n).IsNil() {
		return nil
	}
	fail := func(pos parse.Pos, format string, args ...any) *guardError {
		line := 0
		if loc, _ := tree.ErrorContext(n); loc != "" {
			if parts := strings.Split(loc, ":"); len(parts) >= 2 {
				fmt.Sscan(parts[1], &line)
			}
		}
		return &guardError{line: line, msg: fmt.Sprintf(format, args...)}
	}
	switch x := n.(type) {
	case *parse.ListNode:
		for _, c := range x.Nodes {
			if g := gd.node(c, loops); g != nil {
				return g
			}
		}
	case *parse.ActionNode:
		return gd.node(x.Pipe, loops)
	case *parse.PipeNode:
		if len(x.Decl) == 1 {
			if k, ok := gd.count(x); ok {
				gd.vars[x.Decl[0].Ident[0]] = k
			}
		}
		for _, c := range x.Cmds {
			if g := gd.node(c, loops); g != nil {
				return g
			}
		}
	case *parse.CommandNode:
		for _, a := range x.Args {
			if g := gd.node(a, loops); g != nil {
				return g
			}
		}
	case *parse.FieldNode:
		if g := guardIdents(x.Ident, fail, x.Pos); g != nil {
			return g
		}
	case *parse.ChainNode:
		if g := guardIdents(x.Field, fail, x.Pos); g != nil {
			return g
		}
		return gd.node(x.Node, loops)
	case *parse.VariableNode:
		return guardIdents(x.Ident[1:], fail, x.Pos)
	case *parse.IfNode:
		return gd.branch(&x.BranchNode, loops)
	case *parse.WithNode:
		return gd.branch(&x.BranchNode, loops)
	case *parse.RangeNode:
		if g := gd.node(x.Pipe, loops); g != nil {
			return g
		}
		inner := loops
		if k, ok := gd.count(x.Pipe); ok {
			if k > maxRange {
				return fail(x.Pos, "{{ range %d }}: a range may count to at most %d", k, maxRange)
			}
			inner = loops * max(int(k), 1)
			if inner > maxLoops {
				return fail(x.Pos, "nested {{ range }}s make more than %d loops", maxLoops)
			}
		}
		if g := gd.node(x.List, inner); g != nil {
			return g
		}
		return gd.node(x.ElseList, loops)
	case *parse.TemplateNode:
		return fail(x.Pos, "{{ template }}, {{ define }} and {{ block }} are not available in narrative texts")
	}
	return nil
}

func (gd *guarder) branch(b *parse.BranchNode, loops int) *guardError {
	for _, n := range []parse.Node{b.Pipe, b.List, b.ElseList} {
		if g := gd.node(n, loops); g != nil {
			return g
		}
	}
	return nil
}

func guardIdents(idents []string, fail func(parse.Pos, string, ...any) *guardError, pos parse.Pos) *guardError {
	for _, id := range idents {
		if unsafeIdents[id] {
			return fail(pos, "the field .%s is not available in templates (use .Format for dates)", id)
		}
	}
	return nil
}

// count returns the integer a pipeline counts to when it is a literal
// number or a variable set to one.
func (gd *guarder) count(p *parse.PipeNode) (int64, bool) {
	if p == nil || len(p.Cmds) != 1 || len(p.Cmds[0].Args) != 1 {
		return 0, false
	}
	if v, ok := p.Cmds[0].Args[0].(*parse.VariableNode); ok && len(v.Ident) == 1 {
		k, ok := gd.vars[v.Ident[0]]
		return k, ok
	}
	num, ok := p.Cmds[0].Args[0].(*parse.NumberNode)
	if !ok {
		return 0, false
	}
	switch {
	case num.IsInt:
		return num.Int64, true
	case num.IsUint:
		return int64(min(num.Uint64, 1<<62)), true
	}
	return 0, false
}
