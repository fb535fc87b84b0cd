package config

import (
	"strings"
	"testing"
)

// A dataset's title and labels: an analysis by a labelled column inherits
// them under its own.
func TestLoad_DatasetTitleAndLabels(t *testing.T) {
	c := mustLoadText(t, "report: {title: T}\n"+
		"data:\n  d: {path: d.csv, time: year, title: \"Joint exercises\", labels: {Domain: {coast_guard: \"coast guard\", multi: \"multi-domain\"}}}\n"+
		"analyses:\n  a: {kind: count, dataset: d, by: domain, labels: {multi: \"Multi-domain\"}}\n"+
		"sections:\n  - title: S\n    blocks: [{text: x}]\n")
	d := c.Data["d"]
	if d.Title != "Joint exercises" || d.Label("DOMAIN", "Coast_Guard") != "coast guard" || d.Label("domain", "naval") != "naval" {
		t.Errorf("dataset %+v", d)
	}
	if got := c.Analyses["a"].Labels; got["coast_guard"] != "coast guard" || got["multi"] != "Multi-domain" {
		t.Errorf("analysis labels %v", got)
	}
}

// A DSN set on the command line is never printed, even in a problem
// about it.
func TestLoad_DSNFromSetNotPrinted(t *testing.T) {
	file := writeConfig(t, "report: {title: T}\ndata:\n  d: {driver: sqlite, table: t, time: year}\nsections:\n  - title: S\n    blocks: [{text: x}]\n")
	_, err := Load(file, Options{Sets: []string{"data.d.dsn=postgres://u:s3cret@h/db?x=${REPORT_NOPE}", "data.d.driver=oracle"}})
	if err == nil || strings.Contains(err.Error(), "s3cret") || !strings.Contains(err.Error(), `unknown driver "oracle"`) || !strings.Contains(err.Error(), "--set data.d.dsn=…: data.d.dsn: the environment variable REPORT_NOPE is not set") {
		t.Errorf("err = %v", err)
	}
}
