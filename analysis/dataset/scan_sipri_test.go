package dataset

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/briefing/report/internal/exact"
)

// registerTotals sums "TIV delivery values" by "Delivery year" for the rows
// of a register that match a supplier and a recipient ("" matches any).
type registerTotals struct {
	supplier, recipient string
	byYear              map[int]exact.Number
}

func TestScan_SIPRIRegister(t *testing.T) {
	tests := []struct {
		name      string
		path      string
		rows      int
		lastLine  int
		generated string
		date      time.Time
		// Sums of TIV delivery values by delivery year, checked to 0.05.
		russiaChina map[int]float64
		// Russia's total exports over 2015-2019 and 2020-2024, rounded.
		russia2015to19, russia2020to24 float64
	}{
		{
			name: "2026 CRLF trailing semicolons", path: register2026,
			rows: 25024, lastLine: 25036, generated: "12 Feb 2026", date: time.Date(2026, 2, 12, 0, 0, 0, 0, time.UTC),
			russiaChina:    map[int]float64{2018: 1656.0, 2021: 466.8, 2024: 30.0},
			russia2015to19: 30755, russia2020to24: 11102,
		},
		{
			name: "2025 LF", path: register2025,
			rows: 20480, lastLine: 20492, generated: "3 Jan 2025", date: time.Date(2025, 1, 3, 0, 0, 0, 0, time.UTC),
			russiaChina:    map[int]float64{2018: 1686.0, 2021: 466.8, 2023: 371.5},
			russia2015to19: 30822, russia2020to24: 9709, // deliveries up to 2023 only
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rc := registerTotals{supplier: "Russia", recipient: "China"}
			ru := registerTotals{supplier: "Russia"}
			var header []string
			lastLine := 0
			info, err := Scan(Spec{Name: tt.name, Path: tt.path, Format: FormatSIPRIRegister},
				func(h *Header) error { header = h.Columns; return nil },
				func(r Row) error {
					if r.Len() != 17 {
						return r.Err(-1, "%d fields", r.Len())
					}
					if lp := r.Get(16); lp != "Yes" && lp != "No" {
						return r.Err(16, "Local production = %q", lp)
					}
					if r.Line <= lastLine {
						return r.Err(-1, "line after %d", lastLine)
					}
					lastLine = r.Line
					if err := rc.add(r); err != nil {
						return err
					}
					return ru.add(r)
				})
			if err != nil {
				t.Fatal(err)
			}
			if len(header) != 17 || header[0] != "SIPRI AT Database ID" || header[15] != "TIV delivery values" || header[16] != "Local production" {
				t.Errorf("header = %q", header)
			}
			if info.RowsRead != tt.rows || info.Files[0].Rows != tt.rows {
				t.Errorf("rows = %d (file %d), want %d", info.RowsRead, info.Files[0].Rows, tt.rows)
			}
			if lastLine != tt.lastLine {
				t.Errorf("last row on line %d, want %d", lastLine, tt.lastLine)
			}
			if f := info.Files[0]; f.Generated != tt.generated || !f.GeneratedDate.Equal(tt.date) || info.Generated() != tt.generated {
				t.Errorf("generated = %q %v, want %q", f.Generated, f.GeneratedDate, tt.generated)
			}
			for year, want := range tt.russiaChina {
				if got := rc.byYear[year]; got.Sub(exact.FromFloat(want)).Abs().Cmp(exact.Dec(5, 2)) > 0 {
					t.Errorf("Russia->China %d = %s, want %.1f", year, got, want)
				}
			}
			if got := ru.sum(2015, 2019).Text(0); got != strconv.FormatFloat(tt.russia2015to19, 'f', 0, 64) {
				t.Errorf("Russia exports 2015-2019 = %s, want %.0f", got, tt.russia2015to19)
			}
			if got := ru.sum(2020, 2024).Text(0); got != strconv.FormatFloat(tt.russia2020to24, 'f', 0, 64) {
				t.Errorf("Russia exports 2020-2024 = %s, want %.0f", got, tt.russia2020to24)
			}
		})
	}
}

// add adds the TIV delivery value of r if it matches.
func (t *registerTotals) add(r Row) error {
	if (t.supplier != "" && r.Get(1) != t.supplier) || (t.recipient != "" && r.Get(2) != t.recipient) {
		return nil
	}
	year, err := strconv.Atoi(r.Get(10))
	if err != nil {
		return r.Err(10, "not a year: %q", r.Get(10))
	}
	v, empty, err := r.Number(15)
	if err != nil || empty {
		return err
	}
	if t.byYear == nil {
		t.byYear = map[int]exact.Number{}
	}
	t.byYear[year] = t.byYear[year].Add(v)
	return nil
}

// sum returns the total over the years from..to.
func (t *registerTotals) sum(from, to int) exact.Number {
	var s exact.Number
	for y := from; y <= to; y++ {
		s = s.Add(t.byYear[y])
	}
	return s
}

