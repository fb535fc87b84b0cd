package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzLoadConfig decodes random config text, as YAML, JSON or TOML: Load
// must never panic or loop, and every error must be Problems whose each
// problem names the file (or the flag or variable it came from) and says
// what is wrong.
func FuzzLoadConfig(f *testing.F) {
	// The seed corpus in testdata/fuzz/FuzzLoadConfig holds the
	// repository's real configs (and a JSON and a TOML one); these add the
	// YAML corners.
	f.Add([]byte("a: &x [*x]\n"), uint8(0))
	f.Add([]byte("base: &b {kind: trend}\nanalyses:\n  a:\n    <<: *b\n    dataset: d\n"), uint8(0))
	dir := f.TempDir()
	for _, name := range []string{"data.csv", "d.csv", "logo.png", "a.md"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("year,kind\n2020,a\n"), 0o644); err != nil {
			f.Fatal(err)
		}
	}
	exts := []string{".yaml", ".json", ".toml"}
	f.Fuzz(func(t *testing.T, data []byte, kind uint8) {
		file := filepath.Join(dir, "briefing"+exts[int(kind)%len(exts)])
		if err := os.WriteFile(file, data, 0o644); err != nil {
			t.Fatal(err)
		}
		c, err := Load(file, Options{Sets: []string{"report.classification=X"}})
		if err == nil {
			if c == nil {
				t.Fatal("no config and no error")
			}
			return
		}
		var ps Problems
		if !errors.As(err, &ps) {
			t.Fatalf("error %T is not Problems: %v", err, err)
		}
		if len(ps) == 0 {
			t.Fatal("empty Problems returned as an error")
		}
		for _, p := range ps {
			if p.File == "" || strings.TrimSpace(p.Msg) == "" {
				t.Fatalf("problem without a file or a message: %#v", p)
			}
			if p.Line < 0 || p.Column < 0 || (p.File == file && p.Line > len(splitLines(data))) {
				t.Fatalf("problem outside the file's lines: %s", p.Error())
			}
		}
	})
}
