package briefing

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime/debug"
	"time"

	"github.com/briefing/report/analysis"
	"github.com/briefing/report/analysis/narrative"
	"github.com/briefing/report/briefing/compose"
	"github.com/briefing/report/charts"
	"github.com/briefing/report/config"
	"github.com/briefing/report/internal/atomicfile"
	"github.com/briefing/report/internal/locale"
	"github.com/briefing/report/internal/period"
	"github.com/briefing/report/layouts"
)

// Options is what one briefing build needs.
type Options struct {
	Config string   // the config file
	Sets   []string // key=value from --set
	Params []string // name=value from --param
	Env    []string // the environment, as os.Environ gives it
	Clock  period.Clock
	// Strict makes every warning an error.
	Strict bool
	// Logger gets each stage's timing and, at debug level, what each
	// dataset read and each query ran; nil: none.
	Logger *slog.Logger
	// Warn gets each warning when its stage finds it, before a later
	// stage may fail; nil: warnings are only in Result.Warnings.
	Warn func(config.Problem)
	// CheckOnly stops after the checks and the layout, without drawing a
	// PDF (report validate).
	CheckOnly bool
	// Debug outlines frames and blocks (--debug-layout).
	Debug bool
	// Shared is a config loaded and results computed once for many
	// editions (a backfill: see Backfill); nil: Build loads and computes
	// its own.
	Shared *Shared
}

// Shared is one edition's part of a batch's shared work.
type Shared struct {
	Config   *config.Config
	Results  *analysis.Results
	Problems config.Problems
}

// Result is a rendered briefing, not yet written.
type Result struct {
	Config *config.Config
	Period period.Period
	PDF    []byte
	Pages  int
	// Manifest lists every file read with its hash, for NAME.manifest.json.
	Manifest []byte
	Env      *narrative.Env   // what the narrative templates saw
	Doc      layouts.Document // what was laid out (its figures hold the charts)
	Plan     *layouts.Plan    // where every block went
	// Charts are the document's charts by ID.
	Charts map[string]*charts.Chart
	// Warnings are the warnings of every stage, in the order found.
	Warnings config.Problems
}

