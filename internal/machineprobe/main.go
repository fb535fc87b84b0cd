// Command machineprobe measures part of what .ci/machine reports: the
// cost of a first touch of a page of fresh memory, of writing memory
// already touched, and of a fixed loop of arithmetic.
package main

import (
	"fmt"
	"os"
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
	start = time.Now()
	x := uint64(1)
	for k := range uint64(100_000_000) {
		x += k ^ x>>3
	}
	loop := time.Since(start)
	fmt.Printf("first touch of a page: %.2f µs (%d MB of fresh memory in %v)\n",
		float64(first.Nanoseconds())/1e3/float64(size/page), size>>20, first.Round(time.Millisecond))
	fmt.Printf("writing memory already touched: %.1f GB/s\n", float64(passes*size)/again.Seconds()/1e9)
	fmt.Printf("a loop of 100 million steps of arithmetic: %v (%d)\n", loop.Round(100*time.Microsecond), x&1)
}
