package layouts

import (
	"fmt"
	"os"
	"sync"

	"github.com/briefing/report/internal/truetype"
	"golang.org/x/image/font/sfnt"
)

// A parsed font file, kept for the process: the editions of a batch, and
// each rebuild under --watch, share one parse of each font (a parsed
// sfnt.Font may be used by many goroutines, each with its own Buffer). A
// file is parsed again when its size or time changes.
type parsedFont struct {
	data []byte
	sf   *sfnt.Font
	tt   *truetype.Font
}

var (
	fontCacheMu sync.Mutex
	fontCache   = map[string]parsedFont{}
)

// parsed is the bytes and parses of the font file at path, or of the
// embedded font name (goData) when path is "".
func parsed(path, name string, goData []byte) (parsedFont, error) {
	key := "go:" + name
	if path != "" {
		fi, err := os.Stat(path)
		if err != nil {
			return parsedFont{}, fmt.Errorf("font %q: %w", path, err)
		}
		key = fmt.Sprintf("%s\x00%d\x00%d", path, fi.Size(), fi.ModTime().UnixNano())
		name = path
	}
	fontCacheMu.Lock()
	defer fontCacheMu.Unlock()
	if p, ok := fontCache[key]; ok {
		return p, nil
	}
	data := goData
	if path != "" {
		var err error
		if data, err = os.ReadFile(path); err != nil {
			return parsedFont{}, fmt.Errorf("font %q: %w", path, err)
		}
	}
	sf, err := sfnt.Parse(data)
	if err != nil {
		return parsedFont{}, fmt.Errorf("font %q: %w", name, err)
	}
	tt, err := truetype.Parse(data)
	if err != nil {
		return parsedFont{}, fmt.Errorf("font %q: %w", name, err)
	}
	p := parsedFont{data, sf, tt}
	fontCache[key] = p
	return p, nil
}
