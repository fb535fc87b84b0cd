package exact

import (
	"math/big"
	"strconv"
)

func parseFloat(s string) (float64, error) { return strconv.ParseFloat(s, 64) }

func newRatSum(x, y Number) *big.Rat { return new(big.Rat).Add(x.Rat(), y.Rat()) }

// ratOf reads s with math/big, for comparison.
func ratOf(s string) (*big.Rat, bool) { return new(big.Rat).SetString(s) }
