//go:build linux

// Command machineprobe measures part of what .ci/machine reports: the
// cost of a first touch of a page of fresh memory, of writing memory
// already touched, and of a fixed loop of arithmetic on one goroutine and
// halved on two (whether the second core is a whole one).
package main

import (
	"fmt"
	"os"
	"sync"
	"syscall"
	"time"
)

func main() {
	const size = 40 << 20
	page := os.Getpagesize()
	mem, err := syscall.Mmap(-1, 0, size, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		fmt.Fprintln(os.Stderr, "machineprobe:", err)
		os.Exit(1)
	}
	start := time.Now()
	for i := 0; i < size; i += page {
		mem[i] = 1
	}
	first := time.Since(start)
	start = time.Now()
	const passes = 5
	for range passes {
		clear(mem)
	}
	again := time.Since(start)
	const steps = 200_000_000
	start = time.Now()
	x := loop(steps)
	one := time.Since(start)
	start = time.Now()
	var wg sync.WaitGroup
	halves := make([]uint64, 2)
	for i := range halves {
		wg.Go(func() { halves[i] = loop(steps / 2) })
	}
	wg.Wait()
	two := time.Since(start)
	fmt.Printf("first touch of a page: %.2f µs (%d MB of fresh memory in %v)\n",
		float64(first.Nanoseconds())/1e3/float64(size/page), size>>20, first.Round(time.Millisecond))
	fmt.Printf("writing memory already touched: %.1f GB/s\n", float64(passes*size)/again.Seconds()/1e9)
	fmt.Printf("a loop of 200 million steps of arithmetic: %v on one goroutine, %v halved on two (%.2f times as fast)\n",
		one.Round(100*time.Microsecond), two.Round(100*time.Microsecond), one.Seconds()/two.Seconds())
	sink = x ^ halves[0] ^ halves[1]
}

// sink keeps the loops' results.
var sink uint64

// loop runs n steps of arithmetic, each depending on the one before; not
// inlined, so that the goroutines run the same code as the single call.
//
//go:noinline
func loop(n uint64) uint64 {
	x := uint64(1)
	for k := range n {
		x += k ^ x>>3
	}
	return x
}
