package config

import (
	"strconv"
	"strings"

	"github.com/briefing/report/internal/numfmt"
)

// ColumnStyle is how a table prints one of its columns: a header in
// place of the column's own name, and a number format ("#,##0", "0%").
type ColumnStyle struct {
	Header string
	Format string
	// Number is Format parsed; zero when Format is "".
	Number numfmt.Format `mapstructure:"-"`
}

// TableOptions are what a table block may say about its rows and columns,
// beyond which data it shows.
type TableOptions struct {
	// Styles of columns, by lower-case column name or header.
	Styles map[string]ColumnStyle
	// Sort names the column the rows are ordered by; Descending puts the
	// largest first ("-Total" or "Total desc" in the config).
	Sort       string
	Descending bool
	// Top keeps the first Top rows (after sorting); Other folds the rest
	// into one "Other" row summing what can be summed.
	Top   int
	Other bool
	// Where keeps the rows of a dataset table that match.
	Where Filter
	// Wide sets a compare as one row per series and a column per period.
	Wide bool
	// Note is a line under the table (a template).
	Note string
	// Landscape sets the table sideways on pages of its own.
	Landscape bool
}

// decodeTableOptions reads the options of a table block's map x into b;
// kp is the key path of the map.
func (c *Config) decodeTableOptions(kp string, x map[string]any, b *Block, ps *Problems) {
	var t struct {
		Sort, Note string
		Top        int
		Other      *bool
		Wide       bool
		Landscape  bool
	}
	rest := map[string]any{}
	for _, k := range []string{"sort", "note", "top", "other", "wide", "landscape"} {
		if v, ok := x[k]; ok {
			rest[k] = v
		}
	}
	c.decodeInto(kp, rest, &t, ps)
	o := TableOptions{Note: t.Note, Top: t.Top, Other: t.Top > 0, Wide: t.Wide, Landscape: t.Landscape}
	if t.Other != nil {
		o.Other = *t.Other
		if t.Top == 0 {
			*ps = append(*ps, c.Problemf(kp+".other", "other folds the rows after top: set top too"))
		}
	}
	if t.Top < 0 {
		*ps = append(*ps, c.Problemf(kp+".top", "expected a number of rows above 0, found %d", t.Top))
	}
	if s := strings.TrimSpace(t.Sort); s != "" {
		low := strings.ToLower(s)
		switch {
		case strings.HasPrefix(s, "-"):
			o.Sort, o.Descending = strings.TrimSpace(s[1:]), true
		case strings.HasSuffix(low, " desc"):
			o.Sort, o.Descending = strings.TrimSpace(s[:len(s)-5]), true
		case strings.HasSuffix(low, " asc"):
			o.Sort = strings.TrimSpace(s[:len(s)-4])
		default:
			o.Sort = s
		}
	}
	if w, ok := x["where"]; ok {
		o.Where = c.decodeFilter(kp+".where", w, ps)
		if b.Dataset == "" {
			*ps = append(*ps, c.Problemf(kp+".where", "where filters the rows of a dataset table; an analysis has its own where"))
		}
	}
	if o.Wide {
		if a, ok := c.Analyses[b.Analysis]; b.Analysis == "" || (ok && a.Kind != "compare") {
			*ps = append(*ps, c.Problemf(kp+".wide", "wide sets a compare's periods side by side; this table is not of a compare"))
		}
	}
	if cols, ok := x["columns"]; ok {
		b.Columns, o.Styles = c.decodeColumns(kp+".columns", cols, ps)
		if len(b.Columns) > 0 && b.Dataset == "" {
			*ps = append(*ps, c.Problemf(kp+".columns", "a list of columns picks those of a dataset; for an analysis table give a map of column: {header, format}"))
		}
	}
	b.Table = o
}

// decodeColumns reads `columns:`: a list of names (and {column, header,
// format} items), or a map of name: {header, format}.
func (c *Config) decodeColumns(path string, in any, ps *Problems) ([]string, map[string]ColumnStyle) {
	styles := map[string]ColumnStyle{}
	style := func(p, name string, v any) {
		var st ColumnStyle
		c.decodeInto(p, v, &st, ps)
		if st.Format != "" {
			f, err := numfmt.Parse(st.Format)
			if err != nil {
				*ps = append(*ps, c.Problemf(p+".format", "%v", err))
			}
			st.Number = f
		}
		styles[strings.ToLower(name)] = st
	}
	switch v := in.(type) {
	case []any:
		var names []string
		for i, it := range v {
			p := path + "[" + strconv.Itoa(i) + "]"
			switch x := it.(type) {
			case map[string]any:
				name := scalarText(x["column"])
				if name == "" {
					*ps = append(*ps, c.Problemf(p, "expected {column: NAME, header, format}"))
					continue
				}
				names = append(names, name)
				delete(x, "column")
				style(p, name, x)
			default:
				names = append(names, scalarText(x))
			}
		}
		return names, styles
	case map[string]any:
		for _, name := range sortedKeys(v) {
			style(path+"."+name, name, v[name])
		}
		return nil, styles
	}
	*ps = append(*ps, c.Problemf(path, "expected a list of column names or a map of column: {header, format}, found %s", describe(in)))
	return nil, styles
}
