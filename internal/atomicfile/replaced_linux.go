package atomicfile

import (
	"os"
	"syscall"
)

// openReplaced opens the regular file at path that a rename is about to
// replace, or returns nil: nothing there, a symbolic link (the rename
// replaces the link, not what it points to), a folder, a pipe (opened
// without blocking, then left).
func openReplaced(path string) *os.File {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil
	}
	if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() {
		f.Close()
		return nil
	}
	return f
}
