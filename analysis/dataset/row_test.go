package dataset

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

func TestRow_Number(t *testing.T) {
	bad := math.NaN()
	tests := []struct {
		in      string
		decimal byte
		want    float64 // NaN: an error
	}{
		{"1.5", '.', 1.5},
		{"-1.5", '.', -1.5},
		{"+2", '.', 2},
		{"0", '.', 0},
		{".5", '.', 0.5},
		{"5.", '.', 5},
		{"1e3", '.', 1000},
		{"1.5E-2", '.', 0.015},
		{" 7 ", '.', 7},
		{"1,234.5", '.', 1234.5},
		{"1,234,567", '.', 1234567},
		{"1 234.5", '.', 1234.5},
		{"1\u00a0234.5", '.', 1234.5},
		{"1\u202f234,5", ',', 1234.5},
		{"1.234,5", ',', 1234.5},
		{"1.234.567", ',', 1234567},
		{"0,5", ',', 0.5},
		{"-0,25", ',', -0.25},
		{"1,5", '.', bad},      // a decimal comma, not a thousands separator
		{"1,23", '.', bad},     // groups of three only
		{"1234,567", '.', bad}, // first group longer than three
		{",123", '.', bad},
		{"1,", '.', bad},
		{"1.5", ',', bad},
		{"1,234.5", ',', bad},
		{"abc", '.', bad},
		{"n/a", '.', bad},
		{"-", '.', bad},
		{".", '.', bad},
		{"1e", '.', bad},
		{"NaN", '.', bad},
		{"Inf", '.', bad},
		{"0x10", '.', bad},
		{"1_000", '.', bad},
		{"1.5.5", '.', bad},
		{"12%", '.', bad},
		{"1e999", '.', bad},
	}
	for _, tt := range tests {
		r := Row{File: "f.csv", Line: 9, Fields: []string{"x", tt.in}, Header: &Header{Columns: []string{"name", "value"}}, decimal: tt.decimal}
		v, empty, err := r.Number(1)
		switch {
		case math.IsNaN(tt.want):
			e, ok := err.(*Error)
			if !ok || e.File != "f.csv" || e.Line != 9 || e.Column != 2 || e.ColumnName != "value" {
				t.Errorf("Number(%q, %c) = %v, %v, %#v; want an *Error at f.csv:9:2", tt.in, tt.decimal, v, empty, err)
			}
		case err != nil || empty || v.Float64() != tt.want:
			t.Errorf("Number(%q, %c) = %v, %v, %v; want %v", tt.in, tt.decimal, v, empty, err, tt.want)
		}
	}
}

func TestRow_Number_EmptyAndOutOfRange(t *testing.T) {
	r := Row{Fields: []string{"", "  ", "\u00a0"}}
	for col := range 5 {
		if v, empty, err := r.Number(col); !v.IsZero() || !empty || err != nil {
			t.Errorf("Number(%d) = %v, %v, %v; want 0, true, nil", col, v, empty, err)
		}
	}
}

func TestRow_Number_HintsAtTheOtherDecimal(t *testing.T) {
	r := Row{File: "f.csv", Line: 2, Fields: []string{"1,5"}}
	_, _, err := r.Number(0)
	if err == nil || err.Error() != `f.csv:2:1: not a number: "1,5" (it reads as a number with decimal ',': set decimal: ',' for this dataset?)` {
		t.Errorf("err = %v", err)
	}
}

func TestRow_Get(t *testing.T) {
	r := Row{Fields: []string{" a ", "b\t", "\u00a0c"}}
	for col, want := range map[int]string{-1: "", 0: "a", 1: "b", 2: "c", 3: ""} {
		if got := r.Get(col); got != want {
			t.Errorf("Get(%d) = %q, want %q", col, got, want)
		}
	}
}

func TestRow_Err(t *testing.T) {
	r := Row{File: "f.csv", Line: 4, Fields: []string{"a", "b"}, Header: &Header{Columns: []string{"x", "y"}}}
	tests := []struct {
		col  int
		want string
	}{
		{1, `f.csv:4:2: column "y": bad b`},
		{-1, `f.csv:4: bad b`},
		{7, `f.csv:4: bad b`},
	}
	for _, tt := range tests {
		if got := r.Err(tt.col, "bad %s", "b").Error(); got != tt.want {
			t.Errorf("Err(%d) = %q, want %q", tt.col, got, tt.want)
		}
	}
}

// trimSpace trims as strings.TrimSpace does, Unicode white space included,
// whatever the field starts or ends with.
func TestTrimSpace_AsStrings(t *testing.T) {
	pieces := []string{"", "a", "Z", "1", "!", "\x7f", " ", "\t", "\n", "\r", "\v", "\f",
		"\u0085", "\u00a0", "\u2003", "\u3000", "é", "€", "\xff", "x y"}
	rng := rand.New(rand.NewPCG(7, 8))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(5) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		if got, want := trimSpace(s), strings.TrimSpace(s); got != want {
			t.Fatalf("trimSpace(%q) = %q, want %q", s, got, want)
		}
	}
}
