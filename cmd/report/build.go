package main

import (
	"bytes"
	"fmt"
	"log/slog"
	"time"

	"github.com/briefing/report/analysis"
	"github.com/briefing/report/analysis/narrative"
	"github.com/briefing/report/config"
	"github.com/briefing/report/internal/atomicfile"
	"github.com/briefing/report/internal/compose"
	"github.com/briefing/report/internal/period"
	"github.com/briefing/report/layouts"
)

// buildInput is what one briefing build needs.
type buildInput struct {
	Config string
	Sets   []string
	Env    []string
	Clock  period.Clock
	Strict bool
	Log    *logger
	// NoPDF stops after the checks (report validate).
	NoPDF bool
}

// built is a rendered briefing, not yet written.
type built struct {
	Config *config.Config
	Period period.Period
	PDF    []byte
	Pages  int
	Env    *narrative.Env // what the narrative templates saw
}

// build runs the whole pipeline: config → analyses → document → PDF bytes.
// All problems of a stage are reported together; a later stage runs only
// when the earlier ones found no error.
func build(in buildInput) (*built, error) {
	start := time.Now()
	cfg, err := config.Load(in.Config, config.Options{Env: in.Env, Sets: in.Sets})
	if err := in.Log.problems(err, in.Strict); err != nil {
		return nil, err
	}
	in.Log.stage("config", start, slog.String("file", in.Config))
	p, err := period.ParsePeriod(cfg.Report.Period, in.Clock.Now())
	if err != nil {
		return nil, inputErr(fmt.Errorf("%s: report.period: %w", in.Config, err))
	}

	start = time.Now()
	res, ps := analysis.Compute(cfg, p)
	if err := in.Log.problems(asError(ps), in.Strict); err != nil {
		return nil, err
	}
	for _, name := range cfg.DatasetNames() {
		d := res.Datasets[name]
		in.Log.debug("dataset read", slog.String("name", name), slog.Int("files", len(d.Files)),
			slog.Int("rows_read", d.RowsRead), slog.Int("rows_used", d.RowsUsed))
	}
	in.Log.stage("analyses", start, slog.String("period", p.String()))

	start = time.Now()
	doc, env, ps := compose.Document(compose.Input{Config: cfg, Results: res, Period: p, AsOf: in.Clock.Now()})
	if err := in.Log.problems(asError(ps), in.Strict); err != nil {
		return nil, err
	}
	in.Log.stage("compose", start)
	if in.NoPDF {
		return &built{Config: cfg, Period: p, Env: env}, nil
	}

	start = time.Now()
	var buf bytes.Buffer
	out, err := layouts.Render(doc, &buf)
	if err != nil {
		return nil, inputErr(fmt.Errorf("lay out the briefing: %w", err))
	}
	var warn config.Problems
	for _, w := range out.Warnings {
		warn = append(warn, config.Problem{File: w.Source, Msg: fmt.Sprintf("%s: %q", w.Msg, w.Text), Warning: true})
	}
	if err := in.Log.problems(asError(warn), in.Strict); err != nil {
		return nil, err
	}
	in.Log.stage("layout", start, slog.Int("pages", out.Pages))
	return &built{Config: cfg, Period: p, PDF: buf.Bytes(), Pages: out.Pages}, nil
}

func (b *built) write(path string) error {
	return atomicfile.Write(path, b.PDF)
}

func asError(ps config.Problems) error {
	if len(ps) == 0 {
		return nil
	}
	return ps
}
