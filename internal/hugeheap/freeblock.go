//go:build linux && (amd64 || arm64)

package hugeheap

// canFree reports whether freeBlock can free a block here: it can.
const canFree = true

// occupyFrame is occupy's frame: the block less 64 KiB, room for the
// frames beneath it and the runtime's guard, so that the runtime grows
// the stack of a goroutine that calls it to blockSize in one step. The
// assembly (occupy_linux_*.s) spells it as a number;
// TestOccupy_GrowsTheStackToTheBlock holds the two together.
const occupyFrame = blockSize - 64<<10

// occupy needs a frame of occupyFrame bytes, which it leaves untouched,
// and returns the bounds of the calling goroutine's stack, [lo, hi): the
// stack the runtime grew to fit that frame.
func occupy() (lo, hi uintptr)

// freeBlock has the runtime map blockSize bytes of fresh heap memory and
// free them untouched, and returns where they are, [lo, hi).
//
// A goroutine's stack, once larger than the smallest, is heap memory.
// A goroutine that calls occupy has its stack grown to blockSize at once:
// the runtime maps the block afresh (the heap has no free stretch that
// large) and copies the few bytes of stack in use to its top. When the
// goroutine exits, the runtime hands that stack back to the heap at once,
// unless a collection is running (Prepare's caller sees that none is). The heap's next allocations take its pages, the lowest free ones.
//
// It used to allocate a block of bytes and collect it (runtime.GC): the
// same free block, but the collection took about 3 ms of every run on a
// virtual machine, waited for as the packages initialise. This takes
// 0.3-0.6 ms, most of it the runtime mapping the block, as it did for the
// slice, and Prepare runs it on a goroutine of its own (December 2026).
func freeBlock() (lo, hi uintptr, ok bool) {
	at := make(chan [2]uintptr)
	go func() {
		lo, hi := occupy()
		at <- [2]uintptr{lo, hi}
	}()
	b := <-at
	return b[0], b[1], b[1]-b[0] >= blockSize
}
