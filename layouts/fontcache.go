package layouts

import (
	"fmt"

	"github.com/briefing/report/internal/fontfile"
	"github.com/briefing/report/internal/truetype"
	"golang.org/x/image/font/sfnt"
)

// A parsed font file: its bytes, and its parses by x/image (metrics) and
// by report's truetype (embedding).
type parsedFont struct {
	data []byte
	sf   *sfnt.Font
	tt   *truetype.Font
}

// parsed is the bytes and parses of the font file at path, or of the
// embedded font name (goData) when path is "": read and parsed once per
// process, for the config's check and every document (fontfile).
func parsed(path, name string, goData []byte) (parsedFont, error) {
	var f *fontfile.File
	var err error
	if path != "" {
		f, err = fontfile.Open(path)
		name = path
	} else {
		f, err = fontfile.Embedded(name, goData)
	}
	if err != nil {
		return parsedFont{}, fmt.Errorf("font %q: %w", name, err)
	}
	return parsedFont{f.Data, f.SFNT, f.TrueType}, nil
}
