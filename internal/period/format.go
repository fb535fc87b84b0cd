package period

import (
	"fmt"
	"strconv"
	"strings"
)

// DefaultFormat is how a period prints for readers: "Q3 2025".
const DefaultFormat = "Q{q} {year}"

var ordinals = [...]string{"first", "second", "third", "fourth"}

// Format prints p by a pattern for readers: {q} is the quarter's number,
// {year} the year, {ordinal} and {Ordinal} the quarter as a word ("third",
// "Third"). "" is DefaultFormat. "{ordinal} quarter of {year}" prints
// "third quarter of 2025".
func (p Period) Format(pattern string) string {
	if pattern == "" {
		pattern = DefaultFormat
	}
	q := p.Quarter()
	ord := ordinals[q-1]
	return strings.NewReplacer(
		"{q}", strconv.Itoa(q),
		"{year}", fmt.Sprintf("%04d", p.Year()),
		"{ordinal}", ord,
		"{Ordinal}", strings.ToUpper(ord[:1])+ord[1:],
	).Replace(pattern)
}

// CheckFormat reports a pattern that names no part of the period or has
// an unknown {token}.
func CheckFormat(pattern string) error {
	rest := pattern
	named := false
	for {
		i := strings.IndexByte(rest, '{')
		if i < 0 {
			break
		}
		j := strings.IndexByte(rest[i:], '}')
		if j < 0 {
			return fmt.Errorf("%q has a { without }", pattern)
		}
		switch tok := rest[i+1 : i+j]; tok {
		case "q", "year", "ordinal", "Ordinal":
			named = true
		default:
			return fmt.Errorf("unknown {%s} in %q (expected {q}, {year}, {ordinal}, {Ordinal})", tok, pattern)
		}
		rest = rest[i+j+1:]
	}
	if !named {
		return fmt.Errorf("%q names neither the quarter nor the year (e.g. %q)", pattern, DefaultFormat)
	}
	return nil
}
