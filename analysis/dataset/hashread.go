package dataset

import (
	"crypto/sha256"
	"errors"
	"hash"
	"io"
	"os"
	"time"

	"github.com/briefing/report/internal/hashcache"
)

// chunks is the number of read buffers of a hashedFile.
const chunks = 3

// hashedFile reads a file in a goroutine that computes its SHA-256 as it
// goes, so that hashing takes no time from the goroutine splitting lines;
// a file whose SHA-256 an earlier run remembered (internal/hashcache) is
// read without hashing.
// Its chunk returns the file's bytes in order, where they were read: the
// lines are found in the read buffers themselves. The buffers are reused:
// memory does not grow with the file.
type hashedFile struct {
	f    *os.File
	full chan []byte   // chunks read and hashed, in file order
	free chan []byte   // chunks read from, to be filled again
	done chan struct{} // closed by close: stop reading
	last []byte        // the chunk handed out last, whole

	hash hash.Hash // reading in chunk, not in a goroutine: the hash so far
	buf  []byte    // its read buffer

	// Set by the goroutine before it closes full.
	err error    // io.EOF at the end of the file, or the read error
	sum [32]byte // at io.EOF: the SHA-256 of every byte of the file

	opened os.FileInfo // the file as it was when opened; nil if not a regular file
	since  time.Time   // when the reading began

	// remembered is set when the file's SHA-256 is the one remembered for
	// it (internal/hashcache): then sum holds it, and nothing is hashed.
	remembered bool
}

// errChanged says that a file was written to while it was read.
var errChanged = errors.New("changed while it was read: run again once it is written")

// newHashedFile starts reading f, which st describes as it was opened,
// in chunks of size bytes. With small (the file fits in one chunk) it
// reads and hashes in Read instead, in the caller's goroutine.
func newHashedFile(f *os.File, st os.FileInfo, size int, small bool) *hashedFile {
	h := &hashedFile{f: f, since: time.Now()}
	if st != nil && st.Mode().IsRegular() {
		h.opened = st
		h.sum, h.remembered = hashcache.Lookup(f.Name(), st)
	}
	if small {
		h.hash, h.buf = sha256.New(), make([]byte, size)
		return h
	}
	h.full, h.free, h.done = make(chan []byte, chunks), make(chan []byte, chunks), make(chan struct{})
	for range chunks {
		h.free <- make([]byte, size)
	}
	go h.run()
	return h
}

// run reads the file until its end, a read error or close.
func (h *hashedFile) run() {
	defer close(h.full)
	var sum hash.Hash // nil: the file's SHA-256 is remembered
	if !h.remembered {
		sum = sha256.New()
	}
	for {
		var buf []byte
		select {
		case buf = <-h.free:
		case <-h.done:
			return
		}
		n, err := h.f.Read(buf[:cap(buf)])
		if sum != nil {
			sum.Write(buf[:n])
		}
		if n > 0 {
			h.full <- buf[:n] // never blocks: full has room for every chunk
		}
		if err != nil {
			if err == io.EOF && sum != nil {
				sum.Sum(h.sum[:0])
			}
			h.err = err
			return
		}
	}
}

// chunk returns the file's next bytes, never none: valid until the next
// call, which hands their buffer back to be read into again. After the
// last bytes it returns io.EOF, or the read error.
func (h *hashedFile) chunk() ([]byte, error) {
	if h.hash != nil {
		for {
			n, err := h.f.Read(h.buf)
			if !h.remembered {
				h.hash.Write(h.buf[:n])
			}
			if n > 0 {
				return h.buf[:n], nil
			}
			if err != nil {
				return nil, err
			}
		}
	}
	if !h.next() {
		return nil, h.err
	}
	return h.last, nil
}

// next hands the chunk read from back and takes the next one; it returns
// false at the end of the reading.
func (h *hashedFile) next() bool {
	if h.last != nil {
		h.free <- h.last // never blocks: free has room for every chunk
		h.last = nil
	}
	c, ok := <-h.full
	if !ok {
		return false
	}
	h.last = c
	return true
}

// finish reads the rest of the file, closes it and returns its SHA-256.
// A file whose state at its end is not the one it was opened in was
// written to meanwhile: its rows and its sum may be of no one version of
// it, and that is errChanged.
func (h *hashedFile) finish() ([32]byte, error) {
	defer h.f.Close()
	if h.hash != nil {
		var err error
		for err == nil {
			_, err = h.chunk() // hashing as it reads
		}
		if !h.remembered {
			h.hash.Sum(h.sum[:0])
		}
		if err != io.EOF {
			return h.sum, err
		}
		return h.sum, h.unchanged()
	}
	for h.next() {
	}
	if h.err != io.EOF {
		return h.sum, h.err
	}
	return h.sum, h.unchanged()
}

// unchanged returns errChanged if the file is not as it was when opened:
// its size or its modification time differs (an append, a write), or its
// name points at another file.
// An unchanged file's SHA-256, hashed, is remembered for the next run.
func (h *hashedFile) unchanged() error {
	if h.opened == nil {
		return nil
	}
	st, err := h.f.Stat()
	if err != nil {
		return err
	}
	if !sameState(h.opened, st) {
		return errChanged
	}
	if !h.remembered {
		hashcache.Remember(h.f.Name(), h.opened, h.sum, h.since)
	}
	return nil
}

// sameState reports whether now, a file's state, is then's: the same
// file, its size and its modification time unchanged.
func sameState(then, now os.FileInfo) bool {
	return os.SameFile(then, now) && now.Size() == then.Size() && now.ModTime().Equal(then.ModTime())
}

// close stops the reading and closes the file (which ends a read that
// waits on a pipe).
func (h *hashedFile) close() {
	if h.hash != nil {
		h.f.Close()
		return
	}
	close(h.done)
	h.f.Close()
	for range h.full {
	}
}
