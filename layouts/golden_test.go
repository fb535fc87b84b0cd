package layouts

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// baseDoc is a small document with the given sections.
func baseDoc(sections ...Section) Document {
	return Document{
		Title: "Test briefing", Series: "Tests", Period: "2025-Q3", Authors: []string{"Desk"},
		Date:           time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC),
		Classification: "UNCLASSIFIED",
		Brand:          Brand{Organization: "Institute", Primary: RGB{11, 61, 92}, Accent: RGB{200, 16, 46}},
		Sections:       sections,
	}
}

func filler(n int) []Content {
	var out []Content
	for i := 0; i < n; i++ {
		out = append(out, Markdown{Source: fmt.Sprintf("filler%d.md", i), Text: para(i, 4)})
	}
	return out
}

// manySections is a document of n sections of sub subsections each.
func manySections(n, sub int) Document {
	var secs []Section
	for i := 0; i < n; i++ {
		var b strings.Builder
		for j := 0; j < sub; j++ {
			fmt.Fprintf(&b, "## Subsection %d.%d on a topic\n\n%s\n\n", i+1, j+1, para(i*sub+j, 3+(i+j)%5))
		}
		secs = append(secs, Section{Title: fmt.Sprintf("Section %d", i+1), Blocks: []Content{Markdown{Source: fmt.Sprintf("s%d.md", i+1), Text: b.String()}}})
	}
	return baseDoc(secs...)
}

func tableRows(n int) [][]string {
	rows := make([][]string, n)
	for i := range rows {
		rows[i] = []string{fmt.Sprint(2000 + i), fmt.Sprintf("Item %d with a longer description", i+1), fmt.Sprintf("%d", (i*37)%1000)}
	}
	return rows
}

var goldenCases = []struct {
	name  string
	doc   Document
	check func(t *testing.T, p *Plan)
}{
	{"heading-near-page-end", baseDoc(Section{Title: "Filler", Blocks: append(filler(9),
		Markdown{Source: "late.md", Text: "## Late heading\n\n" + para(99, 3)})}),
		func(t *testing.T, p *Plan) {
			// the three-line paragraph cannot split (two lines each side),
			// so the heading must go to the next page with it
			hs, pages := items(p, "heading")
			last := len(hs) - 1
			if hs[last].Text != "Late heading" || pages[last] != 4 {
				t.Errorf("late heading on page %d, want 4", pages[last])
			}
		}},
	{"heading-keeps-two-lines", baseDoc(Section{Title: "Filler", Blocks: append(filler(9),
		Markdown{Source: "late.md", Text: "## Late heading\n\n" + para(99, 6)})}),
		func(t *testing.T, p *Plan) {
			// the heading stays: two lines of its paragraph fit below it
			ps, pages := items(p, "paragraph")
			last := ps[len(ps)-2]
			if pages[len(ps)-2] != 3 || last.To-last.From+1 < 2 {
				t.Errorf("first part of the last paragraph: page %d, lines %d-%d", pages[len(ps)-2], last.From, last.To)
			}
		}},
	{"figure-moves-to-next-page", baseDoc(Section{Title: "Charts", Blocks: append(filler(8),
		Figure{ID: "big", Title: "A tall figure", Caption: "It does not fit below the text.", Source: "Tests", Height: 120, Drawing: boxDrawing()})}),
		func(t *testing.T, p *Plan) {
			figs, pages := items(p, "figure")
			if len(figs) != 1 || pages[0] != 4 {
				t.Errorf("figure on pages %v, want [4]", pages)
			}
		}},
	{"table-over-three-pages", baseDoc(Section{Title: "Data", Blocks: []Content{
		Markdown{Source: "intro.md", Text: "The table lists every item."},
		Table{ID: "items", Title: "Items by year", Source: "Tests", Columns: []Column{{Header: "Year"}, {Header: "Item"}, {Header: "Value", Numeric: true}}, Rows: tableRows(80)},
	}}), func(t *testing.T, p *Plan) {
		tabs, pages := items(p, "table")
		if len(tabs) != 3 || pages[0] == pages[1] || pages[1] == pages[2] {
			t.Fatalf("table parts on pages %v, want three pages", pages)
		}
		for _, tb := range tabs[1:] {
			if !strings.HasSuffix(tb.Text, "(continued)") {
				t.Errorf("part %q does not say (continued)", tb.Text)
			}
		}
	}},
	{"footnotes-in-two-sections", baseDoc(
		Section{Title: "First", Blocks: []Content{Markdown{Source: "a.md", Text: "Alpha claim.[^a] Beta claim.[^shared]\n\n[^a]: Note A.\n[^shared]: A note both sections cite."}}},
		Section{Title: "Second", Blocks: []Content{Markdown{Source: "b.md", Text: "Gamma claim.[^b] Again.[^shared]\n\n[^b]: Note B."}}},
	), func(t *testing.T, p *Plan) {
		notes, _ := items(p, "endnote")
		want := []string{"Note A.", "A note both sections cite.", "Note B."}
		if len(notes) != len(want) {
			t.Fatalf("%d endnotes, want %d", len(notes), len(want))
		}
		for i, n := range notes {
			if n.Text != want[i] {
				t.Errorf("endnote %d = %q, want %q", i+1, n.Text, want[i])
			}
		}
	}},
	{"toc-two-pages", manySections(16, 3), func(t *testing.T, p *Plan) {
		// 16 sections of 3 subsections: 64 contents lines fill two pages,
		// and the body starts on page 4
		checkContents(t, p)
		_, pages := items(p, "tocline")
		if pages[0] != 2 || pages[len(pages)-1] != 3 {
			t.Errorf("contents on pages %d to %d, want 2 to 3", pages[0], pages[len(pages)-1])
		}
		if p.Headings[1].Page != 4 {
			t.Errorf("first section on page %d, want 4", p.Headings[1].Page)
		}
	}},
	{"callout", baseDoc(Section{Title: "Key judgments", Blocks: []Content{
		Markdown{Source: "kj.md", Callout: true, Title: "Key judgments", Text: "- First judgment, **bold** words.\n- Second judgment with *emphasis*.\n\nA closing sentence."},
		Markdown{Source: "after.md", Text: "Text after the callout."},
	}}), func(t *testing.T, p *Plan) {
		cs, _ := items(p, "callout")
		if len(cs) != 1 || cs[0].Text != "Key judgments" {
			t.Errorf("callouts %+v", cs)
		}
	}},
}

