package dataset

import "io"

// csv reads a plain CSV file: skip preamble lines, then a header row, then
// data rows, with the delimiter sniffed on the header line.
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
	if err := checkText(path, s.src.line, line); err != nil {
		return err
	}
	return s.table(newRecords(s.src, line, s.src.line, sniffComma(line), false))
}
