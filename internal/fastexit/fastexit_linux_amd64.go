package fastexit

import (
	"os"
	"runtime"
	"slices"
	"syscall"
	"unsafe"
)

// Exit starts the keeper, then exits the process with code, as os.Exit
// does (deferred functions do not run). The keeper holds keep open until
// it ends: a file whose last name is gone (one replaced by a rename) has
// its blocks freed when it is closed for the last time, so that happens
// after the caller has been told too. At most maxKept are kept; the rest
// close with the process.
func Exit(code int, keep ...*os.File) {
	runtime.LockOSThread() // the signal mask is the thread's
	start(fds(keep))
	os.Exit(code)
}

// maxKept is how many files a keeper keeps.
const maxKept = 8

// keeperArgs is what the keeper reads and writes (keeper_linux_amd64.s):
// its struct pollfd, then the descriptors it keeps, ascending.
type keeperArgs struct {
	pollfd [2]uint32
	n      uint32
	kept   [maxKept]uint32
}

// keeperStack is the keeper's stack: it pushes nothing, but a process
// needs one. args is its keeperArgs.
var (
	keeperStack [64]uint64
	args        keeperArgs
)

// spawn clones the keeper, which waits for the process ppid to end
// (keeper_linux_amd64.s), and returns its process ID or the clone's errno.
func spawn(ppid, stack, args uintptr) (pid, errno uintptr)

// start starts the keeper with every signal blocked, keeping the
// descriptors kept, and returns its process ID, or 0 if it could not. The
// caller's goroutine is locked to its thread.
func start(kept []int) int {
	args.n = uint32(len(kept))
	for i, fd := range kept {
		args.kept[i] = uint32(fd)
	}
	all, old := ^uint64(0), uint64(0)
	if _, _, e := syscall.RawSyscall6(syscall.SYS_RT_SIGPROCMASK, sigSetMask, uintptr(unsafe.Pointer(&all)), uintptr(unsafe.Pointer(&old)), 8, 0, 0); e != 0 {
		return 0
	}
	top := uintptr(unsafe.Pointer(&keeperStack[len(keeperStack)-1])) &^ 15
	pid, errno := spawn(uintptr(syscall.Getpid()), top, uintptr(unsafe.Pointer(&args)))
	syscall.RawSyscall6(syscall.SYS_RT_SIGPROCMASK, sigSetMask, uintptr(unsafe.Pointer(&old)), 0, 8, 0, 0)
	if errno != 0 {
		return 0
	}
	return int(pid)
}

// fds returns the descriptors of files, ascending, without repeats, at
// most maxKept of them.
func fds(files []*os.File) []int {
	var out []int
	for _, f := range files {
		if f != nil {
			out = append(out, int(f.Fd()))
		}
	}
	slices.Sort(out)
	out = slices.Compact(out)
	return out[:min(len(out), maxKept)]
}

// sigSetMask is rt_sigprocmask's SIG_SETMASK.
const sigSetMask = 2
