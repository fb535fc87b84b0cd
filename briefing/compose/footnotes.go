package compose

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/briefing/report/analysis/narrative"
	"github.com/briefing/report/config"
	"github.com/briefing/report/internal/suggest"
)

// noteText is one Markdown block for the footnote checks: as written
// (source) and after its template ran (text).
type noteText struct {
	block  config.Block
	source string
	text   string
}

// The same patterns layouts reads footnotes with.
var (
	noteDefRe = regexp.MustCompile(`(?m)^ {0,3}\[\^([^\]\s]+)\]:`)
	noteRefRe = regexp.MustCompile(`\[\^([^\]\s]+)\]`)
)

// noteDef is where a footnote is defined, and its first line of text.
type noteDef struct {
	at   noteText
	line int
	text string
}

// checkFootnotes finds what layouts would only warn about or refuse
// without a line: a reference [^id] that no block defines, and one id
// defined with two different texts. Footnote ids are global.
func checkFootnotes(c *config.Config, blocks []noteText) config.Problems {
	defs := map[string]noteDef{}
	var ps config.Problems
	for _, b := range blocks {
		for _, m := range noteDefRe.FindAllStringSubmatchIndex(b.text, -1) {
			id := b.text[m[2]:m[3]]
			rest, _, _ := strings.Cut(b.text[m[1]:], "\n")
			d := noteDef{at: b, line: b.lineOf("[^"+id+"]:", m[0]), text: strings.Join(strings.Fields(rest), " ")}
			old, ok := defs[id]
			if !ok {
				defs[id] = d
				continue
			}
			if old.text != d.text {
				ps = append(ps, placeNote(c, b, d.line, fmt.Sprintf("footnote [^%s] has two different texts: here and in %s, line %d; give one of them another id",
					id, c.Rel(old.at.where()), old.line)))
			}
		}
	}
	for _, b := range blocks {
		reported := map[string]bool{}
		for _, m := range noteRefRe.FindAllStringSubmatchIndex(b.text, -1) {
			id := b.text[m[2]:m[3]]
			if m[1] < len(b.text) && b.text[m[1]] == ':' {
				continue // a definition
			}
			if _, ok := defs[id]; ok || reported[id] {
				continue
			}
			reported[id] = true
			ids := make([]string, 0, len(defs))
			for k := range defs {
				ids = append(ids, k)
			}
			sort.Strings(ids)
			hint := ""
			if h := suggest.Closest(id, ids); h != "" {
				hint = fmt.Sprintf("; did you mean [^%s]?", h)
			}
			ps = append(ps, placeNote(c, b, b.lineOf("[^"+id+"]", m[0]),
				fmt.Sprintf("footnote [^%s] has no definition (a line \"[^%s]: text\" in any text of the briefing)%s", id, id, hint)))
		}
	}
	return ps
}

// where names the block's file, or its key path for inline Markdown.
func (b noteText) where() string {
	if b.block.File != "" {
		return b.block.File
	}
	return b.block.Path
}

// lineOf is the line of needle in the text as written, else the line of
// offset off in the text the template made.
func (b noteText) lineOf(needle string, off int) int {
	if i := strings.Index(b.source, needle); i >= 0 {
		return strings.Count(b.source[:i], "\n") + 1
	}
	return strings.Count(b.text[:off], "\n") + 1
}

// placeNote places a footnote problem at a line of a block's text.
func placeNote(c *config.Config, b noteText, line int, msg string) config.Problem {
	return templateProblem(c, b.block, &narrative.Error{Source: b.where(), Line: line, Msg: msg})
}
