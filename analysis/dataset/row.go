package dataset

import (
	"fmt"
	"strings"

	"github.com/briefing/report/internal/exact"
)

// Row is one data row of a file. A Row, its cells and the strings in
// them are only valid during the onRow callback: Scan reuses them, and the
// text of the cells, for later rows, so clone what you keep
// (strings.Clone).
type Row struct {
	File  string // path as given by the glob
	Sheet string // the worksheet of a workbook, "" for a text file
	Line  int    // 1-based physical line of the record in the file, or row of the sheet
	// Fields are the cells of a row of a workbook, a TIV table or a
	// database. A text file's row leaves them nil: it keeps its record
	// and where each cell is in it, and a cell becomes a string only
	// when read (most analyses read a few cells of most rows). Read
	// cells with Get, or all of them with Values.
	Fields []string
	Header *Header
	// N is how many rows of the data this row stands for: 0 (one) for a
	// row of a file; a group's row count for a database's aggregate, whose
	// value fields are then the group's sums.
	N int64

	decimal byte   // '.' or ','; 0 reads as '.'
	text    string // a text file's record
	spans   []span // its cells' bounds in text, when Fields is nil
}

// Len is the number of the row's cells.
func (r *Row) Len() int {
	if r.spans != nil {
		return len(r.spans)
	}
	return len(r.Fields)
}

// Values returns the row's cells as read (not trimmed): Fields, or a new
// slice for a text file's row.
func (r *Row) Values() []string {
	if r.spans == nil {
		return r.Fields
	}
	out := make([]string, len(r.spans))
	for i, sp := range r.spans {
		out[i] = r.text[sp.from:sp.to]
	}
	return out
}

// Count is how many rows of the data the row stands for.
func (r *Row) Count() int64 { return max(r.N, 1) }

// Get returns the field at col, trimmed of surrounding white space, or ""
// when col is out of range.
func (r *Row) Get(col int) string {
	if r.spans != nil {
		if col < 0 || col >= len(r.spans) {
			return ""
		}
		sp := r.spans[col]
		return trimSpace(r.text[sp.from:sp.to])
	}
	if col < 0 || col >= len(r.Fields) {
		return ""
	}
	return trimSpace(r.Fields[col])
}

// trimSpace is strings.TrimSpace, answered at once for the common field
// that starts and ends with a printable ASCII character, which no white
// space, ASCII or not, can start or end.
func trimSpace(s string) string {
	// b-'!' < 0x80-'!' holds for the bytes '!' to 0x7F alone
	if n := len(s); n == 0 || s[0]-'!' < 0x80-'!' && s[n-1]-'!' < 0x80-'!' {
		return s
	}
	return strings.TrimSpace(s)
}

// Number parses the field at col as an exact decimal number, with the dataset's decimal
// separator. Thousands separators are tolerated when they group by three
// ("1,234.5", or "1.234,5" with decimal ","; spaces and no-break spaces too).
// An empty field returns empty=true. A field that is not a number returns an
// *Error naming file, line, column and the text found.
func (r *Row) Number(col int) (v exact.Number, empty bool, err error) {
	s := r.Get(col)
	if s == "" {
		return exact.Number{}, true, nil
	}
	dec := r.decimal
	if dec == 0 {
		dec = '.'
	}
	v, ok := parseNumber(s, dec)
	if ok {
		return v, false, nil
	}
	msg := fmt.Sprintf("not a number: %q", s)
	other := byte(',')
	if dec == ',' {
		other = '.'
	}
	if _, ok := parseNumber(s, other); ok {
		msg += fmt.Sprintf(" (it reads as a number with decimal %q: set decimal: %q for this dataset?)", other, other)
	}
	return exact.Number{}, false, r.Err(col, "%s", msg)
}

// Err builds an *Error at this row and the column col (0-based; Column is
// left 0 when col is out of the header's range).
func (r *Row) Err(col int, format string, args ...any) *Error {
	e := &Error{File: r.File, Sheet: r.Sheet, Line: r.Line, Msg: fmt.Sprintf(format, args...)}
	if col >= 0 && (col < r.Len() || (r.Header != nil && col < len(r.Header.Columns))) {
		e.Column = col + 1
		if r.Header != nil && col < len(r.Header.Columns) {
			e.ColumnName = r.Header.Columns[col]
		}
	}
	return e
}
