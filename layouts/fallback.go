package layouts

import "sync"

// Fallback fonts: characters the body fonts lack are drawn from the first
// of brand.fonts.fallback that has them, character by character.

// faceFor is the face that draws r in style st: the style's own face, or
// else the first fallback that has it; -1 when none has it, and for a
// script that must be shaped to be read (see needsShaping), which report
// does not set yet.
func (fs *fontSet) faceFor(r rune, st style) int {
	if needsShaping(r) {
		return -1 // not even from the style's own face: it would not read
	}
	i := faceIndex(st)
	if fs.has(i, r) {
		return i
	}
	for k := bodyFaces; k < fs.n; k++ {
		if fs.has(k, r) {
			return k
		}
	}
	return -1
}

// drawFace is the face r is measured and drawn in, in style st: the
// style's own for ASCII and for what no face has (drawn as the missing
// mark), else faceFor's.
func (fs *fontSet) drawFace(r rune, st style) int {
	if r >= 128 && fs.n > bodyFaces {
		if f := fs.faceFor(r, st); f >= 0 {
			return f
		}
	}
	return faceIndex(st)
}

// run is a part of a text drawn in one face.
type run struct {
	text string
	face int
}

// runs cuts s into the parts drawn in one face each (see drawFace).
func (fs *fontSet) runs(s string, st style) []run {
	var out []run
	start, cur := 0, -1
	for i, r := range s {
		f := fs.drawFace(r, st)
		if f != cur && i > start {
			out = append(out, run{s[start:i], cur})
			start = i
		}
		cur = f
	}
	return append(out, run{s[start:], cur})
}

// needsShaping reports whether r is of a script whose letters change form
// with their neighbours or are written right to left (Arabic, Hebrew,
// Syriac, Thaana, N'Ko, and the Indic and South-East Asian scripts): set
// glyph by glyph from a fallback font, it would not read.
func needsShaping(r rune) bool {
	switch {
	case r >= 0x0590 && r <= 0x08FF, // Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan, Mandaic, Arabic supplements
		r >= 0x0900 && r <= 0x0DFF, // Devanagari … Sinhala
		r >= 0x0F00 && r <= 0x109F, // Tibetan, Myanmar
		r >= 0x1780 && r <= 0x17FF, // Khmer
		r >= 0xFB1D && r <= 0xFDFF, // Hebrew and Arabic presentation forms
		r >= 0xFE70 && r <= 0xFEFF:
		return true
	}
	return false
}

// Coverage answers which characters regular text can be drawn in with a
// document's fonts, as layouts sets them: the regular face, then the
// fallbacks, never a script that must be shaped. Its methods may be called
// from several goroutines.
type Coverage struct {
	mu sync.Mutex
	fs *fontSet
}

// NewCoverage reads the fonts (each file is parsed once per process).
func NewCoverage(f Fonts) (*Coverage, error) {
	fs, err := loadFonts(f)
	if err != nil {
		return nil, err
	}
	return &Coverage{fs: fs}, nil
}

// Has reports whether r can be drawn.
func (c *Coverage) Has(r rune) bool {
	if r == '\n' || r == ' ' {
		return true
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.fs.covers(r, 0)
}

// Name names the regular font, for messages.
func (c *Coverage) Name() string { return c.fs.faces[0].name }
