package period

import "testing"

func TestFormat(t *testing.T) {
	p := Period{QuarterOf(2025, 3)}
	for pattern, want := range map[string]string{
		"": "Q3 2025", "{ordinal} quarter of {year}": "third quarter of 2025", "{Ordinal} quarter {year}": "Third quarter 2025", "{year}-Q{q}": "2025-Q3",
	} {
		if got := p.Format(pattern); got != want {
			t.Errorf("Format(%q) = %q, want %q", pattern, got, want)
		}
	}
	for _, bad := range []string{"quarter", "{quarter} {year}", "Q{q"} {
		if CheckFormat(bad) == nil {
			t.Errorf("CheckFormat(%q) = nil", bad)
		}
	}
	if err := CheckFormat("{ordinal} quarter of {year}"); err != nil {
		t.Error(err)
	}
}
