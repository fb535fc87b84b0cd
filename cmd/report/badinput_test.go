package main

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
)

// badBase is a small briefing that builds; each bad input below changes
// one thing in it. Line numbers in the cases refer to this text.
var badBase = map[string]string{
	"briefing.yaml": `report:
  title: "Bad input test"
  period: 2025-Q3
  draft: false
  page_size: A4
brand:
  organization: "Org"
  primary_color: "#0B3D5C"
data:
  events:
    path: events.csv
    time: year
  deals:
    path: deals.csv
    time: {date: date}
analyses:
  per_year:
    kind: trend
    dataset: events
    value: amount
    series:
      - {label: "Alpha", where: {kind: alpha}}
      - {label: "Beta", where: {kind: beta}}
    moving_average: 2
  by_kind:
    kind: count
    dataset: events
    by: kind
  eras:
    kind: compare
    of: per_year
    periods:
      - {label: early, from: 2018, to: 2020}
      - {label: late, from: 2021, to: 2024}
  news:
    kind: changes
    dataset: deals
    empty: "Nothing new."
charts:
  trend_chart:
    analysis: per_year
    type: line
    title: "Per year"
    height: 60
sections:
  - title: Summary
    blocks:
      - text: summary.md
      - chart: trend_chart
      - table: eras
      - table: {dataset: events, columns: [year, kind, amount]}
`,
	"events.csv": "year,kind,amount\n2018,alpha,10\n2019,beta,5\n2020,alpha,7.5\n2021,beta,3\n2022,alpha,12\n2023,beta,4\n2024,alpha,9\n",
	"deals.csv":  "date,name\n2025-02-01,First\n2025-08-15,Second\n",
	"summary.md": "# Overview\n\nAlpha reached {{ value \"per_year\" \"Alpha\" 2024 | num }} in 2024[^src].\n\n[^src]: Test data.\n",
}

// edit changes the project in dir.
type edit func(t *testing.T, dir string)

// replace replaces old (which must occur once) in a file with new.
func replace(file, old, new string) edit {
	return func(t *testing.T, dir string) {
		t.Helper()
		p := filepath.Join(dir, file)
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(string(data), old); n != 1 {
			t.Fatalf("%s: %q occurs %d times, want once", file, old, n)
		}
		writeFile(t, p, strings.Replace(string(data), old, new, 1))
	}
}

// put writes a file, replacing what is there.
func put(file, body string) edit {
	return func(t *testing.T, dir string) { t.Helper(); writeFile(t, filepath.Join(dir, file), body) }
}

// putBytes writes a file with binary content.
func putBytes(file string, body []byte) edit {
	return func(t *testing.T, dir string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, file), body, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// remove deletes a file.
func remove(file string) edit {
	return func(t *testing.T, dir string) {
		t.Helper()
		if err := os.Remove(filepath.Join(dir, file)); err != nil {
			t.Fatal(err)
		}
	}
}

// mkdir makes a folder.
func mkdir(name string) edit {
	return func(t *testing.T, dir string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Join(dir, name), 0o755); err != nil {
			t.Fatal(err)
		}
	}
}

func edits(es ...edit) edit {
	return func(t *testing.T, dir string) {
		t.Helper()
		for _, e := range es {
			e(t, dir)
		}
	}
}

func writeFile(tb testing.TB, path, body string) {
	tb.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		tb.Fatal(err)
	}
}

// manyRows is events.csv with n rows, each of its own kind.
func manyRows(n int) string {
	var b strings.Builder
	b.WriteString("year,kind,amount\n")
	for i := range n {
		kind := fmt.Sprintf("k%d", i)
		switch i % 10 {
		case 0:
			kind = "alpha"
		case 1:
			kind = "beta"
		}
		fmt.Fprintf(&b, "%d,%s,%d\n", 2018+i%7, kind, i%10)
	}
	return b.String()
}

// pngHeader is a 1×1 PNG whose header claims w × h pixels: its IHDR chunk
// is rewritten with a valid checksum, so that a reader trusting the header
// would try to decode an image of that size.
func pngHeader(tb testing.TB, w, h uint32) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, 1, 1))); err != nil {
		tb.Fatal(err)
	}
	b := buf.Bytes()
	// signature (8), length (4), "IHDR" (4), width (4), height (4) ...
	binary.BigEndian.PutUint32(b[16:], w)
	binary.BigEndian.PutUint32(b[20:], h)
	binary.BigEndian.PutUint32(b[29:], crc32.ChecksumIEEE(b[12:29]))
	return b
}

var (
	goodPDFOnce sync.Once
	goodPDF     []byte
	goodPDFErr  string
)

