package mdext

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// markdownCases exercise each extension, and where they meet.
var markdownCases = []string{
	// footnotes
	"Text[^1] and again[^1], then[^b].\n\n[^1]: The first.\n[^b]: The second,\n    on two lines.\n",
	"Unknown [^x] and [^] and [^ a].\n\n[^y]: Defined, never used.\n",
	"Nested [^n].\n\n[^n]: Has a list:\n\n    - one\n    - two [^m]\n\n[^m]: The inner.\n",
	"[^1]: Before the text.\n\nThen the text[^1].\n",
	// tables
	"| Year | TIV | Share |\n|:-----|----:|:-----:|\n| 2024 | 1,2 | 3% |\n| 2025 | `a|b` | \\| |\n",
	"a | b\n--|--\n1 | 2\n3\n",
	"| a |\n| - |\n| b | c | d |\n\nNot | a | table\n-- | x\n",
	"Para before\n| a | b |\n|---|---|\n| 1 | 2 |\n",
	// typographer
	"\"Quoted\" and 'single' -- dash --- em... <<angle>> it's the '90s, \"Monitor 21\"\"",
	"*'emphasis'* and \"nested 'quotes' here\" and ''' and \"\"\"",
	// linkify
	"See https://www.sipri.org/databases/armstransfers. Or (http://example.com/a(b)c). Or www.example.org/x?y=1&amp;",
	"Mail someone@example.com, or ftp://files.example.net:21/pub/; or *https://e.com/x*_ and ~www.e.com~",
	"Not links: http:// alone, https://localhost, www.nodot, http://EXAMPLE.COM, foo.bar@, @x.y",
	"[a link https://inside.example.com](https://target.example.com) and <https://auto.example.com>",
	"https://" + strings.Repeat("h", 300) + ".com/path and www." + strings.Repeat("w", 256) + ".org",
	"Ends with a dot https://e.com/a. and a paren (see https://e.com/b) and ;&amp; https://e.com/c&amp;",
	// together
	"| Source | Link |\n|---|---|\n| SIPRI[^s] | https://www.sipri.org \"TIV\" |\n\n[^s]: SIPRI -- the 'Arms Transfers Database'...\n",
}

// markdownFiles are the narratives of the briefings in testdata.
func markdownFiles(t *testing.T) []string {
	var out []string
	for _, dir := range []string{"../../testdata/russia-china/narrative", "../../testdata/arabic/narrative"} {
		files, err := filepath.Glob(filepath.Join(dir, "*.md"))
		if err != nil || len(files) == 0 {
			t.Fatalf("no Markdown in %s: %v", dir, err)
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, string(b))
		}
	}
	return out
}

func TestSameTreeAsGoldmark(t *testing.T) {
	theirs := goldmark.New(goldmark.WithExtensions(extension.Footnote, extension.Typographer, extension.Linkify, extension.Table))
	ours := goldmark.New(goldmark.WithExtensions(Footnote, Typographer, Linkify, Table))
	for i, src := range append(markdownCases, markdownFiles(t)...) {
		want := dumpTree(theirs, src)
		got := dumpTree(ours, src)
		if got != want {
			t.Errorf("case %d: the trees differ\n--- goldmark's extensions\n%s\n--- mdext\n%s", i, want, got)
		}
	}
}

func FuzzSameTreeAsGoldmark(f *testing.F) {
	for _, src := range markdownCases {
		f.Add(src)
	}
	theirs := goldmark.New(goldmark.WithExtensions(extension.Footnote, extension.Typographer, extension.Linkify, extension.Table))
	ours := goldmark.New(goldmark.WithExtensions(Footnote, Typographer, Linkify, Table))
	f.Fuzz(func(t *testing.T, src string) {
		if want, got := dumpTree(theirs, src), dumpTree(ours, src); got != want {
			t.Errorf("the trees of %q differ\n--- goldmark's extensions\n%s\n--- mdext\n%s", src, want, got)
		}
	})
}

