package analysis

import (
	"errors"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/briefing/report/analysis/dataset"
	"github.com/briefing/report/analysis/sqldb"
	"github.com/briefing/report/config"
	"github.com/briefing/report/internal/locale"
	"github.com/briefing/report/internal/period"
	"github.com/briefing/report/internal/resultcache"
)

// Results is everything the analyses of one briefing computed for one
// report period.
type Results struct {
	Period   period.Period
	Analyses map[string]*Result
	Datasets map[string]*DatasetSummary
	Tables   map[string]*Table // dataset tables, by block key path
}

// DatasetSummary describes what was read of a dataset, for the "Data and
// methods" annex.
type DatasetSummary struct {
	Name  string
	Title string // for readers; "" when the config gives none
	// Labels print values of the dataset's columns (config.Dataset.Labels).
	Labels    map[string]map[string]string
	Format    string
	Files     []dataset.FileInfo
	RowsRead  int
	RowsUsed  int // rows inside the period cut
	Generated string
	// Through is the latest time of a row inside the period cut, as the
	// data gives it (a year, a month, a day); zero without a time column.
	Through period.Interval
	// Of a SQL dataset: where the database is (never its DSN), the
	// server's version, and every query run, in order.
	Place   sqldb.Place
	Version string
	Queries []Query
	// Previous is what was read of the dataset's earlier export, for its
	// revisions analyses; nil without one.
	Previous *DatasetSummary
	// Recalled is set when the results of the dataset's files were
	// remembered from an earlier run that read them as they are
	// (internal/resultcache), and so not read again.
	Recalled bool
}

// maxRowProblems caps the row errors reported per dataset.
const maxRowProblems = 20

var errStop = errors.New("stop")

// Compute reads every dataset once, in a single streaming pass feeding all
// analyses and tables that use it, and returns their results for period
// p. Problems hold every error found; results are partial when they do.
func Compute(c *config.Config, p period.Period) (*Results, config.Problems) {
	return ComputeWith(c, p, Options{})
}

// Options change what Compute does.
type Options struct {
	// CheckOnly connects to the databases of SQL datasets and checks their
	// tables and every column the config names, without running the
	// analyses' queries: their results are left out (report validate).
	// Datasets in files are computed as ever.
	CheckOnly bool
}

// ComputeWith is Compute with options.
func ComputeWith(c *config.Config, p period.Period, opts Options) (*Results, config.Problems) {
	res, ps := ComputeMany(c, []period.Period{p}, opts)
	return res[0], ps[0]
}

