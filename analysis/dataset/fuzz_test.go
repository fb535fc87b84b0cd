package dataset

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// FuzzScanCSV scans arbitrary bytes as CSV: it must not panic, every error
// must be an *Error at a line of the file, and every row must have the
// header's width and a line after the previous row's.
func FuzzScanCSV(f *testing.F) {
	seeds, err := filepath.Glob(filepath.Join("testdata", "*", "*"))
	if err != nil {
		f.Fatal(err)
	}
	for _, p := range seeds {
		if b, err := os.ReadFile(p); err == nil && len(b) < 4096 {
			f.Add(b, uint8(0), false)
			f.Add(b, uint8(2), true)
		}
	}
	path := filepath.Join(f.TempDir(), "fuzz.csv")
	f.Fuzz(func(t *testing.T, data []byte, skip uint8, decimalComma bool) {
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		spec := Spec{Path: path, Skip: int(skip % 8)}
		if decimalComma {
			spec.Decimal = ","
		}
		var header *Header
		last := 0
		_, err := Scan(spec,
			func(h *Header) error {
				if len(h.Columns) == 0 {
					t.Errorf("empty header")
				}
				header = h
				return nil
			},
			func(r Row) error {
				if r.Header != header || r.Len() != len(header.Columns) {
					t.Errorf("row %q does not fit header %q", r.Values(), header.Columns)
				}
				if r.Line <= last {
					t.Errorf("row on line %d after line %d", r.Line, last)
				}
				last = r.Line
				for col := range r.Len() {
					if _, _, err := r.Number(col); err != nil {
						var e *Error
						if !errors.As(err, &e) || e.Line != r.Line || e.Column != col+1 {
							t.Errorf("Number(%d) error %#v", col, err)
						}
					}
				}
				return nil
			})
		if err == nil {
			return
		}
		var e *Error
		if !errors.As(err, &e) {
			t.Fatalf("error %v is %T, want *Error", err, err)
		}
		if e.File != path || e.Line < 1 {
			t.Fatalf("error %q has no line", e)
		}
	})
}
