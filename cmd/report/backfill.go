package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"sync"

	"github.com/briefing/report/internal/period"
)

// parseRange reads "2024-Q1..2025-Q4" into the quarters it spans.
func parseRange(s string) ([]period.Period, error) {
	a, b, ok := strings.Cut(s, "..")
	if !ok {
		return nil, fmt.Errorf("--periods %q: expected FROM..TO, e.g. 2024-Q1..2025-Q4", s)
	}
	quarter := func(q, example string) (period.Period, error) {
		iv, err := period.ParseInterval(q)
		if err != nil || iv.Unit != period.Quarter {
			return period.Period{}, fmt.Errorf("--periods %q: %q is not a quarter such as %s", s, q, example)
		}
		return period.Period{Interval: iv}, nil
	}
	from, err := quarter(a, "2024-Q1")
	if err != nil {
		return nil, err
	}
	to, err := quarter(b, "2025-Q4")
	if err != nil {
		return nil, err
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

// quarterResult is the outcome of one quarter of a backfill.
type quarterResult struct {
	path  string
	pages int
	err   error
}

// runBackfill writes one PDF per quarter, on every core, and reports every
// quarter that failed.
func runBackfill(o *genOptions, clock period.Clock, log *logger) error {
	quarters, err := parseRange(o.Periods)
	if err != nil {
		return err
	}
	if o.Out != "" && !perPeriod(o.Out) {
		return fmt.Errorf("--periods writes one PDF per quarter: --out %q must contain {{ .Period }}", o.Out)
	}
	results := make([]quarterResult, len(quarters))
	progress := newProgress(o.Streams.Out, len(quarters), o.Quiet)
	work := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.NumCPU(), len(quarters)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				results[i] = buildQuarter(o, clock, log, quarters[i])
				progress.done(quarters[i].String())
			}
		}()
	}
	for i := range quarters {
		work <- i
	}
	close(work)
	wg.Wait()
	progress.finish()

	var failed []string
	var usage error
	for i, r := range results {
		switch {
		case r.err == nil:
			if o.Verbose {
				fmt.Fprintf(o.Streams.Out, "wrote %s (%d pages, %s)\n", r.path, r.pages, quarters[i])
			}
		case isUsage(r.err):
			usage = r.err
		default:
			failed = append(failed, quarters[i].String())
			printError(o.Streams.Err, fmt.Errorf("%s: %w", quarters[i], r.err))
		}
	}
	if usage != nil {
		return usage
	}
	if !o.Quiet {
		fmt.Fprintf(o.Streams.Out, "backfill %s: %d of %d quarters written\n", o.Periods, len(quarters)-len(failed), len(quarters))
	}
	if len(failed) > 0 {
		return inputErr(errors.New("failed quarters: " + strings.Join(failed, ", ")))
	}
	return nil
}

func buildQuarter(o *genOptions, clock period.Clock, log *logger, q period.Period) quarterResult {
	sets := append(append([]string{}, o.Sets...), "report.period="+q.String())
	b, err := build(buildInput{Config: o.Config, Sets: sets, Env: o.Env, Clock: clock, Strict: o.Strict, Log: log, Debug: o.DebugLayout})
	if err != nil {
		return quarterResult{err: err}
	}
	if o.Out == "" && !perPeriod(b.Config.Report.Output) {
		return quarterResult{err: fmt.Errorf("--periods writes one PDF per quarter: report.output %q must contain {{ .Period }}", b.Config.Report.Output)}
	}
	path, err := outputPath(o.Out, b.Config.Report.Output, b.Period, b.Config.Params)
	if err == nil {
		err = inputErr(b.write(path))
	}
	return quarterResult{path: path, pages: b.Pages, err: err}
}

func isUsage(err error) bool {
	var ie *inputError
	return !errors.As(err, &ie)
}

// progress draws a bar on a terminal and nothing otherwise (the summary
// line says how it went).
type progress struct {
	mu    sync.Mutex
	w     io.Writer
	total int
	n     int
	tty   bool
}

func newProgress(w io.Writer, total int, quiet bool) *progress {
	f, ok := w.(*os.File)
	tty := false
	if ok && !quiet {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			tty = true
		}
	}
	return &progress{w: w, total: total, tty: tty}
}

func (p *progress) done(label string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.n++
	if !p.tty {
		return
	}
	const width = 30
	filled := width * p.n / p.total
	fmt.Fprintf(p.w, "\r[%s%s] %d/%d %s ", strings.Repeat("#", filled), strings.Repeat(" ", width-filled), p.n, p.total, label)
}

func (p *progress) finish() {
	if p.tty {
		fmt.Fprintln(p.w)
	}
}
