package analysis

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/briefing/report/config"
)

func TestStartOrder_MostWorkFirst(t *testing.T) {
	dir := t.TempDir()
	file := func(name string, size int) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(strings.Repeat("x", size)), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	c := &config.Config{
		Data: map[string]config.Dataset{
			"big":     {Path: file("big.csv", 10_000)},    // 10,000 bytes × (1 + 1 analysis)
			"used":    {Path: file("used.csv", 3_000)},    // 3,000 × (1 + 4 analyses + 2 tables)
			"small":   {Path: file("small.csv", 1_000)},   // 1,000 × 1
			"bracket": {Path: file("tiv[2022].csv", 500)}, // a file, not a pattern, as its reader takes it: 500 × 1
			"missing": {Path: filepath.Join(dir, "missing.csv")},
			"glob":    {Path: filepath.Join(dir, "*.csv")},
			"db":      {Driver: "postgres", Table: "transfers"},
		},
		Analyses: map[string]config.Analysis{
			"b1": {Dataset: "big"},
			"u1": {Dataset: "used"}, "u2": {Dataset: "used"}, "u3": {Dataset: "used"}, "u4": {Dataset: "used"},
		},
		Sections: []config.Section{{Blocks: []config.Block{
			{Kind: config.BlockTable, Dataset: "used"},
			{Kind: config.BlockTable, Dataset: "used"},
			{Kind: config.BlockChart, Dataset: "small"}, // draws; takes no rows of its own
		}}},
	}
	names := []string{"big", "bracket", "db", "glob", "missing", "small", "used"}
	cfgs := slices.Repeat([]*config.Config{c}, len(names))
	var got []string
	for _, i := range startOrder(names, cfgs) {
		got = append(got, names[i])
	}
	// a database, a pattern and a path with nothing there cannot be sized:
	// first, in name order
	want := []string{"db", "glob", "missing", "used", "big", "small", "bracket"}
	if !slices.Equal(got, want) {
		t.Errorf("start order %v, want %v", got, want)
	}
}

func TestStartOrder_EarlierExportAfterTheCurrentOne(t *testing.T) {
	// the earlier export of a register is as large as the current one,
	// but only its revisions analyses take its rows
	dir := t.TempDir()
	cur, old := filepath.Join(dir, "new.csv"), filepath.Join(dir, "old.csv")
	for _, p := range []string{cur, old} {
		if err := os.WriteFile(p, []byte(strings.Repeat("x", 5_000)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c := &config.Config{
		Data: map[string]config.Dataset{"transfers": {Path: cur, Previous: old}},
		Analyses: map[string]config.Analysis{
			"trend": {Dataset: "transfers", Kind: "trend"},
			"share": {Dataset: "transfers", Kind: "share"},
			"revs":  {Dataset: "transfers", Kind: "revisions"},
		},
	}
	prev := previousConfig(c, "transfers")
	if prev == nil {
		t.Fatal("no config for the earlier export")
	}
	if got := startOrder([]string{"transfers", "transfers"}, []*config.Config{prev, c}); !slices.Equal(got, []int{1, 0}) {
		t.Errorf("start order %v, want the current export (1) first", got)
	}
}
