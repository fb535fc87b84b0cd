package briefing

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/briefing/report/analysis"
	"github.com/briefing/report/config"
	"github.com/briefing/report/layouts"
)

var (
	codeRe  = regexp.MustCompile(`U\+([0-9A-F]{4,6})`)
	tableRe = regexp.MustCompile(`^table (.+?)(?:, row \d+)?$`)
)

// layoutProblems turns the warnings of the layout into problems placed
// where the text was written: a Markdown file and its line, a config key,
// or a data file and its line. A missing glyph also names the text and the
// font.
func layoutProblems(c *config.Config, res *analysis.Results, ws []layouts.Warning) config.Problems {
	var ps config.Problems
	for _, w := range ws {
		msg := w.Msg
		var runes []rune
		if strings.Contains(msg, "glyph") {
			for _, m := range codeRe.FindAllStringSubmatch(msg, -1) {
				if n, err := strconv.ParseUint(m[1], 16, 32); err == nil {
					runes = append(runes, rune(n))
				}
			}
			font := ""
			if !strings.Contains(msg, "font \"") {
				font = "font: " + fontName(c) + "; "
			}
			msg = fmt.Sprintf("text %q: %s (%sset brand.fonts to TrueType files that have them)", w.Text, msg, font)
		} else if w.Text != "" {
			msg = fmt.Sprintf("%s: %q", msg, w.Text)
		}
		p := placeWarning(c, res, w, runes)
		p.Msg, p.Warning = msg, true
		if !ps.Has(p) {
			ps = append(ps, p)
		}
	}
	return ps
}

// placeWarning finds where the text of a warning was written.
func placeWarning(c *config.Config, res *analysis.Results, w layouts.Warning, runes []rune) config.Problem {
	src := w.Source
	for _, s := range c.Sections {
		for _, b := range s.Blocks {
			if b.Kind != config.BlockText && b.Kind != config.BlockCallout {
				continue
			}
			if b.File != "" && (src == b.File || src == c.Rel(b.File)) {
				return config.Problem{File: b.File, Line: lineWith(b.File, runes, w.Text), Path: b.Path}
			}
			if b.File == "" && src == b.Path {
				p := c.Problemf(b.Path+"."+string(b.Kind), "")
				if p.Line > 0 {
					if l := lineIn(b.Markdown, runes, w.Text); l > 0 {
						p.Line, p.Column = p.Line+l, 0
					}
				}
				return p
			}
		}
	}
	switch {
	case strings.HasPrefix(src, "figure "):
		id := strings.TrimPrefix(src, "figure ")
		ch := c.Charts[id]
		for _, k := range []struct{ key, text string }{{"title", ch.Title}, {"caption", ch.Caption}, {"source", ch.Source}} {
			if hasAny(k.text, nil, w.Text) {
				return c.Problemf("charts."+id+"."+k.key, "")
			}
		}
		return c.Problemf("charts."+id, "")
	case tableRe.MatchString(src):
		id := tableRe.FindStringSubmatch(src)[1]
		if d, ok := res.Datasets[id]; ok && len(runes) > 0 {
			for _, f := range d.Files {
				if l := lineWith(f.Path, runes, ""); l > 0 {
					return config.Problem{File: f.Path, Line: l, Path: "data." + id}
				}
			}
		}
		if _, ok := c.Analyses[id]; ok {
			return c.Problemf("analyses."+id, "")
		}
		return c.Problemf("data."+id, "")
	case strings.HasPrefix(src, "report.") || strings.HasPrefix(src, "brand.") || strings.HasPrefix(src, "sections["):
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

// lineWith is the line of a file where the text is written, else the
// first line with one of runes, or 0. Data files are read as a stream.
func lineWith(path string, runes []rune, text string) int {
	f, err := os.Open(path)
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 16<<20)
	first := 0
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if hasAny(line, nil, text) {
			return n
		}
		if first == 0 && hasAny(line, runes, "") {
			first = n
		}
	}
	return first
}

// lineIn is lineWith for a text in memory.
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

var (
	blockRe    = regexp.MustCompile(`sections\[(\d+)\]\.blocks\[(\d+)\]: `)
	figNumRe   = regexp.MustCompile(`figure "Figure (\d+)\.`)
	figIDRe    = regexp.MustCompile(`figure "([a-z][a-z0-9_]*)"`)
	tableIDRe  = regexp.MustCompile(`table "([^"]+)"`)
	twoNotesRe = regexp.MustCompile(`footnote \[\^[^\]]+\] has two different texts: in (\S+) and in`)
)

// layoutProblem places an error of the layout at the config key (a chart,
// a table block) or file it comes from, so that the user knows what to
// change.
func layoutProblem(c *config.Config, doc layouts.Document, err error) config.Problem {
	msg := err.Error()
	if m := blockRe.FindStringSubmatch(msg); m != nil {
		return c.Problemf("sections["+m[1]+"].blocks["+m[2]+"]", "%s", blockRe.ReplaceAllString(msg, ""))
	}
	if m := figNumRe.FindStringSubmatch(msg); m != nil {
		figs, _ := layouts.Numbering(doc)
		n, _ := strconv.Atoi(m[1])
		for id, k := range figs {
			if k == n {
				return chartProblem(c, id, msg)
			}
		}
	}
	if m := figIDRe.FindStringSubmatch(msg); m != nil {
		if _, ok := c.Charts[m[1]]; ok {
			return chartProblem(c, m[1], msg)
		}
	}
	if m := tableIDRe.FindStringSubmatch(msg); m != nil {
		for _, s := range c.Sections {
			for _, b := range s.Blocks {
				if b.Kind == config.BlockTable && (b.Dataset == m[1] || b.Analysis == m[1]) {
					return c.Problemf(b.Path+".table", "%s", msg)
				}
			}
		}
	}
	if m := twoNotesRe.FindStringSubmatch(msg); m != nil {
		return config.Problem{File: m[1], Msg: msg}
	}
	return config.Problem{File: c.File, Msg: "the briefing cannot be laid out: " + msg}
}

func chartProblem(c *config.Config, id, msg string) config.Problem {
	if c.Charts[id].Height > 0 {
		return c.Problemf("charts."+id+".height", "%s: lower the height", msg)
	}
	return c.Problemf("charts."+id, "%s", msg)
}
