package dataset

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// bigCSV writes a CSV file larger than one read buffer (64 KiB), which is
// read on a goroutine of its own, and returns its path.
func bigCSV(t *testing.T) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("year,supplier,value\n")
	for b.Len() < 200_000 {
		b.WriteString("2024,Russia,12.5\n")
	}
	p := filepath.Join(t.TempDir(), "big.csv")
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// A file written to while it is read is an error: its rows and its sum
// may be of no one version of it.
func TestScan_ErrFileChangedWhileRead(t *testing.T) {
	p := bigCSV(t)
	appended := false
	_, err := Scan(Spec{Path: p}, nil, func(Row) error {
		if !appended {
			appended = true
			f, err := os.OpenFile(p, os.O_APPEND|os.O_WRONLY, 0)
			if err != nil {
				t.Fatal(err)
			}
			f.WriteString("2025,China,1\n")
			f.Close()
		}
		return nil
	})
	if err == nil || !strings.Contains(err.Error(), "changed while it was read") || !strings.Contains(err.Error(), p) {
		t.Fatalf("error %v, want one naming the file that changed while it was read", err)
	}
}
