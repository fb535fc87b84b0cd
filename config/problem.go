package config

import (
	"fmt"
	"sort"
	"strings"
)

// Problem is one thing wrong with a briefing's input: where it is (file,
// line, column, key path) and what was expected.
type Problem struct {
	File   string
	Line   int // 0 when unknown
	Column int // 0 when unknown
	Path   string
	Msg    string
	// Warning marks a problem that does not stop a run (unless --strict).
	Warning bool

	shape bool // a key whose value has the wrong shape (see dedupe)
}

// Error formats the problem as "file:line:col: path: msg".
func (p Problem) Error() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d", p.Line)
		if p.Column > 0 {
			fmt.Fprintf(&b, ":%d", p.Column)
		}
	}
	b.WriteString(": ")
	if p.Warning {
		b.WriteString("warning: ")
	}
	if p.Path != "" {
		b.WriteString(p.Path)
		b.WriteString(": ")
	}
	b.WriteString(p.Msg)
	return b.String()
}

// Problems is every problem found in one run; it is an error when it holds
// at least one problem that is not a warning.
type Problems []Problem

// Error joins the problems, one per line.
func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.Error()
	}
	return strings.Join(lines, "\n")
}

// Errors returns the problems that are not warnings.
func (ps Problems) Errors() Problems {
	var out Problems
	for _, p := range ps {
		if !p.Warning {
			out = append(out, p)
		}
	}
	return out
}

// Warnings returns the problems that are warnings.
func (ps Problems) Warnings() Problems {
	var out Problems
	for _, p := range ps {
		if p.Warning {
			out = append(out, p)
		}
	}
	return out
}

// Sort orders problems by file, line, column and path, so a run reports
// them in reading order.
func (ps Problems) Sort() {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		return a.Path < b.Path
	})
}

// Problemf returns a problem at the config key path, with the line and
// column of that key when the config file has positions. A value set by
// --set or an environment variable is placed there instead.
func (c *Config) Problemf(path, format string, args ...any) Problem {
	msg := fmt.Sprintf(format, args...)
	if where, ok := c.origin[strings.ToLower(path)]; ok {
		return Problem{File: where, Path: path, Msg: msg}
	}
	line, col := c.pos.find(path)
	return Problem{File: c.File, Line: line, Column: col, Path: path, Msg: msg}
}

// dedupe drops a problem that repeats another at the same place, and a
// problem whose key path already has a problem about its shape (a list
// where a map belongs says all there is to say about that key).
func (ps Problems) dedupe() Problems {
	shape := map[string]bool{}
	for _, p := range ps {
		if p.shape {
			shape[p.File+"\x00"+p.Path] = true
		}
	}
	var out Problems
	for _, p := range ps {
		if !p.shape && shape[p.File+"\x00"+p.Path] {
			continue
		}
		out = append(out, p)
	}
	return out.Unique()
}

// Unique drops each problem that says what one before it says, at the same
// place (a label met on a chart's axis and in its legend).
func (ps Problems) Unique() Problems {
	seen := map[string]bool{}
	var out Problems
	for _, p := range ps {
		if k := p.Error(); !seen[k] {
			seen[k] = true
			out = append(out, p)
		}
	}
	return out
}

// Has reports whether ps holds a problem that says what p says, at the
// same place.
func (ps Problems) Has(p Problem) bool {
	k := p.Error()
	for _, q := range ps {
		if q.Error() == k {
			return true
		}
	}
	return false
}

// Warningf is Problemf for a problem that does not stop the run.
func (c *Config) Warningf(path, format string, args ...any) Problem {
	p := c.Problemf(path, format, args...)
	p.Warning = true
	return p
}
