package layouts

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf16"

	"golang.org/x/text/unicode/norm"
)

// isPresentationForm reports whether r is an Arabic presentation form:
// the character shaping writes for a joined form or a ligature.
func isPresentationForm(r rune) bool {
	return r >= 0xFB50 && r <= 0xFDFF || r >= 0xFE70 && r <= 0xFEFF
}

// letters are the letters the presentation form r stands for, as text
// extraction wants them. A ligature of letters (lam-alef) stands in a run
// drawn in visual order, which a reader of the page (poppler, pdf.js)
// turns around character by character after mapping: its letters are
// given in visual order too, so that they come out logical.
func letters(r rune) string {
	d := []rune(norm.NFKC.String(string(r)))
	if len(d) == 0 {
		return string(r)
	}
	if len(d) > 1 && !slices.ContainsFunc(d, unicode.IsSpace) && !slices.ContainsFunc(d, isMark) {
		slices.Reverse(d)
	}
	return string(d)
}

// isMark reports whether r is a combining mark (an Arabic vowel sign).
func isMark(r rune) bool { return unicode.Is(unicode.Mn, r) }

// writeBlocks writes entries in blocks of at most 100, as a CMap must.
func writeBlocks(b *bytes.Buffer, kind string, entries []string) {
	for len(entries) > 0 {
		n := min(len(entries), 100)
		fmt.Fprintf(b, "%d begin%s\n%s\nend%s\n", n, kind, strings.Join(entries[:n], "\n"), kind)
		entries = entries[n:]
	}
}

// utf16Hex is s in UTF-16BE, in hex.
func utf16Hex(s string) string { return string(appendUTF16Hex(nil, s)) }

// appendUTF16Hex appends s in UTF-16BE, in upper-case hex, to b.
func appendUTF16Hex(b []byte, s string) []byte {
	const digits = "0123456789ABCDEF"
	var units [2]uint16
	for _, r := range s {
		for _, u := range utf16.AppendRune(units[:0], r) {
			b = append(b, digits[u>>12], digits[u>>8&15], digits[u>>4&15], digits[u&15])
		}
	}
	return b
}
