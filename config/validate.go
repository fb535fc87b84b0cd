package config

import (
	"fmt"
	"maps"
	"os"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/briefing/report/internal/locale"
	"github.com/briefing/report/internal/period"
	"github.com/briefing/report/internal/suggest"
	"golang.org/x/text/language"
)

// AnalysisKinds are the values of an analysis's `kind`.
var AnalysisKinds = []string{"trend", "frequency", "count", "compare", "changes", "revisions"}

// ChartTypes are the values of a chart's `type`.
var ChartTypes = []string{"line", "bar", "stacked-bar", "grouped-bar", "hbar", "donut"}

// ChartMeasures are the values of a chart's `measure` (compare results).
var ChartMeasures = []string{"mean", "total", "share"}

// Formats are the values of a dataset's `format`.
var Formats = []string{"csv", "xlsx", "sipri-register", "sipri-tiv-table"}

var (
	nameRe  = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
	colorRe = regexp.MustCompile(`^#[0-9A-Fa-f]{6}$`)
)

// validate checks what can be checked without reading data: values, names
// and references between entries. Defaults are filled in on the way.
func (c *Config) validate() (ps Problems) {
	add := func(p Problem) { ps = append(ps, p) }
	ps = append(ps, c.validateForeach()...)

	if strings.TrimSpace(c.Report.Title) == "" {
		add(c.Problemf("report.title", "missing: the briefing needs a title"))
	}
	if p, err := period.ParsePeriod(c.Report.Period, c.AsOf); err != nil {
		add(c.Problemf("report.period", "%v", err))
	} else {
		c.Period = p
	}
	switch strings.ToLower(c.Report.PageSize) {
	case "":
		c.Report.PageSize = "A4"
	case "a4":
		c.Report.PageSize = "A4"
	case "letter":
		c.Report.PageSize = "Letter"
	default:
		add(c.Problemf("report.page_size", "unknown page size %q, expected A4 or Letter", c.Report.PageSize))
	}
	if c.Report.Language == "" {
		c.Report.Language = DefaultLanguage
	} else if tag, err := language.Parse(c.Report.Language); err != nil {
		add(c.Problemf("report.language", "%q is not a language tag, expected one such as en-GB or en-US", c.Report.Language))
	} else {
		c.Report.Language = tag.String()
	}
	keys := locale.Keys()
	for _, k := range slices.Sorted(maps.Keys(c.Report.Labels)) {
		if !slices.Contains(keys, k) {
			add(c.Problemf("report.labels."+k, "unknown label %q%s (expected one of %s)", k, suggest.Hint(k, keys), strings.Join(keys, ", ")))
		} else if k == "period_short" {
			if err := period.CheckFormat(c.Report.Labels[k]); err != nil {
				add(c.Problemf("report.labels."+k, "%v", err))
			}
		}
	}
	switch strings.ToLower(strings.TrimSpace(c.Report.PDFStandard)) {
	case "", "pdf/a-2b":
		c.Report.PDFStandard = "pdf/a-2b"
	case "none":
		c.Report.PDFStandard = "none"
	default:
		add(c.Problemf("report.pdf_standard", "expected pdf/a-2b (the default) or none, found %q", c.Report.PDFStandard))
	}
	if c.Report.Output == "" {
		c.Report.Output = strings.TrimSuffix(c.File, extOf(c.File)) + "-{{ .Period }}.pdf"
	} else {
		if err := c.checkOutput(c.Report.Output); err != nil {
			add(c.Problemf("report.output", "%v", err))
		}
		c.Report.Output = c.Resolve(c.Report.Output)
	}
	for _, p := range []struct{ path, value string }{
		{"brand.primary_color", c.Brand.PrimaryColor}, {"brand.accent_color", c.Brand.AccentColor},
	} {
		if p.value != "" && !colorRe.MatchString(p.value) {
			add(c.Problemf(p.path, "%q is not a colour, expected #RRGGBB", p.value))
		}
	}
	for i, col := range c.Brand.Palette {
		if !colorRe.MatchString(col) {
			add(c.Problemf(fmt.Sprintf("brand.palette[%d]", i), "%q is not a colour, expected #RRGGBB", col))
		}
	}
	if c.Brand.PeriodFormat != "" {
		if err := period.CheckFormat(c.Brand.PeriodFormat); err != nil {
			add(c.Problemf("brand.period_format", "%v", err))
		}
	}
	if c.Brand.Logo != "" {
		if err := checkLogo(c.Brand.Logo); err != nil {
			add(c.Problemf("brand.logo", "%v", err))
		}
	}
	fonts := []struct{ path, file string }{
		{"brand.fonts.regular", c.Brand.Fonts.Regular}, {"brand.fonts.bold", c.Brand.Fonts.Bold},
		{"brand.fonts.italic", c.Brand.Fonts.Italic}, {"brand.fonts.bold_italic", c.Brand.Fonts.BoldItalic},
	}
	for i, f := range c.Brand.Fonts.Fallback {
		fonts = append(fonts, struct{ path, file string }{fmt.Sprintf("brand.fonts.fallback[%d]", i), f})
	}
	if n := len(c.Brand.Fonts.Fallback); n > MaxFallbackFonts {
		add(c.Problemf("brand.fonts.fallback", "%d fonts; at most %d (one for each script the brand fonts lack)", n, MaxFallbackFonts))
	}
	// The font files are read and parsed (hundreds of kilobytes each) on
	// goroutines while the rest is checked; their problems keep their place.
	fontErrs := make([]error, len(fonts))
	var fontsRead sync.WaitGroup
	for i, f := range fonts {
		if f.file != "" {
			fontsRead.Go(func() { fontErrs[i] = checkFont(f.file) })
		}
	}
	fontsAt := len(ps)
	defer func() {
		fontsRead.Wait()
		var found Problems
		for i, err := range fontErrs {
			if err != nil {
				found = append(found, c.Problemf(fonts[i].path, "%v", err))
			}
		}
		ps = slices.Insert(ps, fontsAt, found...)
	}()
	if len(c.Data) == 0 && !c.broken["data"] {
		add(c.Problemf("data", "missing: at least one dataset is needed"))
	}
	for _, name := range c.DatasetNames() {
		ps = append(ps, c.validateDataset(name)...)
	}
	for _, name := range c.AnalysisNames() {
		ps = append(ps, c.validateAnalysis(name)...)
		ps = append(ps, c.checkApplies(name)...)
	}
	for _, name := range c.ChartNames() {
		ps = append(ps, c.validateChart(name)...)
		ps = append(ps, c.checkChartOptions(name)...)
	}
	ps = append(ps, c.validateSections()...)
	ps = append(ps, c.checkClassification()...)
	return ps
}

