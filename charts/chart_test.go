package charts

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/briefing/report/analysis"
)

// plotTop returns the row of the highest grid line: the top of the plot.
func plotTop(tb testing.TB, r *recorder, st Style) int {
	tb.Helper()
	top := math.MaxInt
	for _, p := range r.paths {
		if p.Stroke == st.normalized().GridColor.color() {
			_, y0, _, _ := p.bbox()
			top = min(top, y0)
		}
	}
	if top == math.MaxInt {
		tb.Fatal("no grid lines drawn")
	}
	return top
}

var roundTick = regexp.MustCompile(`^(−)?\d{1,3}(,\d{3})*(\.\d+)?$`)

func TestYTicks_RoundWithSeparators(t *testing.T) {
	for name, res := range edgeCases() {
		for _, typ := range axesTypes() {
			if rejects(typ, res) {
				continue
			}
			r := record(t, mustNew(t, Spec{Type: typ}, res, testStyle()), testW, testH)
			labels := r.textsOf("ytick")
			if len(labels) < 2 {
				t.Errorf("%s/%s: %d tick labels", name, typ, len(labels))
				continue
			}
			var vals []float64
			for _, l := range labels {
				if !roundTick.MatchString(l.S) {
					t.Errorf("%s/%s: tick label %q", name, typ, l.S)
				}
				vals = append(vals, parseTick(l.S))
			}
			step := vals[1] - vals[0]
			if !isNiceStep(step) {
				t.Errorf("%s/%s: tick step %v is not 1, 2 or 5 × 10^k (%v)", name, typ, step, vals)
			}
			for i := 1; i < len(vals); i++ {
				if math.Abs(vals[i]-vals[i-1]-step) > step*1e-6 {
					t.Errorf("%s/%s: uneven ticks %v", name, typ, vals)
				}
			}
		}
	}
}

func parseTick(s string) float64 {
	v, err := strconv.ParseFloat(strings.ReplaceAll(strings.ReplaceAll(s, ",", ""), "−", "-"), 64)
	if err != nil {
		return math.NaN()
	}
	return v
}

func isNiceStep(s float64) bool {
	if !(s > 0) {
		return false
	}
	m := s / math.Pow(10, math.Floor(math.Log10(s)+1e-9))
	for _, n := range []float64{1, 2, 5} {
		if math.Abs(m-n) < 1e-6 {
			return true
		}
	}
	return false
}

func TestText_InsideBoxAndApart(t *testing.T) {
	for name, res := range edgeCases() {
		for _, typ := range SupportedTypes() {
			if rejects(typ, res) {
				continue
			}
			for _, size := range [][2]int{{testW, testH}, {smallW, smallH}} {
				spec := Spec{Type: typ, YLabel: "TIV delivery values (millions)"}
				if res.Timed && slices.Contains(axesTypes(), typ) {
					spec.Annotations = []Annotation{{X: 2014, Label: "Crimea"}, {X: 2022, Label: "Invasion of Ukraine"}, {X: 2024, Label: "Last"}}
				}
				c := mustNew(t, spec, res, testStyle())
				size[1] = preferredPx(c, size[0], size[1])
				if _, err := c.render(newRecorder(), size[0], size[1]); err != nil &&
					name == "long labels" && size[0] == smallW && strings.Contains(err.Error(), "too long to stand") {
					continue // labels are never cut: too long for a small chart is an error
				}
				r := record(t, c, size[0], size[1])
				for _, tx := range r.texts {
					x0, y0, x1, y1 := tx.bounds()
					if x0 < -0.5 || y0 < -0.5 || x1 > float64(size[0])+0.5 || y1 > float64(size[1])+0.5 {
						t.Errorf("%s/%s %v: text %q (%s) at %.0f,%.0f–%.0f,%.0f leaves the box", name, typ, size, tx.S, tx.Class, x0, y0, x1, y1)
					}
					if tx.Size < MinFontSize {
						t.Errorf("%s/%s: text %q at %v pt", name, typ, tx.S, tx.Size)
					}
				}
				assertNoOverlap(t, name+"/"+typ, r.texts)
				assertLinesClear(t, fmt.Sprintf("%s/%s %v", name, typ, size), r)
			}
		}
	}
}

// assertLinesClear fails when an annotation line runs through a text.
func assertLinesClear(t *testing.T, name string, r *recorder) {
	t.Helper()
	for _, p := range r.pathsOf("annotation") {
		x, y0, _, y1 := p.bbox()
		for _, tx := range r.texts {
			bx0, by0, bx1, by1 := tx.bounds()
			if bx0 < float64(x) && float64(x) < bx1 && by0 < float64(y1) && float64(y0) < by1 {
				t.Errorf("%s: the annotation line at %d runs through %q (%s)", name, x, tx.S, tx.Class)
			}
		}
	}
}

