package dataset

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
)

// Excel's limits: a sheet's rows and columns.
const (
	maxSheetRows = 1 << 20
	maxSheetCols = 1 << 14
)

// A sheetReader reads a worksheet's rows in order, streaming its XML:
// memory does not grow with the sheet.
type sheetReader struct {
	wb    *workbook
	path  string // the workbook's file, for errors
	name  string
	rc    io.ReadCloser
	xml   *xmlScanner
	n     int      // the number of the last row returned
	next  int      // the number of the row read ahead, 0 when none
	cells []string // its cells
	last  int      // the number of the last row element read
	done  bool     // the end of the sheet's data reached
	text  []byte   // a reused buffer for a cell's value
}

// openSheet opens the worksheet named name, a name of wb.sheetNames(), of
// the workbook at path.
func (wb *workbook) openSheet(path, name string) (*sheetReader, error) {
	for _, s := range wb.sheets {
		if s.name != name {
			continue
		}
		if s.part == "" {
			return nil, &Error{File: path, Sheet: name, Msg: "not a worksheet (a chart sheet?): it holds no table"}
		}
		rc, err := wb.open(s.part)
		if err != nil {
			return nil, &Error{File: path, Sheet: name, Msg: err.Error(), err: err}
		}
		return &sheetReader{wb: wb, path: path, name: name, rc: rc, xml: newXMLScanner(rc)}, nil
	}
	return nil, &Error{File: path, Msg: fmt.Sprintf("no sheet %q", name)}
}

// Close closes the sheet's part.
func (r *sheetReader) Close() error { return r.rc.Close() }

// row returns the cells of the sheet's next row, from column A up to its
// last cell with a value; none for a row the sheet leaves out or holds no
// value in. After the last row it returns io.EOF.
func (r *sheetReader) row() ([]string, error) {
	if r.next == 0 && !r.done {
		if err := r.readRow(); err != nil {
			return nil, err
		}
	}
	if r.next == 0 {
		return nil, io.EOF
	}
	r.n++
	if r.n < r.next {
		return nil, nil
	}
	r.next = 0
	return r.cells, nil
}

// readRow reads the next row element, or to the end of the sheet's data.
func (r *sheetReader) readRow() error {
	x := r.xml
	for {
		err := x.next()
		if err == io.EOF {
			r.done = true
			return nil
		}
		if err != nil {
			return r.xmlError(r.last, err)
		}
		switch {
		case x.is(xmlStart, "row"):
			return r.readCells()
		case x.is(xmlEnd, "sheetData"):
			r.done = true
			return nil
		}
	}
}

// errAt is an error at the cell in column col (0: the whole row) of row
// num.
func (r *sheetReader) errAt(num, col int, format string, args ...any) *Error {
	return &Error{File: r.path, Sheet: r.name, Line: num, Column: col, Msg: fmt.Sprintf(format, args...)}
}

// xmlError is an error of the sheet's XML after row after.
func (r *sheetReader) xmlError(after int, err error) error {
	e := r.errAt(0, 0, "the sheet's XML cannot be read after row %d: %v", after, err)
	e.err = err
	return e
}

// readCells reads the cells of the row element just started.
func (r *sheetReader) readCells() error {
	x := r.xml
	num := r.last + 1
	v, ok, err := x.attr("r")
	if err != nil {
		return r.xmlError(r.last, err)
	}
	if ok {
		n, err := strconv.Atoi(string(bytes.TrimSpace(v)))
		if err != nil || n < 1 || n > maxSheetRows {
			return r.errAt(0, 0, "a row numbered %q after row %d: expected a number from 1 to %d", v, r.last, maxSheetRows)
		}
		if n <= r.last {
			return r.errAt(n, 0, "found after row %d: the sheet's rows are out of order", r.last)
		}
		num = n
	}
	if num > maxSheetRows {
		return r.errAt(0, 0, "more than %d rows", maxSheetRows)
	}
	r.last, r.next, r.cells = num, num, nil
	if x.empty {
		return nil
	}
	col := 0
	for {
		if err := x.next(); err != nil {
			return r.xmlError(num-1, truncated(err))
		}
		switch {
		case x.is(xmlStart, "c"):
			c, err := r.readCell(num, col+1)
			if err != nil {
				return err
			}
			col = c.col
			if c.value == "" && !c.formula {
				continue
			}
			if col <= len(r.cells) {
				return r.errAt(num, col, "found after cell %s: the row's cells are out of order", CellName(len(r.cells), num))
			}
			for len(r.cells) < col-1 {
				r.cells = append(r.cells, "")
			}
			r.cells = append(r.cells, c.value)
		case x.is(xmlEnd, "row"):
			return nil
		}
	}
}

