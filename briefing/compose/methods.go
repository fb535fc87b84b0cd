package compose

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/briefing/report/analysis"
	"github.com/briefing/report/analysis/narrative"
	"github.com/briefing/report/analysis/sqldb"
	"github.com/briefing/report/config"
	"github.com/briefing/report/internal/exact"
	"github.com/briefing/report/internal/locale"
	"github.com/briefing/report/layouts"
)

// methodsSection is the "Data and methods" annex: for each dataset, its
// files (a glob of many as one line: the pattern, the count, the first and
// last name and one SHA-256 over the files' hashes), export date, rows
// read and used; then the SHA-256 of the manifest that lists every file.
func methodsSection(c *config.Config, res *analysis.Results, asOf time.Time, loc *locale.Locale) layouts.Section {
	var b strings.Builder
	num := func(n int) string { return loc.Number(narrative.Num(exact.Int(int64(n)), 0)) }
	b.WriteString(loc.Word("annex_intro", "period", loc.Numerals(res.Period.Format(periodFormat(c, loc)))) + "\n\n")
	for _, name := range c.DatasetNames() {
		d := res.Datasets[name]
		if d == nil {
			continue
		}
		title := name
		if d.Title != "" {
			title = d.Title + "** (" + name + ", " + d.Format + ")"
		} else {
			title += "** (" + d.Format + ")"
		}
		fmt.Fprintf(&b, "- **%s: %s", title, loc.Word("annex_rows", "read", num(d.RowsRead), "used", num(d.RowsUsed)))
		if d.Generated != "" {
			b.WriteString("; " + loc.Word("annex_generated", "date", loc.ShortDateOf(d.Generated)))
		}
		b.WriteString(".\n")
		if d.Place.Driver != "" {
			writeQueries(&b, c, name, d, asOf, loc)
			continue
		}
		if len(d.Files) > maxListedFiles {
			hashes := make([]string, len(d.Files))
			for i, f := range d.Files {
				hashes[i] = f.SHA256
			}
			fmt.Fprintf(&b, "  - `%s`: %s\n", filepath.Base(c.Data[name].Path), loc.Word("annex_files", "n", num(len(d.Files)),
				"first", "`"+filepath.Base(d.Files[0].Path)+"`", "last", "`"+filepath.Base(d.Files[len(d.Files)-1].Path)+"`", "hash", "`"+setHash(hashes)+"`"))
			continue
		}
		for _, f := range d.Files {
			fmt.Fprintf(&b, "  - `%s`, SHA-256 `%s`\n", filepath.Base(f.Path), f.SHA256)
		}
		if p := d.Previous; p != nil {
			b.WriteString("  - " + loc.Word("annex_previous", "rows", num(p.RowsRead)))
			if p.Generated != "" {
				b.WriteString(", " + loc.Word("annex_generated", "date", loc.ShortDateOf(p.Generated)))
			}
			b.WriteString(".\n")
			for _, f := range p.Files {
				fmt.Fprintf(&b, "    - `%s`, SHA-256 `%s`\n", filepath.Base(f.Path), f.SHA256)
			}
		}
	}
	fmt.Fprintf(&b, "\n%s\n\n`%s`\n", loc.Word("annex_manifest"), sha(Manifest(c, res)))
	return layouts.Section{Title: loc.Word("data_and_methods"), Blocks: []layouts.Content{
		layouts.Markdown{Source: "data and methods", Text: b.String()},
	}}
}

// maxListedFiles is the most files of a dataset the annex lists one by one.
const maxListedFiles = 3

