package analysis

import "github.com/briefing/report/internal/period"

// coverage records, per data file, the latest interval that any of its
// rows inside the period cut falls in: how far the file's data reaches,
// whether or not a given series has rows there.
type coverage struct {
	last     map[string]period.Interval
	lastFile string // the file of the previous row, whose entry is cur
	cur      period.Interval
}

func (c *coverage) add(file string, iv period.Interval) {
	if c.last == nil {
		c.last = map[string]period.Interval{}
		c.lastFile, c.cur = file, iv
	}
	if file != c.lastFile {
		c.last[c.lastFile] = c.cur
		c.lastFile, c.cur = file, c.last[file]
	}
	if c.cur.IsZero() || iv.Start.After(c.cur.Start) {
		c.cur = iv
	}
}

// flush stores the current file's entry, which add keeps apart.
func (c *coverage) flush() {
	if c.last != nil {
		c.last[c.lastFile] = c.cur
	}
}

// through returns the latest interval covered by any of the files.
func (c *coverage) through(files fileSet) period.Interval {
	c.flush()
	var out period.Interval
	for f := range files.m {
		if iv := c.last[f]; !iv.IsZero() && (out.IsZero() || iv.Start.After(out.Start)) {
			out = iv
		}
	}
	return out
}

// reaches reports whether any file has a row in iv or later.
func (c *coverage) reaches(iv period.Interval) bool {
	c.flush()
	for _, last := range c.last {
		if !last.Start.Before(iv.Start) {
			return true
		}
	}
	return false
}

// fileSet is a small set of file paths, cheap to add to when the rows come
// file by file.
type fileSet struct {
	m    map[string]struct{}
	last string
}

func (s *fileSet) add(file string) {
	if s.m != nil && file == s.last {
		return
	}
	if s.m == nil {
		s.m = map[string]struct{}{}
	}
	s.m[file] = struct{}{}
	s.last = file
}
