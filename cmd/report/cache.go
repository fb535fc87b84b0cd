package main

import (
	"path/filepath"
	"runtime"

	"github.com/briefing/report/config"
	"github.com/briefing/report/internal/hashcache"
	"github.com/briefing/report/internal/resultcache"
)

// cacheDir is the folder where report remembers its data files' SHA-256
// (internal/hashcache) and what it computed from them
// (internal/resultcache): $REPORT_CACHE, else report under
// $XDG_CACHE_HOME, else under ~/.cache; "" (none) when REPORT_CACHE is
// "off" or neither HOME nor XDG_CACHE_HOME is set, and on systems other
// than Linux, whose file change times report does not read.
func cacheDir(env []string) string {
	if runtime.GOOS != "linux" {
		return ""
	}
	if dir, ok := config.LookupEnv(env, "REPORT_CACHE"); ok {
		if dir == "off" {
			return ""
		}
		return dir
	}
	if dir, _ := config.LookupEnv(env, "XDG_CACHE_HOME"); filepath.IsAbs(dir) {
		return filepath.Join(dir, "report")
	}
	if home, _ := config.LookupEnv(env, "HOME"); filepath.IsAbs(home) {
		return filepath.Join(home, ".cache", "report")
	}
	return ""
}

// openCache opens the caches of files' hashes and of the results computed
// from them for a run with env; the returned function writes what the run
// added to them (saveCache). A cache that cannot be written costs only the
// next run its hashing and counting: its error is dropped.
func openCache(env []string) (save func()) {
	dir := cacheDir(env)
	hashcache.Open(dir)
	resultcache.Open(dir)
	return saveCache
}

// saveCache writes the hashes remembered since the caches were opened, and
// waits for the results being written (begun once the data was read).
func saveCache() {
	_ = hashcache.Save()
	resultcache.Flush()
}
