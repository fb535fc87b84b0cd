package config

import (
	"strings"
	"time"

	"github.com/briefing/report/internal/period"
)

// Config is a whole briefing config, decoded and with relative paths
// resolved against the config file's folder.
type Config struct {
	File     string // the config file, as given
	Dir      string // the folder relative paths resolve against
	Report   Report
	Brand    Brand
	Data     map[string]Dataset
	Analyses map[string]Analysis
	Charts   map[string]Chart
	Sections []Section
	// Params are the briefing's parameters by name ({{ .Params.country }}
	// in templates, $country in values): from params:, REPORT_PARAM_*
	// and --param.
	Params map[string]string
	// Foreach makes one briefing per value of a parameter (nil: one).
	Foreach *Foreach
	// AsOf is the instant the run treats as now (Options.AsOf), and Period
	// the quarter report.period names, resolved against it once, here:
	// "latest" is the last quarter that ended before AsOf.
	AsOf   time.Time
	Period period.Period

	unset map[string]bool // params declared without a value

	pos positions
	// posOnly says the key checks must take positions from pos (TOML)
	// rather than from the nodes they walk.
	posOnly bool
	// origin names where an overridden key's value came from ("--set
	// report.period=2025-Q9", "environment REPORT_REPORT_PERIOD").
	origin map[string]string
	// env is the environment ${NAME} in a DSN reads (Options.Env).
	env []string
	// broken holds the key paths whose value has the wrong shape, so that
	// references into them are not reported a second time.
	broken map[string]bool
}

// Report is the `report:` block: what the briefing is and where it goes.
type Report struct {
	Title          string
	Subtitle       string
	Series         string
	Authors        []string
	Keywords       []string
	Period         string // "2025-Q3" or "latest"
	Classification string // the marking
	// ClassificationScheme is us, custom, or "" (us for a US marking,
	// else the brand's colours).
	ClassificationScheme string `mapstructure:"-"`
	Draft                bool
	ListOfFigures        bool   `mapstructure:"list_of_figures"` // a list of figures after the contents
	PageSize             string `mapstructure:"page_size"`
	// Language is the briefing's language tag (BCP 47, default en-GB): the
	// fixed words of the page, dates and numbers (internal/locale), the
	// hyphenation of justified text and the PDF's language.
	Language string
	// Labels override fixed words of the language's catalogue, by key
	// ("contents": "Table des matières").
	Labels map[string]string
	// NoHyphenate lists words never hyphenated (names, terms).
	NoHyphenate []string `mapstructure:"no_hyphenate"`
	// PDFStandard is the standard the PDF meets: pdf/a-2b (the default)
	// or none.
	PDFStandard string `mapstructure:"pdf_standard"`
	Output      string
}

// Brand is the `brand:` block: organisation, colours, logo, fonts.
type Brand struct {
	Organization string
	Logo         string
	PrimaryColor string `mapstructure:"primary_color"`
	AccentColor  string `mapstructure:"accent_color"`
	Palette      []string
	// PeriodFormat is how the period prints for readers, in prose and
	// page furniture: "Q{q} {year}" (the default), "{ordinal} quarter of
	// {year}", ...
	PeriodFormat string `mapstructure:"period_format"`
	Fonts        Fonts
	Disclaimer   string
}

// Fonts are optional TTF paths replacing the embedded font family, and
// fonts for the characters it lacks (Fallback, tried in order, at most
// MaxFallbackFonts).
type Fonts struct {
	Regular    string
	Bold       string
	Italic     string
	BoldItalic string `mapstructure:"bold_italic"`
	Fallback   []string
}

// MaxFallbackFonts is the most fonts brand.fonts.fallback may list.
const MaxFallbackFonts = 3

// Dataset is one entry of `data:`.
type Dataset struct {
	Path    string
	Format  string // csv | sipri-register | sipri-tiv-table
	Decimal string
	Skip    int
	// Sheet and HeaderRow place the table in an Excel workbook: the
	// worksheet (default the first) and the header's row (default the
	// first row of two cells or more).
	Sheet     string
	HeaderRow int  `mapstructure:"header_row"`
	Time      Time `mapstructure:"-"`
	// Title names the dataset for readers, in source lines and the annex
	// ("Russia–China joint exercises, from open sources"); the file name
	// is used without it.
	Title string
	// Labels print a column's values for readers, by lower-case column:
	// {domain: {coast_guard: "coast guard"}}. Tables of the dataset,
	// series and categories of analyses by the column and the template
	// function label use them; an analysis's own labels come first.
	Labels map[string]map[string]string
	// Previous is an earlier export of the same data, read as this one
	// is, for revisions analyses: a file, or of a database a table;
	// PreviousGenerated its export date when it does not print one.
	Previous          string
	PreviousGenerated string `mapstructure:"previous_generated"`
	// Generated is the date the data was exported, for data that does not
	// print one itself (a database loaded from an export): "12 Feb 2026"
	// or 2026-02-12.
	Generated string

	// A SQL dataset: Driver (postgres or sqlite), DSN (may be
	// "${ENV_VAR}": it is never printed), and Table or Query (used as a
	// subquery). Its analyses run in the database.
	Driver  string
	DSN     string `mapstructure:"dsn"`
	Table   string
	Query   string
	Timeout time.Duration `mapstructure:"-"` // per query; 60 s by default
}

