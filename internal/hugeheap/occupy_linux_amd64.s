#include "textflag.h"

// func occupy() (lo, hi uintptr)
//
// The frame is occupyFrame bytes (blockSize less 64 KiB), never touched;
// its stack check has the runtime grow the stack to fit it. The bounds
// are read from the goroutine (g, found through TLS): its first field is
// its stack, lo then hi.
TEXT ·occupy(SB), 0, $33488896-16
	MOVQ (TLS), AX
	MOVQ 0(AX), BX
	MOVQ BX, lo+0(FP)
	MOVQ 8(AX), BX
	MOVQ BX, hi+8(FP)
	RET
