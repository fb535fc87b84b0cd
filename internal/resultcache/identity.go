package resultcache

import (
	"os"
	"sync"

	"github.com/briefing/report/internal/hashcache"
)

// Identity is the running program's: its executable's path and file
// identity (hashcache.Identity), "" where it cannot be read, and then no
// results are remembered. Each build of report is a new file, so results
// one build computed are never taken for another's, whatever its version
// says (a build from a modified checkout says the same as the one before).
var Identity = sync.OnceValue(func() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	fi, err := os.Stat(exe)
	if err != nil {
		return ""
	}
	id, ok := hashcache.Identity(fi)
	if !ok {
		return ""
	}
	return exe + "\n" + id
})
