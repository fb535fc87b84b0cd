package codestart

import "syscall"

// madvPopulateRead is MADV_POPULATE_READ (Linux 5.14), which package
// syscall does not name.
const madvPopulateRead = 22

// done is closed when the mapping ahead has ended, and failed is then
// the kernel's refusal of it, if any.
var (
	done   = make(chan struct{})
	failed error
)

func init() {
	go func() {
		defer close(done)
		for _, m := range readOnlyMappings(readFile("/proc/self/maps"), executable()) {
			if _, _, errno := syscall.Syscall(syscall.SYS_MADVISE, m.start, m.end-m.start, madvPopulateRead); errno != 0 {
				failed = errno
				return
			}
		}
	}()
}

// mapping is a range of the process's addresses.
type mapping struct{ start, end uintptr }

// readOnlyMappings lists the mappings of the file path, read-only or
// executable and not writable, in maps (the text of /proc/self/maps).
func readOnlyMappings(maps, path string) []mapping {
	if path == "" {
		return nil
	}
	var out []mapping
	for len(maps) > 0 {
		line := maps
		if i := index(maps, '\n'); i >= 0 {
			line, maps = maps[:i], maps[i+1:]
		} else {
			maps = ""
		}
		// 00400000-00fcd000 r-xp 00000000 fe:00 9978109    /usr/bin/report
		f := fields(line)
		if len(f) < 6 || f[5] != path || (f[1] != "r-xp" && f[1] != "r--p") {
			continue
		}
		dash := index(f[0], '-')
		if dash < 0 {
			continue
		}
		start, ok1 := hex(f[0][:dash])
		end, ok2 := hex(f[0][dash+1:])
		if ok1 && ok2 && end > start {
			out = append(out, mapping{start, end})
		}
	}
	return out
}

// executable is the path of the running binary, as /proc/self/maps names
// it; "" if it cannot be read.
func executable() string {
	var buf [4096]byte
	n, err := syscall.Readlink("/proc/self/exe", buf[:])
	if err != nil || n <= 0 || n == len(buf) {
		return ""
	}
	return string(buf[:n])
}

// readFile reads a file of /proc whole; "" if it cannot.
func readFile(path string) string {
	fd, err := syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
	if err != nil {
		return ""
	}
	defer syscall.Close(fd)
	var out []byte
	buf := make([]byte, 16<<10)
	for {
		n, err := syscall.Read(fd, buf)
		if n > 0 {
			out = append(out, buf[:n]...)
		}
		if n <= 0 || err != nil {
			return string(out)
		}
	}
}

// index is the index of the first c in s, -1 if there is none.
func index(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// fields splits s around runs of spaces, the sixth field, a path, taken
// whole to the end of the line (a path may hold spaces).
func fields(s string) []string {
	var out []string
	for len(s) > 0 && len(out) < 5 {
		for len(s) > 0 && s[0] == ' ' {
			s = s[1:]
		}
		i := index(s, ' ')
		if i < 0 {
			i = len(s)
		}
		if i > 0 {
			out = append(out, s[:i])
		}
		s = s[i:]
	}
	for len(s) > 0 && s[0] == ' ' {
		s = s[1:]
	}
	if s != "" {
		out = append(out, s)
	}
	return out
}

// hex parses a hexadecimal number.
func hex(s string) (uintptr, bool) {
	var n uintptr
	if s == "" || len(s) > 16 {
		return 0, false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			n = n<<4 | uintptr(c-'0')
		case c >= 'a' && c <= 'f':
			n = n<<4 | uintptr(c-'a'+10)
		default:
			return 0, false
		}
	}
	return n, true
}
