package dataset

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// report reads workbooks itself; excelize, a general spreadsheet library,
// is the reference it is checked against here (a test dependency only).
// readByExcelize reads every row of a sheet as report read them through
// excelize up to December 2026: each style's number format replaced by an
// ISO date, a time of day or none, the rows from excelize's iterator.
func readByExcelize(t *testing.T, path, sheet string) [][]string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	iso, clock := "[$-409]yyyy-mm-dd", "[$-409]hh:mm:ss"
	isoStyle, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &iso})
	clockStyle, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &clock})
	xfs := f.Styles.CellXfs.Xf
	isoID, clockID := *xfs[isoStyle].NumFmtID, *xfs[clockStyle].NumFmtID
	for i := range xfs {
		if i == isoStyle || i == clockStyle {
			continue
		}
		st, err := f.GetStyle(i)
		if err != nil {
			t.Fatal(err)
		}
		kind := byte(0)
		if st.CustomNumFmt != nil {
			kind = codeKind(*st.CustomNumFmt)
		} else {
			kind = formatKind(st.NumFmt, nil)
		}
		id := 1 << 20 // no format: the value as it is
		switch kind {
		case 'd':
			id = isoID
		case 't':
			id = clockID
		}
		xfs[i].NumFmtID = &id
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var all [][]string
	for rows.Next() {
		cells, err := rows.Columns()
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, cells)
	}
	return all
}

// readByReport reads every row of a sheet with report's own reader.
func readByReport(t *testing.T, path, sheet string) [][]string {
	t.Helper()
	wb, err := openWorkbook(path)
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	r, err := wb.openSheet(path, sheet)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var all [][]string
	for {
		cells, err := r.row()
		if err == io.EOF {
			return all
		}
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, cells)
	}
}

func sameRows(t *testing.T, name string, got, want [][]string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: %d rows, excelize %d", name, len(got), len(want))
	}
	for i := range min(len(got), len(want)) {
		if !slices.Equal(got[i], want[i]) {
			t.Errorf("%s: row %d: %q, excelize %q", name, i+1, got[i], want[i])
		}
	}
}

// The workbooks LibreOffice saved from the real data read cell for cell
// as excelize reads them.
func TestWorkbook_ReadsAsExcelizeSavedByLibreOffice(t *testing.T) {
	books, _ := filepath.Glob(filepath.Join(xlsxDir, "*.xlsx"))
	if len(books) < 4 {
		t.Fatalf("workbooks %v", books)
	}
	for _, path := range books {
		wb, err := openWorkbook(path)
		if err != nil {
			t.Fatal(err)
		}
		sheets := wb.sheetNames()
		wb.Close()
		for _, sheet := range sheets {
			sameRows(t, filepath.Base(path)+"/"+sheet, readByReport(t, path, sheet), readByExcelize(t, path, sheet))
		}
	}
}

