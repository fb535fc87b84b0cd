package fontfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/image/font/gofont/goregular"
)

// copyFont writes a copy of Go Regular at a path of its own.
func copyFont(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "font.ttf")
	if err := os.WriteFile(path, goregular.TTF, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// A file is read and parsed once, however many ask for it at once, and
// again once it changes.
func TestOpen_OncePerFileUntilItChanges(t *testing.T) {
	path := copyFont(t)
	got := make([]*File, 8)
	var wg sync.WaitGroup
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f, err := Open(path)
			if err != nil {
				t.Error(err)
			}
			got[i] = f
		}()
	}
	wg.Wait()
	for _, f := range got[1:] {
		if f != got[0] {
			t.Fatal("the file was parsed more than once")
		}
	}
	if got[0].SFNT == nil || got[0].TrueType == nil || len(got[0].Data) != len(goregular.TTF) {
		t.Fatalf("parsed %+v", got[0])
	}
	// the same bytes, written again later: a new modification time
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(path, later, later); err != nil {
		t.Fatal(err)
	}
	again, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if again == got[0] {
		t.Error("a changed file was not read again")
	}
	mu.Lock()
	versions := 0
	for key := range files {
		if strings.HasPrefix(key, path+"\x00") {
			versions++
		}
	}
	mu.Unlock()
	if versions != 1 {
		t.Errorf("%d versions of the file kept, want the latest alone", versions)
	}
	if f, err := Embedded("Go Regular", goregular.TTF); err != nil || f.TrueType == nil {
		t.Fatalf("Embedded: %v", err)
	} else if g, _ := Embedded("Go Regular", goregular.TTF); g != f {
		t.Error("an embedded font was parsed more than once")
	}
}

// A file that cannot be read gives os's error; one that is not a font
// report can embed, a *FormatError saying which check refused it.
func TestOpen_Errors(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "notes.ttf")
	if err := os.WriteFile(text, []byte("not a font at all"), 0o644); err != nil {
		t.Fatal(err)
	}
	var fe *FormatError
	if _, err := Open(filepath.Join(dir, "missing.ttf")); !errors.Is(err, fs.ErrNotExist) || errors.As(err, &fe) {
		t.Errorf("a missing file: %v", err)
	}
	if _, err := Open(text); !errors.As(err, &fe) || fe.Stage != NotSFNT {
		t.Errorf("a text file: %v", err)
	}
	if _, err := Open("../../testdata/fonts/CFFTest.otf"); !errors.As(err, &fe) || fe.Stage != CFFOutlines {
		t.Errorf("an OpenType font with CFF outlines: %v", err)
	}
}
