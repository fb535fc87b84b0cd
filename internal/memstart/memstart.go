// Package memstart sets up the runtime's memory for report as the
// packages initialise: how often the garbage collector runs, a soft
// memory limit, and, for the commands that read data and lay out pages,
// huge pages for the heap (hugeheap.Prepare, its collection waited for
// there; main calls Ready before the command runs). Unless GOGC is set:
// then the runtime runs as the user set it, with Go's defaults for the
// rest.
//
// Its initialisation does the work; main calls Ready first. It initialises
// before about 50 of the 170 packages with an initialisation (120 come
// first, having allocated 250 KB), so that what those 50 allocate lands
// in huge pages too: done from the command's run function instead, after
// every package had initialised, the sample took 330 page faults and 3 ms
// more (December 2026, the 2-core virtual machine).
package memstart

import (
	"os"
	"runtime/debug"
	"strings"

	"github.com/briefing/report/internal/hugeheap"
	"github.com/briefing/report/internal/stackstart"
)

// gcPercent is GOGC as report sets it. A run is short and its live heap
// small, and reading data allocates nothing per row: collecting an eighth
// as often as Go's default leaves a build few collections (the sample had
// three at the default, one at 400), 3-6 ms faster at the same peak RSS;
// the million-row run's RSS is the same too, a 40-quarter backfill's grows
// from 55 to 71 MB. .ci/bench measures them.
const gcPercent = 800

// memoryLimit is the soft limit report sets unless GOMEMLIMIT is: a
// document whose live heap is large (a long annex) would grow to nine
// times it; past 1 GiB, the runtime collects as often as it takes to stay
// near it.
const memoryLimit = 1 << 30

// heapBlock is how much of the heap hugeheap.Prepare asks huge pages for:
// more than a briefing's build touches (the sample: 10-12 MB). Only the
// huge pages written to become the process's memory.
const heapBlock = 32 << 20

// buildCommands are the commands that read data and lay out pages.
var buildCommands = map[string]bool{"gen": true, "validate": true, "values": true}

func init() { setUp(os.Args[1:], os.Getenv) }

// setUp tunes the runtime for a process run with args and the
// environment getenv reads, and reports whether it asked for huge pages:
// then Ready finishes the set-up.
//
// The block's collection is waited for here: the main goroutine does
// nothing else meanwhile, and the collection marks on both cores. Left to
// run beside the packages still to initialise (the fourteenth round), it
// cost them more than the wait: the main goroutine assisted the marking,
// was stopped to flush its buffers again and again (marking cannot end
// while it keeps writing pointers), and a mark worker spun on the second
// core until the initialisation was over, so that each of the main
// thread's page faults that replace a page had to flush that core's TLB.
// Waited for, the initialisation ended 1.0-1.3 ms sooner, and the
// sample's median was 0.45-1.14 ms lower (the same binary both ways,
// 151-201 alternated pairs; December 2026).
func setUp(args []string, getenv func(string) string) (huge bool) {
	if getenv("GOGC") != "" {
		return false
	}
	// no collection while Prepare's block is live (it collects the block
	// itself), and none with a small GOGC until that collection is over:
	// the runtime would hand free memory back to the kernel, the huge
	// pages' with it
	debug.SetGCPercent(-1)
	huge = builds(args) && hugeheap.Prepare(heapBlock)
	if !huge {
		debug.SetGCPercent(gcPercent)
	}
	if getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	pending = huge
	return huge
}

// pending is set while setUp's collector settings wait for Ready.
var pending bool

// Ready finishes what the initialisation began, before the command runs:
// it grows the main goroutine's stack back (the block's collection may
// have halved it) and sets GOGC, which stays off until then (see
// hugeheap.Prepare). Call it first in main; it does nothing the second
// time, or when setUp asked for no huge pages.
func Ready() {
	if !pending {
		return
	}
	pending = false
	stackstart.Grow()
	debug.SetGCPercent(gcPercent)
}

// builds reports whether args run a command that reads data and lays out
// pages: its first argument that is not a flag names one.
func builds(args []string) bool {
	for _, a := range args {
		if !strings.HasPrefix(a, "-") {
			return buildCommands[a]
		}
	}
	return false
}
