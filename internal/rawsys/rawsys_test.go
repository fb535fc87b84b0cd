//go:build linux

package rawsys

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"unsafe"
)

// The calls do what package syscall's do, on the same files and memory.
func TestCalls_AsSyscallDoes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "f")
	if err := os.WriteFile(path, []byte("hello, world"), 0o644); err != nil {
		t.Fatal(err)
	}
	fd, err := Open(path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	buf := make([]byte, 64)
	n, err := Read(fd, buf)
	if err != nil || string(buf[:n]) != "hello, world" {
		t.Errorf("Read = %q, %v; want the file", buf[:n], err)
	}
	if n, err := Read(fd, buf); n != 0 || err != nil {
		t.Errorf("Read at the end = %d, %v; want 0, nil", n, err)
	}
	if err := Close(fd); err != nil {
		t.Errorf("Close: %v", err)
	}
	if err := Close(fd); err != Errno(syscall.EBADF) {
		t.Errorf("Close of a closed descriptor = %v, want %v", err, Errno(syscall.EBADF))
	}
	if _, err := Open(filepath.Join(t.TempDir(), "missing")); err != Errno(syscall.ENOENT) {
		t.Errorf("Open of a missing file = %v, want %v", err, Errno(syscall.ENOENT))
	}

	exe, err := os.Readlink("/proc/self/exe")
	if err != nil {
		t.Skip(err)
	}
	link := make([]byte, 4096)
	if n, err := Readlink("/proc/self/exe", link); err != nil || string(link[:n]) != exe {
		t.Errorf("Readlink = %q, %v; want %q", link[:n], err, exe)
	}

	page := syscall.Getpagesize()
	mem, err := syscall.Mmap(-1, 0, 4*page, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		t.Fatal(err)
	}
	defer syscall.Munmap(mem)
	mem[2*page] = 1 // the third page written, the others not
	at := uintptr(unsafe.Pointer(&mem[0]))
	vec := make([]byte, 4)
	if err := Mincore(at, uintptr(4*page), vec); err != nil {
		t.Fatalf("Mincore: %v", err)
	}
	if vec[0]&1 != 0 || vec[2]&1 == 0 {
		t.Errorf("Mincore = %v, want only the third page resident", vec)
	}
	if err := Madvise(at, uintptr(4*page), syscall.MADV_DONTNEED); err != nil {
		t.Errorf("Madvise: %v", err)
	}
	if mem[2*page] != 0 {
		t.Error("after MADV_DONTNEED the page kept what was written")
	}
	if err := Madvise(at+1, uintptr(page), syscall.MADV_DONTNEED); err != Errno(syscall.EINVAL) {
		t.Errorf("Madvise of an unaligned address = %v, want %v", err, Errno(syscall.EINVAL))
	}
}

func TestErrno_Error(t *testing.T) {
	for e, want := range map[Errno]string{0: "errno 0", 11: "errno 11", 4095: "errno 4095"} {
		if got := e.Error(); got != want {
			t.Errorf("Errno(%d).Error() = %q, want %q", uintptr(e), got, want)
		}
	}
}
