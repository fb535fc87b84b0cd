package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/briefing/report/briefing"
	"github.com/briefing/report/internal/period"
	"github.com/briefing/report/layouts"
)

const sample = "../../testdata/russia-china/briefing.yaml"

// run runs the command line and returns its exit code, stdout and stderr.
func run(t testing.TB, env []string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(args, Streams{In: strings.NewReader(""), Out: &out, Err: &errb}, env)
	return code, out.String(), errb.String()
}

func TestMain_ExitCodes(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(bad, []byte("report:\n  title: T\n  period: 2025-Q9\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"Version", []string{"version"}, exitOK, "report "},
		{"ErrUnknownCommand", []string{"generate"}, exitUsage, "unknown command"},
		{"ErrUnknownFlag", []string{"gen", "--config", sample, "--colour"}, exitUsage, "unknown flag"},
		{"ErrMissingConfigFlag", []string{"gen"}, exitUsage, "config"},
		{"ErrPeriodAndPeriods", []string{"gen", "--config", sample, "--period", "2025-Q1", "--periods", "2024-Q1..2024-Q2"}, exitUsage, "cannot both"},
		{"ErrBadAsOf", []string{"gen", "--config", sample, "--as-of", "yesterday"}, exitUsage, "--as-of"},
		{"ErrBadPeriodsRange", []string{"gen", "--config", sample, "--periods", "2024-Q1"}, exitUsage, "FROM..TO"},
		{"ErrConfigInput", []string{"gen", "--config", bad, "--out", filepath.Join(dir, "x.pdf")}, exitInput, "bad.yaml:3"},
		{"ErrMissingConfigFile", []string{"validate", "--config", filepath.Join(dir, "none.yaml")}, exitInput, "none.yaml"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := run(t, nil, tc.args...)
			if code != tc.code || !strings.Contains(out+errs, tc.want) {
				t.Errorf("exit %d, want %d; output:\n%s%s\nwant it to mention %q", code, tc.code, out, errs, tc.want)
			}
		})
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("a failed run left files behind: %v", entries)
	}
}

func TestGen_SampleIsReproducible(t *testing.T) {
	dir := t.TempDir()
	env := []string{"SOURCE_DATE_EPOCH=1772409600"} // 2 Mar 2026, after the register's export
	var pdfs [][]byte
	for _, name := range []string{"a.pdf", "b.pdf"} {
		path := filepath.Join(dir, "out", name)
		code, out, errs := run(t, env, "gen", "--config", sample, "--out", path)
		if code != exitOK || errs != "" {
			t.Fatalf("exit %d: %s%s", code, out, errs)
		}
		if !strings.Contains(out, "2025-Q4") {
			t.Errorf("SOURCE_DATE_EPOCH of 2 Mar 2026 should give period 2025-Q4: %s", out)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(data, []byte("%PDF-")) {
			t.Fatalf("%s is not a PDF", path)
		}
		pdfs = append(pdfs, data)
	}
	if !bytes.Equal(pdfs[0], pdfs[1]) {
		t.Error("two runs with the same inputs gave different bytes")
	}
}

func TestValidate_Sample(t *testing.T) {
	code, out, errs := run(t, nil, "validate", "--config", sample, "--as-of", "2026-03-02")
	if code != exitOK || !strings.Contains(out, "ok (2025-Q4)") || errs != "" {
		t.Errorf("exit %d: %s%s", code, out, errs)
	}
}

// TestValidate_DatedBeforeTheData is a briefing dated 26 Nov 2025 that
// cites a register generated on 12 Feb 2026.
func TestValidate_DatedBeforeTheData(t *testing.T) {
	code, out, errs := run(t, nil, "validate", "--config", sample, "--as-of", "2025-11-26")
	want := "data.transfers.path: the briefing is dated 26 Nov 2025, before trade-register-generated-2026-02-12.csv was generated (12 Feb 2026)"
	if code != exitOK || !strings.Contains(errs, "warning: "+want) {
		t.Errorf("exit %d: %s%s\nwant a warning %q", code, out, errs, want)
	}
	code, _, errs = run(t, nil, "validate", "--strict", "--config", sample, "--as-of", "2025-11-26")
	if code != exitInput || !strings.Contains(errs, want) {
		t.Errorf("--strict: exit %d, %s", code, errs)
	}
}

func TestGen_PeriodOverridesSetAndEnv(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "{{ .Period }}.pdf")
	env := []string{"REPORT_REPORT_PERIOD=2023-Q1"}
	code, out, errs := run(t, env, "validate", "--config", sample, "--set", "report.period=2024-Q2")
	if code != exitOK || !strings.Contains(out, "2024-Q2") {
		t.Errorf("--set should beat the environment: exit %d %s%s", code, out, errs)
	}
	code, out, errs = run(t, env, "gen", "--config", sample, "--set", "report.period=2024-Q2", "--period", "2024-Q4", "--out", path, "--as-of", "2025-01-01")
	if code != exitOK || !strings.Contains(out, "2024-Q4.pdf") {
		t.Errorf("--period should beat --set: exit %d %s%s", code, out, errs)
	}
}

