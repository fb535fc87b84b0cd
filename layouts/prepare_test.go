package layouts

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// shapingParsed reports whether data has been parsed for shaping.
func shapingParsed(data []byte) bool {
	shapingMu.Lock()
	defer shapingMu.Unlock()
	_, ok := shapingFonts[&data[0]]
	return ok
}

// A document written right to left has its fallback fonts parsed for
// shaping while the data is read, not when its layout meets the first
// word to shape; one written left to right does not pay for it.
func TestPrepare_RightToLeftFallbacksParsedForShapingAhead(t *testing.T) {
	needDejaVu(t)
	data, err := os.ReadFile(dejavuSans)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		language string
		ahead    bool
	}{{"ar-u-nu-arab", true}, {"he", true}, {"fr", false}} {
		// a copy of its own: fonts are parsed once per file and process
		path := filepath.Join(t.TempDir(), "DejaVuSans.ttf")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		p := Prepare(Fonts{Fallback: []string{path}}, "A4", c.language)
		<-p.done
		if p.err != nil {
			t.Fatal(p.err)
		}
		fallback := p.set.faces[bodyFaces].data
		parsed := shapingParsed(fallback)
		for deadline := time.Now().Add(10 * time.Second); c.ahead && !parsed && time.Now().Before(deadline); {
			time.Sleep(5 * time.Millisecond)
			parsed = shapingParsed(fallback)
		}
		if parsed != c.ahead {
			t.Errorf("%s: the fallback font parsed for shaping ahead: %v, want %v", c.language, parsed, c.ahead)
		}
	}
}
