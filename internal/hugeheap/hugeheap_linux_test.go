package hugeheap

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestMode_TheBracketedWord(t *testing.T) {
	for _, tc := range []struct{ name, setting, want string }{
		{"Madvise", "always [madvise] never\n", "madvise"},
		{"Always", "[always] madvise never\n", "always"},
		{"Never", "always madvise [never]\n", "never"},
		{"Unbracketed", "always madvise never\n", ""},
		{"Unclosed", "always [madvise never\n", ""},
		{"Empty", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			withSetting(t, &modeFile, tc.setting)
			if got := mode(); got != tc.want {
				t.Errorf("mode of %q = %q, want %q", tc.setting, got, tc.want)
			}
		})
	}
	t.Run("Unreadable", func(t *testing.T) {
		old := modeFile
		t.Cleanup(func() { modeFile = old })
		modeFile = filepath.Join(t.TempDir(), "missing")
		if got := mode(); got != "" {
			t.Errorf("mode of a missing file = %q, want \"\"", got)
		}
	})
}

func TestHugePageSize(t *testing.T) {
	for _, tc := range []struct {
		setting string
		want    int
	}{
		{"2097152\n", 2 << 20},
		{"536870912", 512 << 20},
		{"2M\n", 0},
		{"", 0},
		{"99999999999999999999\n", 0},
	} {
		withSetting(t, &sizeFile, tc.setting)
		if got := hugePageSize(); got != tc.want {
			t.Errorf("hugePageSize of %q = %d, want %d", tc.setting, got, tc.want)
		}
	}
}

func TestPrepare_NothingUnlessTheKernelWaitsToBeAsked(t *testing.T) {
	for _, setting := range []string{"[always] madvise never\n", "always madvise [never]\n"} {
		withSetting(t, &modeFile, setting)
		if Prepare(64 << 20) {
			t.Errorf("Prepare with the mode set to %q asked for huge pages", setting)
		}
	}
	withSetting(t, &modeFile, "always [madvise] never\n")
	withSetting(t, &sizeFile, "2097152\n")
	if Prepare(2 << 20) {
		t.Error("Prepare of a block of one huge page asked for huge pages: none may lie whole within it")
	}
	if tried.Load() || prepared.Load() {
		t.Error("a Prepare that asked for nothing took the process's one turn")
	}
}

// TestPrepare_AdvisesTheHeap runs on the kernel itself: where its mode is
// madvise, a Prepare leaves a mapping of the heap with huge pages asked
// for (VmFlags "hg" in /proc/self/smaps), and a second does nothing.
func TestPrepare_AdvisesTheHeap(t *testing.T) {
	if m := mode(); m != "madvise" {
		t.Skipf("transparent huge pages are %q here, not madvise", m)
	}
	before := advisedMappings(t)
	if !Prepare(16 << 20) {
		t.Fatal("Prepare did not ask for huge pages")
	}
	if after := advisedMappings(t); after <= before {
		t.Errorf("mappings with huge pages asked for: %d before Prepare, %d after", before, after)
	}
	if Prepare(16 << 20) {
		t.Error("a second Prepare asked again")
	}
	if !Backed() {
		t.Error("Backed is false after a Prepare that asked for huge pages")
	}
}

// withSetting points *file at a temporary file holding content, until the
// test ends.
func withSetting(t *testing.T, file *string, content string) {
	t.Helper()
	old := *file
	t.Cleanup(func() { *file = old })
	*file = filepath.Join(t.TempDir(), "setting")
	if err := os.WriteFile(*file, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// advisedMappings counts the process's mappings whose VmFlags include hg
// (MADV_HUGEPAGE).
func advisedMappings(t *testing.T) int {
	t.Helper()
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	n := 0
	s := bufio.NewScanner(f)
	for s.Scan() {
		if flags, ok := strings.CutPrefix(s.Text(), "VmFlags:"); ok {
			for _, fl := range strings.Fields(flags) {
				if fl == "hg" {
					n++
				}
			}
		}
	}
	if err := s.Err(); err != nil {
		t.Fatal(err)
	}
	return n
}
