package layouts

import (
	"bytes"
	"testing"

	"codeberg.org/go-pdf/fpdf"
)

// TestFpdfOutput_AsOutputWrites: the file handed over is the bytes fpdf's
// Output writes into a buffer.
func TestFpdfOutput_AsOutputWrites(t *testing.T) {
	doc := func() *fpdf.Fpdf {
		pdf := fpdf.New("P", "mm", "A4", "")
		pdf.SetCompression(false)
		pdf.SetCreationDate(drawingDate)
		pdf.AddPage()
		pdf.Rect(10, 10, 50, 20, "F")
		return pdf
	}
	var want bytes.Buffer
	if err := doc().Output(&want); err != nil {
		t.Fatal(err)
	}
	got, err := fpdfOutput(doc())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want.Bytes()) || len(got) == 0 {
		t.Errorf("handed over %d bytes, Output writes %d", len(got), want.Len())
	}
}

// TestHandOver_JoinsPiecesAsCopies: written in pieces, the pieces are
// joined, and none of them is kept past the first.
func TestHandOver_JoinsPiecesAsCopies(t *testing.T) {
	var h handOver
	first := append(make([]byte, 0, 64), "%PDF-"...) // room a careless append would write into
	second, third := []byte("1.3\n"), []byte("%%EOF")
	for _, p := range [][]byte{first, second, third} {
		if n, err := h.Write(p); n != len(p) || err != nil {
			t.Fatalf("Write(%q) = %d, %v", p, n, err)
		}
	}
	first[0], second[0], third[0] = 'x', 'x', 'x' // the writer's buffers, reused
	if string(h.b) != "%PDF-1.3\n%%EOF" {
		t.Errorf("joined %q", h.b)
	}
}

// TestHandOver_KeepsASinglePiece: one piece is kept as it is, not copied.
func TestHandOver_KeepsASinglePiece(t *testing.T) {
	var h handOver
	p := []byte("%PDF-1.3\n%%EOF")
	h.Write(p)
	if &h.b[0] != &p[0] {
		t.Error("the single piece was copied")
	}
}
