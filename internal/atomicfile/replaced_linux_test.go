package atomicfile

import (
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// drain closes and forgets the files replaced so far.
func drain() {
	for _, f := range Replaced() {
		f.Close()
	}
}

func TestWriteAll_HoldsTheReplacedFileOpen(t *testing.T) {
	drain()
	dir := t.TempDir()
	path := filepath.Join(dir, "b.pdf")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Write(path, []byte("new")); err != nil {
		t.Fatal(err)
	}
	got := Replaced()
	if len(got) != 1 {
		t.Fatalf("Replaced() = %d files, want the one replaced", len(got))
	}
	defer got[0].Close()
	old, err := io.ReadAll(got[0])
	if err != nil || string(old) != "old" {
		t.Errorf("the held file reads %q (%v), want the replaced content %q", old, err, "old")
	}
	var st syscall.Stat_t
	if err := syscall.Fstat(int(got[0].Fd()), &st); err != nil || st.Nlink != 0 {
		t.Errorf("the held file has %d names (%v), want none: it was replaced", st.Nlink, err)
	}
	if b, _ := os.ReadFile(path); string(b) != "new" {
		t.Errorf("%s = %q, want %q", path, b, "new")
	}
	if again := Replaced(); len(again) != 0 {
		t.Errorf("a second Replaced() = %d files, want none: the first took them", len(again))
	}
}

func TestWriteAll_HoldsNothingNotReplaced(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "target.pdf")
	if err := os.WriteFile(target, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.pdf")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "fifo.pdf")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, path string }{
		{"NewPath", filepath.Join(dir, "new.pdf")},
		{"SymbolicLink", link}, // the rename replaces the link, not its target
		{"Pipe", fifo},         // opened without blocking, then left
	} {
		t.Run(tc.name, func(t *testing.T) {
			drain()
			if err := Write(tc.path, []byte("new")); err != nil {
				t.Fatal(err)
			}
			if got := Replaced(); len(got) != 0 {
				t.Errorf("Replaced() = %d files, want none", len(got))
			}
		})
	}
	if b, _ := os.ReadFile(target); string(b) != "old" {
		t.Errorf("the link's target = %q, want it untouched", b)
	}
}

func TestWriteAll_HoldsAtMostMaxReplaced(t *testing.T) {
	drain()
	path := filepath.Join(t.TempDir(), "b.pdf")
	for i := range maxReplaced + 5 {
		if err := Write(path, []byte{byte(i)}); err != nil {
			t.Fatal(err)
		}
	}
	got := Replaced()
	defer func() {
		for _, f := range got {
			f.Close()
		}
	}()
	if len(got) != maxReplaced {
		t.Fatalf("Replaced() = %d files after %d replacements, want the last %d", len(got), maxReplaced+4, maxReplaced)
	}
	// the newest are kept: the last replaced held the next-to-last content
	b, err := io.ReadAll(got[len(got)-1])
	if err != nil || len(b) != 1 || b[0] != byte(maxReplaced+3) {
		t.Errorf("the last held file reads %v (%v), want [%d]", b, err, maxReplaced+3)
	}
}