// ComputeMany computes the results of several periods at once (a
// backfill): each file is read once, its rows offered to every period's
// analyses. The results and problems are those Compute gives for each.
func ComputeMany(c *config.Config, periods []period.Period, opts Options) ([]*Results, []config.Problems) {
	newResults := func(p period.Period) *Results {
		return &Results{Period: p, Analyses: map[string]*Result{}, Datasets: map[string]*DatasetSummary{}, Tables: map[string]*Table{}}
	}
	// Datasets are independent: read them side by side, then merge in name
	// order so that problems come out the same way every run.
	names := c.DatasetNames()
	// an earlier export of a dataset is a dataset of its own, read side
	// by side with the others, for the revisions analyses
	cfgs := make([]*config.Config, len(names))
	for i := range cfgs {
		cfgs[i] = c
	}
	for _, name := range c.DatasetNames() {
		if prev := previousConfig(c, name); prev != nil {
			names, cfgs = append(names, name), append(cfgs, prev)
		}
	}
	parts := make([][]*Results, len(names)) // by dataset, then period
	found := make([][]config.Problems, len(names))
	keys := newKeyMaker() // nil: no results remembered
	read := func(i int) {
		name, c := names[i], cfgs[i]
		parts[i] = make([]*Results, len(periods))
		for k, p := range periods {
			parts[i][k] = newResults(p)
		}
		found[i] = make([]config.Problems, len(periods))
		// A panic here is a bug in report; it must not take the run down
		// without saying which dataset set it off.
		defer func() {
			if r := recover(); r != nil {
				found[i][0] = append(found[i][0], c.Problemf("data."+name, "internal error while reading this dataset (a bug in report; please report it): %v", r))
			}
		}()
		if done, ok := keys.recall(c, name, periods, opts); ok {
			parts[i] = done
			return
		}
		found[i] = computeDatasetMany(c, name, periods, parts[i], opts)
		if !slices.ContainsFunc(found[i], func(ps config.Problems) bool { return len(ps) > 0 }) {
			keys.remember(c, name, periods, opts, parts[i])
		}
	}
	// the one with the most work is read on this goroutine, which runs
	// now, the others in goroutines, the next most first
	order := startOrder(names, cfgs)
	var wg sync.WaitGroup
	for _, i := range order[min(1, len(order)):] {
		wg.Add(1)
		go func() {
			defer wg.Done()
			read(i)
		}()
	}
	if len(order) > 0 {
		read(order[0])
	}
	wg.Wait()
	resultcache.Write() // the entries put as the datasets were read: the cores are no longer both busy
	out := make([]*Results, len(periods))
	probs := make([]config.Problems, len(periods))
	for k, p := range periods {
		byDataset := make([]*Results, len(names))
		foundK := make([]config.Problems, len(names))
		for i := range names {
			byDataset[i], foundK[i] = parts[i][k], found[i][k]
		}
		out[k], probs[k] = merge(c, p, names, cfgs, byDataset, foundK)
	}
	return out, probs
}

// merge puts the results of each dataset for period p together, with the
// revisions and the compares that span datasets.
func merge(c *config.Config, p period.Period, names []string, cfgs []*config.Config, parts []*Results, found []config.Problems) (*Results, config.Problems) {
	res := &Results{Period: p, Analyses: map[string]*Result{}, Datasets: map[string]*DatasetSummary{}, Tables: map[string]*Table{}}
	var ps config.Problems
	var old []*Results // of the earlier exports
	for i := range names {
		if cfgs[i] != c {
			// an earlier export in the same database as its dataset
			// fails to connect alike: the problem is said once
			for _, p := range found[i] {
				if !slices.Contains(ps, p) {
					ps = append(ps, p)
				}
			}
			old = append(old, parts[i])
			continue
		}
		ps = append(ps, found[i]...)
		maps.Copy(res.Analyses, parts[i].Analyses)
		maps.Copy(res.Datasets, parts[i].Datasets)
		maps.Copy(res.Tables, parts[i].Tables)
	}
	for _, o := range old {
		for name, prev := range o.Datasets {
			if cur := res.Datasets[name]; cur != nil {
				cur.Previous = prev
			}
		}
		for name, r := range o.Analyses {
			a := c.Analyses[name]
			cur, ok := res.Analyses[name]
			if !ok || res.Datasets[a.Dataset] == nil || res.Datasets[a.Dataset].Previous == nil {
				delete(res.Analyses, name)
				continue
			}
			res.Analyses[name] = revisions(c, name, cur, r, res.Datasets[a.Dataset], res.Datasets[a.Dataset].Previous)
		}
	}
	for name, a := range c.Analyses {
		if r, ok := res.Analyses[name]; ok && a.Kind == "revisions" && r.Revisions == nil {
			delete(res.Analyses, name) // its earlier export could not be read: said
		}
	}
	for _, name := range c.AnalysisNames() {
		a := c.Analyses[name]
		if a.Kind != "compare" {
			continue
		}
		if _, ok := res.Analyses[a.Of]; !ok {
			// The analysis it compares failed, and said why.
			continue
		}
		r, err := Compare(c, name, res.Analyses, p)
		if err != nil {
			ps = append(ps, c.Problemf("analyses."+name, "%v", err))
			continue
		}
		res.Analyses[name] = r
	}
	return res, ps
}

