//go:build samplefixture

// This file rewrites testdata/sample/briefing.json from the sample
// briefing at the root of the module, through the real pipeline, and
// measures Render on the real document (with its charts):
//
//	go test -tags samplefixture -run TestWriteSampleFixture ./layouts
//	go test -tags samplefixture -run - -bench RealSample ./layouts
//
// It is behind a build tag because it reaches up the chain (config,
// analysis, compose): the package's own tests read the snapshot only.
package layouts_test

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/briefing/report/analysis"
	"github.com/briefing/report/briefing/compose"
	"github.com/briefing/report/config"
	"github.com/briefing/report/internal/period"
	"github.com/briefing/report/layouts"
)

// realSample is the sample briefing's document as the command builds it.
func realSample(tb testing.TB) layouts.Document {
	tb.Helper()
	cfg, err := config.Load(filepath.Join("..", "testdata", "russia-china", "briefing.yaml"), config.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	now := time.Unix(1772409600, 0).UTC() // 2026-03-02, the --as-of of the benches
	p, err := period.ParsePeriod(cfg.Report.Period, now)
	if err != nil {
		tb.Fatal(err)
	}
	res, ps := analysis.Compute(cfg, p)
	if len(ps) > 0 {
		tb.Fatal(ps)
	}
	doc, _, ps := compose.Document(compose.Input{Config: cfg, Results: res, Period: p, AsOf: now})
	if len(ps) > 0 {
		tb.Fatal(ps)
	}
	return doc
}

func BenchmarkRender_RealSample(b *testing.B) {
	doc := realSample(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := layouts.Render(doc, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

func TestWriteSampleFixture(t *testing.T) {
	doc := realSample(t)
	type block struct {
		Markdown *layouts.Markdown `json:",omitempty"`
		Figure   *layouts.Figure   `json:",omitempty"`
		Table    *layouts.Table    `json:",omitempty"`
	}
	type section struct {
		Title  string
		Blocks []block
	}
	var fx struct {
		Document layouts.Document
		Sections []section
	}
	for _, s := range doc.Sections {
		sec := section{Title: s.Title}
		for _, c := range s.Blocks {
			switch c := c.(type) {
			case layouts.Markdown:
				sec.Blocks = append(sec.Blocks, block{Markdown: &c})
			case layouts.Figure:
				c.Drawing = nil // a box of the same size in the tests
				sec.Blocks = append(sec.Blocks, block{Figure: &c})
			case layouts.Table:
				sec.Blocks = append(sec.Blocks, block{Table: &c})
			}
		}
		fx.Sections = append(fx.Sections, sec)
	}
	doc.Sections = nil
	fx.Document = doc
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(fx); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join("testdata", "sample", "briefing.json"), buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}
