package hugeheap

import (
	"sync/atomic"

	"github.com/briefing/report/internal/procfs"
	"github.com/briefing/report/internal/rawsys"
)

// The kernel's transparent huge page settings.
var (
	modeFile = "/sys/kernel/mm/transparent_hugepage/enabled"
	sizeFile = "/sys/kernel/mm/transparent_hugepage/hpage_pmd_size"
)

// The advice hugeheap gives: MADV_HUGEPAGE, and MADV_COLLAPSE (Linux
// 6.1).
const (
	madvHugepage = 14
	madvCollapse = 25
)

// minPage is the smallest page a kernel has: mincore answers a byte for
// each page, at most one for each minPage bytes.
const minPage = 4 << 10

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

// blockSize is how much of the heap Prepare asks huge pages for: more
// than a briefing's build touches (the sample: 10-12 MB). Only the huge
// pages written to become the process's memory.
const blockSize = 32 << 20

// Prepare asks for huge pages on the heap's next 32 MB (blockSize), and
// reports whether it did. It does only where the kernel's mode is madvise
// (in "always" the heap has them without asking, in "never" none is
// given), once in a process, and not with GODEBUG=disablethp=1.
//
// The runtime maps a block of fresh heap memory and frees it untouched
// (freeBlock), and Prepare asks for huge pages on it: its pages are where
// the heap's next allocations land. The caller turns the collector off
// first (debug.SetGCPercent(-1), which also waits for a collection under
// way to end) and may turn it back on once Prepare returns: the block is
// a goroutine's stack, which the runtime hands back to the heap as the
// goroutine exits only when no collection is running.
func Prepare() bool {
	if kernel.off || kernel.mode != "madvise" {
		return false
	}
	page := uintptr(kernel.page)
	if page == 0 || blockSize < 2*page || !tried.CompareAndSwap(false, true) {
		return false
	}
	lo, hi, ok := freeBlock()
	if !ok || !advise(lo, hi, page) {
		return false
	}
	prepared.Store(true)
	return true
}

// advise asks for huge pages on the free block [lo, hi), from the start
// of the huge page it begins in, up to the huge page that holds its last
// bytes (the exited goroutine's frames were written there). That first
// huge page may hold the heap's last allocations, which a huge page
// cannot be faulted in over: it is made one now (MADV_COLLAPSE, the pages
// there copied into it), or the heap's next allocations, which take the
// lowest free addresses, would fault in its free part 4 KiB at a time.
func advise(lo, hi, page uintptr) bool {
	first := lo &^ (page - 1)
	end := (hi - 1) &^ (page - 1)
	if end <= first || rawsys.Madvise(first, end-first, madvHugepage) != nil {
		return false
	}
	advised = [2]uintptr{first, end}
	if first < lo {
		_ = collapse(first, page) // not made: its free part faults in small pages
	}
	return true
}

// collapse makes a huge page of the n bytes at at, aligned to a huge page
// (MADV_COLLAPSE), asking again while the kernel answers EAGAIN.
func collapse(at, n uintptr) error {
	return tryAgain(func() error { return rawsys.Madvise(at, n, madvCollapse) })
}

// collapseTries is how many times tryAgain asks.
const collapseTries = 8

// tryAgain calls ask until it returns anything but EAGAIN, at most
// collapseTries times, and returns its last answer. MADV_COLLAPSE answers
// EAGAIN for a transient failure, "try again" (a page of the stretch busy
// elsewhere for a moment): on the 2-core virtual machine of December 2026,
// in 23 of 150 runs, each of which was left, before the second try, with
// 300-400 page faults more (the stretch holding the heap's first objects
// faulting in 4 KiB at a time, 3-4 ms of CPU); every one of them made the
// page by the fifth try.
func tryAgain(ask func() error) (err error) {
	for range collapseTries {
		if err = ask(); err != rawsys.EAGAIN {
			return err
		}
	}
	return err
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
