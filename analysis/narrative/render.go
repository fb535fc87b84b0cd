package narrative

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"text/template"
	"time"

	"github.com/briefing/report/analysis"
	"github.com/briefing/report/internal/period"
)

// Env is what a narrative template can see: the results, the numbers of
// figures and tables, and the data fields (.Period, .Report, .AsOf).
type Env struct {
	Results *analysis.Results
	Figures map[string]int // chart id -> figure number
	Tables  map[string]int // table id -> table number
	Data    Data
}

// Data is the dot of every narrative template.
type Data struct {
	Period period.Period
	Report ReportInfo
	AsOf   time.Time
}

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
// produces. Errors are *Error with the line in text.
func (e *Env) Render(source, text string) (string, error) {
	t, err := template.New(source).Option("missingkey=error").Funcs(e.funcs()).Parse(text)
	if err != nil {
		return "", templateError(source, err)
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, e.Data); err != nil {
		return "", templateError(source, err)
	}
	return buf.String(), nil
}

var posRe = regexp.MustCompile(`^template: .*?:(\d+)(?::(\d+))?: (.*)$`)

// templateError turns text/template's message into an Error with a line.
func templateError(source string, err error) *Error {
	msg := err.Error()
	out := &Error{Source: source, Msg: msg}
	first, rest, _ := strings.Cut(msg, "\n")
	if m := posRe.FindStringSubmatch(first); m != nil {
		out.Line, _ = strconv.Atoi(m[1])
		out.Column, _ = strconv.Atoi(m[2])
		out.Msg = cleanMessage(m[3])
		if rest != "" {
			out.Msg += " " + rest
		}
	}
	return out
}

var callRe = regexp.MustCompile(`^executing ".*?" at <(.*?)>: (?:error calling \w+: )?(.*)$`)

// cleanMessage keeps what a writer needs from text/template's wording.
func cleanMessage(m string) string {
	if c := callRe.FindStringSubmatch(m); c != nil {
		return fmt.Sprintf("in {{ %s }}: %s", c[1], c[2])
	}
	return m
}
