package heapstart

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/briefing/report/internal/procfs"
)

func TestDisabled(t *testing.T) {
	for godebug, want := range map[string]bool{
		"":                            false,
		"disablethp=1":                true,
		"gctrace=1,disablethp=1":      true,
		"disablethp=1,gctrace=1":      true,
		"disablethp=1,disablethp=0":   false,
		"disablethp=0":                false,
		"madvdontneed=1":              false,
		"xdisablethp=1,disablethp=10": false,
		",,disablethp=1,":             true,
	} {
		if got := disabled(godebug); got != want {
			t.Errorf("disabled(%q) = %v, want %v", godebug, got, want)
		}
	}
}

func TestMappingOf(t *testing.T) {
	ms := procfs.Mappings(`00400000-00fcd000 r-xp 00000000 fe:00 9978109 /usr/bin/report
01c55000-01e4a000 rw-p 01855000 fe:00 9978109 /usr/bin/report
c000000000-c000400000 rw-p 00000000 00:00 0
c000400000-c004000000 ---p 00000000 00:00 0
`)
	for _, tc := range []struct {
		at    uintptr
		start uintptr
		ok    bool
	}{
		{0xc000001000, 0xc000000000, true},
		{0xc0003fffff, 0xc000000000, true},
		{0xc000400000, 0, false}, // reserved, not mapped for use
		{0x1c56000, 0, false},    // the binary's data, not the heap
		{0x500000, 0, false},
	} {
		m, ok := mappingOf(tc.at, ms)
		if ok != tc.ok || m.Start != tc.start {
			t.Errorf("mappingOf(%#x) = %#x, %v; want %#x, %v", tc.at, m.Start, ok, tc.start, tc.ok)
		}
	}
}

// TestInit_AdvisesTheHeapsFirstMapping runs on the kernel itself: where
// its mode is madvise, the mapping that holds the heap's first objects has
// huge pages asked for (VmFlags "hg" in /proc/self/smaps), and where init
// made huge pages, they are there (AnonHugePages).
func TestInit_AdvisesTheHeapsFirstMapping(t *testing.T) {
	mode := procfs.Bracketed(procfs.ReadFile(modeFile))
	if mode != "madvise" && mode != "always" || Disabled() {
		t.Skipf("transparent huge pages are %q here", mode)
	}
	if advised.Start == 0 {
		t.Fatal("init did not advise the heap's first mapping")
	}
	flags, hugeKB := smapsOf(t, advised.Start)
	if mode == "madvise" && !strings.Contains(" "+flags+" ", " hg ") {
		t.Errorf("the heap's first mapping %#x-%#x has VmFlags %q, want hg among them", advised.Start, advised.End, flags)
	}
	size, _ := procfs.Decimal(procfs.ReadFile(sizeFile))
	if collapsed > 0 && hugeKB < size>>10 {
		t.Errorf("init made %d huge pages, the mapping has %d KB of them", collapsed, hugeKB)
	}
	t.Logf("mapping %#x-%#x: %d huge pages made, %d KB in huge pages now", advised.Start, advised.End, collapsed, hugeKB)
}

// smapsOf reads the VmFlags and the AnonHugePages (KB) of the mapping that
// starts at start, from /proc/self/smaps.
func smapsOf(t *testing.T, start uintptr) (flags string, hugeKB int) {
	t.Helper()
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	head := fmt.Sprintf("%x-", start)
	in := false
	s := bufio.NewScanner(f)
	for s.Scan() {
		line := s.Text()
		if dash := strings.IndexByte(line, '-'); dash > 0 && !strings.Contains(line[:dash], ":") {
			in = strings.HasPrefix(line, head)
			continue
		}
		if !in {
			continue
		}
		if v, ok := strings.CutPrefix(line, "AnonHugePages:"); ok {
			hugeKB, _ = strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")))
		}
		if v, ok := strings.CutPrefix(line, "VmFlags:"); ok {
			flags = strings.TrimSpace(v)
		}
	}
	if err := s.Err(); err != nil {
		t.Fatal(err)
	}
	return flags, hugeKB
}