func extOf(file string) string {
	if i := strings.LastIndex(file, "."); i > strings.LastIndex(file, "/") {
		return file[i:]
	}
	return ""
}

func (c *Config) checkName(path, name string) Problems {
	if !nameRe.MatchString(name) {
		return Problems{c.Problemf(path, "name %q must match [a-z][a-z0-9_]*", name)}
	}
	return nil
}

// Drivers are the databases a SQL dataset may be read from.
var Drivers = []string{"postgres", "sqlite"}

func (c *Config) validateDataset(name string) Problems {
	path := "data." + name
	d := c.Data[name]
	ps := c.checkName(path, name)
	if d.IsSQL() || d.DSN != "" || d.Table != "" || d.Query != "" {
		return append(ps, c.validateSQL(path, d)...)
	}
	if d.Path == "" {
		ps = append(ps, c.Problemf(path+".path", "missing: the data file (or glob) to read"))
	}
	if d.Format != "" && !slices.Contains(Formats, d.Format) {
		ps = append(ps, c.Problemf(path+".format", "unknown format %q%s (expected %s)", d.Format, suggest.Hint(d.Format, Formats), strings.Join(Formats, ", ")))
	}
	if d.Decimal != "" && d.Decimal != "." && d.Decimal != "," {
		ps = append(ps, c.Problemf(path+".decimal", "expected \".\" or \",\", found %q", d.Decimal))
	}
	if d.Skip < 0 {
		ps = append(ps, c.Problemf(path+".skip", "expected 0 or more lines, found %d", d.Skip))
	}
	workbook := d.Format == "xlsx" || strings.EqualFold(extOf(d.Path), ".xlsx") || strings.EqualFold(extOf(d.Path), ".xlsm")
	if d.HeaderRow < 0 {
		ps = append(ps, c.Problemf(path+".header_row", "expected a row number from 1, found %d", d.HeaderRow))
	}
	if !workbook && (d.Sheet != "" || d.HeaderRow != 0) {
		key := "sheet"
		if d.Sheet == "" {
			key = "header_row"
		}
		ps = append(ps, c.Problemf(path+"."+key, "%s applies to Excel workbooks (.xlsx); %q is not one", key, d.Path))
	}
	return ps
}