// TestTypographer_WritesCharacters: every substitution is the character
// goldmark's entity for it stands for, not an entity (which would make
// the layout resolve it through goldmark's table of every entity).
func TestTypographer_WritesCharacters(t *testing.T) {
	src := []byte("'single' \"double\" -- en --- em ... dots <<angle>> it's \"nested 'one'\"")
	theirs := goldmark.New(goldmark.WithExtensions(extension.Typographer)).Parser().Parse(text.NewReader(src))
	ours := goldmark.New(goldmark.WithExtensions(Typographer)).Parser().Parse(text.NewReader(src))
	want, got := stringsOf(theirs), stringsOf(ours)
	if len(got) != len(want) {
		t.Fatalf("%d substitutions, goldmark's typographer made %d", len(got), len(want))
	}
	seen := map[string]bool{}
	for i := range got {
		seen[got[i]] = true
		if strings.Contains(got[i], "&") || got[i] != string(util.ResolveEntityNames([]byte(want[i]))) {
			t.Errorf("substitution %d is %q, want the character of goldmark's %q", i, got[i], want[i])
		}
	}
	if len(seen) != 9 { // ‘ ’ “ ” – — … « »
		t.Errorf("the typographer wrote %d different substitutions, want all 9: %v", len(seen), seen)
	}
}

// stringsOf lists the values of the String nodes under root, in order.
func stringsOf(root ast.Node) []string {
	var out []string
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if s, ok := n.(*ast.String); ok && entering {
			out = append(out, string(s.Value))
		}
		return ast.WalkContinue, nil
	})
	return out
}

// dumpTree parses src with md and prints its tree: each node's kind, what
// the extensions set on it, its text and its lines.
func dumpTree(md goldmark.Markdown, src string) string {
	source := []byte(src)
	root := md.Parser().Parse(text.NewReader(source))
	var b strings.Builder
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		depth := 0
		for p := n.Parent(); p != nil; p = p.Parent() {
			depth++
		}
		fmt.Fprintf(&b, "%s%s", strings.Repeat("  ", depth), n.Kind())
		switch v := n.(type) {
		case *ast.Text:
			fmt.Fprintf(&b, " %q soft=%v hard=%v raw=%v", v.Segment.Value(source), v.SoftLineBreak(), v.HardLineBreak(), v.IsRaw())
		case *ast.String:
			// goldmark's typographer writes entities, this one the
			// characters they stand for (typographer.go): compared as read
			fmt.Fprintf(&b, " %q code=%v raw=%v", util.ResolveEntityNames(v.Value), v.IsCode(), v.IsRaw())
		case *ast.AutoLink:
			fmt.Fprintf(&b, " %q type=%d protocol=%q", v.URL(source), v.AutoLinkType, v.Protocol)
		case *ast.Link:
			fmt.Fprintf(&b, " %q %q", v.Destination, v.Title)
		case *extast.FootnoteLink:
			fmt.Fprintf(&b, " index=%d refs=%d ref=%d", v.Index, v.RefCount, v.RefIndex)
		case *extast.FootnoteBacklink:
			fmt.Fprintf(&b, " index=%d refs=%d ref=%d", v.Index, v.RefCount, v.RefIndex)
		case *extast.Footnote:
			fmt.Fprintf(&b, " %q index=%d", v.Ref, v.Index)
		case *extast.FootnoteList:
			fmt.Fprintf(&b, " count=%d", v.Count)
		case *extast.Table:
			fmt.Fprintf(&b, " %v", v.Alignments)
		case *extast.TableCell:
			fmt.Fprintf(&b, " %v", v.Alignment)
		}
		if n.Type() == ast.TypeBlock {
			for i := 0; i < n.Lines().Len(); i++ {
				line := n.Lines().At(i)
				fmt.Fprintf(&b, " | %q", line.Value(source))
			}
		}
		for _, a := range n.Attributes() {
			fmt.Fprintf(&b, " %s=%v", a.Name, a.Value)
		}
		b.WriteByte('\n')
		return ast.WalkContinue, nil
	})
	return b.String()
}
