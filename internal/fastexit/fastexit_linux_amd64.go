package fastexit

import (
	"os"
	"runtime"
	"syscall"
	"unsafe"
)

// Exit starts the keeper, then exits the process with code, as os.Exit
// does (deferred functions do not run).
func Exit(code int) {
	runtime.LockOSThread() // the signal mask is the thread's
	start()
	os.Exit(code)
}

// keeperStack is the keeper's stack: it pushes nothing, but a process
// needs one. pollfd is its struct pollfd, which it writes.
var (
	keeperStack [64]uint64
	pollfd      [2]uint32
)

// spawn clones the keeper, which waits for the process ppid to end
// (keeper_linux_amd64.s), and returns its process ID or the clone's errno.
func spawn(ppid, stack, pollfd uintptr) (pid, errno uintptr)

// start starts the keeper with every signal blocked, and returns its
// process ID, or 0 if it could not. The caller's goroutine is locked to
// its thread.
func start() int {
	all, old := ^uint64(0), uint64(0)
	if _, _, e := syscall.RawSyscall6(syscall.SYS_RT_SIGPROCMASK, sigSetMask, uintptr(unsafe.Pointer(&all)), uintptr(unsafe.Pointer(&old)), 8, 0, 0); e != 0 {
		return 0
	}
	top := uintptr(unsafe.Pointer(&keeperStack[len(keeperStack)-1])) &^ 15
	pid, errno := spawn(uintptr(syscall.Getpid()), top, uintptr(unsafe.Pointer(&pollfd)))
	syscall.RawSyscall6(syscall.SYS_RT_SIGPROCMASK, sigSetMask, uintptr(unsafe.Pointer(&old)), 0, 8, 0, 0)
	if errno != 0 {
		return 0
	}
	return int(pid)
}

// sigSetMask is rt_sigprocmask's SIG_SETMASK.
const sigSetMask = 2
