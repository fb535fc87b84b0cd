package layouts

import (
	"bytes"
	"compress/zlib"
	"io"
	"regexp"
	"strconv"
	"testing"
)

// The compressed PDF holds the same streams, each FlateDecode; its
// cross-reference table points at every object; the same input gives the
// same bytes.
func TestCompressStreams(t *testing.T) {
	doc := sampleDoc(t)
	var plain bytes.Buffer
	e, err := newEnv(doc)
	if err != nil {
		t.Fatal(err)
	}
	e.texts = nil // the text in fpdf's pages, to compare the streams' sizes (TestPageTexts_SameFile: the same file)
	plan, err := layout(e)
	if err != nil {
		t.Fatal(err)
	}
	pdf, err := newPDF(e)
	if err != nil {
		t.Fatal(err)
	}
	if err := draw(e, plan, pdf); err != nil {
		t.Fatal(err)
	}
	if err := pdf.Output(&plain); err != nil {
		t.Fatal(err)
	}
	plainDoc := doc
	plainDoc.Standard = StandardNone
	out, err := finishFile(plain.Bytes(), &plainDoc, e.tags, e.texts, e.fonts, nil)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := finishFile(plain.Bytes(), &plainDoc, e.tags, e.texts, e.fonts, nil)
	if !bytes.Equal(out, again) {
		t.Error("two passes over the same PDF differ")
	}
	// the structure tree adds objects: compare the streams alone
	streamBytes := func(pdf []byte) (n int) {
		for _, m := range regexp.MustCompile(`/Length (\d+)`).FindAllSubmatch(pdf, -1) {
			l, _ := strconv.Atoi(string(m[1]))
			n += l
		}
		return n
	}
	if a, b := streamBytes(out), streamBytes(plain.Bytes()); a >= b*3/4 {
		t.Errorf("streams of %d bytes from %d: little was compressed", a, b)
	}
	if plainStream().Match(out) || bytes.Contains(out, []byte("<</Length ")) && regexp.MustCompile(`<</Length \d+>>\nstream`).Match(out) {
		t.Error("a stream is left plain")
	}
	// every xref entry points at its object, and every stream inflates to
	// a content stream
	xref := regexp.MustCompile(`(\d{10}) 00000 n`).FindAllSubmatch(out, -1)
	for _, m := range xref {
		off, _ := strconv.Atoi(string(m[1]))
		if !regexp.MustCompile(`^\d+ 0 obj`).Match(out[off:]) {
			t.Fatalf("xref offset %d points at %q", off, out[off:off+20])
		}
	}
	re := regexp.MustCompile(`(?s)<</Filter /FlateDecode /Length (\d+)>>\nstream\n`)
	n := 0
	for _, loc := range re.FindAllSubmatchIndex(out, -1) {
		l, _ := strconv.Atoi(string(out[loc[2]:loc[3]]))
		zr, err := zlib.NewReader(bytes.NewReader(out[loc[1] : loc[1]+l]))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.ReadAll(zr); err != nil {
			t.Fatalf("stream %d does not inflate: %v", n, err)
		}
		n++
	}
	if n < 13 {
		t.Errorf("%d compressed content streams for 13 pages", n)
	}
}
