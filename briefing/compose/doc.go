// Package compose turns a validated config and its analysis results into a
// layouts.Document: it draws the charts, formats the tables and runs the
// narrative templates. It is the one place that knows every other package.
package compose
