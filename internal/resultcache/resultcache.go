// Package resultcache remembers, from one run to the next, what the
// analyses computed from a dataset whose files have not changed, so that a
// briefing built again over the same data (its text edited, its layout
// changed, a scheduled run with nothing new) does not read and count the
// data again: the sample's two registers, 4.8 MB, took 7–10 ms of its two
// cores' time on every run (December 2026).
//
// An entry is found by a key its caller makes of everything the results
// depend on: the files' SHA-256 (internal/hashcache says when a file is
// the one it hashed before), the config the results were computed under
// and the program that computed them, which Identity gives. A rebuilt
// program has another identity and so computes everything again: results
// remembered by one build of report are never read by another.
//
// Nothing is remembered until Open names a folder; a program that never
// calls it computes every time. An entry is a file of its own, written
// whole under a temporary name and renamed, with a checksum: one that is
// cut short, damaged or of another version is passed over (the results
// are computed), never read in part. Put keeps an entry in memory, where
// Get finds it at once; Write writes those kept in the background, and
// Flush waits for the writing. A caller writes once its own work leaves a
// core idle: written where they were computed, the sample's six entries
// took 0.6–1.5 ms of a run's critical path, the two cores busy reading
// (December 2026). At most maxEntries are kept, and maxBytes, the least
// recently written dropped first; an entry over maxEntryBytes is not
// written at all.
package resultcache

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"
)

// folder is the entries' folder in the cache's; header starts each entry.
const (
	folder = "results"
	header = "report results 1\n"
)

// maxEntries and maxBytes bound the entries kept: the sample's are 1–15
// KB, a backfill's with a table block of a large register's rows tens of
// MB; maxEntryBytes is the largest kept (variables for the tests).
var (
	maxEntries          = 256
	maxBytes      int64 = 256 << 20
	maxEntryBytes       = 32 << 20
)

var dir struct {
	sync.Mutex
	path      string              // the entries' folder; "" until Open
	put       map[[32]byte][]byte // the data Put and not yet written, by key
	toWrite   [][32]byte          // the keys Put and not yet being written
	writing   sync.WaitGroup      // the writes Write started
	lastWrite chan struct{}       // closed when the last Write's writing ends
}

// Open makes the cache in folder cacheDir the one Get and Put use; ""
// turns it off. It writes the entries of the one before first (Flush).
func Open(cacheDir string) {
	Flush()
	dir.Lock()
	defer dir.Unlock()
	dir.path, dir.put, dir.toWrite = "", nil, nil
	if cacheDir != "" {
		dir.path, dir.put = filepath.Join(cacheDir, folder), map[[32]byte][]byte{}
		go Identity() // read ahead: 0.08–0.15 ms, which the first key would wait for
	}
}

// Enabled reports whether a cache is open: when it is not, Get finds
// nothing and Put keeps nothing, and a key need not be made.
func Enabled() bool {
	dir.Lock()
	defer dir.Unlock()
	return dir.path != ""
}

// Get returns the data Put remembered under key, in this process or an
// earlier one, if an entry for it is there whole.
func Get(key [32]byte) ([]byte, bool) {
	dir.Lock()
	data, ok := dir.put[key]
	folderPath := dir.path
	dir.Unlock()
	if ok || folderPath == "" {
		return data, ok
	}
	b, err := os.ReadFile(filepath.Join(folderPath, hex.EncodeToString(key[:])))
	if err != nil {
		return nil, false
	}
	return unwrap(b, key)
}

// Put remembers data under key, which the caller must not change after:
// for Get at once, from memory until Write or Flush has written it to the
// cache's folder, and from there after.
func Put(key [32]byte, data []byte) {
	dir.Lock()
	defer dir.Unlock()
	if dir.path == "" {
		return
	}
	dir.put[key] = data
	dir.toWrite = append(dir.toWrite, key)
}

