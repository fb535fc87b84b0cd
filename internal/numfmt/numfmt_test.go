package numfmt

import "testing"

func TestParse(t *testing.T) {
	good := map[string]Format{
		"0":        {},
		"#,##0":    {Grouping: true},
		"#,##0.00": {Decimals: 2, Grouping: true},
		"0.0":      {Decimals: 1},
		"0%":       {Percent: true},
		"+0.0%":    {Decimals: 1, Percent: true, Signed: true},
		"+#,##0":   {Grouping: true, Signed: true},
	}
	for s, want := range good {
		if got, err := Parse(s); err != nil || got != want {
			t.Errorf("Parse(%q) = %+v, %v; want %+v", s, got, err, want)
		}
	}
	for _, s := range []string{"", "#", "0.", "0.#0", "abc", "%", ",0", "0,,0", "1.00", "0.0x"} {
		if _, err := Parse(s); err == nil {
			t.Errorf("Parse(%q): no error", s)
		}
	}
}
