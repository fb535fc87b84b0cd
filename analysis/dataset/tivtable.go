package dataset

import (
	"bytes"
	"encoding/csv"
	"io"
	"regexp"
	"strings"
)

// tivColumns is the header of the rows a TIV table is read as.
var tivColumns = []string{"Supplier", "Recipient", "Year", "TIV"}

// tivTitle matches a TIV table title; group 1 is "exports from" or
// "imports to", group 2 the country.
var tivTitle = regexp.MustCompile(`(?i)^TIV of arms (exports from|imports to)\s+(.+?)(?:,?\s*\d{4}\s*-\s*\d{4})?$`)

// tivTable reads a SIPRI "TIV of arms exports from X, 1950-2021" table: a
// title line, notes, "Generated:", then a header line of years and "Total"
// under an empty first cell, one row per recipient, a blank row and a
// "Total" row. It emits one row of Supplier, Recipient, Year, TIV per
// non-empty cell, leaving out the Total row and column. A table of "arms
// imports to X" is read the same way with the roles swapped.
func (s *scanner) tivTable() error {
	path := s.src.path
	line, err := s.nextNonBlank()
	if err == io.EOF {
		return errorAt(path, 1, "empty file, expected a SIPRI TIV table")
	}
	if err != nil {
		return err
	}
	title := firstCell(line)
	m := tivTitle.FindStringSubmatch(title)
	if m == nil {
		return errorAt(path, s.src.line, "not a SIPRI TIV table: expected a title \"TIV of arms exports from <country>, <years>\", found %q", title)
	}
	country, exports := strings.TrimSpace(m[2]), strings.EqualFold(m[1], "exports from")
	for {
		line, err = s.src.readLine()
		if err == io.EOF {
			return &Error{File: path, Msg: "not a SIPRI TIV table: no header row (an empty first cell, then years)"}
		}
		if err != nil {
			return err
		}
		s.noteGenerated(line)
		if comma, ok := tivHeaderComma(line); ok {
			if err := checkHeaderLine(path, s.src.line, line); err != nil {
				return err
			}
			return s.tivRows(newRecords(s.src, line, s.src.line, comma, false), country, exports)
		}
	}
}

// recordSource gives the records of a table one by one, each with the
// line (or sheet row) it starts on: CSV records or a sheet's rows.
type recordSource interface {
	next() ([]string, error)
	line() int
}

// tivRows reads the header and recipient rows of a TIV table.
func (s *scanner) tivRows(recs recordSource, country string, exports bool) error {
	path := s.path
	rec, err := recs.next()
	if err != nil {
		return err // the header line is not blank: never io.EOF
	}
	years := make([]string, len(rec)) // the year of each column, "" for none
	total := -1
	for i := 1; i < len(rec); i++ {
		c := strings.TrimSpace(rec[i])
		switch {
		case isYear(c):
			years[i] = c
		case strings.EqualFold(c, "Total"):
			total = i
		case c != "":
			e := s.errAt(recs.line(), "unexpected column %q in a TIV table header: want years and Total", c)
			e.Column = i + 1
			return e
		}
	}
	h := &Header{Columns: append([]string(nil), tivColumns...)}
	if err := s.onHeader(h); err != nil {
		return err
	}
	row := Row{File: path, Sheet: s.sheet, Header: h, decimal: s.decimal, Fields: make([]string, 4)}
	for {
		rec, err := recs.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		row.Line = recs.line()
		if filled(rec) == 0 {
			continue // an empty row of a sheet
		}
		name := strings.TrimSpace(rec[0])
		if strings.EqualFold(name, "Total") {
			continue
		}
		if name == "" {
			return s.errAt(row.Line, "a row with values but no name in its first cell")
		}
		if err := checkWidth(rec, len(years), path, row.Line); err != nil {
			err.Sheet = s.sheet
			return err
		}
		for i := 1; i < len(rec) && i < len(years); i++ {
			v := strings.TrimSpace(rec[i])
			if v == "" || i == total {
				continue
			}
			if years[i] == "" {
				e := s.errAt(row.Line, "value %q in a column with no year", v)
				e.Column = i + 1
				return e
			}
			if exports {
				row.Fields[0], row.Fields[1] = country, name
			} else {
				row.Fields[0], row.Fields[1] = name, country
			}
			row.Fields[2], row.Fields[3] = years[i], v
			if err := s.emit(row); err != nil {
				return err
			}
		}
	}
}

// tivHeaderComma reports whether line is a TIV table header — an empty
// first cell, then a year — and returns its delimiter.
func tivHeaderComma(line []byte) (rune, bool) {
	line = bytes.TrimLeft(line, " ")
	if len(line) == 0 || bytes.IndexByte([]byte(",;\t"), line[0]) < 0 {
		return 0, false
	}
	comma := line[0]
	cell := line[1:]
	if i := bytes.IndexByte(cell, comma); i >= 0 {
		cell = cell[:i]
	}
	return rune(comma), isYear(strings.Trim(string(cell), " \""))
}

// isYear reports whether s is four digits.
func isYear(s string) bool {
	if len(s) != 4 {
		return false
	}
	for i := range 4 {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// firstCell returns the first cell of a preamble line, unquoted, trimmed.
func firstCell(line []byte) string {
	r := csv.NewReader(bytes.NewReader(line))
	r.Comma = sniffComma(line)
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	rec, err := r.Read()
	if err != nil || len(rec) == 0 {
		return strings.TrimSpace(string(line))
	}
	return strings.TrimSpace(rec[0])
}
