package compose

import (
	"strings"
	"testing"

	"github.com/briefing/report/analysis"
	"github.com/briefing/report/charts"
	"github.com/briefing/report/config"
	"github.com/briefing/report/internal/exact"
	"github.com/briefing/report/internal/locale"
	"github.com/briefing/report/internal/numfmt"
	"github.com/briefing/report/layouts"
)

func dec(t *testing.T, s string) exact.Number {
	t.Helper()
	n, err := exact.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestCompareTable_RowAgreesWithItself uses the totals of Table 1 in the
// 2025-Q3 sample: 1,869.25 − 5,408.2 = −3,538.95. Rounded once each, the
// totals print 5,408.2 and 1,869.3 and the change their difference.
func TestCompareTable_RowAgreesWithItself(t *testing.T) {
	early, late := dec(t, "5408.2"), dec(t, "1869.25")
	five := exact.Int(5)
	r := &analysis.Result{Kind: "compare", Unit: "year", Compare: []analysis.CompareRow{
		{Series: "A", Period: "2015–2019", Holds: "2015–2019", Total: early, Mean: early.Quo(five), Intervals: 5, Length: five,
			Change: exact.NaN(), ChangePct: exact.NaN(), Share: exact.Int(1), Basis: analysis.BasisTotals},
		{Series: "A", Period: "2020–2024", Holds: "2020–2024", Total: late, Mean: late.Quo(five), Intervals: 5, Length: five,
			Change: late.Sub(early), ChangePct: late.Sub(early).Quo(early), Share: exact.Int(1), Basis: analysis.BasisTotals},
	}}
	var tb layouts.Table
	compareGrid(r, 1, english).print(&tb)
	if got := strings.Join(tb.Rows[1], "|"); got != "A|2020–2024|1,869.3|373.9|−3,538.9|−65%|100%" {
		t.Errorf("row = %s", got)
	}
	if !strings.Contains(tb.Note, "on totals") || !strings.Contains(tb.Note, "Share of period is") {
		t.Errorf("note = %q", tb.Note)
	}
	// On means (periods of 5 and 4 years) the change is that of the
	// printed means, and the note says so.
	four := exact.Int(4)
	r.Compare[1].Holds, r.Compare[1].Length, r.Compare[1].Intervals, r.Compare[1].Mean = "2020–2023 (2024 not yet in the data)", four, 4, late.Quo(four)
	r.Compare[1].ChangePct = r.Compare[1].Mean.Sub(r.Compare[0].Mean).Quo(r.Compare[0].Mean)
	for i := range r.Compare {
		r.Compare[i].Basis = analysis.BasisMeans
	}
	tb = layouts.Table{}
	compareGrid(r, 1, english).print(&tb)
	if got := strings.Join(tb.Rows[1], "|"); got != "A|2020–2023 (2024 not yet in the data)|1,869.3|467.3|−614.3|−57%|100%" {
		t.Errorf("means row = %s", got)
	}
	if !strings.Contains(tb.Note, "on means per year, because the periods hold different numbers of years") {
		t.Errorf("note = %q", tb.Note)
	}
}

// The wide form: a row per series, a column per period, change and share
// headed with the periods they compare; whole numbers for TIV millions.
func TestCompareWide(t *testing.T) {
	five := exact.Int(5)
	row := func(s, p, total string, share string, prev *analysis.CompareRow) analysis.CompareRow {
		v := dec(t, total)
		r := analysis.CompareRow{Series: s, Period: p, Holds: p, Total: v, Mean: v.Quo(five), Intervals: 5, Length: five,
			Change: exact.NaN(), ChangePct: exact.NaN(), Share: dec(t, share), Basis: analysis.BasisTotals}
		if prev != nil {
			r.Change, r.ChangePct = v.Sub(prev.Total), v.Sub(prev.Total).Quo(prev.Total)
		}
		return r
	}
	a1 := row("Russia → China", "2015–2019", "5408.2", "0.43", nil)
	a2 := row("Russia → China", "2020–2024", "1869.25", "0.30", &a1)
	b1 := row("Russia → India", "2015–2019", "7209.4", "0.57", nil)
	b2 := row("Russia → India", "2020–2024", "4272.7", "0.70", &b1)
	r := &analysis.Result{Kind: "compare", Unit: "year", Compare: []analysis.CompareRow{a1, a2, b1, b2}}
	var tb layouts.Table
	compareWideGrid(r, -1, english).print(&tb)
	var heads []string
	for _, c := range tb.Columns {
		heads = append(heads, c.Header)
	}
	if got := strings.Join(heads, "|"); got != "Series|2015–2019|2020–2024|Change from 2015–2019|Change % from 2015–2019|Share of total, 2020–2024" {
		t.Errorf("headers %s", got)
	}
	if got := strings.Join(tb.Rows[0], "|"); got != "Russia → China|5,408|1,869|−3,539|−65%|30%" {
		t.Errorf("row %s", got)
	}
	if len(tb.Rows) != 2 {
		t.Errorf("%d rows, want one per series", len(tb.Rows))
	}
}

// Options: headers and formats by column, sort, top with Other.
func TestGridOptions(t *testing.T) {
	r := &analysis.Result{Kind: "count", Keys: []analysis.Key{{Label: "a"}, {Label: "b"}, {Label: "c"}, {Label: "d"}},
		Series: []analysis.Series{{Label: "n", Values: []exact.Number{exact.Int(1), exact.Int(5), exact.Int(3), exact.Int(2)}}}}
	g := countGrid(r, -1, english)
	o := config.TableOptions{Sort: "count", Descending: true, Top: 2, Other: true,
		Styles: map[string]config.ColumnStyle{"count": {Header: "Events"}, "share of total": {Format: "0.0%", Number: mustFormat(t, "0.0%")}}}
	if err := g.apply(o); err != nil {
		t.Fatal(err)
	}
	var tb layouts.Table
	g.print(&tb)
	var got []string
	for _, row := range tb.Rows {
		got = append(got, strings.Join(row, "|"))
	}
	if s := strings.Join(got, "; "); s != "b|5|45.5%; c|3|27.3%; Other (2)|3|27.3%" {
		t.Errorf("rows %s", s)
	}
	if tb.Columns[1].Header != "Events" {
		t.Errorf("header %q", tb.Columns[1].Header)
	}
	if err := countGrid(r, -1, english).apply(config.TableOptions{Sort: "Totl"}); err == nil || !strings.Contains(err.Error(), `no column "Totl"`) {
		t.Errorf("unknown sort column: %v", err)
	}
}

func mustFormat(t *testing.T, s string) numfmt.Format {
	t.Helper()
	f, err := numfmt.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestCheckPalette_NamesWhatReadersCannotSee(t *testing.T) {
	c := &config.Config{File: "b.yaml", Brand: config.Brand{Palette: []string{"#0B3D5C", "#E0A526", "#6C8EAD", "#8C6BB1"}}}
	got := checkPalette(c).Error()
	for _, want := range []string{"brand.palette: #E0A526 has a contrast of 2.19:1", "#6C8EAD and #8C6BB1 are hard to tell apart with deuteranopia", "warning"} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
	c.Brand.Palette = []string{"#1F78B4", "#D1495B", "#117733"}
	if ps := checkPalette(c); len(ps) != 0 {
		t.Errorf("a readable palette warns: %v", ps)
	}
}

func TestBannerColors_FollowTheMarking(t *testing.T) {
	brand := layouts.Brand{Accent: layouts.RGB{R: 0x12, G: 0x34, B: 0x56}}
	for _, tc := range []struct {
		marking, scheme, band string
	}{
		{"UNCLASSIFIED", "", "#007A33"}, {"Unclassified", "us", "#007A33"}, {"SECRET//NOFORN", "", "#C8102E"},
		{"TOP SECRET//SCI//NOFORN", "", "#FCE83A"}, {"CUI", "", "#502B85"}, {"CONFIDENTIAL", "", "#0033A0"},
		{"TOP SECRET", "", "#FF8C00"}, {"INTERNAL", "", "#123456"}, {"SECRET", "custom", "#123456"},
		{"OFFICIAL-SENSITIVE", "", neutralBand}, {"SECRET UK EYES ONLY", "uk", neutralBand},
		{"NATO SECRET", "", neutralBand}, {"COSMIC TOP SECRET", "nato", neutralBand},
	} {
		c := &config.Config{Report: config.Report{Classification: tc.marking, ClassificationScheme: tc.scheme}}
		band, ink := bannerColors(c, brand)
		if got := charts.RGB(band).Hex(); got != tc.band {
			t.Errorf("%s (%s): banner %s, want %s", tc.marking, tc.scheme, got, tc.band)
		}
		if r := charts.Contrast(charts.RGB(band), charts.RGB(ink)); r < 4.5 {
			t.Errorf("%s: text contrast %.2f:1, want at least 4.5:1", tc.marking, r)
		}
	}
}

// english is the locale of the tests that read English tables.
var english = func() *locale.Locale {
	l, err := locale.New("en-GB", nil)
	if err != nil {
		panic(err)
	}
	return l
}()

// A table of an analysis in French: its headers, its note and its numbers.
func TestCompareTable_InFrench(t *testing.T) {
	fr, err := locale.New("fr", nil)
	if err != nil {
		t.Fatal(err)
	}
	a1 := analysis.CompareRow{Series: "A", Period: "2015–2019", Holds: "2015–2019", Intervals: 5, Total: exact.Int(5000), Mean: exact.Int(1000), Change: exact.NaN(), ChangePct: exact.NaN(), Share: exact.Int(1), Basis: analysis.BasisTotals}
	a2 := analysis.CompareRow{Series: "A", Period: "2020–2024", Holds: "2020–2024", Intervals: 5, Total: exact.Int(2500), Mean: exact.Int(500), Change: exact.Int(-2500), ChangePct: dec(t, "-0.5"), Share: exact.Int(1), Basis: analysis.BasisTotals}
	r := &analysis.Result{Kind: "compare", Unit: "year", Compare: []analysis.CompareRow{a1, a2}}
	var tb layouts.Table
	compareGrid(r, 0, fr).print(&tb)
	var heads []string
	for _, c := range tb.Columns {
		heads = append(heads, c.Header)
	}
	if got := strings.Join(heads, " | "); got != "Série | Période | Total | Moyenne par an | Variation | Variation % | Part de la période" {
		t.Errorf("headers: %s", got)
	}
	if !strings.HasPrefix(tb.Note, "Variation et Variation % se comparent à la période précédente, sur les totaux.") {
		t.Errorf("note: %s", tb.Note)
	}
}
