package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const realRegister = "../../testdata/sipri/registers/trade-register-generated-2026-02-12.csv"

// writeBigRegister writes a SIPRI register of n data rows into dir, made
// by repeating the real register's rows (its preamble and header kept),
// and a briefing of the sample's analyses over it. It returns the config.
func writeBigRegister(tb testing.TB, dir string, n int) string {
	tb.Helper()
	data, err := os.ReadFile(realRegister)
	if err != nil {
		tb.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(string(data), "\n"), "\n")
	head := 0
	for i, l := range lines {
		if strings.HasPrefix(l, "SIPRI AT Database ID") {
			head = i
			break
		}
	}
	rows := lines[head+1:]
	f, err := os.Create(filepath.Join(dir, "register.csv"))
	if err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	for _, l := range lines[:head+1] {
		fmt.Fprintln(w, l)
	}
	for i := 0; i < n; i++ {
		fmt.Fprintln(w, rows[i%len(rows)])
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
	cfg := `report: {title: "A million rows", period: 2025-Q3}
data:
  transfers: {path: register.csv, format: sipri-register, time: Delivery year}
analyses:
  arms_trend:
    kind: trend
    dataset: transfers
    value: TIV delivery values
    series:
      - {label: "Russia → China", where: {Supplier: Russia, Recipient: China}}
      - {label: "Russia → India", where: {Supplier: Russia, Recipient: India}}
    from: 1995
  by_supplier:
    kind: frequency
    dataset: transfers
    value: TIV delivery values
    by: Supplier
    top: 5
  categories: {kind: count, dataset: transfers, by: Armament category}
  eras:
    kind: compare
    of: arms_trend
    periods:
      - {label: "2015–2019", from: 2015, to: 2019}
      - {label: "2020–2024", from: 2020, to: 2024}
charts:
  trend_chart: {analysis: arms_trend, type: line, title: "Arms deliveries"}
  supplier_chart: {analysis: by_supplier, type: stacked-bar, title: "By supplier"}
sections:
  - title: Numbers
    blocks:
      - text: "Russia delivered {{ value \"arms_trend\" \"Russia → China\" 2018 | num }} TIV to China in 2018; {{ (dataset \"transfers\").Rows | num }} rows."
      - chart: trend_chart
      - chart: supplier_chart
      - table: eras
      - table: categories
`
	path := filepath.Join(dir, "briefing.yaml")
	writeFile(tb, path, cfg)
	return path
}

// TestGen_MillionRowRegister builds a briefing from a register of
// 1,000,000 rows and checks the process's peak memory: the analyses keep
// sums, not rows. It is slow, so it runs only with REPORT_MEMORY_TEST=1;
// REPORT_MEMORY_DIR keeps the generated project for /usr/bin/time -v.
func TestGen_MillionRowRegister(t *testing.T) {
	if testing.Short() || os.Getenv("REPORT_MEMORY_TEST") == "" {
		t.Skip("set REPORT_MEMORY_TEST=1 to build from a generated 1,000,000-row register")
	}
	dir := os.Getenv("REPORT_MEMORY_DIR")
	if dir == "" {
		dir = t.TempDir()
	}
	cfg := writeBigRegister(t, dir, 1_000_000)
	code, stdout, stderr := run(t, nil, "gen", "--config", cfg, "--out", filepath.Join(dir, "big.pdf"), "--as-of", "2025-11-26")
	if code != exitOK {
		t.Fatalf("exit %d: %s%s", code, stdout, stderr)
	}
	peak := peakRSS(t)
	t.Logf("%s; peak RSS of the test process %d MB", strings.TrimSpace(stdout), peak>>20)
	if peak > 400<<20 {
		t.Errorf("peak RSS %d MB for a 1,000,000-row register: the rows are being kept", peak>>20)
	}
}

// peakRSS reads the process's peak resident set (VmHWM) on Linux.
func peakRSS(tb testing.TB) int64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		tb.Skip("no /proc/self/status")
	}
	for _, l := range bytes.Split(data, []byte("\n")) {
		if f := strings.Fields(string(l)); len(f) >= 2 && f[0] == "VmHWM:" {
			kb, _ := strconv.ParseInt(f[1], 10, 64)
			return kb << 10
		}
	}
	tb.Skip("no VmHWM")
	return 0
}
