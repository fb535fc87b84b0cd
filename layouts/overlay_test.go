package layouts

import (
	"bytes"
	"compress/zlib"
	"io"
	"regexp"
	"strings"
	"testing"
)

// pageStreams returns the inflated content streams of the PDF's pages,
// in order (fpdf writes each page object before its content stream).
func pageStreams(tb testing.TB, pdf []byte) []string {
	tb.Helper()
	re := regexp.MustCompile(`(?s)<</Filter /FlateDecode /Length \d+>>\nstream\n(.*?)\nendstream`)
	var out []string
	for _, m := range re.FindAllSubmatch(pdf, -1) {
		r, err := zlib.NewReader(bytes.NewReader(m[1]))
		if err != nil {
			continue // not zlib data
		}
		b, err := io.ReadAll(r)
		if err != nil {
			tb.Fatal(err)
		}
		if s := string(b); strings.Contains(s, " Tj") {
			out = append(out, s)
		}
	}
	return out
}

// TestRender_DraftWatermarkOnTop checks that the DRAFT watermark is drawn
// after everything else on every page (so no shaded box hides it) and
// translucent (so that the text under it stays legible).
func TestRender_DraftWatermarkOnTop(t *testing.T) {
	doc := demoDoc()
	doc.Draft = true
	var buf bytes.Buffer
	res, err := Render(doc, &buf)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "/ca 0.120") {
		t.Errorf("no translucent graphics state (/ca 0.120) in the PDF")
	}
	streams := pageStreams(t, buf.Bytes())
	if len(streams) != res.Pages {
		t.Fatalf("%d page streams for %d pages", len(streams), res.Pages)
	}
	for i, s := range streams {
		on := strings.LastIndex(s, "/GS1 gs")
		if on < 0 || strings.LastIndex(s, " Tj") > on || strings.LastIndex(s, " re f") > on {
			t.Errorf("page %d: the watermark is not drawn last", i+1)
		}
		if strings.LastIndex(s, "/GS2 gs") < on {
			t.Errorf("page %d: the opacity is not restored after the watermark", i+1)
		}
	}
}

// TestRender_Debug outlines the frame and every placed block without
// moving anything.
func TestRender_Debug(t *testing.T) {
	plain, debug := demoDoc(), demoDoc()
	debug.Debug = true
	var a, b bytes.Buffer
	ra, err := Render(plain, &a)
	if err != nil {
		t.Fatal(err)
	}
	rb, err := Render(debug, &b)
	if err != nil {
		t.Fatal(err)
	}
	if ra.Plan.Dump() != rb.Plan.Dump() {
		t.Errorf("debugging changes the layout")
	}
	sa, sb := pageStreams(t, a.Bytes()), pageStreams(t, b.Bytes())
	for i, pg := range rb.Plan.Pages {
		// one stroked rectangle for the frame and one per block
		got := strings.Count(sb[i], " re S") - strings.Count(sa[i], " re S")
		if want := 1 + len(pg.Items); got != want {
			t.Errorf("page %d: %d outlines, want %d", pg.Number, got, want)
		}
	}
}
