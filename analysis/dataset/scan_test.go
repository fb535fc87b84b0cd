package dataset

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
)

func TestScan_GlobReadsEveryMatchInPathOrder(t *testing.T) {
	spec := Spec{Name: "glob", Path: filepath.Join("testdata", "glob", "*.csv")}
	got := MustScan(t, spec)
	a, b, c := testdataFile("glob", "a-2022.csv"), testdataFile("glob", "b-2023.csv"), testdataFile("glob", "c-2024.csv")
	wantRows := []gotRow{
		{File: a, Line: 2, Fields: []string{"2022", "5"}},
		{File: b, Line: 2, Fields: []string{"2023", "1"}},
		{File: b, Line: 3, Fields: []string{"2023", "2"}},
		{File: c, Line: 2, Fields: []string{"2024", "3.5"}},
	}
	if !reflect.DeepEqual(got.Rows, wantRows) {
		t.Errorf("rows = %+v\nwant %+v", got.Rows, wantRows)
	}
	wantHeaders := [][]string{{"year", "value"}, {"year", "value"}, {"YEAR", "Value"}}
	if !reflect.DeepEqual(got.Headers, wantHeaders) {
		t.Errorf("headers = %q, want %q", got.Headers, wantHeaders)
	}
	if got.Info.RowsRead != 4 || len(got.Info.Files) != 3 {
		t.Fatalf("info = %+v, want 4 rows from 3 files", got.Info)
	}
	for i, want := range []struct {
		path string
		rows int
	}{{a, 1}, {b, 2}, {c, 1}} {
		f := got.Info.Files[i]
		if f.Path != want.path || f.Rows != want.rows || f.SHA256 != sha256File(t, want.path) {
			t.Errorf("file %d = %+v, want %s with %d rows", i, f, want.path, want.rows)
		}
	}
}

func TestScan_Errors(t *testing.T) {
	tests := []struct {
		name    string
		spec    Spec
		file    string // the *Error's File; "" when the error is not an *Error
		msg     string
		notExit bool // errors.Is(err, fs.ErrNotExist)
	}{
		{name: "MissingFile", spec: Spec{Path: "testdata/nope/data.csv"}, file: "testdata/nope/data.csv", msg: "no such file", notExit: true},
		{name: "GlobMatchesNothing", spec: Spec{Path: "testdata/glob/*.xlsx"}, file: "testdata/glob/*.xlsx", msg: "no file matches this pattern", notExit: true},
		{name: "GlobInMissingDir", spec: Spec{Path: "testdata/nope/*.csv"}, file: "testdata/nope/*.csv", msg: "no file matches this pattern", notExit: true},
		{name: "BadGlob", spec: Spec{Path: "testdata/glob/[.csv"}, file: "testdata/glob/[.csv", msg: "bad glob pattern"},
		{name: "Directory", spec: Spec{Path: "testdata/glob"}, file: "testdata/glob", msg: "is a directory"},
		{name: "UnknownFormat", spec: Spec{Name: "x", Path: "testdata/csv-comma/data.csv", Format: "xls"}, msg: `dataset "x": unknown format "xls"`},
		{name: "XLSXNotAWorkbook", spec: Spec{Name: "x", Path: "testdata/csv-comma/data.csv", Format: FormatXLSX}, file: "testdata/csv-comma/data.csv", msg: `this file's name does not end in .xlsx`},
		{name: "BadDecimal", spec: Spec{Name: "x", Path: "testdata/csv-comma/data.csv", Decimal: ";"}, msg: `decimal must be`},
		{name: "NegativeSkip", spec: Spec{Name: "x", Path: "testdata/csv-comma/data.csv", Skip: -1}, msg: `skip must not be negative`},
		{name: "SkipOnRegister", spec: Spec{Name: "x", Path: register2026, Format: FormatSIPRIRegister, Skip: 11}, msg: `skip applies to csv and xlsx only`},
		{name: "NoPath", spec: Spec{Name: "x"}, msg: `dataset "x": no path`},
		{name: "RegisterReadAsTIVTable", spec: Spec{Path: register2026, Format: FormatSIPRITIVTable}, file: register2026, msg: "not a SIPRI TIV table"},
		{name: "TIVTableReadAsRegister", spec: Spec{Path: filepath.Join("..", "..", "testdata", "sipri", "tiv-tables-2022", "TIV-Export-RUS-1950-2021.csv"), Format: FormatSIPRIRegister},
			file: filepath.Join("..", "..", "testdata", "sipri", "tiv-tables-2022", "TIV-Export-RUS-1950-2021.csv"), msg: "not a SIPRI register"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := scanAll(tt.spec)
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("error %q does not contain %q", err, tt.msg)
			}
			var e *Error
			if isErr := errors.As(err, &e); isErr != (tt.file != "") {
				t.Errorf("error %v is *Error: %v, want %v", err, isErr, tt.file != "")
			} else if isErr && e.File != tt.file {
				t.Errorf("File = %q, want %q", e.File, tt.file)
			}
			if errors.Is(err, fs.ErrNotExist) != tt.notExit {
				t.Errorf("errors.Is(%v, fs.ErrNotExist) = %v", err, !tt.notExit)
			}
		})
	}
}