// A cell is a cell element read: its column and the text of its value.
type cell struct {
	col     int // from 1
	value   string
	formula bool // it has a formula
}

// readCell reads the cell element just started, in row num; a cell
// without a reference is in column col.
func (r *sheetReader) readCell(num, col int) (cell, error) {
	x := r.xml
	c := cell{col: col}
	ref, hasRef, err := x.attr("r")
	if err != nil {
		return c, r.xmlError(num-1, err)
	}
	if hasRef {
		n, ok := cellColumn(ref)
		if !ok {
			return c, r.errAt(num, 0, "a cell reference %q: expected a column's letters and the row's number", ref)
		}
		c.col = n
	} else if c.col > maxSheetCols {
		return c, r.errAt(num, 0, "more than %d cells", maxSheetCols)
	}
	t, _, err := x.attr("t")
	if err != nil {
		return c, r.xmlError(num-1, err)
	}
	typ := cellType(t)
	style := 0
	if s, ok, err := x.attr("s"); err != nil {
		return c, r.xmlError(num-1, err)
	} else if ok {
		style, _ = strconv.Atoi(string(s))
	}
	r.text = r.text[:0]
	hasValue := false
	if !x.empty {
		if hasValue, err = r.readValue(&c); err != nil {
			return c, r.xmlError(num-1, truncated(err))
		}
	}
	if c.formula && !hasValue {
		return c, r.errAt(num, c.col, "a formula with no saved value; open the workbook in Excel or LibreOffice and save it, so that its values are stored")
	}
	if c.value, err = r.wb.cellText(typ, style, r.text); err != nil {
		return c, r.errAt(num, c.col, "%v", err)
	}
	return c, nil
}

// readValue reads a cell element's content up to its end: the text of its
// value, or of its inline string's runs (phonetic guides left out), into
// r.text. It reports whether the cell has a value or an inline string,
// and notes a formula in c.
func (r *sheetReader) readValue(c *cell) (hasValue bool, err error) {
	x := r.xml
	inValue, inInline, inText, inPhonetic := false, false, false, false
	for {
		if err := x.next(); err != nil {
			return false, err
		}
		switch x.kind {
		case xmlStart:
			switch string(x.name) {
			case "v":
				hasValue, inValue = true, !x.empty
			case "f":
				c.formula = true
			case "is":
				hasValue, inInline = true, !x.empty
			case "t":
				inText = inInline && !inPhonetic && !x.empty
			case "rPh":
				inPhonetic = !x.empty
			}
		case xmlEnd:
			switch string(x.name) {
			case "c":
				return hasValue, nil
			case "v":
				inValue = false
			case "is":
				inInline = false
			case "t":
				inText = false
			case "rPh":
				inPhonetic = false
			}
		case xmlText:
			if inValue || inText {
				r.text = append(r.text, x.text...)
			}
		}
	}
}

// cellType is a cell's type attribute as one of the strings cellText
// knows ("n" for a number, the default), without allocating.
func cellType(t []byte) string {
	switch string(t) {
	case "s":
		return "s"
	case "inlineStr":
		return "inlineStr"
	case "str":
		return "str"
	case "b":
		return "b"
	case "e":
		return "e"
	case "d":
		return "d"
	}
	return "n"
}

// cellColumn reads the column of a cell reference ("AB12" is column 28).
func cellColumn(ref []byte) (int, bool) {
	col, i := 0, 0
	for ; i < len(ref); i++ {
		c := ref[i] | 0x20 // lower case
		if c < 'a' || c > 'z' {
			break
		}
		col = col*26 + int(c-'a'+1)
		if col > maxSheetCols {
			return 0, false
		}
	}
	if i == 0 || i == len(ref) {
		return 0, false
	}
	if _, err := strconv.Atoi(string(ref[i:])); err != nil {
		return 0, false
	}
	return col, true
}
