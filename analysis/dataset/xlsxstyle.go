package dataset

import (
	"strconv"
	"strings"
)

// Excel keeps a date as a serial number whose cell style has a date
// format: report reads every cell of a date style as an ISO date
// (yyyy-mm-dd, in the workbook's 1900 or 1904 date system), of a time
// style as a time of day (hh:mm:ss), and every other number as the number
// it holds, not as formatted for display ("12,143", "63%").

// builtinDates are Excel's built-in number formats that show a date (with
// or without a time); builtinTimes those that show a time of day only.
var (
	builtinDates = map[int]bool{14: true, 15: true, 16: true, 17: true, 22: true,
		27: true, 28: true, 29: true, 30: true, 31: true, 36: true,
		50: true, 51: true, 52: true, 53: true, 54: true, 57: true, 58: true}
	builtinTimes = map[int]bool{18: true, 19: true, 20: true, 21: true, 32: true, 33: true, 34: true, 35: true,
		45: true, 46: true, 47: true, 55: true, 56: true}
)

// styleKinds reads the styles part: for each cell style (cellXfs, by
// index), whether its number format shows a date ('d'), a time of day
// only ('t') or neither (0).
func (wb *workbook) styleKinds(part string) ([]byte, error) {
	var doc struct {
		NumFmts []struct {
			ID   string `xml:"numFmtId,attr"`
			Code string `xml:"formatCode,attr"`
		} `xml:"numFmts>numFmt"`
		Xfs []struct {
			NumFmtID string `xml:"numFmtId,attr"`
		} `xml:"cellXfs>xf"`
	}
	if err := wb.decode(part, &doc); err != nil {
		return nil, err
	}
	custom := make(map[int]string, len(doc.NumFmts))
	for _, f := range doc.NumFmts {
		if id, err := strconv.Atoi(strings.TrimSpace(f.ID)); err == nil {
			custom[id] = f.Code
		}
	}
	kinds := make([]byte, len(doc.Xfs))
	for i, xf := range doc.Xfs {
		id, err := strconv.Atoi(strings.TrimSpace(xf.NumFmtID))
		if err != nil {
			continue // no number format: General
		}
		kinds[i] = formatKind(id, custom)
	}
	return kinds, nil
}

// formatKind says what the number format id shows: 'd' a date, 't' a time
// of day only, 0 anything else. A workbook's own formats (custom) come
// before the built-in ones of the same id.
func formatKind(id int, custom map[int]string) byte {
	if code, ok := custom[id]; ok {
		return codeKind(code)
	}
	switch {
	case builtinDates[id]:
		return 'd'
	case builtinTimes[id]:
		return 't'
	}
	return 0
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
