package dataset

import (
	"reflect"
	"testing"
)

func TestScan_CSV(t *testing.T) {
	cols := []string{"country", "year", "value"}
	tests := []struct {
		name    string // testdata directory
		file    string // default data.csv
		spec    Spec   // Path is filled in
		header  []string
		rows    []gotRow // File is filled in
		numbers []float64
		gen     string
		err     *wantError
	}{
		{name: "csv-comma", header: cols, rows: []gotRow{
			{Line: 2, Fields: []string{"China", "2023", "1.5"}},
			{Line: 3, Fields: []string{"Russia", "2024", "1,234.5"}},
		}, numbers: []float64{1.5, 1234.5}},
		{name: "csv-semicolon", header: cols, rows: []gotRow{
			{Line: 2, Fields: []string{"China", "2023", "1.5"}},
			{Line: 3, Fields: []string{"Korea; South", "2024", "7"}},
		}, numbers: []float64{1.5, 7}},
		{name: "csv-tab", file: "data.tsv", header: cols, rows: []gotRow{
			{Line: 2, Fields: []string{"China", "2023", "1.5"}},
			{Line: 3, Fields: []string{"Russia, Federation", "2024", "2"}},
		}, numbers: []float64{1.5, 2}},
		{name: "csv-bom", header: cols, rows: []gotRow{
			{Line: 2, Fields: []string{"China", "2023", "1.5"}},
		}},
		{name: "csv-crlf", header: cols, rows: []gotRow{
			{Line: 2, Fields: []string{"China", "2023", "1.5"}},
			{Line: 3, Fields: []string{"Russia", "2024", "2"}},
		}},
		{name: "csv-quoted-newline", header: []string{"name", "notes", "value"}, rows: []gotRow{
			{Line: 2, Fields: []string{"Vostok", "joint exercise\nwith China, \"large\"", "3"}},
			{Line: 4, Fields: []string{"North", "plain", "4"}},
		}},
		{name: "csv-skip", spec: Spec{Skip: 2}, header: cols, rows: []gotRow{
			{Line: 5, Fields: []string{"China", "2023", "1.5"}},
		}, gen: "3 Mar 2025"},
		{name: "csv-decimal-comma", spec: Spec{Decimal: ","}, header: []string{"land", "jahr", "wert"}, rows: []gotRow{
			{Line: 2, Fields: []string{"China", "2023", "1.234,5"}},
			{Line: 3, Fields: []string{"Russland", "2024", "0,5"}},
		}, numbers: []float64{1234.5, 0.5}},
		{name: "csv-trailing-separators", spec: Spec{Decimal: ","}, header: cols, rows: []gotRow{
			{Line: 2, Fields: []string{"China", "2023", "1,5"}},
			{Line: 3, Fields: []string{"Russia", "2024", "2"}},
		}, numbers: []float64{1.5, 2}},
		{name: "csv-crlf-trailing-semicolon", header: cols, rows: []gotRow{
			{Line: 2, Fields: []string{"China", "2023", "1.5"}},
			{Line: 3, Fields: []string{"Russia", "2024", "2"}},
			{Line: 4, Fields: []string{"India", "2024", ""}},
		}},
		{name: "csv-semicolon-trailing", header: cols, rows: []gotRow{
			{Line: 2, Fields: []string{"China", "2023", "1.5"}},
		}},
		{name: "csv-ragged-short", header: cols, rows: []gotRow{
			{Line: 2, Fields: []string{"China", "2023", ""}},
			{Line: 3, Fields: []string{"Russia", "", ""}},
		}},
		{name: "csv-blank-lines", header: cols, rows: []gotRow{
			{Line: 3, Fields: []string{"China", "2023", "1.5"}},
			{Line: 6, Fields: []string{"Russia", "2024", "2"}},
		}},
		{name: "csv-ragged-long", err: &wantError{Line: 3, Column: 4, Msg: "expected 3 fields, found 4"}},
		{name: "csv-nul-bytes", err: &wantError{Line: 3, Msg: "NUL byte at character 4"}},
		{name: "csv-invalid-utf8", err: &wantError{Line: 3, Msg: "invalid UTF-8 (byte 0xf4 at character 2)"}},
		{name: "csv-cr-only", err: &wantError{Line: 1, Msg: "old Mac line endings"}},
		{name: "csv-utf16", err: &wantError{Line: 1, Msg: "UTF-16"}},
		{name: "csv-empty", err: &wantError{Line: 1, Msg: "empty file, expected a header row"}},
		{name: "csv-only-blank", err: &wantError{Line: 1, Msg: "empty file, expected a header row"}},
		{name: "csv-skip-past-end", spec: Spec{Skip: 5}, err: &wantError{Line: 2, Msg: "expected a header row after 5 preamble lines"}},
		{name: "csv-unbalanced-quote", err: &wantError{Line: 3, Msg: "unbalanced quote"}},
		{name: "csv-bare-quote", err: &wantError{Line: 3, Msg: `bare " in an unquoted field at character 2`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := tt.file
			if file == "" {
				file = "data.csv"
			}
			spec := tt.spec
			spec.Name, spec.Path = tt.name, testdataFile(tt.name, file)
			if tt.err != nil {
				_, err := scanAll(spec)
				checkError(t, err, spec.Path, tt.err)
				return
			}
			got := MustScan(t, spec)
			if want := [][]string{tt.header}; !reflect.DeepEqual(got.Headers, want) {
				t.Errorf("headers = %q, want %q", got.Headers, want)
			}
			for i := range tt.rows {
				tt.rows[i].File = spec.Path
			}
			if !reflect.DeepEqual(got.Rows, tt.rows) {
				t.Errorf("rows = %+v\nwant %+v", got.Rows, tt.rows)
			}
			if got.Info.RowsRead != len(tt.rows) || len(got.Info.Files) != 1 || got.Info.Files[0].Rows != len(tt.rows) {
				t.Errorf("info = %+v, want %d rows in 1 file", got.Info, len(tt.rows))
			}
			if g := got.Info.Generated(); g != tt.gen {
				t.Errorf("Generated() = %q, want %q", g, tt.gen)
			}
			if tt.numbers != nil {
				checkNumbers(t, spec, 2, tt.numbers)
			}
		})
	}
}

// checkNumbers scans spec and compares Number(col) of every row to want.
func checkNumbers(t *testing.T, spec Spec, col int, want []float64) {
	t.Helper()
	var got []float64
	_, err := Scan(spec, nil, func(r Row) error {
		v, empty, err := r.Number(col)
		if err != nil {
			return err
		}
		if empty {
			t.Errorf("line %d: Number(%d) empty", r.Line, col)
		}
		got = append(got, v.Float64())
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("numbers = %v, want %v", got, want)
	}
}