func TestScan_CallbackErrorIsReturnedUnchanged(t *testing.T) {
	stop := errors.New("stop")
	path := testdataFile("glob", "*.csv")
	t.Run("OnHeader", func(t *testing.T) {
		rows := 0
		info, err := Scan(Spec{Path: path}, func(*Header) error { return stop }, func(Row) error { rows++; return nil })
		if err != stop || rows != 0 || len(info.Files) != 1 {
			t.Errorf("err = %v, rows = %d, files = %d; want stop, 0, 1", err, rows, len(info.Files))
		}
	})
	t.Run("OnRow", func(t *testing.T) {
		rows := 0
		info, err := Scan(Spec{Path: path}, nil, func(Row) error { rows++; return stop })
		if err != stop || rows != 1 || info.RowsRead != 1 {
			t.Errorf("err = %v, rows = %d, RowsRead = %d; want stop, 1, 1", err, rows, info.RowsRead)
		}
	})
	t.Run("OnRowTIVTable", func(t *testing.T) {
		rows := 0
		_, err := Scan(Spec{Path: tivTables, Format: FormatSIPRITIVTable}, nil, func(Row) error { rows++; return stop })
		if err != stop || rows != 1 {
			t.Errorf("err = %v, rows = %d; want stop, 1", err, rows)
		}
	})
	t.Run("RowErr", func(t *testing.T) {
		_, err := Scan(Spec{Path: testdataFile("csv-bad-number", "data.csv")}, nil, func(r Row) error {
			_, _, err := r.Number(2)
			return err
		})
		checkError(t, err, testdataFile("csv-bad-number", "data.csv"), &wantError{Line: 3, Column: 3, Msg: `not a number: "n/a"`})
		if e := (*Error)(nil); errors.As(err, &e) && e.ColumnName != "value" {
			t.Errorf("ColumnName = %q, want value", e.ColumnName)
		}
	})
}

func TestScan_SHA256CoversTheWholeFile(t *testing.T) {
	for _, spec := range []Spec{
		{Path: testdataFile("csv-bom", "data.csv")},
		{Path: testdataFile("csv-skip", "data.csv"), Skip: 2},
		{Path: register2026, Format: FormatSIPRIRegister},
	} {
		info, err := Scan(spec, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := info.Files[0].SHA256, sha256File(t, spec.Path); got != want {
			t.Errorf("%s: SHA256 = %s, want %s", spec.Path, got, want)
		}
	}
}

// TestScan_MemoryDoesNotGrowWithRows scans a generated file of 300,000
// rows (about 12 MB) and checks that the live heap at the end is no larger
// than after the first rows.
func TestScan_MemoryDoesNotGrowWithRows(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a 12 MB file")
	}
	const rows = 300_000
	path := writeRows(t, rows)
	heap := func() uint64 {
		var m runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	var early, late uint64
	n := 0
	_, err := Scan(Spec{Path: path}, nil, func(r Row) error {
		n++
		switch n {
		case 1000:
			early = heap()
		case rows:
			late = heap()
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("live heap: %d KiB after 1,000 rows, %d KiB after %d rows", early>>10, late>>10, rows)
	if late > early+256<<10 {
		t.Errorf("live heap grew from %d KiB after 1,000 rows to %d KiB after %d rows", early>>10, late>>10, rows)
	}
}

// writeRows writes a CSV file of n rows in a temporary directory.
func writeRows(tb testing.TB, n int) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "rows.csv")
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriter(f)
	fmt.Fprintln(w, "id,supplier,recipient,year,tiv")
	for i := range n {
		fmt.Fprintf(w, "%d,Supplier %d,Recipient %d,%d,%d.5\n", i, i%97, i%89, 1950+i%75, i%1000)
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
	return path
}

// sha256File returns the hex SHA-256 of a file's bytes.
func sha256File(tb testing.TB, path string) string {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}
