package compose

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/briefing/report/analysis"
	"github.com/briefing/report/analysis/narrative"
	"github.com/briefing/report/charts"
	"github.com/briefing/report/config"
	"github.com/briefing/report/internal/locale"
	"github.com/briefing/report/internal/period"
	"github.com/briefing/report/layouts"
)

// Input is everything a document is made of.
type Input struct {
	Config  *config.Config
	Results *analysis.Results
	Period  period.Period
	AsOf    time.Time
	// Failed names what has no result because its data or config is wrong
	// (reported there): analyses by name, dataset tables as data.NAME and
	// blocks by key path. Blocks that use them are left out without a
	// second problem, so that the rest is still checked.
	Failed map[string]bool
}

// Document builds the briefing document and the template environment its
// narrative ran in. Every problem found (a chart that cannot be drawn, a
// template that fails) is returned together.
func Document(in Input) (layouts.Document, *narrative.Env, config.Problems) {
	c := in.Config
	// the palette's check (colour science, 0.2 ms) reads the config alone:
	// on the other core while the document is made
	palette := make(chan config.Problems, 1)
	go func() { palette <- checkPalette(c) }()
	brand, ps := makeBrand(c)
	loc, lps := localeOf(c)
	ps = append(ps, lps...)
	pf := periodFormat(c, loc)
	doc := layouts.Document{
		Title: c.Report.Title, Subtitle: c.Report.Subtitle, Series: c.Report.Series,
		Authors: c.Report.Authors, Period: in.Period.String(), PeriodLabel: loc.Numerals(in.Period.Format(pf)), Date: in.AsOf,
		Classification: c.Report.Classification, Draft: c.Report.Draft,
		ListOfFigures: c.Report.ListOfFigures,
		Language:      c.Report.Language,
		RightToLeft:   loc.RightToLeft(),
		NoHyphenate:   c.Report.NoHyphenate,
		Standard:      c.Report.PDFStandard,
		PageSize:      c.Report.PageSize, Keywords: c.Report.Keywords, Brand: brand,
	}
	doc.BannerColor, doc.BannerText = bannerColors(c, brand)
	doc.Words = wordsOf(loc, in.Period, in.AsOf)
	style := chartStyle(c, in.Results, brand)
	style.Number, style.Numerals, style.Other = loc.Number, loc.Numerals, loc.Word("other_series")
	g := newGlyphs(c)
	coverage := map[string]period.Interval{}
	for name, d := range in.Results.Datasets {
		if !d.Through.IsZero() {
			coverage[name] = d.Through
		}
	}
	// what has no result, and the figures and tables left out with it
	failed := maps.Clone(in.Failed)
	if failed == nil {
		failed = map[string]bool{}
	}
	ref := func(kind string, n int) string { return loc.Word("ref_"+kind, "n", loc.Numerals(strconv.Itoa(n))) }
	env := &narrative.Env{Results: in.Results, Failed: failed, Number: loc.Number, Date: loc.ShortDateOf, Ref: ref, Data: narrative.Data{
		Period: narrative.NewPeriodView(in.Period, pf), AsOf: in.AsOf, Coverage: coverage, Params: c.Params,
		Report: narrative.ReportInfo{Title: c.Report.Title, Subtitle: c.Report.Subtitle, Organization: c.Brand.Organization},
	}}
	f := &fields{c: c, env: env}
	// The short texts that print outside the charts (titles, captions,
	// source lines) run once the figures and tables are numbered, so that
	// they may refer to them; later holds them.
	var later []func()
	// First the figures and tables, so that the narrative can refer to
	// their numbers; the Markdown blocks are filled in afterwards.
	type pending struct {
		sec, blk int
		b        config.Block
	}
	var texts []pending
	for si, s := range c.Sections {
		sec := layouts.Section{Title: s.Title}
		later = append(later, func() {
			doc.Sections[si].Title = f.text(fmt.Sprintf("sections[%d].title", si), s.Title)
		})
		for _, b := range s.Blocks {
			if in.Failed[b.Path] {
				continue
			}
			switch b.Kind {
			case config.BlockText, config.BlockCallout:
				texts = append(texts, pending{si, len(sec.Blocks), b})
				sec.Blocks = append(sec.Blocks, layouts.Markdown{})
			case config.BlockChart:
				if in.Failed[c.Charts[b.Chart].Analysis] {
					failed["fig:"+b.Chart] = true
					continue
				}
				fig, warns, err := figure(c, in.Results, b, style, g, f, loc)
				ps = append(ps, warns...)
				if err != nil {
					ps = append(ps, c.Problemf(b.Path+".chart", "%v", err))
					continue
				}
				bi, ch := len(sec.Blocks), "charts."+b.Chart
				later = append(later, func() {
					fg := doc.Sections[si].Blocks[bi].(layouts.Figure)
					fg.Title = f.text(ch+".title", fg.Title)
					fg.Caption = f.text(ch+".caption", fg.Caption)
					if a := c.Charts[b.Chart].Alt; a != "" {
						fg.Alt = f.text(ch+".alt", a)
					}
					if c.Charts[b.Chart].Source != "" {
						fg.Source = f.text(ch+".source", fg.Source)
					}
					doc.Sections[si].Blocks[bi] = fg
				})
				sec.Blocks = append(sec.Blocks, fig)
			case config.BlockTable:
				if in.Failed[b.Analysis] || in.Failed["data."+b.Dataset] {
					failed["tab:"+b.Analysis+b.Dataset] = true
					continue
				}
				t, err := table(c, in.Results, b, loc)
				if err != nil {
					path := b.Path + ".table"
					var oe *optionError
					if errors.As(err, &oe) {
						path += "." + oe.option
					}
					ps = append(ps, c.Problemf(path, "%v", err))
					// the table still counts, so that {{ tab }} finds it
				}
				bi := len(sec.Blocks)
				later = append(later, func() {
					tb := doc.Sections[si].Blocks[bi].(layouts.Table)
					tb.Title = f.text(b.Path+".title", tb.Title)
					if b.Table.Note != "" {
						tb.Note = joinNotes(f.text(b.Path+".table.note", b.Table.Note), tb.Note)
					}
					doc.Sections[si].Blocks[bi] = tb
				})
				sec.Blocks = append(sec.Blocks, t)
			}
		}
		doc.Sections = append(doc.Sections, sec)
	}
	doc.Sections = append(doc.Sections, methodsSection(c, in.Results, in.AsOf, loc))
	env.Figures, env.Tables = layouts.Numbering(doc)
	doc.Title = f.text("report.title", doc.Title)
	doc.Subtitle = f.text("report.subtitle", doc.Subtitle)
	for _, run := range later {
		run()
	}
	ps = append(ps, f.ps...)
	f.ps = nil
	blocks := make([]config.Block, len(texts))
	for k, t := range texts {
		blocks[k] = t.b
	}
	runs := runTexts(c, env, blocks)
	var notes []noteText
	var standIns []int // the texts that did not run
	for k, t := range texts {
		r := runs[k]
		for _, w := range r.warnings {
			if slices.ContainsFunc(env.Warnings, func(o *narrative.Error) bool { return *o == *w }) {
				continue // said already, as one Env running the texts in turn says it once
			}
			env.Warnings = append(env.Warnings, w)
			p := templateProblem(c, t.b, w)
			p.Warning = true
			ps = append(ps, p)
		}
		md, src, err := r.md, r.src, r.err
		if err != nil {
			ps = append(ps, templateProblems(c, t.b, err)...)
			// its footnote definitions are still written in it, and those
			// that a text that did run refers to stand in for it in the
			// document (validate lays out a briefing whose texts on a SQL
			// dataset did not run)
			notes = append(notes, noteText{block: t.b, source: src, failed: true})
			standIns = append(standIns, k)
			continue
		}
		md.Title = f.text(t.b.Path+".title", md.Title)
		doc.Sections[t.sec].Blocks[t.blk] = md
		notes = append(notes, noteText{block: t.b, source: src, text: md.Text})
	}
	missing := missingNotes(notes)
	for _, k := range standIns {
		t := texts[k]
		doc.Sections[t.sec].Blocks[t.blk] = layouts.Markdown{Source: c.Rel(textSource(t.b)), Text: noteStandIns(runs[k].src, missing)}
	}
	ps = append(ps, f.ps...)
	ps = append(ps, checkFootnotes(c, notes)...)
	ps = append(ps, checkDates(c, in.Results, in.AsOf)...)
	ps = append(ps, <-palette...)
	return doc, env, ps
}

