package compose

import (
	"strings"
	"testing"
	"time"

	"github.com/briefing/report/analysis"
	"github.com/briefing/report/config"
	"github.com/briefing/report/internal/period"
	"github.com/briefing/report/layouts"
)

func mustDocument(t *testing.T) layouts.Document {
	t.Helper()
	c, err := config.Load("testdata/briefing.yaml", config.Options{})
	if err != nil {
		t.Fatal(err)
	}
	p, _ := period.ParsePeriod(c.Report.Period, time.Time{})
	res, ps := analysis.Compute(c, p)
	if len(ps) > 0 {
		t.Fatal(ps)
	}
	doc, _, ps := Document(Input{Config: c, Results: res, Period: p, AsOf: time.Date(2023, 1, 5, 0, 0, 0, 0, time.UTC)})
	if len(ps) > 0 {
		t.Fatal(ps)
	}
	return doc
}

func TestDocument_NarrativeRefersToNumbers(t *testing.T) {
	doc := mustDocument(t)
	md := doc.Sections[0].Blocks[0].(layouts.Markdown)
	want := "See [Figure 2](#fig:second) and [Table 1](#tab:periods); A in 2022: 1,500.5."
	if md.Text != want {
		t.Errorf("text = %q, want %q", md.Text, want)
	}
}

func TestDocument_TablesInTheContractShapes(t *testing.T) {
	doc := mustDocument(t)
	blocks := doc.Sections[0].Blocks
	cmp := blocks[3].(layouts.Table)
	if got := headers(cmp); got != "Series|Period|Total|Mean per year|Change|Change %|Share of period" {
		t.Errorf("compare headers = %s", got)
	}
	// B: early 2+4 = 6 over two years (mean 3), late 0 over one year:
	// periods of different length compare means: 0 - 3 = -3, -100%;
	// whole numbers print without decimals.
	if got := strings.Join(cmp.Rows[1], "|"); got != "B|late|0|0|−3|−100%|0%" {
		t.Errorf("B late row = %s", got)
	}
	count := blocks[4].(layouts.Table)
	if got := headers(count); got != "Category|Count|Share of total" || strings.Join(count.Rows[0], "|") != "x|3|60%" {
		t.Errorf("count table = %s / %v", got, count.Rows)
	}
	trend := blocks[5].(layouts.Table)
	if got := headers(trend); got != "Year|B|A|Total" {
		t.Errorf("trend headers = %s", got)
	}
	// values of 100 and more print whole: a tenth is false precision
	if got := strings.Join(trend.Rows[2], "|"); got != "2022|0|1,501|1,501" {
		t.Errorf("2022 row = %s", got)
	}
	if !trend.Columns[1].Numeric || trend.Columns[0].Numeric {
		t.Errorf("numeric columns: %+v", trend.Columns)
	}
}

func TestChartStyle_OneColourPerLabel(t *testing.T) {
	c, err := config.Load("testdata/briefing.yaml", config.Options{})
	if err != nil {
		t.Fatal(err)
	}
	p, _ := period.ParsePeriod(c.Report.Period, time.Time{})
	res, _ := analysis.Compute(c, p)
	brand, _ := makeBrand(c)
	st := chartStyle(c, res, brand)
	// First chart: A, the larger series, gets the first palette colour and
	// B the second; the second chart reuses A's and C keeps its own colour.
	if st.Colors["A"].R != 0x1F || st.Colors["B"].R != 0xD1 {
		t.Errorf("colours in order of first appearance: %+v", st.Colors)
	}
	if st.Colors["C"].R != 0xAB || st.Colors["C"].B != 0xEF {
		t.Errorf("a series' own colour wins: %+v", st.Colors["C"])
	}
}

func TestDocument_MethodsAnnexListsEveryFile(t *testing.T) {
	doc := mustDocument(t)
	last := doc.Sections[len(doc.Sections)-1]
	if last.Title != "Data and methods" {
		t.Fatalf("last section = %q", last.Title)
	}
	text := last.Blocks[0].(layouts.Markdown).Text
	for _, want := range []string{"**d** (csv): 5 rows read, 5 used", "`data.csv`, SHA-256 `", "Q4 2022", "manifest written beside this PDF"} {
		if !strings.Contains(text, want) {
			t.Errorf("annex lacks %q:\n%s", want, text)
		}
	}
}

func headers(t layouts.Table) string {
	var h []string
	for _, c := range t.Columns {
		h = append(h, c.Header)
	}
	return strings.Join(h, "|")
}

func TestHeaderText(t *testing.T) {
	for in, want := range map[string]string{"year": "Year", "start_date": "Start date", "TIV delivery values": "TIV delivery values", "": ""} {
		if got := headerText(in); got != want {
			t.Errorf("headerText(%q) = %q, want %q", in, got, want)
		}
	}
}
