package charts

import (
	"math"
	"strings"
	"testing"
)

// rowsTopDown returns the bars sorted by their top row.
func rowsTopDown(r *recorder) []path {
	bars := r.pathsOf("bar")
	for i := 1; i < len(bars); i++ {
		for j := i; j > 0; j-- {
			_, a, _, _ := bars[j-1].bbox()
			_, b, _, _ := bars[j].bbox()
			if b < a {
				bars[j-1], bars[j] = bars[j], bars[j-1]
			}
		}
	}
	return bars
}

func TestHBar_SortedWithValueLabels(t *testing.T) {
	res := categorical([]string{"Treaty", "Border security", "Coast guard", "Joint statement", "Space"}, []float64{1, 6, 2, 12.5, 4})
	c := mustNew(t, Spec{Type: "hbar"}, res, testStyle())
	W, H := testW, preferredPx(c, testW, 0)
	r := record(t, c, W, H)
	bars := rowsTopDown(r)
	if len(bars) != 5 {
		t.Fatalf("%d bars, want 5", len(bars))
	}
	want := []float64{12.5, 6, 4, 2, 1}
	wantText := []string{"12.5", "6.0", "4.0", "2.0", "1.0"}
	cats := r.textsOf("category")
	wantCats := []string{"Joint statement", "Border security", "Space", "Coast guard", "Treaty"}
	values := r.textsOf("value")
	if len(values) != 5 || len(cats) != 5 {
		t.Fatalf("%d value labels and %d category labels, want 5 each", len(values), len(cats))
	}
	x0, _, x1, _ := bars[0].bbox()
	scale := float64(x1-x0) / want[0]
	for i, b := range bars {
		bx0, by0, bx1, by1 := b.bbox()
		if bx0 != x0 {
			t.Errorf("bar %d starts at %d, want %d (zero)", i, bx0, x0)
		}
		if got := float64(bx1 - bx0); math.Abs(got-want[i]*scale) > 1.5 {
			t.Errorf("bar %d is %v px long, want %.1f for %v", i, got, want[i]*scale, want[i])
		}
		v := values[i]
		if v.S != wantText[i] {
			t.Errorf("value label %d %q, want %q", i, v.S, wantText[i])
		}
		if v.X < bx1 || v.X > bx1+20 {
			t.Errorf("value label %q at %d, not just right of its bar's end %d", v.S, v.X, bx1)
		}
		if lx0, ly0, lx1, ly1 := v.bounds(); lx0 < 0 || lx1 > float64(W) || ly0 < 0 || ly1 > float64(H) {
			t.Errorf("value label %q leaves the box", v.S)
		}
		if mid := float64(by0+by1) / 2; float64(v.Y) < mid || float64(v.Y) > mid+float64(v.H) {
			t.Errorf("value label %q on row %d, bar %d–%d", v.S, v.Y, by0, by1)
		}
		if cats[i].S != wantCats[i] {
			t.Errorf("row %d is %q, want %q", i, cats[i].S, wantCats[i])
		}
		if _, _, cx1, _ := cats[i].bounds(); cx1 > float64(bx0) {
			t.Errorf("category %q reaches %v, past the bars at %d", cats[i].S, cx1, bx0)
		}
	}
	assertNoOverlap(t, "hbar", r.texts)
}

func TestHBar_TimesKeepTheirOrder(t *testing.T) {
	res := timedConst(1, 4)
	res.Series[0].Values = nums([]float64{1, 4, 2, 3})
	r := record(t, mustNew(t, Spec{Type: "hbar"}, res, testStyle()), testW, testH)
	var got []string
	for _, c := range r.textsOf("category") {
		got = append(got, c.S)
	}
	if strings.Join(got, ",") != "2018,2019,2020,2021" {
		t.Errorf("rows %v, want the years in order", got)
	}
}

