package layouts

import "testing"

// The proof checks on hand-made pages: a heading at the foot, a heading
// before a single line, a page ending short before one that does not open
// a section.
func TestQuality_MarksWhatATypesetterWould(t *testing.T) {
	fr := Rect{X: 20, Y: 20, W: 170, H: 250}
	item := func(kind string, y, h float64, from, to int) Item {
		return Item{Kind: kind, Rect: Rect{X: 20, Y: y, W: 170, H: h}, Text: kind, From: from, To: to}
	}
	p := &Plan{Pages: []Page{
		{Number: 1, Template: "cover", Frame: fr},
		{Number: 2, Template: "body", Frame: fr, Items: []Item{item("paragraph", 20, 200, 1, 40), item("heading", 250, 8, 0, 0)}},
		{Number: 3, Template: "body", Frame: fr, Items: []Item{item("paragraph", 20, 100, 1, 20), item("subhead", 125, 6, 0, 0), item("paragraph", 133, 5, 1, 1)}},
		{Number: 4, Template: "body", Frame: fr, Items: []Item{item("heading", 20, 8, 0, 0), item("paragraph", 30, 235, 1, 50)}},
		{Number: 5, Template: "body", Frame: fr, Items: []Item{item("paragraph", 20, 10, 1, 2)}},
	}, Headings: []Heading{{Level: 1, Page: 4, Y: 20}}}
	q := p.Quality()
	if len(q.Stranded) != 2 {
		t.Errorf("stranded %q, want the heading on page 2 and the subhead on page 3", q.Stranded)
	}
	// page 3 ends at 55% but page 4 opens a section: no hole; page 2 ends
	// full; page 5 is the last
	if len(q.Holes) != 0 {
		t.Errorf("holes %q", q.Holes)
	}
	p.Headings = nil
	if q := p.Quality(); len(q.Holes) != 1 {
		t.Errorf("holes %q, want page 3 once page 4 opens no section", q.Holes)
	}
}
