// Package pdfrender draws go-chart charts on a layouts.Canvas as vector
// graphics.
//
// Renderer implements go-chart's chart.Renderer over the canvas layouts
// gives a figure: paths become PDF path operators, text becomes real PDF
// text in the document's font, and nothing is drawn as a raster image.
// go-chart lays a chart out in integer pixels; the renderer maps those
// pixels onto a box on the page at PixelsPerMM pixels per millimetre, and
// tells go-chart to use DPI so that a go-chart font size in points is the
// same size in points on the page.
//
// A Renderer clips everything it draws to its box, and Finish closes its
// clips. It leaves the canvas's state as the chart left it: the canvas's
// owner sets its own back, as gonum/plot's backends do for vg.Canvas.
package pdfrender
