package dataset

import (
	"bytes"
	"io"
)

// Scan streams every file of the dataset: the glob's matches sorted by path
// (a glob matching nothing is an error naming the pattern), or the one file
// Spec.Path names (a missing file is an error naming it).
//
// onHeader is called once per file with that file's header; onRow once per
// data row. Either may be nil. Nothing is kept: memory does not grow with
// the number of rows, and a Row is only valid during its callback.
// Returning an error from a callback stops the scan and Scan returns it
// unchanged. Problems in the data are *Error values naming file, line and
// column. The returned Info covers the files read so far, also on error.
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
		fi, err := scanFile(path, spec.Format, spec.Skip, dec, onHeader, onRow)
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
	src      *source
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
	s := &scanner{src: src, decimal: dec, info: &fi, onHeader: onHeader, onRow: onRow}
	switch format {
	case FormatSIPRIRegister:
		err = s.register()
	case FormatSIPRITIVTable:
		err = s.tivTable()
	default:
		err = s.csv(skip)
	}
	if err != nil {
		src.close()
		return fi, err
	}
	fi.SHA256, err = src.finish()
	return fi, err
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

// table reads a header record and the data rows under it, each padded to
// the header's width.
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
	var fields []string
	for {
		rec, err := recs.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		row.Line = recs.line()
		if fields, err = fit(fields, rec, n, s.src.path, row.Line); err != nil {
			return err
		}
		row.Fields = fields
		if err := s.emit(row); err != nil {
			return err
		}
	}
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
