package dataset

import (
	"bytes"
	"encoding/binary"
	"encoding/csv"
	"errors"
	"io"
	"math/bits"
	"slices"
	"unicode/utf8"
)

// splitFast makes new records split lines without a double quote
// themselves; tests turn it off to read every record through encoding/csv.
var splitFast = true

// records reads the CSV records of a file from its header line on, skipping
// records whose every field is empty and turning parse errors into *Error at
// physical lines.
//
// A line without a double quote is one record, split on the delimiter here:
// one text per line, the fields sliced from it. A line with a double
// quote starts a record read by encoding/csv, which may span lines (a quoted
// field can hold line breaks) and reports malformed quotes; that reader is
// fed only the lines of such records, so it reads exactly what it would
// have read on the whole file.
//
// A record is a text and the spans of its fields in it: the text of a line
// split here is the line itself; that of a record read by encoding/csv is
// its fields joined. The texts are carved from blocks (see arena).
type records struct {
	src   *source
	path  string
	comma byte
	strip bool // remove one trailing ';' from every line
	fast  bool // split lines without a double quote here

	first     []byte // the header line, until next reads it
	firstLine int    // its physical line; 0 once read

	start int      // physical line where the last record starts
	spans []span   // the spans of the last record, for next
	rec   []string // the fields of the last record, for next
	join  []byte   // a record read by cr, joined
	// texts holds the records' texts: own, which keeps every text, or
	// the arena of the batch being filled, reused once its rows are done.
	texts *arena
	own   arena

	cr     *csv.Reader // reads records with quotes; nil until the first
	feed   *lineFeeder // cr's input
	offset int         // physical line of cr's line 1, minus one
}

// span is where a field is in the text of its record: half the memory of
// two ints, and a record is never near 2 GiB (maxLine, maxRecord).
type span struct{ from, to int32 }

// newRecords reads CSV separated by comma (',', ';' or tab) from the header
// line first (the physical line headerLine of src) and the rest of src.
func newRecords(src *source, first []byte, headerLine int, comma rune, stripSemicolon bool) *records {
	r := &records{
		src: src, path: src.path, comma: byte(comma), strip: stripSemicolon, fast: splitFast,
		first: append([]byte(nil), first...), firstLine: headerLine,
	}
	r.texts = &r.own
	return r
}

// next returns the fields of the next record that has a non-empty field,
// or io.EOF. The slice is only valid until the next call.
func (r *records) next() ([]string, error) {
	text, spans, err := r.nextSpans(r.spans[:0])
	r.spans = spans
	if err != nil {
		return nil, err
	}
	r.rec = appendFields(r.rec[:0], text, spans)
	return r.rec, nil
}

// nextSpans reads the next record that has a non-empty field, or io.EOF.
// It returns its text, and dst with the spans of its fields appended.
func (r *records) nextSpans(dst []span) (string, []span, error) {
	n := len(dst)
	for {
		text, spans, err := r.read(dst[:n])
		if err != nil {
			return "", spans, err
		}
		if !allBlank(text, spans[n:]) {
			return text, spans, nil
		}
		dst = spans
	}
}

// read reads the next record, or io.EOF, like nextSpans.
func (r *records) read(dst []span) (string, []span, error) {
	var line []byte
	if r.firstLine > 0 {
		line, r.start = r.first, r.firstLine
		r.first, r.firstLine = nil, 0
	} else {
		var err error
		if line, err = r.src.readLine(); err != nil {
			return "", dst, err
		}
		r.start = r.src.line
	}
	if r.fast {
		if text, spans, ok := r.split(dst, line); ok {
			return text, spans, nil
		}
	}
	if err := checkText(r.path, r.start, line); err != nil {
		return "", dst, err
	}
	return r.readQuoted(dst, line)
}

