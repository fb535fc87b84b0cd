package dataset

import (
	"encoding/csv"
	"errors"
	"io"
)

// records reads CSV records from a lineFeeder, skipping records whose every
// field is empty and turning parse errors into *Error at physical lines.
type records struct {
	path   string
	cr     *csv.Reader
	offset int // physical line of the feeder's first line, minus one
}

// newRecords reads CSV separated by comma from the header line first (the
// physical line headerLine of src) and the rest of src.
func newRecords(src *source, first []byte, headerLine int, comma rune, stripSemicolon bool) *records {
	cr := csv.NewReader(newLineFeeder(src, first, stripSemicolon))
	cr.Comma = comma
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	return &records{path: src.path, cr: cr, offset: headerLine - 1}
}

// next returns the next record that has a non-empty field, or io.EOF. The
// record is only valid until the next call.
func (r *records) next() ([]string, error) {
	for {
		rec, err := r.cr.Read()
		if err == io.EOF {
			return nil, io.EOF
		}
		if err != nil {
			return nil, r.convert(err)
		}
		if !allBlank(rec) {
			return rec, nil
		}
	}
}

// line returns the physical line where the last record starts.
func (r *records) line() int {
	l, _ := r.cr.FieldPos(0)
	return r.offset + l
}

// convert turns an error from csv.Reader into an *Error.
func (r *records) convert(err error) error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return &Error{File: r.path, Msg: err.Error(), err: err}
	}
	start, at := r.offset+pe.StartLine, r.offset+pe.Line
	switch {
	case errors.Is(pe.Err, csv.ErrQuote) && at != start:
		return errorAt(r.path, start, "unbalanced quote: a quoted field opened on this line is not closed (reading stopped at line %d, character %d)", at, pe.Column)
	case errors.Is(pe.Err, csv.ErrQuote):
		return errorAt(r.path, start, "unbalanced quote: extraneous or missing \" in a quoted field at character %d", pe.Column)
	case errors.Is(pe.Err, csv.ErrBareQuote):
		return errorAt(r.path, at, "bare \" in an unquoted field at character %d; quote the field and double the quote (\"\")", pe.Column)
	}
	return &Error{File: r.path, Line: at, Msg: pe.Err.Error(), err: pe.Err}
}

// allBlank reports whether every field of rec is empty or white space.
func allBlank(rec []string) bool {
	for _, f := range rec {
		if !isBlank(f) {
			return false
		}
	}
	return true
}

// checkWidth checks rec against a header of n columns: trailing empty
// fields beyond the header are tolerated (spreadsheet re-saves add them); a
// non-empty one is an error at line, pointing at the first extra field.
func checkWidth(rec []string, n int, path string, line int) error {
	if len(rec) <= n {
		return nil
	}
	last := len(rec) - 1
	for last >= n && isBlank(rec[last]) {
		last--
	}
	if last < n {
		return nil
	}
	first := n
	for isBlank(rec[first]) {
		first++
	}
	e := errorAt(path, line, "expected %d fields, found %d", n, last+1)
	e.Column = first + 1
	return e
}

// fit checks rec against a header of n columns (see checkWidth) and copies
// it into dst, cut or padded with empty fields to n.
func fit(dst, rec []string, n int, path string, line int) ([]string, error) {
	if err := checkWidth(rec, n, path, line); err != nil {
		return dst, err
	}
	dst = append(dst[:0], rec[:min(len(rec), n)]...)
	for len(dst) < n {
		dst = append(dst, "")
	}
	return dst, nil
}
