package hugeheap

import (
	"runtime"
	"sync/atomic"
	"syscall"
	"unsafe"

	"github.com/briefing/report/internal/procfs"
)

// The kernel's transparent huge page settings.
var (
	modeFile = "/sys/kernel/mm/transparent_hugepage/enabled"
	sizeFile = "/sys/kernel/mm/transparent_hugepage/hpage_pmd_size"
)

// madvCollapse is MADV_COLLAPSE (Linux 6.1), which package syscall does
// not name.
const madvCollapse = 25

// tried is set by the first Prepare that gets as far as allocating, and
// prepared once it has asked for huge pages.
var tried, prepared atomic.Bool

// advised is the memory Prepare asked huge pages for, [advised[0],
// advised[1]).
var advised [2]uintptr

// kernel is the kernel's settings and GODEBUG's, read once, as the
// package initialises (first.go).
var kernel settings

// settings is what decides whether the heap gets huge pages.
type settings struct {
	mode string // the kernel's mode: "always", "madvise", "never"; "" unread
	page int    // the size of a huge page in bytes, 0 unread
	off  bool   // GODEBUG=disablethp=1
}

// Backed reports whether the heap's fresh memory comes in huge pages: the
// kernel gives them to all memory (its mode "always"), or Prepare asked
// for them.
func Backed() bool {
	return prepared.Load() || kernel.mode == "always"
}

// Prepare asks for huge pages on the heap's next size bytes, and reports
// whether it did. It does only where the kernel's mode is madvise (in
// "always" the heap has them without asking, in "never" none is given),
// and once in a process, and not with GODEBUG=disablethp=1.
//
// It allocates a block of size bytes, asks for huge pages on it and
// collects it: the block's pages, untouched, are where the heap's next
// allocations land. The caller sets the collector first, and leaves it so
// until Prepare returns: off while the block is allocated (a collection
// then would count the block), and not with a GOGC small enough for the
// runtime to hand the free block back to the kernel (the pacing of that
// is set as the collection ends), which would split the huge page made of
// the heap's last pages. The collection runs on the caller's goroutine,
// the other cores helping: run beside the packages still to initialise
// (the fourteenth round), it slowed them more than the wait costs; on a
// goroutine of its own, waited for at once, it was no faster than called
// directly (−0.24 ms, interval −0.88..+0.44; December 2026).
func Prepare(size int) bool {
	if kernel.off || kernel.mode != "madvise" {
		return false
	}
	page := kernel.page
	if page <= 0 || size < 2*page || !tried.CompareAndSwap(false, true) {
		return false
	}
	if !advise(size, page) {
		return false
	}
	prepared.Store(true)
	runtime.GC() // the block is garbage: collected, its pages are the heap's next
	return true
}

// advise allocates a block of size bytes, which the runtime maps afresh
// and leaves untouched, and asks for huge pages on it, from the start of
// the huge page it begins in. That first huge page may hold the heap's
// last allocations, which a huge page cannot be faulted in over: it is
// made one now (MADV_COLLAPSE, the pages there copied into it), or the
// heap's next allocations, which take the lowest free addresses, would
// fault in its free part 4 KiB at a time. The block is garbage when
// advise returns.
//
//go:noinline
func advise(size, page int) bool {
	b := make([]byte, size)
	at := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	first := at &^ uintptr(page-1)
	end := (at + uintptr(size)) &^ uintptr(page-1)
	if madvise(first, end-first, syscall.MADV_HUGEPAGE) != nil {
		return false
	}
	advised = [2]uintptr{first, end}
	if first < at {
		_ = madvise(first, uintptr(page), madvCollapse) // not made: its free part faults in small pages
	}
	return true
}

// madvise gives advice on the memory [at, at+n), which need not be the
// caller's own object.
func madvise(at, n, advice uintptr) error {
	if _, _, errno := syscall.Syscall(syscall.SYS_MADVISE, at, n, advice); errno != 0 {
		return errno
	}
	return nil
}

// mode is the kernel's transparent huge page mode: "always", "madvise"
// or "never", the bracketed word of its setting; "" if it cannot be read.
func mode() string {
	return procfs.Bracketed(procfs.ReadFile(modeFile))
}

// hugePageSize is the size of a huge page in bytes (2 MB on x86-64), 0 if
// the kernel does not say.
func hugePageSize() int {
	n, ok := procfs.Decimal(procfs.ReadFile(sizeFile))
	if !ok {
		return 0
	}
	return n
}
