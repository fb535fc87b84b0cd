package layouts

import (
	"fmt"
	"time"
)

// RGB is a colour with 8-bit channels.
type RGB struct{ R, G, B uint8 }

// Drawing is a figure's picture (a vector chart). It draws itself on c
// into the box x, y, w, h of the page, in millimetres. Layouts clips it to
// that box and sets its own state back afterwards.
type Drawing interface {
	Draw(c Canvas, x, y, w, h float64) error
}

// Describer is a Drawing that can say what it shows in words, for the
// alternative text of its figure.
type Describer interface {
	Describe() string
}

// Shortener is a Drawing that can say which of its texts it shortened to
// fit when it last drew (Plan.Quality counts them).
type Shortener interface {
	Shortened() []string
}

// Fonts holds optional paths of TrueType files. An empty path selects the
// embedded Go font of that style (golang.org/x/image/font/gofont).
type Fonts struct {
	Regular, Bold, Italic, BoldItalic string
	// Fallback are fonts for the characters the four lack (CJK, Arabic,
	// say), tried in order, at most three. Arabic and Hebrew are shaped in
	// them; the Indic scripts, which report does not shape, are not taken
	// from them.
	Fallback []string
}

// Brand is the look of the organisation that publishes the briefing.
type Brand struct {
	Organization string
	Primary      RGB    // headings, rules, table headers, cover band
	Accent       RGB    // series line, callout bar, classification banner
	Logo         string // PNG or JPEG path, optional; unreadable is an error
	Fonts        Fonts
	Disclaimer   string // printed at the end when not empty
}

// Document is a whole briefing: the cover data and the sections.
type Document struct {
	Title, Subtitle, Series string
	Authors                 []string
	Period                  string    // "2025-Q3", printed on the cover
	Date                    time.Time // the run's clock (UTC): cover date and PDF dates
	Classification          string    // banner top and bottom of every page ("" = none)
	// PeriodLabel is the period as readers read it ("Q3 2025"), for the
	// running footer; Period is its code ("2025-Q3").
	PeriodLabel string
	// Standard is the PDF standard the file meets: StandardPDFA2B (the
	// default, "") or StandardNone.
	Standard string
	// BannerColor and BannerText colour the classification banner; zero
	// BannerColor takes the brand's accent and a text colour that reads on it.
	BannerColor, BannerText RGB
	Draft                   bool   // a faint diagonal DRAFT watermark above the content of every page
	PageSize                string // "A4" (default) or "Letter"
	// Words are the fixed words of the page in the document's language.
	Words Words
	// Language is the document's language tag (BCP 47, "en-GB" when
	// empty): the PDF's /Lang and the hyphenation patterns of justified
	// text. A language without patterns is set without hyphens.
	Language string
	// RightToLeft mirrors the page for a language written right to left:
	// the running head and footer, the contents, tables' columns, the
	// cover's details. Paragraphs take their direction from their text.
	RightToLeft bool
	// NoHyphenate lists words that are never hyphenated (names).
	NoHyphenate []string
	Keywords    []string
	Brand       Brand
	Sections    []Section
	// ListOfFigures adds a list of the figures, with their pages, after
	// the table of contents.
	ListOfFigures bool
	// Debug outlines the frame of every page and the box of every placed
	// block, labelled with its kind (the command's --debug-layout).
	Debug bool
}

// Section is a numbered part of the briefing ("1 Key judgments").
type Section struct {
	Title  string
	Blocks []Content
}

// Content is one block of a section: Markdown, Figure or Table.
type Content interface{ isContent() }

// Markdown is narrative in CommonMark with footnotes. Source names it in
// warnings and errors (a file name, or "sections[1].blocks[2]"). A Callout
// is drawn in a shaded box under its bold Title.
type Markdown struct {
	Source  string
	Text    string
	Callout bool
	Title   string
}

// Figure is a numbered picture: "Figure N. Title" above the Drawing, the
// Caption and "Source: ..." below. Height is in millimetres (0 = 75).
type Figure struct {
	ID, Title, Caption, Source string
	Height                     float64
	Drawing                    Drawing
	// Pinned keeps the figure at its place in the text: when it does not
	// fit, it and what follows move to the next page. Otherwise it floats
	// to the top of the next page while the text after it fills the space.
	Pinned bool
	// Alt, when set, is the figure's alternative text after its title, in
	// place of the drawing's description of itself.
	Alt string
}

