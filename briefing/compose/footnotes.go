package compose

import (
	"fmt"
	"sort"
	"strings"

	"github.com/briefing/report/analysis/narrative"
	"github.com/briefing/report/config"
	"github.com/briefing/report/internal/suggest"
)

// noteText is one Markdown block for the footnote checks: as written
// (source) and after its template ran (text). A failed block's template
// did not run: its problem is reported, and a footnote defined in its
// source is not reported again as undefined where it is used.
type noteText struct {
	block  config.Block
	source string
	text   string
	failed bool
}

// noteRefs returns where each footnote reference "[^id]" of text is, as
// regexp's FindAllStringSubmatchIndex would for `\[\^([^\]\s]+)\]` (the
// pattern layouts reads them with): the match, then the id. A scan, not
// the regexp: a briefing's texts are checked on every run.
func noteRefs(text string) [][4]int {
	var out [][4]int
	for i := 0; ; {
		j := strings.Index(text[i:], "[^")
		if j < 0 {
			return out
		}
		start := i + j
		if end, ok := noteID(text, start+2); ok && end < len(text) && text[end] == ']' {
			out = append(out, [4]int{start, end + 1, start + 2, end})
			i = end + 1
			continue
		}
		i = start + 2
	}
}

// noteDefs returns where each footnote definition "[^id]:" of text is, as
// FindAllStringSubmatchIndex would for `(?m)^ {0,3}\[\^([^\]\s]+)\]:`:
// the match from the start of its line, then the id.
func noteDefs(text string) [][4]int {
	var out [][4]int
	for ls := 0; ls < len(text); {
		p := ls
		for p < len(text) && p-ls < 3 && text[p] == ' ' {
			p++
		}
		if strings.HasPrefix(text[p:], "[^") {
			if end, ok := noteID(text, p+2); ok && strings.HasPrefix(text[end:], "]:") {
				out = append(out, [4]int{ls, end + 2, p + 2, end})
			}
		}
		nl := strings.IndexByte(text[ls:], '\n')
		if nl < 0 {
			break
		}
		ls += nl + 1
	}
	return out
}

// sourceNoteDefs is noteDefs for a text as written, whose template has
// not run: a definition there may follow template actions at the start of
// its line, as in `{{ if ge .Period.Code "2024-Q3" }}[^id]: …{{ end }}`,
// which leave it at the start of a line once the template runs.
func sourceNoteDefs(source string) [][4]int {
	var out [][4]int
	for ls := 0; ls < len(source); {
		line, _, _ := strings.Cut(source[ls:], "\n")
		p := len(line) - len(strings.TrimLeft(line, " "))
		if p > 3 || !strings.HasPrefix(line[p:], "{{") {
			p = 0 // noteDefs reads the line as it is
		}
		for strings.HasPrefix(line[p:], "{{") {
			end := strings.Index(line[p:], "}}")
			if end < 0 {
				break
			}
			p += end + 2
		}
		for _, m := range noteDefs(line[p:]) {
			out = append(out, [4]int{ls + p + m[0], ls + p + m[1], ls + p + m[2], ls + p + m[3]})
		}
		ls += len(line) + 1
	}
	return out
}

// noteID returns the end of the id that starts at from: bytes up to a
// "]" or white space (as regexp's \s: tab, newline, form feed, carriage
// return, space), at least one.
func noteID(text string, from int) (int, bool) {
	end := from
	for end < len(text) {
		switch text[end] {
		case ']', '\t', '\n', '\f', '\r', ' ':
			return end, end > from
		}
		end++
	}
	return end, end > from
}

// missingNotes are the footnotes that the texts of blocks that ran cite
// and do not define: a text that did not run may define them.
func missingNotes(blocks []noteText) map[string]bool {
	defined, missing := map[string]bool{}, map[string]bool{}
	for _, bl := range blocks {
		for _, m := range noteDefs(bl.text) {
			defined[bl.text[m[2]:m[3]]] = true
		}
	}
	for _, bl := range blocks {
		for _, m := range noteRefs(bl.text) {
			if id := bl.text[m[2]:m[3]]; !defined[id] {
				missing[id] = true
			}
		}
	}
	return missing
}

// noteStandIns is a stand-in definition, "[^id]: (id)", of each footnote
// of missing that source, a text whose template did not run, defines; it
// takes them out of missing, so that one text stands in for each.
func noteStandIns(source string, missing map[string]bool) string {
	var b strings.Builder
	for _, m := range sourceNoteDefs(source) {
		if id := source[m[2]:m[3]]; missing[id] {
			b.WriteString("[^" + id + "]: (" + id + ")\n\n")
			delete(missing, id)
		}
	}
	return b.String()
}

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
	inFailed := map[string]bool{} // defined in a block whose template failed
	var ps config.Problems
	for _, b := range blocks {
		if b.failed {
			for _, m := range sourceNoteDefs(b.source) {
				inFailed[b.source[m[2]:m[3]]] = true
			}
		}
	}
	for _, b := range blocks {
		for _, m := range noteDefs(b.text) {
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
		for _, m := range noteRefs(b.text) {
			id := b.text[m[2]:m[3]]
			if m[1] < len(b.text) && b.text[m[1]] == ':' {
				continue // a definition
			}
			if _, ok := defs[id]; ok || inFailed[id] || reported[id] {
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
