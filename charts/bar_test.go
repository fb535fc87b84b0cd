package charts

import (
	"math"
	"slices"
	"testing"

	"github.com/wcharczuk/go-chart/v2/drawing"
)

func TestBar_HeightsProportional(t *testing.T) {
	res := categorical([]string{"a", "b", "c", "d", "e"}, []float64{10, 20, 35, 0, 7})
	r := record(t, mustNew(t, Spec{Type: "bar"}, res, testStyle()), testW, testH)
	bars := r.pathsOf("bar")
	if len(bars) != 4 {
		t.Fatalf("got %d bars, want 4 (none for the zero)", len(bars))
	}
	var base int
	for i, b := range bars {
		_, _, _, y1 := b.bbox()
		if i == 0 {
			base = y1
		} else if y1 != base {
			t.Errorf("bar %d stands on row %d, want %d (all from zero)", i, y1, base)
		}
	}
	scale := float64(heightOf(bars[2])) / 35 // from the tallest, least rounded
	for i, v := range []float64{10, 20, 35, 7} {
		if got, want := float64(heightOf(bars[i])), v*scale; math.Abs(got-want) > 1.5 {
			t.Errorf("bar %d is %v px high, want %.1f (value %v)", i, got, want, v)
		}
	}
}

func heightOf(p path) int {
	_, y0, _, y1 := p.bbox()
	return y1 - y0
}

func TestBar_StartsAtZero(t *testing.T) {
	res := categorical([]string{"a", "b"}, []float64{1000, 1010})
	r := record(t, mustNew(t, Spec{Type: "bar"}, res, testStyle()), testW, testH)
	labels := r.textsOf("ytick")
	if labels[0].S != "0" {
		t.Errorf("lowest tick %q, want 0", labels[0].S)
	}
	bars := r.pathsOf("bar")
	if h0, h1 := heightOf(bars[0]), heightOf(bars[1]); math.Abs(float64(h1)/float64(h0)-1.01) > 0.01 {
		t.Errorf("bars %d and %d px: not from zero", h0, h1)
	}
}

func TestStacked_TotalsProportional(t *testing.T) {
	res := exercises()
	r := record(t, mustNew(t, Spec{Type: "stacked-bar"}, res, testStyle()), testW, testH)
	type col struct{ top, bottom int }
	cols := map[int]*col{}
	colors := map[drawing.Color]bool{}
	for _, p := range r.pathsOf("bar") {
		x0, y0, _, y1 := p.bbox()
		c, ok := cols[x0]
		if !ok {
			c = &col{top: y0, bottom: y1}
			cols[x0] = c
		}
		c.top, c.bottom = min(c.top, y0), max(c.bottom, y1)
		colors[p.Fill] = true
	}
	if len(colors) != 3 {
		t.Errorf("%d bar colours for 3 series", len(colors))
	}
	xs := make([]int, 0, len(cols))
	for x := range cols {
		xs = append(xs, x)
	}
	slices.Sort(xs)
	totals := make([]float64, len(res.Keys))
	for _, s := range res.Series {
		for i, v := range s.Floats() {
			totals[i] += v
		}
	}
	if len(xs) != len(totals) {
		t.Fatalf("%d stacks for %d keys", len(xs), len(totals))
	}
	top := slices.Index(totals, slices.Max(totals)) // scale from the tallest stack
	scale := float64(cols[xs[top]].bottom-cols[xs[top]].top) / totals[top]
	for i, x := range xs {
		got := float64(cols[x].bottom - cols[x].top)
		if math.Abs(got-totals[i]*scale) > 1.5 {
			t.Errorf("stack %d is %v px for total %v, want %.1f", i, got, totals[i], totals[i]*scale)
		}
	}
	if n := len(r.textsOf("legend")); n != 3 {
		t.Errorf("%d legend entries, want one per stack part", n)
	}
}
