// Package stackstart grows a goroutine's stack to 128 KiB in one copy
// (Grow), where it would otherwise grow by doubling, each copy walking
// every frame through the binary's function tables. memstart.Ready calls
// it first in main, once the collection memstart began (which halves a
// stack it finds a quarter used) is over: over the few frames of main
// rather than over a build's deep calls (95 fewer frames walked, the
// sample 1-2 ms faster at the median, December 2026).
//
// It used to grow the main goroutine's stack at the start too, from the
// initialisation of a package that imports nothing and so initialises
// among the first, before the packages' own initialisations copied it six
// times (1.8 ms of every run where each page of the tables cost a fault).
// Since the binary's tables are mapped ahead (codestart) and the heap's
// first pages are huge (hugeheap), those copies are cheap and that early
// growth was not: its 96 KiB frame written in small pages, then copied
// into the huge one. The sample 1.1-1.4 ms faster without it (two windows
// of 101-151 alternated runs), report version 0.3 ms.
package stackstart

// frame is what grow's frame holds: with the frames around it, it takes a
// stack of 128 KiB, which the runtime rounds up to.
const frame = 96 << 10

// grown keeps grow's result, so that its frame is not optimised away.
var grown byte

// Grow grows the calling goroutine's stack to 128 KiB, if it is smaller,
// in one copy: a collection may have shrunk it since (it halves a stack a
// quarter used), and grown back later it would be copied from deep calls,
// each of their frames walked.
func Grow() { grown = grow(frame - 1) }

// grow needs a frame of frame bytes: calling it grows the calling
// goroutine's stack to fit, once.
//
//go:noinline
func grow(i int) byte {
	var buf [frame]byte
	buf[i] = 1
	return buf[i/2]
}
