package main

import (
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/briefing/report/internal/csvtest"
)

// eachBriefing is a briefing per country over the real register.
const eachBriefing = `params: {country: China}
report:
  title: "Russian arms to {{ .Params.country }}"
  period: 2025-Q3
  output: "out/{{ .Params.country }}-{{ .Period }}.pdf"
brand:
  organization: "Org"
  primary_color: "#0B3D5C"
data:
  transfers:
    path: REGISTER
    format: sipri-register
    time: Delivery year
analyses:
  arms:
    kind: trend
    dataset: transfers
    value: TIV delivery values
    series:
      - {label: "Russia → $country", where: {Supplier: Russia, Recipient: $country}}
    from: 2015
sections:
  - title: "{{ .Params.country }}"
    blocks:
      - text: "Russia delivered {{ total \"arms\" \"*\" | num }} TIV to {{ .Params.country }} from 2015."
FOREACH`

func writeEach(t *testing.T, foreach string) (dir, cfg string) {
	t.Helper()
	dir = t.TempDir()
	reg, _ := filepath.Abs("../../testdata/sipri/registers/trade-register-generated-2026-02-12.csv")
	body := strings.Replace(strings.Replace(eachBriefing, "REGISTER", reg, 1), "FOREACH", foreach, 1)
	cfg = filepath.Join(dir, "briefing.yaml")
	if err := os.WriteFile(cfg, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, cfg
}

func pdfsIn(t *testing.T, dir string) []string {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	var out []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".pdf") {
			out = append(out, e.Name())
		}
	}
	sort.Strings(out)
	return out
}

// --each makes a briefing per value, crossed with --periods; a value that
// fails is reported and the others are written.
func TestGen_EachValueAndQuarter(t *testing.T) {
	dir, cfg := writeEach(t, "")
	code, out, errs := run(t, nil, "gen", "--config", cfg, "--as-of", "2026-03-02", "--each", "country=India, Atlantis ,China", "--periods", "2024-Q4..2025-Q1")
	if code != exitInput {
		t.Errorf("exit %d, want %d", code, exitInput)
	}
	got := strings.Join(pdfsIn(t, filepath.Join(dir, "out")), " ")
	if got != "China-2024-Q4.pdf China-2025-Q1.pdf India-2024-Q4.pdf India-2025-Q1.pdf" {
		t.Errorf("written: %s", got)
	}
	if !strings.Contains(out, "country × 3, 2024-Q4..2025-Q1: 4 of 6 briefings written") ||
		!strings.Contains(errs, "Atlantis 2024-Q4:\n") || !strings.Contains(errs, "failed: Atlantis 2024-Q4, Atlantis 2025-Q1") || !strings.Contains(errs, `has no value "Atlantis"`) {
		t.Errorf("stdout %q\nstderr %s", out, errs)
	}
	code, _, errs = run(t, nil, "gen", "--config", cfg, "--each", "country=China,India", "--out", filepath.Join(dir, "same.pdf"))
	if code != exitUsage || !strings.Contains(errs, "must contain {{ .Params.country }}") {
		t.Errorf("an output path without the parameter: exit %d %s", code, errs)
	}
}

// foreach: takes its values from a column: Russia's three most frequent
// recipients in the register, as counted here with the file's own rows.
func TestGen_ForeachFromAColumn(t *testing.T) {
	dir, cfg := writeEach(t, "foreach: {param: country, dataset: transfers, column: Recipient, where: {Supplier: Russia}, top: 3}\n")
	code, out, errs := run(t, nil, "gen", "--config", cfg, "--as-of", "2026-03-02")
	if code != exitOK {
		t.Fatalf("exit %d: %s%s", code, out, errs)
	}
	rows := csvtest.Read(t, "../../testdata/sipri/registers/trade-register-generated-2026-02-12.csv", 11)
	col := csvtest.Index(rows[0])
	counts := map[string]int{}
	for _, r := range rows[1:] {
		if y, err := strconv.Atoi(r[col["Delivery year"]]); err == nil && y <= 2024 && r[col["Supplier"]] == "Russia" {
			counts[r[col["Recipient"]]]++
		}
	}
	var names []string
	for n := range counts {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool {
		if counts[names[i]] != counts[names[j]] {
			return counts[names[i]] > counts[names[j]]
		}
		return names[i] < names[j]
	})
	var want []string
	for _, n := range names[:3] {
		want = append(want, n+"-2025-Q3.pdf")
	}
	sort.Strings(want)
	if got := pdfsIn(t, filepath.Join(dir, "out")); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("written %v, want %v", got, want)
	}
	// --param picks one value of the parameter instead
	os.RemoveAll(filepath.Join(dir, "out"))
	if code, _, errs := run(t, nil, "gen", "--config", cfg, "--as-of", "2026-03-02", "--param", "country=Egypt"); code != exitOK {
		t.Fatalf("--param: exit %d %s", code, errs)
	}
	if got := pdfsIn(t, filepath.Join(dir, "out")); len(got) != 1 || got[0] != "Egypt-2025-Q3.pdf" {
		t.Errorf("--param wrote %v", got)
	}
}
