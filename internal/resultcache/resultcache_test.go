package resultcache

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

// open opens a cache in a new folder for the test, closed after it, and
// returns its entries' folder and a function that opens it again, as the
// next run does (its entries written, none in memory).
func open(t *testing.T) (string, func()) {
	t.Helper()
	dir := t.TempDir()
	Open(dir)
	t.Cleanup(func() { Open("") })
	return filepath.Join(dir, folder), func() { Open(dir) }
}

func key(s string) [32]byte { return sha256.Sum256([]byte(s)) }

// What Put keeps, Get finds at once, and in the next run; it is written
// only once asked (Write, Flush).
func TestPutGet(t *testing.T) {
	folderPath, reopen := open(t)
	if _, ok := Get(key("a")); ok {
		t.Fatal("Get found an entry in an empty cache")
	}
	Put(key("a"), []byte("the results of a"))
	Put(key("b"), []byte{})
	if _, err := os.Stat(folderPath); !os.IsNotExist(err) {
		t.Errorf("Put wrote before Write (%v)", err)
	}
	for _, run := range []string{"this run", "the next"} {
		if got, ok := Get(key("a")); !ok || string(got) != "the results of a" {
			t.Errorf("%s: Get(a) = %q, %v; want what Put kept", run, got, ok)
		}
		if got, ok := Get(key("b")); !ok || len(got) != 0 {
			t.Errorf("%s: Get(b) = %q, %v; want empty, true", run, got, ok)
		}
		if _, ok := Get(key("c")); ok {
			t.Errorf("%s: Get(c) found an entry never put", run)
		}
		reopen()
	}
}

// Once written, an entry is not kept in memory too: a watch that builds
// for hours holds no more than one build's.
func TestWrittenEntriesLeaveMemory(t *testing.T) {
	open(t)
	Put(key("a"), []byte("x"))
	Flush()
	dir.Lock()
	n := len(dir.put)
	dir.Unlock()
	if n != 0 {
		t.Errorf("%d entries held in memory after they were written", n)
	}
	if got, ok := Get(key("a")); !ok || string(got) != "x" {
		t.Errorf("Get(a) = %q, %v after it was written; want x, true", got, ok)
	}
}

func TestClosedKeepsNothing(t *testing.T) {
	folderPath, _ := open(t)
	Open("")
	if Enabled() {
		t.Fatal("Enabled after Open(\"\")")
	}
	Put(key("a"), []byte("x"))
	Flush()
	if _, err := os.Stat(folderPath); !os.IsNotExist(err) {
		t.Errorf("a closed cache wrote its folder (%v)", err)
	}
	if _, ok := Get(key("a")); ok {
		t.Error("a closed cache found an entry")
	}
}

// An entry that is not whole, or not the key's, is passed over.
func TestDamagedEntriesPassedOver(t *testing.T) {
	folderPath, reopen := open(t)
	data := []byte("results worth keeping")
	for name, damage := range map[string]func([]byte) []byte{
		"CutShort":     func(b []byte) []byte { return b[:len(b)-3] },
		"ByteChanged":  func(b []byte) []byte { b[len(b)-1] ^= 1; return b },
		"Longer":       func(b []byte) []byte { return append(b, '!') },
		"OtherVersion": func(b []byte) []byte { return append([]byte("report results 0\n"), b[len(header):]...) },
		"Empty":        func([]byte) []byte { return nil },
	} {
		t.Run(name, func(t *testing.T) {
			k := key(name)
			Put(k, data)
			reopen()
			path := filepath.Join(folderPath, fmt.Sprintf("%x", k))
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, damage(b), 0o600); err != nil {
				t.Fatal(err)
			}
			reopen()
			if got, ok := Get(k); ok {
				t.Errorf("Get read a damaged entry: %q", got)
			}
		})
	}
	t.Run("OtherKeysEntry", func(t *testing.T) {
		Put(key("x"), data)
		reopen()
		b, _ := os.ReadFile(filepath.Join(folderPath, fmt.Sprintf("%x", key("x"))))
		os.WriteFile(filepath.Join(folderPath, fmt.Sprintf("%x", key("y"))), b, 0o600)
		if _, ok := Get(key("y")); ok {
			t.Error("Get took key x's entry for key y")
		}
	})
}

func TestTrimKeepsTheNewest(t *testing.T) {
	folderPath, reopen := open(t)
	old := time.Now().Add(-time.Hour)
	for i := range maxEntries + 3 {
		k := key(fmt.Sprint(i))
		Put(k, []byte{byte(i)})
		Flush()
		// the first three are the oldest
		if i < 3 {
			os.Chtimes(filepath.Join(folderPath, fmt.Sprintf("%x", k)), old, old)
		}
	}
	reopen()
	entries, err := os.ReadDir(folderPath)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != maxEntries {
		t.Errorf("%d entries kept, want %d", len(entries), maxEntries)
	}
	for i := range maxEntries + 3 {
		_, ok := Get(key(fmt.Sprint(i)))
		if want := i >= 3; ok != want {
			t.Errorf("entry %d kept: %v, want %v", i, ok, want)
		}
	}
}

