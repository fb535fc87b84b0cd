package main

import (
	"os"
	"runtime/debug"
	"sync"

	"github.com/briefing/report/internal/hugeheap"
)

// tuned is whether report tunes the runtime's memory: unless GOGC is set,
// in which case the runtime runs as the user set it, with Go's defaults
// for the rest.
var tuned = os.Getenv("GOGC") == ""

// tuneMemory sets how often the runtime collects garbage, at the start.
func tuneMemory() {
	if !tuned {
		return
	}
	// A run is short and its live heap small, and reading data allocates
	// nothing per row: collecting an eighth as often leaves the sample no
	// collection at all (it had three at the default, one at 400), 3-6 ms
	// faster at the same peak RSS; the million-row run's RSS is the same
	// too, a 40-quarter backfill's grows from 55 to 71 MB. .ci/bench
	// measures them.
	debug.SetGCPercent(800)
	if os.Getenv("GOMEMLIMIT") == "" {
		// but a document whose live heap is large (a long annex) would
		// grow to nine times it: past 1 GiB, collect as often as it takes
		// to stay near it
		debug.SetMemoryLimit(1 << 30)
	}
}

// heapBlock is how much of the heap prepareHeap asks huge pages for: more
// than a briefing's build touches (the sample: 8-10 MB). Only the huge
// pages written to are the process's memory.
const heapBlock = 32 << 20

// prepareHeap asks for huge pages on the heap's next stretch (hugeheap),
// once, for the commands that read data and lay out pages: the sample
// builds in 57 ms instead of 70 at the median, with 1,600 page faults
// instead of 3,300, on the 2-core virtual machine of December 2026. Not
// when GOGC is set: that runs with Go's defaults.
var prepareHeap = sync.OnceFunc(func() {
	if tuned {
		hugeheap.Prepare(heapBlock)
	}
})