// textRun is a text block's template run: its Markdown, the text as
// written, the error and the warnings.
type textRun struct {
	md       layouts.Markdown
	src      string
	err      error
	warnings []*narrative.Error
}

// runTexts runs the templates of the text blocks on every core, each
// with an Env of its own so that its warnings stay apart, and returns the
// runs in the blocks' order. The templates only read what env holds.
//
// A panic in a run (a bug) is raised again on the caller's goroutine,
// where it is reported.
func runTexts(c *config.Config, env *narrative.Env, blocks []config.Block) []textRun {
	out := make([]textRun, len(blocks))
	var next atomic.Int64
	var wg sync.WaitGroup
	var panicked atomic.Value
	for range min(runtime.GOMAXPROCS(0), len(blocks)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() {
				if p := recover(); p != nil {
					panicked.CompareAndSwap(nil, fmt.Sprint(p))
				}
			}()
			for k := int(next.Add(1) - 1); k < len(blocks); k = int(next.Add(1) - 1) {
				e := *env
				e.Warnings = nil
				md, src, err := markdown(c, &e, blocks[k])
				out[k] = textRun{md: md, src: src, err: err, warnings: e.Warnings}
			}
		}()
	}
	wg.Wait()
	if p := panicked.Load(); p != nil {
		panic(p)
	}
	return out
}

