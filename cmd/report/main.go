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
		// a run is short and its live heap small: collecting half as often
		// saves time for a few MB (the million-row run stays within 2 MB
		// of the sample's peak; .ci/bench measures both)
		debug.SetGCPercent(200)
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
