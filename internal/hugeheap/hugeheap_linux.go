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

// tried is set by the first Prepare that gets as far as starting its
// goroutine, and prepared once that has asked for huge pages.
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
// reports whether it set about it. It does only where the kernel's mode
// is madvise (in "always" the heap has them without asking, in "never"
// none is given), once in a process, and not with GODEBUG=disablethp=1.
//
// It starts a goroutine that has the runtime map a block of fresh heap
// memory and free it untouched (freeBlock) and asks for huge pages on it
// (Backed is true from then on), and returns at once: the block's pages
// are where the heap's next allocations land once it is free, those
// before in the heap's first mapping (first_linux.go). Waited for, it
// kept the packages still to initialise waiting 0.4-0.6 ms (the
// goroutine handed to another thread, the block mapped); not waited for,
// the sample 0.42 ms faster at the median, the same page faults
// (December 2026). Wait waits for it.
//
// The caller turns the collector off first (debug.SetGCPercent(-1),
// which also waits for a collection under way to end), and may turn it
// back on once Prepare returns if no collection can start before the
// heap has grown by megabytes (GOGC 800: at 32 MB): the block is a
// goroutine's stack, which the runtime hands back to the heap as the
// goroutine exits only when no collection is running.
func Prepare() bool {
	if !canFree || kernel.off || kernel.mode != "madvise" {
		return false
	}
	page := uintptr(kernel.page)
	if page == 0 || blockSize < 2*page || !tried.CompareAndSwap(false, true) {
		return false
	}
	go func() {
		defer close(settled)
		lo, hi, ok := freeBlock()
		if ok && advise(lo, hi, page) {
			prepared.Store(true)
		}
	}()
	return true
}

// settled is closed once the goroutine Prepare starts has freed and
// advised the block, or found it could not.
var settled = make(chan struct{})

// Wait returns once the work Prepare started is over; at once if Prepare
// started nothing.
func Wait() {
	if tried.Load() {
		<-settled
	}
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
