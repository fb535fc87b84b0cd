package codestart

import (
	"bufio"
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/briefing/report/internal/procfs"
)

const sampleMaps = `00400000-00fcd000 r-xp 00000000 fe:00 9978109                            /usr/bin/report
00fcd000-01c55000 r--p 00bcd000 fe:00 9978109                            /usr/bin/report
01c55000-01e4a000 rw-p 01855000 fe:00 9978109                            /usr/bin/report
01e4a000-03e97000 rw-p 00000000 00:00 0
1f4d64000000-1f4d66400000 ---p 00000000 00:00 0
7fae725be000-7fae72615000 r--p 00000000 fe:00 316526                     /usr/lib/locale/C.utf8/LC_CTYPE
7fae80000000-7fae80001000 r-xp 00000000 fe:00 11                         /opt/my report/report
7ffc46da8000-7ffc46dc9000 rw-p 00000000 00:00 0                          [stack]`

func TestReadOnlyMappings(t *testing.T) {
	for _, tc := range []struct {
		name, path string
		want       []mapping
	}{
		{"CodeAndConstants", "/usr/bin/report", []mapping{{0x400000, 0xfcd000}, {0xfcd000, 0x1c55000}}},
		{"PathWithASpace", "/opt/my report/report", []mapping{{0x7fae80000000, 0x7fae80001000}}},
		{"NotMapped", "/usr/bin/other", nil},
		{"NoPath", "", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := readOnlyMappings(sampleMaps, tc.path); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("readOnlyMappings(%q) = %x, want %x", tc.path, got, tc.want)
			}
		})
	}
	t.Run("Malformed", func(t *testing.T) {
		bad := "zz400000-00fcd000 r-xp 0 fe:00 1 /r\n00fcd000 r--p 0 fe:00 1 /r\n01000000-00fcd000 r--p 0 fe:00 1 /r\n\n"
		if got := readOnlyMappings(bad, "/r"); got != nil {
			t.Errorf("malformed lines gave %x", got)
		}
	})
}

// TestInit_MapsTheBinaryAhead: once the initialisation's mapping ahead has
// ended, this test binary's code and constants are in its page tables
// whole (smaps counts a mapping's pages there in Rss; without the mapping
// ahead, 95% of this small binary's code was).
func TestInit_MapsTheBinaryAhead(t *testing.T) {
	<-done
	if failed != nil {
		t.Skipf("the kernel does not map ahead here: %v", failed)
	}
	exe := executable()
	ms := readOnlyMappings(procfs.ReadFile("/proc/self/maps"), exe)
	if len(ms) == 0 {
		t.Skipf("no read-only mappings of %q in /proc/self/maps", exe)
	}
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	rss := map[uintptr]int{} // a mapping's start: its resident KB
	var at uintptr
	s := bufio.NewScanner(f)
	for s.Scan() {
		line := s.Text()
		if r, ok := strings.CutPrefix(line, "Rss:"); ok {
			kb, _ := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(r), "kB")))
			rss[at] = kb
			continue
		}
		if dash := strings.IndexByte(line, '-'); dash > 0 && !strings.Contains(line[:dash], ":") {
			if v, err := strconv.ParseUint(line[:dash], 16, 64); err == nil {
				at = uintptr(v)
			}
		}
	}
	for _, m := range ms {
		size := int(m.end-m.start) >> 10
		if got := rss[m.start]; got < size {
			t.Errorf("mapping %x-%x: %d of its %d KB resident after the mapping ahead", m.start, m.end, got, size)
		}
	}
}