// Workbooks written by excelize with random cells (text and rich text,
// numbers, booleans, dates and times in built-in and custom formats,
// percentages, rows and cells left out) read cell for cell as excelize
// reads them, in both date systems. The numbers are those excelize prints
// without an exponent, and serial numbers of a date or time style are
// Excel's days from 1900-03-01 to 9999-12-31, or negative: on the others
// report reads differently (TestPlainNumber, TestSerialDate).
func TestWorkbook_ReadsAsExcelizeRandomCells(t *testing.T) {
	for seed := range uint64(12) {
		rng := rand.New(rand.NewPCG(seed, 2026))
		path := filepath.Join(t.TempDir(), fmt.Sprintf("random-%d.xlsx", seed))
		f := excelize.NewFile()
		if seed%3 == 1 {
			yes := true
			if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &yes}); err != nil {
				t.Fatal(err)
			}
		}
		// even seeds: no style of a date or time, numbers of any size
		// excelize prints without an exponent
		dated := seed%2 == 1
		var styles []int
		for _, nf := range []int{0, 1, 2, 4, 10, 49, 14, 15, 20, 22, 45} {
			if !dated && (builtinDates[nf] || builtinTimes[nf]) {
				continue
			}
			st, _ := f.NewStyle(&excelize.Style{NumFmt: nf})
			styles = append(styles, st)
		}
		for _, code := range []string{"0.000", `"Q"0`, "#,##0.00;[Red]-#,##0.00", "dd/mm/yyyy", "[$-413]d mmmm yyyy", "h:mm AM/PM", "yyyy-mm-dd hh:mm", "mmm-yy", "[h]:mm:ss"} {
			if !dated && codeKind(code) != 0 {
				continue
			}
			st, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &code})
			styles = append(styles, st)
		}
		for row := 1; row <= 60; row++ {
			if rng.IntN(8) == 0 {
				continue // a row left out
			}
			for col := 1; col <= 8; col++ {
				if rng.IntN(4) == 0 {
					continue // a cell left out
				}
				cell, _ := excelize.CoordinatesToCellName(col, row)
				if err := setRandom(f, cell, rng, dated); err != nil {
					t.Fatal(err)
				}
				if rng.IntN(2) == 0 {
					f.SetCellStyle("Sheet1", cell, cell, styles[rng.IntN(len(styles))])
				}
			}
		}
		if err := f.SaveAs(path); err != nil {
			t.Fatal(err)
		}
		sameRows(t, filepath.Base(path), readByReport(t, path, "Sheet1"), readByExcelize(t, path, "Sheet1"))
	}
}

// setRandom gives a cell of Sheet1 a random value: a number from 62 to
// Excel's last day (or negative) where the cell's style may be of a date
// or time.
func setRandom(f *excelize.File, cell string, rng *rand.Rand, dated bool) error {
	from := 0.0
	if dated {
		from = 62
	}
	words := []string{"Joint Sea", "Vostok-2022", "  padded  ", "Россия", "中国", "a_b", "line\nbreak", "12,5", "2024-01-02", "#N/A", "x & y <z>"}
	switch rng.IntN(9) {
	case 0:
		return f.SetCellValue("Sheet1", cell, words[rng.IntN(len(words))])
	case 1:
		return f.SetCellValue("Sheet1", cell, int(from)+rng.IntN(maxSerial-int(from)))
	case 2:
		if !dated { // 1 to 15 significant digits, from 0.0001 to 10¹⁴
			digits := 1 + rng.IntN(15)
			v := float64(rng.Int64N(int64(math.Pow10(digits)))) * math.Pow10(rng.IntN(14)-4-digits+1)
			if v < 1e-4 {
				v += 1
			}
			return f.SetCellValue("Sheet1", cell, v)
		}
		digits := 1 + rng.IntN(9)
		v := float64(rng.Int64N(int64(math.Pow10(digits)))) * math.Pow10(rng.IntN(6)-3)
		return f.SetCellValue("Sheet1", cell, min(62+v, maxSerial))
	case 3:
		return f.SetCellValue("Sheet1", cell, rng.IntN(2) == 0)
	case 4: // a day from 1900-03-01 to 2099, at a whole second
		day := time.Date(1900, 3, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, rng.IntN(73000))
		return f.SetCellValue("Sheet1", cell, day.Add(time.Duration(rng.IntN(86400))*time.Second))
	case 5: // a time of day, of a day from 1900-03-01
		return f.SetCellValue("Sheet1", cell, from+float64(rng.IntN(50000))+float64(rng.IntN(86400))/86400)
	case 6:
		return f.SetCellRichText("Sheet1", cell, []excelize.RichTextRun{{Text: "bold "}, {Text: words[rng.IntN(len(words))]}})
	case 7:
		return f.SetCellDefault("Sheet1", cell, fmt.Sprint(from+rng.Float64()*1000))
	default:
		return f.SetCellValue("Sheet1", cell, -rng.Float64()*1e6)
	}
}

