//go:build !linux

package heapstart

// Disabled reports false where the kernel is not Linux: there is nothing
// to turn off.
func Disabled() bool { return false }
