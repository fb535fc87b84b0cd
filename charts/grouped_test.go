package charts

import (
	"math"
	"slices"
	"testing"

	"github.com/briefing/report/analysis"
)

// barsByColor returns the bars drawn, grouped by fill colour in the order
// the colours first appear, each group sorted left to right.
func barsByColor(r *recorder) [][]path {
	groups := map[[4]uint8]int{}
	var out [][]path
	for _, p := range r.pathsOf("bar") {
		key := [4]uint8{p.Fill.R, p.Fill.G, p.Fill.B, p.Fill.A}
		i, ok := groups[key]
		if !ok {
			i = len(out)
			groups[key] = i
			out = append(out, nil)
		}
		out[i] = append(out[i], p)
	}
	for _, g := range out {
		slices.SortFunc(g, func(a, b path) int { ax, _, _, _ := a.bbox(); bx, _, _, _ := b.bbox(); return ax - bx })
	}
	return out
}

func TestGrouped_WidthsPositionsHeights(t *testing.T) {
	res := compareResult()
	c := mustNew(t, Spec{Type: "grouped-bar"}, res, testStyle())
	r := record(t, c, testW, testH)
	groups := barsByColor(r)
	if len(groups) != 2 || len(groups[0]) != 4 || len(groups[1]) != 4 {
		t.Fatalf("got %d colours of bars, want 2 series × 4 periods", len(groups))
	}
	width := func(p path) int { x0, _, x1, _ := p.bbox(); return x1 - x0 }
	w := width(groups[0][0])
	var base int
	for k := 0; k < 4; k++ {
		a, b := groups[0][k], groups[1][k]
		ax0, _, ax1, ay1 := a.bbox()
		bx0, _, bx1, by1 := b.bbox()
		if abs(width(a)-w) > 1 || abs(width(b)-w) > 1 {
			t.Errorf("period %d: bar widths %d and %d, want %d", k, width(a), width(b), w)
		}
		if !(ax1 < bx0) {
			t.Errorf("period %d: the second series' bar (%d–%d) is not right of the first (%d–%d)", k, bx0, bx1, ax0, ax1)
		}
		if k > 0 {
			prev, _, _, _ := groups[1][k-1].bbox()
			if !(prev < ax0) {
				t.Errorf("period %d starts at %d, left of period %d", k, ax0, k-1)
			}
		}
		if k == 0 {
			base = ay1
		}
		if ay1 != base || by1 != base {
			t.Errorf("period %d: bars stand on %d and %d, want %d (zero)", k, ay1, by1, base)
		}
	}
	// Heights follow the values: scale from the tallest.
	vals := [2][]float64{res.Series[0].Floats(), res.Series[1].Floats()}
	scale := float64(heightOf(groups[1][1])) / vals[1][1]
	for s := 0; s < 2; s++ {
		for k := 0; k < 4; k++ {
			if got, want := float64(heightOf(groups[s][k])), vals[s][k]*scale; math.Abs(got-want) > 1.5 {
				t.Errorf("series %d period %d: %v px high, want %.1f", s, k, got, want)
			}
		}
	}
	if n := len(r.textsOf("legend")); n != 2 {
		t.Errorf("%d legend entries, want 2", n)
	}
}

func abs(i int) int {
	if i < 0 {
		return -i
	}
	return i
}

func TestGrouped_ZerosNegativesGaps(t *testing.T) {
	res := &analysis.Result{Name: "mixed", Kind: "compare", Keys: []analysis.Key{{Label: "A"}, {Label: "B"}, {Label: "C"}}, Series: []analysis.Series{
		{Label: "One", Values: nums([]float64{10, 0, -5})},
		{Label: "Two", Values: nums([]float64{math.NaN(), -8, 4})},
	}}
	r := record(t, mustNew(t, Spec{Type: "grouped-bar"}, res, testStyle()), testW, testH)
	bars := r.pathsOf("bar")
	if len(bars) != 4 {
		t.Fatalf("%d bars, want 4 (none for the zero and the gap)", len(bars))
	}
	_, _, _, zero := bars[0].bbox() // the 10, first drawn, stands on zero
	neg := 0
	for _, b := range bars {
		_, y0, _, y1 := b.bbox()
		if y0 == zero {
			neg++
		} else if y1 != zero {
			t.Errorf("bar %d–%d neither stands on nor hangs from zero (%d)", y0, y1, zero)
		}
	}
	if neg != 2 {
		t.Errorf("%d bars hang below zero, want 2", neg)
	}
}

func TestGrouped_ManyCategories(t *testing.T) {
	res := manyCategories(34)
	res.Series = append(res.Series, analysis.Series{Label: "Second", Values: slices.Clone(res.Series[0].Values)})
	r := record(t, mustNew(t, Spec{Type: "grouped-bar"}, res, testStyle()), testW, testH)
	bars := r.pathsOf("bar")
	if len(bars) != 68 {
		t.Fatalf("%d bars, want 68", len(bars))
	}
	for i := 1; i < len(bars); i++ {
		if x0, _, x1, _ := bars[i].bbox(); x1-x0 < 1 {
			t.Errorf("bar %d is %d px wide", i, x1-x0)
		}
	}
	labels := r.textsOf("xlabel")
	if len(labels) != 34 || labels[0].Rot == 0 {
		t.Errorf("%d labels (turned %v), want 34 turned upright", len(labels), labels[0].Rot)
	}
}
