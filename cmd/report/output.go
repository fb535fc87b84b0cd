package main

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/briefing/report/config"
	"github.com/briefing/report/internal/period"
)

// outputPath expands the --out template, else the config's report.output.
// A bad --out was refused before the build (checkOutFlag); a bad
// report.output by the config checks.
func outputPath(flagOut, cfgOut string, p period.Period, params map[string]string) (string, error) {
	tmpl := cfgOut
	if flagOut != "" {
		tmpl = flagOut
	}
	out, err := config.ExpandOutput(tmpl, config.OutputData{Period: p.String(), Year: p.Year(), Quarter: p.Quarter(), Params: params})
	if err != nil {
		return "", inputErr(err)
	}
	return out, nil
}

// checkOutFlag refuses an --out template that cannot expand: a command-line
// error, found before anything is read.
func checkOutFlag(out string) error {
	if out == "" {
		return nil
	}
	if strings.TrimSpace(out) == "" {
		return errors.New("--out is empty")
	}
	if err := config.CheckOutput(out); err != nil {
		return fmt.Errorf("--out: %v", err)
	}
	return nil
}

// checkPeriodFlag refuses a --period that is not a quarter or latest: a
// command-line error.
func checkPeriodFlag(p string) error {
	if p == "" {
		return nil
	}
	// the syntax only: the config resolves the period against the clock
	if _, err := period.ParsePeriod(p, time.Time{}); err != nil {
		return fmt.Errorf("--period: %v", err)
	}
	return nil
}

// perPeriod reports whether an output template names the period, so that a
// backfill writes one file per quarter.
func perPeriod(tmpl string) bool {
	return strings.Contains(tmpl, ".Period")
}

func clockOf(asOf string, env []string, now func() time.Time) (period.Clock, error) {
	return period.NewClock(asOf, sourceDateEpoch(env), now)
}
