package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func mustLoad(tb testing.TB, file string, opts Options) *Config {
	tb.Helper()
	c, err := Load(file, opts)
	if err != nil {
		tb.Fatalf("Load(%s): %v", file, err)
	}
	return c
}

func TestLoad_OK(t *testing.T) {
	c := mustLoad(t, "testdata/ok/briefing.yaml", Options{})
	if c.Report.Title != "Test briefing" || c.Report.Period != "2025-Q3" || c.Report.PageSize != "A4" {
		t.Errorf("report = %+v", c.Report)
	}
	abs, _ := filepath.Abs("testdata/ok/data.csv")
	if got := c.Data["events"].Path; got != filepath.Join("testdata/ok", "data.csv") && got != abs {
		t.Errorf("data path %q not resolved against the config folder", got)
	}
	if got := c.Data["events"].Time.Column; got != "year" {
		t.Errorf("time column = %q", got)
	}
	w := c.Analyses["per_year"].Where
	if len(w.Clauses) != 1 || w.Clauses[0].Column != "kind" || strings.Join(w.Clauses[0].Values, ",") != "a,b" {
		t.Errorf("where = %+v", w)
	}
	blocks := c.Sections[0].Blocks
	if len(blocks) != 4 || blocks[0].Markdown != "Inline *text*." || blocks[1].Chart != "per_year_chart" ||
		blocks[2].Analysis != "per_year" || blocks[3].Dataset != "events" || len(blocks[3].Columns) != 2 {
		t.Errorf("blocks = %+v", blocks)
	}
}

func TestLoad_ErrThreeMistakesAllReportedWithLines(t *testing.T) {
	_, err := Load("testdata/three-mistakes/briefing.yaml", Options{})
	var ps Problems
	if !errors.As(err, &ps) {
		t.Fatalf("want Problems, got %v", err)
	}
	want := []struct {
		line int
		text string
	}{
		{10, `unknown analysis kind "trnd"; did you mean "trend"?`},
		{14, `unknown analysis "per_yaer"; did you mean "per_year"?`},
		{16, `unknown key "colour"`},
	}
	got := ps.Error()
	for _, w := range want {
		found := false
		for _, p := range ps {
			if p.Line == w.line && strings.Contains(p.Msg, w.text) {
				found = true
			}
		}
		if !found {
			t.Errorf("missing problem at line %d %q in:\n%s", w.line, w.text, got)
		}
	}
}

func TestLoad_Overlays(t *testing.T) {
	tests := []struct {
		name string
		opts Options
		want string
	}{
		{"File", Options{}, "2025-Q3"},
		{"Env", Options{Env: []string{"REPORT_REPORT_PERIOD=2024-Q1"}}, "2024-Q1"},
		{"SetBeatsEnv", Options{Env: []string{"REPORT_REPORT_PERIOD=2024-Q1"}, Sets: []string{"report.period=2023-Q2"}}, "2023-Q2"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := mustLoad(t, "testdata/ok/briefing.yaml", tc.opts)
			if c.Report.Period != tc.want {
				t.Errorf("period = %q, want %q", c.Report.Period, tc.want)
			}
		})
	}
}

func TestLoad_Errors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name, file, want string
		line             int
	}{
		{"ErrEmpty", write("empty.yaml", "\n"), "empty config file", 1},
		{"ErrSyntax", write("bad.yaml", "report:\n  title: x\n   bad: y\n"), "syntax error", 3},
		{"ErrFolder", dir, "is a folder", 0},
		{"ErrMissing", filepath.Join(dir, "none.yaml"), "cannot read", 0},
		{"ErrExtension", write("c.ini", "x=1"), "unknown config file type", 0},
		{"ErrColour", write("col.yaml", "report: {title: T}\nbrand:\n  primary_color: blue\n"), `"blue" is not a colour`, 3},
		{"ErrPeriod", write("per.yaml", "report:\n  title: T\n  period: 2025-Q5\n"), "not a period", 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Load(tc.file, Options{})
			var ps Problems
			if !errors.As(err, &ps) {
				t.Fatalf("want Problems, got %v", err)
			}
			for _, p := range ps {
				if strings.Contains(p.Msg, tc.want) {
					if p.Line != tc.line {
						t.Errorf("line = %d, want %d (%s)", p.Line, tc.line, p.Error())
					}
					return
				}
			}
			t.Errorf("no problem %q in:\n%s", tc.want, ps.Error())
		})
	}
}

