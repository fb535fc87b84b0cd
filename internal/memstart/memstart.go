// Package memstart sets up the runtime's memory for report as the
// packages initialise: how often the garbage collector runs, a soft
// memory limit, and, for the commands that read data and lay out pages,
// huge pages for the heap (hugeheap.Prepare). Unless GOGC is set:
// then the runtime runs as the user set it, with Go's defaults for the
// rest.
//
// Its initialisation does the work, before about 50 of the 170 packages
// with an initialisation (120 come first, having allocated 250 KB), so
// that what those 50 allocate lands in huge pages too: done from the
// command's run function instead, after every package had initialised,
// the sample took 330 page faults and 3 ms more (December 2026, the
// 2-core virtual machine).
package memstart

import (
	"os"
	"runtime/debug"
	"strings"

	"github.com/briefing/report/internal/hugeheap"
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

// buildCommands are the commands that read data and lay out pages.
var buildCommands = map[string]bool{"gen": true, "validate": true, "values": true}

func init() { setUp(os.Args[1:], os.Getenv) }

// setUp tunes the runtime for a process run with args and the
// environment getenv reads, and reports whether it asked for huge pages.
func setUp(args []string, getenv func(string) string) (huge bool) {
	if getenv("GOGC") != "" {
		return false
	}
	// no collection while Prepare's goroutine frees its block (one running
	// would keep the block from the heap): none under way now, and at
	// gcPercent none starts before the heap has grown to 32 MB
	debug.SetGCPercent(-1)
	huge = builds(args) && hugeheap.Prepare()
	debug.SetGCPercent(gcPercent)
	if getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	return huge
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
