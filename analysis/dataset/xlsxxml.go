package dataset

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"
)

// An xmlScanner reads the tags and text of a workbook's large parts (a
// worksheet, the shared strings) from a stream. encoding/xml builds a
// token, with its names and attributes copied, for every tag and text,
// about a dozen for each cell: a million-row sheet spent most of its time
// there. The scanner hands out slices of its buffer instead, valid until
// the next call, and finds an attribute only when asked. Names lose their
// prefix ("x:c" is "c"); entities and character references are decoded;
// comments and processing instructions are skipped; text must be UTF-8.
// Nesting is not checked (encoding/xml's RawToken does not either).
type xmlScanner struct {
	r        io.Reader
	buf      []byte
	pos, end int  // buf[pos:end] is read and not yet scanned
	eof      bool // r is at its end

	kind  xmlKind
	name  []byte // a tag's local name
	attrs []byte // a start tag's attributes, as written
	empty bool   // a start tag that closes itself (<c/>)
	text  []byte // text, decoded

	val []byte // an attribute's value, decoded
}

// xmlKind is what an xmlScanner read last.
type xmlKind uint8

const (
	xmlStart xmlKind = iota + 1
	xmlEnd
	xmlText
)

// errXMLSyntax is the error of a part that is not XML as far as read.
var errXMLSyntax = errors.New("XML syntax error")

func newXMLScanner(r io.Reader) *xmlScanner {
	return &xmlScanner{r: r, buf: make([]byte, 64<<10)}
}

// more reads more of the part after buf[pos:end], moving that to the
// start of buf (and growing buf if it is full). It reports false at the
// end of the part.
func (s *xmlScanner) more() (bool, error) {
	if s.eof {
		return false, nil
	}
	n := copy(s.buf, s.buf[s.pos:s.end])
	s.pos, s.end = 0, n
	if n == len(s.buf) {
		s.buf = append(s.buf, make([]byte, len(s.buf))...)
	}
	for {
		m, err := s.r.Read(s.buf[s.end:])
		s.end += m
		if err == io.EOF {
			s.eof = true
			return m > 0, nil
		}
		if err != nil {
			return false, err
		}
		if m > 0 {
			return true, nil
		}
	}
}

// scanTo returns the index, from pos, of the first c in the part at or
// after pos+from, reading more as needed; -1 at the end of the part. With
// quoted, a c inside a quoted attribute value does not count.
func (s *xmlScanner) scanTo(from int, c byte, quoted bool) (int, error) {
	var quote byte
	for k := from; ; k++ {
		if s.pos+k >= s.end {
			more, err := s.more()
			if err != nil {
				return -1, err
			}
			if !more {
				return -1, nil
			}
		}
		switch b := s.buf[s.pos+k]; {
		case quote != 0:
			if b == quote {
				quote = 0
			}
		case b == c:
			return k, nil
		case quoted && (b == '"' || b == '\''):
			quote = b
		}
	}
}

// next reads the next tag or text; io.EOF at the end of the part.
func (s *xmlScanner) next() error {
	for {
		lt, err := s.scanTo(0, '<', false)
		if err != nil {
			return err
		}
		if lt != 0 { // text first
			if lt < 0 {
				lt = s.end - s.pos
				if lt == 0 {
					return io.EOF
				}
			}
			err := s.setText(s.buf[s.pos : s.pos+lt])
			s.pos += lt
			return err
		}
		done, err := s.readTag()
		if done || err != nil {
			return err
		}
	}
}

// setText makes raw, decoded, the text read.
func (s *xmlScanner) setText(raw []byte) error {
	var err error
	s.kind = xmlText
	s.text, err = decodeXML(s.text[:0], raw)
	return err
}

