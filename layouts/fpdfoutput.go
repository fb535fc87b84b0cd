package layouts

import "codeberg.org/go-pdf/fpdf"

// fpdfOutput returns fpdf's finished file for the finishing pass. fpdf's
// Output hands its whole buffer to a single Write and closes the document,
// never to touch that buffer again; the finishing pass reads the buffer
// where it lies instead of a copy (the file's size allocated, faulted in
// and copied once more).
func fpdfOutput(pdf *fpdf.Fpdf) ([]byte, error) {
	var h handOver
	if err := pdf.Output(&h); err != nil {
		return nil, err
	}
	return h.b, nil
}

// handOver is the writer fpdfOutput gives fpdf: it keeps the first slice
// written to it, which io.Writer's contract forbids in general but fpdf's
// Output allows (see fpdfOutput). Should fpdf ever write in more than one
// piece, the pieces are copied and joined, as any writer would.
type handOver struct {
	b   []byte
	own bool // b is a copy of its own: the first piece is no longer kept
}

func (h *handOver) Write(p []byte) (int, error) {
	switch {
	case h.b == nil:
		h.b = p
	case !h.own:
		h.b = append(append(make([]byte, 0, len(h.b)+len(p)), h.b...), p...)
		h.own = true
	default:
		h.b = append(h.b, p...)
	}
	return len(p), nil
}
