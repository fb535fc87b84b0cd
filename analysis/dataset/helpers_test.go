package dataset

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

// Paths of the real SIPRI exports kept at the root of the project.
var (
	register2025 = filepath.Join("..", "..", "testdata", "sipri", "registers", "trade-register-generated-2025-01-03.csv")
	register2026 = filepath.Join("..", "..", "testdata", "sipri", "registers", "trade-register-generated-2026-02-12.csv")
	tivTables    = filepath.Join("..", "..", "testdata", "sipri", "tiv-tables-2022", "TIV-Export-*-1950-2021.csv")
	registerSums = filepath.Join("..", "..", "testdata", "russia-china", "data", "arms-tiv-by-year-register-2026.csv")
)

// gotRow is a copy of a Row, kept after its callback.
type gotRow struct {
	File   string
	Line   int
	Fields []string
}

// scanned is everything a scan produced.
type scanned struct {
	Headers [][]string
	Rows    []gotRow
	Info    Info
}

// scanAll scans spec, keeping copies of every header and row.
func scanAll(spec Spec) (scanned, error) {
	var s scanned
	info, err := Scan(spec,
		func(h *Header) error {
			s.Headers = append(s.Headers, append([]string(nil), h.Columns...))
			return nil
		},
		func(r Row) error {
			vals := r.Values()
			fields := make([]string, len(vals))
			for i, f := range vals {
				fields[i] = strings.Clone(f) // the row's text is reused
			}
			s.Rows = append(s.Rows, gotRow{File: r.File, Line: r.Line, Fields: fields})
			return nil
		})
	s.Info = info
	return s, err
}

// MustScan scans spec and fails the test on error.
func MustScan(tb testing.TB, spec Spec) scanned {
	tb.Helper()
	s, err := scanAll(spec)
	if err != nil {
		tb.Fatalf("Scan(%+v): %v", spec, err)
	}
	return s
}

// wantError describes an expected *Error; Msg is a substring.
type wantError struct {
	Line, Column int
	Msg          string
}

// checkError fails unless err is an *Error for file matching want.
func checkError(tb testing.TB, err error, file string, want *wantError) {
	tb.Helper()
	var e *Error
	if !errors.As(err, &e) {
		tb.Fatalf("error = %v (%T), want *Error", err, err)
	}
	if e.File != file || e.Line != want.Line || e.Column != want.Column || !strings.Contains(e.Msg, want.Msg) {
		tb.Errorf("error = %+v\n want File %q Line %d Column %d Msg containing %q", *e, file, want.Line, want.Column, want.Msg)
	}
}

// testdataFile is the path of a file of a test case.
func testdataFile(dir, name string) string {
	return filepath.Join("testdata", dir, name)
}
