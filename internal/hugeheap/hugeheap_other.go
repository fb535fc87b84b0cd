//go:build !linux

package hugeheap

// Prepare does nothing where the kernel is not Linux: it reports false.
func Prepare() bool { return false }

// Backed reports false where the kernel is not Linux.
func Backed() bool { return false }
