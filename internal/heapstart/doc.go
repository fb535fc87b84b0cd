// Package heapstart backs the heap's first mapping with transparent huge
// pages, as the first packages initialise, on Linux where the kernel gives
// them (its mode "madvise" or "always").
//
// The runtime maps the heap 4 MB at a time, and the packages' initialisation
// and the start of any command allocate there first: about 400 pages of
// 4 KiB, each a page fault the first time it is written, 4 ms of
// `report version` on a virtual machine where a fault costs 10 µs. Asked
// for huge pages, with the pages already written there made one
// (MADV_COLLAPSE, 0.3-4 ms), the mapping takes a fault or two: `report
// version` 18.8 → 16.8 ms, the sample 1.3-1.6 ms faster at the median
// (alternated runs of 61-151, December 2026). hugeheap does the same for
// the heap's next stretch, later, for the commands that build briefings.
//
// A blank import is all it takes. It imports no more than package syscall
// and procfs, so it initialises among the first. GODEBUG=disablethp=1,
// the runtime's own switch for huge pages on the heap, turns it off.
package heapstart
