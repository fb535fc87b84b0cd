// Package pdfrender draws go-chart charts into an fpdf page as vector
// graphics.
//
// Renderer implements go-chart's chart.Renderer over a *fpdf.Fpdf: paths
// become PDF path operators, text becomes real PDF text in a font that is
// already registered on the document, and nothing is drawn as a raster image.
// go-chart lays a chart out in integer pixels; the renderer maps those pixels
// onto a box on the page at PixelsPerMM pixels per millimetre, and tells
// go-chart to use DPI so that a go-chart font size in points is the same size
// in points on the page.
//
// A Renderer wraps everything it draws in a saved graphics state clipped to
// its box, and Finish restores the caller's font, colours, line width, dash
// pattern, line cap and join and cursor position, both in the PDF content
// stream and in fpdf's own cache of them.
package pdfrender
