package analysis_test

import (
	"crypto/sha256"
	"os"
	"testing"
	"time"

	"github.com/briefing/report/analysis"
	"github.com/briefing/report/config"
	"github.com/briefing/report/internal/hashcache"
	"github.com/briefing/report/internal/period"
	"github.com/briefing/report/internal/resultcache"
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

// BenchmarkCompute_SampleRecalled is BenchmarkCompute_Sample when every
// dataset's results are remembered from an earlier run over the same
// files (internal/resultcache): what a run costs that reads no data.
func BenchmarkCompute_SampleRecalled(b *testing.B) {
	c, err := config.Load("../testdata/russia-china/briefing.yaml", config.Options{})
	if err != nil {
		b.Fatal(err)
	}
	q, err := period.ParsePeriod("2025-Q4", period.YearOf(2026).Start)
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	hashcache.Open(dir)
	resultcache.Open(dir)
	defer func() { hashcache.Open(""); resultcache.Open("") }()
	for _, name := range c.DatasetNames() {
		for _, path := range []string{c.Data[name].Path, c.Data[name].Previous} {
			if path == "" {
				continue
			}
			data, err := os.ReadFile(path)
			if err != nil {
				b.Fatal(err)
			}
			st, err := os.Stat(path)
			if err != nil {
				b.Fatal(err)
			}
			hashcache.Remember(path, st, sha256.Sum256(data), time.Now().Add(time.Hour)) // past the racy window
		}
	}
	analysis.Compute(c, q) // remembers the results
	for b.Loop() {
		res, ps := analysis.Compute(c, q)
		if len(ps.Errors()) > 0 || !res.Datasets["transfers"].Recalled {
			b.Fatal(ps, "or not recalled")
		}
	}
}
