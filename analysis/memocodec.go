package analysis

import (
	"encoding/binary"
	"maps"
	"slices"
	"time"

	"github.com/briefing/report/analysis/dataset"
	"github.com/briefing/report/analysis/sqldb"
	"github.com/briefing/report/internal/exact"
	"github.com/briefing/report/internal/period"
)

// The binary form of what one dataset's pass computed (for each period its
// analyses' results, its summary and its tables), kept by
// internal/resultcache between runs. Every field of every type below is
// written and read back: TestMemoCodec_EveryField fails when a type gains
// one, so that it is added here too.

// encodeParts writes parts, the results of dataset name for each period;
// false when they hold what only a database or the merge of datasets puts
// there (a query, the revisions of two exports, a compare), which is
// never remembered.
func encodeParts(name string, parts []*Results) ([]byte, bool) {
	var e encoder
	e.uint(len(parts))
	for _, r := range parts {
		sum := r.Datasets[name]
		if sum == nil || len(r.Datasets) != 1 || sum.Previous != nil || sum.Place != (sqldb.Place{}) || sum.Version != "" || sum.Queries != nil {
			return nil, false
		}
		e.interval(r.Period.Interval)
		e.summary(sum)
		e.uint(len(r.Analyses))
		for _, k := range slices.Sorted(maps.Keys(r.Analyses)) {
			a := r.Analyses[k]
			if a.Compare != nil || a.Revisions != nil {
				return nil, false
			}
			e.str(k)
			e.result(a)
		}
		e.uint(len(r.Tables))
		for _, k := range slices.Sorted(maps.Keys(r.Tables)) {
			e.str(k)
			e.table(r.Tables[k])
		}
	}
	return e.b, !e.failed
}

// decodeParts reads what encodeParts wrote for dataset name; false if b
// is anything else.
func decodeParts(name string, b []byte) ([]*Results, bool) {
	d := decoder{b: b}
	parts := make([]*Results, d.uint())
	for i := range parts {
		r := &Results{Analyses: map[string]*Result{}, Datasets: map[string]*DatasetSummary{}, Tables: map[string]*Table{}}
		r.Period = period.Period{Interval: d.interval()}
		r.Datasets[name] = d.summary()
		for range d.uint() {
			k := d.str()
			r.Analyses[k] = d.result()
		}
		for range d.uint() {
			k := d.str()
			r.Tables[k] = d.table()
		}
		parts[i] = r
	}
	return parts, !d.bad && len(d.b) == 0
}

// encoder appends values to b; failed is set when one cannot be written.
type encoder struct {
	b      []byte
	failed bool
}

func (e *encoder) uint(n int)   { e.b = binary.AppendUvarint(e.b, uint64(n)) }
func (e *encoder) int(n int)    { e.b = binary.AppendVarint(e.b, int64(n)) }
func (e *encoder) str(s string) { e.uint(len(s)); e.b = append(e.b, s...) }

func (e *encoder) bool(v bool) {
	if v {
		e.b = append(e.b, 1)
	} else {
		e.b = append(e.b, 0)
	}
}

// size writes a slice's or a map's length, 0 for nil and n+1 otherwise:
// nil and empty read back as they were.
func (e *encoder) size(n int, isNil bool) {
	if isNil {
		e.uint(0)
	} else {
		e.uint(n + 1)
	}
}

func (e *encoder) strs(s []string) {
	e.size(len(s), s == nil)
	for _, v := range s {
		e.str(v)
	}
}

func (e *encoder) strMap(m map[string]string) {
	e.size(len(m), m == nil)
	for _, k := range slices.Sorted(maps.Keys(m)) {
		e.str(k)
		e.str(m[k])
	}
}

func (e *encoder) time(t time.Time) {
	b, err := t.MarshalBinary()
	if err != nil {
		e.failed = true
		return
	}
	e.str(string(b))
}

func (e *encoder) number(n exact.Number) {
	b, err := n.AppendBinary(e.b)
	if err != nil {
		e.failed = true
		return
	}
	e.b = b
}

func (e *encoder) interval(i period.Interval) {
	e.int(int(i.Unit))
	e.time(i.Start)
}

func (e *encoder) summary(s *DatasetSummary) {
	e.str(s.Name)
	e.str(s.Title)
	e.size(len(s.Labels), s.Labels == nil)
	for _, k := range slices.Sorted(maps.Keys(s.Labels)) {
		e.str(k)
		e.strMap(s.Labels[k])
	}
	e.str(s.Format)
	e.size(len(s.Files), s.Files == nil)
	for _, f := range s.Files {
		e.str(f.Path)
		e.str(f.SHA256)
		e.bool(f.Remembered)
		e.str(f.Generated)
		e.time(f.GeneratedDate)
		e.int(f.Rows)
	}
	e.int(s.RowsRead)
	e.int(s.RowsUsed)
	e.str(s.Generated)
	e.interval(s.Through)
}

func (e *encoder) result(r *Result) {
	e.str(r.Name)
	e.str(r.Kind)
	e.bool(r.Timed)
	e.size(len(r.Keys), r.Keys == nil)
	for _, k := range r.Keys {
		e.str(k.Label)
		e.interval(k.Interval)
		e.bool(k.Partial)
		e.interval(k.Through.Interval)
		e.bool(k.Other)
		e.str(k.upto)
	}
	e.size(len(r.Series), r.Series == nil)
	for _, s := range r.Series {
		e.str(s.Label)
		e.size(len(s.Values), s.Values == nil)
		for _, v := range s.Values {
			e.number(v)
		}
		e.str(s.AverageOf)
		e.interval(s.Through)
		e.bool(s.Other)
	}
	e.str(r.Measure)
	e.str(r.Source)
	e.bool(r.Changes != nil)
	if c := r.Changes; c != nil {
		e.strs(c.Columns)
		e.size(len(c.Rows), c.Rows == nil)
		for _, row := range c.Rows {
			e.strMap(row)
		}
		e.int(c.Count)
		e.int(c.PreviousCount)
		e.str(c.Empty)
	}
	e.str(r.Unit)
}

