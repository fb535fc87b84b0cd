package layouts

import (
	"bytes"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/briefing/report/internal/truetype"
	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
	"golang.org/x/text/unicode/bidi"
)

// Right-to-left text. A string is turned into the characters it shows, in
// the order they stand from left to right, before it is measured or
// drawn (visual): its right-to-left runs (bidi) are shaped with go-text
// in the font that draws them, and each glyph is written as the character
// the font maps to it. For Arabic that is a presentation form: the joined
// form (initial, medial, final) or the lam-alef ligature that shaping
// chose. The finishing pass maps those back to the letters they are forms
// of (see shapedToUnicode), so the text copied from the page is the text
// written, in logical order.

// visual is s as it is drawn in style st: s itself when it has no
// right-to-left character (nearly always), else its runs in visual order
// with the right-to-left ones shaped and reversed.
func (fs *fontSet) visual(s string, st style) string {
	return fs.visualIn(s, st, false)
}

// visualIn is visual, read right to left whatever its first letter when
// rtl (a part of a right-to-left line, the furniture of a right-to-left
// document): "2025." then reads ".2025".
func (fs *fontSet) visualIn(s string, st style, rtl bool) string {
	if !hasRTL(s) && (!rtl || !hasNeutral(s)) {
		return s
	}
	key := visualKey{s, faceIndex(st), rtl}
	if v, ok := fs.shaped[key]; ok {
		return v
	}
	dir := direction(s)
	if rtl {
		dir = bidi.RightToLeft
	}
	v := fs.reorder(s, st, dir)
	if fs.shaped == nil {
		fs.shaped = map[visualKey]string{}
	}
	fs.shaped[key] = v
	return v
}

type visualKey struct {
	s    string
	face int
	rtl  bool
}

