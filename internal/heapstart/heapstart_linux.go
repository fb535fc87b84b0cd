package heapstart

import (
	"syscall"
	"unsafe"

	"github.com/briefing/report/internal/procfs"
)

// The kernel's transparent huge page settings.
const (
	modeFile = "/sys/kernel/mm/transparent_hugepage/enabled"
	sizeFile = "/sys/kernel/mm/transparent_hugepage/hpage_pmd_size"
)

// madvCollapse is MADV_COLLAPSE (Linux 6.1), which package syscall does
// not name.
const madvCollapse = 25

var (
	// first is an object of the heap's first allocations: init advises
	// the mapping it is in.
	first *[64]byte
	// advised is that mapping once init advised it, and collapsed the
	// number of huge pages init made of pages already written there.
	advised   procfs.Mapping
	collapsed int
)

func init() {
	if Disabled() {
		return
	}
	mode := procfs.Bracketed(procfs.ReadFile(modeFile))
	if mode != "madvise" && mode != "always" {
		return
	}
	size, ok := procfs.Decimal(procfs.ReadFile(sizeFile))
	if !ok || size <= 0 || size&(size-1) != 0 {
		return
	}
	first = new([64]byte)
	m, ok := mappingOf(uintptr(unsafe.Pointer(first)), procfs.Mappings(procfs.ReadFile("/proc/self/maps")))
	if !ok {
		return
	}
	// in "always", the mapping has huge pages without asking
	if mode == "madvise" && madvise(m.Start, m.End-m.Start, syscall.MADV_HUGEPAGE) != nil {
		return
	}
	advised = m
	collapsed = collapse(m, uintptr(size))
}

// collapse makes a huge page of each stretch of m, size bytes and aligned
// to size, that holds a page written already: a huge page cannot be
// faulted in over a small one, and the rest of that stretch would fault
// in 4 KiB at a time. It returns how many it made.
func collapse(m procfs.Mapping, size uintptr) (made int) {
	page := uintptr(syscall.Getpagesize())
	resident := make([]byte, size/page) // mincore's answer, a byte a page
	for at := (m.Start + size - 1) &^ (size - 1); at+size <= m.End; at += size {
		if _, _, errno := syscall.Syscall(syscall.SYS_MINCORE, at, size, uintptr(unsafe.Pointer(&resident[0]))); errno != 0 {
			continue
		}
		for _, r := range resident {
			if r&1 != 0 {
				if madvise(at, size, madvCollapse) == nil {
					made++
				}
				break
			}
		}
	}
	return made
}

// mappingOf is the writable mapping among ms that holds the address at.
func mappingOf(at uintptr, ms []procfs.Mapping) (procfs.Mapping, bool) {
	for _, m := range ms {
		if m.Start <= at && at < m.End && len(m.Perms) > 1 && m.Perms[1] == 'w' && m.Path == "" {
			return m, true
		}
	}
	return procfs.Mapping{}, false
}

// Disabled reports whether GODEBUG turns huge pages for the heap off
// (disablethp=1), as it does for the runtime.
func Disabled() bool {
	godebug, _ := syscall.Getenv("GODEBUG")
	return disabled(godebug)
}

// disabled reports whether godebug, the value of GODEBUG, turns huge pages
// for the heap off (disablethp=1; the last setting counts, as for the
// runtime).
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

// madvise gives advice on the memory [at, at+n).
func madvise(at, n, advice uintptr) error {
	if _, _, errno := syscall.Syscall(syscall.SYS_MADVISE, at, n, advice); errno != 0 {
		return errno
	}
	return nil
}