// checkDates warns when the briefing is dated before the export of data
// it cites was generated: a reader would see figures from the future.
func checkDates(c *config.Config, res *analysis.Results, asOf time.Time) config.Problems {
	var ps config.Problems
	for _, name := range c.DatasetNames() {
		d := res.Datasets[name]
		if d == nil {
			continue
		}
		for _, f := range d.Files {
			if !f.GeneratedDate.IsZero() && asOf.Before(f.GeneratedDate) {
				ps = append(ps, c.Warningf("data."+name+".path", "the briefing is dated %s, before %s was generated (%s): date it later with --as-of, or use the export it had",
					asOf.Format("2 Jan 2006"), filepath.Base(f.Path), f.GeneratedDate.Format("2 Jan 2006")))
				break
			}
		}
	}
	return ps
}

// writeQueries lists what was asked of a SQL dataset's database: where it
// is (never its DSN), its version, when, and each query with its
// arguments and the rows it returned, in place of the files' hashes.
func writeQueries(b *strings.Builder, c *config.Config, name string, s *analysis.DatasetSummary, asOf time.Time, loc *locale.Locale) {
	src := loc.Word("annex_source_query")
	if t := c.Data[name].Table; t != "" {
		src = loc.Word("annex_source_table", "table", "`"+t+"`")
	}
	fmt.Fprintf(b, "  - %s\n", loc.Word("annex_query", "source", src, "database", databaseIn(c, s.Place, loc), "version", s.Version, "date", loc.Date(asOf)))
	for _, q := range s.Queries {
		fmt.Fprintf(b, "\n    - `%s`, %s", q.For, loc.Word("annex_query_rows", "rows", loc.Number(narrative.Num(exact.Int(int64(q.Rows)), 0))))
		if len(q.Args) > 0 {
			args := make([]string, len(q.Args))
			for i, a := range q.Args {
				args[i] = fmt.Sprintf("%v", a)
			}
			b.WriteString("; " + loc.Word("annex_arguments", "args", strings.Join(args, ", ")))
		}
		b.WriteString(":\n\n      ```sql\n")
		for _, line := range sqlLines(q.SQL, sqlWidth) {
			b.WriteString("      " + line + "\n")
		}
		b.WriteString("      ```\n")
	}
	b.WriteString("\n")
}

// sqlWidth is the most characters of a line of SQL in the annex.
const sqlWidth = 76

// sqlLines sets a query for reading: each clause on a line of its own,
// lines broken between words at width, the rest indented.
func sqlLines(sql string, width int) []string {
	for _, kw := range []string{" FROM ", " WHERE ", " GROUP BY ", " ORDER BY ", " LIMIT "} {
		sql = strings.ReplaceAll(sql, kw, "\n"+kw[1:])
	}
	var out []string
	for _, clause := range strings.Split(sql, "\n") {
		line := ""
		for _, w := range strings.Fields(clause) {
			switch {
			case line == "":
				line = w
			case len(line)+1+len(w) > width:
				out = append(out, line)
				line = "  " + w
			default:
				line += " " + w
			}
		}
		out = append(out, line)
	}
	return out
}

// databaseName is a database as the annex and the manifest name it: a
// SQLite file relative to the config's folder, so that the same inputs
// give the same bytes wherever the project is.
// databaseIn names the database of a SQL dataset in the briefing's
// language, a SQLite file by its path from the config.
func databaseIn(c *config.Config, p sqldb.Place, loc *locale.Locale) string {
	switch p = fromConfig(c, p); {
	case p.Driver == "sqlite":
		return loc.Word("annex_db_sqlite", "path", p.Path)
	case p.Host == "":
		return p.String()
	}
	return loc.Word("annex_db_postgres", "name", p.Name, "host", p.Host)
}

// databaseName names the database of a SQL dataset in English, a SQLite
// file by its path from the config; "" for a dataset read from files.
func databaseName(c *config.Config, p sqldb.Place) string {
	if p.Driver == "" {
		return ""
	}
	return fromConfig(c, p).String()
}

// fromConfig is p with a SQLite file's path relative to the config.
func fromConfig(c *config.Config, p sqldb.Place) sqldb.Place {
	if p.Driver == "sqlite" {
		p.Path = filepath.ToSlash(c.Rel(p.Path))
	}
	return p
}