// mustGoodPDF builds the base project once: the bytes a failed run must
// leave at the output path.
func mustGoodPDF(t *testing.T) []byte {
	t.Helper()
	goodPDFOnce.Do(func() {
		dir := t.TempDir()
		writeProject(t, dir)
		out := filepath.Join(dir, "out", "briefing.pdf")
		code, stdout, stderr := run(t, nil, "gen", "--config", filepath.Join(dir, "briefing.yaml"), "--out", out)
		if code != exitOK {
			goodPDFErr = stdout + stderr
			return
		}
		goodPDF, _ = os.ReadFile(out)
	})
	if goodPDF == nil {
		t.Fatalf("the base project does not build: %s", goodPDFErr)
	}
	return goodPDF
}

func writeProject(tb testing.TB, dir string) {
	for name, body := range badBase {
		writeFile(tb, filepath.Join(dir, name), body)
	}
}

// tree lists every file under dir with its bytes.
func tree(tb testing.TB, dir string) map[string]string {
	tb.Helper()
	out := map[string]string{}
	_ = filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err != nil || p == dir {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		if fi.IsDir() {
			out[rel+"/"] = ""
			return nil
		}
		data, _ := os.ReadFile(p)
		out[rel] = string(data)
		return nil
	})
	return out
}

func TestGen_BadInput(t *testing.T) {
	good := mustGoodPDF(t)
	tests := []struct {
		name string
		edit edit
		// args replace the default command line; CONFIG, OUT and DIR stand
		// for the config path, the output path and the project folder.
		args []string
		code int
		want []string // substrings of stderr: the place and what is wrong
	}{
		// The config file.
		{name: "ErrConfigSyntaxUnclosedQuote", edit: replace("briefing.yaml", `title: "Bad input test"`, `title: "Bad input test`),
			code: 1, want: []string{"briefing.yaml:2:", "syntax error", `unclosed quote (")`}},
		{name: "ErrConfigSyntaxIndent", edit: replace("briefing.yaml", "  period: 2025-Q3", "   period: 2025-Q3"),
			code: 1, want: []string{"briefing.yaml:3", "syntax error"}},
		{name: "ErrConfigTab", edit: replace("briefing.yaml", "    height: 60", "\theight: 60"),
			code: 1, want: []string{"briefing.yaml:44", "tabs"}},
		{name: "ErrUnknownKey", edit: replace("briefing.yaml", "draft: false", "draf: false"),
			code: 1, want: []string{"briefing.yaml:4:3", "report.draf", `unknown key "draf"; did you mean "draft"?`}},
		{name: "ErrUnknownNestedKey", edit: replace("briefing.yaml", `title: "Per year"`, `titel: "Per year"`),
			code: 1, want: []string{"briefing.yaml:43:5", "charts.trend_chart.titel", `did you mean "title"?`}},
		{name: "ErrTopMany", edit: replace("briefing.yaml", "    by: kind\n", "    by: kind\n    top: many\n"),
			code: 1, want: []string{"briefing.yaml:29:5", "analyses.by_kind.top", `expected a whole number, found "many"`}},
		{name: "ErrHeightTall", edit: replace("briefing.yaml", "height: 60", "height: tall"),
			code: 1, want: []string{"briefing.yaml:44:5", "charts.trend_chart.height", `expected a number, found "tall"`}},
		{name: "ErrDraftMaybe", edit: replace("briefing.yaml", "draft: false", "draft: maybe"),
			code: 1, want: []string{"briefing.yaml:4:3", "report.draft", `expected true or false, found "maybe"`}},
		{name: "ErrBadColour", edit: replace("briefing.yaml", `"#0B3D5C"`, "navy"),
			code: 1, want: []string{"briefing.yaml:8:3", "brand.primary_color", `"navy" is not a colour, expected #RRGGBB`}},
		{name: "ErrTooManyFallbackFonts", edit: replace("briefing.yaml", `  primary_color: "#0B3D5C"`, "  primary_color: \"#0B3D5C\"\n  fonts: {fallback: [a.ttf, b.ttf, c.ttf, d.ttf]}"),
			code: 1, want: []string{"brand.fonts.fallback", "4 fonts; at most 3", "brand.fonts.fallback[0]"}},
		{name: "ErrColourUnquoted", edit: replace("briefing.yaml", `primary_color: "#0B3D5C"`, `primary_color: #0B3D5C`),
			code: 1, want: []string{"briefing.yaml:8:3", "YAML reads # as the start of a comment", `"#0B3D5C"`}},
		{name: "ErrBadPeriod", edit: replace("briefing.yaml", "2025-Q3", "2025-Q5"),
			code: 1, want: []string{"briefing.yaml:3:3", "report.period", `"2025-Q5" is not a period`}},
		{name: "ErrNegativeMovingAverage", edit: replace("briefing.yaml", "moving_average: 2", "moving_average: -1"),
			code: 1, want: []string{"briefing.yaml:24:5", "analyses.per_year.moving_average", "found -1"}},
		{name: "ErrAbsurdHeight", edit: replace("briefing.yaml", "height: 60", "height: 5000"),
			code: 1, want: []string{"briefing.yaml:44:5", "charts.trend_chart.height", "between 20 and 250, found 5000"}},
		{name: "ErrNegativeSkip", edit: replace("briefing.yaml", "    path: events.csv\n", "    path: events.csv\n    skip: -2\n"),
			code: 1, want: []string{"briefing.yaml:12:5", "data.events.skip", "found -2"}},
		{name: "ErrAbsurdDecimals", edit: replace("briefing.yaml", "- table: eras", "- {table: eras, decimals: 400}"),
			code: 1, want: []string{"briefing.yaml:50:", "sections[0].blocks[2].decimals", "found 400"}},
		{name: "ErrTwoKindsInOneBlock", edit: replace("briefing.yaml", "- table: eras", "- {table: eras, chart: trend_chart}"),
			code: 1, want: []string{"briefing.yaml:50:", "sections[0].blocks[2]", "found chart and table"}},
		{name: "ErrSeriesLabelTwice", edit: replace("briefing.yaml", `label: "Beta"`, `label: "Alpha"`),
			code: 1, want: []string{"briefing.yaml:23:", "analyses.per_year.series[1].label", `"Alpha" is already the label of series[0]`}},
		{name: "ErrChartShownTwice", edit: replace("briefing.yaml", "      - table: eras\n", "      - chart: trend_chart\n"),
			code: 1, want: []string{"briefing.yaml:50:9", `chart "trend_chart" is already shown by sections[0].blocks[1]`}},
		{name: "ErrEmptyConfig", edit: put("briefing.yaml", ""),
			code: 1, want: []string{"briefing.yaml:1", "empty config file"}},
		{name: "ErrConfigIsFolder", args: []string{"gen", "--config", "DIR", "--out", "OUT"},
			code: 1, want: []string{"is a folder, expected a config file"}},
		{name: "ErrConfigMissing", args: []string{"gen", "--config", "DIR/nothing.yaml", "--out", "OUT"},
			code: 1, want: []string{"nothing.yaml", "cannot read the config file: no such file or directory"}},
		{name: "ErrConfigNotText", edit: putBytes("briefing.yaml", []byte("report:\x00\xff\xfe")),
			code: 1, want: []string{"briefing.yaml:1:8", "is not text in UTF-8"}},
		{name: "ErrJSONSyntax", edit: put("b.json", "{\n  \"report\": {\n    \"title\": \"x\",\n  }\n}\n"),
			args: []string{"gen", "--config", "DIR/b.json", "--out", "OUT"},
			code: 1, want: []string{"b.json:4:3", "syntax error", "invalid character '}'"}},
		{name: "ErrJSONUnknownKey", edit: put("b.json", "{\n  \"report\": {\n    \"titel\": \"x\"\n  }\n}\n"),
			args: []string{"gen", "--config", "DIR/b.json", "--out", "OUT"},
			code: 1, want: []string{"b.json:3:5", `unknown key "titel"; did you mean "title"?`}},
		{name: "ErrTOMLSyntax", edit: put("b.toml", "[report]\ntitle = \"x\nperiod = \"2025-Q3\"\n"),
			args: []string{"gen", "--config", "DIR/b.toml", "--out", "OUT"},
			code: 1, want: []string{"b.toml:2:", "syntax error"}},
		{name: "ErrTOMLUnknownKeyAndType", edit: put("b.toml", "[report]\ntitle = \"x\"\ndraft = \"maybe\"\n\n[charts.c]\nanalysis = \"a\"\nheigth = 50\n"),
			args: []string{"gen", "--config", "DIR/b.toml", "--out", "OUT"},
			code: 1, want: []string{"b.toml:3:1: report.draft: expected true or false", `b.toml:7:1: charts.c.heigth: unknown key "heigth"; did you mean "height"?`}},
		{name: "ErrThreeMistakesAllReported", edit: edits(replace("briefing.yaml", "draft: false", "draf: false"),
			replace("briefing.yaml", "kind: trend", "kind: trnd"), replace("briefing.yaml", "height: 60", "height: tall")),
			code: 1, want: []string{"briefing.yaml:4:3: report.draf", `briefing.yaml:18:5: analyses.per_year.kind: unknown analysis kind "trnd"; did you mean "trend"?`,
				"briefing.yaml:44:5: charts.trend_chart.height", "3 problems found"}},
		{name: "ErrDuplicateKey", edit: replace("briefing.yaml", "    height: 60\n", "    height: 60\n    height: 70\n"),
			code: 1, want: []string{"briefing.yaml:45:5", `duplicate key "height": already set on line 44`}},
		{name: "ErrAliasLoop", edit: replace("briefing.yaml", "charts:\n", "x: &loop [*loop]\ncharts:\n"),
			code: 1, want: []string{"briefing.yaml:39:", "refers to a value that contains it"}},
		{name: "ErrDataIsAList", edit: replace("briefing.yaml", "data:\n", "data: [events]\nold_data:\n"),
			code: 1, want: []string{"briefing.yaml:9:7: data: expected a map of names to entries, found a list"}},
		{name: "ErrSetBadValue", args: []string{"gen", "--config", "CONFIG", "--out", "OUT", "--set", "report.draft=maybe"},
			code: 1, want: []string{"--set report.draft=maybe", `expected true or false, found "maybe"`}},
		{name: "ErrSetUnknownKey", args: []string{"gen", "--config", "CONFIG", "--out", "OUT", "--set", "report.titel=x"},
			code: 1, want: []string{"--set report.titel=x", `did you mean "report.title"?`}},
		{name: "ErrEnvBadValue", args: []string{"gen", "--config", "CONFIG", "--out", "OUT", "ENV=REPORT_REPORT_PAGE_SIZE=A5"},
			code: 1, want: []string{"environment REPORT_REPORT_PAGE_SIZE", `unknown page size "A5"`}},
		{name: "ErrOutputTemplateInConfig", edit: replace("briefing.yaml", "  page_size: A4\n", "  page_size: A4\n  output: \"{{ .Perio }}.pdf\"\n"),
			args: []string{"gen", "--config", "CONFIG"},
			code: 1, want: []string{"briefing.yaml:6:3", "report.output", "unknown field .Perio"}},

		// The command line.
		{name: "ErrOutFlagTemplate", args: []string{"gen", "--config", "CONFIG", "--out", "DIR/{{ .Perio }}.pdf"},
			code: 2, want: []string{"--out", "unknown field .Perio", "{{ .Period }}"}},
		{name: "ErrPeriodFlag", args: []string{"gen", "--config", "CONFIG", "--out", "OUT", "--period", "2025-Q9"},
			code: 2, want: []string{"--period", `"2025-Q9" is not a period`}},

		// Data.
		{name: "ErrDataMissing", edit: remove("events.csv"),
			code: 1, want: []string{"briefing.yaml:11:5", "data.events.path", "events.csv: no such file"}},
		{name: "ErrDataEmpty", edit: put("events.csv", ""),
			code: 1, want: []string{"events.csv:1", "empty file"}},
		{name: "ErrDataBinary", edit: putBytes("events.csv", []byte("year,kind,amount\n\x00\x01\x02\xff\xfe garbage\n")),
			code: 1, want: []string{"events.csv:2", "NUL byte"}},
		{name: "ErrDataUnbalancedQuote", edit: replace("events.csv", "2019,beta,5", `2019,"beta,5`),
			code: 1, want: []string{"events.csv:3", "unbalanced quote"}},
		{name: "ErrDataRaggedRow", edit: replace("events.csv", "2019,beta,5", "2019,beta,5,7"),
			code: 1, want: []string{"events.csv:3:4", "expected 3 fields, found 4"}},
		{name: "ErrDataBadNumber", edit: replace("events.csv", "2019,beta,5", "2019,beta,five"),
			code: 1, want: []string{"events.csv:3:3", `column "amount"`, `not a number: "five"`}},
		{name: "ErrDataBadDate", edit: replace("deals.csv", "2025-08-15", "2025-13-45"),
			code: 1, want: []string{"deals.csv:3:1", `column "date"`, `"2025-13-45"`}},
		{name: "ErrDataHeaderOnly", edit: put("events.csv", "year,kind,amount\n"),
			code: 1, want: []string{"briefing.yaml:22:", `dataset "events" has no rows`}},
		{name: "ErrFilterMatchesNothing", edit: replace("briefing.yaml", "kind: alpha}", "kind: alfa}"),
			code: 1, want: []string{"briefing.yaml:22:", "analyses.per_year.series[0].where", `kind has no value "alfa"; did you mean "alpha"?`}},
		{name: "ErrUnknownValueColumn", edit: replace("briefing.yaml", "value: amount", "value: amunt"),
			code: 1, want: []string{"briefing.yaml:20:5", "analyses.per_year.value", `unknown column "amunt"; did you mean "amount"?`}},
		{name: "ErrUnknownFilterColumn", edit: replace("briefing.yaml", "where: {kind: beta}", "where: {knd: beta}"),
			code: 1, want: []string{"briefing.yaml:23:", "analyses.per_year.series[1].where.knd", `unknown column "knd"; did you mean "kind"?`}},
		{name: "ErrAmbiguousColumn", edit: put("events.csv", "year,kind,amount,Kind\n2018,alpha,10,x\n2019,beta,5,y\n"),
			code: 1, want: []string{"briefing.yaml:28:5: analyses.by_kind.by", `column "kind" is ambiguous: the header has "kind" (column 2) and "Kind" (column 4)`}},
		{name: "ErrUnknownTableColumn", edit: replace("briefing.yaml", "columns: [year, kind, amount]", "columns: [year, knd, amount]"),
			code: 1, want: []string{"briefing.yaml:51:", "sections[0].blocks[3].table.columns", `unknown column "knd"; did you mean "kind"?`}},
		{name: "ErrUnknownAnalysisKind", edit: replace("briefing.yaml", "kind: trend", "kind: trnd"),
			code: 1, want: []string{"briefing.yaml:18:5", `unknown analysis kind "trnd"; did you mean "trend"?`}},
		{name: "ErrUnknownAnalysisReference", edit: replace("briefing.yaml", "of: per_year", "of: per_yaer"),
			code: 1, want: []string{"briefing.yaml:31:5", "analyses.eras.of", `unknown analysis "per_yaer"; did you mean "per_year"?`}},
		{name: "ErrUnknownChartReference", edit: replace("briefing.yaml", "- chart: trend_chart", "- chart: trend_chrt"),
			code: 1, want: []string{"briefing.yaml:49:", `unknown chart "trend_chrt"; did you mean "trend_chart"?`}},
		{name: "ErrUnknownDatasetReference", edit: replace("briefing.yaml", "dataset: deals", "dataset: deal"),
			code: 1, want: []string{"briefing.yaml:37:5", "analyses.news.dataset", `unknown dataset "deal"; did you mean "deals"?`}},
		{name: "ErrUnknownSeriesInTemplate", edit: replace("summary.md", `"Alpha" 2024`, `"Alpa" 2024`),
			code: 1, want: []string{"summary.md:3:", `analysis "per_year" has no series "Alpa"; did you mean "Alpha"?`}},
		{name: "ErrQuarterOnYearOnlyData", edit: replace("briefing.yaml", "    moving_average: 2\n", "    moving_average: 2\n    interval: quarter\n"),
			code: 1, want: []string{"briefing.yaml:25:5", "analyses.per_year.interval", "finer than the data's time"}},
		{name: "ErrTrendWithoutTime", edit: replace("briefing.yaml", "    time: year\n", ""),
			code: 1, want: []string{"briefing.yaml:16:3", "a trend needs time: set data.events.time"}},
		{name: "ErrTooManyRowsAndCategories", edit: put("events.csv", manyRows(14_000)),
			code: 1, want: []string{"briefing.yaml:28:5: analyses.by_kind.by", "more than 10,000 different values",
				"briefing.yaml:51:", "the table would list 14,000 rows", "at most 5,000"}},
		{name: "ErrFromAfterThePeriod", edit: replace("briefing.yaml", "    moving_average: 2\n", "    moving_average: 2\n    from: 2100\n"),
			code: 1, want: []string{"briefing.yaml:25:5", "analyses.per_year.from", "from 2100 is after 2025, the year that holds the end of the report period 2025-Q3"}},

		{name: "ErrTemplateInChartTitle", edit: replace("briefing.yaml", `title: "Per year"`, `title: "Per year to {{ (last \"per_yer\" \"Alpha\").Time }}"`),
			code: 1, want: []string{"briefing.yaml:43:5", "charts.trend_chart.title", `unknown analysis "per_yer"; did you mean "per_year"?`}},
		{name: "ErrTemplateInTableTitle", edit: replace("briefing.yaml", "      - table: eras\n", "      - table: eras\n        title: \"Eras {{ .Perod }}\"\n"),
			code: 1, want: []string{"briefing.yaml:", "sections[0].blocks[2].title", "Perod"}},

		{name: "ErrDataAndTemplateTogether", edit: edits(replace("deals.csv", "2025-08-15", "2025-08-99"), replace("summary.md", `"Alpha" 2024`, `"Alpa" 2024`)),
			code: 1, want: []string{"deals.csv:3:", "2025-08-99", "summary.md:3:", `no series "Alpa"; did you mean "Alpha"?`, "2 problems found"}},
		{name: "ErrEveryTemplateErrorOfAFile", edit: put("summary.md", "# Overview\n\nAlpha {{ value \"per_yer\" \"Alpha\" 2024 }}.\n\nBeta {{ total \"per_year\" \"Beat\" }}.\n"),
			code: 1, want: []string{"summary.md:3:", `unknown analysis "per_yer"`, "summary.md:5:", `no series "Beat"; did you mean "Beta"?`, "2 problems found"}},
		{name: "ErrConfigDataAndTemplateTogether", edit: edits(replace("briefing.yaml", "type: line", "type: lnie"), replace("deals.csv", "2025-08-15", "2025-08-99"), replace("summary.md", `"Alpha" 2024`, `"Alpa" 2024`)),
			code: 1, want: []string{"charts.trend_chart.type", `unknown chart type "lnie"; did you mean "line"?`, "deals.csv:3:", "2025-08-99", "summary.md:3:", `no series "Alpa"`, "3 problems found"}},
		{name: "ErrConfigHidesWhatDependsOnIt", edit: edits(replace("briefing.yaml", "value: amount", "value: amount\n    missing: sometimes"), replace("summary.md", "in 2024", "in {{ .Perod }}")),
			code: 1, want: []string{"analyses.per_year.missing", `expected zero or gap, found "sometimes"`, "summary.md:3:", "unknown field .Perod", "2 problems found"}},
		{name: "ErrStoppedScanSaidOnce", edit: replace("briefing.yaml", "value: amount", "value: amunt"),
			code: 1, want: []string{"analyses.per_year.value", `unknown column "amunt"`, "report: 1 problem found"}},
		{name: "ErrFailedDataHidesNoTemplateButItsOwn", edit: edits(put("events.csv", "year,kind,amount\n2018,alpha,ten\n"), replace("summary.md", "in 2024", "in {{ .Perod }}")),
			code: 1, want: []string{"events.csv:2:", `not a number: "ten"`, "summary.md:3:", "unknown field .Perod"}},

		// Narrative.
		{name: "ErrMarkdownMissing", edit: remove("summary.md"),
			code: 1, want: []string{"briefing.yaml:48:", "sections[0].blocks[0].text", "summary.md: no such file"}},
		{name: "ErrTemplateParse", edit: put("summary.md", "ok\n\nline {{ value \"per_year\"\n"),
			code: 1, want: []string{"summary.md:3", "unclosed action"}},
		{name: "ErrTemplateNoEnd", edit: put("summary.md", "ok\n\n{{ if true }} x\n"),
			code: 1, want: []string{"summary.md:", "has no {{ end }}"}},
		{name: "ErrTemplateUnknownFunction", edit: put("summary.md", "ok\n\n{{ valeu 1 }}\n"),
			code: 1, want: []string{"summary.md:3", `unknown function "valeu"; did you mean "value"?`}},
		{name: "ErrTemplateUnknownField", edit: put("summary.md", "ok\n{{ .Perod }}\n"),
			code: 1, want: []string{"summary.md:2:", "unknown field .Perod; did you mean .Period?"}},
		{name: "ErrTemplateInlineBlock", edit: replace("briefing.yaml", "      - table: eras\n", "      - table: eras\n      - text: |\n          Hello\n          {{ total \"per_yer\" \"Alpha\" }}\n"),
			code: 1, want: []string{"briefing.yaml:53:", `unknown analysis "per_yer"; did you mean "per_year"?`}},
		{name: "ErrTemplateHugeRange", edit: put("summary.md", "{{ range 100000000 }}x{{ end }}\n"),
			code: 1, want: []string{"summary.md:1", "a range may count to at most"}},
		{name: "ErrUndefinedFootnote", edit: put("summary.md", "One[^scr].\n\nTwo[^src].\n\n[^src]: Test data.\n"),
			code: 1, want: []string{"summary.md:1", "footnote [^scr] has no definition", "did you mean [^src]?"}},
		{name: "ErrFootnoteTwoTexts", edit: replace("briefing.yaml", "      - table: eras\n", "      - table: eras\n      - text: \"Again[^src]\\n\\n[^src]: Other data.\"\n"),
			code: 1, want: []string{"briefing.yaml:54", "footnote [^src] has two different texts", "summary.md, line 5"}},

		// Images and fonts.
		{name: "ErrLogoMissing", edit: replace("briefing.yaml", "  organization: \"Org\"\n", "  organization: \"Org\"\n  logo: logo.png\n"),
			code: 1, want: []string{"briefing.yaml:8:3", "brand.logo", "logo.png: no such file"}},
		{name: "ErrLogoNotAnImage", edit: edits(put("logo.png", "<svg xmlns='http://www.w3.org/2000/svg'/>"),
			replace("briefing.yaml", "  organization: \"Org\"\n", "  organization: \"Org\"\n  logo: logo.png\n")),
			code: 1, want: []string{"briefing.yaml:8:3", "brand.logo", "is not a PNG or JPEG image (it looks like SVG"}},
		{name: "ErrLogoTooLarge", edit: edits(putBytes("logo.png", pngHeader(t, 100000, 100000)),
			replace("briefing.yaml", "  organization: \"Org\"\n", "  organization: \"Org\"\n  logo: logo.png\n")),
			code: 1, want: []string{"briefing.yaml:8:3", "brand.logo", "100000 × 100000 pixels", "at most 25 million pixels"}},
		{name: "ErrFontNotTrueType", edit: edits(put("font.ttf", "not a font"),
			replace("briefing.yaml", "  organization: \"Org\"\n", "  organization: \"Org\"\n  fonts: {regular: font.ttf}\n")),
			code: 1, want: []string{"briefing.yaml:8:", "brand.fonts.regular", "is not a TrueType font"}},
		{name: "ErrFontCFFOutlines", edit: edits(putBytes("font.otf", mustReadFile(t, "../../testdata/fonts/CFFTest.otf")),
			replace("briefing.yaml", "  organization: \"Org\"\n", "  organization: \"Org\"\n  fonts: {fallback: [font.otf]}\n")),
			code: 1, want: []string{"briefing.yaml:8:", "brand.fonts.fallback[0]", "PostScript (CFF) outlines", "use a TrueType version"}},

		// What cannot be laid out.
		{name: "ErrChartTallerThanThePage", edit: edits(replace("briefing.yaml", "height: 60", "height: 250"), replace("briefing.yaml", "page_size: A4", "page_size: Letter")),
			code: 1, want: []string{"briefing.yaml:44:5: charts.trend_chart.height", "does not fit on an empty page", "lower the height"}},
		{name: "ErrTableRowTallerThanThePage", edit: replace("events.csv", "2019,beta,5", `2019,"`+strings.Repeat("beta ", 3000)+`",5`),
			code: 1, want: []string{"briefing.yaml:51:9: sections[0].blocks[3].table", "row 2", "does not fit on a page"}},

		// Text the fonts cannot draw: a warning, an error under --strict.
		{name: "ErrStrictMissingGlyphs", edit: put("summary.md", "Launch 🚀 and 中文.\n"),
			args: []string{"gen", "--config", "CONFIG", "--out", "OUT", "--strict"},
			code: 1, want: []string{"summary.md:1", `text "Launch 🚀 and 中文`, "U+1F680", "Go Regular", "an error under --strict"}},

		// The output.
		{name: "ErrOutIsAFolder", edit: mkdir("out/taken.pdf"), args: []string{"gen", "--config", "CONFIG", "--out", "DIR/out/taken.pdf"},
			code: 1, want: []string{"taken.pdf: it is a folder, expected a file path"}},
		{name: "ErrOutIsTheNarrative", args: []string{"gen", "--config", "CONFIG", "--out", "DIR/summary.md"},
			code: 1, want: []string{"summary.md: it exists and is not a PDF"}},
		{name: "ErrOutInAFile", args: []string{"gen", "--config", "CONFIG", "--out", "DIR/out/briefing.pdf/x.pdf"},
			code: 1, want: []string{"briefing.pdf is a file, not a folder"}},
	}
	if os.Geteuid() != 0 {
		// Root writes into read-only folders; CI runs as root, so the
		// folder case above stands in for this one there.
		tests = append(tests, struct {
			name string
			edit edit
			args []string
			code int
			want []string
		}{name: "ErrOutFolderReadOnly", edit: func(t *testing.T, dir string) {
			if err := os.Chmod(filepath.Join(dir, "out"), 0o555); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { os.Chmod(filepath.Join(dir, "out"), 0o755) })
		}, code: 1, want: []string{"cannot write into the folder", "permission denied"}})
	}
	if len(tests) < 40 {
		t.Fatalf("only %d bad inputs", len(tests))
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			writeProject(t, dir)
			out := filepath.Join(dir, "out", "briefing.pdf")
			writeFile(t, out, string(good))
			if tc.edit != nil {
				tc.edit(t, dir)
			}
			args := tc.args
			if args == nil {
				args = []string{"gen", "--config", "CONFIG", "--out", "OUT"}
			}
			var env []string
			var cmd []string
			for _, a := range args {
				if e, ok := strings.CutPrefix(a, "ENV="); ok {
					env = append(env, e)
					continue
				}
				switch {
				case a == "CONFIG":
					a = filepath.Join(dir, "briefing.yaml")
				case a == "OUT":
					a = out
				case strings.HasPrefix(a, "DIR"):
					a = dir + strings.TrimPrefix(a, "DIR")
				}
				cmd = append(cmd, a)
			}
			before := tree(t, dir)
			code, stdout, stderr := run(t, env, cmd...)
			if code != tc.code {
				t.Errorf("exit %d, want %d", code, tc.code)
			}
			for _, w := range tc.want {
				if !strings.Contains(stderr, w) {
					t.Errorf("the message lacks %q", w)
				}
			}
			for _, bad := range []string{"panic", "goroutine", "internal error"} {
				if strings.Contains(stdout+stderr, bad) {
					t.Errorf("output mentions %q", bad)
				}
			}
			if t.Failed() {
				t.Logf("stdout:\n%s\nstderr:\n%s", stdout, stderr)
			}
			after := tree(t, dir)
			if got, _ := os.ReadFile(out); !bytes.Equal(got, good) {
				t.Errorf("the good PDF at the output path was changed")
			}
			var changed []string
			for name, data := range after {
				if old, ok := before[name]; !ok || old != data {
					changed = append(changed, name)
				}
			}
			for name := range before {
				if _, ok := after[name]; !ok {
					changed = append(changed, name+" (removed)")
				}
			}
			sort.Strings(changed)
			if len(changed) > 0 {
				t.Errorf("a failed run changed the project folder: %v", changed)
			}
		})
	}
}

