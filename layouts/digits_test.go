package layouts

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// With Words.Digits, every number layouts writes is in those digits: the
// sections' and headings' numbers, the contents' pages, the figures' and
// tables' labels, the notes' numbers and markers, an ordered list's items
// and the page numbers; the anchors stay as they were.
func TestRender_DocumentDigits(t *testing.T) {
	const dejavu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
	if _, err := os.Stat(dejavu); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("fonts-dejavu-core is not installed: .ci/run installs it")
		}
		t.Skip("DejaVu Sans is not installed")
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("poppler-utils is not installed: .ci/run installs it")
		}
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	md := "## Trends\n\nDeliveries fell.[^a]\n\n1. First\n2. Second\n\n[^a]: A source."
	doc := baseDoc(
		Section{Title: "Arms", Blocks: []Content{Markdown{Source: "a.md", Text: md},
			Figure{ID: "f", Title: "Deliveries", Drawing: boxDrawing(), Height: 40},
			Table{ID: "t", Title: "Totals", Columns: []Column{{Header: "Year"}, {Header: "TIV", Numeric: true}}, Rows: [][]string{{"2024", "30"}}}}},
		Section{Title: "Outlook", Blocks: []Content{Markdown{Source: "b.md", Text: "Little will change."}}})
	doc.Brand.Fonts.Fallback = []string{dejavu}
	doc.Words.Digits = "٠١٢٣٤٥٦٧٨٩"
	// what compose writes in the language's digits itself
	doc.PeriodLabel, doc.Words.PeriodText, doc.Words.DateText = "Q٣ ٢٠٢٥", "Third quarter ٢٠٢٥", "٢٦ November ٢٠٢٦"
	var buf bytes.Buffer
	res, err := Render(doc, &buf)
	if err != nil {
		t.Fatal(err)
	}
	var numbers []string
	for _, h := range res.Plan.Headings {
		numbers = append(numbers, h.Number)
		if strings.ContainsAny(h.Anchor, "٠١٢٣٤٥٦٧٨٩") {
			t.Errorf("anchor %q in the document's digits", h.Anchor)
		}
	}
	if got := strings.Join(numbers, " "); !strings.Contains(got, "١ ١.١ ٢") {
		t.Errorf("headings numbered %q, want 1, 1.1 and 2 in Arabic-Indic digits", got)
	}
	path := filepath.Join(t.TempDir(), "d.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := string(out)
	for _, want := range []string{"Page ٢ of ٣", "Figure ١.", "Table ١.", "١. A source", "١. First", "٢. Second"} {
		if !strings.Contains(text, want) {
			t.Errorf("the pages lack %q:\n%s", want, text)
		}
	}
	// the table's cells are the data's, written by compose
	if strings.ContainsAny(strings.NewReplacer("2024", "", "30", "").Replace(text), "0123456789") {
		t.Errorf("a number of layouts' own in 0-9 digits:\n%s", text)
	}
}
