package main

import (
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/briefing/report/briefing"

	"github.com/briefing/report/internal/period"
	"github.com/briefing/report/layouts"
)

// xlsxSources points the sample's curated datasets and its 2022 TIV table
// at the workbooks LibreOffice saved from the same CSVs.
var xlsxSources = []string{
	"data.exercises.path=../xlsx/exercises.xlsx",
	"data.agreements.path=../xlsx/agreements.xlsx",
	"data.balikatan.path=../xlsx/balikatan.xlsx",
	"data.tiv_2022.path=../xlsx/TIV-Export-RUS-1950-2021.xlsx",
}

// briefingText is what a reader of the briefing built with sets reads,
// but for the Data and methods annex (file names and hashes): every text,
// table cell, figure title, caption and source, and every number of every
// analysis, in order.
func briefingText(t *testing.T, sets ...string) string {
	t.Helper()
	b, err := briefing.Build(briefing.Options{Config: sample, Sets: append([]string{"report.period=2025-Q3"}, sets...),
		Clock: period.FixedClock(time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC))})
	if err != nil {
		t.Fatalf("build with %v: %v", sets, err)
	}
	var sb strings.Builder
	for _, s := range b.Doc.Sections {
		if s.Title == "Data and methods" {
			continue
		}
		fmt.Fprintf(&sb, "# %s\n", s.Title)
		for _, blk := range s.Blocks {
			switch x := blk.(type) {
			case layouts.Markdown:
				sb.WriteString(x.Text + "\n")
			case layouts.Table:
				fmt.Fprintf(&sb, "table %s | %s | %s\n", x.Title, x.Note, x.Source)
				for _, c := range x.Columns {
					sb.WriteString(c.Header + "|")
				}
				for _, r := range x.Rows {
					sb.WriteString("\n" + strings.Join(r, "|"))
				}
				sb.WriteString("\n")
			case layouts.Figure:
				fmt.Fprintf(&sb, "figure %s | %s | %s\n", x.Title, x.Caption, x.Source)
			}
		}
	}
	res := b.Env.Results
	names := make([]string, 0, len(res.Analyses))
	for n := range res.Analyses {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		r := res.Analyses[n]
		for _, s := range r.Series {
			fmt.Fprintf(&sb, "%s %s:", n, s.Label)
			for i, v := range s.Values {
				fmt.Fprintf(&sb, " %s=%s", r.Keys[i].Label, v)
			}
			sb.WriteString("\n")
		}
	}
	return sb.String()
}

// The same briefing from the CSV files and from the workbooks saved from
// them reads the same, word for word and number for number.
func TestSample_SameFromEverySource(t *testing.T) {
	want := briefingText(t)
	if !strings.Contains(want, "Joint") || !strings.Contains(want, "russia_china_2022_edition Russia → China: 2015=") {
		t.Fatal("the reference text misses the exercises or the TIV table")
	}
	for name, sets := range map[string][]string{"xlsx": xlsxSources} {
		if got := briefingText(t, sets...); got != want {
			t.Errorf("%s: the briefing differs from the CSV one:\n%s", name, firstDiff(want, got))
		}
	}
}

// firstDiff shows the first line where a and b differ.
func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return fmt.Sprintf("line %d:\n  want %q\n  got  %q", i+1, x, y)
		}
	}
	return "(no difference)"
}
