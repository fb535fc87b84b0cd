package charts

import (
	"github.com/briefing/report/internal/exact"

	"math"
	"strconv"
	"strings"
	"testing"
)

// outerArcs returns the outer arc of every slice, in drawing order.
func outerArcs(tb testing.TB, r *recorder) []arc {
	tb.Helper()
	var out []arc
	for _, p := range r.pathsOf("slice") {
		if len(p.Arcs) != 2 {
			tb.Fatalf("a slice of %d arcs, want outer and inner", len(p.Arcs))
		}
		o, in := p.Arcs[0], p.Arcs[1]
		if in.RX >= o.RX || math.Abs(in.Delta+o.Delta) > 1e-9 {
			tb.Errorf("inner arc %+v does not run back along outer %+v", in, o)
		}
		out = append(out, o)
	}
	return out
}

func TestDonut_AnglesProportional(t *testing.T) {
	res := agreements() // 6, 5, 2, 2, 1500, 1
	res.Series[0].Values[4] = exact.Int(15)
	r := record(t, mustNew(t, Spec{Type: "donut"}, res, testStyle()), testW, testH)
	arcs := outerArcs(t, r)
	want := []float64{15, 6, 5, 2, 2, 1} // largest first
	if len(arcs) != len(want) {
		t.Fatalf("%d slices, want %d", len(arcs), len(want))
	}
	total := 31.0
	at := -math.Pi / 2
	for i, a := range arcs {
		if math.Abs(a.Start-at) > 1e-9 {
			t.Errorf("slice %d starts at %.4f, want %.4f (after the one before)", i, a.Start, at)
		}
		if w := 2 * math.Pi * want[i] / total; math.Abs(a.Delta-w) > 1e-9 {
			t.Errorf("slice %d spans %.4f rad, want %.4f for %v of %v", i, a.Delta, w, want[i], total)
		}
		at += a.Delta
	}
	if math.Abs(at-(-math.Pi/2+2*math.Pi)) > 1e-9 {
		t.Errorf("the slices end at %.4f, not all round", at)
	}
	// The legend gives every slice its label, value and share, apart.
	legend := r.textsOf("legend")
	if len(legend) != 3*len(want) {
		t.Fatalf("%d legend texts, want 3 per slice", len(legend))
	}
	sum := 0
	for i := 0; i < len(want); i++ {
		if v := legend[3*i+1].S; v != strconv.Itoa(int(want[i])) {
			t.Errorf("row %d value %q, want %v", i, v, want[i])
		}
		p, err := strconv.Atoi(strings.TrimSuffix(legend[3*i+2].S, "%"))
		if err != nil {
			t.Errorf("row %d share %q", i, legend[3*i+2].S)
		}
		sum += p
	}
	if sum < 99 || sum > 101 {
		t.Errorf("shares add up to %d%%", sum)
	}
	assertNoOverlap(t, "donut", r.texts)
	assertClearOfRing(t, r)
}

// assertClearOfRing fails when a legend text lies over the ring.
func assertClearOfRing(t *testing.T, r *recorder) {
	t.Helper()
	slices := r.pathsOf("slice")
	if len(slices) == 0 {
		return
	}
	a := slices[0].Arcs[0]
	for _, tx := range r.textsOf("legend") {
		x0, y0, x1, y1 := tx.bounds()
		// the nearest point of the text box to the centre
		nx := math.Max(x0, math.Min(float64(a.C.X), x1))
		ny := math.Max(y0, math.Min(float64(a.C.Y), y1))
		if math.Hypot(nx-float64(a.C.X), ny-float64(a.C.Y)) < a.RX {
			t.Errorf("legend text %q lies over the ring", tx.S)
		}
	}
}

func TestDonut_NarrowBoxLegendBelow(t *testing.T) {
	c := mustNew(t, Spec{Type: "donut"}, agreements(), testStyle())
	r := record(t, c, 300, 600)
	arcs := outerArcs(t, r)
	bottom := float64(arcs[0].C.Y) + arcs[0].RX
	for _, tx := range r.textsOf("legend") {
		if _, y0, _, _ := tx.bounds(); y0 < bottom {
			t.Errorf("legend text %q at %.0f, not below the ring (%.0f)", tx.S, y0, bottom)
		}
	}
	assertNoOverlap(t, "narrow donut", r.texts)
}

// Past the palette's colours (the default palette's, without a brand
// one), the smallest categories fold into a grey Other: no two slices
// share a colour.
func TestDonut_FoldsSmallestIntoOther(t *testing.T) {
	st := testStyle()
	c := mustNew(t, Spec{Type: "donut"}, manyCategories(34), st)
	r := record(t, c, testW, testH)
	arcs := outerArcs(t, r)
	kept := min(maxSlices, len(DefaultPalette()))
	if len(arcs) != kept+1 {
		t.Fatalf("%d slices, want %d and Other", len(arcs), kept)
	}
	legend := r.textsOf("legend")
	if last := legend[len(legend)-3].S; last != "Other" {
		t.Errorf("last slice %q, want Other", last)
	}
	slices := r.pathsOf("slice")
	if got := slices[kept].Fill; got != otherColor.color() {
		t.Errorf("Other is %v, want grey", got)
	}
	fills := map[any]int{}
	for i, s := range slices {
		if j, ok := fills[s.Fill]; ok {
			t.Errorf("slices %d and %d share the colour %v", j, i, s.Fill)
		}
		fills[s.Fill] = i
	}
	for i := 1; i < kept; i++ {
		if arcs[i].Delta > arcs[i-1].Delta+1e-9 {
			t.Errorf("slice %d is larger than slice %d", i, i-1)
		}
	}
}

func TestDonut_SeriesTotals(t *testing.T) {
	res := exercises() // Naval 25, Land 7, Air 8
	r := record(t, mustNew(t, Spec{Type: "donut", YLabel: "Exercises"}, res, testStyle()), testW, testH)
	legend := r.textsOf("legend")
	var got []string
	for i := 0; i < len(legend); i += 3 {
		got = append(got, legend[i].S+"="+legend[i+1].S)
	}
	if strings.Join(got, ",") != "Naval=25,Air=8,Land=7" {
		t.Errorf("slices %v, want the series totals, largest first", got)
	}
	center := r.textsOf("total")
	if len(center) != 2 || center[0].S != "40" || center[1].S != "Exercises" {
		t.Errorf("hole text %v, want the total and the Y label", center)
	}
}

func TestDonut_SeriesKeepTheirColours(t *testing.T) {
	st := testStyle()
	st.Colors = map[string]RGB{"Air": {1, 2, 3}}
	r := record(t, mustNew(t, Spec{Type: "donut"}, exercises(), st), testW, testH)
	if got := r.pathsOf("slice")[1].Fill; got != (RGB{1, 2, 3}).color() {
		t.Errorf("Air is %v, want its document colour", got)
	}
}

// The legend's values and shares are written as the briefing's language
// writes numbers (here, Arabic-Indic digits).
func TestDonut_SharesInTheBriefingsLanguage(t *testing.T) {
	st := testStyle()
	st.Number = func(s string) string {
		return strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return '٠' + r - '0'
			}
			return r
		}, s)
	}
	r := record(t, mustNew(t, Spec{Type: "donut"}, agreements(), st), testW, testH)
	legend := r.textsOf("legend")
	for i := 1; i < len(legend); i += 3 {
		for _, s := range []string{legend[i].S, legend[i+1].S} {
			if strings.ContainsAny(s, "0123456789") {
				t.Errorf("legend number %q has Latin digits", s)
			}
		}
	}
}
