// Package procfs reads what the kernel says of the process and of the
// system in its files (/proc, /sys), with nothing but package syscall, for
// the packages that set the process up as the first packages initialise
// (codestart, hugeheap): importing strings, strconv or os would tie them
// to the initialisation of unicode, os and more, which comes much later.
//
// It is for Linux; elsewhere it is empty.
package procfs
