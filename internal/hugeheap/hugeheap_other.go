//go:build !linux

package hugeheap

// Prepare does nothing where the kernel is not Linux: it reports false.
func Prepare() bool { return false }

// Wait returns at once where the kernel is not Linux.
func Wait() {}

// Backed reports false where the kernel is not Linux.
func Backed() bool { return false }
