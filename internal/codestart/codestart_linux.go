package codestart

import (
	"github.com/briefing/report/internal/procfs"
	"github.com/briefing/report/internal/rawsys"
)

// madvPopulateRead is MADV_POPULATE_READ (Linux 5.14).
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
		for _, m := range readOnlyMappings(procfs.ReadFile("/proc/self/maps"), executable()) {
			if err := rawsys.Madvise(m.start, m.end-m.start, madvPopulateRead); err != nil {
				failed = err
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
	for _, m := range procfs.Mappings(maps) {
		if m.Path == path && (m.Perms == "r-xp" || m.Perms == "r--p") {
			out = append(out, mapping{m.Start, m.End})
		}
	}
	return out
}

// executable is the path of the running binary, as /proc/self/maps names
// it; "" if it cannot be read.
func executable() string {
	var buf [4096]byte
	n, err := rawsys.Readlink("/proc/self/exe", buf[:])
	if err != nil || n <= 0 || n == len(buf) {
		return ""
	}
	return string(buf[:n])
}
