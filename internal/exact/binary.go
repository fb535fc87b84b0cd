package exact

import (
	"encoding/binary"
	"errors"
	"math/big"
)

// The first byte of a Number's binary form says which of its forms follows.
const (
	binShort byte = iota // a short decimal: the scale, then the coefficient (varint)
	binNaN               // no number
	binRat               // a rational: big.Rat's own binary form, length first
)

// errBinary is ReadBinary's answer to bytes AppendBinary did not write.
var errBinary = errors.New("exact: not a Number's binary form")

// AppendBinary appends x in a binary form that ReadBinary reads back
// to a Number equal to x in every field, NaN included.
func (x Number) AppendBinary(b []byte) ([]byte, error) {
	switch {
	case x.nan:
		return append(b, binNaN), nil
	case x.r == nil:
		b = append(b, binShort, byte(x.s))
		return binary.AppendVarint(b, x.c), nil
	}
	r, err := x.r.GobEncode()
	if err != nil {
		return nil, err
	}
	b = append(b, binRat)
	b = binary.AppendUvarint(b, uint64(len(r)))
	return append(b, r...), nil
}

// ReadBinary sets x to the Number AppendBinary wrote at the start of data
// and returns the bytes after it.
func (x *Number) ReadBinary(data []byte) (rest []byte, err error) {
	if len(data) == 0 {
		return nil, errBinary
	}
	switch data[0] {
	case binNaN:
		*x = NaN()
		return data[1:], nil
	case binShort:
		if len(data) < 2 || data[1] > maxScale {
			return nil, errBinary
		}
		c, n := binary.Varint(data[2:])
		if n <= 0 {
			return nil, errBinary
		}
		*x = Number{c: c, s: int8(data[1])}
		return data[2+n:], nil
	case binRat:
		size, n := binary.Uvarint(data[1:])
		if n <= 0 || size > uint64(len(data)-1-n) {
			return nil, errBinary
		}
		body := data[1+n : 1+n+int(size)]
		r := new(big.Rat)
		if err := r.GobDecode(body); err != nil {
			return nil, errBinary
		}
		*x = Number{r: r}
		return data[1+n+int(size):], nil
	}
	return nil, errBinary
}
