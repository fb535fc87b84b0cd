package dataset

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// cellText is the text report reads for a cell of type typ ("t": "s" a
// shared string, "inlineStr", "str" a formula's text, "b" a boolean, "e"
// an error, "d" an ISO 8601 date, else a number), style its cell style
// and v the text of its value (of an inline string: its runs' text):
//
//   - text as it is, escapes undone;
//   - TRUE and FALSE for booleans, an error as Excel shows it ("#N/A");
//   - a number of a date style as an ISO date (2024-03-15), of a time
//     style as a time of day (14:30:00), each to the nearest second;
//   - any other number as the number it holds, to Excel's 15 significant
//     digits, with no exponent ("0.1+0.2" holds 0.30000000000000004 and
//     reads 0.3).
func (wb *workbook) cellText(typ string, style int, v []byte) (string, error) {
	switch typ {
	case "s":
		s := strings.TrimSpace(string(v))
		if s == "" {
			return "", nil
		}
		i, err := strconv.Atoi(s)
		if err != nil || i < 0 || i >= len(wb.shared) {
			return "", fmt.Errorf("shared string %q: the workbook's table has %d strings", s, len(wb.shared))
		}
		return wb.shared[i], nil
	case "inlineStr":
		return unescapeXLSX(string(v)), nil
	case "str", "e":
		return string(v), nil
	case "b":
		switch string(v) {
		case "1":
			return "TRUE", nil
		case "0":
			return "FALSE", nil
		}
		return string(v), nil
	case "d":
		return isoCellText(string(v), wb.kind(style)), nil
	}
	kind := wb.kind(style)
	if kind == 0 && plainDecimal(v) {
		return string(v), nil // as plainNumber would print it
	}
	return numberText(string(v), kind, wb.date1904), nil
}

// plainDecimal reports whether v is a number as plainNumber prints one:
// an optional minus, an integer part without leading zeros, a fraction
// without trailing zeros, 15 significant digits at most, not zero with a
// minus. Spreadsheets write most numbers so ("2024", "-12.5"), and then
// the text needs no parsing and printing again: a float64 holds any
// decimal of 15 significant digits and prints it back the same.
func plainDecimal(v []byte) bool {
	neg := len(v) > 0 && v[0] == '-'
	if neg {
		v = v[1:]
	}
	intEnd := 0
	for intEnd < len(v) && v[intEnd] >= '0' && v[intEnd] <= '9' {
		intEnd++
	}
	if intEnd == 0 || (intEnd > 1 && v[0] == '0') {
		return false
	}
	digits := intEnd // significant: "0.25" has two
	if v[0] == '0' {
		digits = 0
	}
	if intEnd < len(v) {
		frac := v[intEnd:]
		if frac[0] != '.' || len(frac) < 2 || frac[len(frac)-1] == '0' {
			return false
		}
		for _, c := range frac[1:] {
			if c < '0' || c > '9' {
				return false
			}
			if digits > 0 || c != '0' { // "0.05": the zeros before the 5 are not significant
				digits++
			}
		}
	}
	if digits == 0 {
		return !neg // "0", but not "-0"
	}
	return digits <= 15
}

// kind is formatKind of the number format of cell style i.
func (wb *workbook) kind(i int) byte {
	if i < 0 || i >= len(wb.kinds) {
		return 0
	}
	return wb.kinds[i]
}

// numberText is the text of a number cell's value v with a number format
// of kind kind.
func numberText(v string, kind byte, date1904 bool) string {
	f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return v
	}
	switch kind {
	case 'd':
		if s, ok := serialDate(f, date1904); ok {
			return s
		}
	case 't':
		if s, ok := serialClock(f); ok {
			return s
		}
	}
	return plainNumber(f)
}

// plainNumber prints f to 15 significant digits, as Excel holds and shows
// numbers, in plain decimal notation.
func plainNumber(f float64) string {
	if f == 0 {
		return "0" // and not "-0"
	}
	if r, err := strconv.ParseFloat(strconv.FormatFloat(f, 'g', 15, 64), 64); err == nil {
		f = r
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// maxSerial is Excel's last day, 9999-12-31, in the 1900 date system.
const maxSerial = 2958465

// serialDate is the ISO date of the serial number f, rounded to the
// nearest second: days since 1899-12-31 (1900 system: 1 is 1900-01-01,
// and 60 the 1900-02-29 Excel counts although there was none) or since
// 1904-01-01 (1904 system: 0 is that day). Excel shows 0 of the 1900
// system as 1900-01-00; report prints the same, not a day.
func serialDate(f float64, date1904 bool) (string, bool) {
	if f < 0 || f >= maxSerial+1 {
		return "", false
	}
	days := int(math.Round(f*secondsPerDay)) / secondsPerDay
	switch {
	case date1904:
		return time.Date(1904, 1, 1+days, 0, 0, 0, 0, time.UTC).Format(time.DateOnly), true
	case days == 0:
		return "1900-01-00", true
	case days == 60:
		return "1900-02-29", true
	case days < 60:
		return time.Date(1899, 12, 31+days, 0, 0, 0, 0, time.UTC).Format(time.DateOnly), true
	}
	return time.Date(1899, 12, 30+days, 0, 0, 0, 0, time.UTC).Format(time.DateOnly), true
}

const secondsPerDay = 24 * 60 * 60

// serialClock is the time of day of the serial number f, rounded to the
// nearest second.
func serialClock(f float64) (string, bool) {
	if f < 0 || f >= maxSerial+1 {
		return "", false
	}
	s := int(math.Round(f*secondsPerDay)) % secondsPerDay
	return fmt.Sprintf("%02d:%02d:%02d", s/3600, s/60%60, s%60), true
}

// isoCellText is the text of a date cell (type "d", an ISO 8601 date or
// time) with a number format of kind kind: its date, its time of day, or
// as written.
func isoCellText(v string, kind byte) string {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999", time.DateOnly} {
		t, err := time.Parse(layout, strings.TrimSpace(v))
		if err != nil {
			continue
		}
		t = t.Round(time.Second)
		switch kind {
		case 'd':
			return t.Format(time.DateOnly)
		case 't':
			return t.Format(time.TimeOnly)
		}
		return v
	}
	return v
}
