#include "textflag.h"

// func call(trap, a1, a2, a3, a4 uintptr) (r uintptr, errno Errno)
TEXT ·call(SB), NOSPLIT, $0-56
	MOVD	a1+8(FP), R0
	MOVD	a2+16(FP), R1
	MOVD	a3+24(FP), R2
	MOVD	a4+32(FP), R3
	MOVD	trap+0(FP), R8
	SVC
	CMN	$4095, R0
	BCC	ok
	MOVD	$0, R4
	MOVD	R4, r+40(FP)
	NEG	R0, R0
	MOVD	R0, errno+48(FP)
	RET
ok:
	MOVD	R0, r+40(FP)
	MOVD	$0, R0
	MOVD	R0, errno+48(FP)
	RET
