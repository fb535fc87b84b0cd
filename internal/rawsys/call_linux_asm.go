//go:build linux && (amd64 || arm64)

package rawsys

// call makes the system call trap with four arguments (unused ones
// zero), as the kernel's raw interface does: no word to the Go
// scheduler, so the calling goroutine keeps its processor until the call
// returns. That is right for calls that return within a millisecond or
// so; the longest here is codestart's mapping ahead of the binary's
// code, about 1 ms on its own goroutine, as the packages initialise.
func call(trap, a1, a2, a3, a4 uintptr) (r uintptr, errno Errno)
