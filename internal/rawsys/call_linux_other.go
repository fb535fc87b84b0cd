//go:build linux && !amd64 && !arm64

package rawsys

import "syscall"

// The system calls' numbers, from package syscall.
const (
	sysOpenat     = syscall.SYS_OPENAT
	sysClose      = syscall.SYS_CLOSE
	sysRead       = syscall.SYS_READ
	sysReadlinkat = syscall.SYS_READLINKAT
	sysMincore    = syscall.SYS_MINCORE
	sysMadvise    = syscall.SYS_MADVISE
)

// call makes the system call trap with four arguments (unused ones
// zero), through package syscall where report has no assembly of its own.
func call(trap, a1, a2, a3, a4 uintptr) (uintptr, Errno) {
	r, _, e := syscall.RawSyscall6(trap, a1, a2, a3, a4, 0, 0)
	return r, Errno(e)
}
