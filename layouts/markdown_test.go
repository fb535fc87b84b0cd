package layouts

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

func TestLayout_HeadingNumbers(t *testing.T) {
	doc := baseDoc(
		Section{Title: "Alpha", Blocks: []Content{Markdown{Source: "a.md", Text: "# Top\n\nText.\n\n## Deeper\n\nText.\n\n# Second top\n\nText."}}},
		Section{Title: "Beta", Blocks: []Content{Markdown{Source: "b.md", Text: "## Only level two\n\nText."}}},
	)
	p := MustLayout(t, doc)
	var got []string
	for _, h := range p.Headings {
		got = append(got, fmt.Sprintf("%d|%s|%s|%v", h.Level, h.Number, h.Title, h.InTOC))
	}
	want := []string{"1||Contents|false", "1|1|Alpha|true", "2|1.1|Top|true", "3|1.1.1|Deeper|false", "2|1.2|Second top|true",
		"1|2|Beta|true", "2|2.1|Only level two|true"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("headings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestLayout_MarkdownBlocks(t *testing.T) {
	text := "Intro with `code`, a [link](https://example.org) and <https://example.org/auto>.\n\n" +
		"1. one\n2. two\n   - nested\n     - deeper\n\n" +
		"> quoted first\n>\n> quoted second\n\n" +
		"```\nfunc main() {\n\tprintln(\"hi\")\n}\n```\n\n---\n\n" +
		"A https://example.org/an/extremely/long/url/that/cannot/possibly/fit/on/one/line/of/the/page/without/being/broken/somewhere/in/the/middle/of/it ok."
	p := MustLayout(t, baseDoc(Section{Title: "Blocks", Blocks: []Content{Markdown{Source: "m.md", Text: text}}}))
	checkPlan(t, p)
	kinds := map[string]int{}
	for _, pg := range p.Pages {
		for _, it := range pg.Items {
			kinds[it.Kind]++
		}
	}
	if kinds["paragraph"] != 8 || kinds["code"] != 1 || kinds["rule"] != 1 {
		t.Errorf("kinds %v", kinds)
	}
	ps, _ := items(p, "paragraph")
	if last := ps[len(ps)-1]; last.Total < 2 {
		t.Errorf("long URL paragraph has %d lines, want it broken", last.Total)
	}
}

func TestLayout_CalloutSplits(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 70; i++ {
		fmt.Fprintf(&b, "- Judgment %d: %s\n", i+1, para(i, 1))
	}
	p := MustLayout(t, baseDoc(Section{Title: "Key judgments", Blocks: []Content{
		Markdown{Source: "kj.md", Callout: true, Title: "Key judgments", Text: b.String()},
	}}))
	checkPlan(t, p)
	cs, pages := items(p, "callout")
	if len(cs) < 2 {
		t.Fatalf("callout in %d parts, want it split", len(cs))
	}
	for i, c := range cs[1:] {
		if !strings.HasSuffix(c.Text, "(continued)") || pages[i+1] == pages[i] {
			t.Errorf("part %d: %q on page %d", i+2, c.Text, pages[i+1])
		}
	}
}

func TestLayout_FootnoteWarnings(t *testing.T) {
	p := MustLayout(t, baseDoc(Section{Title: "S", Blocks: []Content{
		Markdown{Source: "a.md", Text: "Cites a note.[^yes] See [Figure 9](#fig:nine).\n\n[^yes]: Cited.\n[^unused]: Never cited."},
	}}))
	var msgs []string
	for _, w := range p.Warnings {
		msgs = append(msgs, w.String())
	}
	want := []string{"a.md: footnote defined but never referenced; left out: \"[^unused]\"", "a.md: link to a place the document does not have: \"#fig:nine\""}
	if strings.Join(msgs, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(msgs, "\n"), strings.Join(want, "\n"))
	}
}

func TestLayout_FootnoteUndefined(t *testing.T) {
	for _, tc := range []struct {
		name string
		mds  []Markdown
		want []string // in the error; none: no error
	}{
		{"ErrUndefined", []Markdown{{Source: "narrative/a.md", Text: "Cites a missing note.[^nope]"}},
			[]string{"narrative/a.md: footnote [^nope] is used but not defined in any text"}},
		{"ErrUndefinedInTwoFiles", []Markdown{
			{Source: "a.md", Text: "One.[^x] Two.[^y] Again.[^x]\n\n[^y]: Defined."},
			{Source: "b.md", Text: "Three.[^z]"}},
			[]string{"a.md: footnote [^x] is used", "b.md: footnote [^z] is used"}},
		{"ErrUndefinedInLinkText", []Markdown{{Source: "a.md", Text: "[see [^n]](https://example.org)"}},
			[]string{"a.md: footnote [^n]"}},
		{"ErrUndefinedInCallout", []Markdown{{Source: "kj.md", Callout: true, Title: "KJ", Text: "- Judgment.[^kj]"}},
			[]string{"kj.md: footnote [^kj]"}},
		{"DefinedInAnotherFile", []Markdown{
			{Source: "a.md", Text: "Uses b's note.[^b]"},
			{Source: "b.md", Text: "Defines it.[^b]\n\n[^b]: The note."}}, nil},
		{"CodeAndEscapesAreText", []Markdown{{Source: "a.md", Text: "The pattern `[^x]` and the text \\[^y] are no references.\n\n    [^z] in code"}}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var blocks []Content
			for _, md := range tc.mds {
				blocks = append(blocks, md)
			}
			_, err := Layout(baseDoc(Section{Title: "S", Blocks: blocks}))
			if tc.want == nil {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not say %q", err, w)
				}
			}
			if n := strings.Count(err.Error(), "[^"); n != len(tc.want) {
				t.Errorf("error %q names %d footnotes, want %d", err, n, len(tc.want))
			}
			var se *SourceError
			if !errors.As(err, &se) || se.Source != tc.mds[0].Source {
				t.Errorf("error %v is not a SourceError naming %s", err, tc.mds[0].Source)
			}
		})
	}
}

