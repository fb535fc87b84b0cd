package briefing

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/briefing/report/config"
	"github.com/briefing/report/internal/period"
)

// outIn is an Options.Out that puts the PDF at name in dir.
func outIn(dir, name string) func(*config.Config, period.Period) (string, error) {
	return func(*config.Config, period.Period) (string, error) { return filepath.Join(dir, name), nil }
}

// folderHolds fails t unless dir holds exactly names.
func folderHolds(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if len(got) != len(names) {
		t.Fatalf("%s holds %q, want %q", dir, got, names)
	}
	for i := range names {
		if got[i] != names[i] {
			t.Fatalf("%s holds %q, want %q", dir, got, names)
		}
	}
}

// With Out, the manifest is written while the pages are laid out, and
// Write renames it into place beside the PDF; before Write, the folder
// shows neither file.
func TestBuild_OutWritesTheManifestAhead(t *testing.T) {
	dir := t.TempDir()
	r, err := Build(Options{Config: sample, Clock: fixedClock(), Out: outIn(dir, "b.pdf")})
	if err != nil {
		t.Fatal(err)
	}
	if r.manifest == nil {
		t.Fatal("no manifest begun ahead")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || entries[0].Name()[0] != '.' {
		t.Fatalf("before Write the folder holds %v, want one hidden temporary file", entries)
	}
	if err := r.Write(filepath.Join(dir, "b.pdf")); err != nil {
		t.Fatal(err)
	}
	folderHolds(t, dir, "b.manifest.json", "b.pdf")
	if got, _ := os.ReadFile(filepath.Join(dir, "b.manifest.json")); string(got) != string(r.Manifest) {
		t.Errorf("the manifest written ahead reads\n%s\nwant\n%s", got, r.Manifest)
	}
}

// A Write to another path than Out's writes the manifest there, and
// leaves nothing in Out's folder.
func TestBuild_WriteElsewhereDiscardsTheManifestAhead(t *testing.T) {
	planned, written := t.TempDir(), t.TempDir()
	r, err := Build(Options{Config: sample, Clock: fixedClock(), Out: outIn(planned, "b.pdf")})
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Write(filepath.Join(written, "c.pdf")); err != nil {
		t.Fatal(err)
	}
	folderHolds(t, planned)
	folderHolds(t, written, "c.manifest.json", "c.pdf")
}

// A build that fails after the manifest was begun (here a text the fonts
// cannot draw, an error under Strict, found as the pages are laid out)
// leaves the folder as it was.
func TestBuild_AFailedBuildLeavesNoManifest(t *testing.T) {
	dir := t.TempDir()
	_, err := Build(Options{Config: sample, Clock: fixedClock(), Strict: true, Sets: []string{"report.subtitle=中国"},
		Out: outIn(dir, "b.pdf")})
	if err == nil {
		t.Fatal("want an error: the subtitle's characters are in no font, an error under Strict")
	}
	folderHolds(t, dir)
}

// No manifest is begun for a folder still to be made: a build that
// failed would leave the folder behind.
func TestBuild_NoManifestAheadForANewFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new")
	r, err := Build(Options{Config: sample, Clock: fixedClock(), Out: outIn(dir, "b.pdf")})
	if err != nil {
		t.Fatal(err)
	}
	if r.manifest != nil {
		t.Fatal("a manifest begun in a folder that did not exist")
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Fatalf("the folder was made before Write (%v)", err)
	}
	if err := r.Write(filepath.Join(dir, "b.pdf")); err != nil {
		t.Fatal(err)
	}
	folderHolds(t, dir, "b.manifest.json", "b.pdf")
}
