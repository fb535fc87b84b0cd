package layouts

import (
	"bytes"
	"fmt"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gobolditalic"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
)

// monoFamily is the family registered for code, always Go Mono.
const monoFamily = "Mono"

// missingMark replaces runes no font can draw; the Go fonts have it.
const missingMark = '□'

// face is one font file: its bytes, as fpdf embeds them, and its parse.
type face struct {
	family, style string // fpdf family and style ("", "B", "I", "BI")
	name          string // file path or "Go Regular", for messages
	data          []byte
	sf            *sfnt.Font
}

// fontSet holds the faces of a document: four body styles and mono, then
// the fallback fonts (see fallback.go).
type fontSet struct {
	faces      [maxFaces]face // index by faceIndex; the fallbacks after the five
	n          int            // faces loaded: the five and the fallbacks
	registered Faces          // the faces given to the fpdf document so far
	cover      [maxFaces]map[rune]bool
	ascii      [maxFaces][128]int8 // cover of ASCII: 0 unknown, 1 yes, 2 no
	buf        sfnt.Buffer
	shapers    [maxFaces]*faceShaper // right-to-left text is shaped in these (shape.go)
	shaped     map[visualKey]string  // the visual form of texts, by text and style
	// presentation is set once an Arabic presentation form is drawn: the
	// fonts' ToUnicode maps must then read them as letters (tounicode.go)
	presentation bool
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
		style, path, goName string
		goData              []byte
	}{
		{"", f.Regular, "Go Regular", goregular.TTF},
		{"B", f.Bold, "Go Bold", gobold.TTF},
		{"I", f.Italic, "Go Italic", goitalic.TTF},
		{"BI", f.BoldItalic, "Go Bold Italic", gobolditalic.TTF},
	}
	fs := &fontSet{}
	for i, s := range specs {
		fc := face{family: FontFamily, style: s.style, name: s.goName}
		if s.path != "" {
			fc.name = s.path
		}
		var err error
		if fc.data, fc.sf, err = parsed(s.path, s.goName, s.goData); err != nil {
			return nil, err
		}
		fs.faces[i] = fc
	}
	data, sf, err := parsed("", "Go Mono", gomono.TTF)
	if err != nil {
		return nil, err
	}
	fs.faces[4] = face{family: monoFamily, name: "Go Mono", data: data, sf: sf}
	fs.n = bodyFaces
	if len(f.Fallback) > maxFaces-bodyFaces {
		return nil, fmt.Errorf("%d fallback fonts; at most %d", len(f.Fallback), maxFaces-bodyFaces)
	}
	for _, path := range f.Fallback {
		data, sf, err := parsed(path, "", nil)
		if err != nil {
			return nil, err
		}
		fs.faces[fs.n] = face{family: fmt.Sprintf("Fallback%d", fs.n-bodyFaces+1), name: path, data: data, sf: sf}
		fs.n++
	}
	for i := range fs.cover {
		fs.cover[i] = map[rune]bool{}
	}
	return fs, nil
}

// The faces of a font set: the four body styles and mono, then up to three
// fallbacks.
const (
	bodyFaces = 5
	maxFaces  = 8
)

// Faces is a set of the faces, one bit each by faceIndex.
type Faces uint8

// The faces of a document: the four body styles and Go Mono for code.
const (
	FaceRegular Faces = 1 << iota
	FaceBold
	FaceItalic
	FaceBoldItalic
	FaceMono

	// CommonFaces are used by nearly every briefing: body text, headings,
	// captions and source lines. The others are given to fpdf when the
	// first text in them is drawn.
	CommonFaces = FaceRegular | FaceBold | FaceItalic

	// AllFaces is the set of all five.
	AllFaces = CommonFaces | FaceBoldItalic | FaceMono
)

// register gives the faces of want to pdf, those not given yet, and checks
// that fpdf can use them. fpdf embeds every face it is given, used or not,
// and giving it one costs 3 ms (it hashes a 65,536-entry width table to
// name the face): a face no text uses is better not given at all.
func (fs *fontSet) register(pdf *fpdf.Fpdf, want Faces) error {
	for i, fc := range fs.faces[:fs.n] {
		bit := Faces(1) << i
		if want&bit == 0 || fs.registered&bit != 0 {
			continue
		}
		fs.registered |= bit
		// fpdf writes into the bytes it is given when it subsets a font
		// whose hmtx table is shorter than its glyph count (Go Mono):
		// getMetrics appends to a sub-slice of the file. Each fpdf gets its
		// own copy, so the embedded Go fonts stay intact between renders.
		pdf.AddUTF8FontFromBytes(fc.family, fc.style, bytes.Clone(fc.data))
		// fpdf prints and ignores a parse failure; selecting the font finds it.
		pdf.SetFont(fc.family, fc.style, 10)
		if pdf.Err() {
			return fmt.Errorf("font %q: not usable as a TrueType font: %w", fc.name, pdf.Error())
		}
	}
	return nil
}

// covers reports whether the face for st, or a fallback, has a glyph for
// r that fpdf can address (fpdf keeps widths for the Basic Multilingual
// Plane only).
func (fs *fontSet) covers(r rune, st style) bool {
	return fs.faceFor(r, st) >= 0
}

// has reports whether face i has a glyph for r that fpdf can address.
func (fs *fontSet) has(i int, r rune) bool {
	if r < 0x20 || r >= 0xFFFF {
		return false
	}
	if r < 128 {
		if k := fs.ascii[i][r]; k != 0 {
			return k == 1
		}
	} else if ok, seen := fs.cover[i][r]; seen {
		return ok
	}
	g, err := fs.faces[i].sf.GlyphIndex(&fs.buf, r)
	ok := err == nil && g != 0
	if r < 128 {
		fs.ascii[i][r] = 2
		if ok {
			fs.ascii[i][r] = 1
		}
	} else {
		fs.cover[i][r] = ok
	}
	return ok
}
