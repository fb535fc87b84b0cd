package layouts

import (
	"fmt"
	"os"
	"sync"

	"golang.org/x/image/font/sfnt"
)

// A parsed font file, kept for the process: the editions of a batch, and
// each rebuild under --watch, share one parse of each font (a parsed
// sfnt.Font may be used by many goroutines, each with its own Buffer). A
// file is parsed again when its size or time changes.
type parsedFont struct {
	data []byte
	sf   *sfnt.Font
}

var (
	fontCacheMu sync.Mutex
	fontCache   = map[string]parsedFont{}
)

// parsed is the bytes and parse of the font file at path, or of the
// embedded font name (goData) when path is "".
func parsed(path, name string, goData []byte) ([]byte, *sfnt.Font, error) {
	key := "go:" + name
	if path != "" {
		fi, err := os.Stat(path)
		if err != nil {
			return nil, nil, fmt.Errorf("font %q: %w", path, err)
		}
		key = fmt.Sprintf("%s\x00%d\x00%d", path, fi.Size(), fi.ModTime().UnixNano())
		name = path
	}
	fontCacheMu.Lock()
	defer fontCacheMu.Unlock()
	if p, ok := fontCache[key]; ok {
		return p.data, p.sf, nil
	}
	data := goData
	if path != "" {
		var err error
		if data, err = os.ReadFile(path); err != nil {
			return nil, nil, fmt.Errorf("font %q: %w", path, err)
		}
	}
	sf, err := sfnt.Parse(data)
	if err != nil {
		return nil, nil, fmt.Errorf("font %q: %w", name, err)
	}
	fontCache[key] = parsedFont{data, sf}
	return data, sf, nil
}
