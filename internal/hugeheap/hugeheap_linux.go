package hugeheap

import (
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"unsafe"
)

// The kernel's transparent huge page settings.
var (
	modeFile = "/sys/kernel/mm/transparent_hugepage/enabled"
	sizeFile = "/sys/kernel/mm/transparent_hugepage/hpage_pmd_size"
)

// tried is set by the first Prepare that gets as far as allocating, and
// prepared once it has asked for huge pages.
var tried, prepared atomic.Bool

// kernelMode is the kernel's mode, read once.
var kernelMode = sync.OnceValue(mode)

// Backed reports whether the heap's fresh memory comes in huge pages: the
// kernel gives them to all memory (its mode "always"), or Prepare asked
// for them.
func Backed() bool {
	return prepared.Load() || kernelMode() == "always"
}

// Prepare asks for huge pages on the heap's next size bytes, and reports
// whether it did. It does only where the kernel's mode is madvise (in
// "always" the heap has them without asking, in "never" none is given),
// and once in a process. It costs a garbage collection, with the heap as
// small as it is at the start of a run: about a millisecond. Collection is
// off while it allocates the block.
func Prepare(size int) bool {
	if mode() != "madvise" {
		return false
	}
	page := hugePageSize()
	if page <= 0 || size < 2*page || !tried.CompareAndSwap(false, true) {
		return false
	}
	// no collection while the block is live: it would count the block
	old := debug.SetGCPercent(-1)
	ok := advise(size, page)
	debug.SetGCPercent(old)
	if !ok {
		return false
	}
	prepared.Store(true)
	runtime.GC() // the block is garbage: collected, its pages are the heap's next
	return true
}

// advise allocates a block of size bytes, which the runtime maps afresh
// and leaves untouched, and asks for huge pages on the whole huge pages
// within it. The block is garbage when advise returns.
//
//go:noinline
func advise(size, page int) bool {
	b := make([]byte, size)
	at := int(uintptr(unsafe.Pointer(unsafe.SliceData(b))))
	lo := (at+page-1)/page*page - at
	hi := (at+size)/page*page - at
	return hi > lo && syscall.Madvise(b[lo:hi], syscall.MADV_HUGEPAGE) == nil
}

// mode is the kernel's transparent huge page mode: "always", "madvise"
// or "never", the bracketed word of its setting; "" if it cannot be read.
func mode() string {
	b, err := os.ReadFile(modeFile)
	if err != nil {
		return ""
	}
	_, after, ok := strings.Cut(string(b), "[")
	word, _, closed := strings.Cut(after, "]")
	if !ok || !closed {
		return ""
	}
	return word
}

// hugePageSize is the size of a huge page in bytes (2 MB on x86-64), 0 if
// the kernel does not say.
func hugePageSize() int {
	b, err := os.ReadFile(sizeFile)
	if err != nil {
		return 0
	}
	n, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil {
		return 0
	}
	return n
}
