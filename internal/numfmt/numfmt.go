// Package numfmt reads the number format of a table column: a small part
// of the spreadsheet syntax, enough to say how many decimals, whether to
// group thousands, print a sign or a percentage.
//
//	#,##0     12,345      0.0    12345.7     0%     57%
//	#,##0.00  12,345.68   +#,##0 +1,234      +0.0%  +4.2%
package numfmt

import (
	"fmt"
	"strings"
)

// Format is a parsed number format.
type Format struct {
	Decimals int
	Grouping bool // thousands separated by commas
	Signed   bool // a "+" before numbers above zero
	Percent  bool // a fraction printed as a percentage (0.57 → 57%)
}

// Parse reads a format such as "#,##0.0" or "0%".
func Parse(s string) (Format, error) {
	var f Format
	p := strings.TrimSpace(s)
	bad := fmt.Errorf("unknown number format %q: expected a pattern such as \"#,##0\", \"0.0\", \"+#,##0\" or \"0%%\"", s)
	if strings.HasPrefix(p, "+") {
		f.Signed, p = true, p[1:]
	}
	if strings.HasSuffix(p, "%") {
		f.Percent, p = true, p[:len(p)-1]
	}
	whole, frac, dot := strings.Cut(p, ".")
	if whole == "" || strings.Trim(whole, "#,0") != "" || !strings.HasSuffix(whole, "0") ||
		strings.HasPrefix(whole, ",") || strings.Contains(whole, ",,") {
		return Format{}, bad
	}
	if dot && (frac == "" || strings.Trim(frac, "0") != "") {
		return Format{}, bad
	}
	f.Grouping = strings.Contains(whole, ",")
	f.Decimals = len(frac)
	return f, nil
}
