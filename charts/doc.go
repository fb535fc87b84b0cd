// Package charts turns analysis results into vector charts for the briefing
// PDF, and exports them alone as PDF or PNG.
//
// New checks a chart's Spec against the analysis.Result it draws and
// returns a Chart; Chart.Draw draws it into a box of a layouts.Canvas
// through the pdfrender package, with the document's font and brand
// palette, as vector paths and real text. Chart.WritePDF writes the chart alone as a
// one-page PDF by the same code; Chart.WritePNG paints it, by the same code,
// onto a bitmap at slide resolution (pngrender). Chart.PreferredHeight says
// how tall the chart wants to be when the config leaves the height open.
//
// Types: "line", "bar", "stacked-bar" and "grouped-bar" share one frame
// laid out by go-chart: a left Y axis with round ticks (1-2-5 steps,
// thousands separators), whole-number years on the X axis, a light grid
// and the legend above the plot. "hbar" (rows of horizontal bars with their
// values at the ends, growing with the number of rows) and "donut" (shares
// round a ring, with a legend of values and percentages) lay themselves
// out. Every type is an entry of the kinds table (kinds.go); DefaultType
// picks one per analysis kind. Charts have no title: the layout prints
// title, caption and source.
//
// A chart of a compare result draws the measure its Spec picks (total,
// mean or share) from the result's rows. A series label keeps its colour
// across charts when Style.Colors maps it; AssignColors builds that map
// for a document.
package charts
