package compose

import (
	"errors"
	"strings"

	"github.com/briefing/report/analysis/narrative"
	"github.com/briefing/report/config"
)

// fields runs the short texts of a config as templates: the title and
// subtitle, section titles, chart titles, captions, source lines, axis
// titles and annotation labels, table and callout titles. They read the
// same values as the narrative ("Exercises per year, {{ .Period }}").
// Problems are placed at the config key of the text.
type fields struct {
	c   *config.Config
	env *narrative.Env
	ps  config.Problems
}

// text renders s, the value of the config key at path; text without an
// action is returned as it is.
func (f *fields) text(path, s string) string {
	if !strings.Contains(s, "{{") {
		return s
	}
	seen := len(f.env.Warnings)
	out, err := f.env.Render(path, s)
	for _, w := range f.env.Warnings[seen:] {
		p := f.c.Problemf(path, "%s", errMsg(w))
		p.Warning = true
		f.ps = append(f.ps, p)
	}
	if err != nil {
		for _, e := range textErrors(err) {
			f.ps = append(f.ps, f.c.Problemf(path, "%s", errMsg(e)))
		}
		return s
	}
	// A title is one line: a template that ends in a newline does not make
	// it two.
	return strings.TrimSpace(out)
}

func errMsg(err error) string {
	var te *narrative.Error
	if errors.As(err, &te) {
		return te.Msg
	}
	return err.Error()
}
