package dataset

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
)

// The formats Scan reads.
const (
	// FormatCSV is a plain CSV file with a header row; the default when
	// Spec.Format is "".
	FormatCSV = "csv"
	// FormatSIPRIRegister is the SIPRI transfer register export: notes,
	// then a header line starting with "SIPRI AT Database ID", then one row
	// per deal and delivery year.
	FormatSIPRIRegister = "sipri-register"
	// FormatSIPRITIVTable is a SIPRI "TIV of arms exports from X" table,
	// read as rows of Supplier, Recipient, Year, TIV.
	FormatSIPRITIVTable = "sipri-tiv-table"
)

// Formats are the formats the scanner reads, in the order config.Formats
// lists them (a test keeps the two lists the same).
var Formats = []string{FormatCSV, FormatXLSX, FormatSIPRIRegister, FormatSIPRITIVTable}

// Spec says where a dataset is and how to read it.
type Spec struct {
	Name    string // dataset name, for messages
	Path    string // a file path or a glob (filepath.Match syntax); already absolute or relative to cwd
	Format  string // FormatCSV (default when ""), FormatSIPRIRegister or FormatSIPRITIVTable
	Decimal string // "" or "." (default) or ","
	Skip    int    // csv and xlsx: preamble lines (rows) before the header
	// Sheet is the worksheet of a workbook (default the first);
	// HeaderRow its header row (default: found, see FormatXLSX).
	Sheet     string
	HeaderRow int
}

// decimal returns the decimal separator of the spec.
func (s Spec) decimal() (byte, error) {
	switch s.Decimal {
	case "", ".":
		return '.', nil
	case ",":
		return ',', nil
	}
	return 0, fmt.Errorf("dataset %q: decimal must be \".\" or \",\", not %q", s.Name, s.Decimal)
}

// check validates the spec and returns its decimal separator.
func (s Spec) check() (byte, error) {
	if s.Format != "" && !slices.Contains(Formats, s.Format) {
		return 0, fmt.Errorf("dataset %q: unknown format %q (want %s, %s, %s or %s)",
			s.Name, s.Format, FormatCSV, FormatXLSX, FormatSIPRIRegister, FormatSIPRITIVTable)
	}
	if s.Path == "" {
		return 0, fmt.Errorf("dataset %q: no path", s.Name)
	}
	if s.Skip < 0 {
		return 0, fmt.Errorf("dataset %q: skip must not be negative, got %d", s.Name, s.Skip)
	}
	if s.Skip > 0 && s.Format != "" && s.Format != FormatCSV && s.Format != FormatXLSX {
		return 0, fmt.Errorf("dataset %q: skip applies to csv and xlsx only; %s finds its own header", s.Name, s.Format)
	}
	if s.HeaderRow < 0 {
		return 0, fmt.Errorf("dataset %q: header_row must be a row number from 1, got %d", s.Name, s.HeaderRow)
	}
	return s.decimal()
}

// files resolves the spec's path to the files to read, sorted by path. A
// path naming an existing file is that file even if it contains glob
// characters; otherwise a path with glob characters is a pattern, which must
// match at least one file.
func (s Spec) files() ([]string, error) {
	p := s.Path
	if _, err := os.Stat(p); err == nil || !hasMeta(p) {
		if err != nil {
			return nil, fileError(p, err)
		}
		return []string{p}, nil
	}
	matches, err := filepath.Glob(p)
	if err != nil {
		return nil, &Error{File: p, Msg: "bad glob pattern", err: err}
	}
	if len(matches) == 0 {
		return nil, &Error{File: p, Msg: "no file matches this pattern", err: fs.ErrNotExist}
	}
	sort.Strings(matches)
	return matches, nil
}

// hasMeta reports whether path contains any of the magic characters
// recognized by filepath.Match.
func hasMeta(path string) bool {
	magic := `*?[`
	if filepath.Separator != '\\' {
		magic = `*?[\`
	}
	return strings.ContainsAny(path, magic)
}

// fileError turns an error opening or reading a file into an *Error.
func fileError(path string, err error) *Error {
	var pe *fs.PathError
	msg := err.Error()
	if errors.As(err, &pe) {
		msg = pe.Err.Error()
	}
	if errors.Is(err, fs.ErrNotExist) {
		msg = "no such file"
	}
	return &Error{File: path, Msg: msg, err: err}
}