func (c *Config) validateChart(name string) Problems {
	path := "charts." + name
	ch := c.Charts[name]
	ps := c.checkName(path, name)
	if ch.Analysis == "" {
		ps = append(ps, c.Problemf(path+".analysis", "missing: the analysis this chart draws"))
	} else if _, ok := c.Analyses[ch.Analysis]; !ok && !c.broken["analyses"] {
		ps = append(ps, c.Problemf(path+".analysis", "unknown analysis %q%s", ch.Analysis, suggest.Hint(ch.Analysis, c.AnalysisNames())))
	}
	if ch.Type != "" && !slices.Contains(ChartTypes, ch.Type) {
		ps = append(ps, c.Problemf(path+".type", "unknown chart type %q%s (expected %s)", ch.Type, suggest.Hint(ch.Type, ChartTypes), strings.Join(ChartTypes, ", ")))
	}
	if ch.Measure != "" && !slices.Contains(ChartMeasures, ch.Measure) {
		ps = append(ps, c.Problemf(path+".measure", "unknown measure %q%s (expected %s)", ch.Measure, suggest.Hint(ch.Measure, ChartMeasures), strings.Join(ChartMeasures, ", ")))
	} else if a, ok := c.Analyses[ch.Analysis]; ch.Measure != "" && ok && a.Kind != "compare" {
		ps = append(ps, c.Problemf(path+".measure", "measure applies to charts of a compare analysis; %q is a %s", ch.Analysis, a.Kind))
	}
	if ch.Height < 0 || ch.Height > 250 {
		ps = append(ps, c.Problemf(path+".height", "expected a height in mm between 20 and 250, found %g", ch.Height))
	} else if ch.Height > 0 && ch.Height < 20 {
		ps = append(ps, c.Problemf(path+".height", "expected a height in mm between 20 and 250, found %g", ch.Height))
	}
	for i, a := range ch.Annotations {
		if _, err := period.ParseInterval(a.X); err != nil {
			ps = append(ps, c.Problemf(fmt.Sprintf("%s.annotations[%d].x", path, i), "%v", err))
		}
	}
	return ps
}

