package dataset

import (
	"strings"
	"time"
)

// FileInfo describes one file read by Scan.
type FileInfo struct {
	Path   string
	SHA256 string // hex, of the whole file bytes, computed while streaming
	// Remembered is set when SHA256 is the one remembered for this very
	// file by an earlier run (internal/hashcache), not computed again.
	Remembered bool
	// Generated is the export's "Generated"/"Data generated" date as
	// printed, normalised to "12 Feb 2026" style, or "" if none. A date
	// that cannot be read is kept as printed, with GeneratedDate zero.
	Generated     string
	GeneratedDate time.Time // zero if none
	Rows          int       // data rows read from this file (rows passed to onRow)
}

// Info describes a whole scan.
type Info struct {
	Files    []FileInfo
	RowsRead int
}

// Generated returns the Generated of the latest-dated file, or "" if no
// file has one. When no date could be read, it is the first Generated text
// found.
func (i Info) Generated() string {
	var latest *FileInfo
	text := ""
	for k := range i.Files {
		f := &i.Files[k]
		if text == "" {
			text = f.Generated
		}
		if !f.GeneratedDate.IsZero() && (latest == nil || f.GeneratedDate.After(latest.GeneratedDate)) {
			latest = f
		}
	}
	if latest != nil {
		return latest.Generated
	}
	return text
}

// generatedLabels are the labels SIPRI puts before an export's date,
// lower case.
var generatedLabels = []string{"data generated:", "generated:"}

// generatedLayouts are the date layouts tried on the first three words
// after the label.
var generatedLayouts = []string{"2 Jan 2006", "2 January 2006", "January 2 2006", "Jan 2 2006"}

// parseGenerated reads a preamble line such as "Data generated: 12 Feb 2026
// 12:26:12 PM;" or "Generated: 28 July 2022,,,". It returns the date as
// "12 Feb 2026" and ok=true when the line carries a Generated label; the
// text as printed when the date cannot be read.
func parseGenerated(line string) (text string, date time.Time, ok bool) {
	s := strings.TrimSpace(line)
	s = strings.TrimLeft(s, `"`)
	lower := strings.ToLower(s)
	rest := ""
	for _, label := range generatedLabels {
		if strings.HasPrefix(lower, label) {
			rest, ok = s[len(label):], true
			break
		}
	}
	if !ok {
		return "", time.Time{}, false
	}
	rest = strings.TrimRight(strings.TrimSpace(rest), ",;\t \"")
	words := strings.Fields(strings.ReplaceAll(rest, ",", " "))
	if len(words) >= 3 {
		w := strings.Join(words[:3], " ")
		for _, layout := range generatedLayouts {
			if d, err := time.Parse(layout, w); err == nil {
				return d.Format("2 Jan 2006"), d, true
			}
		}
	}
	if len(words) >= 1 {
		if d, err := time.Parse("2006-01-02", words[0]); err == nil {
			return d.Format("2 Jan 2006"), d, true
		}
	}
	return strings.TrimSpace(rest), time.Time{}, true
}
