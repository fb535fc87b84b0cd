//go:build linux && !amd64 && !arm64

package hugeheap

// freeBlock reports false where no assembly grows a goroutine's stack to
// the block (see freeblock.go): the heap's next stretch gets no huge
// pages there.
func freeBlock() (lo, hi uintptr, ok bool) { return 0, 0, false }