func BenchmarkGen_Sample(b *testing.B) {
	dir := b.TempDir()
	env := []string{"SOURCE_DATE_EPOCH=1772409600"} // 2 Mar 2026, the --as-of of .ci/bench
	for b.Loop() {
		if code, out, errs := run(b, env, "gen", "-q", "--config", sample, "--out", filepath.Join(dir, "b.pdf")); code != exitOK {
			b.Fatalf("exit %d: %s%s", code, out, errs)
		}
	}
}

func TestValues_Sample(t *testing.T) {
	code, out, errs := run(t, nil, "values", "--config", sample, "--as-of", "2025-11-26")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{
		`{{ value "arms_trend" "Russia → China" 2018 }}  1,656.0`,
		`{{ .Period }}`,
		`{{ fig "arms_trend_chart" }}`,
		`{{ (dataset "transfers").Generated }}`,
	} {
		if !strings.Contains(strings.Join(strings.Fields(out), " "), strings.Join(strings.Fields(want), " ")) {
			t.Errorf("values output lacks %q", want)
		}
	}
}

func TestInit_ThenGenAndValidate(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new")
	if code, out, errs := run(t, nil, "init", dir); code != exitOK {
		t.Fatalf("init: exit %d %s%s", code, out, errs)
	}
	cfg := filepath.Join(dir, "briefing.yaml")
	if code, out, errs := run(t, nil, "validate", "--config", cfg, "--as-of", "2025-11-26"); code != exitOK {
		t.Fatalf("validate: exit %d %s%s", code, out, errs)
	}
	code, out, errs := run(t, nil, "gen", "--config", cfg, "--as-of", "2025-11-26")
	if code != exitOK {
		t.Fatalf("gen: exit %d %s%s", code, out, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "out", "briefing-2025-Q3.pdf")); err != nil {
		t.Errorf("the config's output path was not written: %v (%s)", err, out)
	}
	if code, _, _ := run(t, nil, "init", dir); code != exitInput {
		t.Errorf("init into a folder that is not empty: exit %d, want %d", code, exitInput)
	}
}

func TestGen_BackfillWritesEveryQuarterTheSameTwice(t *testing.T) {
	if testing.Short() {
		t.Skip("builds twelve briefings")
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "{{ .Period }}.pdf")
	first := map[string][]byte{}
	for round := 0; round < 2; round++ {
		code, stdout, errs := run(t, nil, "gen", "--config", sample, "--periods", "2023-Q1..2025-Q4", "--out", out, "--as-of", "2026-01-15")
		if code != exitOK || !strings.Contains(stdout, "12 of 12 quarters written") {
			t.Fatalf("exit %d: %s%s", code, stdout, errs)
		}
		entries, _ := os.ReadDir(dir)
		if len(entries) != 24 {
			t.Fatalf("%d files, want 12 PDFs and their manifests", len(entries))
		}
		for _, e := range entries {
			data, _ := os.ReadFile(filepath.Join(dir, e.Name()))
			if round == 0 {
				first[e.Name()] = data
			} else if !bytes.Equal(first[e.Name()], data) {
				t.Errorf("%s differs between two backfills", e.Name())
			}
		}
	}
}

func TestGen_BackfillErrOutputWithoutPeriod(t *testing.T) {
	dir := t.TempDir()
	code, out, errs := run(t, nil, "gen", "--config", sample, "--periods", "2024-Q1..2024-Q2", "--out", filepath.Join(dir, "x.pdf"))
	if code != exitUsage || !strings.Contains(errs, "{{ .Period }}") {
		t.Errorf("exit %d: %s%s", code, out, errs)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("files written: %v", entries)
	}
}

func TestValues_EachQuarterSeesItsOwnChanges(t *testing.T) {
	count := func(q string) string {
		code, out, errs := run(t, nil, "values", "--config", sample, "--period", q)
		if code != exitOK {
			t.Fatalf("%s: exit %d %s", q, code, errs)
		}
		for _, line := range strings.Split(out, "\n") {
			if strings.HasPrefix(line, `{{ (changes "new_exercises").Count }}`) {
				return strings.TrimSpace(strings.TrimPrefix(line, `{{ (changes "new_exercises").Count }}`))
			}
		}
		t.Fatalf("no changes count in:\n%s", out)
		return ""
	}
	// exercises.csv has seven events starting in 2024-Q3 (July to
	// September), none in 2024-Q2.
	if got := count("2024-Q2"); got != "0" {
		t.Errorf("2024-Q2 count = %s, want 0", got)
	}
	if got := count("2024-Q3"); got != "7" {
		t.Errorf("2024-Q3 count = %s, want 7", got)
	}
}

