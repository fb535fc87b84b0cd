package layouts

import (
	"bytes"
	"errors"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/image/font/gofont/goregular"
)

func TestRender_Deterministic(t *testing.T) {
	doc := demoDoc()
	doc.Draft, doc.ListOfFigures, doc.Debug = true, true, true
	var a, b bytes.Buffer
	if _, err := Render(doc, &a); err != nil {
		t.Fatal(err)
	}
	if _, err := Render(doc, &b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		os.WriteFile(filepath.Join(os.TempDir(), "det-a.pdf"), a.Bytes(), 0o644)
		os.WriteFile(filepath.Join(os.TempDir(), "det-b.pdf"), b.Bytes(), 0o644)
		t.Fatalf("two renders differ (%d and %d bytes)", a.Len(), b.Len())
	}
	if !bytes.HasPrefix(a.Bytes(), []byte("%PDF-")) {
		t.Fatalf("not a PDF")
	}
}

func TestRender_GlyphReplacementWarns(t *testing.T) {
	doc := baseDoc(Section{Title: "Text", Blocks: []Content{
		Markdown{Source: "emoji.md", Text: "Launch 🚀 today, Привет, Ωμέγα → ok.\n\nAgain 🚀, and **bold 🚀**."},
		Markdown{Source: "cjk.md", Text: "Quoted as «全面战略协作» in the source."},
	}})
	var buf bytes.Buffer
	res, err := Render(doc, &buf)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range res.Warnings {
		got = append(got, w.String())
	}
	// once per file, font and character, with the text around the first
	want := []string{
		`emoji.md: font "Go Regular" has no glyph for "🚀" (U+1F680); drawn as □: "Launch 🚀 today, Привет, …"`,
		`emoji.md: font "Go Bold" has no glyph for "🚀" (U+1F680); drawn as □: "bold 🚀"`,
		`cjk.md: font "Go Regular" has no glyph for "全" (U+5168), "面" (U+9762), "战" (U+6218) and 3 more; drawn as □: "Quoted as «全面战略协作» in the …"`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	ps, _ := items(res.Plan, "paragraph")
	if len(ps) != 3 || !strings.Contains(ps[0].Text, "Launch □ today, Привет, Ωμέγα → ok.") {
		t.Errorf("paragraphs %+v", ps)
	}
}

func TestRender_Errors(t *testing.T) {
	tall := baseDoc(Section{Title: "T", Blocks: []Content{Figure{ID: "tall", Title: "Too tall", Height: 400, Drawing: boxDrawing()}}})
	badLogo := baseDoc()
	badLogo.Brand.Logo = filepath.Join(t.TempDir(), "missing-logo.png")
	notImage := baseDoc()
	notImage.Brand.Logo = filepath.Join(t.TempDir(), "logo.png")
	if err := os.WriteFile(notImage.Brand.Logo, []byte("not an image"), 0o644); err != nil {
		t.Fatal(err)
	}
	badFont := baseDoc()
	badFont.Brand.Fonts.Bold = "/nonexistent/Bold.ttf"
	badSize := baseDoc()
	badSize.PageSize = "A5"
	dupNote := baseDoc(Section{Title: "S", Blocks: []Content{
		Markdown{Source: "one.md", Text: "A.[^x]\n\n[^x]: First text."},
		Markdown{Source: "two.md", Text: "B.[^x]\n\n[^x]: Second text."},
	}})
	noDrawing := baseDoc(Section{Title: "S", Blocks: []Content{Figure{ID: "empty"}}})
	badRow := baseDoc(Section{Title: "S", Blocks: []Content{Table{ID: "t", Columns: []Column{{Header: "A"}}, Rows: [][]string{{"1", "2"}}}}})
	failing := baseDoc(Section{Title: "S", Blocks: []Content{Figure{ID: "boom", Drawing: &fakeDrawing{DrawFunc: func(Canvas, float64, float64, float64, float64) error {
		return errors.New("chart exploded")
	}}}}})
	for _, tc := range []struct {
		name string
		doc  Document
		want []string
		is   error
	}{
		{"ErrBlockTooTall", tall, []string{"figure", "does not fit on an empty page"}, nil},
		{"ErrMissingLogo", badLogo, []string{"missing-logo.png"}, fs.ErrNotExist},
		{"ErrLogoNotImage", notImage, []string{"logo.png", "not a PNG or JPEG"}, nil},
		{"ErrMissingFont", badFont, []string{"/nonexistent/Bold.ttf"}, fs.ErrNotExist},
		{"ErrPageSize", badSize, []string{"A5"}, nil},
		{"ErrFootnoteTwoTexts", dupNote, []string{"[^x]", "one.md", "two.md"}, nil},
		{"ErrFigureWithoutDrawing", noDrawing, []string{"empty", "no drawing"}, nil},
		{"ErrTableRowTooLong", badRow, []string{"row 1", "2 cells"}, nil},
		{"ErrDrawingFails", failing, []string{"boom", "chart exploded"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			_, err := Render(tc.doc, &buf)
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
			if tc.is != nil && !errors.Is(err, tc.is) {
				t.Errorf("error %v is not %v", err, tc.is)
			}
			if buf.Len() != 0 {
				t.Errorf("%d bytes written on error", buf.Len())
			}
		})
	}
}

func TestLayout_ContentsPages(t *testing.T) {
	p := MustLayout(t, demoDoc())
	checkPlan(t, p)
	lines, _ := items(p, "tocline")
	var inTOC []Heading
	for _, h := range p.Headings {
		if h.InTOC {
			inTOC = append(inTOC, h)
		}
	}
	if len(lines) != len(inTOC) {
		t.Fatalf("%d contents lines for %d headings", len(lines), len(inTOC))
	}
	for i, h := range inTOC {
		if want := " … " + strconv.Itoa(h.Page); !strings.HasSuffix(lines[i].Text, want) {
			t.Errorf("contents line %q, want page %d", lines[i].Text, h.Page)
		}
	}
	if p.Pages[0].Template != "cover" || len(p.Pages[0].Items) != 1 {
		t.Errorf("page 1 is not the cover alone")
	}
}

func TestLayout_Letter(t *testing.T) {
	doc := demoDoc()
	doc.PageSize = "Letter"
	doc.Classification = ""
	p := MustLayout(t, doc)
	checkPlan(t, p)
	if p.PageWidth != 215.9 || p.PageHeight != 279.4 {
		t.Errorf("page %.1fx%.1f", p.PageWidth, p.PageHeight)
	}
}

// TestRender_Concurrent renders in parallel: documents share nothing (the
// embedded font bytes are copied before fpdf sees them).
func TestRender_Concurrent(t *testing.T) {
	var want bytes.Buffer
	if _, err := Render(demoDoc(), &want); err != nil {
		t.Fatal(err)
	}
	errs := make(chan error, 4)
	for i := 0; i < 4; i++ {
		go func() {
			var b bytes.Buffer
			_, err := Render(demoDoc(), &b)
			if err == nil && !bytes.Equal(b.Bytes(), want.Bytes()) {
				err = errors.New("a concurrent render differs")
			}
			errs <- err
		}()
	}
	for i := 0; i < 4; i++ {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

func TestRender_EmbedsOnlyTheFacesDrawn(t *testing.T) {
	embedded := func(text string, prep *Prepared) map[string]bool {
		t.Helper()
		doc := baseDoc(Section{Title: "Text", Blocks: []Content{Markdown{Source: "t.md", Text: text}}})
		var buf bytes.Buffer
		if _, err := RenderPrepared(doc, &buf, prep); err != nil {
			t.Fatal(err)
		}
		got := map[string]bool{}
		for _, name := range []string{"GoRegular", "Go-Bold", "Go-Italic", "Go-BoldItalic", "GoMono"} {
			got[name] = embeds(buf.Bytes(), name)
		}
		return got
	}
	plain := embedded("Plain text and *italic*.", nil)
	if !plain["GoRegular"] || !plain["Go-Bold"] || plain["Go-BoldItalic"] || plain["GoMono"] {
		t.Errorf("plain text and a heading embed %v, want regular and bold, no bold italic or mono", plain)
	}
	both := embedded("Some ***bold italic*** and `code`.", Prepare(Fonts{}, "", ""))
	if !both["Go-BoldItalic"] || !both["GoMono"] {
		t.Errorf("bold italic and code drawn, but embedded %v", both)
	}
}

// A character the body fonts lack is drawn from the first fallback font
// that has it, measured with that font's widths; a script that must be
// shaped is not taken from a fallback, and the warning says why.
func TestRender_FallbackFonts(t *testing.T) {
	const dejavu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
	if _, err := os.Stat(dejavu); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("fonts-dejavu-core is not installed: .ci/run installs it")
		}
		t.Skip("DejaVu Sans is not installed")
	}
	text := "Tbilisi (თბილისი), Yerevan (Երևան) and Tel Aviv (תל אביב) signed; New Delhi (नई दिल्ली) did not."
	doc := baseDoc(Section{Title: "Names", Blocks: []Content{Markdown{Source: "names.md", Text: text}}})
	doc.Brand.Fonts.Fallback = []string{dejavu}
	var buf bytes.Buffer
	res, err := Render(doc, &buf)
	if err != nil {
		t.Fatal(err)
	}
	ps, _ := items(res.Plan, "paragraph")
	if len(ps) != 1 || !strings.Contains(ps[0].Text, "(თბილისი)") || !strings.Contains(ps[0].Text, "(Երևան)") {
		t.Errorf("paragraph %+v", ps)
	}
	if len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0].Msg, "must be shaped") || !slices.Contains(res.Warnings[0].Runes, 'न') || slices.Contains(res.Warnings[0].Runes, 'ת') || !res.Warnings[0].Unshaped {
		t.Errorf("warnings %+v", res.Warnings)
	}
	if !embeds(buf.Bytes(), "DejaVuSans") {
		t.Error("the fallback font is not embedded")
	}
	// the fallback's glyphs are measured with its own widths
	e, err := newEnv(doc)
	if err != nil {
		t.Fatal(err)
	}
	fb := e.m.width(0, 10, "თ")
	size := 10.0
	own := float64(e.m.measure(bodyFaces, 'თ')) * (size / ptPerMM) / 1000
	if fb == 0 || math.Abs(fb-own) > 1e-9 || math.Abs(fb-float64(e.m.missing[0])*(size/ptPerMM)/1000) < 1e-9 {
		t.Errorf("width of თ: %v, want the fallback's %v", fb, own)
	}
}

