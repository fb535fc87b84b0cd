package layouts

import (
	"fmt"
	"sort"
	"strings"
	"testing"
)

// MustLayout lays out doc or fails the test.
func MustLayout(tb testing.TB, doc Document) *Plan {
	tb.Helper()
	p, err := Layout(doc)
	if err != nil {
		tb.Fatalf("Layout: %v", err)
	}
	return p
}

// checkPlan verifies the invariants every plan must hold: blocks inside
// their frame, no two blocks overlapping, no heading last on a page that
// has something after it, and split sources complete and in order.
func checkPlan(tb testing.TB, p *Plan) {
	tb.Helper()
	const tol = 0.01
	for _, pg := range p.Pages {
		fr := pg.Frame
		for i, it := range pg.Items {
			if it.X < fr.X-tol || it.Y < fr.Y-tol || it.X+it.W > fr.X+fr.W+tol || it.Y+it.H > fr.Y+fr.H+tol {
				tb.Errorf("page %d: %s %q (%.1f,%.1f %.1fx%.1f) is outside the frame %+v", pg.Number, it.Kind, it.Text, it.X, it.Y, it.W, it.H, fr)
			}
			for _, o := range pg.Items[i+1:] {
				if it.X < o.X+o.W-tol && o.X < it.X+it.W-tol && it.Y < o.Y+o.H-tol && o.Y < it.Y+it.H-tol {
					tb.Errorf("page %d: %s %q overlaps %s %q", pg.Number, it.Kind, it.Text, o.Kind, o.Text)
				}
			}
		}
		if n := len(pg.Items); n > 0 && pg.Number < len(p.Pages) && pg.Items[n-1].Kind == "heading" {
			tb.Errorf("page %d ends with heading %q", pg.Number, pg.Items[n-1].Text)
		}
	}
	for key, parts := range parts(p) {
		next := 1
		for _, it := range parts {
			if it.From != next {
				tb.Errorf("%s: part starts at %d, want %d", key, it.From, next)
			}
			next = it.To + 1
		}
		if last := parts[len(parts)-1]; last.To != last.Total {
			tb.Errorf("%s: parts end at %d of %d", key, last.To, last.Total)
		}
	}
}

// parts groups the placed items that have line or row ranges by source.
func parts(p *Plan) map[string][]Item {
	m := map[string][]Item{}
	for _, pg := range p.Pages {
		for _, it := range pg.Items {
			if it.Total > 0 && it.Key != "" {
				m[it.Key] = append(m[it.Key], it)
			}
		}
	}
	return m
}

// items returns the placed items of kind, with their page numbers.
func items(p *Plan, kind string) (its []Item, pages []int) {
	for _, pg := range p.Pages {
		for _, it := range pg.Items {
			if it.Kind == kind {
				its = append(its, it)
				pages = append(pages, pg.Number)
			}
		}
	}
	return its, pages
}

// para is a paragraph of n sentences.
func para(i, n int) string {
	var b strings.Builder
	for s := 0; s < n; s++ {
		fmt.Fprintf(&b, "Sentence %d of paragraph %d says something about the quarter's developments. ", s+1, i+1)
	}
	return b.String()
}

func keys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
