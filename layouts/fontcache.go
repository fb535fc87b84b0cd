package layouts

import (
	"fmt"

	"github.com/briefing/report/internal/fontfile"
)

// parsed is the font file at path, or the embedded font name (goData)
// when path is "", read and parsed once per process, for the config's
// check and every document (fontfile).
func parsed(path, name string, goData []byte) (*fontfile.File, error) {
	var f *fontfile.File
	var err error
	if path != "" {
		f, err = fontfile.Open(path)
		name = path
	} else {
		f, err = fontfile.Embedded(name, goData)
	}
	if err != nil {
		return nil, fmt.Errorf("font %q: %w", name, err)
	}
	return f, nil
}