// datasetRun is the state of one pass over a dataset.
type datasetRun struct {
	cfg       *config.Config
	name      string
	cut       period.Period
	own       *timer // the dataset's own time, or nil
	timers    map[config.Time]*timer
	order     []*timer          // the timers, each with its index in times
	times     []period.Interval // the current row's time by timer index
	inCut     []bool            // whether that time is inside the period cut
	reaches   []*reach          // by timer index: how far the files reach, nil when no analysis asks
	consumers []consumer
	gate      *rowGate // the rows no consumer could count, nil: none known
	results   []func() *Result
	names     []string
	rowErrs   config.Problems
	dropped   int
	summary   *DatasetSummary
}

// computeDatasetMany computes dataset name for several periods at once:
// a file is read once, each row offered to every period's analyses, so
// that a backfill reads each file once.
func computeDatasetMany(c *config.Config, name string, periods []period.Period, res []*Results, opts Options) []config.Problems {
	d := c.Data[name]
	runs := make([]*datasetRun, len(periods))
	ps := make([]config.Problems, len(periods))
	for i, p := range periods {
		run := &datasetRun{cfg: c, name: name, cut: p, timers: map[config.Time]*timer{},
			summary: &DatasetSummary{Name: name, Title: d.Title, Labels: d.Labels, Format: formatOf(d)}}
		if !d.Time.IsZero() {
			run.own = run.timerFor("data."+name+".time", d.Time)
		}
		ps[i] = append(ps[i], run.addAnalyses()...)
		run.addTables(res[i])
		run.keepReaches()
		runs[i] = run
	}
	ok := make([]bool, len(periods))
	if d.IsSQL() {
		db, err := sqldb.Open(d.Driver, d.DSN, d.Timeout)
		if err == nil {
			defer db.Close()
		}
		for i, run := range runs {
			var found config.Problems
			found, ok[i] = computeSQL(c, name, res[i], run, db, err, opts.CheckOnly)
			ps[i] = append(ps[i], found...)
		}
	} else {
		spec := specOf(name, d)
		headers := make([]func(*dataset.Header) error, len(runs))
		for i, run := range runs {
			headers[i] = run.onHeader(&ps[i])
		}
		info, err := dataset.Scan(spec, func(h *dataset.Header) error {
			var first error
			for _, on := range headers {
				if err := on(h); err != nil && first == nil {
					first = err
				}
			}
			return first
		}, func(r dataset.Row) error {
			for _, run := range runs {
				if err := run.onRow(&r); err != nil {
					return err
				}
			}
			return nil
		})
		for i, run := range runs {
			run.summary.Files, run.summary.RowsRead, run.summary.Generated = info.Files, info.RowsRead, info.Generated()
			res[i].Datasets[name] = run.summary
			ok[i] = err == nil
			if err != nil && !errors.Is(err, errStop) {
				ps[i] = append(ps[i], dataProblem(c, name, err))
			}
		}
	}
	for i, run := range runs {
		if !ok[i] {
			ps[i] = append(ps[i], run.rowErrs...)
			continue
		}
		ps[i] = append(ps[i], run.finish(d, res[i])...)
	}
	return ps
}

// finish completes a run once its rows are in: the export's date, the
// row problems, each consumer's problems and the results.
func (run *datasetRun) finish(d config.Dataset, res *Results) config.Problems {
	c, name := run.cfg, run.name
	var ps config.Problems
	if run.summary.Generated == "" && d.Generated != "" {
		run.summary.Generated = d.Generated
		if t, err := time.Parse(time.DateOnly, d.Generated); err == nil {
			run.summary.Generated = t.Format("2 Jan 2006")
		}
	}
	run.giveCoverage()
	ps = append(ps, run.rowErrs...)
	if run.dropped > 0 {
		ps = append(ps, c.Problemf("data."+name, "%d more bad rows not listed", run.dropped))
	}
	for _, cons := range run.consumers {
		if f, ok := cons.(finisher); ok {
			f.finish()
		}
		ps = append(ps, cons.problems()...)
	}
	for i, build := range run.results {
		r := build()
		r.Source = sourceLine(run.summary, d, wordsOf(run.cfg))
		res.Analyses[run.names[i]] = r
	}
	return ps
}

