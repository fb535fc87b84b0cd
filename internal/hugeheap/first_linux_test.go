package hugeheap

import (
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
	if kernel.mode != "madvise" && kernel.mode != "always" || kernel.off {
		t.Skipf("transparent huge pages are %q here (off: %v)", kernel.mode, kernel.off)
	}
	m := firstMapping
	if m.Start == 0 {
		t.Fatal("init did not advise the heap's first mapping")
	}
	if kernel.mode == "madvise" {
		if got := advisedKB(t, m.Start, m.End); got != int(m.End-m.Start)>>10 {
			t.Errorf("the heap's first mapping %#x-%#x: %d of its %d KB have huge pages asked for", m.Start, m.End, got, (m.End-m.Start)>>10)
		}
	}
	hugeKB := 0
	for _, e := range smaps(t) {
		if e.start < m.End && m.Start < e.end {
			hugeKB += e.hugeKB
		}
	}
	if collapsed > 0 && hugeKB < kernel.page>>10 {
		t.Errorf("init made %d huge pages, the mapping has %d KB of them", collapsed, hugeKB)
	}
	t.Logf("mapping %#x-%#x: %d huge pages made, %d KB in huge pages now", m.Start, m.End, collapsed, hugeKB)
}