// Write starts writing the entries Put since the last Write, in the
// background. A cache that cannot be written costs only the next run its
// computing: its errors are dropped.
func Write() {
	dir.Lock()
	defer dir.Unlock()
	if len(dir.toWrite) == 0 {
		return
	}
	keys, folderPath := dir.toWrite, dir.path
	data := make([][]byte, len(keys))
	for i, k := range keys {
		data[i] = dir.put[k]
	}
	dir.toWrite = nil
	dir.writing.Add(1)
	before, done := dir.lastWrite, make(chan struct{})
	dir.lastWrite = done
	go func() {
		defer dir.writing.Done()
		defer close(done)
		if before != nil {
			<-before // in the order of the Writes: an entry put again is written last
		}
		for i, k := range keys {
			write(folderPath, k, data[i])
		}
		dir.Lock()
		for i, k := range keys {
			if same(dir.put[k], data[i]) { // not Put again meanwhile
				delete(dir.put, k) // Get reads it from its file now: a long watch keeps no more than a run's
			}
		}
		dir.Unlock()
		trim(folderPath)
	}()
}

// same reports whether a and b are the same bytes in memory.
func same(a, b []byte) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// Flush writes the entries Put and not yet written and waits for the
// writing (which removes the oldest entries past the bounds).
func Flush() {
	Write()
	dir.writing.Wait()
}

// write writes the entry of data under key in folderPath, unless it is
// over maxEntryBytes.
func write(folderPath string, key [32]byte, data []byte) {
	if len(data) > maxEntryBytes {
		return
	}
	if err := os.MkdirAll(folderPath, 0o700); err != nil {
		return
	}
	tmp, err := os.CreateTemp(folderPath, ".entry-*.tmp") // 0600: results of the owner's data
	if err != nil {
		return
	}
	_, werr := tmp.Write(wrap(data, key))
	if cerr := tmp.Close(); werr != nil || cerr != nil || os.Rename(tmp.Name(), filepath.Join(folderPath, hex.EncodeToString(key[:]))) != nil {
		os.Remove(tmp.Name())
	}
}

// wrap is an entry's bytes: the header, the key and the data's SHA-256 in
// hex on a line, then the data.
func wrap(data []byte, key [32]byte) []byte {
	sum := sha256.Sum256(data)
	b := make([]byte, 0, len(header)+2*len(key)+2*len(sum)+2+len(data))
	b = append(b, header...)
	b = hex.AppendEncode(b, key[:])
	b = append(b, ' ')
	b = hex.AppendEncode(b, sum[:])
	b = append(b, '\n')
	return append(b, data...)
}

// unwrap returns the data of entry b, written by wrap for key; false if b
// is anything else.
func unwrap(b []byte, key [32]byte) ([]byte, bool) {
	rest, ok := bytes.CutPrefix(b, []byte(header))
	if !ok {
		return nil, false
	}
	line, data, _ := bytes.Cut(rest, []byte("\n"))
	keyHex, sumHex, _ := bytes.Cut(line, []byte(" "))
	if string(keyHex) != hex.EncodeToString(key[:]) {
		return nil, false
	}
	sum := sha256.Sum256(data)
	if string(sumHex) != hex.EncodeToString(sum[:]) {
		return nil, false
	}
	return data, true
}

// trim removes the oldest entries in dirPath past the newest maxEntries
// or maxBytes.
func trim(dirPath string) {
	entries, err := os.ReadDir(dirPath)
	if err != nil {
		return
	}
	type aged struct {
		name string
		at   time.Time
		size int64
	}
	var all []aged
	for _, e := range entries {
		if fi, err := e.Info(); err == nil && fi.Mode().IsRegular() {
			all = append(all, aged{e.Name(), fi.ModTime(), fi.Size()})
		}
	}
	slices.SortFunc(all, func(a, b aged) int { return b.at.Compare(a.at) })
	var total int64
	for i, e := range all {
		total += e.size
		if i >= maxEntries || total > maxBytes {
			os.Remove(filepath.Join(dirPath, e.name))
		}
	}
}
