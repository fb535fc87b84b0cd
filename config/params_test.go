package config

import (
	"strings"
	"testing"
)

const paramsRest = "report: {title: T, output: \"out/{{ .Params.country }}.pdf\"}\n" +
	"data:\n  d: {path: $country.csv, time: year}\n" +
	"analyses:\n  a:\n    kind: trend\n    dataset: d\n    where: {supplier: $supplier}\n" +
	"    series:\n      - {label: \"$supplier → $country\", where: {recipient: [$country, \"$$5\"]}}\n" +
	"sections:\n  - title: S\n    blocks: [{text: x}]\n"

func TestLoad_Params(t *testing.T) {
	load := func(params string, opts Options) *Config {
		t.Helper()
		file := writeConfig(t, params+paramsRest)
		c, err := Load(file, opts)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	c := load("params: {country: China, supplier: Russia}\n", Options{})
	a := c.Analyses["a"]
	if a.Series[0].Label != "Russia → China" || strings.Join(a.Series[0].Where.Clauses[0].Values, ",") != "China,$5" || a.Where.Clauses[0].Values[0] != "Russia" {
		t.Errorf("substituted: %+v / %+v", a.Series[0], a.Where)
	}
	if !strings.HasSuffix(c.Data["d"].Path, "/China.csv") {
		t.Errorf("path %q", c.Data["d"].Path)
	}
	// --param beats the environment, which beats the file
	c = load("params: {country: China, supplier: Russia}\n", Options{Env: []string{"REPORT_PARAM_COUNTRY=India"}})
	if c.Params["country"] != "India" {
		t.Errorf("env: %v", c.Params)
	}
	c = load("params: {country: China, supplier: Russia}\n", Options{Env: []string{"REPORT_PARAM_COUNTRY=India"}, Params: []string{"country=Viet Nam"}})
	if c.Params["country"] != "Viet Nam" || c.Analyses["a"].Series[0].Label != "Russia → Viet Nam" {
		t.Errorf("--param: %v", c.Params)
	}
	// a parameter declared without a value takes one from --param
	c = load("params:\n  country:\n  supplier: Russia\n", Options{Params: []string{"country=India"}})
	if c.Params["country"] != "India" {
		t.Errorf("declared without value: %v", c.Params)
	}
}

func TestLoad_ErrParams(t *testing.T) {
	for name, tc := range map[string]struct {
		params string
		opts   Options
		want   string
	}{
		"Unset":          {"params:\n  country:\n  supplier: Russia\n", Options{}, "parameter $country has no value: give it with --param country=..., REPORT_PARAM_COUNTRY=..."},
		"UnknownInValue": {"params: {country: China}\n", Options{}, "analyses.a.where.supplier: unknown parameter $supplier"},
		"UnknownFlag":    {"params: {country: China, supplier: R}\n", Options{Params: []string{"contry=India"}}, `--param contry=India: params.contry: unknown parameter "contry"; did you mean "country"?`},
		"UnknownEnv":     {"params: {country: China, supplier: R}\n", Options{Env: []string{"REPORT_PARAM_CONTRY=x"}}, `environment REPORT_PARAM_CONTRY: params.contry: unknown parameter "contry"`},
		"BadName":        {"params: {Country-X: China, country: C, supplier: R}\n", Options{}, "a parameter name is lower case letters"},
		"NotAValue":      {"params: {country: [a, b], supplier: R}\n", Options{}, "params.country: expected a value such as China"},
	} {
		t.Run(name, func(t *testing.T) {
			file := writeConfig(t, tc.params+paramsRest)
			_, err := Load(file, tc.opts)
			if tc.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v\nwant %q", err, tc.want)
			}
		})
	}
	file := writeConfig(t, "params: {nation: China, supplier: R}\n"+strings.Replace(paramsRest, "$country", "$nation", -1))
	if _, err := Load(file, Options{}); err == nil || !strings.Contains(err.Error(), `names parameter "country", which params: does not declare`) {
		t.Errorf("output naming an undeclared parameter: %v", err)
	}
}
