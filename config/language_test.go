package config

import (
	"strings"
	"testing"
)

func TestLoad_Language(t *testing.T) {
	const rest = "data:\n  d: {path: d.csv, time: year}\nsections:\n  - title: S\n    blocks: [{text: x}]\n"
	if c := mustLoadText(t, "report: {title: T}\n"+rest); c.Report.Language != "en-GB" {
		t.Errorf("default language %q, want en-GB", c.Report.Language)
	}
	c := mustLoadText(t, "report: {title: T, language: en-us, no_hyphenate: [Balikatan, Tsentr]}\n"+rest)
	if c.Report.Language != "en-US" || strings.Join(c.Report.NoHyphenate, ",") != "Balikatan,Tsentr" {
		t.Errorf("language %q, no_hyphenate %q", c.Report.Language, c.Report.NoHyphenate)
	}
	got := loadErr(t, "report: {title: T, language: english!}\n"+rest)
	if !strings.Contains(got, "b.yaml:1:") || !strings.Contains(got, `"english!" is not a language tag`) {
		t.Errorf("bad tag: got %q", got)
	}
}
