package analysis

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/briefing/report/analysis/dataset"
	"github.com/briefing/report/config"
)

// A filter that matches no row says the same, whatever order the rows
// come in: a clause whose values all turned up early (after which its
// column's values are no longer kept) gets no hint, the others the
// closest values of their columns.
func TestFilter_UnmatchedSaysTheSameInAnyOrder(t *testing.T) {
	c := &config.Config{}
	h := &dataset.Header{Columns: []string{"Supplier", "Recipient"}}
	var rows [][]string
	for _, s := range []string{"Russia", "China", "France", "Ukraine"} {
		for _, r := range []string{"India", "Viet Nam", "Egypt", "China", "Russia"} {
			if s != r && !(s == "Russia" && r == "China") {
				rows = append(rows, []string{s, r})
			}
		}
	}
	src := config.Filter{Clauses: []config.Clause{
		{Column: "Supplier", Values: []string{"Russia", "Russia"}},
		{Column: "Recipient", Values: []string{"China", "Vietnam"}},
	}}
	var first string
	rng := rand.New(rand.NewPCG(9, 10))
	for round := range 40 {
		rng.Shuffle(len(rows), func(i, j int) { rows[i], rows[j] = rows[j], rows[i] })
		f := newFilter("analyses.a.where", src)
		if ps := f.bind(h, c); len(ps) > 0 {
			t.Fatal(ps)
		}
		for _, r := range rows {
			if f.match(&dataset.Row{Fields: r}) {
				t.Fatalf("matched %v", r)
			}
		}
		msg := f.unmatched(c, "transfers").Msg
		if round == 0 {
			first = msg
			t.Log(msg)
			continue
		}
		if msg != first {
			t.Fatalf("round %d says %q, round 0 %q", round, msg, first)
		}
	}
}

// A filter passes a row when every clause holds and its not: does not,
// before any row has passed (while it notes the values it meets) and after.
func TestFilter_MatchesAsItsClausesSay(t *testing.T) {
	c := &config.Config{}
	h := &dataset.Header{Columns: []string{"Supplier", "Recipient", "Category"}}
	src := config.Filter{
		Clauses: []config.Clause{
			{Column: "Supplier", Values: []string{"Russia", "Belarus"}},
			{Column: "Recipient", Values: []string{"China"}},
		},
		Not: &config.Filter{Clauses: []config.Clause{{Column: "Category", Values: []string{"Engines"}}}},
	}
	want := func(r []string) bool {
		return (r[0] == "Russia" || r[0] == "Belarus") && r[1] == "China" && r[2] != "Engines"
	}
	values := [][]string{{"Russia", "Belarus", "France", " Russia "}, {"China", "India", "China "}, {"Engines", "Aircraft"}}
	rng := rand.New(rand.NewPCG(3, 4))
	f := newFilter("analyses.a.where", src)
	if ps := f.bind(h, c); len(ps) > 0 {
		t.Fatal(ps)
	}
	passed := 0
	for range 2000 {
		r := make([]string, 3)
		for i := range r {
			r[i] = values[i][rng.IntN(len(values[i]))]
		}
		trimmed := []string{strings.TrimSpace(r[0]), strings.TrimSpace(r[1]), strings.TrimSpace(r[2])}
		if got := f.match(&dataset.Row{Fields: r}); got != want(trimmed) {
			t.Fatalf("match(%q) = %v after %d rows passed", r, got, passed)
		}
		if want(trimmed) {
			passed++
		}
	}
	if passed < 100 || !f.matched {
		t.Errorf("%d rows passed: the test did not reach the path after the first", passed)
	}
}
