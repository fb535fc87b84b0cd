//go:build linux

package dataset

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/briefing/report/internal/hashcache"
)

// A file read a second time, unchanged, gets the SHA-256 the first
// reading remembered, not hashed again, and it is the file's; one written
// to since is hashed again. Text files (read in chunks: the register; at
// once: a small CSV) and workbooks alike.
func TestScan_HashRememberedForAnUnchangedFile(t *testing.T) {
	dir := t.TempDir()
	copyFile := func(from, name string) string {
		data, err := os.ReadFile(from)
		if err != nil {
			t.Fatal(err)
		}
		to := filepath.Join(dir, name)
		if err := os.WriteFile(to, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return to
	}
	specs := []Spec{
		{Path: copyFile(register2026, "register.csv"), Format: FormatSIPRIRegister},
		{Path: copyFile(filepath.Join("..", "..", "testdata", "russia-china", "data", "balikatan.csv"), "small.csv")},
		{Path: copyFile(filepath.Join(xlsxDir, "agreements.xlsx"), "book.xlsx")},
	}
	time.Sleep(2100 * time.Millisecond) // the files were written just now: not remembered before (hashcache's racy window)
	t.Cleanup(func() { hashcache.Open("") })
	hashcache.Open(filepath.Join(dir, "cache"))
	scan := func(spec Spec) FileInfo {
		info, err := Scan(spec, nil, func(Row) error { return nil })
		if err != nil {
			t.Fatal(err)
		}
		return info.Files[0]
	}
	for _, spec := range specs {
		data, _ := os.ReadFile(spec.Path)
		sum := sha256.Sum256(data)
		want := hex.EncodeToString(sum[:])
		first := scan(spec)
		if first.Remembered || first.SHA256 != want {
			t.Errorf("%s, first read: remembered %v, SHA-256 %s; want hashed, %s", spec.Path, first.Remembered, first.SHA256, want)
		}
		if err := hashcache.Save(); err != nil {
			t.Fatal(err)
		}
		hashcache.Open(filepath.Join(dir, "cache")) // the next run
		second := scan(spec)
		if !second.Remembered || second.SHA256 != want {
			t.Errorf("%s, read again: remembered %v, SHA-256 %s; want remembered, %s", spec.Path, second.Remembered, second.SHA256, want)
		}
	}
	// written to since: hashed again, its new hash
	small := specs[1]
	if err := os.WriteFile(small.Path, []byte("year,name\n2025,Balikatan\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256([]byte("year,name\n2025,Balikatan\n"))
	if got := scan(small); got.Remembered || got.SHA256 != hex.EncodeToString(sum[:]) {
		t.Errorf("a file written to: remembered %v, SHA-256 %s; want hashed, %x", got.Remembered, got.SHA256, sum)
	}
}
