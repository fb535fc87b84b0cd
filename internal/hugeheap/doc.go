// Package hugeheap backs the heap's next stretch with transparent huge
// pages, on Linux where the kernel gives them to memory that asks for
// them (its mode "madvise").
//
// A run of report writes to 8-10 MB of memory it has not touched before,
// and the first write to each 4 KiB page costs a page fault: on a virtual
// machine with shadow page tables 11-15 µs each, a third of the sample's
// CPU. A 2 MB huge page is one fault for 512 pages, and costs there about
// what 300 small ones do (12 MB of small objects allocated: 4-12 ms
// against 45, in December 2026).
//
// The Go runtime does not ask for huge pages itself, and it maps each new
// stretch of heap with a fresh mmap, which drops advice given before. So
// Prepare has the runtime map a block and free it untouched (a
// goroutine's stack, grown to the block's size and handed back to the
// heap as the goroutine exits), and asks for huge pages on it: the
// block's pages are where the heap's next allocations land. The package's
// initialisation does the same for the heap's first mapping, without
// asking (first_linux.go), and reads the kernel's settings once for both;
// GODEBUG=disablethp=1, the runtime's own switch, turns both off.
package hugeheap
