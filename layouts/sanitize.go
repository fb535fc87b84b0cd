package layouts

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// normalize maps typographic characters the fonts lack to ones they have,
// and drops invisible ones: thin and narrow spaces become spaces (U+202F
// and U+2007 stay unbreakable as U+00A0), the non-breaking hyphen a hyphen,
// soft hyphens and zero-width characters disappear.
func normalize(r rune) (rune, bool) {
	switch {
	case r == '\t' || r == '\r' || r == '\v' || r == '\f':
		return ' ', true
	case r == '\n':
		return r, true
	case r < 0x20 || (r >= 0x7F && r < 0xA0):
		return 0, false
	case r == 0x202F || r == 0x2007:
		return 0xA0, true
	case r >= 0x2000 && r <= 0x200A, r == 0x205F, r == 0x3000:
		return ' ', true
	case r == 0x2011:
		return '-', true
	case r == 0xAD, r >= 0x200B && r <= 0x200F, r == 0x2060, r == 0xFEFF:
		return 0, false
	}
	return r, true
}

// clean prepares s to be drawn in style st: it normalizes the text and
// replaces each rune the font has no glyph for with a visible mark (□).
// It warns once per source, font and rune, naming them with an excerpt of
// the text around the first one:
//
//	narrative/security.md: font "Go Regular" has no glyph for "🙂" (U+1F642); drawn as □
func (e *env) clean(o origin, s string, st style) string {
	if e.plain(s, st) {
		return s
	}
	return e.cleanRunes(o, s, st)
}

// cleanRunes is clean rune by rune.
func (e *env) cleanRunes(o origin, s string, st style) string {
	var b strings.Builder
	b.Grow(len(s))
	var missing []rune // not yet reported for this source and font
	at := -1
	face := e.fonts.faces[faceIndex(st)].name
	i := -1
	for _, r := range s {
		i++
		r, keep := normalize(r)
		if !keep {
			continue
		}
		if e.drawsAsIs(r, st) {
			b.WriteRune(r)
			continue
		}
		b.WriteRune(e.mark(st))
		key := reportKey{o.key(), face, r}
		if e.reported[key] {
			continue
		}
		e.reported[key] = true
		if at < 0 {
			at = i
		}
		missing = append(missing, r)
	}
	if len(missing) > 0 {
		const shown = 3
		var names []string
		for _, r := range missing[:min(len(missing), shown)] {
			names = append(names, fmt.Sprintf("%q (%U)", string(r), r))
		}
		list := strings.Join(names, ", ")
		if n := len(missing) - shown; n > 0 {
			list += fmt.Sprintf(" and %d more", n)
		}
		msg := fmt.Sprintf("font %q has no glyph for %s; drawn as %c", face, list, e.mark(st))
		switch {
		case slices.ContainsFunc(missing, cannotShape):
			msg += " (a script that must be shaped, such as Devanagari or Syriac, is not set yet, even from a fallback font)"
		case slices.ContainsFunc(missing, isRTL):
			msg += " (DejaVu Sans, in Debian's fonts-dejavu-core, has Arabic and Hebrew)"
		}
		e.warnAt(o, around(s, at), msg, missing, face)
	}
	return b.String()
}

// reportKey is a rune reported missing in a font for a source.
type reportKey struct {
	source, face string
	r            rune
}

// plain reports whether s needs no cleaning (most text): every rune one
// that normalize keeps as it is and that cleanRunes writes as it is.
func (e *env) plain(s string, st style) bool {
	asIs := &e.fonts.asIs[faceIndex(st)] // for ASCII, the face's and the fallbacks' glyphs decide
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if asIs[c] == 0 {
				asIs[c] = asIsNo
				if k, keep := normalize(rune(c)); keep && k == rune(c) && e.drawsAsIs(rune(c), st) {
					asIs[c] = asIsYes
				}
			}
			if asIs[c] == asIsNo {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			return false // not UTF-8: cleaning writes U+FFFD in its place
		}
		if k, keep := normalize(r); !keep || k != r || !e.drawsAsIs(r, st) {
			return false
		}
		i += n
	}
	return true
}

// The answers of fontSet.asIs.
const (
	asIsYes = 1 + iota
	asIsNo
)

// drawsAsIs reports whether a normalized rune is drawn as itself in st: a
// line break or a space, or a rune the face has a glyph for.
func (e *env) drawsAsIs(r rune, st style) bool {
	return r == '\n' || r == ' ' || e.fonts.covers(r, st)
}

// mark is the replacement for a missing glyph: □, or ? if the font lacks □.
func (e *env) mark(st style) rune {
	if e.fonts.covers(missingMark, st) {
		return missingMark
	}
	return '?'
}

// origin is where a text was written, for warnings about it: a Markdown
// source or config key, or a field of a figure or a table, or a table's
// row and where it was read.
type origin struct {
	source, figure, table, field string
	row                          int
	at                           Place
}

// of is the origin of a field of a figure or table ("title", "note").
func (o origin) of(field string) origin {
	o.field = field
	return o
}

// from is the origin of a text written in source.
func from(source string) origin { return origin{source: source} }

// key names the origin as its warnings do: a missing glyph is reported once
// per key, font and rune.
func (o origin) key() string {
	return Warning{Source: o.source, Figure: o.figure, Table: o.table}.where()
}

// warn records a warning about the text of source once.
func (e *env) warn(source, text, msg string) { e.warnAt(from(source), text, msg, nil, "") }

// warnAt records a warning once (the same text may be drawn on every
// page), with the runes no font has and the font, for a missing glyph.
func (e *env) warnAt(o origin, text, msg string, runes []rune, font string) {
	w := Warning{Source: o.source, Figure: o.figure, Table: o.table, Field: o.field, Row: o.row, At: o.at,
		Text: text, Msg: msg, Runes: runes, Font: font, Unshaped: slices.ContainsFunc(runes, cannotShape)}
	for _, old := range e.warns {
		if old.String() == w.String() {
			return
		}
	}
	e.warns = append(e.warns, w)
}

// around is an excerpt of s near rune index i: about 20 runes on each
// side, cut between words, "…" where text was left out.
func around(s string, i int) string {
	r := []rune(strings.Join(strings.Fields(s), " "))
	if i >= len(r) {
		i = len(r) - 1
	}
	lo, hi := max(i-20, 0), min(i+20, len(r))
	if lo > 0 {
		for k := lo; k < i; k++ {
			if r[k] == ' ' {
				lo = k + 1
				break
			}
		}
	}
	if hi < len(r) {
		for k := hi; k > i+1; k-- {
			if r[k] == ' ' {
				hi = k
				break
			}
		}
	}
	out := string(r[lo:hi])
	if lo > 0 {
		out = "… " + out
	}
	if hi < len(r) {
		out += " …"
	}
	return out
}
