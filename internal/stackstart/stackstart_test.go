package stackstart

import (
	"runtime/debug"
	"testing"
	"unsafe"
)

// deep needs a frame of about 60 KiB, as the deepest package
// initialisations report runs do.
//
//go:noinline
func deep(i int) byte {
	var buf [60 << 10]byte
	buf[i] = 1
	return buf[i/2]
}

// A goroutine's stack moves when it grows: the address of a variable in
// one of its frames changes. After Grow, the stack moves no more for a
// call 60 KiB deep.
func TestGrow_OnceForTheDeepestCalls(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(-1)) // a collection could shrink the stack between the calls
	at := make(chan [3]uintptr)
	go func() { // a new goroutine: a stack of 2 KiB, like main's at the start
		var marker byte
		before := uintptr(unsafe.Pointer(&marker))
		Grow()
		grown := uintptr(unsafe.Pointer(&marker))
		deep(1)
		at <- [3]uintptr{before, grown, uintptr(unsafe.Pointer(&marker))}
	}()
	a := <-at
	if a[0] == a[1] {
		t.Fatal("the stack did not move for Grow: it did not grow")
	}
	if a[1] != a[2] {
		t.Errorf("the stack moved again for a call 60 KiB deep: Grow left it too small")
	}
}
