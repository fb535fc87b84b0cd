//go:build linux

package rawsys

import "unsafe"

// Errno is a system call's error number.
type Errno uintptr

// EAGAIN is "try again", which callers compare with.
const EAGAIN Errno = 11

// Error says "errno N": the callers report these no further than a
// test's message.
func (e Errno) Error() string {
	var buf [20]byte
	i := len(buf)
	n := uint64(e)
	for {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			break
		}
	}
	return "errno " + string(buf[i:])
}

// errnoOf turns a call's errno into an error, nil for none.
func errnoOf(e Errno) error {
	if e == 0 {
		return nil
	}
	return e
}

// cString is path as the kernel reads it, ending in a NUL byte.
func cString(path string) []byte {
	b := make([]byte, len(path)+1)
	copy(b, path)
	return b
}

// atFDCWD is AT_FDCWD: a relative path is the working folder's.
const atFDCWD = ^uintptr(99) // -100

// openFlags are O_RDONLY|O_CLOEXEC.
const openFlags = 0x80000

// Open opens path for reading, close-on-exec.
func Open(path string) (fd int, err error) {
	p := cString(path)
	r, e := call(sysOpenat, atFDCWD, uintptr(unsafe.Pointer(&p[0])), openFlags, 0)
	if e != 0 {
		return -1, e
	}
	return int(r), nil
}

// Read reads into b from fd.
func Read(fd int, b []byte) (int, error) {
	if len(b) == 0 {
		return 0, nil
	}
	r, e := call(sysRead, uintptr(fd), uintptr(unsafe.Pointer(&b[0])), uintptr(len(b)), 0)
	return int(r), errnoOf(e)
}

// Close closes fd.
func Close(fd int) error {
	_, e := call(sysClose, uintptr(fd), 0, 0, 0)
	return errnoOf(e)
}

// Readlink reads where the link path points into b, and returns how
// many bytes it wrote.
func Readlink(path string, b []byte) (int, error) {
	if len(b) == 0 {
		return 0, nil
	}
	p := cString(path)
	r, e := call(sysReadlinkat, atFDCWD, uintptr(unsafe.Pointer(&p[0])), uintptr(unsafe.Pointer(&b[0])), uintptr(len(b)))
	return int(r), errnoOf(e)
}

// Madvise gives advice on the memory [at, at+n), which need not be the
// caller's own object.
func Madvise(at, n, advice uintptr) error {
	_, e := call(sysMadvise, at, n, advice, 0)
	return errnoOf(e)
}

// Mincore tells, a byte a page in vec, which pages of [at, at+n) are
// resident.
func Mincore(at, n uintptr, vec []byte) error {
	if len(vec) == 0 {
		return nil
	}
	_, e := call(sysMincore, at, n, uintptr(unsafe.Pointer(&vec[0])), 0)
	return errnoOf(e)
}
