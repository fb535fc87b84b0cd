// Package csvtest reads CSV files in tests with encoding/csv, apart from
// the project's own readers, so that tests check those readers against an
// independent count.
package csvtest

import (
	"encoding/csv"
	"os"
	"strings"
	"testing"
)

// Read returns the records of the CSV file at path after its first skip
// lines (SIPRI's notes), with a byte order mark and CRLFs taken off.
func Read(t testing.TB, path string, skip int) [][]string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.TrimPrefix(strings.ReplaceAll(string(data), "\r\n", "\n"), "\uFEFF")
	lines := strings.SplitN(text, "\n", skip+1)
	rd := csv.NewReader(strings.NewReader(lines[len(lines)-1]))
	rd.FieldsPerRecord = -1
	rows, err := rd.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// Index maps a header's column names to their positions.
func Index(header []string) map[string]int {
	m := map[string]int{}
	for i, h := range header {
		m[strings.TrimSpace(h)] = i
	}
	return m
}
