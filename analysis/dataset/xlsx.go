package dataset

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/briefing/report/internal/hashcache"
	"github.com/briefing/report/internal/suggest"
)

// FormatXLSX is a table in a worksheet of an Excel workbook (.xlsx): a
// header row, then data rows. A .xlsx file of format csv is read the same
// way, and a SIPRI TIV table saved as .xlsx is read as the CSV one.
const FormatXLSX = "xlsx"

// isWorkbook reports whether path names an Excel workbook by its extension.
func isWorkbook(path string) bool {
	return strings.EqualFold(filepath.Ext(path), ".xlsx") || strings.EqualFold(filepath.Ext(path), ".xlsm")
}

// maxPreamble is the most rows of one cell (titles, notes) read above a
// header row found by itself.
const maxPreamble = 1000

// scanWorkbook reads the table of a worksheet: rows one at a time, so that
// memory does not grow with the sheet. Cells are read by their type (see
// cellText): a date cell as an ISO date, a number as the number it holds,
// a formula as its saved value.
func scanWorkbook(path string, spec Spec, dec byte, onHeader func(*Header) error, onRow func(Row) error) (FileInfo, error) {
	fi := FileInfo{Path: path}
	sum, remembered, err := fileHash(path)
	if err != nil {
		return fi, err
	}
	fi.Remembered = remembered
	wb, err := openWorkbook(path)
	if err != nil {
		return fi, err
	}
	defer wb.Close()
	sheet, err := pickSheet(wb.sheetNames(), path, spec.Sheet)
	if err != nil {
		return fi, err
	}
	rows, err := wb.openSheet(path, sheet)
	if err != nil {
		return fi, err
	}
	defer rows.Close()
	s := &scanner{path: path, sheet: sheet, decimal: dec, info: &fi, onHeader: onHeader, onRow: onRow}
	sr := &sheetRows{s: s, rows: rows}
	if spec.Format == FormatSIPRITIVTable {
		err = s.workbookTIV(sr)
	} else {
		err = s.workbookTable(sr, spec.Skip, spec.HeaderRow)
	}
	if err != nil {
		return fi, err
	}
	fi.SHA256 = sum
	return fi, nil
}

// pickSheet returns the sheet of sheets named want (in any case), or the
// first.
func pickSheet(sheets []string, path, want string) (string, error) {
	if len(sheets) == 0 {
		return "", &Error{File: path, Msg: "the workbook has no worksheet"}
	}
	if want == "" {
		return sheets[0], nil
	}
	for _, s := range sheets {
		if strings.EqualFold(strings.TrimSpace(s), strings.TrimSpace(want)) {
			return s, nil
		}
	}
	return "", &Error{File: path, Msg: fmt.Sprintf("no sheet %q%s (the workbook has %s)", want, suggest.Hint(want, sheets), quoteAll(sheets))}
}

func quoteAll(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	return strings.Join(q, ", ")
}

// fileHash is the hex SHA-256 of the file at path, and whether it is the
// one remembered for it (internal/hashcache) rather than hashed now.
func fileHash(path string) (string, bool, error) {
	file, err := os.Open(path)
	if err != nil {
		return "", false, fileError(path, err)
	}
	defer file.Close()
	since := time.Now()
	st, err := file.Stat()
	if err != nil {
		return "", false, fileError(path, err)
	}
	if sum, ok := hashcache.Lookup(path, st); ok {
		return hex.EncodeToString(sum[:]), true, nil
	}
	h := sha256.New()
	if _, err := io.Copy(h, file); err != nil {
		return "", false, fileError(path, err)
	}
	var sum [32]byte
	h.Sum(sum[:0])
	if now, err := file.Stat(); err == nil && sameState(st, now) {
		hashcache.Remember(path, st, sum, since)
	}
	return hex.EncodeToString(sum[:]), false, nil
}

// sheetRows reads the rows of a worksheet in order; row numbers are the
// sheet's, empty rows included.
type sheetRows struct {
	s     *scanner
	rows  *sheetReader
	n     int // the row number of the last row read
	ahead [][]string
	from  int // the row number of ahead[0]
}

// next returns the next row's cells, or io.EOF after the last row.
func (r *sheetRows) next() ([]string, error) {
	if len(r.ahead) > 0 {
		cells := r.ahead[0]
		r.ahead = r.ahead[1:]
		r.n = r.from
		r.from++
		return cells, nil
	}
	cells, err := r.rows.row()
	if err != nil {
		return nil, err
	}
	r.n++
	return cells, nil
}

// line is the sheet row of the last row read.
func (r *sheetRows) line() int { return r.n }

// putBack makes rows, read from row number from on, the next to read.
func (r *sheetRows) putBack(rows [][]string, from int) {
	r.ahead, r.from = append(rows, r.ahead...), from
	r.n = from - 1
}

