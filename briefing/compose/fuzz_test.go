package compose

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/briefing/report/analysis"
	"github.com/briefing/report/config"
	"github.com/briefing/report/internal/period"
	"github.com/briefing/report/layouts"
)

// FuzzMarkdownDocument runs random Markdown, with template actions, through
// compose and layouts.Render into memory with a pinned clock: no panic, and
// every failure is a returned error or problem, never something drawn.
func FuzzMarkdownDocument(f *testing.F) {
	// The seed corpus in testdata/fuzz/FuzzMarkdownDocument holds the
	// sample briefing's narrative files; these add the Markdown corners.
	f.Add("# Head\n\nText[^a] with **bold**, *it*, `code` and [a link](#fig:first).\n\n[^a]: A note.", "> quote\n\n1. one\n2. two\n\n- x\n  - y")
	f.Add("See {{ fig \"first\" }}; {{ value \"by_actor\" \"A\" 2022 | num 1 }}.", "{{ range rows \"x\" }}{{ end }}")
	f.Add("| a | b |\n|---|---|\n| 1 | 2 |\n\n```\ncode\n```\n\n<div>html</div>", "Launch 🚀 中文 שלום\u200b\u00ad")

	c, err := config.Load("testdata/briefing.yaml", config.Options{})
	if err != nil {
		f.Fatal(err)
	}
	p, _ := period.ParsePeriod(c.Report.Period, time.Time{})
	res, ps := analysis.Compute(c, p)
	if len(ps) > 0 {
		f.Fatal(ps)
	}
	asOf := time.Date(2023, 1, 5, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, text, callout string) {
		cc := *c
		cc.Sections = []config.Section{{Title: "Fuzz", Blocks: []config.Block{
			{Kind: config.BlockText, Path: "sections[0].blocks[0]", Markdown: text, Decimals: -1},
			{Kind: config.BlockChart, Path: "sections[0].blocks[1]", Chart: "first", Decimals: -1},
			{Kind: config.BlockCallout, Path: "sections[0].blocks[2]", Markdown: callout, Title: "Key points", Decimals: -1},
			{Kind: config.BlockTable, Path: "sections[0].blocks[3]", Analysis: "periods", Decimals: -1},
		}}}
		doc, _, ps := Document(Input{Config: &cc, Results: res, Period: p, AsOf: asOf})
		for _, p := range ps {
			if p.Msg == "" || p.File == "" {
				t.Fatalf("problem without a place or a message: %#v", p)
			}
		}
		if len(ps.Errors()) > 0 {
			return
		}
		var buf bytes.Buffer
		out, err := layouts.Render(doc, &buf)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("an empty error")
			}
			return
		}
		pdf := buf.Bytes()
		if !bytes.HasPrefix(pdf, []byte("%PDF-")) || !bytes.HasSuffix(bytes.TrimSpace(pdf), []byte("%%EOF")) || out.Pages < 2 {
			t.Fatalf("not a whole PDF: %d bytes, %d pages", len(pdf), out.Pages)
		}
		for _, w := range out.Warnings {
			if strings.TrimSpace(w.Msg) == "" {
				t.Fatalf("a warning without a message: %#v", w)
			}
		}
	})
}
