package layouts

import (
	"bytes"
	"testing"

	"github.com/klauspost/compress/zlib"
)

// A compressor whose tables were touched compresses a stream to the same
// bytes as a new one: the warm-up changes no PDF.
func TestTouchedWriter_SameOutput(t *testing.T) {
	data := bytes.Repeat([]byte("BT /TT0 10.50 Tf 100.91 693.87 Td (Quarterly briefing) Tj ET\n"), 500)
	fresh, err := zlib.NewWriterLevel(nil, compressLevel)
	if err != nil {
		t.Fatal(err)
	}
	var a, b bytes.Buffer
	want := bytes.Clone(deflate(fresh, &a, data))
	if got := deflate(touchedWriter(), &b, data); !bytes.Equal(got, want) {
		t.Errorf("a touched compressor gives %d bytes, a new one %d", len(got), len(want))
	}
	WarmUp()
	zw := zlibWriters.Get().(*zlib.Writer)
	defer zlibWriters.Put(zw)
	if got := deflate(zw, &b, data); !bytes.Equal(got, want) {
		t.Error("a pooled compressor after WarmUp gives other bytes than a new one")
	}
}
