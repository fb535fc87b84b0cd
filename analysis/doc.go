// Package analysis turns datasets into results: series of numbers over time
// intervals (trend, frequency) or over categories (count). Every result has
// the one shape of Result, which charts, tables and narrative all read.
package analysis
