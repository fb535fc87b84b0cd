package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/briefing/report/briefing"

	"github.com/briefing/report/config"
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

// job is one briefing of a batch: a quarter (nil: the config's) and a
// value of the batch's parameter ("" when there is none).
type job struct {
	quarter *period.Period
	value   string
}

// label names the job in messages: "India 2024-Q3".
func (j job) label() string {
	var parts []string
	if j.value != "" {
		parts = append(parts, j.value)
	}
	if j.quarter != nil {
		parts = append(parts, j.quarter.String())
	}
	return strings.Join(parts, " ")
}

// jobResult is the outcome of one briefing of a batch.
type jobResult struct {
	path  string
	pages int
	err   error
}

// batch is what gen makes many of: quarters (--periods), values of a
// parameter (--each or foreach:), or both, a briefing for each pair.
type batch struct {
	quarters []period.Period
	param    string
	values   []string
}

func (b batch) jobs() []job {
	qs := make([]*period.Period, 0, len(b.quarters))
	for i := range b.quarters {
		qs = append(qs, &b.quarters[i])
	}
	if len(qs) == 0 {
		qs = []*period.Period{nil}
	}
	vals := b.values
	if len(vals) == 0 {
		vals = []string{""}
	}
	var out []job
	for _, v := range vals {
		for _, q := range qs {
			out = append(out, job{quarter: q, value: v})
		}
	}
	return out
}

// what names the batch in the summary: "backfill 2024-Q1..2025-Q4",
// "country × 3", "country × 3, 2024-Q1..2024-Q4".
func (b batch) what(periods string) string {
	var parts []string
	if b.param != "" {
		parts = append(parts, fmt.Sprintf("%s × %d", b.param, len(b.values)))
	}
	if periods != "" {
		parts = append(parts, periods)
	}
	if b.param == "" {
		return "backfill " + periods
	}
	return strings.Join(parts, ", ")
}

// runBatch writes one PDF per job, on every core, and reports every job
// that failed; the others are written.
func runBatch(o *genOptions, b batch, clock period.Clock, log *logger) error {
	if o.Out != "" {
		if err := checkBatchOut(o.Out, b, "--out"); err != nil {
			return err
		}
	}
	jobs := b.jobs()
	shared := shareWork(o, b, clock, log)
	results := make([]jobResult, len(jobs))
	progress := newProgress(o.Streams.Out, len(jobs), o.Quiet)
	work := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.NumCPU(), len(jobs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				results[i] = buildJob(o, b, clock, log, jobs[i], shared[jobs[i].value])
				progress.done(jobs[i].label())
			}
		}()
	}
	for i := range jobs {
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
				fmt.Fprintf(o.Streams.Out, "wrote %s (%d pages, %s)\n", r.path, r.pages, jobs[i].label())
			}
		case isUsage(r.err):
			usage = r.err
		default:
			failed = append(failed, jobs[i].label())
			fmt.Fprintf(o.Streams.Err, "%s:\n", jobs[i].label())
			printError(o.Streams.Err, r.err)
		}
	}
	if usage != nil {
		return usage
	}
	if !o.Quiet {
		noun := "briefings"
		if b.param == "" {
			noun = "quarters"
		}
		fmt.Fprintf(o.Streams.Out, "%s: %d of %d %s written\n", b.what(o.Periods), len(jobs)-len(failed), len(jobs), noun)
	}
	if len(failed) > 0 {
		return inputErr(errors.New("failed: " + strings.Join(failed, ", ")))
	}
	return nil
}

// checkBatchOut refuses an output path that would write every briefing of
// the batch to the same file: a command-line error.
func checkBatchOut(tmpl string, b batch, what string) error {
	if len(b.quarters) > 0 && !perPeriod(tmpl) {
		return fmt.Errorf("--periods writes one PDF per quarter: %s %q must contain {{ .Period }}", what, tmpl)
	}
	if b.param != "" && !slices.Contains(config.OutputParams(tmpl), b.param) {
		return fmt.Errorf("one briefing per %s: %s %q must contain {{ .Params.%s }}", b.param, what, tmpl, b.param)
	}
	return nil
}

// shareWork loads the config and computes every quarter's results once per
// value of the batch's parameter, reading each file once for all the
// quarters (a backfill); nil for a value whose config has errors (its
// builds report them) and when there is one quarter.
func shareWork(o *genOptions, b batch, clock period.Clock, log *logger) map[string][]*briefing.Shared {
	if len(b.quarters) < 2 {
		return nil
	}
	values := b.values
	if len(values) == 0 {
		values = []string{""}
	}
	out := map[string][]*briefing.Shared{}
	for _, v := range values {
		params := append([]string{}, o.Params...)
		if b.param != "" {
			params = append(params, b.param+"="+v)
		}
		opts := briefing.Options{Config: o.Config, Sets: o.Sets, Params: params, Env: o.Env, Clock: clock, Strict: o.Strict}
		if !log.quiet {
			opts.Warn = func(p config.Problem) { fmt.Fprintln(log.w, p.Error()) }
		}
		if shared := briefing.Backfill(opts, b.quarters); shared != nil {
			out[v] = shared
		}
	}
	return out
}

func buildJob(o *genOptions, b batch, clock period.Clock, log *logger, j job, shared []*briefing.Shared) jobResult {
	sets := append([]string{}, o.Sets...)
	if j.quarter != nil {
		sets = append(sets, "report.period="+j.quarter.String())
	} else if o.Period != "" {
		sets = append(sets, "report.period="+o.Period)
	}
	params := append([]string{}, o.Params...)
	if b.param != "" {
		params = append(params, b.param+"="+j.value)
	}
	in := briefing.Options{Config: o.Config, Sets: sets, Params: params, Env: o.Env, Clock: clock, Strict: o.Strict, Debug: o.DebugLayout}
	for _, sh := range shared {
		if j.quarter != nil && sh.Results.Period.Interval == j.quarter.Interval {
			in.Shared = sh
		}
	}
	bu, err := buildWith(log, in)
	if err != nil {
		return jobResult{err: err}
	}
	if o.Out == "" {
		if err := checkBatchOut(bu.Config.Report.Output, b, "report.output"); err != nil {
			return jobResult{err: err}
		}
	}
	path, err := outputPath(o.Out, bu.Config.Report.Output, bu.Period, bu.Config.Params)
	if err == nil {
		err = inputErr(bu.Write(path))
	}
	return jobResult{path: path, pages: bu.Pages, err: err}
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
