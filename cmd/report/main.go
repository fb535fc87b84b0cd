// Command report turns data into branded briefing PDFs. See README.md.
package main

import (
	"fmt"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	"github.com/briefing/report/internal/atomicfile"
)

func main() {
	if os.Getenv("GOGC") == "" {
		// A run is short and its live heap small, and reading data
		// allocates nothing per row: collecting a quarter as often makes
		// the sample's three collections one, 7% faster, at the same peak
		// RSS (the million-row run's too; a 40-quarter backfill's grows by
		// 10 MB). .ci/bench measures them; 200 and 300 measured slower.
		debug.SetGCPercent(400)
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
