package procfs

import "github.com/briefing/report/internal/rawsys"

// ReadFile reads a small file of /proc or /sys whole; "" if it cannot.
func ReadFile(path string) string {
	fd, err := rawsys.Open(path)
	if err != nil {
		return ""
	}
	defer rawsys.Close(fd)
	var out []byte
	buf := make([]byte, 16<<10)
	for {
		n, err := rawsys.Read(fd, buf)
		if n > 0 {
			out = append(out, buf[:n]...)
		}
		if n <= 0 || err != nil {
			return string(out)
		}
	}
}

// Getenv is the value of the environment variable key as the process
// started with it (/proc/self/environ), and whether it was set: package
// syscall's Getenv would tie the caller to syscall's initialisation.
func Getenv(key string) (string, bool) {
	env := ReadFile("/proc/self/environ")
	for len(env) > 0 {
		entry := env
		if i := index(env, 0); i >= 0 {
			entry, env = env[:i], env[i+1:]
		} else {
			env = ""
		}
		if len(entry) > len(key) && entry[len(key)] == '=' && entry[:len(key)] == key {
			return entry[len(key)+1:], true
		}
	}
	return "", false
}

// Mapping is a line of /proc/self/maps: a range of the process's
// addresses, its permissions ("r-xp") and the file mapped there ("" for
// anonymous memory).
type Mapping struct {
	Start, End uintptr
	Perms      string
	Path       string
}

// Mappings parses maps, the text of /proc/self/maps; malformed lines are
// left out.
func Mappings(maps string) []Mapping {
	var out []Mapping
	for len(maps) > 0 {
		line := maps
		if i := index(maps, '\n'); i >= 0 {
			line, maps = maps[:i], maps[i+1:]
		} else {
			maps = ""
		}
		// 00400000-00fcd000 r-xp 00000000 fe:00 9978109    /usr/bin/report
		f := fields(line)
		if len(f) < 5 {
			continue
		}
		dash := index(f[0], '-')
		if dash < 0 {
			continue
		}
		start, ok1 := hex(f[0][:dash])
		end, ok2 := hex(f[0][dash+1:])
		if !ok1 || !ok2 || end <= start {
			continue
		}
		m := Mapping{Start: start, End: end, Perms: f[1]}
		if len(f) > 5 {
			m.Path = f[5]
		}
		out = append(out, m)
	}
	return out
}

// Bracketed is the word in brackets in a setting of /sys that lists the
// choices and brackets the one made ("always [madvise] never"): "madvise";
// "" if there is none.
func Bracketed(setting string) string {
	open := index(setting, '[')
	if open < 0 {
		return ""
	}
	word := setting[open+1:]
	end := index(word, ']')
	if end < 0 {
		return ""
	}
	return word[:end]
}

// Decimal parses the number a setting of /sys holds ("2097152\n"); ok is
// false if it holds something else.
func Decimal(setting string) (n int, ok bool) {
	for len(setting) > 0 && (setting[len(setting)-1] == '\n' || setting[len(setting)-1] == ' ') {
		setting = setting[:len(setting)-1]
	}
	if setting == "" || len(setting) > 18 {
		return 0, false
	}
	for i := 0; i < len(setting); i++ {
		c := setting[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
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
