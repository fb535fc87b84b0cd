package layouts

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"
)

// sampleBlock is one block of the sample fixture: exactly one field is set.
type sampleBlock struct {
	Markdown *Markdown `json:",omitempty"`
	Figure   *Figure   `json:",omitempty"`
	Table    *Table    `json:",omitempty"`
}

// sampleDoc is the document the sample briefing (testdata/russia-china at
// the root of the module) makes, as briefing/compose hands it to Render:
// the narrative as its templates print it, the tables and the figures,
// each chart replaced by a box of the same size. The fixture is a
// snapshot, so that these tests depend on this package alone.
func sampleDoc(tb testing.TB) Document {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "sample", "briefing.json"))
	if err != nil {
		tb.Fatal(err)
	}
	var fx struct {
		Document Document
		Sections []struct {
			Title  string
			Blocks []sampleBlock
		}
	}
	if err := json.Unmarshal(data, &fx); err != nil {
		tb.Fatalf("sample fixture: %v", err)
	}
	doc := fx.Document
	for _, s := range fx.Sections {
		sec := Section{Title: s.Title}
		for _, b := range s.Blocks {
			switch {
			case b.Markdown != nil:
				sec.Blocks = append(sec.Blocks, *b.Markdown)
			case b.Figure != nil:
				f := *b.Figure
				f.Drawing = boxDrawing()
				sec.Blocks = append(sec.Blocks, f)
			case b.Table != nil:
				sec.Blocks = append(sec.Blocks, *b.Table)
			}
		}
		doc.Sections = append(doc.Sections, sec)
	}
	return doc
}

// checkContents verifies the table of contents against the plan: one
// line per heading listed, in order, each printing the page the heading
// landed on, and each heading's link target on that page at its top.
func checkContents(tb testing.TB, p *Plan) {
	tb.Helper()
	lines, _ := items(p, "tocline")
	var inTOC []Heading
	for _, h := range p.Headings {
		if h.InTOC {
			inTOC = append(inTOC, h)
		}
	}
	if len(lines) != len(inTOC) {
		tb.Fatalf("%d contents lines for %d headings", len(lines), len(inTOC))
	}
	for i, h := range inTOC {
		want := h.Title + " … " + strconv.Itoa(h.Page)
		if h.Number != "" {
			want = h.Number + " " + want
		}
		if lines[i].Text != excerpt(want, 50) {
			tb.Errorf("contents line %q, want %q", lines[i].Text, want)
		}
		if a := p.anchors[h.Anchor]; a.page != h.Page || a.y != h.Y {
			tb.Errorf("link target of %q: page %d y %.1f, heading on page %d y %.1f", h.Title, a.page, a.y, h.Page, h.Y)
		}
	}
}

// checkFigureList verifies the list of figures: one line per figure, in
// order, printing the page the figure landed on.
func checkFigureList(tb testing.TB, p *Plan) {
	tb.Helper()
	lines, _ := items(p, "figline")
	figs, pages := items(p, "figure")
	if len(lines) != len(figs) {
		tb.Fatalf("%d lines in the list of figures for %d figures", len(lines), len(figs))
	}
	for i, f := range figs {
		if want := excerpt(f.Text+" … "+strconv.Itoa(pages[i]), 50); lines[i].Text != want {
			tb.Errorf("list of figures line %q, want %q", lines[i].Text, want)
		}
		if a := p.anchors["figure:"+strconv.Itoa(i+1)]; a.page != pages[i] || a.y != f.Y {
			tb.Errorf("link target of figure %d: page %d y %.1f, figure on page %d y %.1f", i+1, a.page, a.y, pages[i], f.Y)
		}
	}
}

func TestLayout_SampleContents(t *testing.T) {
	p := MustLayout(t, sampleDoc(t))
	checkPlan(t, p)
	checkContents(t, p)
	if len(p.Warnings) != 0 {
		t.Errorf("warnings: %v", p.Warnings)
	}
	// every cross-reference the narrative makes has its target
	for _, a := range []string{"fig:arms_trend_chart", "fig:exercise_chart", "fig:agreements_chart", "tab:arms_by_period", "tab:exercises"} {
		if _, ok := p.anchors[a]; !ok {
			t.Errorf("no target for #%s", a)
		}
	}
}

func TestLayout_ListOfFigures(t *testing.T) {
	doc := sampleDoc(t)
	doc.ListOfFigures = true
	p := MustLayout(t, doc)
	checkPlan(t, p)
	checkContents(t, p)
	checkFigureList(t, p)
	var found bool
	for _, h := range p.Headings {
		found = found || (h.Title == "List of figures" && !h.InTOC && h.Page == 2)
	}
	if !found {
		t.Errorf("no \"List of figures\" heading on page 2 (outline only): %+v", p.Headings)
	}
	// without figures there is no list
	doc = baseDoc(Section{Title: "Text", Blocks: filler(2)})
	doc.ListOfFigures = true
	p = MustLayout(t, doc)
	if its, _ := items(p, "figline"); len(its) != 0 || len(p.Headings) != 2 {
		t.Errorf("list of figures without figures: %d lines, headings %+v", len(its), p.Headings)
	}
}