func TestLayout_Golden(t *testing.T) {
	for _, tc := range goldenCases {
		t.Run(tc.name, func(t *testing.T) {
			p := MustLayout(t, tc.doc)
			checkPlan(t, p)
			tc.check(t, p)
			got := p.Dump()
			path := filepath.Join("testdata", "golden", tc.name+".txt")
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("missing golden file (run go test -update): %v", err)
			}
			if got != string(want) {
				t.Errorf("plan differs from %s (run go test -update to accept):\n%s", path, diff(string(want), got))
			}
		})
	}
}

// diff shows the first lines that differ.
func diff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	n := 0
	for i := 0; i < max(len(w), len(g)) && n < 8; i++ {
		var a, c string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			c = g[i]
		}
		if a != c {
			fmt.Fprintf(&b, "line %d:\n- %s\n+ %s\n", i+1, a, c)
			n++
		}
	}
	return b.String()
}

// TestLayout_PageNumbersMoveNothing: the contents and the list of figures
// are placed before their page numbers are known; placed again with the
// numbers known, every block lands where it did. That is why one pass
// places the document (layout).
func TestLayout_PageNumbersMoveNothing(t *testing.T) {
	for name, doc := range map[string]Document{"sample": sampleDoc(t), "toc-two-pages": manySections(16, 3)} {
		first, err := newEnv(doc)
		if err != nil {
			t.Fatal(err)
		}
		plan, err := layout(first)
		if err != nil {
			t.Fatal(err)
		}
		if len(first.pages) == 0 {
			t.Fatalf("%s: no page numbers found", name)
		}
		known, err := newEnv(doc)
		if err != nil {
			t.Fatal(err)
		}
		known.pages = first.pages
		again, err := layout(known)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := again.Dump(), plan.Dump(); got != want {
			t.Errorf("%s: placed with the page numbers known, the plan differs:\n%s", name, diff(want, got))
		}
	}
}
