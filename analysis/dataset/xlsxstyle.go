package dataset

import (
	"strings"

	"github.com/xuri/excelize/v2"
)

// Excel keeps a date as a serial number whose cell style has a date
// format: reading the workbook, report asks excelize to print every cell
// of a date style as an ISO date (yyyy-mm-dd, in the workbook's 1900 or
// 1904 date system) and every other number as the number it holds, not as
// formatted for display ("12,143", "63%"). The styles are changed in the
// opened workbook only, never saved.

// unformatted is a number-format ID excelize has no format for: it prints
// the cell's value as it is.
const unformatted = 1 << 20

// builtinDates are Excel's built-in number formats that show a date (with
// or without a time); builtinTimes those that show a time of day only.
var (
	builtinDates = map[int]bool{14: true, 15: true, 16: true, 17: true, 22: true,
		27: true, 28: true, 29: true, 30: true, 31: true, 36: true,
		50: true, 51: true, 52: true, 53: true, 54: true, 57: true, 58: true}
	builtinTimes = map[int]bool{18: true, 19: true, 20: true, 21: true, 32: true, 33: true, 34: true, 35: true,
		45: true, 46: true, 47: true, 55: true, 56: true}
)

// readableStyles rewrites the number formats of f's cell styles: date
// styles print ISO dates, time styles hh:mm:ss, the rest the plain value.
func readableStyles(f *excelize.File) error {
	// in English (US), named: excelize looks a format's language up for
	// each year and day it prints, and one without a language by going
	// through all it knows (7 ms for the sample's 57 exercises)
	iso := "[$-409]yyyy-mm-dd"
	clock := "[$-409]hh:mm:ss"
	isoStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: &iso})
	if err != nil {
		return err
	}
	clockStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: &clock})
	if err != nil {
		return err
	}
	xfs := f.Styles.CellXfs.Xf
	isoID, clockID := *xfs[isoStyle].NumFmtID, *xfs[clockStyle].NumFmtID
	for i := range xfs {
		if i == isoStyle || i == clockStyle {
			continue
		}
		st, err := f.GetStyle(i)
		if err != nil {
			return err
		}
		id := unformatted
		switch kind := formatKind(st); {
		case kind == 'd':
			id = isoID
		case kind == 't':
			id = clockID
		}
		f.Styles.CellXfs.Xf[i].NumFmtID = &id
	}
	return nil
}

// formatKind says what a style's number format shows: 'd' a date, 't' a
// time of day only, 0 anything else.
func formatKind(st *excelize.Style) byte {
	if st.CustomNumFmt == nil {
		switch {
		case builtinDates[st.NumFmt]:
			return 'd'
		case builtinTimes[st.NumFmt]:
			return 't'
		}
		return 0
	}
	return codeKind(*st.CustomNumFmt)
}

// codeKind reads a number format code: its date and time letters, outside
// quoted text, escaped characters and [bracketed] colours or conditions
// ("[h]" elapsed hours count as a time).
func codeKind(code string) byte {
	section, _, _ := strings.Cut(code, ";")
	date, clock := false, false
	for i := 0; i < len(section); i++ {
		switch c := section[i]; c {
		case '"':
			if j := strings.IndexByte(section[i+1:], '"'); j >= 0 {
				i += j + 1
			}
		case '\\', '_', '*':
			i++ // the next character is literal, or a fill or a space
		case '[':
			j := strings.IndexByte(section[i:], ']')
			if j < 0 {
				return 0
			}
			inner := strings.ToLower(section[i+1 : i+j])
			if inner == "h" || inner == "hh" || inner == "m" || inner == "mm" || inner == "s" || inner == "ss" {
				clock = true
			}
			i += j
		case 'y', 'Y', 'd', 'D':
			date = true
		case 'h', 'H', 's', 'S':
			clock = true
		case 'm', 'M':
			// a month, or minutes next to hours and seconds: either way
			// the value is a point in time
			clock = true
		case 'e', 'E':
			if i+1 < len(section) && (section[i+1] == '+' || section[i+1] == '-') {
				i++ // scientific notation
				continue
			}
			date = true // "e" is the year in some locales
		case 'g', 'G':
			if strings.HasPrefix(strings.ToLower(section[i:]), "general") {
				i += len("general") - 1
			}
		}
	}
	switch {
	case date:
		return 'd'
	case clock && monthOnly(section):
		return 'd'
	case clock:
		return 't'
	}
	return 0
}

// monthOnly reports whether the m of a code without y or d is a month
// ("mmm", "mmmm"): three m's or more, or m with no h or s.
func monthOnly(code string) bool {
	low := strings.ToLower(code)
	return strings.Contains(low, "mmm") || (!strings.ContainsAny(low, "hs") && strings.Contains(low, "m"))
}
