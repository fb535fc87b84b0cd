package charts

import (
	"math"
	"regexp"
	"strings"
	"testing"

	"github.com/briefing/report/internal/exact"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

func TestXLabels_WholeYears(t *testing.T) {
	years := regexp.MustCompile(`^\d{4}$`)
	for _, typ := range axesTypes() {
		if rejects(typ, armsTrend()) {
			continue
		}
		r := record(t, mustNew(t, Spec{Type: typ}, armsTrend(), testStyle()), testW, testH)
		labels := r.textsOf("xlabel")
		if len(labels) < 3 {
			t.Errorf("%s: only %d year labels", typ, len(labels))
		}
		for _, l := range labels {
			if !years.MatchString(l.S) {
				t.Errorf("%s: year label %q", typ, l.S)
			}
		}
	}
}

func TestXLabels_ThinnedWhenCrowded(t *testing.T) {
	r := record(t, mustNew(t, Spec{Type: "line"}, armsTrend(), testStyle()), smallW, smallH)
	labels := r.textsOf("xlabel")
	if len(labels) >= 25 {
		t.Fatalf("%d labels for 25 years in a small chart", len(labels))
	}
	for _, l := range labels {
		if y := parseTick(l.S); int(y)%5 != 0 && int(y)%2 != 0 {
			t.Errorf("thinned label %q is not on a round year", l.S)
		}
	}
	assertNoOverlap(t, "small line", labels)
}

func TestLine_AverageDashedInBaseColor(t *testing.T) {
	st := testStyle()
	st.Colors = map[string]RGB{"Russia → India": {0xC8, 0x10, 0x2E}}
	r := record(t, mustNew(t, Spec{Type: "line"}, armsTrend(), st), testW, testH)
	solid := map[drawing.Color]bool{}
	var dashed []path
	for _, p := range r.pathsOf("line") {
		if len(p.Dash) > 0 {
			dashed = append(dashed, p)
		} else {
			solid[p.Stroke] = true
		}
	}
	if len(solid) != 2 || len(dashed) != 2 {
		t.Fatalf("got %d solid colours and %d dashed lines, want 2 and 2", len(solid), len(dashed))
	}
	for _, d := range dashed {
		if !solid[d.Stroke] {
			t.Errorf("dashed average in %v, not the colour of a raw series", d.Stroke)
		}
	}
	if !solid[(RGB{0xC8, 0x10, 0x2E}).color()] {
		t.Error("Style.Colors did not set Russia → India's colour")
	}
	if len(r.pathsOf("marker")) == 0 {
		t.Error("no point markers on the raw series")
	}
	legend := r.textsOf("legend")
	if legend[2].S != "Russia → China (5-yr avg)" {
		t.Errorf("legend[2] = %q, want the average's own label", legend[2].S)
	}
}

func TestLine_GapBreaksLine(t *testing.T) {
	res := timedConst(5, 8)
	res.Series[0].Values[3] = exact.NaN()
	r := record(t, mustNew(t, Spec{Type: "line"}, res, testStyle()), testW, testH)
	if n := len(r.pathsOf("line")); n != 2 {
		t.Errorf("a series with one gap drew %d lines, want 2", n)
	}
	for _, p := range r.pathsOf("line") {
		if len(p.Pts) != 3 && len(p.Pts) != 4 {
			t.Errorf("line through %d points, want 3 and 4", len(p.Pts))
		}
	}
}

func TestAnnotations_LabelledLines(t *testing.T) {
	spec := Spec{Type: "line", Annotations: []Annotation{{X: 2014, Label: "Crimea"}, {X: 2022, Label: "Invasion of Ukraine"}, {X: 1990, Label: "Before"}}}
	r := record(t, mustNew(t, spec, armsTrend(), testStyle()), testW, testH)
	labels := r.textsOf("annotation")
	if len(labels) != 2 {
		t.Fatalf("%d annotation labels, want 2 (1990 is off the axis)", len(labels))
	}
	lines := r.pathsOf("annotation")
	top := plotTop(t, r, testStyle())
	legendBottom := 0.0
	for _, l := range r.textsOf("legend") {
		_, _, _, y1 := l.bounds()
		legendBottom = math.Max(legendBottom, y1)
	}
	for i, l := range labels {
		x0, y0, x1, y1 := l.bounds()
		if y1 > float64(top) || y0 < legendBottom {
			t.Errorf("label %q at rows %.0f–%.0f, want between the legend (%.0f) and the plot (%d)", l.S, y0, y1, legendBottom, top)
		}
		lx, _, _, _ := lines[i].bbox()
		if math.Abs(float64(lx)-x0) > 10 && math.Abs(float64(lx)-x1) > 10 {
			t.Errorf("label %q at %.0f–%.0f, not beside its line at %d", l.S, x0, x1, lx)
		}
	}
}

// A time axis's years are written in the briefing's digits (Numerals);
// its categories and a partial interval's label are left as they are.
func TestChart_YearsInTheBriefingsDigits(t *testing.T) {
	st := testStyle()
	st.Numerals = func(s string) string {
		return strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return '٠' + r - '0'
			}
			return r
		}, s)
	}
	years := record(t, mustNew(t, Spec{Type: "line"}, armsTrend(), st), testW, testH).textsOf("xlabel")
	if len(years) == 0 {
		t.Fatal("no X labels")
	}
	for _, l := range years {
		if strings.ContainsAny(l.S, "0123456789") || !strings.ContainsAny(l.S, "٠١٢٣٤٥٦٧٨٩") {
			t.Errorf("year label %q, want Arabic-Indic digits", l.S)
		}
	}
	cats := record(t, mustNew(t, Spec{Type: "bar"}, categorical([]string{"A1", "B2"}, []float64{1, 2}), st), testW, testH).textsOf("xlabel")
	if len(cats) != 2 || cats[0].S != "A1" || cats[1].S != "B2" {
		t.Errorf("category labels %+v, want A1 and B2 as they are", cats)
	}
}
