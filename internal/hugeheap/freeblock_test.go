//go:build linux && (amd64 || arm64)

package hugeheap

import "testing"

// occupy's frame, a number in its assembly, has the runtime grow the
// stack to the block's size: not less (the block would be smaller than
// Prepare says), not twice (it would be 64 MB).
func TestOccupy_GrowsTheStackToTheBlock(t *testing.T) {
	at := make(chan [2]uintptr)
	go func() {
		lo, hi := occupy()
		at <- [2]uintptr{lo, hi}
	}()
	b := <-at
	if size := b[1] - b[0]; size != blockSize {
		t.Errorf("a goroutine that called occupy has a stack of %d KB, want the block's %d KB", size>>10, blockSize>>10)
	}
}
