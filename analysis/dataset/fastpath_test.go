package dataset

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"
)

// scanResult is everything a scan produced, error included.
type scanResult struct {
	scanned
	Err    *Error // the error, when it is an *Error
	ErrMsg string // the error's text, "" for none
}

// scanWith scans spec with lines without quotes split by records itself
// (fast) or every record read by encoding/csv.
func scanWith(fast bool, spec Spec) scanResult {
	defer func(old bool) { splitFast = old }(splitFast)
	splitFast = fast
	s, err := scanAll(spec)
	r := scanResult{scanned: s}
	if err != nil {
		r.ErrMsg = err.Error()
		errors.As(err, &r.Err)
	}
	return r
}

// checkSamePaths scans spec both ways and fails unless both give the same
// headers, rows, info and error. It returns the result.
func checkSamePaths(tb testing.TB, spec Spec) scanResult {
	tb.Helper()
	fast, slow := scanWith(true, spec), scanWith(false, spec)
	if !reflect.DeepEqual(fast, slow) {
		tb.Errorf("%s: the fast path and encoding/csv differ:\nfast %+v\n csv %+v", spec.Path, fast, slow)
	}
	return fast
}

// writeFile writes content to name in a temporary directory.
func writeFile(tb testing.TB, name, content string) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		tb.Fatal(err)
	}
	return path
}

