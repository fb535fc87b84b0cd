//go:build linux

package hashcache

import (
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// later is a hashing that began long enough after every file of a test was
// written for the file to be remembered (see racyWindow).
func later() time.Time { return time.Now().Add(2 * racyWindow) }

// file writes a file in dir and returns its path and what it is now.
func file(t *testing.T, dir, name, text string) (string, os.FileInfo) {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, stat(t, path)
}

func stat(t *testing.T, path string) os.FileInfo {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi
}

// reopen is the next run: the cache saved, then read again.
func reopen(t *testing.T, dir string) {
	t.Helper()
	if err := Save(); err != nil {
		t.Fatal(err)
	}
	Open(dir)
}

func TestLookup_RemembersAcrossRuns(t *testing.T) {
	dir := t.TempDir()
	Open(filepath.Join(dir, "cache"))
	path, fi := file(t, dir, "a.csv", "year,value\n2024,1\n")
	sum := sha256.Sum256([]byte("year,value\n2024,1\n"))
	if _, ok := Lookup(path, fi); ok {
		t.Fatal("a file never hashed is remembered")
	}
	Remember(path, fi, sum, later())
	reopen(t, filepath.Join(dir, "cache"))
	got, ok := Lookup(path, stat(t, path))
	if !ok || got != sum {
		t.Fatalf("Lookup = %x, %v; want %x, true", got, ok, sum)
	}
	// the same file by another name is looked up by its own
	if _, ok := Lookup(filepath.Join(dir, ".", "a.csv"), fi); !ok {
		t.Error("a path written another way is not the same path")
	}
}

// Anything that changes the file, or puts another in its place, makes it
// a file not remembered.
func TestLookup_ChangedFileIsNotRemembered(t *testing.T) {
	changes := map[string]func(t *testing.T, path string){
		"Appended": func(t *testing.T, path string) {
			f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
			if err != nil {
				t.Fatal(err)
			}
			f.WriteString("2025,2\n")
			f.Close()
		},
		"RewrittenSameSizeAndTimes": func(t *testing.T, path string) {
			old := stat(t, path)
			os.WriteFile(path, []byte("year,value\n2024,9\n"), 0o644)
			os.Chtimes(path, old.ModTime(), old.ModTime()) // as cp -p or rsync -t leave it: the change time tells
		},
		"ModeChanged": func(t *testing.T, path string) { os.Chmod(path, 0o600) },
		"ReplacedByRename": func(t *testing.T, path string) {
			other := path + ".new"
			os.WriteFile(other, []byte("year,value\n2024,1\n"), 0o644)
			os.Rename(other, path)
		},
	}
	for name, change := range changes {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			Open(dir)
			path, fi := file(t, dir, "a.csv", "year,value\n2024,1\n")
			Remember(path, fi, sha256.Sum256([]byte("year,value\n2024,1\n")), later())
			time.Sleep(10 * time.Millisecond) // past a tick of the kernel's clock
			change(t, path)
			reopen(t, dir)
			if _, ok := Lookup(path, stat(t, path)); ok {
				t.Error("the changed file's old hash was given")
			}
		})
	}
}

// A file changed less than racyWindow before its hashing began is not
// remembered: a write in the same tick could leave its times unchanged.
func TestRemember_NotARecentlyChangedFile(t *testing.T) {
	dir := t.TempDir()
	Open(dir)
	path, fi := file(t, dir, "a.csv", "x\n")
	Remember(path, fi, sha256.Sum256([]byte("x\n")), time.Now())
	reopen(t, dir)
	if _, ok := Lookup(path, fi); ok {
		t.Error("a file written just now was remembered")
	}
	if _, err := os.Stat(filepath.Join(dir, fileName)); err == nil {
		t.Error("the cache was written with nothing remembered")
	}
}

