package briefing

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/briefing/report/analysis"
	"github.com/briefing/report/config"
	"github.com/briefing/report/layouts"
)

// layoutProblems turns the warnings of the layout into problems placed
// where the text was written: a Markdown file and its line, a config key,
// or a data file and the line its table row was read from. A missing
// glyph also names the text and the font.
func layoutProblems(c *config.Config, res *analysis.Results, ws []layouts.Warning) config.Problems {
	var ps config.Problems
	for _, w := range ws {
		msg := w.Msg
		if len(w.Runes) > 0 {
			font := ""
			if w.Font == "" {
				font = "font: " + fontName(c) + "; "
			}
			hint := fmt.Sprintf(" (%sset brand.fonts, or brand.fonts.fallback, to TrueType files that have them)", font)
			if w.Unshaped {
				hint = ""
			}
			msg = fmt.Sprintf("text %q: %s%s", w.Text, msg, hint)
		} else if w.Text != "" {
			msg = fmt.Sprintf("%s: %q", msg, w.Text)
		}
		p := placeWarning(c, res, w)
		p.Msg, p.Warning = msg, true
		if !ps.Has(p) {
			ps = append(ps, p)
		}
	}
	return ps
}

// placeWarning finds where the text of a warning was written.
func placeWarning(c *config.Config, res *analysis.Results, w layouts.Warning) config.Problem {
	switch {
	case w.Figure != "":
		id := w.Figure
		if w.Field == "title" || w.Field == "caption" || w.Field == "source" {
			return c.Problemf("charts."+id+"."+w.Field, "")
		}
		return c.Problemf("charts."+id, "")
	case w.Table != "":
		id := w.Table
		if w.At.File != "" && w.At.Line > 0 {
			return config.Problem{File: w.At.File, Line: w.At.Line, Path: "data." + id}
		}
		if _, ok := c.Analyses[id]; ok {
			return c.Problemf("analyses."+id, "")
		}
		if _, ok := res.Datasets[id]; ok {
			return c.Problemf("data."+id, "")
		}
	}
	src := w.Source
	if w.Table != "" && src == "" {
		src = w.Table // a table written in Markdown is named by its text's source
	}
	for _, s := range c.Sections {
		for _, b := range s.Blocks {
			if b.Kind != config.BlockText && b.Kind != config.BlockCallout {
				continue
			}
			if b.File != "" && (src == b.File || src == c.Rel(b.File)) {
				return config.Problem{File: b.File, Line: lineWith(b.File, w.Runes, w.Text), Path: b.Path}
			}
			if b.File == "" && src == b.Path {
				p := c.Problemf(b.Path+"."+string(b.Kind), "")
				if p.Line > 0 {
					if l := lineIn(b.Markdown, w.Runes, w.Text); l > 0 {
						p.Line, p.Column = p.Line+l, 0
					}
				}
				return p
			}
		}
	}
	if strings.HasPrefix(src, "report.") || strings.HasPrefix(src, "brand.") || strings.HasPrefix(src, "sections[") {
		return c.Problemf(src, "")
	}
	return config.Problem{File: src}
}

// fontName names the document's body font for a warning.
func fontName(c *config.Config) string {
	f := c.Brand.Fonts
	var set []string
	for _, p := range []string{f.Regular, f.Bold, f.Italic, f.BoldItalic} {
		if p != "" {
			set = append(set, filepath.Base(p))
		}
	}
	if len(set) == 0 {
		return "Go, embedded"
	}
	return strings.Join(set, ", ")
}

// lineWith is the line of a Markdown file where the text is written,
// else the first line with one of runes, or 0.
func lineWith(path string, runes []rune, text string) int {
	data, err := os.ReadFile(path)
	if err != nil {
		return 0
	}
	return lineIn(string(data), runes, text)
}

// lineIn is the line of s where the text is written, else the first line
// with one of runes, or 0.
func lineIn(s string, runes []rune, text string) int {
	first := 0
	for i, line := range strings.Split(s, "\n") {
		if hasAny(line, nil, text) {
			return i + 1
		}
		if first == 0 && hasAny(line, runes, "") {
			first = i + 1
		}
	}
	return first
}

// hasAny reports whether line has one of runes, or (without runes) the
// text of an excerpt.
func hasAny(line string, runes []rune, text string) bool {
	if len(runes) > 0 {
		return strings.ContainsAny(line, string(runes))
	}
	t := strings.TrimSpace(strings.TrimSuffix(text, "…"))
	return t != "" && strings.Contains(strings.Join(strings.Fields(line), " "), t)
}

// layoutProblem places an error of the layout at the config key (a chart,
// a table block) or file it comes from, so that the user knows what to
// change.
func layoutProblem(c *config.Config, err error) config.Problem {
	msg := err.Error()
	var be *layouts.BlockError
	var se *layouts.SourceError
	switch {
	case errors.As(err, &be) && be.Section >= 0 && be.Section < len(c.Sections) && be.Block >= 0 && be.Block < len(c.Sections[be.Section].Blocks):
		b := c.Sections[be.Section].Blocks[be.Block]
		switch be.Kind {
		case "figure":
			return chartProblem(c, b.Chart, msg)
		case "table":
			return c.Problemf(b.Path+".table", "%s", msg)
		}
		return c.Problemf(b.Path, "%s", strings.TrimPrefix(msg, b.Path+": "))
	case errors.As(err, &se):
		return config.Problem{File: se.Source, Msg: se.Msg}
	}
	return config.Problem{File: c.File, Msg: "the briefing cannot be laid out: " + msg}
}

func chartProblem(c *config.Config, id, msg string) config.Problem {
	if c.Charts[id].Height > 0 {
		return c.Problemf("charts."+id+".height", "%s: lower the height", msg)
	}
	return c.Problemf("charts."+id, "%s", msg)
}