// Table is a numbered table: "Table N. Title" above, a header row, and rows
// of text. Rows may be shorter or longer than Columns; missing cells are
// empty and extra cells are an error.
type Table struct {
	ID, Title, Source string
	// Note is a line under the table saying how to read it ("Change
	// compares means per year ..."), above the source line.
	Note    string
	Columns []Column
	Rows    [][]string
	// Places are where each row was read, for warnings about its text;
	// empty, or shorter than Rows, for rows that were not read from a file.
	Places []Place
	// Pinned keeps the table at its place in the text, as for a Figure.
	// A table taller than a page never floats: it splits.
	Pinned bool
	// Landscape sets the table sideways on pages of its own, its top
	// towards the left edge, for a table too wide for the text column.
	Landscape bool
}

// Column is the header of a table column; Numeric columns are right-aligned.
type Column struct {
	Header  string
	Numeric bool
}

func (Markdown) isContent() {}
func (Figure) isContent()   {}
func (Table) isContent()    {}

// Warning is a problem that did not stop the document, such as text no
// font can draw, with where the text was written, so that a caller can
// say so without reading the message: a Markdown file or a config key
// (Source), or a figure's or a table's text (Figure or Table, their ID or
// place, with the Field or the Row, and the file and line the row was
// read from).
type Warning struct {
	Source        string // a Markdown source or a config key path ("report.title")
	Figure, Table string // the figure or table whose text it is
	Field         string // which text of the figure or table: "title", "caption", "source", "note", "header"
	Row           int    // the table's row, 1-based
	At            Place  // where the table's row was read, when it was
	Text          string // an excerpt of the text
	Msg           string
	Runes         []rune // the characters no font can draw, for a missing glyph
	Font          string // the font that lacks them
	Unshaped      bool   // some of Runes are of a script that must be shaped in a way report does not do yet
}

// Place is a line of a file: where a table's row was read.
type Place struct {
	File string
	Line int
}

// where names the text's place as the message does: the source, "figure
// ID" or "table ID".
func (w Warning) where() string {
	switch {
	case w.Figure != "":
		return "figure " + w.Figure
	case w.Table != "":
		return "table " + w.Table
	}
	return w.Source
}

// String formats the warning as "source: msg: "text"".
func (w Warning) String() string {
	s := w.Msg
	if where := w.where(); where != "" {
		s = where + ": " + s
	}
	if w.Text != "" {
		s += ": \"" + w.Text + "\""
	}
	return s
}

// BlockError is an error of one block of the document that stops it,
// placed: the block's section and index in Document.Sections (-1 for a
// table written in Markdown), its kind and ID, and for a table the row.
type BlockError struct {
	Section, Block int
	Kind           string // "figure", "table", or "" for content of an unknown type
	ID             string // the figure's or table's ID, "" when it has none
	Row            int    // a table's row, 1-based; 0 for the block as a whole
	Msg            string // the whole message, naming the block
}

func (e *BlockError) Error() string { return e.Msg }

// blockAt is the place of a block in Document.Sections.
type blockAt struct{ section, block int }

// inMarkdown is the place of a block written in a Markdown text.
var inMarkdown = blockAt{-1, -1}

// errorf is a BlockError of the block at at.
func (at blockAt) errorf(kind, id string, row int, format string, args ...any) *BlockError {
	return &BlockError{Section: at.section, Block: at.block, Kind: kind, ID: id, Row: row, Msg: fmt.Sprintf(format, args...)}
}

// SourceError is a problem in the text of one Markdown block that stops
// the document, such as a footnote used but defined nowhere. Source names
// the block (the narrative file), Msg says what is wrong.
type SourceError struct{ Source, Msg string }

func (e *SourceError) Error() string { return e.Source + ": " + e.Msg }

// Result is what Render made: the number of pages, the warnings and the plan.
type Result struct {
	Pages    int
	Warnings []Warning
	Plan     *Plan
}

// Numbering returns the figure and table numbers by ID, in document order,
// as Render prints them ("Figure 2"). Blocks without an ID are counted but
// not listed.
func Numbering(doc Document) (figures, tables map[string]int) {
	figures, tables = map[string]int{}, map[string]int{}
	nf, nt := 0, 0
	for _, s := range doc.Sections {
		for _, b := range s.Blocks {
			switch b := b.(type) {
			case Figure:
				nf++
				if b.ID != "" {
					figures[b.ID] = nf
				}
			case *Figure:
				nf++
				if b != nil && b.ID != "" {
					figures[b.ID] = nf
				}
			case Table:
				nt++
				if b.ID != "" {
					tables[b.ID] = nt
				}
			case *Table:
				nt++
				if b != nil && b.ID != "" {
					tables[b.ID] = nt
				}
			}
		}
	}
	return figures, tables
}

// language is the document's language tag, "en-GB" by default.
func (d *Document) language() string {
	if d.Language == "" {
		return "en-GB"
	}
	return d.Language
}

// The PDF standards a document may meet.
const (
	StandardPDFA2B = "pdf/a-2b"
	StandardNone   = "none"
)
