package dataset

import (
	"bytes"
	"encoding/hex"
	"io"
	"os"
	"unicode/utf8"
)

// maxLine is the longest physical line read, in bytes: longer lines mean the
// file is not the text it claims to be, and reading them would make memory
// grow with the file.
const maxLine = 4 << 20

// maxRecord is the longest record read, in bytes, its lines together: a
// quoted field that runs on past it is a quote never closed, and reading
// on would hold the rest of the file in memory.
const maxRecord = 16 << 20

// source reads one file as physical lines, hashing every byte of it. A
// line is found where it was read (hashedFile.chunk), not copied, unless it
// runs across two reads.
type source struct {
	path   string
	hf     *hashedFile
	cur    []byte // what is left of the last bytes read
	err    error  // what ended the reading: io.EOF, or the read error
	line   int    // physical lines read so far
	long   []byte // a line that runs across reads, joined
	joined bool   // the last line returned is long's: empty it first
}

// bufferSize returns the size of the read buffer for a file: 64 KiB, or
// less for a smaller regular file (a glob may match many small files), and
// whether the file fits in it.
func bufferSize(st os.FileInfo) (size int, small bool) {
	const most, least = 64 << 10, 4 << 10
	if st == nil || !st.Mode().IsRegular() || st.Size() >= most {
		return most, false
	}
	return max(int(st.Size())+1, least), true
}

// openSource opens path for reading. A UTF-8 byte order mark is skipped; a
// UTF-16 one is an error.
func openSource(path string) (*source, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fileError(path, err)
	}
	st, err := f.Stat()
	if err == nil && st.IsDir() {
		f.Close()
		return nil, &Error{File: path, Msg: "is a directory, not a file"}
	}
	size, small := bufferSize(st)
	s := &source{path: path, hf: newHashedFile(f, st, size, small)}
	// the first three bytes, for a byte order mark (a pipe may hand them
	// over in pieces: then they are joined in a buffer of their own)
	s.cur, s.err = s.hf.chunk()
	if len(s.cur) < 3 && s.err == nil {
		head := append([]byte(nil), s.cur...)
		for len(head) < 3 && s.err == nil {
			var more []byte
			more, s.err = s.hf.chunk()
			head = append(head, more...)
		}
		s.cur = head
	}
	if s.err != nil && s.err != io.EOF {
		s.close()
		return nil, fileError(path, s.err)
	}
	switch {
	case bytes.HasPrefix(s.cur, []byte("\xef\xbb\xbf")):
		s.cur = s.cur[3:]
	case bytes.HasPrefix(s.cur, []byte("\xff\xfe")), bytes.HasPrefix(s.cur, []byte("\xfe\xff")):
		s.close()
		return nil, errorAt(path, 1, "the file is UTF-16 encoded; save it as UTF-8")
	}
	return s, nil
}

// finish reads what is left of the file, so the hash covers all its bytes,
// closes it and returns the hex SHA-256.
func (s *source) finish() (string, error) {
	sum, err := s.hf.finish()
	if err == errChanged {
		return "", &Error{File: s.path, Msg: err.Error(), err: err}
	}
	if err != nil {
		return "", fileError(s.path, err)
	}
	return hex.EncodeToString(sum[:]), nil
}

// close stops reading and closes the file.
func (s *source) close() { s.hf.close() }

// readLine returns the next physical line without its line ending ("\n" or
// "\r\n"), or io.EOF after the last one. The line is only valid until the
// next call.
func (s *source) readLine() ([]byte, error) {
	if s.joined {
		s.long, s.joined = s.long[:0], false
	}
	for {
		if i := bytes.IndexByte(s.cur, '\n'); i >= 0 {
			line := s.cur[:i]
			s.cur = s.cur[i+1:]
			if len(s.long) > 0 { // begun in the bytes read before
				s.long = append(s.long, line...)
				line, s.joined = s.long, true
			}
			s.line++
			return trimByte(line, '\r'), nil
		}
		if len(s.long)+len(s.cur) > maxLine {
			return nil, errorAt(s.path, s.line+1, "line longer than %d MiB: not a text file?", maxLine>>20)
		}
		// the line runs on past these bytes, whose buffer the next read
		// takes back: keep them
		s.long = append(s.long, s.cur...)
		s.cur = nil
		if s.err == nil {
			s.cur, s.err = s.hf.chunk()
			continue
		}
		if s.err != io.EOF {
			return nil, fileError(s.path, s.err)
		}
		if len(s.long) == 0 {
			return nil, io.EOF
		}
		s.line++ // the last line, without a line end
		s.joined = true
		return trimByte(s.long, '\r'), nil
	}
}