func TestHBar_NegativesGrowLeft(t *testing.T) {
	res := categorical([]string{"Up", "Down", "Nothing", "Missing"}, []float64{30, -20, 0, math.NaN()})
	c := mustNew(t, Spec{Type: "hbar"}, res, testStyle())
	r := record(t, c, testW, preferredPx(c, testW, 0))
	bars := rowsTopDown(r)
	if len(bars) != 2 {
		t.Fatalf("%d bars, want 2 (none for the zero and the gap)", len(bars))
	}
	upX0, _, _, _ := bars[0].bbox()
	downX0, _, downX1, _ := bars[1].bbox()
	if downX1 != upX0 || downX0 >= downX1 {
		t.Errorf("the negative bar %d–%d does not end at zero (%d)", downX0, downX1, upX0)
	}
	values := r.textsOf("value")
	byText := map[string]text{}
	for _, v := range values {
		byText[v.S] = v
	}
	if v, ok := byText["−20"]; !ok {
		t.Errorf("no label −20 in %v", values)
	} else if _, _, x1, _ := v.bounds(); x1 > float64(downX0) {
		t.Errorf("label −20 ends at %v, right of its bar's end %d", x1, downX0)
	}
	if _, ok := byText[gapMark]; !ok {
		t.Errorf("no mark for the gap in %v", values)
	}
	if _, ok := byText["0"]; !ok {
		t.Errorf("no label for the zero in %v", values)
	}
	for _, tx := range r.texts {
		if x0, _, _, _ := tx.bounds(); x0 < 0 {
			t.Errorf("%q leaves the box", tx.S)
		}
	}
	assertNoOverlap(t, "hbar negatives", r.texts)
}

func TestHBar_PreferredHeightGrows(t *testing.T) {
	prev := 0.0
	for _, n := range []int{1, 5, 10, 20, 34} {
		c := mustNew(t, Spec{Type: "hbar", YLabel: "Count"}, manyCategories(n), testStyle())
		h := c.PreferredHeight(170)
		if h <= prev {
			t.Errorf("%d categories want %.1f mm, not more than %.1f for fewer", n, h, prev)
		}
		prev = h
		// It fits what it asks for, labels apart.
		r := record(t, c, testW, int(h*6))
		assertNoOverlap(t, "hbar preferred", r.texts)
		if len(r.textsOf("category")) != n {
			t.Errorf("%d categories labelled, want %d", len(r.textsOf("category")), n)
		}
	}
	if prev < 150 {
		t.Errorf("34 categories want %.1f mm; that crowds them", prev)
	}
	c := mustNew(t, Spec{ID: "tall", Type: "hbar"}, manyCategories(34), testStyle())
	if _, err := c.render(newRecorder(), testW, 75*6); err == nil || !strings.Contains(err.Error(), "too short for 34 rows") {
		t.Errorf("34 rows in 75 mm: %v", err)
	}
	if h := mustNew(t, Spec{Type: "line"}, armsTrend(), testStyle()).PreferredHeight(170); h != 75 {
		t.Errorf("a line chart 170 mm wide wants %.1f mm, want 75", h)
	}
}

// Long category labels wrap within the label column, whole.
func TestHBar_LongLabelsWrap(t *testing.T) {
	res := longLabels()
	c := mustNew(t, Spec{Type: "hbar"}, res, testStyle())
	r := record(t, c, smallW, preferredPx(c, smallW, 0))
	var texts []string
	for _, l := range r.textsOf("category") {
		if strings.HasSuffix(l.S, "…") {
			t.Errorf("label shortened: %q", l.S)
		}
		if _, _, x1, _ := l.bounds(); x1 > (hbarWideLabelShare+0.02)*smallW {
			t.Errorf("label %q reaches %.0f of %d", l.S, x1, smallW)
		}
		texts = append(texts, l.S)
	}
	joined := strings.Join(texts, " ")
	for _, k := range res.Keys {
		if !strings.Contains(joined, k.Label) {
			t.Errorf("%q not printed whole", k.Label)
		}
	}
	if len(texts) <= len(res.Keys) {
		t.Errorf("%d label lines for %d labels: nothing wrapped", len(texts), len(res.Keys))
	}
	assertNoOverlap(t, "long labels", r.texts)
}

func TestHBar_SeveralSeries(t *testing.T) {
	c := mustNew(t, Spec{Type: "hbar"}, compareResult(), testStyle())
	r := record(t, c, testW, preferredPx(c, testW, 0))
	if n := len(r.pathsOf("bar")); n != 8 {
		t.Errorf("%d bars, want 2 per period", n)
	}
	if n := len(r.textsOf("value")); n != 8 {
		t.Errorf("%d value labels, want 8", n)
	}
	legend := r.textsOf("legend")
	if len(legend) != 2 {
		t.Fatalf("%d legend labels, want 2", len(legend))
	}
	for _, b := range r.pathsOf("bar") {
		if _, y0, _, _ := b.bbox(); y0 < legend[0].Y {
			t.Errorf("a bar at row %d is above the legend", y0)
		}
	}
	var got []string
	for _, l := range r.textsOf("category") {
		got = append(got, l.S)
	}
	if strings.Join(got, ",") != "2000–2004,2010–2014,2015–2019,2020–2024" {
		t.Errorf("periods %v, want them in order", got)
	}
	assertNoOverlap(t, "hbar series", r.texts)
}