// keepReaches makes the pass keep, once per timer, how far the data
// reaches for the coverage of the timed analyses (see reach).
func (run *datasetRun) keepReaches() {
	run.reaches = make([]*reach, len(run.order))
	for _, cons := range run.consumers {
		if a, ok := cons.(*timedAnalysis); ok && run.reaches[a.timer.index] == nil {
			run.reaches[a.timer.index] = &reach{}
		}
	}
}

// giveCoverage gives each timed analysis its coverage from the reach kept
// for its timer.
func (run *datasetRun) giveCoverage() {
	for _, cons := range run.consumers {
		if a, ok := cons.(*timedAnalysis); ok {
			run.reaches[a.timer.index].cover(&a.cover, a.unit)
		}
	}
}

func (run *datasetRun) timerFor(path string, t config.Time) *timer {
	if tm, ok := run.timers[t]; ok {
		return tm
	}
	tm := newTimer(path, t)
	tm.index = len(run.order)
	run.timers[t] = tm
	run.order = append(run.order, tm)
	run.times = append(run.times, period.Interval{})
	run.inCut = append(run.inCut, false)
	return tm
}

// addAnalyses creates a consumer for each analysis that reads this dataset.
func (run *datasetRun) addAnalyses() config.Problems {
	c := run.cfg
	var ps config.Problems
	for _, an := range c.AnalysisNames() {
		a := c.Analyses[an]
		if a.Dataset != run.name || a.Kind == "compare" {
			continue
		}
		t := run.own
		if !a.Time.IsZero() {
			t = run.timerFor("analyses."+an+".time", a.Time)
		}
		switch a.Kind {
		case "trend", "frequency", "revisions":
			if t == nil {
				ps = append(ps, c.Problemf("analyses."+an, "a %s needs time: set data.%s.time or analyses.%s.time", a.Kind, run.name, an))
				continue
			}
			ta := newTimed(c, an, run.cut, t)
			run.consumers = append(run.consumers, ta)
			run.results = append(run.results, ta.result)
			run.names = append(run.names, an)
		case "count":
			ca := newCount(c, an, t)
			run.consumers = append(run.consumers, ca)
			run.results = append(run.results, ca.result)
			run.names = append(run.names, an)
		case "changes":
			if t == nil {
				ps = append(ps, c.Problemf("analyses."+an, "changes needs time: set data.%s.time or analyses.%s.time", run.name, an))
				continue
			}
			ch := newChanges(c, an, run.cut, t)
			run.consumers = append(run.consumers, ch)
			run.results = append(run.results, ch.result)
			run.names = append(run.names, an)
		}
	}
	return ps
}

// addTables creates a consumer for each table block that lists this dataset.
func (run *datasetRun) addTables(res *Results) {
	for _, s := range run.cfg.Sections {
		for _, b := range s.Blocks {
			if b.Kind != config.BlockTable || b.Dataset != run.name {
				continue
			}
			t := &Table{Dataset: run.name}
			res.Tables[b.Path] = t
			tc := &tableConsumer{cfg: run.cfg, path: b.Path + ".table", want: b.Columns, timer: run.own, table: t}
			if !b.Table.Where.IsZero() {
				tc.where = newFilter(b.Path+".table.where", b.Table.Where)
			}
			run.consumers = append(run.consumers, tc)
		}
	}
}

func (run *datasetRun) onHeader(ps *config.Problems) func(*dataset.Header) error {
	return func(h *dataset.Header) error {
		var found config.Problems
		for _, cfgTime := range sortedTimes(run.timers) {
			found = append(found, run.timers[cfgTime].bind(h, run.cfg)...)
		}
		for _, cons := range run.consumers {
			found = append(found, cons.bind(h)...)
		}
		labelled := slices.Sorted(maps.Keys(run.cfg.Data[run.name].Labels))
		for _, col := range labelled {
			bindColumn(run.cfg, "data."+run.name+".labels."+col, col, h, &found)
		}
		if len(found) > 0 {
			*ps = append(*ps, found...)
			return errStop
		}
		run.gate = newRowGate(run.consumers)
		return nil
	}
}

