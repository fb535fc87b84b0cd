//go:build linux && (amd64 || arm64)

package rawsys

// call makes the system call trap with three arguments (the fourth
// zero), as the kernel's raw interface does: no word to the Go
// scheduler, which is right for calls that return at once.
func call(trap, a1, a2, a3 uintptr) (r uintptr, errno Errno)

// call4 is call with a fourth argument.
func call4(trap, a1, a2, a3, a4 uintptr) (r uintptr, errno Errno)
