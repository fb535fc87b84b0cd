package dataset

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

var xlsxDir = filepath.Join("..", "..", "testdata", "xlsx")

// The workbooks LibreOffice saved from the real CSVs read as the CSVs do:
// the same header, the same rows, field by field (dates as ISO dates,
// years and counts as numbers, empty cells empty).
func TestScanXLSX_SameRowsAsTheCSV(t *testing.T) {
	for _, tc := range []struct{ xlsx, csv, format string }{
		{"exercises.xlsx", filepath.Join("..", "..", "testdata", "russia-china", "data", "exercises.csv"), ""},
		{"agreements.xlsx", filepath.Join("..", "..", "testdata", "russia-china", "data", "agreements.csv"), ""},
		{"balikatan.xlsx", filepath.Join("..", "..", "testdata", "russia-china", "data", "balikatan.csv"), FormatXLSX},
		{"TIV-Export-RUS-1950-2021.xlsx", filepath.Join("..", "..", "testdata", "sipri", "tiv-tables-2022", "TIV-Export-RUS-1950-2021.csv"), FormatSIPRITIVTable},
	} {
		t.Run(tc.xlsx, func(t *testing.T) {
			csvFormat := tc.format
			if csvFormat == FormatXLSX {
				csvFormat = ""
			}
			want := MustScan(t, Spec{Path: tc.csv, Format: csvFormat})
			got := MustScan(t, Spec{Path: filepath.Join(xlsxDir, tc.xlsx), Format: tc.format})
			if strings.Join(got.Headers[0], "|") != strings.Join(want.Headers[0], "|") {
				t.Fatalf("header %q, want %q", got.Headers[0], want.Headers[0])
			}
			if len(got.Rows) != len(want.Rows) || len(got.Rows) == 0 {
				t.Fatalf("%d rows, want %d", len(got.Rows), len(want.Rows))
			}
			for i := range want.Rows {
				for j, w := range want.Rows[i].Fields {
					if g := strings.TrimSpace(got.Rows[i].Fields[j]); g != strings.TrimSpace(w) {
						t.Errorf("row %d (sheet row %d) column %s: %q, want %q", i+1, got.Rows[i].Line, want.Headers[0][j], g, w)
					}
				}
			}
			if want.Info.Generated() != got.Info.Generated() {
				t.Errorf("generated %q, want %q", got.Info.Generated(), want.Info.Generated())
			}
			if got.Info.Files[0].SHA256 == "" {
				t.Error("no hash")
			}
		})
	}
}