func TestGen_ChartsDirAndDebugLayout(t *testing.T) {
	dir := t.TempDir()
	charts := filepath.Join(dir, "charts")
	code, out, errs := run(t, nil, "gen", "--config", sample, "--as-of", "2025-11-26",
		"--out", filepath.Join(dir, "b.pdf"), "--charts-dir", charts, "--debug-layout")
	if code != exitOK {
		t.Fatalf("exit %d: %s%s", code, out, errs)
	}
	for _, id := range []string{"arms_trend_chart", "exercise_chart", "agreements_chart"} {
		pdf, err := os.ReadFile(filepath.Join(charts, id+".pdf"))
		if err != nil || !bytes.HasPrefix(pdf, []byte("%PDF-")) {
			t.Errorf("%s.pdf: %v", id, err)
		}
		png, err := os.ReadFile(filepath.Join(charts, id+".png"))
		if err != nil || !bytes.HasPrefix(png, []byte("\x89PNG")) {
			t.Errorf("%s.png: %v", id, err)
		}
	}
	plain := filepath.Join(dir, "plain.pdf")
	if code, _, errs := run(t, nil, "gen", "--config", sample, "--as-of", "2025-11-26", "--out", plain); code != exitOK {
		t.Fatal(errs)
	}
	a, _ := os.ReadFile(filepath.Join(dir, "b.pdf"))
	b, _ := os.ReadFile(plain)
	if bytes.Equal(a, b) {
		t.Error("--debug-layout changed nothing in the PDF")
	}
}

// TestGen_ManifestBesideThePDF: the manifest lists every file read, and the
// annex prints the manifest's SHA-256.
func TestGen_ManifestBesideThePDF(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "b.pdf")
	if code, out, errs := run(t, nil, "gen", "--config", sample, "--out", path, "--as-of", "2026-03-02"); code != exitOK {
		t.Fatalf("exit %d: %s%s", code, out, errs)
	}
	data, err := os.ReadFile(filepath.Join(dir, "b.manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Datasets []struct {
			Name  string
			Files []struct{ Path, SHA256 string }
		}
	}
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	files := 0
	for _, d := range m.Datasets {
		files += len(d.Files)
		for _, f := range d.Files {
			if len(f.SHA256) != 64 || f.Path == "" {
				t.Errorf("%s: %+v", d.Name, f)
			}
		}
	}
	if len(m.Datasets) != 5 || files != 5 {
		t.Errorf("%d datasets, %d files; want 5 and 5", len(m.Datasets), files)
	}
	sum := sha256.Sum256(data)
	b, err := briefing.Build(briefing.Options{Config: sample, Clock: period.FixedClock(time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)), CheckOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	annex := b.Doc.Sections[len(b.Doc.Sections)-1].Blocks[0].(layouts.Markdown).Text
	if !strings.Contains(annex, hex.EncodeToString(sum[:])) {
		t.Errorf("the annex does not print the manifest's SHA-256:\n%s", annex)
	}
}

func TestVersion_SaysTheRevision(t *testing.T) {
	got := vcsString([]debug.BuildSetting{{Key: "vcs.revision", Value: "0fad862d50b5fad8"}, {Key: "vcs.time", Value: "2026-12-04T22:35:12Z"}, {Key: "vcs.modified", Value: "true"}})
	if got != "revision 0fad862d50b5, 2026-12-04T22:35:12Z, modified" {
		t.Errorf("vcs %q", got)
	}
	if vcsString(nil) != "" {
		t.Error("a build without VCS stamps says a revision")
	}
}

// A dataset that cannot be read is the one problem reported: the texts
// whose templates use it fail with it, and the footnotes they define are
// not then reported as undefined where other texts use them.
func TestGen_MissingDataIsTheOneProblem(t *testing.T) {
	dir := t.TempDir()
	code, out, errs := run(t, []string{"SOURCE_DATE_EPOCH=1772409600"}, "gen", "--config", sample,
		"--out", filepath.Join(dir, "b.pdf"), "--set", "data.exercises.path="+filepath.Join(dir, "none.csv"))
	if code != exitInput || !strings.Contains(errs, "none.csv: no such file") || !strings.Contains(errs, "1 problem found") {
		t.Errorf("exit %d, want %d and one problem:\n%s%s", code, exitInput, out, errs)
	}
	if strings.Contains(errs, "footnote") {
		t.Errorf("a footnote reported undefined because its text failed:\n%s", errs)
	}
}