// hasNeutral reports whether s has a character that is not a letter or a
// digit (other than a space), which may change places in right-to-left
// text.
func hasNeutral(s string) bool {
	for _, r := range strings.TrimSpace(s) {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// hasRTL reports whether s has a character of a right-to-left script. It
// is asked of every text measured, so it looks at the blocks of those
// scripts before asking the bidi tables.
func hasRTL(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0xD6 { // ASCII, or a character before U+0590
			continue
		}
		for _, r := range s[i:] {
			if (r >= 0x0590 && r <= 0x08FF || r >= 0xFB1D && r <= 0xFEFF || r >= 0x10800) && isRTL(r) {
				return true
			}
		}
		return false
	}
	return false
}

// isRTL reports whether r is a strong right-to-left character.
func isRTL(r rune) bool {
	p, _ := bidi.LookupRune(r)
	c := p.Class()
	return c == bidi.R || c == bidi.AL
}

// direction is the direction of a text by its first strong character
// (rule P2 of the bidi algorithm): right to left when it is Arabic or
// Hebrew, else left to right.
func direction(s string) bidi.Direction {
	for _, r := range s {
		p, _ := bidi.LookupRune(r)
		switch p.Class() {
		case bidi.L:
			return bidi.LeftToRight
		case bidi.R, bidi.AL:
			return bidi.RightToLeft
		}
	}
	return bidi.LeftToRight
}

// reorder lays out the bidi runs of s from left to right (see
// visualRuns): a right-to-left run is shaped, its glyphs in visual order,
// a left-to-right one (a name in Latin letters, a number) keeps its order.
func (fs *fontSet) reorder(s string, st style, dir bidi.Direction) string {
	// spaces around the text stay where they are: a word drawn with a
	// space after it keeps its glyphs where it was measured
	lead, trail := len(s)-len(strings.TrimLeft(s, " ")), len(strings.TrimRight(s, " "))
	if lead > 0 || trail < len(s) {
		if lead >= trail {
			return s
		}
		return s[:lead] + fs.reorder(s[lead:trail], st, dir) + s[trail:]
	}
	rs := []rune(s)
	var b bytes.Buffer
	for _, r := range visualRuns(levelsOf(rs, dir == bidi.RightToLeft)) {
		if part := string(rs[r.from:r.to]); r.level%2 == 1 {
			fs.shapeRTL(&b, part, st)
		} else {
			b.WriteString(part)
		}
	}
	return b.String()
}

// shapeRTL writes the right-to-left run s in visual order, shaped in the
// face that draws its first right-to-left letter, cluster by cluster (see
// writeCluster); with no face for the run, its characters are reversed.
func (fs *fontSet) shapeRTL(b *bytes.Buffer, s string, st style) {
	rs := []rune(s)
	first := slices.IndexFunc(rs, isRTL)
	var sh *faceShaper
	if first >= 0 {
		sh = fs.shaper(fs.faceFor(rs[first], st))
	}
	if sh == nil {
		for i := len(rs) - 1; i >= 0; i-- {
			b.WriteRune(mirror(rs[i]))
		}
		return
	}
	out := sh.shaper.Shape(shaping.Input{
		Text: rs, RunEnd: len(rs), Direction: di.DirectionRTL, Face: sh.face,
		Size: fixed.I(10), Script: language.LookupScript(rs[first]),
	})
	for k := 0; k < len(out.Glyphs); {
		n := k + 1
		for n < len(out.Glyphs) && out.Glyphs[n].ClusterIndex == out.Glyphs[k].ClusterIndex {
			n++
		}
		fs.writeCluster(b, sh, out.Glyphs[k:n], rs)
		k = n
	}
}

// writeCluster writes the glyphs of one cluster as characters, in
// go-text's order (a vowel sign's glyph has no advance and stands where
// shaping put it). A glyph the font maps no character to (the ligature of
// shadda and a vowel) is written as the cluster's vowel signs, and a
// cluster with no mapped letter at all as its letters too.
func (fs *fontSet) writeCluster(b *bytes.Buffer, sh *faceShaper, glyphs []shaping.Glyph, rs []rune) {
	g0 := glyphs[0]
	cluster := rs[min(g0.ClusterIndex, len(rs)):min(g0.ClusterIndex+g0.RuneCount, len(rs))]
	letter := false
	for _, g := range glyphs {
		if r, ok := sh.font.chars[g.GlyphID]; ok && !isMark(r) {
			letter = true
		}
	}
	marksDone := false
	for _, g := range glyphs {
		if r, ok := sh.font.chars[g.GlyphID]; ok {
			b.WriteRune(r)
			continue
		}
		if marksDone {
			continue
		}
		marksDone = true
		for i := len(cluster) - 1; i >= 0; i-- {
			if r := cluster[i]; isMark(r) || !letter {
				b.WriteRune(mirror(r))
			}
		}
	}
}

// mirror is the mirror image of a bracket, drawn in right-to-left text.
func mirror(r rune) rune {
	switch r {
	case '(':
		return ')'
	case ')':
		return '('
	case '[':
		return ']'
	case ']':
		return '['
	case '{':
		return '}'
	case '}':
		return '{'
	case '«':
		return '»'
	case '»':
		return '«'
	}
	return r
}

// faceShaper shapes text in one face of a document.
type faceShaper struct {
	font   *shapingFont
	face   *font.Face
	shaper shaping.HarfbuzzShaper
}

// shaper is the shaper of face i, made at its first use; nil for no face
// or a font go-text cannot read.
func (fs *fontSet) shaper(i int) *faceShaper {
	if i < 0 {
		return nil
	}
	if fs.shapers[i] == nil {
		f := shapingFontOf(fs.faces[i].data, fs.faces[i].tt)
		if f == nil {
			return nil
		}
		fs.shapers[i] = &faceShaper{font: f, face: font.NewFace(f.font)}
	}
	return fs.shapers[i]
}

// shapingFont is a font file parsed by go-text, with the character each
// glyph is drawn by (the lowest the font maps to it: the letter rather
// than a presentation form where the glyph is both).
type shapingFont struct {
	font  *font.Font
	chars map[font.GID]rune
}

var (
	shapingMu    sync.Mutex
	shapingFonts = map[*byte]*shapingFont{} // by the font file's first byte: one parse per file and process
)

// shapingFontOf parses data, whose parse by report is tt, with go-text
// once per process: the file without its outlines (truetype's
// ForShaping), which shaping does not read and go-text would parse whole.
func shapingFontOf(data []byte, tt *truetype.Font) *shapingFont {
	if len(data) == 0 {
		return nil
	}
	shapingMu.Lock()
	defer shapingMu.Unlock()
	if f, ok := shapingFonts[&data[0]]; ok {
		return f
	}
	file := data
	if tt != nil {
		file = tt.ForShaping()
	}
	face, err := font.ParseTTF(bytes.NewReader(file))
	if err != nil {
		shapingFonts[&data[0]] = nil
		return nil
	}
	f := &shapingFont{font: face.Font, chars: map[font.GID]rune{}}
	for it := face.Font.Cmap.Iter(); it.Next(); {
		r, g := it.Char()
		if r > 0 && r < 0xFFFF && utf8.ValidRune(r) {
			if old, ok := f.chars[g]; !ok || r < old {
				f.chars[g] = r
			}
		}
	}
	shapingFonts[&data[0]] = f
	return f
}