// TestScan_SIPRIRegister_MatchesReferenceSums compares every yearly sum of
// the 2026 register with the reference table derived from it.
func TestScan_SIPRIRegister_MatchesReferenceSums(t *testing.T) {
	series := map[string]*registerTotals{
		"russia_to_china":          {supplier: "Russia", recipient: "China"},
		"russia_to_india":          {supplier: "Russia", recipient: "India"},
		"russia_total_exports":     {supplier: "Russia"},
		"china_total_imports":      {recipient: "China"},
		"china_to_russia":          {supplier: "China", recipient: "Russia"},
		"india_total_imports":      {recipient: "India"},
		"india_from_france":        {supplier: "France", recipient: "India"},
		"india_from_united_states": {supplier: "United States", recipient: "India"},
		"india_from_israel":        {supplier: "Israel", recipient: "India"},
	}
	_, err := Scan(Spec{Path: register2026, Format: FormatSIPRIRegister}, nil, func(r Row) error {
		for _, s := range series {
			if err := s.add(r); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	ref := MustScan(t, Spec{Path: registerSums})
	if len(ref.Rows) != 30 {
		t.Fatalf("reference has %d years, want 30 (1995-2024)", len(ref.Rows))
	}
	h := &Header{Columns: ref.Headers[0]}
	for name, s := range series {
		col, ok := h.Index(name)
		if !ok {
			t.Fatalf("reference has no column %q", name)
		}
		for _, r := range ref.Rows {
			year, _ := strconv.Atoi(r.Fields[0])
			// The reference was rounded to one place from float sums (half
			// to even, or below a true .x5): the exact sum is within 0.05.
			want, err := exact.Parse(r.Fields[col])
			if err != nil {
				t.Fatal(err)
			}
			if got := s.byYear[year]; got.Sub(want).Abs().Cmp(exact.Dec(5, 2)) > 0 {
				t.Errorf("%s %d = %s, want %s", name, year, got, want)
			}
		}
	}
}

func TestScan_SIPRIRegister_HandMade(t *testing.T) {
	regCols := []string{"SIPRI AT Database ID", "Supplier", "Recipient", "Designation", "TIV delivery values", "Local production"}
	tests := []struct {
		name   string
		header []string
		rows   []gotRow
		gen    string
		err    *wantError
	}{
		{name: "sipri-register-quoted", header: regCols, gen: "5 Mar 2024", rows: []gotRow{
			{Line: 7, Fields: []string{"1", "Russia", "China", "Su-35, Flanker-E", "100.5", "No"}},
			{Line: 8, Fields: []string{"2", "Russia", "India", "S-400", "200", "Yes"}},
			{Line: 10, Fields: []string{"3", "France", "India", "Rafale", "", "No"}},
		}},
		{name: "sipri-register-semicolon", gen: "12 Feb 2026",
			header: []string{"SIPRI AT Database ID", "Supplier", "Recipient", "TIV delivery values", "Local production"},
			rows:   []gotRow{{Line: 4, Fields: []string{"1", "Russia", "China", "1,5", "No"}}}},
		{name: "sipri-register-no-header", err: &wantError{Msg: `not a SIPRI register: no line starting with "SIPRI AT Database ID"`}},
		{name: "sipri-register-ragged", err: &wantError{Line: 4, Column: 4, Msg: "expected 3 fields, found 4"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spec := Spec{Name: tt.name, Path: testdataFile(tt.name, "data.csv"), Format: FormatSIPRIRegister}
			if tt.err != nil {
				_, err := scanAll(spec)
				checkError(t, err, spec.Path, tt.err)
				return
			}
			got := MustScan(t, spec)
			if !reflect.DeepEqual(got.Headers, [][]string{tt.header}) {
				t.Errorf("headers = %q, want %q", got.Headers, tt.header)
			}
			for i := range tt.rows {
				tt.rows[i].File = spec.Path
			}
			if !reflect.DeepEqual(got.Rows, tt.rows) {
				t.Errorf("rows = %+v\nwant %+v", got.Rows, tt.rows)
			}
			if g := got.Info.Generated(); g != tt.gen {
				t.Errorf("Generated() = %q, want %q", g, tt.gen)
			}
		})
	}
}

func TestScan_SIPRITIVTables(t *testing.T) {
	got := MustScan(t, Spec{Name: "tiv", Path: tivTables, Format: FormatSIPRITIVTable})
	if n := len(got.Info.Files); n != 134 {
		t.Fatalf("%d files, want 134", n)
	}
	if len(got.Headers) != 134 || !reflect.DeepEqual(got.Headers[0], tivColumns) {
		t.Errorf("%d headers, first %q; want 134 of %q", len(got.Headers), got.Headers[0], tivColumns)
	}
	// 22,225 non-empty cells outside the Total row and column, counted with
	// Python's csv module.
	if got.Info.RowsRead != 22225 || len(got.Rows) != 22225 {
		t.Errorf("rows = %d (%d emitted), want 22225", got.Info.RowsRead, len(got.Rows))
	}
	if g := got.Info.Generated(); g != "28 Jul 2022" {
		t.Errorf("Generated() = %q, want 28 Jul 2022", g)
	}
	for i, f := range got.Info.Files {
		if f.Generated != "28 Jul 2022" || f.SHA256 == "" || (i > 0 && f.Path <= got.Info.Files[i-1].Path) {
			t.Errorf("file %d = %+v", i, f)
		}
	}
	want := map[string]gotRow{
		"2018": {Line: 30, Fields: []string{"Russia", "China", "2018", "1767"}},
		"2021": {Line: 30, Fields: []string{"Russia", "China", "2021", "773"}},
	}
	suppliers := map[string]bool{}
	for _, r := range got.Rows {
		suppliers[r.Fields[0]] = true
		if r.Fields[1] == "Total" || r.Fields[2] == "Total" {
			t.Errorf("%s:%d: Total row or column emitted: %q", r.File, r.Line, r.Fields)
		}
		if r.Fields[3] == "" {
			t.Errorf("%s:%d: empty cell emitted: %q", r.File, r.Line, r.Fields)
		}
		if r.Fields[0] == "Russia" && r.Fields[1] == "China" {
			if w, ok := want[r.Fields[2]]; ok {
				if !strings.HasSuffix(r.File, "TIV-Export-RUS-1950-2021.csv") || r.Line != w.Line || !reflect.DeepEqual(r.Fields, w.Fields) {
					t.Errorf("Russia->China %s = %+v, want %+v", r.Fields[2], r, w)
				}
				delete(want, r.Fields[2])
			}
		}
	}
	if len(want) > 0 {
		t.Errorf("missing rows %v", want)
	}
	for _, s := range []string{"Russia", "Soviet Union", "European Union**", "FMLN (El Salvador)*", "Unknown supplier(s)"} {
		if !suppliers[s] {
			t.Errorf("no rows from supplier %q", s)
		}
	}
	if len(suppliers) != 134 {
		t.Errorf("%d suppliers, want 134", len(suppliers))
	}
}

func TestScan_SIPRITIVTable_HandMade(t *testing.T) {
	tests := []struct {
		name string
		rows []gotRow
		gen  string
		err  *wantError
	}{
		{name: "sipri-tiv-imports", gen: "1 Feb 2023", rows: []gotRow{
			{Line: 8, Fields: []string{"Russia", "China", "2019", "1000"}},
			{Line: 8, Fields: []string{"Russia", "China", "2021", "773"}},
			{Line: 9, Fields: []string{"Ukraine", "China", "2019", "0"}},
			{Line: 9, Fields: []string{"Ukraine", "China", "2020", "5"}},
		}},
		{name: "sipri-tiv-bad-title", err: &wantError{Line: 1, Msg: "not a SIPRI TIV table: expected a title"}},
		{name: "sipri-tiv-no-header", err: &wantError{Msg: "not a SIPRI TIV table: no header row"}},
		{name: "sipri-tiv-extra-value", err: &wantError{Line: 5, Column: 5, Msg: "expected 4 fields, found 5"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spec := Spec{Name: tt.name, Path: testdataFile(tt.name, "data.csv"), Format: FormatSIPRITIVTable}
			if tt.err != nil {
				_, err := scanAll(spec)
				checkError(t, err, spec.Path, tt.err)
				return
			}
			got := MustScan(t, spec)
			for i := range tt.rows {
				tt.rows[i].File = spec.Path
			}
			if !reflect.DeepEqual(got.Rows, tt.rows) {
				t.Errorf("rows = %+v\nwant %+v", got.Rows, tt.rows)
			}
			if g := got.Info.Generated(); g != tt.gen {
				t.Errorf("Generated() = %q, want %q", g, tt.gen)
			}
		})
	}
}

func ExampleScan() {
	byYear := map[string]exact.Number{}
	var year, tiv int
	info, err := Scan(Spec{Name: "tiv", Path: "../../testdata/sipri/tiv-tables-2022/TIV-Export-RUS-1950-2021.csv", Format: FormatSIPRITIVTable},
		func(h *Header) error {
			year, _ = h.Index("year")
			tiv, _ = h.Index("TIV")
			return nil
		},
		func(r Row) error {
			if r.Get(1) != "China" {
				return nil
			}
			v, _, err := r.Number(tiv)
			byYear[r.Get(year)] = byYear[r.Get(year)].Add(v)
			return err
		})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(info.Generated(), byYear["2018"], byYear["2021"])
	// Output: 28 Jul 2022 1767 773
}

// TestScan_CSV_ReadsTheRegisterWithSkip reads the 2026 register as a plain
// CSV file after its 11 note lines: the trailing ';' on every line is
// stripped there too, and the "Data generated" note is picked up.
func TestScan_CSV_ReadsTheRegisterWithSkip(t *testing.T) {
	var header []string
	info, err := Scan(Spec{Path: register2026, Skip: 11},
		func(h *Header) error { header = h.Columns; return nil },
		func(r Row) error {
			if lp := r.Get(16); lp != "Yes" && lp != "No" {
				return r.Err(16, "Local production = %q", lp)
			}
			return nil
		})
	if err != nil {
		t.Fatal(err)
	}
	if info.RowsRead != 25024 || info.Generated() != "12 Feb 2026" || len(header) != 17 || header[16] != "Local production" {
		t.Errorf("rows = %d, generated = %q, header = %q", info.RowsRead, info.Generated(), header)
	}
}
