package config

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/briefing/report/internal/lazyregexp"
	"go.yaml.in/yaml/v3"
)

// maxNodes bounds the YAML nodes walked for positions and key checks, so
// that aliases of aliases (a "billion laughs" file) cannot make a walk
// explode; a real config has a few hundred.
const maxNodes = 200_000

// parseYAML parses YAML (or JSON, a subset of it) into a node tree and
// reports syntax errors, a top level that is not a map, duplicate keys and
// aliases that refer to themselves, each at its line.
func parseYAML(file string, data []byte) (*yaml.Node, Problems) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, Problems{yamlSyntaxProblem(file, data, err)}
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) > 0 {
		root = root.Content[0]
	}
	if root.Kind == 0 || (root.Kind == yaml.ScalarNode && root.Tag == "!!null") {
		return nil, Problems{{File: file, Line: 1, Msg: "empty config file, expected at least report:, data: and sections:"}}
	}
	if root.Kind != yaml.MappingNode {
		return nil, Problems{{File: file, Line: root.Line, Column: root.Column,
			Msg: "expected a map of report:, brand:, data:, analyses:, charts: and sections: at the top, found " + nodeKind(root)}}
	}
	var ps Problems
	seen := 0
	checkNodes(file, root, map[*yaml.Node]bool{}, &seen, &ps)
	ps = append(ps, commentedColours(file, data, root)...)
	if seen > maxNodes {
		ps = append(ps, Problem{File: file, Line: 1, Msg: fmt.Sprintf("the file expands to more than %d values (aliases of aliases?)", maxNodes)})
	}
	return root, ps
}

// checkNodes finds duplicate keys and aliases that contain themselves.
func checkNodes(file string, n *yaml.Node, open map[*yaml.Node]bool, seen *int, ps *Problems) {
	*seen++
	if *seen > maxNodes || n == nil {
		return
	}
	switch n.Kind {
	case yaml.AliasNode:
		if open[n.Alias] {
			*ps = append(*ps, Problem{File: file, Line: n.Line, Column: n.Column,
				Msg: fmt.Sprintf("alias *%s refers to a value that contains it (an endless loop)", n.Value)})
			return
		}
		checkNodes(file, n.Alias, open, seen, ps)
		return
	case yaml.MappingNode:
		first := map[string]*yaml.Node{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if k.Kind == yaml.ScalarNode && k.Value != "<<" {
				if prev, ok := first[k.Value]; ok {
					*ps = append(*ps, Problem{File: file, Line: k.Line, Column: k.Column,
						Msg: fmt.Sprintf("duplicate key %q: already set on line %d; keep one of them", k.Value, prev.Line)})
				} else {
					first[k.Value] = k
				}
			}
		}
	}
	open[n] = true
	for _, c := range n.Content {
		checkNodes(file, c, open, seen, ps)
	}
	delete(open, n)
}

var listColourRe = regexp.MustCompile(`[\[,]\s*#[0-9A-Fa-f]{3}`)

var colourCommentRe = regexp.MustCompile(`^\s*#([0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})\b`)

// commentedColours finds `key: #0B3D5C` written without quotes: YAML reads
// the # as the start of a comment, so the key is silently empty.
func commentedColours(file string, data []byte, root *yaml.Node) Problems {
	lines := splitLines(data)
	var ps Problems
	budget := maxNodes
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if budget--; budget < 0 || n == nil {
			return
		}
		if n.Kind == yaml.MappingNode {
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				if v.Kind == yaml.ScalarNode && v.Tag == "!!null" && v.Value == "" && k.Line >= 1 && k.Line <= len(lines) {
					line := lines[k.Line-1]
					if i := strings.Index(line, k.Value+":"); i >= 0 {
						if m := colourCommentRe.FindStringSubmatch(line[i+len(k.Value)+1:]); m != nil {
							ps = append(ps, Problem{File: file, Line: k.Line, Column: k.Column,
								Msg: fmt.Sprintf("%s is empty: YAML reads # as the start of a comment; write the colour in quotes, \"#%s\"", k.Value, m[1])})
						}
					}
				}
			}
		}
		if n.Kind == yaml.AliasNode {
			return
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(root)
	return ps
}