// writeBook saves a workbook made by fill and returns its path.
func writeBook(t *testing.T, fill func(f *excelize.File)) string {
	t.Helper()
	f := excelize.NewFile()
	fill(f)
	path := filepath.Join(t.TempDir(), "book.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func set(t *testing.T, f *excelize.File, sheet, cell string, v any) {
	t.Helper()
	if err := f.SetCellValue(sheet, cell, v); err != nil {
		t.Fatal(err)
	}
}

// A workbook written by a program: a merged title above the header, dates
// in a local format, numbers stored as text, empty rows, the table on a
// second sheet.
func TestScanXLSX_WrittenByExcelize(t *testing.T) {
	path := writeBook(t, func(f *excelize.File) {
		set(t, f, "Sheet1", "A1", "not this sheet")
		if _, err := f.NewSheet("Log"); err != nil {
			t.Fatal(err)
		}
		set(t, f, "Log", "A1", "Exercise log, Q3 2025")
		if err := f.MergeCell("Log", "A1", "D1"); err != nil {
			t.Fatal(err)
		}
		for i, h := range []string{"name", "start", "ships", "tiv"} {
			cell, _ := excelize.CoordinatesToCellName(i+1, 3)
			set(t, f, "Log", cell, h)
		}
		local := "dd/mm/yyyy"
		dateStyle, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &local})
		grouped, _ := f.NewStyle(&excelize.Style{NumFmt: 4}) // #,##0.00
		set(t, f, "Log", "A4", "Joint Sea")
		set(t, f, "Log", "B4", time.Date(2025, 7, 15, 0, 0, 0, 0, time.UTC))
		f.SetCellStyle("Log", "B4", "B5", dateStyle)
		set(t, f, "Log", "C4", 12)
		set(t, f, "Log", "D4", 1234.5)
		f.SetCellStyle("Log", "D4", "D4", grouped)
		// row 5 empty; row 6 with a number stored as text
		set(t, f, "Log", "A6", "Northern/Interaction")
		set(t, f, "Log", "B6", time.Date(2025, 9, 2, 0, 0, 0, 0, time.UTC))
		f.SetCellStyle("Log", "B6", "B6", dateStyle)
		set(t, f, "Log", "C6", "1,200")
		set(t, f, "Log", "D6", 0.1)
	})
	got := MustScan(t, Spec{Path: path, Sheet: "log"})
	if strings.Join(got.Headers[0], "|") != "name|start|ships|tiv" {
		t.Fatalf("header %q", got.Headers[0])
	}
	want := []string{"Joint Sea|2025-07-15|12|1234.5", "Northern/Interaction|2025-09-02|1,200|0.1"}
	if len(got.Rows) != 2 {
		t.Fatalf("rows %v", got.Rows)
	}
	for i, w := range want {
		if g := strings.Join(got.Rows[i].Fields, "|"); g != w {
			t.Errorf("row %d: %q, want %q", i+1, g, w)
		}
	}
	if got.Rows[1].Line != 6 {
		t.Errorf("second row on sheet row %d, want 6", got.Rows[1].Line)
	}
	// a bad number names the file, the sheet and the cell
	var bad error
	Scan(Spec{Path: path, Sheet: "Log"}, nil, func(r Row) error {
		if _, _, err := r.Number(0); err != nil && bad == nil {
			bad = err
		}
		return nil
	})
	if bad == nil || !strings.Contains(bad.Error(), `book.xlsx: sheet "Log", cell A4: column "name": not a number: "Joint Sea"`) {
		t.Errorf("bad number: %v", bad)
	}
}

// Dates follow the workbook's date system: serial 44391 is 2025-07-15 in the
// 1904 system; serial 1 is 1900-01-01 in the 1900 one.
func TestScanXLSX_DateSystems(t *testing.T) {
	for _, tc := range []struct {
		date1904 bool
		serial   float64
		want     string
	}{{false, 1, "1900-01-01"}, {false, 45853, "2025-07-15"}, {true, 44391, "2025-07-15"}, {true, 31777, "1991-01-01"}} {
		path := writeBook(t, func(f *excelize.File) {
			if tc.date1904 {
				yes := true
				if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &yes}); err != nil {
					t.Fatal(err)
				}
			}
			set(t, f, "Sheet1", "A1", "id")
			set(t, f, "Sheet1", "B1", "date")
			set(t, f, "Sheet1", "A2", 1)
			set(t, f, "Sheet1", "B2", tc.serial)
			st, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
			f.SetCellStyle("Sheet1", "B2", "B2", st)
		})
		got := MustScan(t, Spec{Path: path})
		if g := got.Rows[0].Fields[1]; g != tc.want {
			t.Errorf("1904=%v serial %v: %q, want %q", tc.date1904, tc.serial, g, tc.want)
		}
	}
}

// A cell of a time style reads as a 24-hour time of day, one of a date
// and time style as its date, whatever the format shows, in a built-in
// format or a custom one with a language of its own.
func TestScanXLSX_TimesAndDateTimes(t *testing.T) {
	path := writeBook(t, func(f *excelize.File) {
		for i, h := range []string{"id", "clock", "custom", "when", "dutch"} {
			set(t, f, "Sheet1", string(rune('A'+i))+"1", h)
		}
		set(t, f, "Sheet1", "A2", 1)
		set(t, f, "Sheet1", "B2", 0.6041666666666666) // 14:30
		set(t, f, "Sheet1", "C2", 0.25)               // 06:00
		set(t, f, "Sheet1", "D2", 45853.75)           // 2025-07-15 18:00
		set(t, f, "Sheet1", "E2", 45853.5)
		clock, _ := f.NewStyle(&excelize.Style{NumFmt: 20}) // h:mm
		ampm := "h:mm AM/PM"
		custom, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &ampm})
		when, _ := f.NewStyle(&excelize.Style{NumFmt: 22}) // m/d/yy h:mm
		nl := "[$-413]d mmmm yyyy"
		dutch, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &nl})
		f.SetCellStyle("Sheet1", "B2", "B2", clock)
		f.SetCellStyle("Sheet1", "C2", "C2", custom)
		f.SetCellStyle("Sheet1", "D2", "D2", when)
		f.SetCellStyle("Sheet1", "E2", "E2", dutch)
	})
	got := MustScan(t, Spec{Path: path}).Rows[0].Fields
	if want := []string{"1", "14:30:00", "06:00:00", "2025-07-15", "2025-07-15"}; !slices.Equal(got, want) {
		t.Errorf("read %q, want %q", got, want)
	}
}

