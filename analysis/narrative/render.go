package narrative

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"text/template"
	"text/template/parse"
	"time"

	"github.com/briefing/report/analysis"
	"github.com/briefing/report/internal/lazyregexp"
	"github.com/briefing/report/internal/period"
)

// Env is what a narrative template can see: the results, the numbers of
// figures and tables, and the data fields (.Period, .Report, .AsOf).
type Env struct {
	Results *analysis.Results
	Figures map[string]int // chart id -> figure number
	Tables  map[string]int // table id -> table number
	Data    Data
	// Failed names the analyses whose data could not be read: a template
	// that uses one fails with ErrFailed.
	Failed map[string]bool

	// Number writes a formatted number ("1,234.5") as the briefing's
	// language does; nil: as it is.
	Number func(string) string
	// Date writes an export's date ("12 Feb 2026") as the briefing's
	// language does; nil: as it is.
	Date func(string) string
	// Ref writes a reference to figure or table n (kind "figure" or
	// "table") as the briefing's language does: "Figure 2", "tableau 1",
	// "الشكل ٢"; nil: in English.
	Ref func(kind string, n int) string

	// Warnings are what the templates run so far did that works but is
	// likely not meant, such as a change from zero (it prints n/a).
	Warnings []*Error

	source, text string // the template running, for warnings
}

// warnf records a warning about the template running, at the first line
// of its text that matches the regular expression near.
func (e *Env) warnf(near, format string, args ...any) {
	w := &Error{Source: e.source, Msg: fmt.Sprintf(format, args...)}
	if re, err := regexp.Compile(near); err == nil {
		if loc := re.FindStringIndex(e.text); loc != nil {
			w.Line = strings.Count(e.text[:loc[0]], "\n") + 1
		}
	}
	for _, o := range e.Warnings {
		if *o == *w {
			return
		}
	}
	e.Warnings = append(e.Warnings, w)
}

// Data is the dot of every narrative template.
type Data struct {
	Period PeriodView
	Report ReportInfo
	AsOf   time.Time
	// Coverage gives, per dataset name, the latest time of its rows in
	// this edition ({{ .Coverage.transfers }} prints 2024).
	Coverage map[string]period.Interval
	// Params are the briefing's parameters ({{ .Params.country }}).
	Params map[string]string
}

// PeriodView is .Period in a template. It prints as readers read it ("Q3
// 2025", or brand.period_format); .Code is the period's code ("2025-Q3"),
// for comparisons ({{ if ge .Period.Code "2024-Q3" }}) and for times.
type PeriodView struct {
	period.Period
	format string
}

// NewPeriodView returns p printing by the pattern of period.Format.
func NewPeriodView(p period.Period, pattern string) PeriodView { return PeriodView{p, pattern} }

// String prints the period for readers.
func (v PeriodView) String() string { return v.Format(v.format) }

// Code is the period as the config writes it: "2025-Q3".
func (v PeriodView) Code() string { return v.Period.String() }

// Previous is the quarter before, printed the same way.
func (v PeriodView) Previous() PeriodView { return PeriodView{v.Period.Previous(), v.format} }

// ReportInfo is .Report in a template.
type ReportInfo struct {
	Title, Subtitle, Organization string
}

// Error is a template that failed to parse or run, at a line (and column)
// of its text.
type Error struct {
	Source       string
	Line, Column int
	Msg          string
	// failed is set when the template used an analysis in Env.Failed.
	failed bool
}

// Unwrap returns ErrFailed for a template that used a failed analysis.
func (e *Error) Unwrap() error {
	if e.failed {
		return ErrFailed
	}
	return nil
}

func (e *Error) Error() string {
	loc := e.Source
	if e.Line > 0 {
		loc += ":" + strconv.Itoa(e.Line)
		if e.Column > 0 {
			loc += ":" + strconv.Itoa(e.Column)
		}
	}
	return loc + ": " + e.Msg
}

// Render runs text as a template named source and returns the Markdown it
// produces. Errors are *Error with the line in text; warnings are added to
// e.Warnings. An Env renders one text at a time.
func (e *Env) Render(source, text string) (string, error) {
	e.source, e.text = source, text
	defer func() { e.source, e.text = "", "" }()
	funcs := e.funcs()
	loops := 0
	funcs[loopFunc] = func() (string, error) {
		if loops++; loops > MaxLoops {
			return "", errTooManyLoops
		}
		return "", nil
	}
	// The template has a fixed name, so that no file name can confuse the
	// positions in text/template's messages.
	t, err := template.New(tmplName).Option("missingkey=error").Funcs(funcs).Parse(text)
	if err != nil {
		return "", e.templateError(source, err)
	}
	if err := guard(t); err != nil {
		return "", err.at(source)
	}
	if err := countLoops(t, funcs); err != nil {
		return "", &Error{Source: source, Msg: err.Error()}
	}
	out := &limitedBuffer{max: MaxOutput}
	if err := t.Execute(out, e.Data); err != nil {
		switch {
		case out.full:
			return "", &Error{Source: source, Msg: fmt.Sprintf("the text grows beyond %d MB: a {{ range }} that runs too long?", MaxOutput>>20)}
		case errors.Is(err, errTooManyLoops):
			return "", &Error{Source: source, Msg: fmt.Sprintf("the {{ range }}s of this text run more than %d times", MaxLoops)}
		}
		return "", e.allErrors(t, funcs, source, err)
	}
	return out.String(), nil
}

// MaxLoops bounds the iterations of all {{ range }}s of one text: a range
// over a number read from the data (.Rows of a dataset) could otherwise
// run for hours.
const MaxLoops = 2_000_000