var lineRe = lazyregexp.New(`line (\d+)(?:, column (\d+))?`)

// yamlSyntaxProblem places a yaml.v3 syntax error. The parser (unlike the
// scanner) reports the 0-based line where the enclosing block starts, so
// those lines move down by one; an unclosed quote or bracket below it is
// named when there is one.
func yamlSyntaxProblem(file string, data []byte, err error) Problem {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	p := Problem{File: file}
	if m := lineRe().FindStringSubmatch(msg); m != nil {
		p.Line, _ = strconv.Atoi(m[1])
		msg = strings.TrimSpace(strings.Replace(msg, m[0]+":", "", 1))
	}
	parser := strings.HasPrefix(msg, "did not find expected") || strings.HasPrefix(msg, "found undefined tag") ||
		strings.HasPrefix(msg, "found duplicate %TAG")
	if parser {
		p.Line++
	}
	lines := splitLines(data)
	p.Line = min(max(p.Line, 1), len(lines))
	hint := ""
	switch {
	case strings.Contains(msg, "tab character") || (p.Line <= len(lines) && strings.HasPrefix(strings.TrimLeft(lines[p.Line-1], " "), "\t")):
		hint = " (YAML indents with spaces, not tabs)"
	case parser || strings.Contains(msg, "end of stream") || strings.Contains(msg, "could not find expected ':'"):
		if l, what := unclosedFrom(lines, p.Line); l > 0 {
			p.Line, hint = l, fmt.Sprintf(" (an unclosed %s on this line?)", what)
			if listColourRe.MatchString(lines[l-1]) {
				hint = " (YAML reads # as the start of a comment: write colours in quotes, \"#0B3D5C\")"
			}
		} else if l := misindented(lines, p.Line); l > 0 {
			p.Line, hint = l, " (its indentation matches none of the keys above it)"
		} else if parser {
			hint = " (check the indentation of this block and the lines below it)"
		}
	case strings.Contains(msg, "mapping values are not allowed"):
		hint = " (a value with \": \" in it needs quotes, or the line is indented too far)"
	}
	p.Msg = "syntax error: " + msg + hint
	return p
}

// misindented returns the first line (1-based), in the block that starts
// at line from, whose indentation matches none of the blocks it could
// belong to, or 0.
func misindented(lines []string, from int) int {
	if from < 1 || from > len(lines) {
		return 0
	}
	base := indentOf(lines[from-1])
	levels := []int{base}
	opens, text := false, -1 // text: the indent of a key whose block scalar runs on
	for i := from - 1; i < len(lines); i++ {
		t := strings.TrimSpace(lines[i])
		if t == "" || t[0] == '#' {
			continue
		}
		ind := indentOf(lines[i])
		if text >= 0 {
			if ind > text {
				continue
			}
			text = -1
		}
		if ind < base {
			return 0
		}
		if opens && ind > levels[len(levels)-1] {
			levels = append(levels, ind)
		}
		for ind < levels[len(levels)-1] {
			levels = levels[:len(levels)-1]
		}
		if ind != levels[len(levels)-1] {
			return i + 1
		}
		if strings.HasPrefix(t, "- ") {
			levels = append(levels, ind+2) // the item's other keys
		}
		opens = opensBlock(t)
		if opens && strings.ContainsAny(t[len(t)-1:], "|>+-") {
			text = ind
			opens = false
		}
	}
	return 0
}

func indentOf(line string) int { return len(line) - len(strings.TrimLeft(line, " ")) }

// opensBlock reports whether a YAML line's value continues on the lines
// below it: "key:", "key: |", "key: >-".
func opensBlock(t string) bool {
	if i := strings.Index(t, " #"); i >= 0 {
		t = strings.TrimSpace(t[:i])
	}
	for _, end := range []string{":", "|", ">", "|-", ">-", "|+", ">+"} {
		if strings.HasSuffix(t, end) {
			return true
		}
	}
	return t == "-"
}