func TestEntriesAreTheOwnersAlone(t *testing.T) {
	folderPath, _ := open(t)
	Put(key("a"), []byte("x"))
	Flush()
	for path, want := range map[string]os.FileMode{folderPath: 0o700, filepath.Join(folderPath, fmt.Sprintf("%x", key("a"))): 0o600} {
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if got := fi.Mode().Perm(); got&^want != 0 {
			t.Errorf("%s: mode %v, want at most %v", path, got, want)
		}
	}
}

// The program's identity is its Go build ID, as go tool buildid reads it.
func TestIdentityIsTheGoBuildID(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("an ELF executable's build ID is read")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("go", "tool", "buildid", exe).Output()
	if err != nil {
		t.Skipf("go tool buildid: %v", err)
	}
	if got, want := Identity(), "go build ID "+strings.TrimSpace(string(out)); got != want {
		t.Errorf("Identity() = %q, want %q", got, want)
	}
}

func TestNoteDesc(t *testing.T) {
	note := func(name string, typ uint32, desc string) []byte {
		b := binary.LittleEndian.AppendUint32(nil, uint32(len(name)))
		b = binary.LittleEndian.AppendUint32(b, uint32(len(desc)))
		b = binary.LittleEndian.AppendUint32(b, typ)
		b = append(b, name...)
		for len(b)%4 != 0 {
			b = append(b, 0)
		}
		b = append(b, desc...)
		for len(b)%4 != 0 {
			b = append(b, 0)
		}
		return b
	}
	gnu := note("GNU\x00", 3, "0123456789abcdef0123")
	goID := note("Go\x00\x00", 4, "abc/defgh")
	for _, tc := range []struct {
		name  string
		notes []byte
		want  string
	}{
		{"Alone", goID, "abc/defgh"},
		{"AfterAnother", append(slices.Clone(gnu), goID...), "abc/defgh"},
		{"NameOfThree", note("Go\x00", 4, "abc"), "abc"},
		{"OtherType", note("Go\x00\x00", 3, "x"), ""},
		{"OtherName", note("Gox\x00", 4, "x"), ""},
		{"CutShort", goID[:len(goID)-4], ""},
		{"None", nil, ""},
	} {
		if got := noteDesc(tc.notes, binary.LittleEndian, "Go", 4); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
	if id := goBuildID(bytes.NewReader([]byte("#!/bin/sh\necho not an ELF file\n"))); id != "" {
		t.Errorf("a script's build ID: %q", id)
	}
}

// The entries past maxBytes, the oldest first, are removed, and one over
// maxEntryBytes is not written.
func TestBytesBounded(t *testing.T) {
	folderPath, reopen := open(t)
	defer func(b int64, e int) { maxBytes, maxEntryBytes = b, e }(maxBytes, maxEntryBytes)
	maxBytes, maxEntryBytes = 4000, 1500
	at := time.Now().Add(-time.Hour)
	for i := range 4 {
		k := key(fmt.Sprint(i))
		Put(k, make([]byte, 1000)) // about 1,100 bytes written
		Flush()
		at = at.Add(time.Minute)
		os.Chtimes(filepath.Join(folderPath, fmt.Sprintf("%x", k)), at, at)
	}
	Put(key("big"), make([]byte, 1501))
	Flush()
	reopen()
	for i, want := range []bool{false, true, true, true} {
		if _, ok := Get(key(fmt.Sprint(i))); ok != want {
			t.Errorf("entry %d kept: %v, want %v", i, ok, want)
		}
	}
	if _, ok := Get(key("big")); ok {
		t.Error("an entry over maxEntryBytes was written")
	}
}

// An entry put again while its first data is being written is the second
// data, in memory and in its file.
func TestPutAgainWhileWriting(t *testing.T) {
	_, reopen := open(t)
	for i := range 50 {
		k := key(fmt.Sprint(i))
		Put(k, []byte("first"))
		Write()
		Put(k, []byte("second"))
		dir.Lock()
		first := dir.lastWrite
		dir.Unlock()
		<-first // the first data written, the second not yet
		if got, ok := Get(k); !ok || string(got) != "second" {
			t.Fatalf("%d: Get = %q, %v before the flush; want second", i, got, ok)
		}
	}
	Flush()
	for _, when := range []string{"after the flush", "in the next run"} {
		for i := range 50 {
			if got, ok := Get(key(fmt.Sprint(i))); !ok || string(got) != "second" {
				t.Fatalf("%s: %d: Get = %q, %v; want second", when, i, got, ok)
			}
		}
		reopen()
	}
}
