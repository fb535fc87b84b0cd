package layouts

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"
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
		Markdown{Source: "a.md", Text: "Cites a missing note.[^nope] See [Figure 9](#fig:nine).\n\n[^unused]: Never cited."},
	}}))
	var msgs []string
	for _, w := range p.Warnings {
		msgs = append(msgs, w.String())
	}
	all := strings.Join(msgs, "\n")
	for _, want := range []string{"a.md: footnote reference without a definition: \"[^nope]\"", "a.md: footnote defined but never referenced", "a.md: link to a place the document does not have: \"#fig:nine\""} {
		if !strings.Contains(all, want) {
			t.Errorf("warnings %q lack %q", all, want)
		}
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
