// Command report turns data into branded briefing PDFs. See README.md.
package main

import (
	"fmt"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	"github.com/briefing/report/internal/atomicfile"
	_ "github.com/briefing/report/internal/stackstart" // the main goroutine's stack grown once, first
)

func main() {
	if os.Getenv("GOGC") == "" {
		// A run is short and its live heap small, and reading data
		// allocates nothing per row: collecting an eighth as often leaves
		// the sample no collection at all (it had three at the default,
		// one at 400), 3-6 ms faster at the same peak RSS; the
		// million-row run's RSS is the same too, a 40-quarter backfill's
		// grows from 55 to 71 MB. .ci/bench measures them.
		debug.SetGCPercent(800)
		if os.Getenv("GOMEMLIMIT") == "" {
			// but a document whose live heap is large (a long annex)
			// would grow to nine times it: past 1 GiB, collect as often
			// as it takes to stay near it
			debug.SetMemoryLimit(1 << 30)
		}
	}
	// An interrupt removes the temporary files being written, so a killed
	// run leaves the output folder as it was.
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-sig
		atomicfile.Cleanup()
		fmt.Fprintln(os.Stderr, "report: interrupted; PDFs not yet complete were not written")
		os.Exit(130)
	}()
	os.Exit(Main(os.Args[1:], Streams{In: os.Stdin, Out: os.Stdout, Err: os.Stderr}, os.Environ()))
}
