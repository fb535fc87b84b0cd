// Package atomicfile writes a file so that readers see either the old file
// or the whole new one, never a part: a temporary file in the same folder,
// synced, then renamed over the target.
package atomicfile

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
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
func Write(path string, data []byte) (err error) {
	dir := filepath.Dir(path)
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return fmt.Errorf("%s is a folder, expected a file path", path)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("create folder: %w", err)
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("create temporary file: %w", err)
	}
	track(tmp.Name(), true)
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
		track(tmp.Name(), false)
	}()
	if _, err = tmp.Write(data); err != nil {
		return fmt.Errorf("write %s: %w", tmp.Name(), err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("sync %s: %w", tmp.Name(), err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("close %s: %w", tmp.Name(), err)
	}
	if err = os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("chmod %s: %w", tmp.Name(), err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("rename into place: %w", err)
	}
	return nil
}
