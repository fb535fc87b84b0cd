// Package stackstart grows the main goroutine's stack to 128 KiB once,
// at the start, before the packages report links initialise: those
// initialisations (regular expressions compiled, tables built) need more
// than 64 KiB of it, and a goroutine starts with 2 KiB, so the stack was
// copied six times on the way (to 4, 8, 16, 32, 64 and 128 KiB), each
// copy walking every frame through the binary's function tables. On a virtual
// machine where each page of those tables costs a page fault the first
// time it is read, that came to 1.8 ms of every run (`report version`:
// 26.6 → 24.9 ms at the median of 200 alternated runs, in December 2026).
// Grown here, the stack is copied once, from a frame or two.
//
// A blank import is all it takes: a package that imports nothing is
// initialised among the first. A collection halves a stack it finds a
// quarter used, as the one memstart starts may do to this one: memstart's
// Ready calls Grow again after it, while the stack is shallow (over the
// few frames of main, rather than over a build's deep calls: 95 fewer
// frames walked, the sample 1-2 ms faster at the median).
package stackstart

// frame is what grow's frame holds: with the frames around it, it takes a
// stack of 128 KiB, which the runtime rounds up to.
const frame = 96 << 10

// grown keeps grow's result, so that its frame is not optimised away.
var grown byte

func init() { Grow() }

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
