#include "textflag.h"

// func spawn(ppid, stack, args uintptr) (pid, errno uintptr)
//
// spawn starts the keeper (see doc.go). In the child only registers and
// the memory at args (keeperArgs) are used: no Go code runs there, and
// every signal is blocked (the caller blocks them around the clone).
TEXT ·spawn(SB), NOSPLIT, $0-40
	MOVQ	ppid+0(FP), R12   // preserved across system calls
	MOVQ	args+16(FP), R13
	MOVQ	$0x111, DI        // CLONE_VM | SIGCHLD
	MOVQ	stack+8(FP), SI
	XORQ	DX, DX
	XORQ	R10, R10
	XORQ	R8, R8
	MOVQ	$56, AX           // clone
	SYSCALL
	CMPQ	AX, $0
	JEQ	keeper
	CMPQ	AX, $0xfffffffffffff001
	JLS	started
	NEGQ	AX
	MOVQ	$0, pid+24(FP)
	MOVQ	AX, errno+32(FP)
	RET
started:
	MOVQ	AX, pid+24(FP)
	MOVQ	$0, errno+32(FP)
	RET

keeper:
	// close every file but the kept ones (ascending): close_range(from,
	// k-1, 0) below each kept k, then close_range(from, ~0U, 0)
	XORL	BX, BX            // from
	MOVL	8(R13), R14       // how many kept
	LEAQ	12(R13), R15      // the kept
next:
	CMPL	R14, $0
	JEQ	rest
	MOVL	0(R15), SI        // k
	CMPL	SI, BX
	JCS	skip              // k < from: kept already
	JEQ	kept              // k == from: nothing below it to close
	MOVL	BX, DI
	DECL	SI
	XORL	DX, DX
	MOVQ	$436, AX          // close_range(from, k-1, 0)
	SYSCALL
	CMPQ	AX, $0
	JNE	exit
	MOVL	0(R15), SI
kept:
	LEAL	1(SI), BX         // from = k+1
skip:
	ADDQ	$4, R15
	DECL	R14
	JMP	next
rest:
	MOVL	BX, DI
	MOVL	$0xffffffff, SI
	XORL	DX, DX
	MOVQ	$436, AX          // close_range(from, ~0U, 0)
	SYSCALL
	CMPQ	AX, $0
	JNE	exit
	MOVQ	$434, AX          // pidfd_open(ppid, 0)
	MOVQ	R12, DI
	XORQ	SI, SI
	SYSCALL
	CMPQ	AX, $0
	JLT	exit
	MOVL	AX, 0(R13)        // struct pollfd{fd, POLLIN, 0}, at args
	MOVL	$1, 4(R13)
	MOVQ	$110, AX          // getppid: the parent may have ended before the pidfd was opened
	SYSCALL
	CMPQ	AX, R12
	JNE	exit
	// from here on the lowest priority (SCHED_IDLE): the address space is
	// taken apart in this process's exit, and a task woken on its core
	// then (the shell told of report's end first) must not wait for that.
	// Not before: the files above are closed at once, as report ends.
	MOVQ	$0, -8(SP)        // struct sched_param{0}
	LEAQ	-8(SP), DX
	XORQ	DI, DI
	MOVQ	$5, SI            // SCHED_IDLE
	MOVQ	$144, AX          // sched_setscheduler(0, SCHED_IDLE, &param)
	SYSCALL
wait:
	MOVQ	$7, AX            // poll(pollfd, 1, -1): readable once every thread of ppid has exited
	MOVQ	R13, DI
	MOVQ	$1, SI
	MOVQ	$-1, DX
	SYSCALL
	CMPQ	AX, $1
	JNE	wait
exit:
	MOVQ	$231, AX          // exit_group(0)
	XORQ	DI, DI
	SYSCALL
	JMP	exit