func (run *datasetRun) onRow(r *dataset.Row) error {
	times, inCut := run.times, run.inCut
	for i, tm := range run.order {
		iv, in, err := tm.atCut(r, run.cut)
		if err != nil {
			run.rowError(err)
			return nil
		}
		times[i], inCut[i] = iv, in
	}
	for i, rc := range run.reaches {
		if rc != nil && inCut[i] {
			rc.add(r.File, times[i])
		}
	}
	if run.own == nil || inCut[run.own.index] {
		run.summary.RowsUsed++
		if run.own != nil {
			if iv := times[run.own.index]; run.summary.Through.IsZero() || iv.EndsAfter(run.summary.Through) {
				run.summary.Through = iv
			}
		}
	}
	if run.gate != nil && !run.gate.pass(r) {
		return nil // no consumer could count it
	}
	for _, cons := range run.consumers {
		tm := cons.time()
		var iv period.Interval
		in := true
		if tm != nil {
			iv, in = times[tm.index], inCut[tm.index]
		}
		if err := cons.add(*r, iv, in); err != nil {
			run.rowError(err)
			return nil
		}
	}
	return nil
}

func (run *datasetRun) rowError(err error) {
	if len(run.rowErrs) >= maxRowProblems {
		run.dropped++
		return
	}
	run.rowErrs = append(run.rowErrs, dataProblem(run.cfg, run.name, err))
}

// dataProblem turns a reader error into a problem at its file and line. An
// error about the file as a whole (missing, a folder, a glob matching
// nothing) is placed at the config's data.NAME.path, naming the file.
func dataProblem(c *config.Config, name string, err error) config.Problem {
	var de *dataset.Error
	if errors.As(err, &de) && de.Sheet != "" {
		return c.Problemf("data."+name+".path", "%v", de)
	}
	if errors.As(err, &de) && de.Line == 0 {
		return c.Problemf("data."+name+".path", "%s: %s", de.File, de.Msg)
	}
	if errors.As(err, &de) {
		msg := de.Msg
		if de.ColumnName != "" {
			msg = fmt.Sprintf("column %q: %s", de.ColumnName, msg)
		}
		return config.Problem{File: de.File, Line: de.Line, Column: de.Column, Path: "data." + name, Msg: msg}
	}
	return c.Problemf("data."+name+".path", "%v", err)
}

// formatOf names what a dataset is read as: its format, and "xlsx" for
// a workbook.
func formatOf(d config.Dataset) string {
	if d.IsSQL() {
		return d.Driver
	}
	f := d.Format
	if f == "" {
		f = dataset.FormatCSV
	}
	ext := strings.ToLower(filepath.Ext(d.Path))
	switch {
	case ext != ".xlsx" && ext != ".xlsm", f == dataset.FormatXLSX:
		return f
	case f == dataset.FormatCSV:
		return dataset.FormatXLSX
	}
	return f + ", xlsx"
}

// sourceLine is a chart's default source line: the SIPRI database and its
// export date, or the data files' names.
func sourceLine(s *DatasetSummary, d config.Dataset, words *locale.Locale) string {
	if d.Title != "" {
		if s.Generated != "" {
			return words.Word("source_generated", "title", d.Title, "date", words.ShortDateOf(s.Generated))
		}
		return d.Title
	}
	switch s.Format {
	case dataset.FormatSIPRIRegister, dataset.FormatSIPRITIVTable:
		if s.Generated != "" {
			return words.Word("source_generated", "title", "SIPRI Arms Transfers Database", "date", words.ShortDateOf(s.Generated))
		}
		return "SIPRI Arms Transfers Database"
	}
	var names []string
	for _, f := range s.Files {
		names = append(names, baseName(f.Path))
	}
	return joinNames(names)
}
