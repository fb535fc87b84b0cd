// Package charts turns analysis results into vector charts for the briefing
// PDF.
//
// New checks a chart's Spec against the analysis.Result it draws and
// returns a Chart; Chart.Draw draws it into a box on an fpdf page through
// go-chart and the pdfrender package, with the document's font and brand
// palette. A chart has a left Y axis with round ticks (1-2-5 steps, thousands
// separators), whole-number years on the X axis, a light grid, the legend
// above the plot and no title: the layout prints title, caption and source.
//
// Chart types are "line", "bar" and "stacked-bar"; each is a builder in the
// kinds table (kinds.go), so further types slot in there. A series label
// keeps its colour across charts when Style.Colors maps it (see
// AssignColors).
package charts
