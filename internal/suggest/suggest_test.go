package suggest

import "testing"

func TestClosest(t *testing.T) {
	kinds := []string{"trend", "frequency", "count", "compare", "changes"}
	tests := []struct {
		name, in, want string
	}{
		{"OneLetterMissing", "trnd", "trend"},
		{"CaseInsensitive", "COUNT", "count"},
		{"Transposed", "frequnecy", "frequency"},
		{"TooFar", "histogram", ""},
		{"Prefix", "freq", "frequency"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Closest(tc.in, kinds); got != tc.want {
				t.Errorf("Closest(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestHint(t *testing.T) {
	if got := Hint("lne", []string{"line", "bar"}); got != `; did you mean "line"?` {
		t.Errorf("Hint = %q", got)
	}
	if got := Hint("zzzzzz", []string{"line"}); got != "" {
		t.Errorf("Hint for a far name = %q, want empty", got)
	}
}

func TestClosestValue(t *testing.T) {
	countries := []string{"China", "France", "India", "United Arab Emirates", "United Kingdom", "United States", "Viet Nam"}
	tests := []struct{ in, want string }{
		{"france", "France"}, {"Vietnam", "Viet Nam"}, {"USA", "United States"}, {"US", "United States"},
		{"U.S.", "United States"}, {"UK", "United Kingdom"}, {"UAE", "United Arab Emirates"}, {"Chna", "China"},
		{"Brazil", ""}, {"XYZ", ""},
	}
	for _, tt := range tests {
		if got := ClosestValue(tt.in, countries); got != tt.want {
			t.Errorf("ClosestValue(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
