package analysis

import (
	"github.com/briefing/report/config"
	"github.com/briefing/report/internal/locale"
)

// wordsOf is the locale of the briefing, for the few words analyses write
// into their results ("2025 (to Q3)", "data generated 12 Feb 2026"):
// English when the config's language or labels cannot be had (the config's
// checks and compose say why).
func wordsOf(c *config.Config) *locale.Locale {
	l, err := locale.New(c.Report.Language, c.Report.Labels)
	if err != nil {
		l, _ = locale.New("en", nil)
	}
	return l
}