// unclosedFrom returns the first line at or after from (1-based) with an
// unclosed quote or bracket, else the nearest one before it, and what it
// is, or 0.
func unclosedFrom(lines []string, from int) (int, string) {
	for i := max(from-1, 0); i < len(lines); i++ {
		if what := unclosed(lines[i]); what != "" {
			return i + 1, what
		}
	}
	// The parser may stop only at the end of the file: look back.
	for i := min(from-2, len(lines)-1); i >= 0; i-- {
		if what := unclosed(lines[i]); what != "" {
			return i + 1, what
		}
	}
	return 0, ""
}

// unclosed reports what a YAML line leaves open: a quote or a bracket.
func unclosed(line string) string {
	var quote byte
	depth := 0
	for i := 0; i < len(line); i++ {
		ch := line[i]
		switch {
		case quote == '"' && ch == '\\':
			i++
		case quote != 0:
			if ch == quote {
				if quote == '\'' && i+1 < len(line) && line[i+1] == '\'' {
					i++
					continue
				}
				quote = 0
			}
		case ch == '#' && (i == 0 || line[i-1] == ' '):
			i = len(line)
		case ch == '"' || ch == '\'':
			// A quote opens a quoted value only at its start.
			if i == 0 || strings.ContainsRune(" [{,:-", rune(line[i-1])) {
				quote = ch
			}
		case ch == '[' || ch == '{':
			depth++
		case ch == ']' || ch == '}':
			depth--
		}
	}
	switch {
	case quote == '"':
		return `quote (")`
	case quote == '\'':
		return "quote (')"
	case depth > 0:
		return "bracket"
	}
	return ""
}

// jsonSyntaxProblem checks JSON with encoding/json, whose messages fit JSON
// better than YAML's, and places the error by its byte offset.
func jsonSyntaxProblem(file string, data []byte) *Problem {
	var v any
	err := json.Unmarshal(data, &v)
	if err == nil {
		if _, ok := v.(map[string]any); !ok {
			return &Problem{File: file, Line: 1, Msg: "expected an object {\"report\": ..., \"data\": ..., \"sections\": ...} at the top"}
		}
		return nil
	}
	p := &Problem{File: file, Msg: "syntax error: " + err.Error()}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		p.Line, p.Column = lineCol(data, int(se.Offset))
		if se.Offset >= int64(len(bytes.TrimRight(data, " \t\r\n"))) {
			p.Msg = "syntax error: unexpected end of file (an unclosed { or [ or string?)"
		}
	}
	return p
}

// lineCol turns a byte offset into a 1-based line and column. JSON's
// offset is just past the byte that failed.
func lineCol(data []byte, off int) (int, int) {
	if len(data) == 0 {
		return 1, 1
	}
	off = min(max(off, 1), len(data))
	lines := splitLines(data[:off-1])
	return len(lines), len(lines[len(lines)-1]) + 1
}

// splitLines splits text at line breaks as YAML counts them: "\r\n",
// "\n" or a lone "\r" (files from old Mac editors).
func splitLines(data []byte) []string {
	return strings.Split(strings.ReplaceAll(strings.ReplaceAll(string(data), "\r\n", "\n"), "\r", "\n"), "\n")
}

// positioner is go-toml's DecodeError (through viper's wrapping), found
// without importing go-toml.
type positioner interface{ Position() (int, int) }

// parseProblem places an error from viper's decoders: go-toml's position,
// encoding/json's offset or a "line N" in the text.
func parseProblem(file string, data []byte, err error) Problem {
	msg := strings.TrimPrefix(err.Error(), "While parsing config: ")
	msg = strings.TrimPrefix(msg, "yaml: ")
	msg = strings.TrimPrefix(msg, "toml: ")
	p := Problem{File: file, Msg: "syntax error: " + msg}
	var pos positioner
	var se *json.SyntaxError
	switch {
	case errors.As(err, &pos):
		p.Line, p.Column = pos.Position()
	case errors.As(err, &se):
		p.Line, p.Column = lineCol(data, int(se.Offset))
	default:
		if m := lineRe().FindStringSubmatch(msg); m != nil {
			p.Line, _ = strconv.Atoi(m[1])
		}
	}
	p.Msg = strings.Join(strings.Fields(p.Msg), " ")
	return p
}