// Numbers read as Excel holds them: 15 significant digits, no exponent.
func TestPlainNumber(t *testing.T) {
	for in, want := range map[string]string{
		"0.30000000000000004": "0.3", "1E+20": "100000000000000000000", "123456789012345678": "123456789012346000",
		"-0": "0", "1.5E-7": "0.00000015", "12143": "12143", "-2.5": "-2.5", "6.02214076E+23": "602214076000000000000000",
		" 7 ": "7", "abc": "abc", "NaN": "NaN",
	} {
		if got := numberText(in, 0, false); got != want {
			t.Errorf("numberText(%q) = %q, want %q", in, got, want)
		}
	}
}

// Serial numbers read as the days Excel shows, to the nearest second:
// 1900-02-29 and 1900-01-00 as Excel shows them.
func TestSerialDate(t *testing.T) {
	for _, tc := range []struct {
		serial   float64
		date1904 bool
		want     string
	}{
		{0, false, "1900-01-00"}, {1, false, "1900-01-01"}, {32, false, "1900-02-01"}, {59, false, "1900-02-28"}, {60, false, "1900-02-29"},
		{61, false, "1900-03-01"}, {45000, false, "2023-03-15"}, {45000.999995, false, "2023-03-16"},
		{45000.999994, false, "2023-03-15"}, {2958465, false, "9999-12-31"}, {0, true, "1904-01-01"}, {1, true, "1904-01-02"},
		{43538, true, "2023-03-15"},
	} {
		got, ok := serialDate(tc.serial, tc.date1904)
		if !ok || got != tc.want {
			t.Errorf("serialDate(%v, %v) = %q, %v; want %q", tc.serial, tc.date1904, got, ok, tc.want)
		}
	}
	for _, bad := range []float64{-1, 2958466} {
		if got, ok := serialDate(bad, false); ok {
			t.Errorf("serialDate(%v) = %q, want no date", bad, got)
		}
	}
	if got := numberText("-1", 'd', false); got != "-1" {
		t.Errorf("a negative serial of a date style reads %q, want the number", got)
	}
	if got, _ := serialClock(0.999996); got != "00:00:00" {
		t.Errorf("serialClock(0.999996) = %q", got)
	}
}

func TestUnescapeXLSX(t *testing.T) {
	for in, want := range map[string]string{
		"a_x000D_b": "a\rb", "_x005F_x000D_": "_x000D_", "_x00": "_x00", "_xZZZZ_": "_xZZZZ_", "plain": "plain", "_x0041__x0042_": "AB",
	} {
		if got := unescapeXLSX(in); got != want {
			t.Errorf("unescapeXLSX(%q) = %q, want %q", in, got, want)
		}
	}
}

// A workbook whose XML is broken, out of order or points nowhere is an
// error naming the file, the sheet and the row or cell.
func TestWorkbook_BrokenSheets(t *testing.T) {
	book := writeBook(t, func(f *excelize.File) {
		set(t, f, "Sheet1", "A1", "a")
		set(t, f, "Sheet1", "B1", "b")
		set(t, f, "Sheet1", "A2", 1)
		set(t, f, "Sheet1", "B2", 2)
	})
	for _, tc := range []struct{ name, old, new, msg string }{
		{"SharedStringMissing", `<c r="A1" t="s"><v>0</v>`, `<c r="A1" t="s"><v>99</v>`, `sheet "Sheet1", cell A1: shared string "99": the workbook's table has 2 strings`},
		{"RowsOutOfOrder", `<row r="2"`, `<row r="1"`, `sheet "Sheet1", row 1: found after row 1: the sheet's rows are out of order`},
		{"CellsOutOfOrder", `<c r="B2"`, `<c r="A2"`, `sheet "Sheet1", cell A2: found after cell A2: the row's cells are out of order`},
		{"BadReference", `<c r="B2"`, `<c r="2B"`, `sheet "Sheet1", row 2: a cell reference "2B": expected a column's letters and the row's number`},
		{"TruncatedXML", `<c r="B2"><v>2</v></c></row>`, `<c r="B2"><v>2`, `sheet "Sheet1": the sheet's XML cannot be read after row 1`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "book.xlsx")
			data, err := os.ReadFile(book)
			if err != nil {
				t.Fatal(err)
			}
			os.WriteFile(path, data, 0o644)
			withValue(t, path, tc.old, tc.new)
			if tc.name == "TruncatedXML" {
				withValue(t, path, `</sheetData>`, ``)
			}
			_, err = scanAll(Spec{Path: path})
			if err == nil || !strings.Contains(err.Error(), "book.xlsx: "+tc.msg) {
				t.Errorf("error %v, want %q", err, tc.msg)
			}
		})
	}
}

