package layouts

import (
	"cmp"
	"fmt"

	"github.com/briefing/report/internal/truetype"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gobolditalic"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
)

// missingMark replaces runes no font can draw; the Go fonts have it.
const missingMark = '□'

// face is one font file: its parses, for measuring and shaping (sfnt) and
// for embedding (truetype).
type face struct {
	name string // file path or "Go Regular", for messages
	data []byte
	sf   *sfnt.Font
	tt   *truetype.Font
}

// fontSet holds the faces of a document: four body styles and mono, then
// the fallback fonts (see fallback.go).
type fontSet struct {
	faces [maxFaces]face // index by faceIndex; the fallbacks after the five
	n     int            // faces loaded: the five and the fallbacks
	cover [maxFaces]map[rune]uint16
	ascii [maxFaces][128]uint16 // glyph of each ASCII rune plus one, 0 unknown
	// asIs says, by face, whether an ASCII rune is drawn as itself
	// (env.plain): asIsYes or asIsNo, 0 unknown
	asIs    [maxFaces][128]uint8
	buf     sfnt.Buffer
	shapers [maxFaces]*faceShaper // right-to-left text is shaped in these (shape.go)
	shaped  map[visualKey]string  // the visual form of texts, by text and style
	// drawn are, by face, the characters the document's text drew and
	// the glyph of each: the fonts embedded (embed.go)
	drawn [maxFaces]map[rune]uint16
	// drewASCII marks the ASCII characters in drawn, which most text is:
	// showText asks this before the map
	drewASCII [maxFaces][128]bool
}

// faceIndex maps a text style to one of the five faces.
func faceIndex(st style) int {
	switch {
	case st&stMono != 0:
		return 4
	case st&stBold != 0 && st&stItalic != 0:
		return 3
	case st&stItalic != 0:
		return 2
	case st&stBold != 0:
		return 1
	}
	return 0
}

// loadFonts reads the brand fonts, or the Go fonts for empty paths.
func loadFonts(f Fonts) (*fontSet, error) {
	specs := []struct {
		path, goName string
		goData       []byte
	}{
		{f.Regular, "Go Regular", goregular.TTF},
		{f.Bold, "Go Bold", gobold.TTF},
		{f.Italic, "Go Italic", goitalic.TTF},
		{f.BoldItalic, "Go Bold Italic", gobolditalic.TTF},
		{"", "Go Mono", gomono.TTF},
	}
	if len(f.Fallback) > maxFaces-bodyFaces {
		return nil, fmt.Errorf("%d fallback fonts; at most %d", len(f.Fallback), maxFaces-bodyFaces)
	}
	for _, path := range f.Fallback {
		specs = append(specs, struct {
			path, goName string
			goData       []byte
		}{path, "", nil})
	}
	fs := &fontSet{n: len(specs)}
	for i, s := range specs {
		p, err := parsed(s.path, s.goName, s.goData)
		if err != nil {
			return nil, err
		}
		fs.faces[i] = face{name: cmp.Or(s.path, s.goName), data: p.Data, sf: p.SFNT, tt: p.TrueType}
	}
	for i := range fs.cover {
		fs.cover[i] = map[rune]uint16{}
	}
	return fs, nil
}

// fresh returns a font set of the same faces with empty caches, for use
// on another goroutine.
func (fs *fontSet) fresh() *fontSet {
	out := &fontSet{faces: fs.faces, n: fs.n}
	for i := range out.cover {
		out.cover[i] = map[rune]uint16{}
	}
	return out
}

// The faces of a font set: the four body styles and mono, then up to three
// fallbacks.
const (
	bodyFaces = 5
	maxFaces  = 8
)

// covers reports whether the face for st, or a fallback, has a glyph for
// r in the Basic Multilingual Plane (the metrics measure no further).
func (fs *fontSet) covers(r rune, st style) bool {
	return fs.faceFor(r, st) >= 0
}

// has reports whether face i has a glyph for r.
func (fs *fontSet) has(i int, r rune) bool { return fs.glyph(i, r) != 0 }

// glyph is the ID of face i's glyph for r, 0 when it has none (or r is a
// control character or beyond the Basic Multilingual Plane).
func (fs *fontSet) glyph(i int, r rune) uint16 {
	if r < 0x20 || r >= 0xFFFF {
		return 0
	}
	if r < 128 {
		if k := fs.ascii[i][r]; k != 0 {
			return k - 1
		}
	} else if g, seen := fs.cover[i][r]; seen {
		return g
	}
	g, err := fs.faces[i].sf.GlyphIndex(&fs.buf, r)
	if err != nil {
		g = 0
	}
	if r < 128 {
		fs.ascii[i][r] = uint16(g) + 1
	} else {
		fs.cover[i][r] = uint16(g)
	}
	return uint16(g)
}
