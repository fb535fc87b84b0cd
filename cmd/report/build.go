package main

import (
	"bytes"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime/debug"
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
	Params []string // name=value from --param
	Env    []string
	Clock  period.Clock
	Strict bool
	Log    *logger
	// NoPDF stops after the checks (report validate).
	NoPDF bool
	// Debug outlines frames and blocks (--debug-layout).
	Debug bool
	// Shared is a config loaded and results computed once for many
	// editions (a backfill); nil: build loads and computes its own.
	Shared *sharedEdition
}

// sharedEdition is one edition's part of a batch's shared work.
type sharedEdition struct {
	Config   *config.Config
	Results  *analysis.Results
	Problems config.Problems
}

// built is a rendered briefing, not yet written.
type built struct {
	Config *config.Config
	Period period.Period
	PDF    []byte
	Pages  int
	// Manifest lists every file read with its hash, for NAME.manifest.json.
	Manifest []byte
	Env      *narrative.Env   // what the narrative templates saw
	Doc      layouts.Document // what was laid out (its figures hold the charts)
	Plan     *layouts.Plan    // where every block went
}

// build runs the whole pipeline: config → analyses → document → PDF bytes.
// All problems of a stage are reported together; a later stage runs only
// when the earlier ones found no error. A panic is a bug in report: it is
// turned into an error, so that no run ends in a crash or writes a PDF.
func build(in buildInput) (b *built, err error) {
	defer func() {
		if r := recover(); r != nil {
			in.Log.debug("panic", slog.String("stack", string(debug.Stack())))
			b, err = nil, inputErr(fmt.Errorf("internal error (a bug in report; please report it with the input that set it off, run with -v for the stack): %v", r))
		}
	}()
	start := time.Now()
	var cfg *config.Config
	var p period.Period
	if sh := in.Shared; sh != nil {
		cfg, p = sh.Config, sh.Results.Period
	} else {
		cfg, err = config.Load(in.Config, config.Options{Env: in.Env, Sets: in.Sets, Params: in.Params, AsOf: in.Clock.Now()})
		if ps, ok := err.(config.Problems); ok && len(ps.Errors()) > 0 && cfg != nil {
			err = append(ps, checkTheRest(cfg, ps, in.Clock)...)
		}
		if err := in.Log.problems(err, in.Strict); err != nil {
			return nil, err
		}
		in.Log.stage("config", start, slog.String("file", in.Config))
		p = cfg.Period
	}
	// the PDF's fonts are parsed and registered while the data is read
	var prep *layouts.Prepared
	if !in.NoPDF {
		prep = layouts.Prepare(layouts.Fonts(cfg.Brand.Fonts), cfg.Report.PageSize, compose.Faces(cfg))
	}

	start = time.Now()
	var res *analysis.Results
	var ps config.Problems
	if sh := in.Shared; sh != nil {
		res, ps = sh.Results, sh.Problems
	} else {
		res, ps = analysis.ComputeWith(cfg, p, analysis.Options{CheckOnly: in.NoPDF})
	}
	if len(ps.Errors()) > 0 || in.Strict && len(ps) > 0 {
		// The templates are checked too, against what could be computed,
		// so that one run reports the data and the text problems together.
		_, _, more := compose.Document(compose.Input{Config: cfg, Results: res, Period: p, AsOf: in.Clock.Now(), Failed: failed(cfg, res)})
		ps = append(ps, more...)
	}
	if err := in.Log.problems(asError(ps), in.Strict); err != nil {
		return nil, err
	}
	for _, name := range cfg.DatasetNames() {
		d := res.Datasets[name]
		in.Log.debug("dataset read", slog.String("name", name), slog.Int("files", len(d.Files)),
			slog.Int("rows_read", d.RowsRead), slog.Int("rows_used", d.RowsUsed))
		for _, q := range d.Queries {
			in.Log.debug("query", slog.String("dataset", name), slog.String("for", q.For), slog.String("sql", q.SQL),
				slog.String("args", fmt.Sprint(q.Args)), slog.Int("rows", q.Rows))
		}
	}
	in.Log.stage("analyses", start, slog.String("period", p.String()))

	start = time.Now()
	var notRun map[string]bool
	if in.NoPDF {
		notRun = failed(cfg, res) // the analyses of SQL datasets: checked, not run
	}
	doc, env, ps := compose.Document(compose.Input{Config: cfg, Results: res, Period: p, AsOf: in.Clock.Now(), Failed: notRun})
	if err := in.Log.problems(asError(ps), in.Strict); err != nil {
		return nil, err
	}
	in.Log.stage("compose", start)
	doc.Debug = in.Debug
	if in.NoPDF {
		// validate lays the document out too (without drawing it), so that
		// it finds what gen would: text no font can draw, a table row
		// taller than a page.
		plan, err := layouts.Layout(doc)
		if err != nil {
			return nil, inputErr(config.Problems{layoutProblem(cfg, doc, err)})
		}
		if err := in.Log.problems(asError(layoutProblems(cfg, res, plan.Warnings)), in.Strict); err != nil {
			return nil, err
		}
		return &built{Config: cfg, Period: p, Env: env, Doc: doc}, nil
	}

	start = time.Now()
	var buf bytes.Buffer
	out, err := layouts.RenderPrepared(doc, &buf, prep)
	if err != nil {
		return nil, inputErr(config.Problems{layoutProblem(cfg, doc, err)})
	}
	if err := in.Log.problems(asError(layoutProblems(cfg, res, out.Warnings)), in.Strict); err != nil {
		return nil, err
	}
	in.Log.stage("layout", start, slog.Int("pages", out.Pages))
	return &built{Config: cfg, Period: p, PDF: buf.Bytes(), Pages: out.Pages, Manifest: compose.Manifest(cfg, res), Env: env, Doc: doc, Plan: out.Plan}, nil
}

// write writes the PDF at path, atomically. It never writes over a file
// that is not a PDF: an output path mistyped as the config, a data file or
// a narrative file would otherwise lose that work.
func (b *built) write(path string) error {
	if err := notAnInput(path); err != nil {
		return err
	}
	if err := atomicfile.Write(path, b.PDF); err != nil {
		return err
	}
	return atomicfile.Write(compose.ManifestPath(path), b.Manifest)
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
func checkTheRest(cfg *config.Config, ps config.Problems, clock period.Clock) (out config.Problems) {
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
	_, _, texts := compose.Document(compose.Input{Config: sound, Results: res, Period: p, AsOf: clock.Now(), Failed: skip})
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
