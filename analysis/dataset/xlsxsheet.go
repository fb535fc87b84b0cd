package dataset

import (
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
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
	dec   *xml.Decoder
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
			return nil, &Error{File: path, Sheet: name, Msg: "the workbook has no worksheet part for this sheet (a chart sheet?)"}
		}
		rc, err := wb.open(s.part)
		if err != nil {
			return nil, &Error{File: path, Sheet: name, Msg: err.Error(), err: err}
		}
		return &sheetReader{wb: wb, path: path, name: name, rc: rc, dec: xml.NewDecoder(rc)}, nil
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
	for {
		tok, err := r.dec.RawToken()
		if err == io.EOF {
			r.done = true
			return nil
		}
		if err != nil {
			return r.xmlError(r.last, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local == "row" {
				return r.readCells(t)
			}
		case xml.EndElement:
			if t.Name.Local == "sheetData" {
				r.done = true
				return nil
			}
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

// readCells reads the cells of the row element start.
func (r *sheetReader) readCells(start xml.StartElement) error {
	num := r.last + 1
	if v, ok := attr(start, "r"); ok {
		n, err := strconv.Atoi(strings.TrimSpace(v))
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
	col := 0
	for {
		tok, err := r.dec.RawToken()
		if err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return r.xmlError(num-1, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local != "c" {
				continue
			}
			c, err := r.readCell(t, num, col+1)
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
		case xml.EndElement:
			if t.Name.Local == "row" {
				return nil
			}
		}
	}
}

// A cell is a cell element read: where it stands and the text of its value.
type cell struct {
	ref     string // its reference ("B7"), as written or as it follows the cell before
	col     int    // its column, from 1
	value   string
	formula bool // it has a formula
}

// readCell reads the cell element start of row num; a cell without a
// reference is in column col.
func (r *sheetReader) readCell(start xml.StartElement, num, col int) (cell, error) {
	c := cell{col: col}
	var typ string
	style := 0
	for _, a := range start.Attr {
		switch a.Name.Local {
		case "r":
			c.ref = a.Value
		case "t":
			typ = a.Value
		case "s":
			style, _ = strconv.Atoi(a.Value)
		}
	}
	if c.ref != "" {
		n, ok := cellColumn(c.ref)
		if !ok {
			return c, r.errAt(num, 0, "a cell reference %q: expected a column's letters and the row's number", c.ref)
		}
		c.col = n
	} else {
		if c.col > maxSheetCols {
			return c, r.errAt(num, 0, "more than %d cells", maxSheetCols)
		}
		c.ref = CellName(c.col, num)
	}
	r.text = r.text[:0]
	hasValue, inValue, inInline, inText, inPhonetic := false, false, false, false, false
	for {
		tok, err := r.dec.RawToken()
		if err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return c, r.xmlError(num-1, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "v":
				hasValue, inValue = true, true
			case "f":
				c.formula = true
			case "is":
				hasValue, inInline = true, true
			case "t":
				inText = inInline && !inPhonetic
			case "rPh":
				inPhonetic = true
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "c":
				if c.formula && !hasValue {
					return c, r.errAt(num, c.col, "a formula with no saved value; open the workbook in Excel or LibreOffice and save it, so that its values are stored")
				}
				v, err := r.wb.cellText(typ, style, r.text)
				if err != nil {
					return c, r.errAt(num, c.col, "%v", err)
				}
				c.value = v
				return c, nil
			case "v":
				inValue = false
			case "is":
				inInline = false
			case "t":
				inText = false
			case "rPh":
				inPhonetic = false
			}
		case xml.CharData:
			if inValue || inText {
				r.text = append(r.text, t...)
			}
		}
	}
}

func attr(e xml.StartElement, name string) (string, bool) {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value, true
		}
	}
	return "", false
}

// cellColumn reads the column of a cell reference ("AB12" is column 28).
func cellColumn(ref string) (int, bool) {
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
	if _, err := strconv.Atoi(ref[i:]); err != nil {
		return 0, false
	}
	return col, true
}