// partialNote tells the reader of a chart that its last interval is not
// complete ("2025 runs to the end of Q3 only and is drawn lighter."), in the
// briefing's language and digits; "" when every interval is.
func partialNote(r *analysis.Result, typ string, loc *locale.Locale) string {
	if !r.Timed || len(r.Keys) == 0 {
		return ""
	}
	last := r.Keys[len(r.Keys)-1]
	if !last.Partial {
		return ""
	}
	key := "note_partial_bars"
	if typ == "line" {
		key = "note_partial_line"
	}
	return loc.Numerals(loc.Word(key, "label", last.Label, "q", last.Through.Quarter()))
}

// textSource is where a text block's Markdown is written: its file, or
// its place in the config.
func textSource(b config.Block) string {
	if b.File != "" {
		return b.File
	}
	return b.Path
}

// markdown reads a text or callout block and runs its template. It
// returns the Markdown and the text as written (before the template ran;
// also when it failed).
func markdown(c *config.Config, env *narrative.Env, b config.Block) (layouts.Markdown, string, error) {
	text, source := b.Markdown, textSource(b)
	if b.File != "" {
		data, err := readText(b.File)
		if err != nil {
			return layouts.Markdown{}, "", err
		}
		text = data
	}
	out, err := env.Render(source, text)
	if err != nil {
		return layouts.Markdown{}, text, err // the text as written: its footnotes' definitions
	}
	return layouts.Markdown{Source: c.Rel(source), Text: out, Callout: b.Kind == config.BlockCallout, Title: b.Title}, text, nil
}

// maxTextFile bounds a narrative file: prose runs to kilobytes.
const maxTextFile = 16 << 20

// readText reads a Markdown file, refusing what is not UTF-8 text.
func readText(path string) (string, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return "", &narrative.Error{Source: path, Msg: "cannot read the file: " + pathErr(err)}
	}
	if fi.Size() > maxTextFile {
		return "", &narrative.Error{Source: path, Msg: fmt.Sprintf("is %d MB; a narrative file has at most %d MB", fi.Size()>>20, maxTextFile>>20)}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return "", &narrative.Error{Source: path, Msg: "cannot read the file: " + pathErr(err)}
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return "", &narrative.Error{Source: path, Line: bytes.Count(data[:i], []byte("\n")) + 1, Msg: "a NUL byte: this is not a text file"}
	}
	if !utf8.Valid(data) {
		i := 0
		for i < len(data) {
			r, n := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			i += n
		}
		return "", &narrative.Error{Source: path, Line: bytes.Count(data[:i], []byte("\n")) + 1,
			Msg: fmt.Sprintf("invalid UTF-8 (byte 0x%02x); save the file as UTF-8", data[i])}
	}
	return strings.TrimPrefix(string(data), "\uFEFF"), nil
}

