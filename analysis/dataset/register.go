package dataset

import (
	"bytes"
	"io"
)

// registerHeader starts the header line of a SIPRI transfer register.
const registerHeader = "SIPRI AT Database ID"

// register reads a SIPRI transfer register: notes and a "Data generated:"
// line, then the header line starting with "SIPRI AT Database ID", then one
// row per deal and delivery year. One trailing ';' is stripped from every
// line (spreadsheet re-saves add it); the file's own column names are kept.
func (s *scanner) register() error {
	for {
		line, err := s.src.readLine()
		if err == io.EOF {
			return &Error{File: s.src.path, Msg: `not a SIPRI register: no line starting with "` + registerHeader + `"`}
		}
		if err != nil {
			return err
		}
		line = bytes.TrimSuffix(line, []byte(";"))
		s.noteGenerated(line)
		if !isRegisterHeader(line) {
			continue
		}
		if err := checkHeaderLine(s.src.path, s.src.line, line); err != nil {
			return err
		}
		return s.table(newRecords(s.src, line, s.src.line, sniffComma(line), true))
	}
}

// isRegisterHeader reports whether the first cell of line is "SIPRI AT
// Database ID", quoted or not, in any case.
func isRegisterHeader(line []byte) bool {
	line = bytes.TrimLeft(line, " \"")
	if len(line) < len(registerHeader) || !bytes.EqualFold(line[:len(registerHeader)], []byte(registerHeader)) {
		return false
	}
	rest := line[len(registerHeader):]
	return len(rest) == 0 || bytes.IndexByte([]byte("\",;\t "), rest[0]) >= 0
}
