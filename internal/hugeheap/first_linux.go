package hugeheap

import (
	"unsafe"

	"github.com/briefing/report/internal/procfs"
	"github.com/briefing/report/internal/rawsys"
)

// The heap's first mapping, given huge pages as the package initialises.
//
// The runtime maps the heap 4 MB at a time, and the packages'
// initialisation and every command allocate there first: about 400 pages
// of 4 KiB, each a page fault the first time it is written (4 ms of
// `report version` on a virtual machine where a fault costs 10 µs). This
// package imports no more than rawsys and procfs, which import nothing
// else, so it initialises right after the runtime's own packages (5th of
// 170; it was 16th, after package syscall, before rawsys): it asks for huge
// pages on the mapping that holds the heap's first objects, and makes a
// huge page of each stretch of it already written (MADV_COLLAPSE, 0.3-4
// ms). Prepare does the same, later, for the heap's next stretch.
var (
	// probe is an object of the heap's first allocations: init advises
	// the mapping it is in.
	probe *[64]byte
	// firstMapping is that mapping once init advised it, and collapsed
	// the number of huge pages init made of pages already written there.
	firstMapping procfs.Mapping
	collapsed    int
)

func init() {
	godebug, _ := procfs.Getenv("GODEBUG")
	kernel = settings{mode: mode(), page: hugePageSize(), off: disabled(godebug)}
	if kernel.off || kernel.mode != "madvise" && kernel.mode != "always" {
		return
	}
	size := kernel.page
	if size <= 0 || size&(size-1) != 0 {
		return
	}
	probe = new([64]byte)
	m, ok := mappingOf(uintptr(unsafe.Pointer(probe)), procfs.Mappings(procfs.ReadFile("/proc/self/maps")))
	if !ok {
		return
	}
	// in "always", the mapping has huge pages without asking
	if kernel.mode == "madvise" && rawsys.Madvise(m.Start, m.End-m.Start, madvHugepage) != nil {
		return
	}
	firstMapping = m
	collapsed = collapseWritten(m, uintptr(size))
}

// collapseWritten makes a huge page of each stretch of m, size bytes and
// aligned to size, that holds a page written already: a huge page cannot
// be faulted in over a small one, and the rest of that stretch would
// fault in 4 KiB at a time. It returns how many it made.
func collapseWritten(m procfs.Mapping, size uintptr) (made int) {
	resident := make([]byte, size/minPage) // mincore's answer, a byte a page
	for at := (m.Start + size - 1) &^ (size - 1); at+size <= m.End; at += size {
		if rawsys.Mincore(at, size, resident) != nil {
			continue
		}
		for _, r := range resident {
			if r&1 != 0 {
				if collapse(at, size) == nil {
					made++
				}
				break
			}
		}
	}
	return made
}

// mappingOf is the writable anonymous mapping among ms that holds the
// address at.
func mappingOf(at uintptr, ms []procfs.Mapping) (procfs.Mapping, bool) {
	for _, m := range ms {
		if m.Start <= at && at < m.End && len(m.Perms) > 1 && m.Perms[1] == 'w' && m.Path == "" {
			return m, true
		}
	}
	return procfs.Mapping{}, false
}

// disabled reports whether godebug, the value of GODEBUG, turns huge pages
// for the heap off (disablethp=1, the runtime's own switch; the last
// setting counts, as for the runtime).
func disabled(godebug string) bool {
	off := false
	for godebug != "" {
		item, rest := godebug, ""
		for i := 0; i < len(godebug); i++ {
			if godebug[i] == ',' {
				item, rest = godebug[:i], godebug[i+1:]
				break
			}
		}
		switch item {
		case "disablethp=1":
			off = true
		case "disablethp=0":
			off = false
		}
		godebug = rest
	}
	return off
}
