package hashcache

import (
	"os"
	"syscall"
)

// keyOf is the identity of the file fi describes (from os.Stat or
// File.Stat); false for anything but a regular file.
func keyOf(fi os.FileInfo) (key, bool) {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok || !fi.Mode().IsRegular() {
		return key{}, false
	}
	return key{
		dev: uint64(st.Dev), ino: uint64(st.Ino), size: st.Size,
		mtime: st.Mtim.Nano(), ctime: st.Ctim.Nano(),
	}, true
}
