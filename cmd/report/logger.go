package main

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"sync"
	"time"

	"github.com/briefing/report/briefing"

	"github.com/briefing/report/config"
)

// logger prints problems and warnings, and with --verbose structured logs
// of each stage.
type logger struct {
	w       io.Writer
	quiet   bool
	verbose *slog.Logger // nil unless --verbose
}

func newLogger(w io.Writer, quiet, verbose bool) *logger {
	w = &lockedWriter{w: w} // the editions of a batch log side by side
	l := &logger{w: w, quiet: quiet}
	if verbose {
		l.verbose = slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	return l
}

// stage logs that a stage finished and how long it took.
func (l *logger) stage(name string, start time.Time, attrs ...any) {
	if l.verbose != nil {
		l.verbose.Info("stage done", append([]any{slog.String("stage", name), slog.Duration("took", time.Since(start))}, attrs...)...)
	}
}

func (l *logger) debug(msg string, attrs ...any) {
	if l.verbose != nil {
		l.verbose.Debug(msg, attrs...)
	}
}

// buildWith runs briefing.Build with the command's logger: warnings are
// printed as each stage finds them (unless quiet), stages are logged under
// --verbose, and a failure is an input error.
func buildWith(l *logger, o briefing.Options) (*briefing.Result, error) {
	o.Logger = l.verbose
	if !l.quiet {
		o.Warn = func(p config.Problem) { fmt.Fprintln(l.w, p.Error()) }
	}
	r, err := briefing.Build(o)
	if err != nil {
		return nil, inputErr(err)
	}
	return r, nil
}

// printError writes an error to w: each problem on its own line, then a
// count.
func printError(w io.Writer, err error) {
	var ps config.Problems
	if errors.As(err, &ps) {
		for _, p := range ps {
			fmt.Fprintln(w, p.Error())
		}
		noun := "problem"
		if len(ps) > 1 {
			noun = "problems"
		}
		fmt.Fprintf(w, "report: %d %s found\n", len(ps), noun)
		return
	}
	fmt.Fprintln(w, "report: "+err.Error())
}

// lockedWriter writes one call at a time.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}
