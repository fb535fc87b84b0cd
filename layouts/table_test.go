package layouts

import (
	"fmt"
	"strings"
	"testing"
)

// TestLayout_TableSplitKeepsThreeRows slides pinned tables (a table that
// floats does not split) of 3 to 12 rows down the page behind 0 to 40
// lines of text: wherever a table splits, each part keeps at least three
// rows, says "(continued)" after the first, and the source line sits
// under the last part.
func TestLayout_TableSplitKeepsThreeRows(t *testing.T) {
	splits := 0
	for lines := 0; lines <= 40; lines++ {
		for rows := 3; rows <= 12; rows++ {
			var blocks []Content
			for i := 0; i < lines; i++ {
				blocks = append(blocks, Markdown{Source: "f.md", Text: fmt.Sprintf("Line %d.", i)})
			}
			blocks = append(blocks, filler(3)...)
			blocks = append(blocks, Table{ID: "t", Title: "Rows", Source: "Tests", Columns: []Column{{Header: "Year"}, {Header: "Item"}, {Header: "Value", Numeric: true}}, Rows: tableRows(rows), Pinned: true})
			p := MustLayout(t, baseDoc(Section{Title: "S", Blocks: blocks}))
			checkPlan(t, p)
			tabs, _ := items(p, "table")
			if len(tabs) > 1 {
				splits++
			}
			for i, tb := range tabs {
				if n := tb.To - tb.From + 1; len(tabs) > 1 && n < minRows {
					t.Errorf("%d lines, %d rows: part %d holds %d row(s)", lines, rows, i+1, n)
				}
				if cont := strings.HasSuffix(tb.Text, "(continued)"); cont != (i > 0) {
					t.Errorf("%d lines, %d rows: part %d title %q", lines, rows, i+1, tb.Text)
				}
			}
		}
	}
	if splits == 0 {
		t.Fatal("no table split: the test does not test")
	}
}

// TestLayout_TableTallRows splits a table whose rows are so tall that two
// do not fit a page: then a part may hold one row.
func TestLayout_TableTallRows(t *testing.T) {
	long := strings.Repeat("A long cell that wraps over many lines. ", 110)
	doc := baseDoc(Section{Title: "S", Blocks: []Content{Table{ID: "tall", Title: "Tall rows", Columns: []Column{{Header: "Text"}},
		Rows: [][]string{{long}, {long}, {long}}}}})
	p := MustLayout(t, doc)
	checkPlan(t, p)
	tabs, _ := items(p, "table")
	if len(tabs) != 3 {
		t.Errorf("%d parts, want one row per page:\n%s", len(tabs), p.Dump())
	}
}

func TestDecimalTail(t *testing.T) {
	for in, want := range map[string]string{"1,234": "", "12.5": ".5", "−65%": "%", "+4.2%": ".2%", "0.25": ".25", "–": "-", "n/a": "-", ".5": ".5"} {
		got, ok := decimalTail(in)
		if !ok {
			got = "-"
		}
		if got != want {
			t.Errorf("decimalTail(%q) = %q, want %q", in, got, want)
		}
	}
}

// Numbers of a column line up on their decimal point: the integer digits
// of every cell end at the same x.
func TestTable_NumbersAlignOnTheDecimalPoint(t *testing.T) {
	e, err := newEnv(baseDoc())
	if err != nil {
		t.Fatal(err)
	}
	tb := Table{Columns: []Column{{Header: "Item"}, {Header: "Value", Numeric: true}},
		Rows: [][]string{{"a", "12.5"}, {"b", "3"}, {"c", "1,000.25"}, {"d", "–"}, {"e", "40%"}}}
	in := decimalIndents(e, tb)
	intEnd := func(i int) float64 { // from the right edge of the cell
		tail, _ := decimalTail(tb.Rows[i][1])
		return in[i][1] + e.m.width(0, tableSize, tail)
	}
	for i := 1; i < 5; i++ {
		if i == 3 {
			if in[i][1] != 0 {
				t.Errorf("a dash is indented by %.2f", in[i][1])
			}
			continue
		}
		if d := intEnd(i) - intEnd(0); d > 1e-9 || d < -1e-9 {
			t.Errorf("row %d: integer part ends %.3f mm off row 1's", i+1, d)
		}
	}
}
