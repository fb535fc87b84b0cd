package dataset

import (
	"crypto/sha256"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/briefing/report/internal/hashcache"
)

// BenchmarkScanRegister reads the 2026 register (25,024 rows, 2.7 MB) and
// parses every TIV delivery value.
func BenchmarkScanRegister(b *testing.B) {
	benchmarkScan(b, Spec{Path: register2026, Format: FormatSIPRIRegister}, 15)
}

// BenchmarkScanRegisterRemembered is BenchmarkScanRegister when the
// register's SHA-256 is remembered from an earlier run
// (internal/hashcache), as in a run over data read before: the reading
// and splitting alone, no hashing.
func BenchmarkScanRegisterRemembered(b *testing.B) {
	data, err := os.ReadFile(register2026)
	if err != nil {
		b.Fatal(err)
	}
	st, err := os.Stat(register2026)
	if err != nil {
		b.Fatal(err)
	}
	hashcache.Open(b.TempDir())
	defer hashcache.Open("")
	hashcache.Remember(register2026, st, sha256.Sum256(data), time.Now().Add(time.Hour)) // past the racy window
	spec := Spec{Path: register2026, Format: FormatSIPRIRegister}
	if info, err := Scan(spec, nil, func(Row) error { return nil }); err != nil || len(info.Files) != 1 || !info.Files[0].Remembered {
		b.Fatalf("the register's hash is not taken as remembered (%v): this would time the hashing too", err)
	}
	benchmarkScan(b, spec, 15)
}

// BenchmarkScanTIVTables reads the 134 TIV tables through one glob.
func BenchmarkScanTIVTables(b *testing.B) {
	benchmarkScan(b, Spec{Path: tivTables, Format: FormatSIPRITIVTable}, 3)
}

// BenchmarkScanCSVRows reads generated files of growing length: allocs/row
// and B/row stay flat (one string per record, garbage at once), so memory
// does not grow with the number of rows.
func BenchmarkScanCSVRows(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		path := writeRows(b, n)
		b.Run(fmt.Sprintf("rows=%d", n), func(b *testing.B) {
			benchmarkScan(b, Spec{Path: path}, 4)
		})
	}
}

// benchmarkScan scans spec b.N times, parsing column col of every row, and
// reports time, allocations and bytes per row.
func benchmarkScan(b *testing.B, spec Spec, col int) {
	b.ReportAllocs()
	rows := 0
	for b.Loop() {
		info, err := Scan(spec, nil, func(r Row) error {
			_, _, err := r.Number(col)
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
		rows += info.RowsRead
	}
	b.StopTimer()
	// b.N is the number of loops once b.Loop has returned false.
	if rows > 0 {
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(rows), "ns/row")
		b.ReportMetric(float64(rows)/float64(b.N), "rows/op")
	}
}
