package dataset

import (
	"os"
	"testing"
)

// BenchmarkScanXLSX reads the workbook at $REPORT_BENCH_XLSX (made by
// internal/sqlfixture/scalegen), reporting ns per row.
func BenchmarkScanXLSX(b *testing.B) {
	path := os.Getenv("REPORT_BENCH_XLSX")
	if path == "" {
		b.Skip("REPORT_BENCH_XLSX is not set")
	}
	rows := 0
	for b.Loop() {
		s, err := Scan(Spec{Path: path}, nil, nil)
		if err != nil {
			b.Fatal(err)
		}
		rows += s.RowsRead
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(rows), "ns/row")
}