func TestLoad_JSONAndTOML(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "d.csv"), []byte("year\n2020\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"b.json": `{"report": {"title": "J", "period": "2025-Q1"}, "data": {"d": {"path": "d.csv", "time": "year"}},
 "sections": [{"title": "S", "blocks": [{"text": "Hi"}]}]}`,
		"b.toml": "[report]\ntitle = \"J\"\nperiod = \"2025-Q1\"\n[data.d]\npath = \"d.csv\"\ntime = \"year\"\n[[sections]]\ntitle = \"S\"\n[[sections.blocks]]\ntext = \"Hi\"\n",
	}
	for name, body := range files {
		t.Run(name, func(t *testing.T) {
			p := filepath.Join(dir, name)
			if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
			c := mustLoad(t, p, Options{})
			if c.Report.Title != "J" || c.Sections[0].Blocks[0].Markdown != "Hi" || c.Data["d"].Time.Column != "year" {
				t.Errorf("decoded %+v", c)
			}
		})
	}
}

func TestLoad_ErrChartMeasure(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "d.csv"), []byte("year\n2020\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(dir, "b.yaml")
	body := "report: {title: T}\ndata:\n  d: {path: d.csv, time: year}\nanalyses:\n  t: {kind: trend, dataset: d}\n" +
		"  c: {kind: compare, of: t, periods: [{label: a, from: 2020, to: 2020}]}\ncharts:\n" +
		"  x: {analysis: c, measure: totl}\n  y: {analysis: t, measure: total}\nsections:\n  - title: S\n    blocks: [{chart: x}, {chart: y}]\n"
	if err := os.WriteFile(cfg, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Load(cfg, Options{})
	got := err.Error()
	for _, want := range []string{`b.yaml:8:`, `unknown measure "totl"; did you mean "total"?`, `b.yaml:9:`, `measure applies to charts of a compare analysis`} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
}

func TestProblems_UniqueAndHas(t *testing.T) {
	a := Problem{File: "b.yaml", Line: 3, Path: "charts.x", Msg: "no data"}
	b := Problem{File: "b.yaml", Line: 4, Path: "charts.x", Msg: "no data"}
	w := a
	w.Warning = true
	ps := Problems{a, b, a, w, b}
	if got := ps.Unique(); len(got) != 3 || got[0] != a || got[1] != b || got[2] != w {
		t.Errorf("Unique: %v", got)
	}
	if !ps.Has(w) || (Problems{a}).Has(b) {
		t.Error("Has says a different place, or a warning, is the same problem")
	}
}

func TestConfig_Rel(t *testing.T) {
	c := &Config{Dir: filepath.FromSlash("/x/briefing")}
	for path, want := range map[string]string{
		"/x/briefing/data/a.csv": "data/a.csv",
		"/x/other/b.csv":         "/x/other/b.csv",
	} {
		if got := filepath.ToSlash(c.Rel(filepath.FromSlash(path))); got != want {
			t.Errorf("Rel(%s) = %s, want %s", path, got, want)
		}
	}
}

func TestConfig_InputsListsWhatIsRead(t *testing.T) {
	c, err := Load("../testdata/russia-china/briefing.yaml", Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(c.Inputs(), "\n")
	for _, want := range []string{"briefing.yaml", "trade-register-generated-2026-02-12.csv", "trade-register-generated-2025-01-03.csv",
		"exercises.csv", "narrative/security.md"} {
		if !strings.Contains(got, want) {
			t.Errorf("inputs lack %s:\n%s", want, got)
		}
	}
}

// BenchmarkLoad_Sample loads the sample briefing's config: parsed, decoded
// into its types and checked, on the one core a run gives it.
func BenchmarkLoad_Sample(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load("../testdata/russia-china/briefing.yaml", Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