func (e *encoder) table(t *Table) {
	e.str(t.Dataset)
	e.strs(t.Columns)
	e.size(len(t.Rows), t.Rows == nil)
	for _, row := range t.Rows {
		e.strs(row)
	}
	e.size(len(t.Places), t.Places == nil)
	for _, p := range t.Places {
		e.str(p.File)
		e.int(p.Line)
	}
}

// decoder reads what encoder wrote from b; bad is set, and zero values
// read, once b holds anything else.
type decoder struct {
	b   []byte
	bad bool
}

func (d *decoder) uint() int {
	n, k := binary.Uvarint(d.b)
	if k <= 0 || n > uint64(len(d.b)) { // no count or length here exceeds the bytes left
		d.bad, d.b = true, nil
		return 0
	}
	d.b = d.b[k:]
	return int(n)
}

func (d *decoder) int() int {
	n, k := binary.Varint(d.b)
	if k <= 0 {
		d.bad, d.b = true, nil
		return 0
	}
	d.b = d.b[k:]
	return int(n)
}

func (d *decoder) str() string {
	n := d.uint()
	if n > len(d.b) {
		d.bad, d.b = true, nil
		return ""
	}
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}

func (d *decoder) bool() bool {
	if len(d.b) == 0 || d.b[0] > 1 {
		d.bad, d.b = true, nil
		return false
	}
	v := d.b[0] == 1
	d.b = d.b[1:]
	return v
}

// size reads what encoder.size wrote: the length, and whether it was nil.
func (d *decoder) size() (int, bool) {
	n := d.uint()
	if n == 0 {
		return 0, true
	}
	return n - 1, false
}

func (d *decoder) strs() []string {
	n, isNil := d.size()
	if isNil {
		return nil
	}
	s := make([]string, n)
	for i := range s {
		s[i] = d.str()
	}
	return s
}

func (d *decoder) strMap() map[string]string {
	n, isNil := d.size()
	if isNil {
		return nil
	}
	m := make(map[string]string, n)
	for range n {
		k := d.str()
		m[k] = d.str()
	}
	return m
}

func (d *decoder) time() time.Time {
	var t time.Time
	if err := t.UnmarshalBinary([]byte(d.str())); err != nil {
		d.bad, d.b = true, nil
	}
	return t
}

func (d *decoder) number() exact.Number {
	var n exact.Number
	rest, err := n.ReadBinary(d.b)
	if err != nil {
		d.bad, d.b = true, nil
		return exact.Number{}
	}
	d.b = rest
	return n
}

func (d *decoder) interval() period.Interval {
	u := period.Unit(d.int())
	return period.Interval{Unit: u, Start: d.time()}
}

func (d *decoder) summary() *DatasetSummary {
	s := &DatasetSummary{Name: d.str(), Title: d.str()}
	if n, isNil := d.size(); !isNil {
		s.Labels = make(map[string]map[string]string, n)
		for range n {
			k := d.str()
			s.Labels[k] = d.strMap()
		}
	}
	s.Format = d.str()
	if n, isNil := d.size(); !isNil {
		s.Files = make([]dataset.FileInfo, n)
		for i := range s.Files {
			f := &s.Files[i]
			f.Path, f.SHA256, f.Remembered = d.str(), d.str(), d.bool()
			f.Generated, f.GeneratedDate, f.Rows = d.str(), d.time(), d.int()
		}
	}
	s.RowsRead, s.RowsUsed, s.Generated = d.int(), d.int(), d.str()
	s.Through = d.interval()
	return s
}

func (d *decoder) result() *Result {
	r := &Result{Name: d.str(), Kind: d.str(), Timed: d.bool()}
	if n, isNil := d.size(); !isNil {
		r.Keys = make([]Key, n)
		for i := range r.Keys {
			k := &r.Keys[i]
			k.Label, k.Interval, k.Partial = d.str(), d.interval(), d.bool()
			k.Through = period.Period{Interval: d.interval()}
			k.Other, k.upto = d.bool(), d.str()
		}
	}
	if n, isNil := d.size(); !isNil {
		r.Series = make([]Series, n)
		for i := range r.Series {
			s := &r.Series[i]
			s.Label = d.str()
			if n, isNil := d.size(); !isNil {
				s.Values = make([]exact.Number, n)
				for j := range s.Values {
					s.Values[j] = d.number()
				}
			}
			s.AverageOf, s.Through, s.Other = d.str(), d.interval(), d.bool()
		}
	}
	r.Measure, r.Source = d.str(), d.str()
	if d.bool() {
		c := &ChangeSet{Columns: d.strs()}
		if n, isNil := d.size(); !isNil {
			c.Rows = make([]map[string]string, n)
			for i := range c.Rows {
				c.Rows[i] = d.strMap()
			}
		}
		c.Count, c.PreviousCount, c.Empty = d.int(), d.int(), d.str()
		r.Changes = c
	}
	r.Unit = d.str()
	return r
}

func (d *decoder) table() *Table {
	t := &Table{Dataset: d.str(), Columns: d.strs()}
	if n, isNil := d.size(); !isNil {
		t.Rows = make([][]string, n)
		for i := range t.Rows {
			t.Rows[i] = d.strs()
		}
	}
	if n, isNil := d.size(); !isNil {
		t.Places = make([]Place, n)
		for i := range t.Places {
			t.Places[i] = Place{File: d.str(), Line: d.int()}
		}
	}
	return t
}
