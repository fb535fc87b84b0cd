package narrative

import (
	"errors"
	"strings"
	"testing"

	"github.com/briefing/report/analysis"
	"github.com/briefing/report/internal/exact"
	"github.com/briefing/report/internal/period"
)

func TestFormat(t *testing.T) {
	tests := []struct {
		name, got, want string
	}{
		{"NumThousands", Num(d("30755.12"), 0), "30,755"},
		{"NumDecimals", Num(d("1656.06"), 1), "1,656.1"},
		{"NumHalfAwayFromZero", Num(d("14009.50"), 0), "14,010"},
		{"NumHalfAwayFromZeroNegative", Num(d("-3538.95"), 1), "−3,539.0"},
		{"NumNegativeTrueMinus", Num(d("-1234"), 0), "−1,234"},
		{"NumNegativeZero", Num(d("-0.2"), 0), "0"},
		{"NumNaN", Num(exact.NaN(), 0), "n/a"},
		{"Pct", Pct(d("-0.639"), 0), "−64%"},
		{"PctHalf", Pct(d("0.125"), 0), "13%"},
		{"PctDecimals", Pct(d("0.1234"), 1), "12.3%"},
		{"SignedPlus", Signed(d("12"), 0), "+12"},
		{"SignedMinus", Signed(d("-12"), 0), "−12"},
		{"SignedZero", Signed(d("0"), 0), "0"},
		{"SignedRoundsToZero", Signed(d("0.04"), 1), "0.0"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.got != tc.want {
				t.Errorf("got %q, want %q", tc.got, tc.want)
			}
		})
	}
}

// d reads a decimal for a test.
func d(s string) exact.Number {
	n, err := exact.Parse(s)
	if err != nil {
		panic(err)
	}
	return n
}

// ints turns whole numbers into exact ones.
func ints(vs ...int64) []exact.Number {
	out := make([]exact.Number, len(vs))
	for i, v := range vs {
		out[i] = exact.Int(v)
	}
	return out
}

func testEnv() *Env {
	years := []analysis.Key{}
	for y := 2020; y <= 2024; y++ {
		years = append(years, analysis.Key{Label: period.YearOf(y).String(), Interval: period.YearOf(y)})
	}
	res := &analysis.Results{
		Analyses: map[string]*analysis.Result{
			"arms": {Name: "arms", Kind: "trend", Timed: true, Keys: years, Series: []analysis.Series{
				{Label: "A", Values: ints(100, 50, 0, 25, 30)},
				{Label: "B", Values: ints(1, 2, 3, 4, 5), Through: period.YearOf(2023)},
			}},
			"cats": {Name: "cats", Kind: "count", Keys: []analysis.Key{{Label: "Treaty"}}, Series: []analysis.Series{{Label: "Count", Values: ints(7)}}},
			"cmp":  {Name: "cmp", Kind: "compare", Compare: []analysis.CompareRow{{Series: "A", Period: "early", Total: exact.Int(10), ChangePct: exact.NaN()}}},
			"news": {Name: "news", Kind: "changes", Changes: &analysis.ChangeSet{Count: 1, PreviousCount: 3,
				Rows: []map[string]string{{"name": "Vostok"}}}},
		},
		Datasets: map[string]*analysis.DatasetSummary{"d": {RowsUsed: 57, Generated: "12 Feb 2026", Labels: map[string]map[string]string{"domain": {"coast_guard": "coast guard"}}}},
	}
	p, _ := period.ParsePeriod("2025-Q3", period.YearOf(2026).Start)
	return &Env{Results: res, Figures: map[string]int{"chart": 2}, Tables: map[string]int{"cmp": 1},
		Data: Data{Period: NewPeriodView(p, ""), Report: ReportInfo{Title: "T", Organization: "O"}, Coverage: map[string]period.Interval{"d": period.YearOf(2024)}}}
}

