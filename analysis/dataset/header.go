package dataset

import (
	"github.com/briefing/report/internal/suggest"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Header is the header row of a file: its column names, trimmed of
// surrounding white space, trailing empty columns left out.
type Header struct{ Columns []string }

// Index returns the index of the first column whose name matches name,
// case-insensitively and ignoring surrounding white space.
func (h *Header) Index(name string) (int, bool) {
	name = strings.TrimSpace(name)
	for i, c := range h.Columns {
		if strings.EqualFold(strings.TrimSpace(c), name) {
			return i, true
		}
	}
	return -1, false
}

// Closest returns the column whose name is closest to name (smallest edit
// distance, case-insensitive), for a "did you mean" hint, or "" if no column
// is reasonably close: at most a third of the name's letters (and at least
// one) may differ.
func (h *Header) Closest(name string) string {
	want := []rune(strings.ToLower(strings.TrimSpace(name)))
	if len(want) == 0 {
		return ""
	}
	limit := max(1, len(want)/3)
	best, bestDist := "", limit+1
	for _, c := range h.Columns {
		got := []rune(strings.ToLower(strings.TrimSpace(c)))
		if len(got) == 0 {
			continue
		}
		if d := suggest.Distance(string(want), string(got)); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

// newHeader builds a Header from the fields of a header record: names are
// trimmed and trailing empty names (trailing separators) are dropped.
func newHeader(fields []string) *Header {
	cols := make([]string, len(fields))
	for i, f := range fields {
		cols[i] = strings.TrimSpace(f)
	}
	for len(cols) > 0 && cols[len(cols)-1] == "" {
		cols = cols[:len(cols)-1]
	}
	return &Header{Columns: cols}
}

// isBlank reports whether s is empty or white space only.
func isBlank(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf:
			return strings.TrimFunc(s[i:], unicode.IsSpace) == ""
		case c != ' ' && (c < '\t' || c > '\r'): // the ASCII of unicode.IsSpace
			return false
		}
	}
	return true
}
