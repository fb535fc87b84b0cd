package briefing

import (
	"runtime"
	"sync/atomic"

	"github.com/briefing/report/internal/hugeheap"
)

// collecting is set while a collection started by collectData runs, and
// collected counts those that have ended. (The runtime's count of forced
// collections misses one that an automatic collection starting at the
// same moment took the place of: runtime.GC then waits for that one.)
var (
	collecting atomic.Bool
	collected  atomic.Int64
)

// collectData starts a garbage collection on another goroutine, once the
// analyses are done: the data stage's read buffers, batches and the
// config's parse trees are garbage by then (about three quarters of the
// heap: 7-8 MB, 2 MB live, for the sample), and collected, their memory
// is what the layout allocates next instead of pages the process has
// not touched yet. A first touch of a page costs a page fault, and on a
// virtual machine much more (10 µs a page on the 2-core machine of
// issue 15's measurements in December 2026): the sample touches 500
// pages fewer, and the collection (2 ms of CPU) runs on the core the
// layout leaves idle. The process keeps its GOGC; a build that starts
// while a collection of another's runs does not start one more.
//
// Not when the heap's fresh memory comes in huge pages (hugeheap.Backed:
// the CLI asks for them): a fault then maps 512 pages, and the
// collection costs more than the pages it spares (the sample 54 ms
// without it, 60 with it, at the median of 61 alternated runs).
func collectData() {
	if hugeheap.Backed() || !collecting.CompareAndSwap(false, true) {
		return
	}
	go func() {
		runtime.GC()
		collected.Add(1)
		collecting.Store(false)
	}()
}
