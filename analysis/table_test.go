package analysis_test

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A dataset table's where keeps the rows that match, counted here
// independently with encoding/csv.
func TestTable_WhereKeepsMatchingRows(t *testing.T) {
	data, err := filepath.Abs("../testdata/russia-china/data/exercises.csv")
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "b.yaml")
	body := "report: {title: T}\ndata:\n  ex: {path: " + data + ", time: {date: start_date, year: year, month: month}}\n" +
		"sections:\n  - title: S\n    blocks:\n      - table: {dataset: ex, columns: [year, name], where: {Domain: naval}}\n"
	if err := os.WriteFile(file, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	res, ps := mustCompute(t, file, "2025-Q4")
	if len(ps) > 0 {
		t.Fatal(ps)
	}
	f, err := os.Open(data)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := -1
	for i, h := range rows[0] {
		if h == "domain" {
			col = i
		}
	}
	want := 0
	for _, r := range rows[1:] {
		if strings.TrimSpace(r[col]) == "naval" {
			want++
		}
	}
	got := res.Tables["sections[0].blocks[0]"]
	if want == 0 || len(got.Rows) != want {
		t.Errorf("%d rows kept, want the %d naval ones", len(got.Rows), want)
	}
	if strings.Join(got.Columns, ",") != "year,name" {
		t.Errorf("columns %v", got.Columns)
	}
}
