// Package hashcache remembers the SHA-256 of data files from one run to
// the next, so that a file read again unchanged is not hashed again: the
// manifest and the data annex give every file's SHA-256, and hashing the
// sample's two registers (4.8 MB) took 3 ms of CPU of every run, 1.2–1.8
// ms of its wall time (December 2026).
//
// A file is known by what git's index knows it by: its device and inode,
// its size, and its modification and change times to the nanosecond. The
// change time cannot be set by a program (a write, a chmod, a rename, a
// touch that sets the modification time back: each sets it to the clock),
// so a file written to since its hash was remembered is not the same file
// here, whatever its size and modification time say. As in git, a file
// changed less than two seconds before its hashing began is not remembered
// at all: a write within the same tick of the kernel's coarse clock could
// leave its times as they were.
//
// One hash is remembered per path, the latest, and at most maxEntries
// paths. Nothing is remembered until Open names a folder for the cache; a
// program that never calls it hashes every file every time. The cache is
// a small text file, written whole (by atomicfile);
// one that cannot be read or written is passed over: the files are hashed
// instead.
package hashcache

import (
	"bytes"
	"cmp"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/briefing/report/internal/atomicfile"
)

// fileName is the cache's file in its folder; header is its first line.
const (
	fileName = "file-hashes"
	header   = "report file hashes 1"
)

// maxEntries is the most paths remembered: those remembered longest ago
// are dropped first.
const maxEntries = 512

// racyWindow is how long before its hashing began a file must have been
// left unchanged to be remembered.
const racyWindow = 2 * time.Second

// key is a file's identity (see the package comment).
type key struct {
	dev, ino           uint64
	size, mtime, ctime int64
}

// entry is a remembered hash: of the file at path (absolute) with
// identity key, remembered at at (Unix seconds).
type entry struct {
	key  key
	sum  [32]byte
	at   int64
	path string
}

var cache struct {
	sync.Mutex
	dir     string           // "" until Open
	entries map[string]entry // by path; nil until the first Lookup or Remember loads them
	dirty   bool             // remembered since loaded
}

// Open makes the cache in folder dir the one Lookup and Remember use; dir
// "" turns the cache off. The cache is read at the first Lookup, on the
// goroutine that reads the first data file, not on the caller's.
func Open(dir string) {
	cache.Lock()
	defer cache.Unlock()
	cache.dir, cache.entries, cache.dirty = dir, nil, false
}

// loaded returns the entries, read from the cache's file the first time
// (none if it cannot be read); nil when no cache is open. The caller
// holds the lock.
func loaded() map[string]entry {
	if cache.entries == nil && cache.dir != "" {
		cache.entries = load(filepath.Join(cache.dir, fileName))
	}
	return cache.entries
}

// absolute is path made absolute against the working folder, read once
// (os.Getwd stats two folders at each call); false if it cannot be.
func absolute(path string) (string, bool) {
	if filepath.IsAbs(path) {
		return filepath.Clean(path), true
	}
	wd, err := workingDir()
	if err != nil {
		return "", false
	}
	return filepath.Join(wd, path), true
}

var workingDir = sync.OnceValues(os.Getwd)

// Lookup returns the remembered SHA-256 of the file at path, which fi
// describes, if it is the same file (the same identity) as when it was
// remembered.
func Lookup(path string, fi os.FileInfo) ([32]byte, bool) {
	k, ok := keyOf(fi)
	if !ok {
		return [32]byte{}, false
	}
	abs, ok := absolute(path)
	if !ok {
		return [32]byte{}, false
	}
	cache.Lock()
	defer cache.Unlock()
	e, ok := loaded()[abs]
	if !ok || e.key != k {
		return [32]byte{}, false
	}
	return e.sum, true
}

// Remember notes sum as the SHA-256 of the file at path, which fi
// describes and whose hashing began at since, unless the file had changed
// less than two seconds before then (see the package comment). Save
// writes it.
func Remember(path string, fi os.FileInfo, sum [32]byte, since time.Time) {
	k, ok := keyOf(fi)
	if !ok || time.Unix(0, max(k.mtime, k.ctime)).After(since.Add(-racyWindow)) {
		return
	}
	abs, ok := absolute(path)
	if !ok || strings.ContainsAny(abs, "\n\r") { // a line of the cache each
		return
	}
	cache.Lock()
	defer cache.Unlock()
	entries := loaded()
	if entries == nil {
		return // no cache open
	}
	if e, ok := entries[abs]; ok && e.key == k && e.sum == sum {
		return
	}
	entries[abs] = entry{key: k, sum: sum, at: since.Unix(), path: abs}
	cache.dirty = true
}

