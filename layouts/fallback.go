package layouts

import "sync"

// Fallback fonts: characters the body fonts lack are drawn from the first
// of brand.fonts.fallback that has them, character by character.

// faceFor is the face that draws r in style st: the style's own face, or
// else the first fallback that has it; -1 when none has it, and for a
// script that must be shaped in a way report does not do yet (see
// cannotShape).
func (fs *fontSet) faceFor(r rune, st style) int {
	if cannotShape(r) {
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

// cannotShape reports whether r is of a script whose letters change form
// with their neighbours in a way report cannot write yet (Syriac, Thaana,
// N'Ko, Samaritan, Mandaic, and the Indic and South-East Asian scripts):
// set glyph by glyph, it would not read. Arabic and Hebrew are shaped (see
// shape.go): the forms of Arabic letters have characters of their own.
func cannotShape(r rune) bool {
	switch {
	case r >= 0x0700 && r <= 0x074F, // Syriac
		r >= 0x0780 && r <= 0x086F, // Thaana, N'Ko, Samaritan, Mandaic, Syriac supplement
		r >= 0x0900 && r <= 0x0DFF, // Devanagari … Sinhala
		r >= 0x0F00 && r <= 0x109F, // Tibetan, Myanmar
		r >= 0x1780 && r <= 0x17FF: // Khmer
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