// Build runs the whole pipeline: config → analyses → document → PDF bytes.
// All problems of a stage are reported together; a later stage runs only
// when the earlier ones found no error. A panic is a bug in report: it is
// turned into an error, so that no run ends in a crash or writes a PDF.
// The error is config.Problems when the input is wrong.
func Build(in Options) (b *Result, err error) {
	var warned config.Problems
	defer func() {
		if b != nil {
			b.Warnings = warned
		}
	}()
	defer func() {
		if r := recover(); r != nil {
			in.debug("panic", slog.String("stack", string(debug.Stack())))
			b, err = nil, fmt.Errorf("internal error (a bug in report; please report it with the input that set it off, run with -v for the stack): %v", r)
		}
	}()
	if !in.CheckOnly {
		// while the process runs on one core, before the data is read on
		// both: the finishing pass's compressors (see layouts.WarmUp)
		layouts.WarmUp()
	}
	start := time.Now()
	var cfg *config.Config
	var p period.Period
	if sh := in.Shared; sh != nil {
		cfg, p = sh.Config, sh.Results.Period
	} else {
		if !in.CheckOnly {
			go preload()
		}
		cfg, err = config.Load(in.Config, config.Options{Env: in.Env, Sets: in.Sets, Params: in.Params, AsOf: in.Clock.Now()})
		if ps, ok := err.(config.Problems); ok && len(ps.Errors()) > 0 && cfg != nil {
			err = append(ps, checkTheRest(cfg, ps)...)
		}
		if err := in.problems(err, &warned); err != nil {
			return nil, err
		}
		in.stage("config", start, slog.String("file", in.Config))
		p = cfg.Period
	}
	// the PDF's font files are read and parsed, and the hyphenation
	// patterns loaded, while the data is read
	var prep *layouts.Prepared
	if !in.CheckOnly {
		prep = layouts.Prepare(layouts.Fonts(cfg.Brand.Fonts), cfg.Report.PageSize, cfg.Report.Language)
	}

	start = time.Now()
	var res *analysis.Results
	var ps config.Problems
	if sh := in.Shared; sh != nil {
		res, ps = sh.Results, sh.Problems
	} else {
		res, ps = analysis.ComputeWith(cfg, p, analysis.Options{CheckOnly: in.CheckOnly})
	}
	if len(ps.Errors()) > 0 || in.Strict && len(ps) > 0 {
		// The templates are checked too, against what could be computed,
		// so that one run reports the data and the text problems together.
		_, _, more := compose.Document(compose.Input{Config: cfg, Results: res, Period: p, AsOf: cfg.AsOf, Failed: failed(cfg, res)})
		ps = append(ps, more...)
	}
	if err := in.problems(asError(ps), &warned); err != nil {
		return nil, err
	}
	for _, name := range cfg.DatasetNames() {
		d := res.Datasets[name]
		remembered := 0 // files whose SHA-256 an earlier run remembered (internal/hashcache)
		for _, f := range d.Files {
			if f.Remembered {
				remembered++
			}
		}
		in.debug("dataset read", slog.String("name", name), slog.Int("files", len(d.Files)), slog.Int("hashes_remembered", remembered),
			slog.Bool("results_remembered", d.Recalled), slog.Int("rows_read", d.RowsRead), slog.Int("rows_used", d.RowsUsed))
		for _, q := range d.Queries {
			in.debug("query", slog.String("dataset", name), slog.String("for", q.For), slog.String("sql", q.SQL),
				slog.String("args", fmt.Sprint(q.Args)), slog.Int("rows", q.Rows))
		}
	}
	in.stage("analyses", start, slog.String("period", p.String()))
	if in.Shared == nil {
		collectData()
	}

	start = time.Now()
	var notRun map[string]bool
	if in.CheckOnly {
		notRun = failed(cfg, res) // the analyses of SQL datasets: checked, not run
	}
	doc, env, ps := compose.Document(compose.Input{Config: cfg, Results: res, Period: p, AsOf: cfg.AsOf, Failed: notRun})
	if err := in.problems(asError(ps), &warned); err != nil {
		return nil, err
	}
	in.stage("compose", start)
	doc.Debug = in.Debug
	if in.CheckOnly {
		// validate lays the document out too (without drawing it), so that
		// it finds what gen would: text no font can draw, a table row
		// taller than a page.
		plan, err := layouts.Layout(doc)
		if err != nil {
			return nil, config.Problems{layoutProblem(cfg, err)}
		}
		if err := in.problems(asError(layoutProblems(cfg, res, plan.Warnings)), &warned); err != nil {
			return nil, err
		}
		return &Result{Config: cfg, Period: p, Env: env, Doc: doc, Charts: chartsOf(doc)}, nil
	}

	start = time.Now()
	var buf bytes.Buffer
	out, err := layouts.RenderPrepared(doc, &buf, prep)
	if err != nil {
		return nil, config.Problems{layoutProblem(cfg, err)}
	}
	if err := in.problems(asError(layoutProblems(cfg, res, out.Warnings)), &warned); err != nil {
		return nil, err
	}
	in.stage("layout", start, slog.Int("pages", out.Pages))
	return &Result{Config: cfg, Period: p, PDF: buf.Bytes(), Pages: out.Pages, Manifest: compose.Manifest(cfg, res), Env: env, Doc: doc, Plan: out.Plan, Charts: chartsOf(doc)}, nil
}

// preload loads what comes next on the core that reading the config
// leaves idle (the config is parsed, decoded and checked on one): the
// English catalogue of labels, whose keys the checks compare
// report.labels with; the default language's words and numbers, which
// the analyses and compose use; the default fonts and the default
// language's hyphenation patterns (0.4, 0.2, 0.3 and 1.2 ms). All are kept
// for the process, so the checks, the analyses and layouts.Prepare find
// them loaded; a briefing in another language or with fonts of its own
// loses only the idle core's time.
func preload() {
	locale.Keys()
	_, _ = locale.New(config.DefaultLanguage, nil)
	layouts.Preload(layouts.Document{Language: config.DefaultLanguage})
}