func TestRender_Functions(t *testing.T) {
	tests := []struct {
		name, tmpl, want string
	}{
		{"ValueInt", `{{ value "arms" "A" 2021 | num }}`, "50"},
		{"ValueString", `{{ value "arms" "A" "2024" | num }}`, "30"},
		{"ValueAllSeries", `{{ value "arms" "*" 2020 | num }}`, "101"},
		{"ValueLastFullYear", `{{ value "arms" "B" .Period.LastFullYear }}`, "5"},
		{"Total", `{{ total "arms" "B" }}`, "15"},
		{"Last", `{{ with last "arms" "A" }}{{ .Value }} in {{ .Time }}{{ end }}`, "30 in 2024"},
		{"Peak", `{{ (peak "arms" "A").Time }}`, "2020"},
		{"Count", `{{ count "cats" "Treaty" }}`, "7"},
		{"Change", `{{ change "arms" "A" 2020 2021 | pct }}`, "−50%"},
		{"ChangeFromZero", `{{ change "arms" "A" 2022 2023 | pct }}`, "n/a"},
		{"Cmp", `{{ (cmp "cmp" "A" "early").Total }}`, "10"},
		{"Changes", `{{ with changes "news" }}{{ .Count }}/{{ .PreviousCount }}{{ range .Rows }} {{ .name }}{{ end }}{{ end }}`, "1/3 Vostok"},
		{"Rows", `{{ range rows "news" }}{{ .name }}{{ end }}`, "Vostok"},
		{"Dataset", `{{ (dataset "d").Rows }} rows, {{ (dataset "d").Generated }}`, "57 rows, 12 Feb 2026"},
		{"Label", `{{ label "d" "Domain" "Coast_Guard" }}, {{ label "d" "domain" "naval" }}, {{ label "d" "format" "coast_guard" }}`, "coast guard, naval, coast_guard"},
		{"FigTab", `{{ fig "chart" }}, {{ tab "cmp" }}`, "[Figure 2](#fig:chart), [Table 1](#tab:cmp)"},
		{"Spct", `{{ spct 0.25 }} {{ signed 1 3.14159 }}`, "+25% +3.1"},
		{"AddSub", `{{ add 1 2 }} {{ sub 5 2.5 }}`, "3 2.5"},
		{"MulDivAbs", `{{ mul 2 3 }} {{ div 1 4 }} {{ div 1 0 | num }} {{ abs -2 }}`, "6 0.25 n/a 2"},
		{"LastNonZero", `{{ (lastnonzero "arms" "A").Time }} {{ (lastnonzero "arms" "B").Value }}`, "2024 5"},
		{"Coverage", `{{ .Coverage.d }} {{ coverage "arms" "B" }}`, "2024 2023"},
		{"PartialPoint", `{{ with last "arms" "A" }}{{ if .Partial }}partial{{ else }}whole{{ end }}{{ end }}`, "whole"},
		{"CompareExactWithGo", `{{ if gt (value "arms" "A" 2021) 49 }}more{{ end }} {{ if eq (total "arms" "B") 15 }}fifteen{{ end }} {{ if lt .Period.Year 2026 }}before{{ end }}`, "more fifteen before"},
		{"CompareStrings", `{{ if eq .Period.String "Q3 2025" "x" }}yes{{ end }} {{ if ne "a" "b" }}ne{{ end }}`, "yes ne"},
		{"ExactSumsRoundOnce", `{{ add "0.1" "0.2" }} {{ add "1869.25" "-5408.2" | num 1 }} {{ div 1 8 | pct }}`, "0.3 −3,539.0 13%"},
		{"Period", `{{ .Period }} {{ .Period.Previous }} {{ .Period.Year }} Q{{ .Period.Quarter }} {{ .Report.Title }}`, "Q3 2025 Q2 2025 2025 Q3 T"},
		{"PeriodCode", `{{ .Period.Code }} {{ .Period.Previous.Code }} {{ if ge .Period.Code "2025-Q3" }}yes{{ end }}`, "2025-Q3 2025-Q2 yes"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := testEnv().Render("x.md", tc.tmpl)
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// A reference to a figure or table numbers it in the briefing's digits,
// as the figure's own label does, and names it in the briefing's language
// (Ref); its anchor stays as it is.
func TestRender_RefsInTheBriefingsDigits(t *testing.T) {
	e := testEnv()
	e.Number = func(s string) string {
		return strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return '٠' + r - '0'
			}
			return r
		}, s)
	}
	got, err := e.Render("x.md", `{{ fig "chart" }}, {{ tab "cmp" }}`)
	if err != nil {
		t.Fatal(err)
	}
	if want := "[Figure ٢](#fig:chart), [Table ١](#tab:cmp)"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	// in the briefing's language, as its catalogue words them
	e.Ref = func(kind string, n int) string {
		return map[string]string{"figure": "figure ", "table": "tableau "}[kind] + itoa(n)
	}
	got, err = e.Render("x.md", `{{ fig "chart" }}, {{ tab "cmp" }}`)
	if err != nil {
		t.Fatal(err)
	}
	if want := "[figure 2](#fig:chart), [tableau 1](#tab:cmp)"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestRender_Errors(t *testing.T) {
	tests := []struct {
		name, tmpl, want string
		line             int
	}{
		{"ErrUnknownAnalysis", "line one\n{{ value \"arm\" \"A\" 2020 }}", `unknown analysis "arm"; did you mean "arms"?`, 2},
		{"ErrUnknownSeries", `{{ total "arms" "a" }}`, `no series "a"; did you mean "A"?`, 1},
		{"ErrUnknownTime", `{{ value "arms" "A" 2019 }}`, "no value for 2019", 1},
		{"ErrBadTime", `{{ value "arms" "A" "soon" }}`, "not a time", 1},
		{"ErrUnknownFigure", `{{ fig "chrt" }}`, `did you mean "chart"?`, 1},
		{"ErrMissingColumn", `{{ range rows "news" }}{{ .nme }}{{ end }}`, "nme", 1},
		{"ErrParse", "a\n\n{{ value ", "unclosed action", 3},
		{"ErrNotCompare", `{{ cmp "arms" "A" "x" }}`, "expected a compare", 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := testEnv().Render("x.md", tc.tmpl)
			var te *Error
			if !errors.As(err, &te) {
				t.Fatalf("want *Error, got %v", err)
			}
			if !strings.Contains(te.Msg, tc.want) || te.Line != tc.line || te.Source != "x.md" {
				t.Errorf("got %s, want line %d and %q", te, tc.line, tc.want)
			}
		})
	}
}