// TestRender_SampleLinks renders the sample with a list of figures and
// checks the contents against the pages the headings landed on, and the
// PDF's links: every contents line, figure and table reference and
// endnote marker is a link annotation that goes to a page of the document.
func TestRender_SampleLinks(t *testing.T) {
	var buf bytes.Buffer
	doc := sampleDoc(t)
	doc.ListOfFigures = true
	res, err := Render(doc, &buf)
	if err != nil {
		t.Fatal(err)
	}
	checkContents(t, res.Plan)
	checkFigureList(t, res.Plan)
	pages := map[string]bool{}
	for _, m := range regexp.MustCompile(`(\d+) 0 obj\s*<</Type /Page\b`).FindAllStringSubmatch(buf.String(), -1) {
		pages[m[1]] = true
	}
	if len(pages) != res.Pages {
		t.Fatalf("%d page objects for %d pages", len(pages), res.Pages)
	}
	links := regexp.MustCompile(`/Subtype /Link (?:/F 4 )?/Rect \[[^]]*\] /Border \[0 0 0\] /Dest \[(\d+) 0 R`).FindAllStringSubmatch(buf.String(), -1)
	for _, l := range links {
		if !pages[l[1]] {
			t.Errorf("link to object %s, not a page", l[1])
		}
	}
	want := 0
	for _, pg := range res.Plan.Pages {
		for _, it := range pg.Items {
			want += internalLinks(it.b)
		}
	}
	if len(links) != want || want < 60 {
		t.Errorf("%d internal links in the PDF, %d in the plan", len(links), want)
	}
}

// internalLinks counts the links to places in the document a placed
// block draws: contents lines and "#..." links in text.
func internalLinks(b block) int {
	n := 0
	switch b := b.(type) {
	case *tocLine:
		n++
	case *box:
		for _, in := range b.heads() {
			n += internalLinks(in)
		}
	case *paragraph:
		for _, l := range b.lines {
			for _, w := range l.words {
				for _, f := range w.frags {
					if strings.HasPrefix(f.link, "#") {
						n++
					}
				}
			}
		}
	}
	return n
}

func BenchmarkLayout_Sample(b *testing.B) {
	doc := sampleDoc(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Layout(doc); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRender_Sample(b *testing.B) {
	doc := sampleDoc(b)
	b.ReportAllocs()
	for b.Loop() {
		var buf bytes.Buffer
		if _, err := Render(doc, &buf); err != nil {
			b.Fatal(err)
		}
	}
}

// TestRender_SampleBookmarks reads the PDF outline of the sample: one
// bookmark per heading, sections at the top level, each subsection under
// its heading.
func TestRender_SampleBookmarks(t *testing.T) {
	var buf bytes.Buffer
	res, err := Render(sampleDoc(t), &buf)
	if err != nil {
		t.Fatal(err)
	}
	type mark struct{ title, parent string }
	marks := map[string]mark{} // object number → bookmark
	re := regexp.MustCompile(`(?s)(\d+) 0 obj\s*<</Title \((.*?)\)\n/Parent (\d+) 0 R`)
	for _, m := range re.FindAllSubmatch(buf.Bytes(), -1) {
		marks[string(m[1])] = mark{utf16Literal(m[2]), string(m[3])}
	}
	if len(marks) != len(res.Plan.Headings) {
		t.Fatalf("%d bookmarks for %d headings", len(marks), len(res.Plan.Headings))
	}
	parentOf := map[string]string{} // title → parent's title ("" at the top)
	for _, m := range marks {
		parentOf[m.title] = marks[m.parent].title
	}
	var open []string // the enclosing headings, by level
	for _, h := range res.Plan.Headings {
		label := h.Title
		if h.Number != "" {
			label = h.Number + " " + h.Title
		}
		open = append(open[:min(h.Level-1, len(open))], label)
		want := ""
		if len(open) > 1 {
			want = open[len(open)-2]
		}
		if got, ok := parentOf[label]; !ok || got != want {
			t.Errorf("bookmark %q under %q, want under %q", label, got, want)
		}
	}
}

// utf16Literal decodes a PDF literal string in UTF-16BE with a byte-order
// mark, as fpdf writes bookmark titles.
func utf16Literal(b []byte) string {
	var raw []byte
	for i := 0; i < len(b); i++ {
		if b[i] == '\\' && i+1 < len(b) {
			i++
			if b[i] == 'r' {
				raw = append(raw, '\r')
				continue
			}
		}
		raw = append(raw, b[i])
	}
	if len(raw) >= 2 && raw[0] == 0xFE && raw[1] == 0xFF {
		raw = raw[2:]
	}
	u := make([]uint16, len(raw)/2)
	for i := range u {
		u[i] = uint16(raw[2*i])<<8 | uint16(raw[2*i+1])
	}
	return string(utf16.Decode(u))
}
