package narrative

import (
	"errors"
	"sort"
	"strings"
	"testing"
)

// TestFuncs_OnlyReadResults pins the template functions: none reads a
// file, runs a program or reaches the network. A new function must be
// added here on purpose, after checking that it does none of these.
func TestFuncs_OnlyReadResults(t *testing.T) {
	var got []string
	for name := range testEnv().funcs() {
		got = append(got, name)
	}
	sort.Strings(got)
	want := "abs add change changes cmp count coverage dataset div eq fig ge gt label last lastnonzero le lower lt mul ne num pct peak revisions rows signed spct sub tab total value"
	if strings.Join(got, " ") != want {
		t.Errorf("template functions are\n%s\nwant\n%s", strings.Join(got, " "), want)
	}
}

func TestRender_ErrLimits(t *testing.T) {
	tests := []struct {
		name, tmpl, want string
	}{
		{"ErrRangeOverHugeNumber", "ok\n{{ range 100000000 }}x{{ end }}", "a range may count to at most 10000"},
		{"ErrNestedRanges", "{{ range 1000 }}{{ range 1000 }}{{ end }}{{ end }}", "nested {{ range }}s make more than"},
		{"ErrRangeOverVariable", "{{ $n := 50000 }}{{ range $n }}{{ end }}", "at most 10000"},
		{"ErrRangeOverData", "{{ range $.Period.Year }}{{ range $.Period.Year }}{{ end }}{{ end }}", "run more than 2000000 times"},
		{"ErrUnixTime", "{{ .AsOf.UnixNano }}", "not available in templates"},
		{"ErrSubTemplate", `{{ define "a" }}x{{ end }}{{ template "a" }}`, "not available in narrative texts"},
		{"ErrOutputTooLarge", `{{ range 10000 }}{{ printf "%0999999d" 1 }}{{ end }}`, "grows beyond"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := testEnv().Render("x.md", tc.tmpl)
			var te *Error
			if !errors.As(err, &te) || !strings.Contains(te.Msg, tc.want) {
				t.Errorf("got %v, want an *Error with %q", err, tc.want)
			}
		})
	}
}

func TestRender_ErrMessagesSayWhatToDo(t *testing.T) {
	tests := []struct {
		name, tmpl, want string
		line             int
	}{
		{"ErrUnknownFunction", "a\n{{ valeu 1 }}", `unknown function "valeu"; did you mean "value"?`, 2},
		{"ErrUnknownField", "{{ .Perod }}", "unknown field .Perod; did you mean .Period? (fields: .AsOf, .Coverage, .Params, .Period, .Report)", 1},
		{"ErrWrongArgs", `{{ value "arms" "A" }}`, "value takes 3 arguments, found 2: value ANALYSIS SERIES TIME", 1},
		{"ErrNoEnd", "a\n{{ if true }}\nb", "has no {{ end }}", 3},
		{"ErrUnclosedAction", "a\n\n{{ value \n\n", "unclosed action", 3},
		{"ErrUnknownColumn", `{{ range rows "news" }}{{ .nme }}{{ end }}`, `the row has no column "nme"`, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := testEnv().Render("x.md", tc.tmpl)
			var te *Error
			if !errors.As(err, &te) || !strings.Contains(te.Msg, tc.want) || te.Line != tc.line {
				t.Errorf("got %v, want line %d and %q", err, tc.line, tc.want)
			}
		})
	}
}

func TestRender_ChangeFromZeroWarns(t *testing.T) {
	e := testEnv()
	out, err := e.Render("x.md", "a\n\n{{ change \"arms\" \"A\" 2022 2023 | pct }}")
	if err != nil || out != "a\n\nn/a" {
		t.Fatalf("got %q, %v; want n/a", out, err)
	}
	if len(e.Warnings) != 1 || e.Warnings[0].Line != 3 || !strings.Contains(e.Warnings[0].Msg, "is 0, so the change prints n/a") {
		t.Errorf("warnings = %v", e.Warnings)
	}
}
