package layouts

import (
	"strconv"
	"strings"
	"time"
)

// Words are the fixed words of the page in the document's language, and
// its period and date as that language writes them. An empty field is the
// English default, given in its comment.
type Words struct {
	Contents      string // "Contents"
	ListOfFigures string // "List of figures"
	Endnotes      string // "Endnotes"
	Disclaimer    string // "Disclaimer"
	Continued     string // "(continued)"
	Figure        string // "Figure {n}."
	Table         string // "Table {n}."
	Source        string // "Source: "
	Note          string // "Note: "
	PageOf        string // "Page {page} of {pages}"
	Period        string // "PERIOD", on the cover
	Published     string // "PUBLISHED"
	Author        string // "AUTHOR"
	Authors       string // "AUTHORS"
	EndnoteLink   string // what a screen reader says of a note's number: "Endnote {n}"
	GoTo          string // and of a contents line: "Go to {target}"
	PeriodText    string // the period: "Fourth quarter 2025 (2025-Q4)"
	DateText      string // the date: "2 March 2026"
	// Digits are the digits 0 to 9 of the numbers layouts writes (pages,
	// sections, figures, tables, notes, list items): "٠١٢٣٤٥٦٧٨٩" for
	// ar-u-nu-arab; "" for 0 to 9.
	Digits string
}

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func (w Words) contents() string      { return or(w.Contents, "Contents") }
func (w Words) listOfFigures() string { return or(w.ListOfFigures, "List of figures") }
func (w Words) endnotes() string      { return or(w.Endnotes, "Endnotes") }
func (w Words) disclaimer() string    { return or(w.Disclaimer, "Disclaimer") }
func (w Words) continued() string     { return or(w.Continued, "(continued)") }
func (w Words) source() string        { return or(w.Source, "Source: ") }
func (w Words) note() string          { return or(w.Note, "Note: ") }

// num is n written in the document's digits.
func (w Words) num(n int) string { return w.digits(strconv.Itoa(n)) }

// digits is s with its digits 0 to 9 in the document's digits.
func (w Words) digits(s string) string {
	d := []rune(w.Digits)
	if len(d) != 10 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return d[r-'0']
		}
		return r
	}, s)
}

func (w Words) figure(n int) string {
	return strings.ReplaceAll(or(w.Figure, "Figure {n}."), "{n}", w.num(n))
}

func (w Words) table(n int) string {
	return strings.ReplaceAll(or(w.Table, "Table {n}."), "{n}", w.num(n))
}

func (w Words) pageOf(page, pages int) string {
	// not a strings.Replacer: one is built for each page's footer
	s := strings.ReplaceAll(or(w.PageOf, "Page {page} of {pages}"), "{pages}", w.num(pages))
	return strings.ReplaceAll(s, "{page}", w.num(page))
}

// endnoteLink is what a screen reader says of the number of note n (its
// number as the link names it, "3").
func (w Words) endnoteLink(n string) string {
	return strings.ReplaceAll(or(w.EndnoteLink, "Endnote {n}"), "{n}", w.digits(n))
}

func (w Words) goTo(target string) string {
	return strings.ReplaceAll(or(w.GoTo, "Go to {target}"), "{target}", target)
}

// period is the document's period as readers read it.
func (w Words) period(code string) string { return or(w.PeriodText, periodText(code)) }

// date is the document's date as readers read it.
func (w Words) date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return or(w.DateText, dateText(t))
}
