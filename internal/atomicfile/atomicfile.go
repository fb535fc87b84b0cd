// Package atomicfile writes a file so that readers see either the old file
// or the whole new one, never a part: a temporary file in the same folder,
// synced, then renamed over the target.
package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"sync/atomic"
)

// inflight holds the temporary files being written, so that an interrupt
// can remove them (Cleanup) before the process exits.
var inflight = struct {
	sync.Mutex
	names map[string]bool
}{names: map[string]bool{}}

func track(name string, on bool) {
	inflight.Lock()
	defer inflight.Unlock()
	if on {
		inflight.names[name] = true
	} else {
		delete(inflight.names, name)
	}
}

// guard, once set by Guard, is closed when an interrupt would remove the
// temporary files: none is created before.
var guard atomic.Pointer[<-chan struct{}]

// Guard makes every Write wait for ready to be closed before it creates a
// temporary file. A program that removes them on an interrupt (Cleanup)
// and sets its handler up on another goroutine closes ready once the
// handler is in place: then no temporary file is left behind by an
// interrupt that came before it was.
func Guard(ready <-chan struct{}) {
	guard.Store(&ready)
}

// Cleanup removes every temporary file a Write has not yet renamed into
// place. Call it when the process is interrupted, before exiting: no
// partial file remains and every target keeps its previous content.
func Cleanup() {
	inflight.Lock()
	defer inflight.Unlock()
	for name := range inflight.names {
		os.Remove(name)
		delete(inflight.names, name)
	}
}

// Write creates path's folder if needed and writes data to it atomically.
// On any failure the temporary file is removed and an existing file at
// path is left untouched.
func Write(path string, data []byte) error {
	return WriteAll(File{Path: path, Data: data})
}

// File is a file for WriteAll: its path and its new content.
type File struct {
	Path string
	Data []byte
}

// WriteAll writes files atomically, as Write does, and together: each
// one's temporary file is written and synced at the same time as the
// others', and only once all are is each renamed into place, in order. A
// failure before then leaves every target untouched.
func WriteAll(files ...File) error {
	tmps := make([]string, len(files))
	errs := make([]error, len(files))
	var wg sync.WaitGroup
	for i, f := range files[min(1, len(files)):] { // the first here
		wg.Add(1)
		go func() {
			defer wg.Done()
			tmps[i+1], errs[i+1] = prepare(f.Path, f.Data)
		}()
	}
	if len(files) > 0 {
		tmps[0], errs[0] = prepare(files[0].Path, files[0].Data)
	}
	wg.Wait()
	defer func() {
		for _, tmp := range tmps {
			if tmp != "" { // not renamed into place
				os.Remove(tmp)
				track(tmp, false)
			}
		}
	}()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	for i, f := range files {
		old := openReplaced(f.Path)
		if err := os.Rename(tmps[i], f.Path); err != nil {
			if old != nil {
				old.Close()
			}
			return fmt.Errorf("cannot replace %s: %s", f.Path, reason(err))
		}
		hold(old)
		track(tmps[i], false)
		tmps[i] = ""
	}
	return nil
}

// prepare writes data to a new temporary file beside path, synced and
// closed, and returns its name; on failure it removes it.
func prepare(path string, data []byte) (name string, err error) {
	dir := filepath.Dir(path)
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return "", fmt.Errorf("cannot write %s: it is a folder, expected a file path", path)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("cannot create the folder %s: %s", dir, folderProblem(dir, err))
	}
	if ready := guard.Load(); ready != nil {
		<-*ready
	}
	tmp, err := createTemp(dir, filepath.Base(path))
	if err != nil {
		return "", fmt.Errorf("cannot write into the folder %s: %s", dir, reason(err))
	}
	track(tmp.Name(), true)
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
			track(tmp.Name(), false)
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return "", fmt.Errorf("write %s: %w", tmp.Name(), err)
	}
	if err = tmp.Sync(); err != nil {
		return "", fmt.Errorf("sync %s: %w", tmp.Name(), err)
	}
	if err = tmp.Close(); err != nil {
		return "", fmt.Errorf("close %s: %w", tmp.Name(), err)
	}
	return tmp.Name(), nil
}

// createTemp creates a new file in dir for the next contents of the file
// base, named ".base.RANDOM.tmp", with the permissions of any new file:
// 0666 less the umask (os.CreateTemp's are 0600, and setting 0644 after
// would make a briefing readable by all whose author's umask says not).
func createTemp(dir, base string) (*os.File, error) {
	for try := 0; ; try++ {
		name := filepath.Join(dir, "."+base+"."+strconv.FormatUint(rand.Uint64(), 36)+".tmp")
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
		if errors.Is(err, fs.ErrExist) && try < 100 {
			continue
		}
		return f, err
	}
}

// folderProblem explains why a folder could not be made: most often a
// part of its path is a file.
func folderProblem(dir string, err error) string {
	for d := dir; ; d = filepath.Dir(d) {
		if fi, serr := os.Stat(d); serr == nil {
			if !fi.IsDir() {
				return d + " is a file, not a folder"
			}
			break
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	return reason(err)
}

// reason is the cause of a file system error without the path it repeats.
func reason(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err.Error()
	}
	return err.Error()
}