// IsSQL reports whether the dataset is read from a database.
func (d Dataset) IsSQL() bool { return d.Driver != "" }

// Label is how value of column prints: its label, or the value itself.
func (d Dataset) Label(column, value string) string {
	for col, m := range d.Labels {
		if !strings.EqualFold(col, column) {
			continue
		}
		for from, to := range m {
			if strings.EqualFold(strings.TrimSpace(from), strings.TrimSpace(value)) {
				return to
			}
		}
	}
	return value
}

// Time says which columns give a row its time: a single column (Column),
// or a date column falling back to year + month, then year.
type Time struct {
	Column string
	Date   string
	Year   string
	Month  string
}

// IsZero reports whether no time column is configured.
func (t Time) IsZero() bool { return t == Time{} }

// Analysis is one entry of `analyses:`. Which fields apply depends on Kind.
type Analysis struct {
	Kind          string
	Dataset       string
	Value         string
	Series        []SeriesSpec `mapstructure:"-"`
	By            string
	Top           int
	Where         Filter `mapstructure:"-"`
	Interval      string
	From          string
	To            string
	MovingAverage int `mapstructure:"moving_average"`
	Missing       string
	Labels        map[string]string
	Of            string
	Periods       []PeriodSpec
	Empty         string
	Time          Time `mapstructure:"-"`
	// Threshold hides revisions smaller than it: "10" (in the value's
	// unit) or "5%" (of the old value).
	Threshold string
}

// SeriesSpec is one entry of an analysis's `series:` list.
type SeriesSpec struct {
	Label string
	Where Filter `mapstructure:"-"`
	Value string
	Color string
}

// PeriodSpec is one labelled period of a compare analysis.
type PeriodSpec struct {
	Label string
	From  string
	To    string
}

// Filter is a decoded `where:` map: every clause must hold (AND), and no
// row matching Not may pass. An empty Filter matches every row.
type Filter struct {
	Clauses []Clause
	Not     *Filter
}

// Clause requires a column's trimmed text to equal one of Values.
type Clause struct {
	Column string
	Values []string
}

// IsZero reports whether the filter matches every row.
func (f Filter) IsZero() bool { return len(f.Clauses) == 0 && f.Not == nil }

// Chart is one entry of `charts:`.
type Chart struct {
	Analysis string
	Type     string
	Title    string
	YLabel   string `mapstructure:"y_label"`
	Caption  string
	Source   string
	Height   float64
	Measure  string
	// Period picks one period of a compare analysis for a donut or a
	// stacked bar (which would otherwise add the periods together).
	Period      string
	Annotations []Annotation `mapstructure:"-"`
	// Alt is the figure's text for readers who cannot see it (a
	// template), in place of the sentence the chart writes of its data.
	Alt string
}

// Annotation is a labelled vertical line on a chart at X (a year or time).
type Annotation struct {
	X     string
	Label string
}

// Section is one entry of `sections:`: a titled list of blocks.
type Section struct {
	Title  string
	Blocks []Block
}

// BlockKind says what a block draws.
type BlockKind string

// The kinds of section block.
const (
	BlockText    BlockKind = "text"
	BlockCallout BlockKind = "callout"
	BlockChart   BlockKind = "chart"
	BlockTable   BlockKind = "table"
)

// Block is one entry of a section's `blocks:`.
type Block struct {
	Kind BlockKind
	Path string // key path, e.g. sections[1].blocks[2], for messages

	// text and callout
	File     string // a Markdown file (resolved), or "" for inline Markdown
	Markdown string // inline Markdown
	Title    string // callout or table title

	// chart
	Chart string

	// table: an analysis result, or rows of a dataset
	Analysis string
	Dataset  string
	Columns  []string // the dataset's columns shown, in order (all when empty)
	Decimals int      // -1 = default
	Table    TableOptions

	// Pinned (float: false) keeps a chart or table where it is in the
	// text; by default one that does not fit floats to the next page.
	Pinned bool
}
