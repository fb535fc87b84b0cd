package analysis

import (
	"reflect"
	"testing"
	"time"

	"github.com/briefing/report/config"
)

// A value's form changes with any field, however deep, and only with a
// change: a map's order does not count, nil and empty do.
func TestAppendValue_EqualExactlyWhenTheValuesAre(t *testing.T) {
	base := func() config.Analysis {
		return config.Analysis{Kind: "trend", Dataset: "d", Top: 3,
			Series: []config.SeriesSpec{{Label: "s", Where: config.Filter{Clauses: []config.Clause{{Column: "c", Values: []string{"a", "b"}}},
				Not: &config.Filter{Clauses: []config.Clause{{Column: "n", Values: []string{"x"}}}}}}},
			Labels: map[string]string{"a": "A", "b": "B", "c": "C", "d": "D"}, Periods: []config.PeriodSpec{}}
	}
	form := func(v any) string {
		t.Helper()
		b, err := appendValue(nil, reflect.ValueOf(v))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	want := form(base())
	for range 20 { // maps iterate in another order each time
		if got := form(base()); got != want {
			t.Fatalf("equal values, two forms:\n%s\n%s", want, got)
		}
	}
	changes := map[string]func(*config.Analysis){
		"AField":          func(a *config.Analysis) { a.Top = 4 },
		"AString":         func(a *config.Analysis) { a.Kind = "count" },
		"DeepInASlice":    func(a *config.Analysis) { a.Series[0].Where.Clauses[0].Values[1] = "c" },
		"BehindAPointer":  func(a *config.Analysis) { a.Series[0].Where.Not.Clauses[0].Column = "m" },
		"PointerToNil":    func(a *config.Analysis) { a.Series[0].Where.Not = nil },
		"AMapValue":       func(a *config.Analysis) { a.Labels["b"] = "b" },
		"AMapKey":         func(a *config.Analysis) { a.Labels["e"] = a.Labels["d"]; delete(a.Labels, "d") },
		"EmptyToNil":      func(a *config.Analysis) { a.Periods = nil },
		"AnElementMore":   func(a *config.Analysis) { a.Series = append(a.Series, config.SeriesSpec{}) },
		"TextAcrossParts": func(a *config.Analysis) { a.Kind, a.Dataset = "trendd", "" },
		"AStringsEnd":     func(a *config.Analysis) { a.Series[0].Label = "s\x00" },
	}
	for name, change := range changes {
		a := base()
		change(&a)
		if form(a) == want {
			t.Errorf("%s: the form did not change", name)
		}
	}
	if form(config.Dataset{Timeout: time.Second}) == form(config.Dataset{Timeout: 2 * time.Second}) {
		t.Error("a duration changed, the form did not")
	}
	if form(config.SeriesSpec{Value: "a,Color:b"}) == form(config.SeriesSpec{Value: "a", Color: "b,Color:"}) {
		t.Error("text moved from one field to the next, the form did not change")
	}
	if form(struct{ n int }{1}) == form(struct{ n int }{2}) {
		t.Error("an unexported field changed, the form did not")
	}
	if _, err := appendValue(nil, reflect.ValueOf(struct{ F func() }{})); err == nil {
		t.Error("a function had a form")
	}
}
