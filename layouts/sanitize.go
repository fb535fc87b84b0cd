package layouts

import (
	"fmt"
	"strings"
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
// replaces each rune the font has no glyph for with a visible mark (□),
// adding one warning per call that names source and an excerpt.
func (e *env) clean(source, s string, st style) string {
	var b strings.Builder
	var missing []rune
	at, n := -1, 0
	for i, r := range []rune(s) {
		r, keep := normalize(r)
		if !keep {
			continue
		}
		if r == '\n' || r == ' ' || e.fonts.covers(r, st) {
			b.WriteRune(r)
			continue
		}
		if at < 0 {
			at = i
		}
		n++
		if len(missing) < 5 && !containsRune(missing, r) {
			missing = append(missing, r)
		}
		b.WriteRune(e.mark(st))
	}
	out := b.String()
	if len(missing) > 0 {
		codes := make([]string, len(missing))
		for i, r := range missing {
			codes[i] = fmt.Sprintf("%U", r)
		}
		more := ""
		if n > len(missing) {
			more = " …"
		}
		e.warn(source, around(s, at), fmt.Sprintf("%d character(s) the font has no glyph for (%s%s), drawn as %q",
			n, strings.Join(codes, " "), more, string(e.mark(st))))
	}
	return out
}

// mark is the replacement for a missing glyph: □, or ? if the font lacks □.
func (e *env) mark(st style) rune {
	if e.fonts.covers(missingMark, st) {
		return missingMark
	}
	return '?'
}

// warn records a warning once (the same text may be drawn on every page).
func (e *env) warn(source, text, msg string) {
	w := Warning{Source: source, Text: text, Msg: msg}
	for _, o := range e.warns {
		if o == w {
			return
		}
	}
	e.warns = append(e.warns, w)
}

// around is an excerpt of s near rune index i.
func around(s string, i int) string {
	r := []rune(s)
	lo, hi := max(i-20, 0), min(i+20, len(r))
	return excerpt(string(r[lo:hi]), 45)
}

func containsRune(rs []rune, r rune) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}
