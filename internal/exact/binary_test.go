package exact

import (
	"math/big"
	"reflect"
	"testing"
)

func TestBinary_RoundTrip(t *testing.T) {
	third := Int(1).Quo(Int(3))
	huge := Number{r: new(big.Rat).SetFrac(new(big.Int).Lsh(big.NewInt(1), 100), big.NewInt(7))}
	for _, x := range []Number{{}, Int(-42), Dec(12345, 2), Dec(-1, maxScale), NaN(), third, third.Neg(), huge} {
		b, err := x.AppendBinary([]byte("head"))
		if err != nil {
			t.Fatalf("AppendBinary(%v): %v", x, err)
		}
		var y Number
		rest, err := y.ReadBinary(append(b[len("head"):], "tail"...))
		if err != nil {
			t.Fatalf("ReadBinary(%v): %v", x, err)
		}
		if string(rest) != "tail" {
			t.Errorf("ReadBinary(%v) left %q, want %q", x, rest, "tail")
		}
		if x.IsNaN() != y.IsNaN() || !x.IsNaN() && x.Cmp(y) != 0 || x.r == nil && !reflect.DeepEqual(x, y) {
			t.Errorf("round trip of %v (%#v) gave %v (%#v)", x, x, y, y)
		}
	}
}

func TestBinary_RejectsWhatItDidNotWrite(t *testing.T) {
	short, _ := Dec(5, 1).AppendBinary(nil)
	rat, _ := Int(1).Quo(Int(3)).AppendBinary(nil)
	for _, data := range [][]byte{nil, {9}, {binShort}, {binShort, maxScale + 1, 2}, short[:2], rat[:len(rat)-1], {binRat, 5, 1}} {
		var x Number
		if _, err := x.ReadBinary(data); err == nil {
			t.Errorf("ReadBinary(%v) = nil error, want one", data)
		}
	}
}
