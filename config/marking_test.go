package config

import (
	"strings"
	"testing"
)

func TestLoad_Classification(t *testing.T) {
	base := "data:\n  d: {path: d.csv, time: year}\nsections:\n  - title: S\n    blocks: [{text: x}]\n"
	tests := []struct {
		name, report string
		want         []string // "" = no problem
	}{
		{"Marking", "report: {title: T, classification: SECRET}\n", nil},
		{"MarkingAndScheme", "report: {title: T, classification: {marking: \"SECRET//NOFORN\", scheme: us}}\n", nil},
		{"Custom", "report: {title: T, classification: {marking: INTERNAL, scheme: custom}}\n", nil},
		{"ErrScheme", "report: {title: T, classification: {marking: SECRET, scheme: usa}}\n",
			[]string{"report.classification.scheme", `unknown marking scheme "usa"; did you mean "us"?`}},
		{"ErrUSMarking", "report: {title: T, classification: {marking: SECRT, scheme: us}}\n",
			[]string{"report.classification.marking", `"SECRT" is not a US marking; did you mean "SECRET"?`}},
		{"WarnNotUS", "report: {title: T, classification: INTERNAL}\n",
			[]string{"warning: report.classification", "takes the brand's accent colour"}},
		{"UK", "report: {title: T, classification: {marking: \"SECRET UK EYES ONLY\", scheme: uk}}\n", nil},
		{"UKInferred", "report: {title: T, classification: OFFICIAL-SENSITIVE}\n", nil},
		{"NATO", "report: {title: T, classification: {marking: \"COSMIC TOP SECRET\", scheme: nato}}\n", nil},
		{"ErrUKMarking", "report: {title: T, classification: {marking: CONFIDENTIAL, scheme: uk}}\n",
			[]string{"report.classification.marking", `"CONFIDENTIAL" is not a UK marking`, "OFFICIAL, OFFICIAL-SENSITIVE, SECRET, TOP SECRET"}},
		{"ErrNATOMarking", "report: {title: T, classification: {marking: \"NATO SECRT\", scheme: nato}}\n",
			[]string{`"NATO SECRT" is not a NATO marking; did you mean "NATO SECRET"?`}},
		{"ErrUnknownKey", "report: {title: T, classification: {markng: SECRET}}\n",
			[]string{"report.classification.markng", `did you mean "marking"?`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := loadErr(t, tc.report+base)
			if len(tc.want) == 0 && got != "" {
				t.Fatalf("want no problem, got:\n%s", got)
			}
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("missing %q in:\n%s", w, got)
				}
			}
		})
	}
	for marking, want := range map[string]string{"SECRET": SchemeUS, "OFFICIAL": SchemeUK, "NATO RESTRICTED": SchemeNATO, "INTERNAL": SchemeCustom} {
		if got := (Report{Classification: marking}).MarkingScheme(); got != want {
			t.Errorf("scheme of %q = %q, want %q", marking, got, want)
		}
	}
	if got := Level(SchemeUK, "OFFICIAL-SENSITIVE COMMERCIAL"); got != "OFFICIAL-SENSITIVE" {
		t.Errorf("UK level = %q", got)
	}
	if got := Level(SchemeUK, "OFFICIALLY"); got != "" {
		t.Errorf("UK level of a longer word = %q", got)
	}
	c := mustLoadText(t, "report: {title: T, classification: {marking: \"TOP SECRET//SCI\", scheme: US}}\n"+base)
	if c.Report.Classification != "TOP SECRET//SCI" || c.Report.ClassificationScheme != "us" {
		t.Errorf("report = %+v", c.Report)
	}
}

func TestLoad_WarnCalloutRepeatsSectionTitle(t *testing.T) {
	got := loadErr(t, "report: {title: T}\ndata:\n  d: {path: d.csv, time: year}\nsections:\n  - title: Key judgments\n    blocks: [{callout: {markdown: x}, title: Key Judgments}]\n")
	if !strings.Contains(got, `warning: sections[0].blocks[0].title: the callout repeats its section's title "Key judgments"`) {
		t.Errorf("got:\n%s", got)
	}
}
