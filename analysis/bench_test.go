package analysis_test

import (
	"testing"

	"github.com/briefing/report/analysis"
	"github.com/briefing/report/config"
	"github.com/briefing/report/internal/period"
)

// BenchmarkCompute_Sample computes the sample briefing's analyses: its
// two registers (the current export and the earlier one), the TIV table
// and the curated files, read and summed.
func BenchmarkCompute_Sample(b *testing.B) {
	c, err := config.Load("../testdata/russia-china/briefing.yaml", config.Options{})
	if err != nil {
		b.Fatal(err)
	}
	q, err := period.ParsePeriod("2025-Q4", period.YearOf(2026).Start)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, ps := analysis.Compute(c, q); len(ps.Errors()) > 0 {
			b.Fatal(ps)
		}
	}
}
