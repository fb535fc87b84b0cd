// Package fontfile reads and parses font files once per process: the
// config's check of a brand font and the layout that embeds it share one
// read and one parse of each file, as do the editions of a batch and the
// rebuilds under --watch. A file is read again when its size or
// modification time changes.
package fontfile

import (
	"bytes"
	"fmt"
	"os"
	"sync"

	"github.com/briefing/report/internal/truetype"
	"golang.org/x/image/font/sfnt"
)

// File is a font file's bytes and its two parses. It is shared: nothing
// may change it (a parsed sfnt.Font may be used by many goroutines, each
// with a Buffer of its own).
type File struct {
	Data     []byte
	SFNT     *sfnt.Font     // metrics and glyph lookups (x/image)
	TrueType *truetype.Font // the tables a PDF embeds, and their subsets
}

// FormatError says a file was read but is not a font report can embed.
// Its message is the parser's; Stage says which check refused it.
type FormatError struct {
	Stage Stage
	Err   error
}

// Stage is the check a font file failed.
type Stage int

// The checks, in the order they are made.
const (
	NotSFNT       Stage = iota + 1 // not a TrueType or OpenType file at all
	CFFOutlines                    // OpenType with PostScript outlines, which a PDF's TrueType font cannot carry
	NotEmbeddable                  // TrueType, but its tables cannot be embedded
)

func (e *FormatError) Error() string { return e.Err.Error() }
func (e *FormatError) Unwrap() error { return e.Err }

// entry is a file's read and parse, made once however many ask for it.
type entry struct {
	once sync.Once
	file *File
	err  error
}

var (
	mu      sync.Mutex
	files   = map[string]*entry{} // by path, size and time, or "go:" and a Go font's name
	current = map[string]string{} // the key of each path's latest version
)

// Open returns the font file at path, read and parsed, from the process's
// cache when its size and modification time are the ones read. A file
// that cannot be read returns the error of os; one that is not a font
// report can embed, a *FormatError. Files are read side by side; a second
// caller of one file waits for the read under way.
func Open(path string) (*File, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	key := fmt.Sprintf("%s\x00%d\x00%d", path, fi.Size(), fi.ModTime().UnixNano())
	mu.Lock()
	if old, ok := current[path]; ok && old != key {
		delete(files, old) // a version no later document reads (--watch)
	}
	current[path] = key
	mu.Unlock()
	return cached(key, func() (*File, error) {
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		return parse(data)
	})
}

// Embedded returns the font compiled into report under name (a Go font),
// parsed once per process.
func Embedded(name string, data []byte) (*File, error) {
	return cached("go:"+name, func() (*File, error) { return parse(data) })
}

// cached returns the file of key, loading it once. A failure is not kept:
// the next caller tries again.
func cached(key string, load func() (*File, error)) (*File, error) {
	mu.Lock()
	e := files[key]
	if e == nil {
		e = &entry{}
		files[key] = e
	}
	mu.Unlock()
	e.once.Do(func() { e.file, e.err = load() })
	if e.err != nil {
		mu.Lock()
		if files[key] == e {
			delete(files, key)
		}
		mu.Unlock()
	}
	return e.file, e.err
}

// parse parses data both ways.
func parse(data []byte) (*File, error) {
	sf, err := sfnt.Parse(data)
	if err != nil {
		return nil, &FormatError{NotSFNT, err}
	}
	if bytes.HasPrefix(data, []byte("OTTO")) {
		return nil, &FormatError{CFFOutlines, fmt.Errorf("PostScript (CFF) outlines")}
	}
	tt, err := truetype.Parse(data)
	if err != nil {
		return nil, &FormatError{NotEmbeddable, err}
	}
	return &File{Data: data, SFNT: sf, TrueType: tt}, nil
}