// TestGen_MissingGlyphsWarnAndStillWrite checks that text no font can draw
// (emoji, CJK, Hebrew) never fails the document: the PDF is written with a
// visible mark, and a warning names the text, its file and line, and the
// font.
func TestGen_MissingGlyphsWarnAndStillWrite(t *testing.T) {
	dir := t.TempDir()
	writeProject(t, dir)
	writeFile(t, filepath.Join(dir, "summary.md"), "# Overview\n\nLaunch 🚀, 中文 and שלום.\n")
	// a cell of a dataset table, placed at the line its row was read from
	writeFile(t, filepath.Join(dir, "events.csv"), badBase["events.csv"]+"2023,中文,1\n")
	data, _ := os.ReadFile(filepath.Join(dir, "briefing.yaml"))
	cfg := strings.Replace(string(data), `label: "Alpha"`, `label: "Alpha ✈"`, 1)
	writeFile(t, filepath.Join(dir, "briefing.yaml"), cfg)
	out := filepath.Join(dir, "out", "b.pdf")
	code, stdout, stderr := run(t, nil, "gen", "--config", filepath.Join(dir, "briefing.yaml"), "--out", out)
	if code != exitOK {
		t.Fatalf("exit %d: %s%s", code, stdout, stderr)
	}
	for _, w := range []string{
		"summary.md:3: warning:", `text "Launch 🚀, 中文 and שלום`, "U+1F680", "U+4E2D", `"Go Regular"`,
		`briefing.yaml:40:3: warning: charts.trend_chart: text "Alpha ✈"`, "U+2708",
		`events.csv:9: warning: data.events: text "中文"`,
	} {
		if !strings.Contains(stderr, w) {
			t.Errorf("warnings lack %q:\n%s", w, stderr)
		}
	}
	pdf, err := os.ReadFile(out)
	if err != nil || !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatalf("no PDF written: %v", err)
	}
	// validate finds the same, and --strict makes it an error there too.
	code, _, stderr = run(t, nil, "validate", "--config", filepath.Join(dir, "briefing.yaml"), "--strict")
	if code != exitInput || !strings.Contains(stderr, "U+2708") || !strings.Contains(stderr, "an error under --strict") {
		t.Errorf("validate --strict: exit %d, want %d naming the glyph:\n%s", code, exitInput, stderr)
	}
}

