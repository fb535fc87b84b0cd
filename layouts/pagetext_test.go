package layouts

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"
)

// Operators of any bytes (line ends, '%', 0xFF, longer than a block) come
// back from their references as they were kept, in a content stream whose
// other lines stay as they are.
func TestPageTexts_ExpandAsKept(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var texts pageTexts
	var plain, refs bytes.Buffer
	for i := range 3000 {
		if i%5 == 0 {
			line := "0.5 w 10 20 m 30 40 l S\n"
			plain.WriteString(line)
			refs.WriteString(line)
		}
		n := rng.IntN(120)
		if i == 1000 {
			n = textBlockSize + 10 // a block of its own
		}
		op := make([]byte, n)
		for k := range op {
			const alphabet = "BT ()\\%\xff\n\r0 9"
			op[k] = alphabet[rng.IntN(len(alphabet))]
		}
		plain.Write(op)
		plain.WriteByte('\n')
		refs.Write(texts.add(nil, op))
		refs.WriteByte('\n')
	}
	if len(texts.blocks) < 4 {
		t.Fatalf("%d blocks: the test did not fill several", len(texts.blocks))
	}
	var got bytes.Buffer
	if err := texts.expand(&got, refs.Bytes()); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), plain.Bytes()) {
		t.Errorf("expanded %d bytes, kept %d: not the same", got.Len(), plain.Len())
	}
}

// A reference that is not a line of its own, or refers to nothing, is an
// error, not a file with a stray comment.
func TestPageTexts_BadReference(t *testing.T) {
	var texts pageTexts
	ref := string(texts.add(nil, []byte("BT /TT0 10.00 Tf 1.00 2.00 Td (\\000a) Tj ET")))
	for _, content := range []string{
		"q " + ref + "\n",
		textRefMark + "0 999\n",
		textRefMark + "7 0\n",
		textRefMark + "x\n",
	} {
		if err := texts.expand(new(bytes.Buffer), []byte(content)); err == nil {
			t.Errorf("%q: no error", content)
		}
	}
	var out strings.Builder
	if err := texts.expand(&out, []byte(ref+"\nQ\n")); err != nil || !strings.HasPrefix(out.String(), "BT /TT0") {
		t.Errorf("a good reference: %q, %v", out.String(), err)
	}
}

// The sample finished with its text kept in the store is the file finished
// with the text in fpdf's pages, to the byte.
func TestPageTexts_SameFile(t *testing.T) {
	doc := sampleDoc(t)
	finish := func(store bool) []byte {
		e, err := newEnv(doc)
		if err != nil {
			t.Fatal(err)
		}
		if !store {
			e.texts = nil
		}
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
		plain, err := fpdfOutput(pdf)
		if err != nil {
			t.Fatal(err)
		}
		if store != bytes.Contains(plain, []byte(textRefMark)) {
			t.Fatalf("store %v, yet references in fpdf's pages: %v", store, !store)
		}
		out, err := finishFile(plain, e.doc, e.tags, e.texts, e.fonts, nil)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	if a, b := finish(true), finish(false); !bytes.Equal(a, b) {
		t.Errorf("the file with the store (%d bytes) differs from the one without (%d)", len(a), len(b))
	}
}

// Pages whose content fpdf compressed itself cannot have their text put
// back: an error, not a file with references left in it.
func TestPageTexts_CompressedPagesAreAnError(t *testing.T) {
	e, err := newEnv(sampleDoc(t))
	if err != nil {
		t.Fatal(err)
	}
	plan, err := layout(e)
	if err != nil {
		t.Fatal(err)
	}
	pdf, err := newPDF(e)
	if err != nil {
		t.Fatal(err)
	}
	pdf.SetCompression(true)
	if err := draw(e, plan, pdf); err != nil {
		t.Fatal(err)
	}
	plain, err := fpdfOutput(pdf)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := finishFile(plain, e.doc, e.tags, e.texts, e.fonts, nil); err == nil || !strings.Contains(err.Error(), "content streams are not plain") {
		t.Errorf("error %v, want one about the content streams", err)
	}
}