// FuzzScanXLSX reads a workbook whose sheet, shared strings and styles
// are arbitrary bytes: it must not panic, every error must be an *Error
// naming the file, and every row must have the header's width and a sheet
// row after the previous row's.
func FuzzScanXLSX(f *testing.F) {
	f.Add([]byte(`<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>b</t></is></c></row>`+
		`<row r="3"><c r="A3" s="1"><v>45000.5</v></c><c t="b"><v>1</v></c><c r="D3"><f>A3</f><v>2</v></c></row></sheetData></worksheet>`),
		[]byte(`<sst uniqueCount="1"><si><r><t>a_x000D_</t></r><rPh><t>x</t></rPh></si></sst>`),
		[]byte(`<styleSheet><numFmts><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts><cellXfs><xf/><xf numFmtId="164"/></cellXfs></styleSheet>`))
	f.Add([]byte(`<x:worksheet><x:sheetData><x:row><x:c><x:v>1</x:v></x:c><x:c><x:v>2</x:v></x:c></x:row><x:row r="9"><x:c r="XFD9"><x:v>1E+308</x:v></x:c></x:row></x:sheetData></x:worksheet>`),
		[]byte(`<sst uniqueCount="99999999999"/>`), []byte(`<styleSheet><cellXfs><xf numFmtId="14"/></cellXfs></styleSheet>`))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, sheet, sst, styles []byte) {
		path := filepath.Join(dir, "fuzz.xlsx")
		writeParts(t, path, map[string][]byte{
			"[Content_Types].xml": []byte(`<Types/>`),
			"_rels/.rels":         []byte(`<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
			"xl/workbook.xml":     []byte(`<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`),
			"xl/_rels/workbook.xml.rels": []byte(`<Relationships>` +
				`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
				`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>` +
				`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="/xl/styles.xml"/></Relationships>`),
			"xl/worksheets/sheet1.xml": sheet,
			"xl/sharedStrings.xml":     sst,
			"xl/styles.xml":            styles,
		})
		var header *Header
		last := 0
		_, err := Scan(Spec{Path: path},
			func(h *Header) error { header = h; return nil },
			func(r Row) error {
				if r.Header != header || r.Len() != len(header.Columns) {
					t.Errorf("row %q does not fit header %q", r.Values(), header.Columns)
				}
				if r.Line <= last {
					t.Errorf("row on sheet row %d after row %d", r.Line, last)
				}
				last = r.Line
				return nil
			})
		var e *Error
		if err != nil && (!errors.As(err, &e) || e.File != path) {
			t.Errorf("error %#v (%v) does not name the file", err, err)
		}
	})
}

// writeParts writes a zip of the named parts to path.
func writeParts(t *testing.T, path string, parts map[string][]byte) {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range slices.Sorted(maps.Keys(parts)) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(parts[name])
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
}