// The editions of a batch share one parse of each font file; a file that
// changes (under --watch) is parsed again.
func TestLoadFonts_ParsedOncePerFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "brand.ttf")
	if err := os.WriteFile(path, goregular.TTF, 0o644); err != nil {
		t.Fatal(err)
	}
	a, err := loadFonts(Fonts{Regular: path})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := loadFonts(Fonts{Regular: path})
	if a.faces[0].sf != b.faces[0].sf || a.faces[4].sf != b.faces[4].sf || a == b {
		t.Error("two loads of the same fonts parsed them twice, or shared the per-document set")
	}
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(path, later, later); err != nil {
		t.Fatal(err)
	}
	c, _ := loadFonts(Fonts{Regular: path})
	if c.faces[0].sf == a.faces[0].sf {
		t.Error("a changed font file was not parsed again")
	}
}

// deliver hands the file to an empty bytes.Buffer whole, appends it to one
// that holds bytes already, and writes it to any other writer.
func TestDeliver(t *testing.T) {
	data := []byte("%PDF-1.7 ...")
	var empty bytes.Buffer
	if err := deliver(&empty, data); err != nil || !bytes.Equal(empty.Bytes(), data) {
		t.Fatalf("empty buffer: %q, %v", empty.Bytes(), err)
	}
	if &empty.Bytes()[0] != &data[0] {
		t.Error("an empty buffer got a copy of the file")
	}
	held := bytes.NewBufferString("before ")
	if err := deliver(held, data); err != nil || held.String() != "before "+string(data) {
		t.Fatalf("a buffer with bytes: %q, %v", held.String(), err)
	}
	var sb strings.Builder
	if err := deliver(&sb, data); err != nil || sb.String() != string(data) {
		t.Fatalf("a writer: %q, %v", sb.String(), err)
	}
}