// Write writes the PDF at path, and its manifest beside it, atomically:
// neither is replaced unless both were written in full. It never writes
// over a file that is not a PDF: an output path mistyped as the config, a
// data file or a narrative file would otherwise lose that work.
func (b *Result) Write(path string) error {
	if err := notAnInput(path); err != nil {
		return err
	}
	// both written and synced at once, then the PDF renamed into place
	// before its manifest
	return atomicfile.WriteAll(atomicfile.File{Path: path, Data: b.PDF}, atomicfile.File{Path: compose.ManifestPath(path), Data: b.Manifest})
}

// notAnInput refuses to replace an existing file that is not a PDF.
func notAnInput(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return nil // nothing there (or a folder, which Write explains)
	}
	defer f.Close()
	if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() || fi.Size() == 0 {
		return nil
	}
	head := make([]byte, 5)
	if _, err := io.ReadFull(f, head); err == nil && string(head) == "%PDF-" {
		return nil
	}
	return fmt.Errorf("cannot write %s: it exists and is not a PDF (is the output path right?); a briefing only replaces an earlier PDF", path)
}

// checkTheRest runs the data and templates of the parts of a config that
// its problems leave sound, so that one run reports config, data and
// template problems together. A problem already said is not said again.
func checkTheRest(cfg *config.Config, ps config.Problems) (out config.Problems) {
	// This pass is a courtesy: a config with errors could take it where
	// no valid one goes, and a failure here must not hide the problems
	// already found.
	defer func() {
		if r := recover(); r != nil {
			out = nil
		}
	}()
	sound, rm := cfg.Sound(ps)
	if sound == nil {
		return nil
	}
	if sound.Period.IsZero() {
		return nil
	}
	p := sound.Period
	res, more := analysis.Compute(sound, p)
	skip := failed(sound, res)
	for _, set := range []map[string]bool{rm.Analyses, rm.Blocks} {
		for k := range set {
			skip[k] = true
		}
	}
	for name := range rm.Datasets {
		skip["data."+name] = true
	}
	_, _, texts := compose.Document(compose.Input{Config: sound, Results: res, Period: p, AsOf: sound.AsOf, Failed: skip})
	for _, q := range append(more, texts...) {
		if !ps.Has(q) && !out.Has(q) {
			out = append(out, q)
		}
	}
	return out
}

// failed names the analyses and dataset tables that have no result: their
// data could not be read, and that problem has been reported.
func failed(c *config.Config, res *analysis.Results) map[string]bool {
	out := map[string]bool{}
	for _, name := range c.AnalysisNames() {
		if res.Analyses[name] == nil {
			out[name] = true
		}
	}
	for _, s := range c.Sections {
		for _, b := range s.Blocks {
			if b.Kind == config.BlockTable && b.Dataset != "" && res.Tables[b.Path] == nil {
				out["data."+b.Dataset] = true
			}
		}
	}
	return out
}

func asError(ps config.Problems) error {
	if len(ps) == 0 {
		return nil
	}
	return ps
}

// stage logs that a stage finished and how long it took.
func (in Options) stage(name string, start time.Time, attrs ...any) {
	if in.Logger != nil {
		in.Logger.Info("stage done", append([]any{slog.String("stage", name), slog.Duration("took", time.Since(start))}, attrs...)...)
	}
}

func (in Options) debug(msg string, attrs ...any) {
	if in.Logger != nil {
		in.Logger.Debug(msg, attrs...)
	}
}

// problems passes the warnings in err to Warn and adds them to warned,
// and returns the errors in err, or nil when there are none. Under Strict,
// warnings are errors.
func (in Options) problems(err error, warned *config.Problems) error {
	if err == nil {
		return nil
	}
	var ps config.Problems
	if !errors.As(err, &ps) {
		return err
	}
	errs := ps.Errors()
	if in.Strict {
		errs = nil
		for _, p := range ps {
			if p.Warning {
				p.Warning = false
				p.Msg += " (an error under --strict)"
			}
			errs = append(errs, p)
		}
	} else {
		for _, w := range ps.Warnings() {
			*warned = append(*warned, w)
			if in.Warn != nil {
				in.Warn(w)
			}
		}
	}
	if len(errs) == 0 {
		return nil
	}
	return errs
}
