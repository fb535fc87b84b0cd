package layouts

import (
	"fmt"
	"testing"
)

// TestLayout_Stress lays out 300 paragraphs, a 3,000-row table and 50
// figures and checks the plan by code: nothing overlaps, nothing leaves
// its frame, and no paragraph line, table row or figure is lost.
func TestLayout_Stress(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	doc := stressDoc()
	p := MustLayout(t, doc)
	checkPlan(t, p)

	ps, _ := items(p, "paragraph")
	seen := map[string]bool{}
	for _, it := range ps {
		seen[it.Key] = true
	}
	if len(seen) != 300 {
		t.Errorf("%d paragraphs placed, want 300", len(seen))
	}
	figs, _ := items(p, "figure")
	if len(figs) != 50 {
		t.Errorf("%d figures placed, want 50", len(figs))
	}
	tabs, _ := items(p, "table")
	rowsPlaced := 0
	for _, tb := range tabs {
		rowsPlaced += tb.To - tb.From + 1
	}
	if rowsPlaced != 3000 {
		t.Errorf("%d table rows placed, want 3000", rowsPlaced)
	}
	t.Logf("%d pages, %d table parts", len(p.Pages), len(tabs))
}

// stressDoc has 300 paragraphs of 1 to 9 sentences with a heading every
// 25, 50 figures of 40 to 130 mm and a 3,000-row table.
func stressDoc() Document {
	var blocks []Content
	nfig := 0
	for i := 0; i < 300; i++ {
		text := para(i, 1+i%9)
		if i%25 == 0 {
			text = "## Part " + fmt.Sprint(i/25+1) + "\n\n" + text
		}
		blocks = append(blocks, Markdown{Source: fmt.Sprintf("p%d.md", i), Text: text})
		if i%6 == 5 && nfig < 50 {
			nfig++
			blocks = append(blocks, Figure{ID: fmt.Sprintf("fig%d", nfig), Title: "Figure", Caption: "A caption.", Source: "Tests",
				Height: float64(40 + (nfig*13)%90), Drawing: boxDrawing()})
		}
	}
	rows := make([][]string, 3000)
	for i := range rows {
		long := ""
		if i%40 == 0 {
			long = " with a much longer description that wraps inside its cell across more than one line of the table"
		}
		rows[i] = []string{fmt.Sprint(i + 1), "Row item" + long, fmt.Sprintf("%d", i*7)}
	}
	blocks = append(blocks, Table{ID: "big", Title: "Big table", Columns: []Column{{Header: "N", Numeric: true}, {Header: "Item"}, {Header: "Value", Numeric: true}}, Rows: rows})
	return baseDoc(Section{Title: "Stress", Blocks: blocks})
}
