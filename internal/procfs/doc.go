// Package procfs reads what the kernel says of the process and of the
// system in its files (/proc, /sys), with nothing but package rawsys, for
// the packages that set the process up as the first packages initialise
// (codestart, hugeheap): importing syscall, strings, strconv or os would
// tie them to the initialisation of syscall, unicode, os and more, which
// comes later (see rawsys).
//
// It is for Linux; elsewhere it is empty.
package procfs
