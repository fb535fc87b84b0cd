package layouts

import (
	"bytes"
	"errors"
	"slices"
	"testing"
)

// An error of a block says which block, as data: its section and index,
// its kind and ID, and a table's row.
func TestRender_BlockErrorsArePlaced(t *testing.T) {
	tall := Table{ID: "tall", Title: "Tall", Columns: []Column{{Header: "A"}}, Rows: [][]string{{"x"}, {string(bytes.Repeat([]byte("word "), 4000))}}}
	for name, tc := range map[string]struct {
		block Content
		want  BlockError
	}{
		"figure without drawing": {Figure{ID: "f1", Title: "F"}, BlockError{Section: 0, Block: 1, Kind: "figure", ID: "f1"}},
		"table row too tall":     {tall, BlockError{Section: 0, Block: 1, Kind: "table", ID: "tall", Row: 2}},
	} {
		t.Run(name, func(t *testing.T) {
			doc := baseDoc(Section{Title: "S", Blocks: []Content{Markdown{Source: "a.md", Text: "Text."}, tc.block}})
			_, err := Render(doc, &bytes.Buffer{})
			var be *BlockError
			if !errors.As(err, &be) {
				t.Fatalf("error %v is not a BlockError", err)
			}
			got := *be
			got.Msg = ""
			if got != tc.want {
				t.Errorf("BlockError %+v, want %+v (%s)", got, tc.want, be.Msg)
			}
		})
	}
}

// A warning about a table's cell says which table and row, and where the
// row was read; one about a figure's text, which text.
func TestRender_WarningsArePlaced(t *testing.T) {
	doc := baseDoc(Section{Title: "S", Blocks: []Content{
		Figure{ID: "f1", Title: "Deals in 中文", Drawing: boxDrawing(), Height: 40},
		Table{ID: "t1", Title: "T", Columns: []Column{{Header: "Name"}}, Rows: [][]string{{"plain"}, {"中文"}},
			Places: []Place{{"d.csv", 2}, {"d.csv", 3}}},
	}})
	res, err := Render(doc, &bytes.Buffer{})
	if err != nil {
		t.Fatal(err)
	}
	var fig, tab *Warning
	for i, w := range res.Warnings {
		switch {
		case w.Figure == "f1":
			fig = &res.Warnings[i]
		case w.Table == "t1":
			tab = &res.Warnings[i]
		}
	}
	if fig == nil || fig.Field != "title" || !slices.Equal(fig.Runes, []rune("中文")) || fig.Font != "Go Bold" {
		t.Errorf("figure warning %+v", fig)
	}
	if tab == nil || tab.Row != 2 || tab.At != (Place{"d.csv", 3}) || len(tab.Runes) != 2 {
		t.Errorf("table warning %+v", tab)
	}
}
