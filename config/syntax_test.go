package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// loadText writes body to a file named name and loads it.
func loadText(t *testing.T, name, body string, opts Options) Problems {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Load(p, opts)
	var ps Problems
	if err != nil && !errors.As(err, &ps) {
		t.Fatalf("want Problems, got %T %v", err, err)
	}
	return ps
}

func TestLoad_ErrSyntaxPlacesTheLine(t *testing.T) {
	tests := []struct {
		name, file, body, want string
		line                   int
	}{
		{"UnclosedQuote", "a.yaml", "report:\n  title: \"x\n  period: 2025-Q3\ndata: {}\n", `unclosed quote (")`, 2},
		{"UnclosedQuoteCRLF", "a.yaml", "report:\r\n  title: \"x\r\n  period: 2025-Q3\r\ndata: {}\r\n", `unclosed quote (")`, 2},
		{"ColourInList", "a.yaml", "brand:\n  palette: [#0B3D5C, #C8102E]\n", "write colours in quotes", 2},
		{"UnclosedBracket", "a.yaml", "report:\n  authors: [a, b\n  title: x\n", "bracket", 2},
		{"Indented", "a.yaml", "report:\n  title: x\n   period: 2025-Q3\n", "syntax error", 3},
		{"LessIndentedItem", "a.yaml", "sections:\n  - title: S\n    blocks:\n      - text: a\n     - chart: c\n", "indentation", 5},
		{"Tab", "a.yaml", "report:\n\ttitle: x\n", "not tabs", 2},
		{"DuplicateKey", "a.yaml", "report:\n  title: x\n  title: y\n", "already set on line 2", 3},
		{"AliasLoop", "a.yaml", "a: &x [*x]\n", "contains it", 1},
		{"NotAMap", "a.yaml", "- a\n- b\n", "expected a map of report:", 1},
		{"JSON", "a.json", "{\n  \"report\": {\"title\": \"x\",}\n}", "invalid character '}'", 2},
		{"JSONEnd", "a.json", "{\n  \"report\": {\"title\": \"x\"\n", "unexpected end of file", 2},
		{"TOML", "a.toml", "[report]\ntitle = \"x\nperiod = 1\n", "syntax error", 2},
		{"NotUTF8", "a.yaml", "report:\n  title: caf\xe9\n", "byte 0xe9", 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ps := loadText(t, tc.file, tc.body, Options{})
			for _, p := range ps {
				if strings.Contains(p.Msg, tc.want) {
					if p.Line != tc.line {
						t.Errorf("line %d, want %d: %s", p.Line, tc.line, p.Error())
					}
					return
				}
			}
			t.Errorf("no problem %q in:\n%s", tc.want, ps.Error())
		})
	}
}

func TestLoad_TOMLKeysAndPositions(t *testing.T) {
	body := `[report]
title = "T"
draft = "maybe"

[data.d]
path = "d.csv"
tme = "year"

[[sections]]
title = "One"

[[sections]]
title = "Two"

[[sections.blocks]]
chart = "nope"
`
	ps := loadText(t, "b.toml", body, Options{})
	want := []string{
		"b.toml:3:1: report.draft: expected true or false",
		`b.toml:7:1: data.d.tme: unknown key "tme"; did you mean "time"?`,
		`b.toml:16:1: sections[1].blocks[0].chart: unknown chart "nope"`,
	}
	for _, w := range want {
		if !strings.Contains(ps.Error(), w) {
			t.Errorf("missing %q in:\n%s", w, ps.Error())
		}
	}
}

func TestLoad_OverlayProblemsNameTheirSource(t *testing.T) {
	ps := loadText(t, "c.yaml", "report: {title: T}\n", Options{
		Env:  []string{"REPORT_REPORT_PAGE_SIZE=A5"},
		Sets: []string{"report.draft=maybe", "report.titel=x", "nokey"},
	})
	for _, w := range []string{
		`environment REPORT_REPORT_PAGE_SIZE: report.page_size: unknown page size "A5"`,
		`--set report.draft=maybe: report.draft: expected true or false, found "maybe"`,
		`--set report.titel=x: report.titel: unknown key "report.titel"; did you mean "report.title"?`,
		"--set nokey: expected key=value",
	} {
		if !strings.Contains(ps.Error(), w) {
			t.Errorf("missing %q in:\n%s", w, ps.Error())
		}
	}
}

func TestLoad_ErrWrongShapeSaidOnce(t *testing.T) {
	ps := loadText(t, "d.yaml", "report: {title: T}\ndata: [a]\nanalyses:\n  x: {kind: count, dataset: a, by: k}\nsections: {a: 1}\n", Options{})
	got := ps.Error()
	if len(ps) != 2 || !strings.Contains(got, "d.yaml:2:7: data: expected a map of names to entries, found a list") ||
		!strings.Contains(got, "d.yaml:5:11: sections: expected a list, found a map") {
		t.Errorf("want the two shapes and nothing that follows from them, got:\n%s", got)
	}
}

// A date written unquoted (`generated: 2026-02-12`, as the README shows)
// is the text it reads as, in YAML and in TOML, as a date alone or a
// moment; a field that wants a number says it found the date as written.
func TestLoad_UnquotedDatesAsText(t *testing.T) {
	for _, c := range []struct{ file, body, want string }{
		{"b.yaml", "generated: 2026-02-12", "2026-02-12"},
		{"b.yaml", "generated: 2026-02-12T10:30:00Z", "2026-02-12T10:30:00Z"},
		{"b.yaml", "generated: \"12 Feb 2026\"", "12 Feb 2026"},
		{"b.toml", "generated = 2026-02-12", "2026-02-12"},
	} {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "d.csv"), []byte("year,kind\n2020,a\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		body := "report: {title: T}\ndata:\n  d: {path: d.csv, time: year, " + c.body + "}\nsections:\n  - title: S\n    blocks: [{text: x}]\n"
		if c.file == "b.toml" {
			body = "[report]\ntitle = \"T\"\n[data.d]\npath = \"d.csv\"\ntime = \"year\"\n" + c.body + "\n[[sections]]\ntitle = \"S\"\n[[sections.blocks]]\ntext = \"x\"\n"
		}
		path := filepath.Join(dir, c.file)
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		cfg, err := Load(path, Options{})
		if err != nil {
			t.Errorf("%s %s: %v", c.file, c.body, err)
			continue
		}
		if got := cfg.Data["d"].Generated; got != c.want {
			t.Errorf("%s %s: generated %q, want %q", c.file, c.body, got, c.want)
		}
	}
	ps := loadText(t, "b.yaml", "report: {title: T, page_size: A4, draft: 2026-02-12}\ndata: {}\n", Options{})
	if !strings.Contains(ps.Error(), "expected true or false, found 2026-02-12") {
		t.Errorf("a date where true or false was expected: %v", ps)
	}
}
