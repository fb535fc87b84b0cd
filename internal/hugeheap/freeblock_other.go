//go:build linux && !amd64 && !arm64

package hugeheap

// canFree reports whether freeBlock can free a block here: not without
// the assembly that grows a goroutine's stack to the block (see
// freeblock.go), so the heap's next stretch gets no huge pages.
const canFree = false

// freeBlock reports false: see canFree.
func freeBlock() (lo, hi uintptr, ok bool) { return 0, 0, false }