func TestLayout_FootnoteMarkers(t *testing.T) {
	p := MustLayout(t, baseDoc(Section{Title: "S", Blocks: []Content{
		Markdown{Source: "a.md", Text: "First.[^a][^b] Later.[^a]\n\n[^a]: Note A.\n[^b]: Note B."},
	}}))
	ps, _ := items(p, "paragraph")
	// consecutive markers are set apart by a comma; the same id keeps its number
	if len(ps) == 0 || ps[0].Text != "First.1,2 Later.1" {
		t.Errorf("paragraph %q", ps[0].Text)
	}
	notes, _ := items(p, "endnote")
	if len(notes) != 2 || notes[0].Text != "Note A." || notes[1].Text != "Note B." {
		t.Errorf("endnotes %+v", notes)
	}
	if a, ok := p.anchors["fn:2"]; !ok || a.page != len(p.Pages) {
		t.Errorf("endnote 2 target %+v", a)
	}
}

func TestLayout_EmptyDocument(t *testing.T) {
	p := MustLayout(t, Document{Title: "Nothing yet"})
	if len(p.Pages) != 1 || p.Pages[0].Template != "cover" {
		t.Errorf("%d pages, want the cover alone:\n%s", len(p.Pages), p.Dump())
	}
}

func TestLayout_TableRowTooTall(t *testing.T) {
	doc := baseDoc(Section{Title: "S", Blocks: []Content{Table{ID: "huge", Columns: []Column{{Header: "Text"}},
		Rows: [][]string{{"short"}, {strings.Repeat("word ", 6000)}}}}})
	_, err := Layout(doc)
	if err == nil || !strings.Contains(err.Error(), `table "huge": row 2`) {
		t.Fatalf("error %v, want one naming row 2", err)
	}
}

func TestRender_BrandFonts(t *testing.T) {
	dir := "/usr/share/fonts/truetype/dejavu/"
	f := Fonts{Regular: dir + "DejaVuSans.ttf", Bold: dir + "DejaVuSans-Bold.ttf", Italic: dir + "DejaVuSans-Oblique.ttf", BoldItalic: dir + "DejaVuSans-BoldOblique.ttf"}
	for _, path := range []string{f.Regular, f.Bold, f.Italic, f.BoldItalic} {
		if _, err := os.Stat(path); err != nil {
			t.Skip("DejaVu fonts not installed")
		}
	}
	doc := demoDoc()
	doc.Brand.Fonts = f
	var buf bytes.Buffer
	res, err := Render(doc, &buf)
	if err != nil {
		t.Fatal(err)
	}
	checkPlan(t, res.Plan)
	if len(res.Warnings) != 1 { // the CJK and the emoji, as with the Go fonts
		t.Errorf("warnings %v", res.Warnings)
	}
}

// TestTypographic_ReadAsCharacters: every String the typographer writes
// reads as a character, all nine of them, and an entity in a String is
// still resolved.
func TestTypographic_ReadAsCharacters(t *testing.T) {
	src := []byte("'single' \"double\" -- en --- em ... dots <<angle>> it's \"nested 'one'\"")
	root := newMarkdown().Parser().Parse(text.NewReader(src))
	seen := map[string]bool{}
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if s, ok := n.(*ast.String); ok && entering {
			got := stringOf(s)
			seen[got] = true
			if strings.Contains(got, "&") || utf8.RuneCountInString(got) != 1 {
				t.Errorf("the typographer's %q reads as %q, want one character", s.Value, got)
			}
		}
		return ast.WalkContinue, nil
	})
	if len(seen) != 9 { // ‘ ’ “ ” – — … « »
		t.Errorf("the typographer wrote %d different characters, want all 9: %v", len(seen), seen)
	}
	if got := stringOf(ast.NewString([]byte("&amp;&#x2013;"))); got != "&\u2013" {
		t.Errorf("stringOf of other entities = %q, want them resolved", got)
	}
}

// An image's alternative text is printed as the text reads: the
// typographer's quotes and dashes as characters, not HTML entities, and
// the writer's entities, references and escapes resolved.
func TestLayout_ImageAltTextReadsAsText(t *testing.T) {
	p := MustLayout(t, baseDoc(Section{Title: "S", Blocks: []Content{
		Markdown{Source: "a.md", Text: "See ![The \"alt\" -- text, A &amp; B \\*star\\* &#169;](x.png) here."},
	}}))
	want := "The \u201calt\u201d \u2013 text, A & B *star* \u00a9"
	if dump := p.Dump(); !strings.Contains(dump, "["+want+"]") {
		t.Errorf("the alt text is not printed as %q:\n%s", want, dump)
	}
	if len(p.Warnings) != 1 || !strings.Contains(p.Warnings[0].String(), want) {
		t.Errorf("warnings %v, want one quoting %q", p.Warnings, want)
	}
}
