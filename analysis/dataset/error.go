package dataset

import (
	"fmt"
	"strconv"
	"strings"
)

// Error is a problem in a dataset file, located by file, physical line
// (1-based) and column (the 1-based index of the field in the row). Line and
// Column are 0 when they do not apply.
type Error struct {
	File string
	// Sheet is the worksheet of a workbook: Line is then the sheet's row
	// and Column its column, printed as a cell ("C14").
	Sheet      string
	Line       int
	Column     int
	ColumnName string // the header's name for Column, when known
	Msg        string

	err error // the underlying cause, if any (see Unwrap)
}

// Error formats the error as "path:line:col: msg", leaving out ":col" when
// Column is 0 and ":line" when Line is 0. A known column name is printed
// before the message: `path:12:16: column "TIV": not a number: "x"`.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Sheet != "" {
		b.WriteString(": ")
		b.WriteString(e.Place())
		b.WriteString(": ")
		if e.ColumnName != "" {
			fmt.Fprintf(&b, "column %q: ", e.ColumnName)
		}
		b.WriteString(e.Msg)
		return b.String()
	}
	if e.Line > 0 {
		b.WriteByte(':')
		b.WriteString(strconv.Itoa(e.Line))
		if e.Column > 0 {
			b.WriteByte(':')
			b.WriteString(strconv.Itoa(e.Column))
		}
	}
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	if e.ColumnName != "" {
		fmt.Fprintf(&b, "column %q: ", e.ColumnName)
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Unwrap returns the underlying cause, such as an fs.ErrNotExist from
// opening a missing file, or nil.
func (e *Error) Unwrap() error { return e.err }

// errorAt builds an Error at a line of a file.
func errorAt(file string, line int, format string, args ...any) *Error {
	return &Error{File: file, Line: line, Msg: fmt.Sprintf(format, args...)}
}

// Place is where in a workbook the error is: `sheet "Log", cell C14`,
// `sheet "Log", row 14`, or `sheet "Log"`; "" for a text file.
func (e *Error) Place() string {
	if e.Sheet == "" {
		return ""
	}
	p := fmt.Sprintf("sheet %q", e.Sheet)
	switch {
	case e.Line > 0 && e.Column > 0:
		p += ", cell " + CellName(e.Column, e.Line)
	case e.Line > 0:
		p += ", row " + strconv.Itoa(e.Line)
	}
	return p
}

// CellName is a spreadsheet cell's name: column 3, row 14 is "C14".
func CellName(col, row int) string {
	var letters []byte
	for col > 0 {
		col--
		letters = append([]byte{byte('A' + col%26)}, letters...)
		col /= 26
	}
	return string(letters) + strconv.Itoa(row)
}
