package dataset

import (
	"unicode/utf8"

	"github.com/briefing/report/internal/exact"
)

// parseNumber parses s (already trimmed) as a decimal number with the
// decimal separator dec ('.' or ','). The other one of '.' and ',' is a
// thousands separator, as are spaces, no-break spaces (U+00A0, U+202F) and
// thin spaces (U+2009); thousands separators must group the integer part by
// three, so that "1,5" is not read as 15 when the decimal separator is '.'.
// An optional sign and exponent are allowed; "NaN", "Inf", hex and
// underscores are not. The number is read exactly, as a decimal.
func parseNumber(s string, dec byte) (exact.Number, bool) {
	group := byte(',')
	if dec == ',' {
		group = '.'
	}
	var buf [48]byte
	b := buf[:0]
	same := dec == '.' // b is a copy of s so far
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		b = append(b, s[i])
		i++
	}
	digits, intDigits, groups := 0, 0, 0
	for i < len(s) {
		c := s[i]
		if isDigit(c) {
			b = append(b, c)
			digits++
			intDigits++
			i++
			continue
		}
		w := groupSep(s[i:], group)
		if w == 0 {
			break
		}
		if digits == 0 || digits > 3 || (groups > 0 && digits != 3) {
			return exact.Number{}, false
		}
		same = false
		groups++
		digits = 0
		i += w
	}
	if groups > 0 && digits != 3 {
		return exact.Number{}, false
	}
	fracDigits := 0
	if i < len(s) && s[i] == dec {
		b = append(b, '.')
		i++
		for i < len(s) && isDigit(s[i]) {
			b = append(b, s[i])
			fracDigits++
			i++
		}
	}
	if intDigits+fracDigits == 0 {
		return exact.Number{}, false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		b = append(b, 'e')
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			b = append(b, s[i])
			i++
		}
		expDigits := 0
		for i < len(s) && isDigit(s[i]) {
			b = append(b, s[i])
			expDigits++
			i++
		}
		if expDigits == 0 {
			return exact.Number{}, false
		}
	}
	if i != len(s) {
		return exact.Number{}, false
	}
	text := s
	if !same {
		text = string(b)
	}
	v, err := exact.Parse(text)
	return v, err == nil
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// groupSep returns the byte width of the thousands separator at the start of
// s, or 0 if s does not start with one.
func groupSep(s string, group byte) int {
	if s[0] == group || s[0] == ' ' {
		return 1
	}
	if s[0] < utf8.RuneSelf {
		return 0
	}
	switch r, w := utf8.DecodeRuneInString(s); r {
	case '\u00a0', '\u202f', '\u2009':
		return w
	}
	return 0
}
