// Package fastexit ends the process without making its caller wait for
// the kernel to take its memory apart.
//
// When the last thread of a process exits, the kernel unmaps its address
// space and frees its pages before it tells the parent, so a shell that
// waits for report waits for that too: on a virtual machine, about 1 ms
// after a build (45 MB mapped: the heap's huge pages, the binary's pages
// mapped ahead by codestart), 2-3 ms for 45 MB of small pages. mold, the
// linker, hands its slow cleanup to a child for the same reason.
//
// Exit starts a keeper first: a process that shares the address space
// (clone with CLONE_VM, no thread of this one). It holds no file but
// those given it to keep (it closes every other descriptor it inherits at
// once, so that a reader of report's output sees its end when report
// ends), and no signal handler runs in it (it starts with every signal
// blocked). It waits on a pidfd for this process to end, then exits, and
// the address space, which it alone then uses, is taken apart in its exit
// instead, after the parent has been told: `report version` and the
// sample both about 1 ms sooner to the shell (December 2026, the 2-core
// virtual machine). The keeper runs a few instructions of assembly and
// nothing else: no Go code runs in it. Once it has closed the files and
// opened the pidfd, it waits at the lowest priority (SCHED_IDLE), so that
// taking the address space apart yields to any task woken on its core:
// the shell told of report's end, the next command it starts. At the normal priority, the shell was once in three
// runs woken on the keeper's core and waited out the teardown there
// (1.4 ms); idle, the sample 0.89 ms faster at the median (201
// alternated pairs, interval -1.21..-0.61; December 2026).
//
// Exit can give the keeper files to keep open: those a rename replaced
// (atomicfile.Replaced), whose blocks the kernel frees when they are
// closed for the last time, so after the parent is told too (a rename
// over the sample's PDF and manifest: 0.7 ms less of the run).
//
// Where it cannot be done (another system or architecture, a kernel before
// Linux 5.9 without close_range or pidfd_open, a refused clone), Exit is
// os.Exit, and a keeper that cannot wait exits at once.
package fastexit
