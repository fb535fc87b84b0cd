package atomicfile

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestWrite_CreatesFolderAndFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out", "a.pdf")
	if err := Write(path, []byte("new")); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil || string(got) != "new" {
		t.Fatalf("read back %q, %v", got, err)
	}
	assertOnly(t, filepath.Join(dir, "out"), "a.pdf")
}

func TestWrite_ErrPathIsFolderLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "target")
	if err := os.Mkdir(target, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := Write(target, []byte("x")); err == nil {
		t.Fatal("want an error when the path is a folder")
	}
	assertOnly(t, dir, "target")
}

func TestWrite_ErrUnwritableKeepsOldFile(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root can write into read-only folders")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "a.pdf")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(dir, 0o755)
	if err := Write(path, []byte("new")); err == nil {
		t.Fatal("want an error in a read-only folder")
	}
	got, _ := os.ReadFile(path)
	if string(got) != "old" {
		t.Fatalf("old file replaced: %q", got)
	}
}

func assertOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(names) {
		var got []string
		for _, e := range entries {
			got = append(got, e.Name())
		}
		t.Fatalf("folder holds %q, want only %q", got, names)
	}
	for i, e := range entries {
		if e.Name() != names[i] {
			t.Fatalf("folder holds %q, want %q", e.Name(), names[i])
		}
	}
}

func TestCleanup_RemovesUnfinishedTemporaryFiles(t *testing.T) {
	dir := t.TempDir()
	tmp, err := os.CreateTemp(dir, ".x.pdf.*.tmp")
	if err != nil {
		t.Fatal(err)
	}
	tmp.Close()
	track(tmp.Name(), true)
	Cleanup()
	assertOnly(t, dir)
}

func TestWriteAll_AFailureLeavesEveryTargetAsItWas(t *testing.T) {
	dir := t.TempDir()
	pdf := filepath.Join(dir, "a.pdf")
	if err := os.WriteFile(pdf, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	folder := filepath.Join(dir, "a.manifest.json")
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	err := WriteAll(File{Path: pdf, Data: []byte("new")}, File{Path: folder, Data: []byte("{}")})
	if err == nil {
		t.Fatal("want an error: the second path is a folder")
	}
	if got, _ := os.ReadFile(pdf); string(got) != "old" {
		t.Errorf("the first file reads %q after the second failed, want it untouched", got)
	}
	assertOnly(t, dir, "a.manifest.json", "a.pdf")
}

func TestWriteAll_WritesEach(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.pdf"), filepath.Join(dir, "sub", "a.manifest.json")
	if err := WriteAll(File{Path: a, Data: []byte("pdf")}, File{Path: b, Data: []byte("json")}); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{a: "pdf", b: "json"} {
		if got, err := os.ReadFile(path); err != nil || string(got) != want {
			t.Errorf("%s reads %q, %v; want %q", path, got, err, want)
		}
	}
	assertOnly(t, dir, "a.pdf", "sub")
}

// A guarded Write creates no temporary file until the guard is closed,
// then writes as before.
func TestGuard_NoTemporaryFileBeforeTheHandler(t *testing.T) {
	dir := t.TempDir()
	ready := make(chan struct{})
	Guard(ready)
	t.Cleanup(func() { guard.Store(nil) })
	path := filepath.Join(dir, "a.pdf")
	done := make(chan error, 1)
	go func() { done <- Write(path, []byte("new")) }()
	time.Sleep(50 * time.Millisecond) // time enough to write, were it not waiting
	select {
	case err := <-done:
		t.Fatalf("Write returned before the guard was closed (%v)", err)
	default:
	}
	assertOnly(t, dir)
	close(ready)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if got, err := os.ReadFile(path); err != nil || string(got) != "new" {
		t.Fatalf("read back %q, %v", got, err)
	}
	assertOnly(t, dir, "a.pdf")
}