// A chart sheet is not a table: the first worksheet is read when no sheet
// is named, and naming the chart sheet names the worksheets there are.
func TestWorkbook_ChartSheetsAreNotTables(t *testing.T) {
	path := filepath.Join(t.TempDir(), "charts.xlsx")
	writeParts(t, path, map[string][]byte{
		"_rels/.rels": []byte(`<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
		"xl/workbook.xml": []byte(`<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>` +
			`<sheet name="Chart1" sheetId="1" r:id="rId1"/><sheet name="Data" sheetId="2" r:id="rId2"/></sheets></workbook>`),
		"xl/_rels/workbook.xml.rels": []byte(`<Relationships>` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/>` +
			`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
		"xl/chartsheets/sheet1.xml": []byte(`<chartsheet/>`),
		"xl/worksheets/sheet1.xml": []byte(`<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>year</t></is></c><c r="B1" t="inlineStr"><is><t>n</t></is></c></row>` +
			`<row r="2"><c r="A2"><v>2024</v></c><c r="B2"><v>3</v></c></row></sheetData></worksheet>`),
	})
	got := MustScan(t, Spec{Path: path})
	if len(got.Rows) != 1 || strings.Join(got.Rows[0].Fields, "|") != "2024|3" {
		t.Errorf("rows %v", got.Rows)
	}
	_, err := scanAll(Spec{Path: path, Sheet: "Chart1"})
	if err == nil || !strings.Contains(err.Error(), `no sheet "Chart1" (the workbook has "Data")`) {
		t.Errorf("chart sheet named: %v", err)
	}
}

// A number written plainly is read as written, and that is what
// plainNumber prints for it; anything else takes the long way.
func TestPlainDecimal(t *testing.T) {
	for _, v := range []string{"0", "7", "-7", "2024", "12.5", "-0.05", "0.000123", "123456789012345", "99999.9999999999",
		"-0", "0.0", "1.50", "01", "1e5", "1E+20", "+1", ".5", "5.", "1234567890123456", "0.1234567890123456", "", "-", "1.2.3", " 7", "NaN"} {
		fast := plainDecimal([]byte(v))
		slow := numberText(v, 0, false)
		if fast && slow != v {
			t.Errorf("%q taken as plain, but plainNumber prints %q", v, slow)
		}
	}
	for _, v := range []string{"0", "2024", "-12.5", "0.05", "123456789012345"} {
		if !plainDecimal([]byte(v)) {
			t.Errorf("%q not taken as plain", v)
		}
	}
}

// FuzzPlainDecimal: whatever plainDecimal takes as plain, plainNumber
// prints the same.
func FuzzPlainDecimal(f *testing.F) {
	for _, v := range []string{"0", "-12.5", "0.000123", "123456789012345", "1.50"} {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, v string) {
		if plainDecimal([]byte(v)) {
			if slow := numberText(v, 0, false); slow != v {
				t.Errorf("%q taken as plain, but plainNumber prints %q", v, slow)
			}
		}
	})
}

// A workbook in the strict schema of Office Open XML (Excel's "Strict Open
// XML Spreadsheet"): other namespaces and relationship types, ISO dates in
// cells of type d, the same rows.
func TestWorkbook_StrictOpenXML(t *testing.T) {
	path := filepath.Join(t.TempDir(), "strict.xlsx")
	writeParts(t, path, map[string][]byte{
		"_rels/.rels": []byte(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
		"xl/workbook.xml": []byte(`<workbook xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main" xmlns:r="http://purl.oclc.org/ooxml/officeDocument/relationships">` +
			`<workbookPr dateCompatibility="false"/><sheets><sheet name="Log" sheetId="1" r:id="rId1"/></sheets></workbook>`),
		"xl/_rels/workbook.xml.rels": []byte(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/>` +
			`<Relationship Id="rId2" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/sharedStrings" Target="sharedStrings.xml"/>` +
			`<Relationship Id="rId3" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/styles" Target="styles.xml"/></Relationships>`),
		"xl/sharedStrings.xml": []byte(`<sst xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main" count="3" uniqueCount="3"><si><t>name</t></si><si><t>start</t></si><si><t>Joint Sea</t></si></sst>`),
		"xl/styles.xml":        []byte(`<styleSheet xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>`),
		"xl/worksheets/sheet1.xml": []byte(`<worksheet xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"><sheetData>` +
			`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>` +
			`<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" s="1" t="d"><v>2025-07-15T00:00:00</v></c></row></sheetData></worksheet>`),
	})
	got := MustScan(t, Spec{Path: path})
	if strings.Join(got.Headers[0], "|") != "name|start" || len(got.Rows) != 1 || strings.Join(got.Rows[0].Fields, "|") != "Joint Sea|2025-07-15" {
		t.Errorf("header %q, rows %v", got.Headers[0], got.Rows)
	}
}