// assertNoOverlap fails when two texts cover the same pixels.
func assertNoOverlap(t *testing.T, name string, texts []text) {
	t.Helper()
	for i := range texts {
		ax0, ay0, ax1, ay1 := texts[i].bounds()
		for j := i + 1; j < len(texts); j++ {
			bx0, by0, bx1, by1 := texts[j].bounds()
			if ax0 < bx1-1 && bx0 < ax1-1 && ay0 < by1-1 && by0 < ay1-1 {
				t.Errorf("%s: %q (%s) overlaps %q (%s)", name, texts[i].S, texts[i].Class, texts[j].S, texts[j].Class)
			}
		}
	}
}

func TestLegend_AbovePlot(t *testing.T) {
	for _, tc := range []struct {
		typ string
		res *analysis.Result
	}{{"line", armsTrend()}, {"stacked-bar", exercises()}, {"line", negatives()}} {
		// A narrow chart makes the legend wrap into rows.
		for _, w := range []int{testW, smallW} {
			r := record(t, mustNew(t, Spec{Type: tc.typ}, tc.res, testStyle()), w, testH)
			legend := r.textsOf("legend")
			if len(legend) != len(tc.res.Series) {
				t.Fatalf("%s: %d legend labels for %d series", tc.typ, len(legend), len(tc.res.Series))
			}
			bottom := 0.0
			for _, l := range legend {
				_, _, _, y1 := l.bounds()
				bottom = math.Max(bottom, y1)
			}
			for _, p := range r.pathsOf("legend") {
				_, _, _, y1 := p.bbox()
				bottom = math.Max(bottom, float64(y1))
			}
			top := plotTop(t, r, testStyle())
			if bottom > float64(top) {
				t.Errorf("%s w=%d: legend reaches row %.0f, below the plot top %d", tc.typ, w, bottom, top)
			}
			for _, class := range []string{"bar", "line", "marker"} {
				for _, p := range r.pathsOf(class) {
					if _, y0, _, _ := p.bbox(); float64(y0) < bottom {
						t.Errorf("%s w=%d: %s at row %d under the legend (bottom %.0f)", tc.typ, w, class, y0, bottom)
					}
				}
			}
			rows := map[int]bool{}
			for _, l := range legend {
				rows[l.Y] = true
			}
			if w == smallW && len(legend) == 4 && len(rows) < 2 {
				t.Errorf("%s: legend of %d long labels in one row of a narrow chart", tc.typ, len(legend))
			}
		}
	}
}

// Long category labels under columns wrap, or stand upright on as many
// lines as they need: never shortened. Labels that cannot stand under
// their columns at all are an error that names one and suggests hbar.
func TestLabels_NeverShortened(t *testing.T) {
	for name, res := range map[string]*analysis.Result{"long": longLabels(), "many": manyCategories(34)} {
		r := record(t, mustNew(t, Spec{Type: "bar"}, res, testStyle()), testW, testH)
		labels := r.textsOf("xlabel")
		var all []string
		for _, l := range labels {
			if strings.HasSuffix(l.S, "…") {
				t.Errorf("%s: label shortened: %q", name, l.S)
			}
			all = append(all, l.S)
		}
		joined := strings.Join(all, " ")
		for _, k := range res.Keys {
			if name == "long" && !strings.Contains(joined, k.Label) {
				t.Errorf("%s: %q is not printed whole in %q", name, k.Label, joined)
			}
		}
		if name == "many" && labels[0].Rot == 0 {
			t.Error("many: labels not turned upright")
		}
	}
	var labels []string
	for i := 0; i < 34; i++ {
		labels = append(labels, fmt.Sprintf("Category %d with a long descriptive name", i+1))
	}
	c := mustNew(t, Spec{Type: "bar"}, categorical(labels, make([]float64, 34)), testStyle())
	if _, err := c.render(newRecorder(), testW, testH); err == nil || !strings.Contains(err.Error(), "hbar") {
		t.Errorf("34 long labels under columns: err %v, want one that suggests hbar", err)
	}
}

func TestEdgeCases_Draw(t *testing.T) {
	for name, res := range edgeCases() {
		for _, typ := range axesTypes() {
			if rejects(typ, res) {
				if _, err := New(Spec{Type: typ}, res, testStyle()); err == nil {
					t.Errorf("%s/%s: drawn, want an error", name, typ)
				}
				continue
			}
			r := record(t, mustNew(t, Spec{Type: typ}, res, testStyle()), testW, testH)
			if len(r.textsOf("ytick")) < 2 || len(r.textsOf("xlabel")) == 0 {
				t.Errorf("%s/%s: missing axis labels", name, typ)
			}
			drawn := len(r.pathsOf("bar")) + len(r.pathsOf("line")) + len(r.pathsOf("marker"))
			if nothingToDraw(res) == (drawn > 0) && typ != "line" {
				t.Errorf("%s/%s: %d data paths", name, typ, drawn)
			}
		}
	}
}

// nothingToDraw reports whether every value is zero or a gap.
func nothingToDraw(res *analysis.Result) bool {
	for _, s := range res.Series {
		for _, v := range s.Floats() {
			if v != 0 && !isGap(v) {
				return false
			}
		}
	}
	return true
}