func TestOpen_OffRemembersNothing(t *testing.T) {
	dir := t.TempDir()
	Open("")
	path, fi := file(t, dir, "a.csv", "x\n")
	Remember(path, fi, sha256.Sum256([]byte("x\n")), later())
	if _, ok := Lookup(path, fi); ok {
		t.Error("a closed cache remembered a file")
	}
	if err := Save(); err != nil {
		t.Error(err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("files written: %v", entries)
	}
}

// A cache file that is not as Save writes it (cut short, another
// version's, garbage) is an empty cache, and is written over.
func TestLoad_DamagedCacheIsEmpty(t *testing.T) {
	dir := t.TempDir()
	path, fi := file(t, dir, "a.csv", "x\n")
	k, _ := keyOf(fi)
	good := fmt.Sprintf("%s\n%d %d %d %d %d %x 1 %s\n", header, k.dev, k.ino, k.size, k.mtime, k.ctime, sha256.Sum256([]byte("x\n")), path)
	for name, text := range map[string]string{
		"CutShort":     good[:len(good)-20],
		"OtherVersion": strings.Replace(good, header, "report file hashes 2", 1),
		"Garbage":      "\x00\x01\x02",
		"ShortSum":     strings.Replace(good, fmt.Sprintf("%x", sha256.Sum256([]byte("x\n"))), "abcd", 1),
		"RelativePath": strings.Replace(good, path, "a.csv", 1),
	} {
		t.Run(name, func(t *testing.T) {
			os.WriteFile(filepath.Join(dir, fileName), []byte(text), 0o644)
			Open(dir)
			if _, ok := Lookup(path, fi); ok {
				t.Error("a hash was taken from a damaged cache")
			}
		})
	}
	os.WriteFile(filepath.Join(dir, fileName), []byte(good), 0o644)
	Open(dir)
	if _, ok := Lookup(path, fi); !ok {
		t.Error("the well-formed cache was not read")
	}
}

// Two runs that remember at once both keep what they remembered: Save
// adds to what is on disk.
func TestSave_KeepsWhatAnotherRunWrote(t *testing.T) {
	dir := t.TempDir()
	a, fa := file(t, dir, "a.csv", "a\n")
	b, fb := file(t, dir, "b.csv", "b\n")
	Open(dir) // a first run remembers a, not yet saved
	Remember(a, fa, sha256.Sum256([]byte("a\n")), later())
	first := cache.entries
	Open(dir) // meanwhile a second run remembers b and saves
	Remember(b, fb, sha256.Sum256([]byte("b\n")), later())
	if err := Save(); err != nil {
		t.Fatal(err)
	}
	cache.entries, cache.dirty = first, true // the first run saves
	reopen(t, dir)
	for path, fi := range map[string]os.FileInfo{a: fa, b: fb} {
		if _, ok := Lookup(path, fi); !ok {
			t.Errorf("%s is not remembered", filepath.Base(path))
		}
	}
}

// The cache keeps the maxEntries paths remembered last.
func TestSave_KeepsTheNewest(t *testing.T) {
	dir := t.TempDir()
	Open(dir)
	var paths []string
	var infos []os.FileInfo
	for i := range maxEntries + 3 {
		p, fi := file(t, dir, fmt.Sprintf("f%04d.csv", i), "x\n")
		Remember(p, fi, sha256.Sum256([]byte("x\n")), later().Add(time.Duration(i)*time.Second))
		paths, infos = append(paths, p), append(infos, fi)
	}
	reopen(t, dir)
	for i, p := range paths {
		_, ok := Lookup(p, infos[i])
		if want := i >= 3; ok != want {
			t.Errorf("%s remembered: %v, want %v", filepath.Base(p), ok, want)
		}
	}
}

func TestRemember_NotAPathWithANewline(t *testing.T) {
	dir := t.TempDir()
	Open(dir)
	path, fi := file(t, dir, "a\nb.csv", "x\n")
	Remember(path, fi, sha256.Sum256([]byte("x\n")), later())
	if cache.dirty {
		t.Error("a path that would break the cache's lines was remembered")
	}
}