// trimByte returns b without one trailing c.
func trimByte(b []byte, c byte) []byte {
	if n := len(b); n > 0 && b[n-1] == c {
		return b[:n-1]
	}
	return b
}

// checkText returns an *Error if line, the physical line n, holds a NUL
// byte or is not valid UTF-8.
func checkText(path string, n int, line []byte) error {
	if i := bytes.IndexByte(line, 0); i >= 0 {
		return errorAt(path, n, "NUL byte at character %d: binary data, not a text file", utf8.RuneCount(line[:i])+1)
	}
	if !utf8.Valid(line) {
		i := 0
		for i < len(line) {
			r, w := utf8.DecodeRune(line[i:])
			if r == utf8.RuneError && w == 1 {
				break
			}
			i += w
		}
		return errorAt(path, n, "invalid UTF-8 (byte 0x%02x at character %d); is the file Latin-1 or Windows-1252? save it as UTF-8",
			line[i], utf8.RuneCount(line[:i])+1)
	}
	return nil
}

// checkHeaderLine checks the header line n like checkText, and also
// rejects a carriage return inside it: a file with old Mac line endings (CR
// only) would otherwise read as one long header and no rows.
func checkHeaderLine(path string, n int, line []byte) error {
	if err := checkText(path, n, line); err != nil {
		return err
	}
	if bytes.IndexByte(line, '\r') >= 0 {
		return errorAt(path, n, "carriage return inside the header line: the file has old Mac line endings (CR only); save it with LF or CRLF")
	}
	return nil
}

// lineFeeder is the io.Reader a csv.Reader reads from: the line it is
// given with load (checked by the caller), then, when the reader wants
// more, the following lines of the source, each checked for NUL bytes and
// invalid UTF-8. Line endings are normalised to "\n" and, with
// stripSemicolon, one trailing ';' is removed from every line. Read returns
// at most one line, so a csv.Reader that has returned a record has read all
// the lines given so far and no more.
type lineFeeder struct {
	src            *source
	stripSemicolon bool
	buf            []byte
	pos            int
	err            error
	lines          int // lines loaded so far
	fed            int // bytes of the current record so far
	first          int // the physical line where the current record starts
}

// start makes line, the first of a record, the feeder's next line.
func (l *lineFeeder) start(line []byte) {
	l.load(line)
	l.fed, l.first = len(l.buf), l.src.line
}

// load makes line the feeder's next line; the current one must be read.
func (l *lineFeeder) load(line []byte) {
	if l.stripSemicolon {
		line = trimByte(line, ';')
	}
	l.buf = append(append(l.buf[:0], line...), '\n')
	l.pos = 0
	l.lines++
}

// Read implements io.Reader.
func (l *lineFeeder) Read(p []byte) (int, error) {
	for l.pos >= len(l.buf) {
		if l.err != nil {
			return 0, l.err
		}
		line, err := l.src.readLine()
		if err == nil {
			err = checkText(l.src.path, l.src.line, line)
		}
		if err == nil && l.fed+len(line) >= maxRecord {
			err = errorAt(l.src.path, l.first, "a quoted field opened on this line runs on past %d MiB: a quote that is never closed?", maxRecord>>20)
		}
		if err != nil {
			l.err = err
			continue
		}
		l.load(line)
		l.fed += len(l.buf)
	}
	n := copy(p, l.buf[l.pos:])
	l.pos += n
	return n, nil
}

// sniffComma returns the delimiter of a header line: the most frequent of
// ',', ';' and tab outside double quotes. Ties go to ',', then ';'; a line
// with none of them (a single column) gets ','.
func sniffComma(line []byte) rune {
	var comma, semi, tab int
	quoted := false
	for _, c := range line {
		switch c {
		case '"':
			quoted = !quoted
		case ',':
			if !quoted {
				comma++
			}
		case ';':
			if !quoted {
				semi++
			}
		case '\t':
			if !quoted {
				tab++
			}
		}
	}
	switch {
	case semi > comma && semi >= tab:
		return ';'
	case tab > comma && tab > semi:
		return '\t'
	}
	return ','
}
