// Command report turns data into branded briefing PDFs. See README.md.
package main

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/briefing/report/internal/atomicfile"
	_ "github.com/briefing/report/internal/codestart"  // the binary's code and constants mapped ahead, on the second core
	"github.com/briefing/report/internal/memstart"     // GOGC, a memory limit and huge pages for the heap, set as the packages initialise
	_ "github.com/briefing/report/internal/stackstart" // the main goroutine's stack grown once, first
)

func main() {
	memstart.Ready()
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
