// Package rawsys makes the few Linux system calls that the process's
// set-up needs (openat, read, close, readlinkat, madvise, mincore), and
// nothing else, for the packages that set the process up as the very
// first packages initialise (procfs, codestart, hugeheap).
//
// It imports nothing, so a package that imports only it initialises
// right after the runtime's own, before the standard library's
// (packages initialise after what they import, the ready ones in the
// order of their paths): package syscall initialises 14th (it copies the
// environment), and the set-up that used it ran 15th and 16th, after
// about 60 of the heap's pages had been written 4 KiB at a time and
// before the binary's code was mapped ahead.
//
// On linux/amd64 and linux/arm64 the calls are made in assembly; on the
// other Linux architectures through package syscall (the set-up then
// initialises later, as before).
package rawsys