// Save writes the cache if anything was remembered since it was read,
// with what other runs wrote meanwhile, keeping the newest entries.
func Save() error {
	cache.Lock()
	defer cache.Unlock()
	if !cache.dirty || cache.dir == "" {
		return nil
	}
	path := filepath.Join(cache.dir, fileName)
	all := load(path) // another run's entries, written since this one read it
	for p, e := range cache.entries {
		if old, ok := all[p]; !ok || old.at <= e.at {
			all[p] = e
		}
	}
	if err := write(path, all); err != nil {
		return err
	}
	cache.dirty = false
	return nil
}

// load reads the cache file at path; an empty cache if it cannot, or if a
// line of it is not as Save writes it (a file cut short, or another
// version's).
func load(path string) map[string]entry {
	entries := map[string]entry{}
	data, err := os.ReadFile(path)
	if err != nil {
		return entries
	}
	first, rest, _ := bytes.Cut(data, []byte("\n"))
	if string(first) != header {
		return entries
	}
	for len(rest) > 0 {
		var line []byte
		line, rest, _ = bytes.Cut(rest, []byte("\n"))
		e, ok := parseLine(line)
		if !ok {
			return map[string]entry{}
		}
		entries[e.path] = e
	}
	return entries
}

// parseLine reads one line of the cache: device, inode, size,
// modification and change times, the hex SHA-256, when remembered, and
// the path (the rest of the line).
func parseLine(line []byte) (entry, bool) {
	var e entry
	var fields [7][]byte
	for i := range fields {
		f, more, ok := bytes.Cut(line, []byte(" "))
		if !ok || len(f) == 0 {
			return entry{}, false
		}
		fields[i], line = f, more
	}
	e.path = string(line)
	if !filepath.IsAbs(e.path) {
		return entry{}, false
	}
	var err error
	if e.key.dev, err = strconv.ParseUint(string(fields[0]), 10, 64); err != nil {
		return entry{}, false
	}
	if e.key.ino, err = strconv.ParseUint(string(fields[1]), 10, 64); err != nil {
		return entry{}, false
	}
	for i, p := range []*int64{&e.key.size, &e.key.mtime, &e.key.ctime} {
		if *p, err = strconv.ParseInt(string(fields[2+i]), 10, 64); err != nil {
			return entry{}, false
		}
	}
	if n, err := hex.Decode(e.sum[:], fields[5]); err != nil || n != len(e.sum) || len(fields[5]) != 2*len(e.sum) {
		return entry{}, false
	}
	if e.at, err = strconv.ParseInt(string(fields[6]), 10, 64); err != nil {
		return entry{}, false
	}
	return e, true
}

// write writes entries to path whole, the newest maxEntries of them, as
// atomicfile writes: a reader never sees a part. Its folder is made for
// its owner alone: the cache names the files its owner reads.
func write(path string, entries map[string]entry) error {
	list := make([]entry, 0, len(entries))
	for _, e := range entries {
		list = append(list, e)
	}
	slices.SortFunc(list, func(a, b entry) int { // newest first, then by path: the same bytes for the same cache
		return cmp.Or(cmp.Compare(b.at, a.at), cmp.Compare(a.path, b.path))
	})
	if len(list) > maxEntries {
		list = list[:maxEntries]
	}
	var b bytes.Buffer
	b.WriteString(header + "\n")
	for _, e := range list {
		fmt.Fprintf(&b, "%d %d %d %d %d %x %d %s\n", e.key.dev, e.key.ino, e.key.size, e.key.mtime, e.key.ctime, e.sum, e.at, e.path)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	return atomicfile.Write(path, b.Bytes())
}

// Identity is the identity of the file fi describes, as text: its device,
// inode, size and modification and change times (see the package
// comment); false where it cannot be read (not a regular file, or not on
// Linux). Two files with the same identity are the same bytes, unless one
// was written within a tick of the clock (the racy window above).
func Identity(fi os.FileInfo) (string, bool) {
	k, ok := keyOf(fi)
	if !ok {
		return "", false
	}
	return fmt.Sprintf("%d %d %d %d %d", k.dev, k.ino, k.size, k.mtime, k.ctime), true
}
