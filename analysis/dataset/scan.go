package dataset

import (
	"bytes"
	"io"
	"path/filepath"
	"strings"
)

// Scan streams every file of the dataset: the glob's matches sorted by path
// (a glob matching nothing is an error naming the pattern), or the one file
// Spec.Path names (a missing file is an error naming it).
//
// onHeader is called once per file with that file's header; onRow once per
// data row. Either may be nil. Callbacks run in the caller's goroutine, one
// at a time, rows in file order; the lines of a CSV file or a register are
// read and split ahead in another goroutine meanwhile. Nothing is kept:
// memory does not grow with the number of rows, and a Row is only valid
// during its callback. Returning an error from a callback stops the scan
// and Scan returns it unchanged. Problems in the data are *Error values
// naming file, line and column. The returned Info covers the files read so
// far, also on error.
func Scan(spec Spec, onHeader func(*Header) error, onRow func(Row) error) (Info, error) {
	var info Info
	dec, err := spec.check()
	if err != nil {
		return info, err
	}
	paths, err := spec.files()
	if err != nil {
		return info, err
	}
	if onHeader == nil {
		onHeader = func(*Header) error { return nil }
	}
	if onRow == nil {
		onRow = func(Row) error { return nil }
	}
	for _, path := range paths {
		var fi FileInfo
		var err error
		switch {
		case isWorkbook(path) && spec.Format == FormatSIPRIRegister:
			fi, err = FileInfo{Path: path}, &Error{File: path, Msg: "a SIPRI transfer register is read from its CSV export (\"Download as CSV\"), not from a workbook"}
		case isWorkbook(path):
			fi, err = scanWorkbook(path, spec, dec, onHeader, onRow)
		case spec.Format == FormatXLSX:
			fi, err = FileInfo{Path: path}, &Error{File: path, Msg: "format xlsx reads Excel workbooks (.xlsx); this file's name does not end in .xlsx"}
		case strings.EqualFold(filepath.Ext(path), ".xls"):
			fi, err = FileInfo{Path: path}, &Error{File: path, Msg: "an Excel 97-2003 workbook (.xls): save it as .xlsx (Excel Workbook) and point the dataset at that"}
		default:
			fi, err = scanFile(path, spec.Format, spec.Skip, dec, onHeader, onRow)
		}
		info.Files = append(info.Files, fi)
		info.RowsRead += fi.Rows
		if err != nil {
			return info, err
		}
	}
	return info, nil
}

// scanner reads one file.
type scanner struct {
	path     string
	sheet    string  // the worksheet of a workbook, "" for a text file
	src      *source // nil for a workbook
	decimal  byte
	info     *FileInfo
	onHeader func(*Header) error
	onRow    func(Row) error
}

// scanFile reads the file at path in the given format.
func scanFile(path, format string, skip int, dec byte, onHeader func(*Header) error, onRow func(Row) error) (FileInfo, error) {
	fi := FileInfo{Path: path}
	src, err := openSource(path)
	if err != nil {
		return fi, err
	}
	finished := false
	defer func() {
		if !finished { // an error, or a callback panicked
			src.close()
		}
	}()
	s := &scanner{path: path, src: src, decimal: dec, info: &fi, onHeader: onHeader, onRow: onRow}
	switch format {
	case FormatSIPRIRegister:
		err = s.register()
	case FormatSIPRITIVTable:
		err = s.tivTable()
	default:
		err = s.csv(skip)
	}
	if err != nil {
		return fi, err
	}
	finished = true
	fi.SHA256, err = src.finish()
	fi.Remembered = src.hf.remembered
	return fi, err
}

// errAt builds an Error at a line (or sheet row) of the file.
func (s *scanner) errAt(line int, format string, args ...any) *Error {
	e := errorAt(s.path, line, format, args...)
	e.Sheet = s.sheet
	return e
}

// emit passes a row to the callback.
func (s *scanner) emit(r Row) error {
	s.info.Rows++
	return s.onRow(r)
}

// noteGenerated records the first Generated date found in the preamble.
func (s *scanner) noteGenerated(line []byte) {
	if s.info.Generated != "" {
		return
	}
	if text, date, ok := parseGenerated(string(line)); ok {
		s.info.Generated, s.info.GeneratedDate = text, date
	}
}

// table reads a header record and the data rows under it, each cut or
// padded to the header's width (see checkWidth), reading ahead.
func (s *scanner) table(recs *records) error {
	rec, err := recs.next()
	if err == io.EOF {
		return errorAt(s.src.path, s.src.line, "expected a header row, found the end of the file")
	}
	if err != nil {
		return err
	}
	h := newHeader(rec)
	if err := s.onHeader(h); err != nil {
		return err
	}
	n := len(h.Columns)
	row := Row{File: s.src.path, Header: h, decimal: s.decimal}
	var wide []string // a row wider than the header, to check
	return s.readAhead(row, n, func(b *batch) {
		recs.texts = &b.blocks
		for !b.full() {
			k := len(b.spans)
			text, spans, err := recs.nextSpans(b.spans)
			if err != nil {
				b.spans, b.err = spans[:k], err
				return
			}
			line := recs.line()
			if len(spans)-k > n {
				wide = appendFields(wide[:0], text, spans[k:])
				if err := checkWidth(wide, n, s.src.path, line); err != nil {
					b.spans, b.err = spans[:k], err
					return
				}
				spans = spans[:k+n]
			}
			for len(spans) < k+n {
				spans = append(spans, span{})
			}
			b.spans = spans
			b.lines = append(b.lines, line)
			b.text = append(b.text, text)
			b.size += len(text)
		}
	})
}

// nextNonBlank returns the next line that is not blank (white space and
// separators only), or io.EOF.
func (s *scanner) nextNonBlank() ([]byte, error) {
	for {
		line, err := s.src.readLine()
		if err != nil {
			return nil, err
		}
		if len(bytes.Trim(line, " \t\r,;")) > 0 {
			return line, nil
		}
	}
}
