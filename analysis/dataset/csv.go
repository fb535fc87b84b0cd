package dataset

import (
	"bytes"
	"io"
)

// csv reads a plain CSV file: skip preamble lines, then a header row, then
// data rows, with the delimiter sniffed on the header line. A Generated date
// in the skipped lines is picked up.
func (s *scanner) csv(skip int) error {
	path := s.src.path
	for range skip {
		line, err := s.src.readLine()
		if err == io.EOF {
			return errorAt(path, max(s.src.line, 1), "expected a header row after %d preamble lines, found the end of the file", skip)
		}
		if err != nil {
			return err
		}
		s.noteGenerated(line)
	}
	line, err := s.nextNonBlank()
	if err == io.EOF {
		if skip > 0 {
			return errorAt(path, max(s.src.line, 1), "expected a header row after %d preamble lines, found the end of the file", skip)
		}
		return errorAt(path, 1, "empty file, expected a header row")
	}
	if err != nil {
		return err
	}
	if err := checkHeaderLine(path, s.src.line, line); err != nil {
		return err
	}
	comma, strip := csvComma(line)
	return s.table(newRecords(s.src, line, s.src.line, comma, strip))
}

// csvComma returns the delimiter sniffed on a header line, and whether every
// line carries one trailing ';' to strip: a header ending in ';' that is
// not ';'-separated is a spreadsheet re-save, like the SIPRI 2026 register.
func csvComma(header []byte) (comma rune, stripSemicolon bool) {
	if trimmed, ok := bytes.CutSuffix(header, []byte(";")); ok {
		if comma := sniffComma(trimmed); comma != ';' {
			return comma, true
		}
	}
	return sniffComma(header), false
}
