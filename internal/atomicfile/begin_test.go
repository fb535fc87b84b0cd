package atomicfile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// readFile is path's content, "" when it cannot be read.
func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	return string(b)
}

// A file begun ahead is on disk, synced, beside its target before its
// WriteAll, which leaves the target as it was until then, and renames it
// into place after the file written with it.
func TestBegin_WrittenAheadRenamedByWriteAll(t *testing.T) {
	dir := t.TempDir()
	pdf, manifest := filepath.Join(dir, "a.pdf"), filepath.Join(dir, "a.manifest.json")
	if err := os.WriteFile(manifest, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	b := Begin(manifest, []byte("new manifest"))
	<-b.done
	if b.err != nil {
		t.Fatal(b.err)
	}
	if got := readFile(t, b.tmp); got != "new manifest" {
		t.Fatalf("the file begun holds %q before WriteAll, want the new content", got)
	}
	if got := readFile(t, manifest); got != "old" {
		t.Fatalf("the target reads %q before WriteAll, want it untouched", got)
	}
	if err := WriteAll(File{Path: pdf, Data: []byte("pdf")}, File{Path: manifest, Data: []byte("not these bytes"), Begun: b}); err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, pdf); got != "pdf" {
		t.Errorf("the PDF reads %q", got)
	}
	if got := readFile(t, manifest); got != "new manifest" {
		t.Errorf("the manifest reads %q, want what Begin wrote", got)
	}
	assertOnly(t, dir, "a.manifest.json", "a.pdf")
}

// Discard removes what Begin wrote and leaves the target as it was.
func TestBegin_Discard(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.manifest.json")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	b := Begin(path, []byte("new"))
	b.Discard()
	b.Discard() // a second call does nothing
	if got := readFile(t, path); got != "old" {
		t.Errorf("the target reads %q after Discard, want it untouched", got)
	}
	assertOnly(t, dir, "a.manifest.json")
	inflight.Lock()
	defer inflight.Unlock()
	for name := range inflight.names {
		if strings.HasPrefix(name, dir) {
			t.Errorf("%s still tracked for Cleanup after Discard", name)
		}
	}
}

// A file begun for another path than WriteAll's is discarded, and the
// File's Data written.
func TestBegin_OtherPathDiscarded(t *testing.T) {
	dir := t.TempDir()
	planned, written := filepath.Join(dir, "q1.manifest.json"), filepath.Join(dir, "q2.manifest.json")
	b := Begin(planned, []byte("planned"))
	if err := WriteAll(File{Path: written, Data: []byte("written"), Begun: b}); err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, written); got != "written" {
		t.Errorf("%s reads %q, want the File's Data", written, got)
	}
	assertOnly(t, dir, "q2.manifest.json")
}

// When a file written with it fails, the file begun ahead is removed too
// and every target left as it was.
func TestBegin_AFailureRemovesIt(t *testing.T) {
	dir := t.TempDir()
	pdf, manifest := filepath.Join(dir, "a.pdf"), filepath.Join(dir, "a.manifest.json")
	if err := os.Mkdir(pdf, 0o755); err != nil { // the PDF's path is a folder: its writing fails
		t.Fatal(err)
	}
	if err := os.WriteFile(manifest, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	b := Begin(manifest, []byte("new"))
	if err := WriteAll(File{Path: pdf, Data: []byte("pdf")}, File{Path: manifest, Begun: b}); err == nil {
		t.Fatal("want an error: the PDF's path is a folder")
	}
	if got := readFile(t, manifest); got != "old" {
		t.Errorf("the manifest reads %q after the PDF failed, want it untouched", got)
	}
	assertOnly(t, dir, "a.manifest.json", "a.pdf")
}
