package layouts

import (
	"fmt"
	"testing"
)

// floatDoc is a section of lines short lines, a figure, text, a second
// figure and more text.
func floatDoc(lines int, pinned bool) Document {
	var blocks []Content
	for i := 0; i < lines; i++ {
		blocks = append(blocks, Markdown{Source: "f.md", Text: fmt.Sprintf("Line %d.", i)})
	}
	blocks = append(blocks,
		Figure{ID: "one", Title: "First", Height: 90, Drawing: boxDrawing(), Pinned: pinned},
		Markdown{Source: "after.md", Text: para(1, 6) + "\n\n" + para(2, 6) + "\n\n" + para(3, 6)},
		Figure{ID: "two", Title: "Second", Height: 60, Drawing: boxDrawing(), Pinned: pinned},
		Markdown{Source: "end.md", Text: para(4, 6) + "\n\n" + para(5, 6)},
	)
	return baseDoc(Section{Title: "S", Blocks: blocks})
}

// place is where an item sits in the plan.
type place struct{ page, index int }

func find(p *Plan, kind, text string) place {
	for _, pg := range p.Pages {
		for i, it := range pg.Items {
			if it.Kind == kind && it.Text == text {
				return place{pg.Number, i}
			}
		}
	}
	return place{}
}

// TestLayout_FiguresFloat slides two figures down the page behind 0 to 40
// lines: a figure that does not fit where it comes goes to the top of the
// next page, the text after it fills the page it left (no hole), and the
// figures keep their order.
func TestLayout_FiguresFloat(t *testing.T) {
	floated := 0
	for lines := 0; lines <= 40; lines++ {
		p := MustLayout(t, floatDoc(lines, false))
		checkPlan(t, p)
		one, two := find(p, "figure", "Figure 1. First"), find(p, "figure", "Figure 2. Second")
		if one.page == 0 || two.page == 0 {
			t.Fatalf("%d lines: figures not placed:\n%s", lines, p.Dump())
		}
		if two.page < one.page || (two.page == one.page && two.index < one.index) {
			t.Errorf("%d lines: Figure 2 before Figure 1", lines)
		}
		// the last line before the figure
		anchor := find(p, "paragraph", fmt.Sprintf("Line %d.", lines-1))
		if lines == 0 || anchor.page == one.page {
			continue
		}
		floated++
		if one.page != anchor.page+1 || one.index != 0 {
			t.Errorf("%d lines: Figure 1 is item %d on page %d, its text ends on page %d", lines, one.index+1, one.page, anchor.page)
		}
		// what is left is less than two lines and a gap (no orphan)
		left := p.Pages[anchor.page-1]
		last := left.Items[len(left.Items)-1]
		if room := left.Frame.Y + left.Frame.H - (last.Y + last.H); room > 15 {
			t.Errorf("%d lines: page %d ends %.1f mm short of the frame", lines, anchor.page, room)
		} else if room > 8 && last.Key == left.Items[anchor.index].Key {
			t.Errorf("%d lines: no text after the figure fills page %d", lines, anchor.page)
		}
	}
	if floated == 0 {
		t.Fatal("no figure floated: the test does not test")
	}
}

// A pinned figure never lets text after it come first.
func TestLayout_PinnedFigureStays(t *testing.T) {
	moved := 0
	for lines := 0; lines <= 40; lines++ {
		p := MustLayout(t, floatDoc(lines, true))
		checkPlan(t, p)
		one := find(p, "figure", "Figure 1. First")
		after := place{}
		for _, pg := range p.Pages {
			for i, it := range pg.Items {
				if it.Kind == "paragraph" && it.Text != "" && it.Text[0] == 'S' && after.page == 0 {
					after = place{pg.Number, i} // the first paragraph of the text after
				}
			}
		}
		if after.page < one.page || (after.page == one.page && after.index < one.index) {
			t.Errorf("%d lines: text after the pinned figure comes before it", lines)
		}
		if anchor := find(p, "paragraph", fmt.Sprintf("Line %d.", lines-1)); lines > 0 && anchor.page != one.page {
			moved++
		}
	}
	if moved == 0 {
		t.Fatal("no pinned figure moved to the next page: the test does not test")
	}
}
