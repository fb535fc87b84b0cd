package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeConfig writes body as b.yaml beside a small CSV and returns its path.
func writeConfig(t *testing.T, body string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "d.csv"), []byte("year,kind\n2020,a\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(dir, "b.yaml")
	if err := os.WriteFile(cfg, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return cfg
}

// loadErr loads body (see writeConfig) and returns the problems found, or
// "" when there are none.
func loadErr(t *testing.T, body string) string {
	t.Helper()
	if _, err := Load(writeConfig(t, body), Options{}); err != nil {
		return err.Error()
	}
	return ""
}

const appliesHead = "report: {title: T}\ndata:\n  d: {path: d.csv, time: year}\nanalyses:\n"
const appliesTail = "sections:\n  - title: S\n    blocks: [{text: x}]\n"

func TestLoad_ErrOptionsThatDoNotApply(t *testing.T) {
	tests := []struct {
		name, analyses string
		want           []string
	}{
		{"TopOnSeries", "  t: {kind: trend, dataset: d, series: [{label: A, where: {kind: a}}], top: 3}\n",
			[]string{"b.yaml:5:", "analyses.t.top", "`top` applies to `by` series; this trend has 1 series from `series`"}},
		{"LabelsWithoutBy", "  t: {kind: frequency, dataset: d, labels: {a: A}}\n",
			[]string{"analyses.t.labels", "`labels` rename the values of a `by` column; this frequency has one series of all rows"}},
		{"ValueOnCount", "  c: {kind: count, dataset: d, by: kind, value: amount}\n",
			[]string{"analyses.c.value", "`value` does not apply to a count analysis (it takes dataset, by, top, where, from, to, labels, time)"}},
		{"MovingAverageOnChanges", "  n: {kind: changes, dataset: d, moving_average: 3}\n",
			[]string{"analyses.n.moving_average", "does not apply to a changes analysis"}},
		{"FromOnCompare", "  t: {kind: trend, dataset: d}\n  c: {kind: compare, of: t, from: 2020, periods: [{label: a, from: 2020, to: 2020}]}\n",
			[]string{"analyses.c.from", "does not apply to a compare analysis (it takes of, periods)"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := loadErr(t, appliesHead+tc.analyses+appliesTail)
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("missing %q in:\n%s", w, got)
				}
			}
		})
	}
	if got := loadErr(t, appliesHead+"  c: {kind: count, dataset: d, by: kind, top: 2}\n"+appliesTail); got != "" {
		t.Errorf("top on a count is fine, got:\n%s", got)
	}
}

func TestLoad_ErrCompareChartsThatWouldAddPeriods(t *testing.T) {
	analyses := "  t: {kind: trend, dataset: d}\n  c: {kind: compare, of: t, periods: [{label: early, from: 2020, to: 2020}, {label: late, from: 2021, to: 2021}]}\ncharts:\n"
	tests := []struct {
		name, charts string
		want         []string
	}{
		{"DonutWithoutPeriod", "  x: {analysis: c, type: donut}\n", []string{"charts.x.type", "a donut of compare \"c\" would add its periods together: set period: to one of early, late"}},
		{"StackedWithoutPeriod", "  x: {analysis: c, type: stacked-bar}\n", []string{"charts.x.type", "a stacked-bar of compare"}},
		{"UnknownPeriod", "  x: {analysis: c, type: donut, period: lat}\n", []string{"charts.x.period", `compare "c" has no period "lat"; did you mean "late"?`}},
		{"AnnotationsOnCompare", "  x: {analysis: c, annotations: [{x: 2020, label: a}]}\n", []string{"charts.x.annotations", "\"c\" is a compare, which has none"}},
		{"AnnotationsOnDonut", "  x: {analysis: t, type: donut, annotations: [{x: 2020, label: a}]}\n", []string{"charts.x.annotations", "which a donut has not"}},
		{"PeriodOnTrend", "  x: {analysis: t, period: late}\n", []string{"charts.x.period", "`period` picks one period of a compare analysis; \"t\" is a trend"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := loadErr(t, appliesHead+analyses+tc.charts+appliesTail)
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("missing %q in:\n%s", w, got)
				}
			}
		})
	}
	if got := loadErr(t, appliesHead+analyses+"  x: {analysis: c, type: donut, period: late}\n"+appliesTail); got != "" {
		t.Errorf("a donut of one period is fine, got:\n%s", got)
	}
}

// mustLoadText loads body (see writeConfig).
func mustLoadText(t *testing.T, body string) *Config {
	t.Helper()
	return mustLoad(t, writeConfig(t, body), Options{})
}

// The font files are checked side by side, but their problems come out in
// the order of the config: regular, bold, …, fallbacks, then what follows.
func TestLoad_FontProblemsInTheConfigsOrder(t *testing.T) {
	dir := t.TempDir()
	notFont := filepath.Join(dir, "notes.ttf")
	if err := os.WriteFile(notFont, []byte("not a font"), 0o644); err != nil {
		t.Fatal(err)
	}
	body := "report: {title: T}\nbrand:\n  fonts:\n    regular: " + notFont + "\n    bold: " + filepath.Join(dir, "missing.ttf") +
		"\n    fallback: [" + notFont + "]\ndata:\n  d: {path: d.csv, time: year}\nanalyses:\n  a: {kind: nosuchkind, dataset: d}\n" + appliesTail
	for range 20 { // the goroutines finish in any order
		msg := loadErr(t, body)
		at := []int{strings.Index(msg, "brand.fonts.regular"), strings.Index(msg, "brand.fonts.bold"),
			strings.Index(msg, "brand.fonts.fallback[0]"), strings.Index(msg, "analyses.a")}
		for i, k := range at {
			if k < 0 || i > 0 && k < at[i-1] {
				t.Fatalf("problems out of order (%v):\n%s", at, msg)
			}
		}
	}
}
