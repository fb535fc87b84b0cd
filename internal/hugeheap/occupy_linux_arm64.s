#include "textflag.h"

// func occupy() (lo, hi uintptr)
//
// The frame is occupyFrame bytes (blockSize less 64 KiB), never touched;
// its stack check has the runtime grow the stack to fit it. The bounds
// are read from the goroutine (register g): its first field is its
// stack, lo then hi.
TEXT ·occupy(SB), 0, $33488896-16
	MOVD 0(g), R0
	MOVD R0, lo+0(FP)
	MOVD 8(g), R0
	MOVD R0, hi+8(FP)
	RET
