package compose

import (
	"strings"
	"testing"

	"github.com/briefing/report/config"
)

func TestCheckFootnotes(t *testing.T) {
	c := &config.Config{File: "b.yaml"}
	block := func(path, file, text string) noteText {
		return noteText{block: config.Block{Kind: config.BlockText, Path: path, File: file}, source: text, text: text}
	}
	tests := []struct {
		name   string
		blocks []noteText
		want   []string
	}{
		{"OKAcrossFiles", []noteText{block("s[0]", "a.md", "x[^n]"), block("s[1]", "b.md", "[^n]: note")}, nil},
		{"OKSameTextTwice", []noteText{block("s[0]", "a.md", "x[^n]\n\n[^n]: note"), block("s[1]", "b.md", "[^n]:  note")}, nil},
		{"ErrUndefined", []noteText{block("s[0]", "a.md", "one\n\ntwo[^nte]\n"), block("s[1]", "b.md", "[^note]: x")},
			[]string{"a.md:3: s[0]: footnote [^nte] has no definition", "did you mean [^note]?"}},
		// a.md's template failed (its problem said already): the note it
		// defines is not reported again where b.md uses it; one it does
		// not define is
		{"DefinedInAFailedText", []noteText{
			{block: config.Block{Kind: config.BlockText, Path: "s[0]", File: "a.md"}, source: "{{ bad }}x[^n]\n\n[^n]: note", failed: true},
			block("s[1]", "b.md", "y[^n] z[^m]")},
			[]string{"b.md:1: s[1]: footnote [^m] has no definition"}},
		// a failed text's definition inside a template condition, on the
		// line of the action that opens it, counts as one
		{"DefinedUnderAConditionInAFailedText", []noteText{
			{block: config.Block{Kind: config.BlockText, Path: "s[0]", File: "a.md"}, source: "{{ bad }}x[^n]\n\n{{ if .P }}{{- /* c */ -}}[^n]: note{{ end }}\n  {{ if .Q }}[^o]: other{{ end }}", failed: true},
			block("s[1]", "b.md", "y[^n] z[^o]")},
			nil},
		{"ErrTwoTexts", []noteText{block("s[0]", "a.md", "x[^n]\n\n[^n]: one"), block("s[1]", "b.md", "\n[^n]: two")},
			[]string{"b.md:2: s[1]: footnote [^n] has two different texts: here and in a.md, line 3"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := checkFootnotes(c, tc.blocks).Error()
			if len(tc.want) == 0 && got != "" {
				t.Errorf("want no problem, got %s", got)
			}
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("missing %q in %q", w, got)
				}
			}
			if n := strings.Count(got, "footnote ["); n != len(tc.want) && tc.name == "DefinedInAFailedText" {
				t.Errorf("%d problems, want 1: %q", n, got)
			}
		})
	}
}

// sourceNoteDefs finds a definition as the template would leave it: at the
// start of a line, after the actions that open it, and nowhere else.
func TestSourceNoteDefs(t *testing.T) {
	src := "{{ if ge .Period.Code \"2024-Q3\" }}[^a]: A{{ end }}\n[^b]: B\n   {{ x }}{{ y }}[^c]: C\ntext {{ x }}[^d]: not one\n    {{ x }}[^e]: code\n{{ unclosed [^f]: no"
	var ids []string
	for _, m := range sourceNoteDefs(src) {
		if !strings.HasPrefix(src[m[0]:m[1]], "[^") && !strings.HasPrefix(strings.TrimLeft(src[m[0]:m[1]], " "), "[^") {
			t.Errorf("match %q does not start at the definition", src[m[0]:m[1]])
		}
		ids = append(ids, src[m[2]:m[3]])
	}
	if got := strings.Join(ids, " "); got != "a b c" {
		t.Errorf("ids %q, want \"a b c\"", got)
	}
}
