package compose

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/briefing/report/analysis"
	"github.com/briefing/report/analysis/narrative"
	"github.com/briefing/report/config"
	"github.com/briefing/report/internal/exact"
	"github.com/briefing/report/layouts"
)

// methodsSection is the "Data and methods" annex: for each dataset, its
// files, export date, rows read and used, and each file's SHA-256.
func methodsSection(c *config.Config, res *analysis.Results) layouts.Section {
	var b strings.Builder
	fmt.Fprintf(&b, "Figures and tables in this briefing were computed by `report` from the files below, "+
		"for the period %s. Rows dated after the end of that period are left out, so the same files give the same numbers.\n\n", res.Period)
	for _, name := range c.DatasetNames() {
		d := res.Datasets[name]
		if d == nil {
			continue
		}
		fmt.Fprintf(&b, "- **%s** (%s): %s rows read, %s used", name, d.Format,
			narrative.Num(exact.Int(int64(d.RowsRead)), 0), narrative.Num(exact.Int(int64(d.RowsUsed)), 0))
		if d.Generated != "" {
			fmt.Fprintf(&b, "; data generated %s", d.Generated)
		}
		b.WriteString(".\n")
		for _, f := range d.Files {
			fmt.Fprintf(&b, "  - `%s`, SHA-256 `%s`\n", filepath.Base(f.Path), f.SHA256)
		}
	}
	return layouts.Section{Title: "Data and methods", Blocks: []layouts.Content{
		layouts.Markdown{Source: "data and methods", Text: b.String()},
	}}
}
