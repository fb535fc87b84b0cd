package layouts

import "testing"

// TestPDFFileRef reads "key N 0 R" entries of a trailer as fpdf writes them.
func TestPDFFileRef(t *testing.T) {
	f := &pdfFile{trailer: []byte("<<\n/Size 12\n/Root 11 0 R\n/Info 10 0 R>>")}
	for key, want := range map[string]int{"/Root": 11, "/Info": 10, "/Outlines": -1, "/Size": -1} {
		if got := f.ref(key); got != want {
			t.Errorf("ref(%s) = %d, want %d", key, got, want)
		}
	}
	for _, trailer := range []string{"<</Root x 0 R>>", "<</Root 11 1 R>>", "<</Root 11>>"} {
		if got := (&pdfFile{trailer: []byte(trailer)}).ref("/Root"); got != -1 {
			t.Errorf("ref in %q = %d, want -1", trailer, got)
		}
	}
}