func TestValues_EveryValueRendersAsListed(t *testing.T) {
	e := testEnv()
	vals := e.Values()
	if len(vals) < 20 {
		t.Fatalf("only %d values", len(vals))
	}
	checked := 0
	for _, v := range vals {
		// Every listed expression must run; simple ones must print the
		// listed value exactly.
		got, err := e.Render("values", v.Expr)
		if err != nil {
			if strings.Contains(v.Expr, "COLUMN") {
				continue
			}
			t.Errorf("%s: %v", v.Expr, err)
			continue
		}
		if strings.HasPrefix(v.Expr, "{{ count") || strings.HasPrefix(v.Expr, "{{ .Period") || strings.HasPrefix(v.Expr, "{{ fig") {
			want := v.Value
			if strings.HasPrefix(v.Expr, "{{ fig") {
				want = "[" + v.Value + "](#fig:chart)"
			}
			if got != want {
				t.Errorf("%s prints %q, listed as %q", v.Expr, got, want)
			}
			checked++
		}
	}
	if checked < 5 {
		t.Errorf("only %d values compared", checked)
	}
}

func TestRender_ErrEveryMistakeOfATextAtOnce(t *testing.T) {
	text := "Intro {{ value \"arm\" \"A\" 2020 }}.\n\nThen {{ total \"arms\" \"a\" }} and {{ .Perod }}.\n\n{{ if true }}{{ fig \"chrt\" }}{{ end }}\n"
	_, err := testEnv().Render("x.md", text)
	var es Errors
	if !errors.As(err, &es) {
		t.Fatalf("err = %v (%T), want Errors", err, err)
	}
	want := []string{`x.md:1:`, `unknown analysis "arm"`, `x.md:3:`, `no series "a"; did you mean "A"?`, `.Perod`, `x.md:5:`, `did you mean "chart"?`}
	got := es.Error()
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("missing %q in\n%s", w, got)
		}
	}
	if len(es) != 4 {
		t.Errorf("%d errors, want 4:\n%s", len(es), got)
	}
	// A text with a top-level variable stops at its first error.
	_, err = testEnv().Render("x.md", "{{ $a := 1 }}{{ value \"arm\" \"A\" 2020 }} {{ $a }} {{ .Perod }}")
	var one *Error
	if !errors.As(err, &one) || errors.As(err, &es) {
		t.Errorf("with a variable: %v (%T), want one *Error", err, err)
	}
}

// BenchmarkRender renders a paragraph with a loop, values and a
// condition: parsing, checking and running one narrative text.
func BenchmarkRender(b *testing.B) {
	e := testEnv()
	text := `Transfers peaked in {{ (peak "arms" "A").Time }} at {{ (peak "arms" "A").Value | num }} TIV;
{{ range rows "news" }}{{ .name }} is new{{ end }}. {{ if gt (count "cats" "Treaty") 5 }}Many treaties.{{ end }}
The total is {{ total "arms" "B" }}, a change of {{ change "arms" "A" 2020 2021 | pct }}.`
	b.ReportAllocs()
	for b.Loop() {
		if _, err := e.Render("bench.md", text); err != nil {
			b.Fatal(err)
		}
	}
}
