package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/briefing/report/internal/period"
)

// parseRange reads "2024-Q1..2025-Q4" into the quarters it spans.
func parseRange(s string) ([]period.Period, error) {
	a, b, ok := strings.Cut(s, "..")
	if !ok {
		return nil, fmt.Errorf("--periods %q: expected FROM..TO, e.g. 2024-Q1..2025-Q4", s)
	}
	from, err := period.ParsePeriod(a, period.FixedClock(period.YearOf(1).Start).Now())
	if err != nil || strings.EqualFold(strings.TrimSpace(a), period.Latest) {
		return nil, fmt.Errorf("--periods %q: %q is not a quarter such as 2024-Q1", s, a)
	}
	to, err := period.ParsePeriod(b, period.FixedClock(period.YearOf(1).Start).Now())
	if err != nil || strings.EqualFold(strings.TrimSpace(b), period.Latest) {
		return nil, fmt.Errorf("--periods %q: %q is not a quarter such as 2025-Q4", s, b)
	}
	if to.Start.Before(from.Start) {
		return nil, fmt.Errorf("--periods %q: %s is before %s", s, b, a)
	}
	var out []period.Period
	for p := from; !p.Start.After(to.Start); p = (period.Period{Interval: p.Next()}) {
		out = append(out, p)
		if len(out) > 400 {
			return nil, fmt.Errorf("--periods %q: more than 400 quarters", s)
		}
	}
	return out, nil
}

// runBackfill writes one PDF per quarter and reports every quarter that
// failed.
func runBackfill(o *genOptions, clock period.Clock, log *logger) error {
	quarters, err := parseRange(o.Periods)
	if err != nil {
		return err
	}
	var failed []string
	for _, q := range quarters {
		sets := append(append([]string{}, o.Sets...), "report.period="+q.String())
		b, err := build(buildInput{Config: o.Config, Sets: sets, Env: o.Env, Clock: clock, Strict: o.Strict, Log: log})
		if err == nil {
			tmpl := o.Out
			if tmpl == "" {
				tmpl = b.Config.Report.Output
			}
			if !perPeriod(tmpl) {
				return fmt.Errorf("--periods writes one PDF per quarter: the output path %q must contain {{ .Period }}", tmpl)
			}
			var path string
			if path, err = outputPath(o.Out, b.Config.Report.Output, b.Period); err == nil {
				if err = b.write(path); err == nil && !o.Quiet {
					fmt.Fprintf(o.Streams.Out, "wrote %s (%d pages, %s)\n", path, b.Pages, q)
				}
			}
		}
		if err != nil {
			failed = append(failed, q.String())
			printError(o.Streams.Err, err)
		}
	}
	if !o.Quiet {
		fmt.Fprintf(o.Streams.Out, "backfill: %d of %d quarters written\n", len(quarters)-len(failed), len(quarters))
	}
	if len(failed) > 0 {
		return inputErr(errors.New("failed quarters: " + strings.Join(failed, ", ")))
	}
	return nil
}
