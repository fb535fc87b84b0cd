package scaffold

import (
	"os"
	"path/filepath"
	"testing"
)

func TestWrite_NewFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "brief")
	files, err := Write(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"briefing.yaml", "README.md", filepath.Join("data", "exercises.csv"), filepath.Join("narrative", "trends.md")} {
		if _, err := os.Stat(filepath.Join(dir, want)); err != nil {
			t.Errorf("missing %s (wrote %v)", want, files)
		}
	}
}

func TestWrite_ErrNotEmpty(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "keep.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Write(dir); err == nil {
		t.Fatal("want an error for a folder that is not empty")
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "keep.txt")); string(data) != "x" {
		t.Error("existing file changed")
	}
}