// readTag reads the tag at pos. It reports false for a comment or a
// processing instruction, which are skipped.
func (s *xmlScanner) readTag() (bool, error) {
	if s.pos+1 >= s.end {
		if more, err := s.more(); err != nil || !more {
			return false, truncated(err)
		}
	}
	switch s.buf[s.pos+1] {
	case '!':
		return s.readBang()
	case '?':
		return false, s.skipPast("?>")
	}
	gt, err := s.scanTo(1, '>', true)
	if err != nil || gt < 0 {
		return false, truncated(err)
	}
	tag := s.buf[s.pos+1 : s.pos+gt]
	s.pos += gt + 1
	if len(tag) > 0 && tag[0] == '/' {
		s.kind, s.name = xmlEnd, localName(trimXMLSpace(tag[1:]))
		return true, nil
	}
	s.empty = len(tag) > 0 && tag[len(tag)-1] == '/'
	if s.empty {
		tag = tag[:len(tag)-1]
	}
	end := 0
	for end < len(tag) && !isXMLSpace(tag[end]) {
		end++
	}
	s.kind, s.name, s.attrs = xmlStart, localName(tag[:end]), tag[end:]
	if len(s.name) == 0 {
		return false, fmt.Errorf("%w: a tag without a name", errXMLSyntax)
	}
	return true, nil
}

// readBang reads what starts "<!" at pos: a comment (skipped) or a CDATA
// section (text, as it is). A document type declaration is an error: a
// workbook part has none.
func (s *xmlScanner) readBang() (bool, error) {
	for s.end-s.pos < len("<![CDATA[") {
		if more, err := s.more(); err != nil || !more {
			break
		}
	}
	head := s.buf[s.pos:s.end]
	switch {
	case bytes.HasPrefix(head, []byte("<!--")):
		return false, s.skipPast("-->")
	case !bytes.HasPrefix(head, []byte("<![CDATA[")):
		return false, fmt.Errorf("%w: expected a comment or CDATA after <!", errXMLSyntax)
	}
	from := len("<![CDATA[")
	for {
		gt, err := s.scanTo(from, '>', false)
		if err != nil || gt < 0 {
			return false, truncated(err)
		}
		if gt >= len("<![CDATA[]]") && bytes.Equal(s.buf[s.pos+gt-2:s.pos+gt], []byte("]]")) {
			text := s.buf[s.pos+len("<![CDATA[") : s.pos+gt-2]
			if !utf8.Valid(text) {
				return false, fmt.Errorf("%w: text that is not UTF-8", errXMLSyntax)
			}
			s.text = appendLines(s.text[:0], text)
			s.pos += gt + 1
			s.kind = xmlText
			return true, nil
		}
		from = gt + 1
	}
}

// skipPast moves pos past the first end at or after it.
func (s *xmlScanner) skipPast(end string) error {
	from := 0
	for {
		k, err := s.scanTo(from, end[len(end)-1], false)
		if err != nil || k < 0 {
			return truncated(err)
		}
		if k+1 >= len(end) && string(s.buf[s.pos+k+1-len(end):s.pos+k+1]) == end {
			s.pos += k + 1
			return nil
		}
		from = k + 1
	}
}

// truncated is the error of a part that ends where more was expected:
// err, or io.ErrUnexpectedEOF for none or io.EOF.
func truncated(err error) error {
	if err == nil || err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}

// trimLeftSpace is b without the white space it starts with.
func trimLeftSpace(b []byte) []byte {
	for len(b) > 0 && isXMLSpace(b[0]) {
		b = b[1:]
	}
	return b
}

// trimXMLSpace is b without the white space around it.
func trimXMLSpace(b []byte) []byte {
	b = trimLeftSpace(b)
	for len(b) > 0 && isXMLSpace(b[len(b)-1]) {
		b = b[:len(b)-1]
	}
	return b
}

// localName is a name without its namespace prefix: what follows its
// first colon, unless that is its first or last byte (as encoding/xml
// reads names).
func localName(name []byte) []byte {
	for i, c := range name { // names are short: a loop beats IndexByte's set-up
		if c == ':' {
			if i == 0 || i == len(name)-1 {
				return name
			}
			return name[i+1:]
		}
	}
	return name
}

