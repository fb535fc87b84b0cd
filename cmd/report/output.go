package main

import (
	"bytes"
	"fmt"
	"strings"
	"text/template"
	"time"

	"github.com/briefing/report/internal/period"
)

// outputData is what an output path template can use: {{ .Period }},
// {{ .Year }}, {{ .Quarter }}.
type outputData struct {
	Period  string
	Year    int
	Quarter int
}

// outputPath expands the --out template, else the config's report.output.
func outputPath(flagOut, cfgOut string, p period.Period) (string, error) {
	tmpl := cfgOut
	if flagOut != "" {
		tmpl = flagOut
	}
	t, err := template.New("output").Option("missingkey=error").Parse(tmpl)
	if err != nil {
		return "", inputErr(fmt.Errorf("output path %q: %w", tmpl, err))
	}
	var b bytes.Buffer
	if err := t.Execute(&b, outputData{Period: p.String(), Year: p.Year(), Quarter: p.Quarter()}); err != nil {
		return "", inputErr(fmt.Errorf("output path %q: %w", tmpl, err))
	}
	return b.String(), nil
}

// perPeriod reports whether an output template names the period, so that a
// backfill writes one file per quarter.
func perPeriod(tmpl string) bool {
	return strings.Contains(tmpl, ".Period")
}

func clockOf(asOf string, env []string, now func() time.Time) (period.Clock, error) {
	return period.NewClock(asOf, envValue(env, "SOURCE_DATE_EPOCH"), now)
}
