// Package exact holds Number, the exact number type of report: values are
// read from the text of a cell as decimals, summed and divided without
// binary rounding, and rounded once, half away from zero, at the precision
// they are printed with.
//
// Short decimals (an int64 coefficient and up to 18 digits after the point)
// take a fast path that does not allocate; sums that overflow it, and
// quotients that are not decimals (a mean of three years), continue as
// big.Rat.
package exact
