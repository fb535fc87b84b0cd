package layouts

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// style is a set of text attributes of a run of inline text.
type style uint8

const (
	stBold style = 1 << iota
	stItalic
	stMono
	stSup // superscript (footnote marker)
)

// span is a run of inline text with one style and an optional link: a URL,
// or "#anchor" for a place in the document. A hard span is a line break.
type span struct {
	text string
	st   style
	link string
	hard bool
}

// frag is a measured piece of a word: text of one style, size and link.
type frag struct {
	text string
	st   style
	link string
	size float64 // pt
	w    float64 // mm
}

// word is an unbreakable sequence of frags; space is the width of the
// space before it (0 at the start of a line), hard marks a forced break
// before it.
type word struct {
	frags []frag
	w     float64
	space float64
	hard  bool
}

// fragSize is the font size of a style within text of size pt.
func fragSize(st style, size float64) float64 {
	switch {
	case st&stSup != 0:
		return size * 0.62
	case st&stMono != 0:
		return size * 0.88
	}
	return size
}

// words cuts spans into words at breakable spaces. With pre, spaces are
// kept and only hard breaks separate words (code blocks).
//
// A fragment's text is a slice of its span's text when it lies in one
// span, as most do; one that runs on into the next span of the same style
// is copied together.
func words(m *metrics, spans []span, size float64, pre bool) []word {
	most := mostWords(spans)
	out := make([]word, 0, most)
	// The words' frags are carved from one array, all[start:] the current
	// word's; a word's slice is capped, so appending to it cannot reach the
	// next word's. Frags are no more than words and span boundaries, so the
	// array is made large enough once.
	all := make([]frag, 0, most+len(spans))
	start := 0
	var cur word
	var pendingSpace float64
	hard := false
	var b strings.Builder // the fragment so far, once it runs across spans
	var text string       // the current span's text
	from, to := 0, 0      // the fragment so far in text, while in one span
	var bst style
	var blink string
	pending := func() bool { return to > from || b.Len() > 0 }
	flushFrag := func() {
		if !pending() {
			return
		}
		t := text[from:to]
		if b.Len() > 0 {
			b.WriteString(t)
			t = b.String()
			b.Reset()
		}
		from = to
		sz := fragSize(bst, size)
		f := frag{text: t, st: bst, link: blink, size: sz}
		f.w = m.width(bst, sz, f.text)
		all = append(all, f)
		cur.w += f.w
	}
	flushWord := func() {
		flushFrag()
		if len(all) == start {
			return
		}
		cur.frags = all[start:len(all):len(all)]
		start = len(all)
		cur.space, cur.hard = pendingSpace, hard
		if len(out) == 0 || hard {
			cur.space = 0
		}
		out = append(out, cur)
		cur, pendingSpace, hard = word{}, 0, false
	}
	for _, sp := range spans {
		if sp.hard {
			flushWord()
			hard, pendingSpace = true, 0
			continue
		}
		if pending() && (sp.st != bst || sp.link != blink) {
			flushFrag()
		}
		if to > from {
			b.WriteString(text[from:to]) // the fragment runs on into this span
		}
		text, from, to = sp.text, 0, 0
		bst, blink = sp.st, sp.link
		for i, r := range sp.text {
			// here to == i: the fragment so far ends where r starts
			if r == '\n' && pre {
				flushWord()
				from, to = i+1, i+1
				hard, pendingSpace = true, 0
				continue
			}
			if !pre && (r == ' ' || r == '\n' || r == '\t') {
				if pending() || len(all) > start {
					flushWord()
				}
				from, to = i+1, i+1
				if !hard && len(out) > 0 {
					pendingSpace = m.width(sp.st&^stSup, fragSize(sp.st&^stSup, size), " ")
				}
				continue
			}
			n := utf8.RuneLen(r)
			if r == utf8.RuneError {
				if _, n = utf8.DecodeRuneInString(text[i:]); n == 1 {
					// a byte that is not UTF-8 reads as U+FFFD
					b.WriteString(text[from:i])
					b.WriteRune(r)
					from, to = i+1, i+1
					continue
				}
			}
			to = i + n
		}
	}
	flushWord()
	if len(out) == 0 {
		return nil // as a paragraph without words always had
	}
	return out
}

// mostWords returns how many words spans make at most: a word ends only
// at white space, a hard break or the end.
func mostWords(spans []span) int {
	n := 1
	for _, sp := range spans {
		if sp.hard {
			n++
			continue
		}
		n += strings.Count(sp.text, " ") + strings.Count(sp.text, "\n") + strings.Count(sp.text, "\t")
	}
	return n
}

// plain returns the text of spans without styles, for excerpts.
func plain(spans []span) string {
	var b strings.Builder
	for _, s := range spans {
		if s.hard {
			b.WriteByte(' ')
			continue
		}
		b.WriteString(s.text)
	}
	return b.String()
}

// excerptPrefix is excerpt for the common text whose first n+2 bytes are
// ASCII words between single spaces (what follows the cut decides the
// "…"): a prefix of s. ok is false for any other text.
func excerptPrefix(s string, n int) (_ string, ok bool) {
	if n < 1 {
		return "", false
	}
	end := min(len(s), n+2)
	for i := 0; i < end; i++ {
		c := s[i]
		if c >= utf8.RuneSelf || c != ' ' && unicode.IsSpace(rune(c)) {
			return "", false
		}
		if c == ' ' && (i == 0 || i+1 == len(s) || s[i+1] == ' ') {
			return "", false // leading, trailing or doubled
		}
	}
	switch {
	case len(s) <= n:
		return s, true
	case s[n-1] == ' ':
		return s[:n-1] + "…", true
	}
	return s[:n] + "…", true
}

// excerpt shortens s to about n runes on one line: runs of white space
// become one space, and "…" ends a shortened text. It reads no more of s
// than it needs (paragraphs can be long, and every placed part asks).
func excerpt(s string, n int) string {
	if e, ok := excerptPrefix(s, n); ok {
		return e
	}
	var b strings.Builder
	runes, space := 0, false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = runes > 0
			continue
		}
		if runes == n {
			return strings.TrimSpace(b.String()) + "…"
		}
		if space {
			if runes+1 == n {
				return b.String() + "…"
			}
			b.WriteByte(' ')
			runes++
			space = false
		}
		b.WriteRune(r)
		runes++
	}
	return b.String()
}
