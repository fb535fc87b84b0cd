// Command report turns data into branded briefing PDFs. See README.md.
package main

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/briefing/report/internal/atomicfile"
	_ "github.com/briefing/report/internal/codestart" // the binary's code and constants mapped ahead, on the second core
	"github.com/briefing/report/internal/fastexit"
	_ "github.com/briefing/report/internal/hugeheap" // huge pages for the heap's first mapping, as the first packages initialise
	_ "github.com/briefing/report/internal/memstart" // GOGC, a memory limit and huge pages for the heap, set as the packages initialise
)

func main() {
	// An interrupt removes the temporary files being written, so a killed
	// run leaves the output folder as it was. The handler is set up on
	// another goroutine: a process's first signal.Notify waits for a
	// thread the runtime starts to manage signals (1.3 ms of every run on
	// a virtual machine), and the temporary files wait for the handler.
	handled := make(chan struct{})
	atomicfile.Guard(handled)
	go func() {
		sig := make(chan os.Signal, 1)
		signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
		close(handled)
		<-sig
		atomicfile.Cleanup()
		fmt.Fprintln(os.Stderr, "report: interrupted; PDFs not yet complete were not written")
		os.Exit(130)
	}()
	code := Main(os.Args[1:], Streams{In: os.Stdin, Out: os.Stdout, Err: os.Stderr}, os.Environ())
	if os.Getenv("REPORT_NO_KEEPER") != "" {
		os.Exit(code) // under valgrind, which cannot follow the keeper's clone
	}
	// the files the run replaced are closed, and their blocks freed, once
	// the shell has been told it ended
	fastexit.Exit(code, atomicfile.Replaced()...)
}
