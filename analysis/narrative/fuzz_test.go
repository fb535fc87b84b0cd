package narrative

import (
	"errors"
	"strings"
	"testing"
)

// FuzzRenderTemplate runs random template text against a fixed Env: it
// must never panic, never run away, and every error must be an *Error with
// the source and a line inside the text.
func FuzzRenderTemplate(f *testing.F) {
	// The seed corpus in testdata/fuzz/FuzzRenderTemplate holds the sample
	// briefing's narrative files; these add each function and the limits.
	for _, s := range []string{
		`{{ value "arms" "A" 2021 | num }}`, `{{ with last "arms" "A" }}{{ .Value }} in {{ .Time }}{{ end }}`,
		`{{ change "arms" "A" 2020 2021 | pct }}`, `{{ range rows "news" }}{{ .name }}{{ end }}`,
		`{{ (cmp "cmp" "A" "early").Total }}`, `{{ fig "chart" }} {{ tab "cmp" }}`, `{{ .Period.Previous }}`,
		"a\n\n{{ value ", `{{ range 3 }}{{ range 4 }}x{{ end }}{{ end }}`, `{{ define "a" }}{{ end }}`,
	} {
		f.Add(s)
	}
	env := testEnv()
	f.Fuzz(func(t *testing.T, text string) {
		out, err := env.Render("fuzz.md", text)
		if err == nil {
			if len(out) > MaxOutput {
				t.Fatalf("output of %d bytes passed the limit", len(out))
			}
			return
		}
		var te *Error
		if !errors.As(err, &te) {
			t.Fatalf("error %T is not *Error: %v", err, err)
		}
		if te.Source != "fuzz.md" || te.Msg == "" {
			t.Fatalf("error without source or message: %#v", te)
		}
		if te.Line < 0 || te.Line > strings.Count(text, "\n")+1 {
			t.Fatalf("line %d outside the text's %d lines: %v", te.Line, strings.Count(text, "\n")+1, te)
		}
	})
}