func (c *Config) validateSections() Problems {
	var ps Problems
	if len(c.Sections) == 0 && !c.broken["sections"] {
		ps = append(ps, c.Problemf("sections", "missing: at least one section is needed"))
	}
	shown := map[string]string{} // "chart x" or "table y" -> the block that shows it
	for i, s := range c.Sections {
		if strings.TrimSpace(s.Title) == "" {
			ps = append(ps, c.Problemf(fmt.Sprintf("sections[%d].title", i), "missing: every section needs a title"))
		}
		for _, b := range s.Blocks {
			kp := b.Path + "." + string(b.Kind)
			if b.Kind == BlockCallout && b.Title != "" && strings.EqualFold(strings.TrimSpace(b.Title), strings.TrimSpace(s.Title)) {
				ps = append(ps, c.Warningf(b.Path+".title", "the callout repeats its section's title %q: give it its own (\"In brief\", \"Bottom line\") or leave it out", s.Title))
			}
			switch {
			case b.File != "":
				if err := fileExists(b.File); err != nil {
					ps = append(ps, c.Problemf(kp, "%v", err))
				}
			case b.Kind == BlockChart && shown["chart "+b.Chart] != "":
				ps = append(ps, c.Problemf(kp, "chart %q is already shown by %s: a chart appears once, as one numbered figure", b.Chart, shown["chart "+b.Chart]))
			case b.Kind == BlockTable && b.Analysis != "" && shown["table "+b.Analysis] != "":
				ps = append(ps, c.Problemf(kp, "analysis %q is already shown as a table by %s: a table appears once", b.Analysis, shown["table "+b.Analysis]))
			case b.Kind == BlockTable && b.Dataset != "" && shown["table "+b.Dataset] != "":
				ps = append(ps, c.Problemf(kp, "dataset %q is already shown as a table by %s: a table appears once", b.Dataset, shown["table "+b.Dataset]))
			case b.Kind == BlockChart:
				if _, ok := c.Charts[b.Chart]; !ok && !c.broken["charts"] {
					ps = append(ps, c.Problemf(kp, "unknown chart %q%s", b.Chart, suggest.Hint(b.Chart, c.ChartNames())))
				}
			case b.Kind == BlockTable && b.Analysis != "":
				if _, ok := c.Analyses[b.Analysis]; !ok && !c.broken["analyses"] {
					ps = append(ps, c.Problemf(kp, "unknown analysis %q%s", b.Analysis, suggest.Hint(b.Analysis, c.AnalysisNames())))
				}
			case b.Kind == BlockTable && b.Dataset != "":
				if _, ok := c.Data[b.Dataset]; !ok && !c.broken["data"] {
					ps = append(ps, c.Problemf(kp, "unknown dataset %q%s", b.Dataset, suggest.Hint(b.Dataset, c.DatasetNames())))
				}
			}
			switch {
			case b.Kind == BlockChart && shown["chart "+b.Chart] == "":
				shown["chart "+b.Chart] = b.Path
			case b.Kind == BlockTable && shown["table "+b.Analysis+b.Dataset] == "":
				shown["table "+b.Analysis+b.Dataset] = b.Path
			}
		}
	}
	return ps
}

// maxDecimals is the most decimals a table may print.
const maxDecimals = 6

func fileExists(path string) error {
	fi, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("file %s: %v", path, pathErr(err))
	}
	if fi.IsDir() {
		return fmt.Errorf("%s is a folder, expected a file", path)
	}
	return nil
}

// validateSQL checks a SQL dataset: a driver, a DSN, a table or a query,
// and none of the keys of files.
func (c *Config) validateSQL(path string, d Dataset) Problems {
	var ps Problems
	switch {
	case d.Driver == "":
		ps = append(ps, c.Problemf(path+".driver", "missing: the database (%s) that dsn, table and query are for", strings.Join(Drivers, " or ")))
	case !slices.Contains(Drivers, d.Driver):
		ps = append(ps, c.Problemf(path+".driver", "unknown driver %q%s (expected %s)", d.Driver, suggest.Hint(d.Driver, Drivers), strings.Join(Drivers, ", ")))
	}
	if strings.TrimSpace(d.DSN) == "" {
		ps = append(ps, c.Problemf(path+".dsn", "missing: how to reach the database (a postgres URL or key=value string, a sqlite file; ${ENV_VAR} keeps a password out of this file)"))
	}
	switch {
	case d.Table == "" && d.Query == "":
		ps = append(ps, c.Problemf(path+".table", "missing: the table (or a query) to read"))
	case d.Table != "" && d.Query != "":
		ps = append(ps, c.Problemf(path+".query", "give a table or a query, not both"))
	}
	fileKeys := []struct {
		key string
		set bool
	}{{"path", d.Path != ""}, {"format", d.Format != ""}, {"sheet", d.Sheet != ""},
		{"header_row", d.HeaderRow != 0}, {"skip", d.Skip != 0}, {"decimal", d.Decimal != ""}}
	for _, k := range fileKeys {
		if k.set {
			ps = append(ps, c.Problemf(path+"."+k.key, "%s applies to data files; a dataset read from a database has none (remove it, or remove driver)", k.key))
		}
	}
	return ps
}