// loopFunc is the function countLoops calls once per iteration of a range.
const loopFunc = "reportLoopGuard"

var errTooManyLoops = errors.New("too many loops")

// countLoops puts a call of loopFunc at the start of every range body.
// The call is parsed knowing that function alone: t runs it with its own.
func countLoops(t *template.Template, funcs template.FuncMap) error {
	tick, err := template.New("tick").Funcs(template.FuncMap{loopFunc: funcs[loopFunc]}).Parse("{{ " + loopFunc + " }}")
	if err != nil {
		return err
	}
	action := tick.Root.Nodes[0]
	for _, tt := range t.Templates() {
		if tt.Tree != nil && tt.Root != nil {
			instrument(tt.Root, action)
		}
	}
	return nil
}

func instrument(n parse.Node, action parse.Node) {
	switch x := n.(type) {
	case *parse.ListNode:
		if x == nil {
			return
		}
		for _, c := range x.Nodes {
			instrument(c, action)
		}
	case *parse.IfNode:
		instrument(x.List, action)
		instrument(x.ElseList, action)
	case *parse.WithNode:
		instrument(x.List, action)
		instrument(x.ElseList, action)
	case *parse.RangeNode:
		instrument(x.List, action)
		instrument(x.ElseList, action)
		if x.List != nil {
			x.List.Nodes = append([]parse.Node{action}, x.List.Nodes...)
		}
	}
}

// tmplName is the name every narrative template has inside text/template.
const tmplName = "narrative"

// MaxOutput bounds what one text or callout may produce, so that a runaway
// template stops with an error instead of filling the memory.
const MaxOutput = 8 << 20

// limitedBuffer is a bytes.Buffer that refuses to grow beyond max.
type limitedBuffer struct {
	bytes.Buffer
	max  int
	full bool
}

var errFull = errors.New("output limit reached")

func (b *limitedBuffer) Write(p []byte) (int, error) {
	if b.Len()+len(p) > b.max {
		b.full = true
		return 0, errFull
	}
	return b.Buffer.Write(p)
}

var (
	posRe     = lazyregexp.New(`^template: ` + tmplName + `:(\d+)(?::(\d+))?: (.*)$`)
	startedRe = lazyregexp.New(`(.*) started at ` + tmplName + `:(\d+)$`)
)

// templateError turns text/template's message into an Error with a line,
// in words a writer can act on.
func (e *Env) templateError(source string, err error) *Error {
	msg := err.Error()
	out := &Error{Source: source, Msg: strings.TrimPrefix(msg, "template: ")}
	first, rest, _ := strings.Cut(msg, "\n")
	if m := posRe().FindStringSubmatch(first); m != nil {
		out.Line, _ = strconv.Atoi(m[1])
		out.Column, _ = strconv.Atoi(m[2])
		out.Msg = m[3]
		if rest != "" {
			out.Msg += " " + rest
		}
	}
	if m := startedRe().FindStringSubmatch(out.Msg); m != nil {
		// "unclosed action started at narrative:3": the line it started on.
		out.Msg = m[1]
		out.Line, _ = strconv.Atoi(m[2])
		out.Column = 0
	}
	out.Msg = e.explain(out.Msg)
	return out
}

// Errors is every problem found in one text, in the order of the text.
type Errors []*Error

func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Unwrap gives the errors to errors.Is and errors.As.
func (es Errors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

// allErrors turns the first execution error of t into an *Error and, so
// that a writer sees every mistake of a file at once, runs the top-level
// parts of the text after the failing one each on its own to find the
// others. A text that declares variables at the top level is not split
// (a later part may need them), and reports its first error only. The
// result is an *Error when there is one, else Errors.
func (e *Env) allErrors(t *template.Template, funcs template.FuncMap, source string, first error) error {
	te := e.templateError(source, first)
	te.failed = errors.Is(first, ErrFailed)
	nodes := t.Tree.Root.Nodes
	for _, n := range nodes {
		if a, ok := n.(*parse.ActionNode); ok && len(a.Pipe.Decl) > 0 {
			return te
		}
	}
	out := Errors{te}
	seen := map[string]bool{te.Error(): true}
	for _, n := range nodes {
		if n.Position() <= te.pos(e.text) {
			continue
		}
		tree := t.Tree.Copy() // keeps the text, for the error's line
		tree.Root = &parse.ListNode{NodeType: parse.NodeList, Pos: n.Position(), Nodes: []parse.Node{n}}
		part, err := template.New(tmplName).Option("missingkey=error").Funcs(funcs).AddParseTree(tmplName, tree)
		if err != nil {
			break
		}
		if err := part.Execute(&limitedBuffer{max: MaxOutput}, e.Data); err != nil {
			pe := e.templateError(source, err)
			pe.failed = errors.Is(err, ErrFailed)
			if !seen[pe.Error()] {
				seen[pe.Error()] = true
				out = append(out, pe)
			}
		}
	}
	if len(out) == 1 {
		return te
	}
	return out
}

// pos returns the byte offset in text of the error's line and column, or
// the end of the text when it has none.
func (te *Error) pos(text string) parse.Pos {
	if te.Line <= 0 {
		return parse.Pos(len(text))
	}
	off := 0
	for line := 1; line < te.Line; line++ {
		i := strings.IndexByte(text[off:], '\n')
		if i < 0 {
			return parse.Pos(len(text))
		}
		off += i + 1
	}
	return parse.Pos(off + max(te.Column-1, 0))
}

// number writes s, a formatted number, in the briefing's language.
func (e *Env) number(s string) string {
	if e.Number == nil {
		return s
	}
	return e.Number(s)
}