// filled counts the cells of a row that are not blank.
func filled(cells []string) int {
	n := 0
	for _, c := range cells {
		if !isBlank(c) {
			n++
		}
	}
	return n
}

// workbookTable reads a header row and the data rows under it. The header
// is row headerRow when set; else, after skip rows, the first row of two
// cells or more: rows of one cell above it (a merged title, notes, a
// "Generated" line) are its preamble. A sheet of one column takes its
// first non-empty row.
func (s *scanner) workbookTable(r *sheetRows, skip, headerRow int) error {
	for range skip {
		cells, err := r.next()
		if err == io.EOF {
			return s.errAt(0, "expected a header row after %d skipped rows, found the end of the sheet", skip)
		}
		if err != nil {
			return err
		}
		s.notePreamble(cells)
	}
	var header []string
	switch {
	case headerRow > 0:
		if headerRow <= skip {
			return s.errAt(0, "header_row %d is among the %d skipped rows", headerRow, skip)
		}
		for r.n < headerRow {
			cells, err := r.next()
			if err == io.EOF {
				return s.errAt(0, "header_row %d is past the end of the sheet (%d rows)", headerRow, r.n)
			}
			if err != nil {
				return err
			}
			s.notePreamble(cells)
			header = cells
		}
		if filled(header) == 0 {
			return s.errAt(headerRow, "header_row %d is empty", headerRow)
		}
	default:
		var err error
		if header, err = s.findHeader(r); err != nil {
			return err
		}
	}
	h := newHeader(header)
	if err := s.onHeader(h); err != nil {
		return err
	}
	n := len(h.Columns)
	row := Row{File: s.path, Sheet: s.sheet, Header: h, decimal: s.decimal, Fields: make([]string, n)}
	for {
		cells, err := r.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if filled(cells) == 0 {
			continue
		}
		if e := checkWidth(cells, n, s.path, r.line()); e != nil {
			e.Sheet = s.sheet
			e.Msg = fmt.Sprintf("a value beyond the header's %d columns", n)
			return e
		}
		for i := range row.Fields {
			row.Fields[i] = ""
			if i < len(cells) {
				row.Fields[i] = cells[i]
			}
		}
		row.Line = r.line()
		if err := s.emit(row); err != nil {
			return err
		}
	}
}

// findHeader returns the first row of two cells or more, noting the rows
// of one cell above it; or, in a sheet of one column, its first non-empty
// row.
func (s *scanner) findHeader(r *sheetRows) ([]string, error) {
	var above [][]string
	start := r.n + 1
	for {
		cells, err := r.next()
		if err == io.EOF || len(above) > maxPreamble {
			for i, cells := range above {
				if filled(cells) > 0 { // one column: its first non-empty row
					r.putBack(above[i+1:], start+i+1)
					return cells, nil
				}
			}
			if err == io.EOF {
				return nil, s.errAt(0, "expected a header row, found an empty sheet")
			}
			return nil, s.errAt(0, "no row of two cells or more in the first %d rows: set header_row", maxPreamble)
		}
		if err != nil {
			return nil, err
		}
		if filled(cells) >= 2 {
			for _, a := range above {
				s.notePreamble(a)
			}
			return cells, nil
		}
		above = append(above, cells)
	}
}

// notePreamble picks up a "Generated" date from the cells of a row above
// the table.
func (s *scanner) notePreamble(cells []string) {
	for _, c := range cells {
		if c != "" {
			s.noteGenerated([]byte(c))
		}
	}
}

// workbookTIV reads a SIPRI TIV table saved as a workbook: the title in
// the first non-empty row, notes and "Generated", then the header row (an
// empty first cell, then years), then a row per recipient.
func (s *scanner) workbookTIV(r *sheetRows) error {
	var title string
	for title == "" {
		cells, err := r.next()
		if err == io.EOF {
			return s.errAt(0, "empty sheet, expected a SIPRI TIV table")
		}
		if err != nil {
			return err
		}
		if filled(cells) > 0 {
			title = strings.TrimSpace(firstFilled(cells))
		}
	}
	m := tivTitle.FindStringSubmatch(title)
	if m == nil {
		return s.errAt(r.line(), "not a SIPRI TIV table: expected a title \"TIV of arms exports from <country>, <years>\", found %q", title)
	}
	country, exports := strings.TrimSpace(m[2]), strings.EqualFold(m[1], "exports from")
	for {
		cells, err := r.next()
		if err == io.EOF {
			return s.errAt(0, "not a SIPRI TIV table: no header row (an empty first cell, then years)")
		}
		if err != nil {
			return err
		}
		s.notePreamble(cells)
		if len(cells) > 1 && isBlank(cells[0]) && isYear(strings.TrimSpace(cells[1])) {
			r.putBack([][]string{cells}, r.line())
			return s.tivRows(r, country, exports)
		}
	}
}

func firstFilled(cells []string) string {
	for _, c := range cells {
		if !isBlank(c) {
			return c
		}
	}
	return ""
}