// With a fallback font that has them, the characters the body font lacks
// are drawn, in the text and in the charts, and nothing is warned about
// but what no font has.
func TestGen_FallbackFontDrawsWhatTheBodyFontLacks(t *testing.T) {
	const dejavu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
	if _, err := os.Stat(dejavu); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("fonts-dejavu-core is not installed: .ci/run installs it")
		}
		t.Skip("DejaVu Sans is not installed")
	}
	dir := t.TempDir()
	writeProject(t, dir)
	writeFile(t, filepath.Join(dir, "summary.md"), "# Overview\n\nTbilisi (თბილისი) and 🚀.\n")
	cfg := strings.Replace(badBase["briefing.yaml"], `label: "Alpha"`, `label: "Alpha ✈"`, 1)
	cfg = strings.Replace(cfg, `  primary_color: "#0B3D5C"`, "  primary_color: \"#0B3D5C\"\n  fonts: {fallback: ["+dejavu+"]}", 1)
	writeFile(t, filepath.Join(dir, "briefing.yaml"), cfg)
	out := filepath.Join(dir, "b.pdf")
	code, stdout, stderr := run(t, nil, "gen", "--config", filepath.Join(dir, "briefing.yaml"), "--out", out)
	if code != exitOK {
		t.Fatalf("exit %d: %s%s", code, stdout, stderr)
	}
	if strings.Contains(stderr, "U+2708") || strings.Contains(stderr, "U+10D1") || !strings.Contains(stderr, "U+1F680") {
		t.Errorf("warnings: want only the rocket, which no font has:\n%s", stderr)
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		text, err := exec.Command("pdftotext", out, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"(თბილისი)", "Alpha ✈"} {
			if !strings.Contains(string(text), want) {
				t.Errorf("the PDF's text lacks %q", want)
			}
		}
	}
}

// mustReadFile is the content of a fixture file.
func mustReadFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