// A formula's saved value is read; a formula with none is an error that
// says to save the workbook in a spreadsheet application.
func TestScanXLSX_Formulas(t *testing.T) {
	path := writeBook(t, func(f *excelize.File) {
		set(t, f, "Sheet1", "A1", "a")
		set(t, f, "Sheet1", "B1", "b")
		set(t, f, "Sheet1", "A2", 10)
		if err := f.SetCellFormula("Sheet1", "B2", "A2*2"); err != nil {
			t.Fatal(err)
		}
	})
	_, err := scanAll(Spec{Path: path})
	if err == nil || !strings.Contains(err.Error(), `sheet "Sheet1", cell B2: a formula with no saved value; open the workbook in Excel or LibreOffice and save it`) {
		t.Errorf("formula without value: %v", err)
	}
	// what a spreadsheet application saves: the formula and its value
	withValue(t, path, "<f>A2*2</f>", "<f>A2*2</f><v>20</v>")
	got := MustScan(t, Spec{Path: path})
	if g := strings.Join(got.Rows[0].Fields, "|"); g != "10|20" {
		t.Errorf("row %q, want 10|20", g)
	}
}

// withValue rewrites the first sheet of the workbook at path, replacing
// old by new in its XML.
func withValue(t *testing.T, path, old, new string) {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, _ := f.Open()
		data, _ := io.ReadAll(rc)
		rc.Close()
		if f.Name == "xl/worksheets/sheet1.xml" {
			if !bytes.Contains(data, []byte(old)) {
				t.Fatalf("no %q in %s", old, data)
			}
			data = bytes.Replace(data, []byte(old), []byte(new), 1)
		}
		w, _ := zw.Create(f.Name)
		w.Write(data)
	}
	zr.Close()
	zw.Close()
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestScanXLSX_Errors(t *testing.T) {
	book := writeBook(t, func(f *excelize.File) {
		set(t, f, "Sheet1", "A1", "a")
		set(t, f, "Sheet1", "B1", "b")
		set(t, f, "Sheet1", "A2", 1)
		set(t, f, "Sheet1", "D2", 9)
	})
	notBook := filepath.Join(t.TempDir(), "broken.xlsx")
	os.WriteFile(notBook, []byte("a,b\n1,2\n"), 0o644)
	for _, tc := range []struct {
		name string
		spec Spec
		msg  string
	}{
		{"UnknownSheet", Spec{Path: book, Sheet: "Sheet2"}, `no sheet "Sheet2"; did you mean "Sheet1"? (the workbook has "Sheet1")`},
		{"ValueBeyondHeader", Spec{Path: book}, `sheet "Sheet1", cell D2: a value beyond the header's 2 columns`},
		{"HeaderRowPastEnd", Spec{Path: book, HeaderRow: 9}, `header_row 9 is past the end of the sheet`},
		{"NotAWorkbook", Spec{Path: notBook}, `broken.xlsx: not an Excel workbook (.xlsx)`},
		{"OldExcel", Spec{Path: strings.TrimSuffix(notBook, "x")}, `save it as .xlsx`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.name == "OldExcel" {
				os.WriteFile(tc.spec.Path, []byte{0xD0, 0xCF}, 0o644)
			}
			_, err := scanAll(tc.spec)
			if err == nil || !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("error %v, want %q", err, tc.msg)
			}
		})
	}
}
