package compose

import (
	"strings"
	"time"

	"github.com/briefing/report/config"
	"github.com/briefing/report/internal/locale"
	"github.com/briefing/report/internal/period"
	"github.com/briefing/report/layouts"
)

// localeOf is the briefing's locale, from report.language and
// report.labels, with a warning when its catalogue lacks words (they are
// written in English) or there is no catalogue for the language at all.
func localeOf(c *config.Config) (*locale.Locale, config.Problems) {
	loc, err := locale.New(c.Report.Language, c.Report.Labels)
	if err != nil { // the config's checks make this rare: English, and say why
		loc, _ = locale.New("en", nil)
		return loc, config.Problems{c.Problemf("report.labels", "%v", err)}
	}
	var ps config.Problems
	asked, _ := loc.Tag.Base()
	got, _ := loc.Catalogue.Base()
	switch {
	case asked != got:
		ps = append(ps, c.Warningf("report.language", "no catalogue of fixed words for %q: they are in English (catalogues: %s; add one in internal/locale/catalogue, or set report.labels)",
			c.Report.Language, strings.Join(locale.Languages(), ", ")))
	case len(loc.Missing) > 0:
		ps = append(ps, c.Warningf("report.language", "the %s catalogue has no %s: written in English (set report.labels)",
			loc.Catalogue, strings.Join(loc.Missing, ", ")))
	}
	return loc, ps
}

// wordsOf are the fixed words of the page in the locale's language.
func wordsOf(loc *locale.Locale, p period.Period, asOf time.Time) layouts.Words {
	w := func(key string) string { return loc.Word(key) }
	return layouts.Words{
		Contents: w("contents"), ListOfFigures: w("list_of_figures"), Endnotes: w("endnotes"),
		Disclaimer: w("disclaimer"), Continued: w("continued"),
		Figure: w("figure"), Table: w("table"), Source: w("source"), Note: w("note"), PageOf: w("page_of"),
		EndnoteLink: w("link_endnote"), GoTo: w("link_goto"),
		Period: w("cover_period"), Published: w("cover_published"), Author: w("cover_author"), Authors: w("cover_authors"),
		PeriodText: loc.Period(p.Year(), p.Quarter()), DateText: loc.Date(asOf), Digits: loc.Digits(),
	}
}

// periodFormat is how the period prints in prose and page furniture:
// brand.period_format, else the language's ("Q4 2025", "T4 2025").
func periodFormat(c *config.Config, loc *locale.Locale) string {
	if c.Brand.PeriodFormat != "" {
		return c.Brand.PeriodFormat
	}
	return loc.Word("period_short")
}
