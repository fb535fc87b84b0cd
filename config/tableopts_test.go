package config

import (
	"strings"
	"testing"
)

const tableRest = "report: {title: T}\n" +
	"data:\n  d: {path: d.csv, time: year}\n" +
	"analyses:\n" +
	"  t: {kind: trend, dataset: d}\n" +
	"  c: {kind: compare, of: t, periods: [{label: a, from: 2000, to: 2001}, {label: b, from: 2002, to: 2003}]}\n"

func TestLoad_TableOptions(t *testing.T) {
	c := mustLoadText(t, tableRest+"sections:\n  - title: S\n    blocks:\n"+
		"      - table: {analysis: c, wide: true, sort: -Total, top: 5, note: \"In TIV.\", columns: {Total: {header: \"Total (TIV m)\", format: \"#,##0\"}}}\n"+
		"      - table: {dataset: d, columns: [year, {column: name, header: Exercise}], where: {domain: naval}, sort: year desc}\n")
	wide := c.Sections[0].Blocks[0].Table
	if !wide.Wide || wide.Sort != "Total" || !wide.Descending || wide.Top != 5 || !wide.Other || wide.Note != "In TIV." {
		t.Errorf("compare table options %+v", wide)
	}
	if st := wide.Styles["total"]; st.Header != "Total (TIV m)" || !st.Number.Grouping || st.Number.Decimals != 0 {
		t.Errorf("column style %+v", st)
	}
	ds := c.Sections[0].Blocks[1]
	if strings.Join(ds.Columns, ",") != "year,name" || ds.Table.Styles["name"].Header != "Exercise" {
		t.Errorf("dataset columns %q styles %+v", ds.Columns, ds.Table.Styles)
	}
	if ds.Table.Sort != "year" || !ds.Table.Descending || ds.Table.Where.IsZero() {
		t.Errorf("dataset table options %+v", ds.Table)
	}
}

func TestLoad_ErrTableOptions(t *testing.T) {
	for name, tc := range map[string]struct{ block, want string }{
		"OtherWithoutTop":   {"{analysis: c, other: false}", "b.yaml:10:30: sections[0].blocks[0].table.other: other folds the rows after top"},
		"NegativeTop":       {"{analysis: c, top: -1}", "table.top: expected a number of rows above 0, found -1"},
		"WideNotACompare":   {"{analysis: t, wide: true}", "table.wide: wide sets a compare's periods side by side"},
		"WhereOnAnalysis":   {"{analysis: t, where: {a: b}}", "table.where: where filters the rows of a dataset table"},
		"ColumnListOnTrend": {"{analysis: t, columns: [a]}", "table.columns: a list of columns picks those of a dataset"},
		"BadFormat":         {"{analysis: t, columns: {Total: {format: \"0.q\"}}}", `table.columns.total.format: unknown number format "0.q"`},
		"ColumnItemNoName":  {"{dataset: d, columns: [{header: X}]}", "table.columns[0]: expected {column: NAME, header, format}"},
	} {
		t.Run(name, func(t *testing.T) {
			got := loadErr(t, tableRest+"sections:\n  - title: S\n    blocks:\n      - table: "+tc.block+"\n")
			if !strings.Contains(got, tc.want) {
				t.Errorf("got %q\nwant %q", got, tc.want)
			}
		})
	}
}
