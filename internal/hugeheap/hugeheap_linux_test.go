package hugeheap

import (
	"bufio"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"unsafe"

	"github.com/briefing/report/internal/rawsys"
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
	for _, mode := range []string{"always", "never", ""} {
		withKernel(t, settings{mode: mode, page: 2 << 20})
		if Prepare() {
			t.Errorf("Prepare with the mode %q asked for huge pages", mode)
		}
	}
	withKernel(t, settings{mode: "madvise", page: 2 << 20, off: true})
	if Prepare() {
		t.Error("Prepare with GODEBUG=disablethp=1 asked for huge pages")
	}
	withKernel(t, settings{mode: "madvise", page: blockSize})
	if Prepare() {
		t.Error("Prepare with huge pages the block's size asked for huge pages: none may lie whole within it")
	}
	if tried.Load() || prepared.Load() {
		t.Error("a Prepare that asked for nothing took the process's one turn")
	}
}

// TestPrepare_AdvisesTheHeap runs on the kernel itself: where its mode is
// madvise, a Prepare leaves a mapping of the heap with huge pages asked
// for (VmFlags "hg" in /proc/self/smaps), the heap's next allocations
// land there, and a second Prepare does nothing.
func TestPrepare_AdvisesTheHeap(t *testing.T) {
	if m := kernel.mode; m != "madvise" || kernel.off {
		t.Skipf("transparent huge pages are %q here, not madvise", m)
	}
	defer debug.SetGCPercent(debug.SetGCPercent(-1)) // as Prepare's caller must
	if !Prepare() {
		t.Fatal("Prepare did not ask for huge pages")
	}
	Wait()
	// the block, less the part of a huge page at either end
	lo, hi := advised[0], advised[1]
	if hi-lo < blockSize-2*uintptr(kernel.page) {
		t.Fatalf("Prepare asked for huge pages on %d KB, want the block's %d MB", (hi-lo)>>10, blockSize>>20)
	}
	if got := advisedKB(t, lo, hi); got != int(hi-lo)>>10 {
		t.Errorf("of the %d KB Prepare asked huge pages for, %d KB have them asked for", (hi-lo)>>10, got)
	}
	// a stretch larger than any the heap had free before the block
	next := make([]byte, 8<<20)
	if at := uintptr(unsafe.Pointer(unsafe.SliceData(next))); at < lo || at >= hi {
		t.Errorf("the heap's next 8 MB are at %#x, outside the block Prepare advised, [%#x, %#x): the block is not free", at, lo, hi)
	}
	if Prepare() {
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

// withKernel sets the settings read at the start to k, until the test
// ends.
func withKernel(t *testing.T, k settings) {
	t.Helper()
	old := kernel
	t.Cleanup(func() { kernel = old })
	kernel = k
}

// advisedKB is how much of the memory [lo, hi) lies in mappings whose
// VmFlags include hg (MADV_HUGEPAGE), in KB.
func advisedKB(t *testing.T, lo, hi uintptr) int {
	t.Helper()
	total := 0
	for _, m := range smaps(t) {
		if a, b := max(m.start, lo), min(m.end, hi); b > a && slices.Contains(m.flags, "hg") {
			total += int(b-a) >> 10
		}
	}
	return total
}

// smapsEntry is what the tests read of a mapping in /proc/self/smaps.
type smapsEntry struct {
	start, end uintptr
	flags      []string // VmFlags
	hugeKB     int      // AnonHugePages
}

// smaps reads the process's mappings from /proc/self/smaps.
func smaps(t *testing.T) []smapsEntry {
	t.Helper()
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	var out []smapsEntry
	s := bufio.NewScanner(f)
	for s.Scan() {
		line := s.Text()
		if r, _, ok := strings.Cut(line, " "); ok && !strings.HasSuffix(r, ":") {
			if a, b, ok := strings.Cut(r, "-"); ok {
				x, err1 := strconv.ParseUint(a, 16, 64)
				y, err2 := strconv.ParseUint(b, 16, 64)
				if err1 == nil && err2 == nil {
					out = append(out, smapsEntry{start: uintptr(x), end: uintptr(y)})
				}
			}
			continue
		}
		if len(out) == 0 {
			continue
		}
		m := &out[len(out)-1]
		if v, ok := strings.CutPrefix(line, "AnonHugePages:"); ok {
			m.hugeKB, _ = strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")))
		}
		if v, ok := strings.CutPrefix(line, "VmFlags:"); ok {
			m.flags = strings.Fields(v)
		}
	}
	if err := s.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// A collapse is asked again while the kernel answers EAGAIN, and only
// then, at most collapseTries times.
func TestTryAgain_WhileTheKernelSaysTryAgain(t *testing.T) {
	for _, tc := range []struct {
		name    string
		answers []error // the kernel's answers in turn; nil once they run out
		want    error
		asked   int
	}{
		{"MadeAtOnce", nil, nil, 1},
		{"MadeAtTheThird", []error{rawsys.EAGAIN, rawsys.EAGAIN}, nil, 3},
		{"OtherFailureNotRepeated", []error{rawsys.Errno(syscall.EINVAL)}, rawsys.Errno(syscall.EINVAL), 1},
		{"AgainThenOther", []error{rawsys.EAGAIN, rawsys.Errno(syscall.ENOMEM)}, rawsys.Errno(syscall.ENOMEM), 2},
		{"NeverMade", slices.Repeat([]error{rawsys.EAGAIN}, 2*collapseTries), rawsys.EAGAIN, collapseTries},
	} {
		t.Run(tc.name, func(t *testing.T) {
			asked := 0
			err := tryAgain(func() error {
				asked++
				if asked <= len(tc.answers) {
					return tc.answers[asked-1]
				}
				return nil
			})
			if err != tc.want || asked != tc.asked {
				t.Errorf("tryAgain = %v after %d asks, want %v after %d", err, asked, tc.want, tc.asked)
			}
		})
	}
}