func pathErr(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// templateProblems places every error of a text, leaving out those of
// analyses whose data failed: that is said where the data is.
func templateProblems(c *config.Config, b config.Block, err error) config.Problems {
	var ps config.Problems
	for _, e := range textErrors(err) {
		ps = append(ps, templateProblem(c, b, e))
	}
	return ps
}

// textErrors splits the error of a template (narrative.Errors holds
// several) and drops those caused by a failed analysis.
func textErrors(err error) []error {
	all := []error{err}
	var es narrative.Errors
	if errors.As(err, &es) {
		all = all[:0]
		for _, e := range es {
			all = append(all, e)
		}
	}
	var out []error
	for _, e := range all {
		if !errors.Is(e, narrative.ErrFailed) {
			out = append(out, e)
		}
	}
	return out
}

// templateProblem places a template error: in its Markdown file, or in the
// config at the block's line plus the line inside the inline text.
func templateProblem(c *config.Config, b config.Block, err error) config.Problem {
	var te *narrative.Error
	if !errors.As(err, &te) {
		return c.Problemf(b.Path+"."+string(b.Kind), "%v", err)
	}
	if b.File != "" {
		return config.Problem{File: b.File, Line: te.Line, Column: te.Column, Path: b.Path, Msg: te.Msg}
	}
	p := c.Problemf(b.Path+"."+string(b.Kind), "%s", te.Msg)
	if p.Line > 0 && te.Line > 0 {
		p.Line += te.Line // inline text starts on the line after "text: |"
		p.Column = 0
	}
	return p
}

func makeBrand(c *config.Config) (layouts.Brand, config.Problems) {
	var ps config.Problems
	color := func(path, hex, def string) layouts.RGB {
		if hex == "" {
			hex = def
		}
		rgb, err := charts.ParseHex(hex)
		if err != nil {
			ps = append(ps, c.Problemf(path, "%v", err))
		}
		return layouts.RGB(rgb)
	}
	b := layouts.Brand{
		Organization: c.Brand.Organization,
		Primary:      color("brand.primary_color", c.Brand.PrimaryColor, "#0B3D5C"),
		Accent:       color("brand.accent_color", c.Brand.AccentColor, "#C8102E"),
		Logo:         c.Brand.Logo,
		Fonts:        layouts.Fonts(c.Brand.Fonts),
		Disclaimer:   c.Brand.Disclaimer,
	}
	return b, ps
}

// figure draws a chart block. Text in the chart that the font cannot draw
// is replaced by a mark, with a warning.
func figure(c *config.Config, res *analysis.Results, b config.Block, style charts.Style, g *glyphs, f *fields, loc *locale.Locale) (layouts.Figure, config.Problems, error) {
	ch := c.Charts[b.Chart]
	r, ok := res.Analyses[ch.Analysis]
	if !ok {
		return layouts.Figure{}, nil, fmt.Errorf("analysis %q has no result", ch.Analysis)
	}
	path := "charts." + b.Chart
	spec := charts.Spec{ID: b.Chart, Type: ch.Type, YLabel: f.text(path+".y_label", ch.YLabel), Measure: ch.Measure, Period: ch.Period}
	for i, a := range ch.Annotations {
		iv, err := period.ParseInterval(a.X)
		if err != nil {
			return layouts.Figure{}, nil, err
		}
		label := f.text(fmt.Sprintf("%s.annotations[%d].label", path, i), a.Label)
		spec.Annotations = append(spec.Annotations, charts.Annotation{X: float64(iv.Year()), Label: label})
	}
	r, spec, warns := g.chartText(c, "charts."+b.Chart, r, spec, &style)
	drawing, err := charts.New(spec, r, style)
	if err != nil {
		return layouts.Figure{}, warns, err // it names the chart
	}
	source := ch.Source
	if source == "" {
		source = r.Source
	}
	caption := ch.Caption
	if note := partialNote(r, drawing.Type(), loc); note != "" {
		caption = strings.TrimSpace(caption + " " + note)
	}
	return layouts.Figure{ID: b.Chart, Title: ch.Title, Caption: caption, Source: source, Height: ch.Height, Drawing: drawing, Pinned: b.Pinned}, warns, nil
}
