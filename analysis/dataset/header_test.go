package dataset

import "testing"

var registerHeaderColumns = &Header{Columns: []string{
	"SIPRI AT Database ID", "Supplier", "Recipient", "Designation", "Description", "Armament category",
	"Order date", "Order date is estimate", "Numbers delivered", "Numbers delivered is estimate",
	"Delivery year", "Delivery year is estimate", "Status", "SIPRI estimate", "TIV deal unit",
	"TIV delivery values", "Local production",
}}

func TestHeader_Index(t *testing.T) {
	tests := []struct {
		name string
		want int
		ok   bool
	}{
		{"Supplier", 1, true},
		{"supplier", 1, true},
		{"  TIV DELIVERY VALUES ", 15, true},
		{"Delivery year", 10, true},
		{"delivery_year", -1, false},
		{"", -1, false},
	}
	for _, tt := range tests {
		if got, ok := registerHeaderColumns.Index(tt.name); got != tt.want || ok != tt.ok {
			t.Errorf("Index(%q) = %d, %v; want %d, %v", tt.name, got, ok, tt.want, tt.ok)
		}
	}
	if i, ok := (&Header{Columns: []string{" a ", "A"}}).Index("a"); i != 0 || !ok {
		t.Errorf("Index of a duplicate = %d, %v; want the first, 0", i, ok)
	}
}

func TestHeader_Closest(t *testing.T) {
	tests := []struct{ name, want string }{
		{"Supplier", "Supplier"},
		{"suplier", "Supplier"},
		{"delivery_year", "Delivery year"},
		{"Delivery years", "Delivery year"},
		{"TIV delivery value", "TIV delivery values"},
		{"recipients", "Recipient"},
		{"TIV", ""},
		{"country", ""},
		{"x", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := registerHeaderColumns.Closest(tt.name); got != tt.want {
			t.Errorf("Closest(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}