// split splits a line into its fields like encoding/csv does, when the
// line has no double quote and is valid text: with a trailing ';' removed
// when the file has one on every line, and then a trailing carriage return
// (the one of "\r\r\n"). It returns false, with dst as it was, when the
// line has a double quote, a NUL byte or invalid UTF-8.
func (r *records) split(dst []span, line []byte) (string, []span, bool) {
	if r.strip {
		line = trimByte(line, ';')
	}
	line = trimByte(line, '\r')
	if bytes.IndexByte(line, '"') >= 0 || bytes.IndexByte(line, 0) >= 0 {
		return "", dst, false
	}
	spans, ascii := splitLine(dst, line, r.comma)
	if !ascii && !utf8.Valid(line) {
		return "", dst, false
	}
	return r.texts.text(line), spans, true
}

// splitLine appends the spans of the fields of line, separated by comma,
// to dst, reading eight bytes at a time, and reports whether line is all
// ASCII.
func splitLine(dst []span, line []byte, comma byte) (_ []span, ascii bool) {
	const ones, lows, highs = 0x0101010101010101, 0x7f7f7f7f7f7f7f7f, 0x8080808080808080
	// Room for every span up front: no call in the loop, fewer spills. A
	// line has a span per byte at most, so a short one needs no counting
	// pass; a long one is counted, so that its room is not its length.
	room := len(line) + 1
	if room > 512 {
		room = bytes.Count(line, []byte{comma}) + 1
	}
	dst = slices.Grow(dst, room)
	out := dst[len(dst):cap(dst)]
	commas := uint64(comma) * ones
	var seen uint64 // every byte or'ed together
	n, from, i := 0, 0, 0
	for ; i+8 <= len(line); i += 8 {
		x := binary.LittleEndian.Uint64(line[i:])
		seen |= x
		// The high bit of each byte of m is set where x has a comma:
		// c has a zero byte there, and no carry crosses a byte.
		c := x ^ commas
		for m := ^((c&lows + lows) | c | lows); m != 0; m &= m - 1 {
			to := i + bits.TrailingZeros64(m)>>3
			out[n] = span{int32(from), int32(to)}
			n++
			from = to + 1
		}
	}
	for ; i < len(line); i++ {
		b := line[i]
		seen |= uint64(b)
		if b == comma {
			out[n] = span{int32(from), int32(i)}
			n++
			from = i + 1
		}
	}
	out[n] = span{int32(from), int32(len(line))}
	return dst[:len(dst)+n+1], seen&highs == 0
}

// readQuoted reads the record that starts with line, the physical line
// r.start, through encoding/csv, like read.
func (r *records) readQuoted(dst []span, line []byte) (string, []span, error) {
	if r.cr == nil {
		r.feed = &lineFeeder{src: r.src, stripSemicolon: r.strip}
		r.cr = csv.NewReader(r.feed)
		r.cr.Comma = rune(r.comma)
		r.cr.FieldsPerRecord = -1
		r.cr.ReuseRecord = true
	}
	// cr has read every line fed so far to its end: its next line is the
	// feeder's next.
	r.offset = r.start - (r.feed.lines + 1)
	r.feed.start(line)
	rec, err := r.cr.Read()
	if err != nil {
		if err == io.EOF {
			return "", dst, err
		}
		return "", dst, r.convert(err)
	}
	l, _ := r.cr.FieldPos(0) // not line: cr skips empty lines
	r.start = r.offset + l
	join := r.join[:0]
	for _, f := range rec {
		dst = append(dst, span{int32(len(join)), int32(len(join) + len(f))})
		join = append(join, f...)
	}
	r.join = join
	return r.texts.text(join), dst, nil
}

// line returns the physical line where the last record starts.
func (r *records) line() int { return r.start }

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

// appendFields appends the fields at spans of text to dst.
func appendFields(dst []string, text string, spans []span) []string {
	for _, sp := range spans {
		dst = append(dst, text[sp.from:sp.to])
	}
	return dst
}

// allBlank reports whether every field at spans of text is empty or white
// space.
func allBlank(text string, spans []span) bool {
	for _, sp := range spans {
		if !isBlank(text[sp.from:sp.to]) {
			return false
		}
	}
	return true
}

// checkWidth checks rec against a header of n columns: trailing empty
// fields beyond the header are tolerated (spreadsheet re-saves add them); a
// non-empty one is an error at line, pointing at the first extra field.
func checkWidth(rec []string, n int, path string, line int) *Error {
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
