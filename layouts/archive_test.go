package layouts

import (
	"bytes"
	"encoding/xml"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The finishing pass makes the sample a PDF/A-2b file: XMP metadata that
// agrees with /Info, an sRGB output intent, the viewer preferences, a
// counted outline, printable links and a file /ID; no empty embedded
// files. With Standard none, none of it. (CI runs PDFBox Preflight too.)
func TestRender_ArchiveFile(t *testing.T) {
	doc := sampleDoc(t)
	var buf bytes.Buffer
	if _, err := Render(doc, &buf); err != nil {
		t.Fatal(err)
	}
	pdf := buf.String()
	for _, want := range []string{"/Metadata ", "/OutputIntents [", "/S /GTS_PDFA1", "/ViewerPreferences <</DisplayDocTitle true>>",
		"/Type /Outlines /Count ", "/ID [<", "+00'00')", "%PDF-1.7\n"} {
		if !strings.Contains(pdf, want) {
			t.Errorf("no %q in the PDF", want)
		}
	}
	if strings.Contains(pdf, "/EmbeddedFiles") {
		t.Error("an empty /EmbeddedFiles is left")
	}
	if n, f4 := strings.Count(pdf, "/Subtype /Link "), strings.Count(pdf, "/Subtype /Link /F 4 "); n == 0 || n != f4 {
		t.Errorf("%d links, %d printable", n, f4)
	}
	m := regexp.MustCompile(`(?s)<x:xmpmeta.*</x:xmpmeta>`).FindString(pdf)
	var x struct {
		Desc struct {
			Title  []string `xml:"title>Alt>li"`
			Part   string   `xml:"http://www.aiim.org/pdfa/ns/id/ part"`
			Conf   string   `xml:"conformance"`
			UAPart string   `xml:"http://www.aiim.org/pdfua/ns/id/ part"`
			Schema []string `xml:"schemas>Bag>li>namespaceURI"`
		} `xml:"RDF>Description"`
	}
	if err := xml.Unmarshal([]byte(m), &x); err != nil {
		t.Fatalf("XMP: %v", err)
	}
	if len(x.Desc.Title) != 1 || x.Desc.Title[0] != doc.Title || x.Desc.Part != "2" || x.Desc.Conf != "B" ||
		x.Desc.UAPart != "1" || !slices.Equal(x.Desc.Schema, []string{"http://www.aiim.org/pdfua/ns/id/"}) {
		t.Errorf("XMP %+v", x.Desc)
	}
	var again bytes.Buffer
	Render(doc, &again)
	if !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Error("two renders differ")
	}
	doc.Standard = StandardNone
	buf.Reset()
	if _, err := Render(doc, &buf); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "/OutputIntents") || strings.Contains(buf.String(), "pdfaid") {
		t.Error("a PDF of standard none claims PDF/A")
	}
}
