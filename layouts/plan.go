package layouts

import (
	"fmt"
	"strings"
)

// Plan is a paginated document: every page with the blocks placed on it,
// in millimetres from the top-left corner of the page. It is data: Layout
// returns it without drawing, Render draws it.
type Plan struct {
	PageWidth, PageHeight float64
	Pages                 []Page
	Headings              []Heading // in document order, with their pages
	Warnings              []Warning

	anchors   map[string]anchor // link targets: headings, figures, tables, notes
	truncated []string          // texts shortened to fit (see Quality)
}

// Page is one physical page: its number (the cover is 1), its template
// ("cover" or "body"), the frame blocks are placed in and the blocks.
type Page struct {
	Number   int
	Template string
	Frame    Rect
	Items    []Item
}

// Item is a placed block. Key identifies the source block across the parts
// of a split; From and To are the lines (paragraphs) or rows (tables) of
// the source in this part, 1-based, of Total (0 when not applicable).
type Item struct {
	Kind string
	Rect
	Text     string
	Key      string
	From, To int
	Total    int
	b        block
}

// Heading is a heading as placed: the table of contents and the PDF
// outline are made from these.
type Heading struct {
	Level                 int
	Number, Title, Anchor string
	Page                  int
	Y                     float64
	InTOC                 bool
}

// Rect is a box on the page in millimetres, from the top-left corner.
type Rect struct{ X, Y, W, H float64 }

type anchor struct {
	page int
	y    float64
}

// Dump returns the plan as text, one line per placed block: page, kind,
// x/y/w/h rounded to 0.1 mm, the lines or rows it holds, and an excerpt.
func (p *Plan) Dump() string {
	var b strings.Builder
	fmt.Fprintf(&b, "plan %.1fx%.1f mm, %d pages\n", p.PageWidth, p.PageHeight, len(p.Pages))
	for _, pg := range p.Pages {
		fmt.Fprintf(&b, "page %d %s frame x=%.1f y=%.1f w=%.1f h=%.1f\n", pg.Number, pg.Template, pg.Frame.X, pg.Frame.Y, pg.Frame.W, pg.Frame.H)
		for _, it := range pg.Items {
			fmt.Fprintf(&b, "p%-3d %-10s x=%5.1f y=%5.1f w=%5.1f h=%5.1f", pg.Number, it.Kind, it.X, it.Y, it.W, it.H)
			if it.Total > 0 {
				fmt.Fprintf(&b, " [%d-%d/%d]", it.From, it.To, it.Total)
			}
			fmt.Fprintf(&b, " %q\n", it.Text)
		}
	}
	return b.String()
}
