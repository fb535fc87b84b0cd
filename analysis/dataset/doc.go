// Package dataset streams the rows of a dataset: plain CSV files (comma,
// semicolon or tab separated, sniffed on the header line) and the SIPRI Arms
// Transfers Database exports exactly as downloaded — the transfer register
// ("sipri-register") and the "TIV of arms exports from X" tables
// ("sipri-tiv-table").
//
// Scan reads every file of a dataset once, calling back with each file's
// header and each data row. Nothing is kept between rows: a Row and its
// Fields are only valid during the callback, and memory does not grow with
// the number of rows. Every problem in a file is an *Error that names the
// file, the physical line and, where it applies, the column; no row is
// silently dropped (only rows whose every field is empty are skipped).
//
// Scan also fingerprints each file (SHA-256 of its bytes, computed while
// streaming) and picks up the "Generated" date SIPRI prints in its exports,
// so a briefing can say which version of the data it used.
package dataset