// TestScan_FastPathMatchesCSV reads a file mixing lines with and without
// quotes, among them quoted fields holding line breaks and delimiters, in
// several layouts, and checks that the lines split without encoding/csv
// give the very rows encoding/csv gives, on the right lines.
func TestScan_FastPathMatchesCSV(t *testing.T) {
	base, err := os.ReadFile(testdataFile("csv-mixed-quotes", "data.csv"))
	if err != nil {
		t.Fatal(err)
	}
	want := []gotRow{
		{Line: 2, Fields: []string{"plain", "one", "1"}},
		{Line: 3, Fields: []string{"quoted", "two", "2"}},
		{Line: 4, Fields: []string{"Vostok", "joint exercise\nwith China, \"large\"", "3"}},
		{Line: 6, Fields: []string{"after", "multi", "4"}},
		{Line: 7, Fields: []string{"a,b", "c\nd,\ne", "5"}},
		{Line: 11, Fields: []string{"last", "", "6"}},
		{Line: 13, Fields: []string{"end", "x", "7"}},
	}
	// Each layout rewrites the file and the expected fields.
	layouts := []struct {
		name   string
		file   func(string) string
		fields func(string) string
	}{
		{name: "lf"},
		{name: "crlf", file: func(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") }},
		{name: "semicolon", file: func(s string) string { return strings.ReplaceAll(s, ",", ";") },
			fields: func(s string) string { return strings.ReplaceAll(s, ",", ";") }},
		{name: "tab", file: func(s string) string { return strings.ReplaceAll(s, ",", "\t") },
			fields: func(s string) string { return strings.ReplaceAll(s, ",", "\t") }},
		// A spreadsheet re-save: one ';' at the end of every line, also
		// the lines inside quoted fields.
		{name: "trailing-semicolons-crlf", file: func(s string) string { return strings.ReplaceAll(s, "\n", ";\r\n") }},
		// "\r\r\n": encoding/csv takes the second '\r' as part of the line end.
		{name: "cr-crlf", file: func(s string) string {
			head, rest, _ := strings.Cut(s, "\n")
			return head + "\n" + strings.ReplaceAll(rest, "\n", "\r\r\n")
		}},
	}
	for _, l := range layouts {
		t.Run(l.name, func(t *testing.T) {
			content := string(base)
			if l.file != nil {
				content = l.file(content)
			}
			path := writeFile(t, "data.csv", content)
			got := checkSamePaths(t, Spec{Path: path})
			if got.ErrMsg != "" {
				t.Fatal(got.ErrMsg)
			}
			var rows []gotRow
			for _, r := range want {
				fields := append([]string(nil), r.Fields...)
				for i := range fields {
					if l.fields != nil {
						fields[i] = l.fields(fields[i])
					}
				}
				rows = append(rows, gotRow{File: path, Line: r.Line, Fields: fields})
			}
			if !reflect.DeepEqual(got.Rows, rows) {
				t.Errorf("rows = %+v\nwant %+v", got.Rows, rows)
			}
		})
	}
}

// TestScan_FastPathErrorsMatchCSV checks that errors after a multi-line
// quoted field are the same both ways, at the right line and column.
func TestScan_FastPathErrorsMatchCSV(t *testing.T) {
	const head = "name,notes,value\na,\"two\nlines\",1\n" // a record on lines 2-3
	tests := []struct {
		name, rest string
		err        wantError
	}{
		{"unbalanced-quote", "b,x,2\n\"open,1,2\nmore\n", wantError{Line: 5, Msg: "unbalanced quote: a quoted field opened on this line is not closed (reading stopped at line 6, character 6)"}},
		{"extraneous-quote", "b,x,2\n\"c\"d,1,2\n", wantError{Line: 5, Msg: "unbalanced quote: extraneous or missing \" in a quoted field at character 3"}},
		{"bare-quote", "b,x,2\nc,d\"e,3\n", wantError{Line: 5, Msg: `bare " in an unquoted field at character 4`}},
		{"ragged-long", "b,x,2\nc,d,e,f\n", wantError{Line: 5, Column: 4, Msg: "expected 3 fields, found 4"}},
		{"nul-byte", "b,x,2\nc,d\x00,3\n", wantError{Line: 5, Msg: "NUL byte at character 4"}},
		{"nul-byte-with-quote", "b,x,2\n\"c\",d\x00,3\n", wantError{Line: 5, Msg: "NUL byte at character 6"}},
		{"invalid-utf8", "b,x,2\nc,d\xff,3\n", wantError{Line: 5, Msg: "invalid UTF-8 (byte 0xff at character 4)"}},
		{"invalid-utf8-in-quoted-field", "b,\"x\ny\xff\",2\n", wantError{Line: 5, Msg: "invalid UTF-8 (byte 0xff at character 2)"}},
		{"nul-byte-in-quoted-field", "b,\"x\n\x00\",2\n", wantError{Line: 5, Msg: "NUL byte at character 1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeFile(t, "data.csv", head+tt.rest)
			got := checkSamePaths(t, Spec{Path: path})
			if got.Err == nil {
				t.Fatalf("error = %q, want an *Error", got.ErrMsg)
			}
			checkError(t, got.Err, path, &tt.err)
		})
	}
}

// writeQuotedRows writes a CSV file of n rows, every seventh with a quoted
// field over two lines, every eleventh with a quoted delimiter, and, when
// bad > 0, the row bad with one field too many. It returns the path and the
// physical line of each row.
func writeQuotedRows(tb testing.TB, n, bad int) (string, []int) {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "rows.csv")
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriter(f)
	fmt.Fprintln(w, "id,name,value")
	line := 2
	var lines []int
	for i := range n {
		lines = append(lines, line)
		switch {
		case i == bad && bad > 0:
			fmt.Fprintf(w, "%d,row %d,%d,extra\n", i, i, i)
		case i%7 == 3:
			fmt.Fprintf(w, "%d,\"row\n%d\",%d\n", i, i, i)
			line++
		case i%11 == 5:
			fmt.Fprintf(w, "%d,\"row, %d\",%d\n", i, i, i)
		default:
			fmt.Fprintf(w, "%d,row %d,%d\n", i, i, i)
		}
		line++
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
	return path, lines
}

// TestScan_ReadAheadKeepsOrderAndLines reads a file of many batches of rows
// read ahead, with quoted multi-line fields here and there: every row comes
// in order on its line, and an error in the data comes after the rows
// before it, at its line.
func TestScan_ReadAheadKeepsOrderAndLines(t *testing.T) {
	const n = 5000
	t.Run("AllRows", func(t *testing.T) {
		path, lines := writeQuotedRows(t, n, 0)
		got := checkSamePaths(t, Spec{Path: path})
		if got.ErrMsg != "" || len(got.Rows) != n || got.Info.RowsRead != n {
			t.Fatalf("error %q, %d rows (RowsRead %d), want %d", got.ErrMsg, len(got.Rows), got.Info.RowsRead, n)
		}
		for i, r := range got.Rows {
			name := fmt.Sprintf("row %d", i)
			switch {
			case i%7 == 3:
				name = fmt.Sprintf("row\n%d", i)
			case i%11 == 5:
				name = fmt.Sprintf("row, %d", i)
			}
			if want := []string{fmt.Sprint(i), name, fmt.Sprint(i)}; r.Line != lines[i] || !reflect.DeepEqual(r.Fields, want) {
				t.Fatalf("row %d = line %d %q, want line %d %q", i, r.Line, r.Fields, lines[i], want)
			}
		}
	})
	t.Run("ErrorAfterRows", func(t *testing.T) {
		const bad = 3001
		path, lines := writeQuotedRows(t, n, bad)
		got := checkSamePaths(t, Spec{Path: path})
		if len(got.Rows) != bad || got.Info.RowsRead != bad {
			t.Errorf("%d rows before the error (RowsRead %d), want %d", len(got.Rows), got.Info.RowsRead, bad)
		}
		checkError(t, got.Err, path, &wantError{Line: lines[bad], Column: 4, Msg: "expected 3 fields, found 4"})
	})
}

// TestScan_CallbackStopsReadAhead returns an error, then panics, from onRow
// in the middle of a long file: Scan stops there, and the goroutines
// reading ahead end.
func TestScan_CallbackStopsReadAhead(t *testing.T) {
	path := writeRows(t, 200_000)
	before := runtime.NumGoroutine()
	stop := errors.New("stop")
	rows := 0
	info, err := Scan(Spec{Path: path}, nil, func(r Row) error {
		rows++
		if rows == 1000 {
			return stop
		}
		return nil
	})
	if err != stop || rows != 1000 || info.RowsRead != 1000 {
		t.Errorf("err = %v, %d rows, RowsRead %d; want stop after 1000 rows", err, rows, info.RowsRead)
	}
	func() {
		defer func() {
			if p := recover(); p != "boom" {
				t.Errorf("recovered %v, want the callback's panic", p)
			}
		}()
		Scan(Spec{Path: path}, nil, func(r Row) error {
			if r.Line == 500 {
				panic("boom")
			}
			return nil
		})
		t.Error("Scan returned after the callback panicked")
	}()
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		t.Errorf("%d goroutines after the scans, %d before", n, before)
	}
}

// FuzzScanFastPath scans arbitrary bytes in every format both ways: the
// lines split without encoding/csv must give what encoding/csv gives, rows
// and errors alike.
func FuzzScanFastPath(f *testing.F) {
	seeds, err := filepath.Glob(filepath.Join("testdata", "*", "*"))
	if err != nil {
		f.Fatal(err)
	}
	for _, p := range seeds {
		if b, err := os.ReadFile(p); err == nil && len(b) < 4096 {
			f.Add(b, uint8(0))
			f.Add(b, uint8(1))
			f.Add(b, uint8(2))
		}
	}
	path := filepath.Join(f.TempDir(), "fuzz.csv")
	f.Fuzz(func(t *testing.T, data []byte, mode uint8) {
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		spec := Spec{Path: path}
		switch mode % 3 {
		case 1:
			spec.Format = FormatSIPRIRegister
		case 2:
			spec.Format = FormatSIPRITIVTable
		}
		if mode%3 == 0 {
			spec.Skip = int(mode/3) % 4
		}
		checkSamePaths(t, spec)
	})
}

// A quote never closed stops the reading once its record passes
// maxRecord, at the line where it opened: the rest of the file is not
// read into one field.
func TestScan_QuoteNeverClosed(t *testing.T) {
	var b strings.Builder
	b.WriteString("name,notes,value\na,x,1\nb,\"open,2\n")
	for b.Len() < maxRecord+(1<<20) {
		b.WriteString("c,more text of a field that never ends,3\n")
	}
	path := writeFile(t, "data.csv", b.String())
	got := checkSamePaths(t, Spec{Path: path})
	if got.Err == nil {
		t.Fatalf("error = %q, want an *Error", got.ErrMsg)
	}
	checkError(t, got.Err, path, &wantError{Line: 3, Msg: "a quoted field opened on this line runs on past 16 MiB: a quote that is never closed?"})
}