// indexShort is bytes.IndexByte for the few bytes of a tag's parts.
func indexShort(b []byte, c byte) int {
	for i, x := range b {
		if x == c {
			return i
		}
	}
	return -1
}

// is reports whether the tag read is a start (or end) tag named name.
func (s *xmlScanner) is(kind xmlKind, name string) bool {
	return s.kind == kind && string(s.name) == name
}

// attr returns the decoded value of the start tag's attribute named name
// (its local name), valid until the next call.
func (s *xmlScanner) attr(name string) ([]byte, bool, error) {
	a := s.attrs
	for {
		a = trimLeftSpace(a)
		if len(a) == 0 {
			return nil, false, nil
		}
		eq := indexShort(a, '=')
		if eq < 0 {
			return nil, false, fmt.Errorf("%w: an attribute without a value in <%s>", errXMLSyntax, s.name)
		}
		key := localName(trimXMLSpace(a[:eq]))
		a = trimLeftSpace(a[eq+1:])
		if len(a) == 0 || (a[0] != '"' && a[0] != '\'') {
			return nil, false, fmt.Errorf("%w: an attribute value without quotes in <%s>", errXMLSyntax, s.name)
		}
		end := indexShort(a[1:], a[0])
		if end < 0 {
			return nil, false, fmt.Errorf("%w: an attribute value not closed in <%s>", errXMLSyntax, s.name)
		}
		value := a[1 : 1+end]
		a = a[2+end:]
		if string(key) == name {
			var err error
			s.val, err = decodeXML(s.val[:0], value)
			return s.val, true, err
		}
	}
}

// decodeXML appends raw to dst with its entities and character references
// decoded, and its line ends read as XML reads them (CR LF and CR alone
// are LF).
func decodeXML(dst, raw []byte) ([]byte, error) {
	if !utf8.Valid(raw) {
		return dst, fmt.Errorf("%w: text that is not UTF-8", errXMLSyntax)
	}
	for {
		amp := bytes.IndexByte(raw, '&')
		if amp < 0 {
			return appendLines(dst, raw), nil
		}
		dst = appendLines(dst, raw[:amp])
		raw = raw[amp+1:]
		semi := bytes.IndexByte(raw, ';')
		if semi < 0 {
			return dst, fmt.Errorf("%w: an entity without ';'", errXMLSyntax)
		}
		ent := raw[:semi]
		raw = raw[semi+1:]
		switch string(ent) {
		case "amp":
			dst = append(dst, '&')
		case "lt":
			dst = append(dst, '<')
		case "gt":
			dst = append(dst, '>')
		case "quot":
			dst = append(dst, '"')
		case "apos":
			dst = append(dst, '\'')
		default:
			r, ok := charRef(ent)
			if !ok {
				return dst, fmt.Errorf("%w: unknown entity &%s;", errXMLSyntax, ent)
			}
			dst = utf8.AppendRune(dst, r)
		}
	}
}

// appendLines appends text to dst, its CR LF and CR alone as LF.
func appendLines(dst, text []byte) []byte {
	for {
		cr := bytes.IndexByte(text, '\r')
		if cr < 0 {
			return append(dst, text...)
		}
		dst = append(append(dst, text[:cr]...), '\n')
		text = text[cr+1:]
		if len(text) > 0 && text[0] == '\n' {
			text = text[1:]
		}
	}
}

// charRef reads a character reference's "#65" or "#x41".
func charRef(ent []byte) (rune, bool) {
	if len(ent) < 2 || ent[0] != '#' {
		return 0, false
	}
	base, digits := 10, ent[1:]
	if digits[0] == 'x' {
		base, digits = 16, digits[1:]
	}
	n, err := strconv.ParseUint(string(digits), base, 32)
	if err != nil || n == 0 || n > utf8.MaxRune || (n >= 0xD800 && n < 0xE000) {
		return 0, false
	}
	return rune(n), true
}

// isXMLSpace reports whether c is XML's white space.
func isXMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }
