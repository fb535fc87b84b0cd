package layouts

import (
	"fmt"
	"strings"
	"testing"
)

// wideTable has a Year column and n port columns of long names.
func wideTable(n int, landscape bool) Table {
	t := Table{ID: "w", Title: "Wide", Source: "Tests", Landscape: landscape, Columns: []Column{{Header: "Year"}}}
	for j := 0; j < n; j++ {
		t.Columns = append(t.Columns, Column{Header: fmt.Sprintf("Portname%02dwithoutbreaks", j), Numeric: true})
	}
	for i := 0; i < 6; i++ {
		row := []string{fmt.Sprint(2010 + i)}
		for j := 0; j < n; j++ {
			row = append(row, fmt.Sprint(i*j))
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// A table too wide for the column continues below with its first column
// repeated: every column appears once, each part within the frame, the
// later parts "(continued)", the source under the last only.
func TestLayout_WideTableSplitsByColumns(t *testing.T) {
	e, err := newEnv(baseDoc())
	if err != nil {
		t.Fatal(err)
	}
	parts, err := tableBlocks(e, 1, wideTable(14, false), "test", inMarkdown)
	if err != nil {
		t.Fatal(err)
	}
	if len(parts) < 2 {
		t.Fatalf("%d part(s); 14 long columns need more than one", len(parts))
	}
	width := e.frame("body").W
	seen := map[string]int{}
	for i, b := range parts {
		tb := b.(*table)
		if tb.d.t.Columns[0].Header != "Year" {
			t.Errorf("part %d starts with %q", i+1, tb.d.t.Columns[0].Header)
		}
		for _, c := range tb.d.t.Columns[1:] {
			seen[c.Header]++
		}
		tb.d.layout(width)
		for j, p := range tb.d.header {
			if _, widest := natural(p); widest+2*tablePadX > tb.d.colW[j]+eps {
				t.Errorf("part %d: header %q is cut", i+1, p.text)
			}
		}
		if cont := strings.HasSuffix(tb.titleP().text, "(continued)"); cont != (i > 0) {
			t.Errorf("part %d title %q", i+1, tb.titleP().text)
		}
		if (tb.d.source != nil) != (i == len(parts)-1) {
			t.Errorf("part %d has source line: %v", i+1, tb.d.source != nil)
		}
	}
	if len(seen) != 14 {
		t.Errorf("%d distinct columns across the parts, want 14", len(seen))
	}
	for h, n := range seen {
		if n != 1 {
			t.Errorf("column %s in %d parts", h, n)
		}
	}
	if p, _ := tableBlocks(e, 1, wideTable(3, false), "test", inMarkdown); len(p) != 1 {
		t.Errorf("a table that fits is in %d parts", len(p))
	}
}

// A landscape table takes a page of its own; the text after it fills the
// page before.
func TestLayout_LandscapeTableOnAPageOfItsOwn(t *testing.T) {
	blocks := append(filler(2), wideTable(5, true), Markdown{Source: "after.md", Text: "After the table."})
	p := MustLayout(t, baseDoc(Section{Title: "S", Blocks: blocks}))
	checkPlan(t, p)
	side, pages := items(p, "sideways")
	if len(side) != 1 {
		t.Fatalf("%d sideways parts, want 1", len(side))
	}
	for _, pg := range p.Pages {
		if pg.Number == pages[0] && len(pg.Items) != 1 {
			t.Errorf("the landscape page holds %d blocks", len(pg.Items))
		}
	}
	paras, ppages := items(p, "paragraph")
	last := paras[len(paras)-1]
	if !strings.Contains(last.Text, "After the table") || ppages[len(ppages)-1] >= pages[0] {
		t.Errorf("the text after the table is on page %d, the table on %d", ppages[len(ppages)-1], pages[0])
	}
}

// A pipe table in the narrative is a table in the document's style: no
// number, its header row from the Markdown, numbers right-aligned as the
// Markdown says or as they read.
func TestLayout_MarkdownPipeTable(t *testing.T) {
	md := "Before.\n\n| Year | Exercise | Ships |\n|------|----------|------:|\n| 2019 | *Joint Sea* | 7 |\n| 2021 | Northern | 10 |\n\nAfter.\n"
	p := MustLayout(t, baseDoc(Section{Title: "S", Blocks: []Content{Markdown{Source: "pipe.md", Text: md}}}))
	checkPlan(t, p)
	tabs, _ := items(p, "table")
	if len(tabs) != 1 {
		t.Fatalf("%d tables, want 1", len(tabs))
	}
	tb := tabs[0].b.(*table)
	if tb.d.title != nil {
		t.Errorf("a Markdown table has a title: %q", tb.d.title.text)
	}
	if got := tabs[0].Text; got != "Year | Exercise | Ships" {
		t.Errorf("excerpt %q", got)
	}
	if tb.d.t.Rows[0][1] != "Joint Sea" || !tb.d.t.Columns[2].Numeric || !tb.d.t.Columns[0].Numeric || tb.d.t.Columns[1].Numeric {
		t.Errorf("rows %q, columns %+v", tb.d.t.Rows, tb.d.t.Columns)
	}
	for _, pg := range p.Pages {
		for _, it := range pg.Items {
			if strings.Contains(it.Text, "|") && it.Kind == "paragraph" {
				t.Errorf("pipes printed as text: %q", it.Text)
			}
		}
	}
}
