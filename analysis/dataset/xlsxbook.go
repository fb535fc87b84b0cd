package dataset

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path"
	"strconv"
	"strings"
)

// A workbook is an opened Excel workbook (.xlsx, Office Open XML): its
// worksheets in order, the shared strings its cells point at, what the
// number format of each cell style shows and its date system. report reads
// workbooks itself, with archive/zip and encoding/xml: it needs the values
// of one sheet, read once from top to bottom, and a general spreadsheet
// library costs every run of the tool, workbook or not, milliseconds of
// start-up (see the tenth round in docs/performance.md).
type workbook struct {
	zr       *zip.ReadCloser
	parts    map[string]*zip.File // by lower-case name: package part names are case-insensitive
	sheets   []sheetEntry         // in the workbook's order
	shared   []string             // the shared strings table
	kinds    []byte               // for each cell style: formatKind of its number format
	date1904 bool                 // serial numbers count days from 1904-01-01, not 1900
}

// A sheetEntry is a worksheet: its name and its part.
type sheetEntry struct {
	name string
	part string
}

// oleMagic starts a Compound File: an Excel 97–2003 workbook (.xls), or an
// .xlsx encrypted with a password.
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0}

// Relationship types, by the end they share in the transitional and
// strict schemas.
const (
	relOfficeDocument = "/officeDocument"
	relWorksheet      = "/worksheet"
	relSharedStrings  = "/sharedStrings"
	relStyles         = "/styles"
)

// openWorkbook opens the workbook at path and reads its workbook part,
// shared strings and styles.
func openWorkbook(path string) (*workbook, error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		if head, _ := readHead(path, len(oleMagic)); bytes.Equal(head, oleMagic) {
			return nil, &Error{File: path, Msg: "an Excel 97–2003 workbook (.xls) or one protected by a password: save it as .xlsx, without a password"}
		}
		return nil, &Error{File: path, Msg: "not an Excel workbook (.xlsx) that can be read: " + err.Error(), err: err}
	}
	wb := &workbook{zr: zr, parts: make(map[string]*zip.File, len(zr.File))}
	for _, f := range zr.File {
		wb.parts[strings.ToLower(f.Name)] = f
	}
	if err := wb.load(); err != nil {
		zr.Close()
		return nil, &Error{File: path, Msg: "not an Excel workbook (.xlsx) that can be read: " + err.Error(), err: err}
	}
	return wb, nil
}

// Close closes the workbook's file.
func (wb *workbook) Close() error { return wb.zr.Close() }

func readHead(path string, n int) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	head := make([]byte, n)
	n, err = io.ReadFull(f, head)
	return head[:n], err
}

// load reads the package's relationships to the workbook part, and from it
// the sheets, the date system, the shared strings and the styles.
func (wb *workbook) load() error {
	main := "xl/workbook.xml"
	if rels, err := wb.rels(""); err == nil {
		if target := rels.target("", relOfficeDocument); target != "" {
			main = target
		}
	}
	var book struct {
		Pr struct {
			Date1904 string `xml:"date1904,attr"`
		} `xml:"workbookPr"`
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
			// the strict schema's namespace for the same attribute
			StrictID string `xml:"http://purl.oclc.org/ooxml/officeDocument/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := wb.decode(main, &book); err != nil {
		return err
	}
	wb.date1904 = book.Pr.Date1904 == "1" || strings.EqualFold(book.Pr.Date1904, "true")
	rels, err := wb.rels(main)
	if err != nil {
		return err
	}
	for _, s := range book.Sheets {
		part := "" // a chart sheet, or a sheet without its part
		if id := s.ID + s.StrictID; id != "" {
			part = rels.target(id, relWorksheet)
		}
		wb.sheets = append(wb.sheets, sheetEntry{name: s.Name, part: part})
	}
	if part := rels.target("", relSharedStrings); part != "" {
		if wb.shared, err = wb.sharedStrings(part); err != nil {
			return err
		}
	}
	if part := rels.target("", relStyles); part != "" {
		if wb.kinds, err = wb.styleKinds(part); err != nil {
			return err
		}
	}
	return nil
}

// relationships are a part's links to other parts, their targets resolved
// to part names.
type relationships []struct {
	ID, Type, Target string
}

// target returns the part of the relationship of a type ending in typ with
// the ID id, or, id empty, of the first of that type; "" when there is
// none.
func (rs relationships) target(id, typ string) string {
	for _, r := range rs {
		if (id == "" || r.ID == id) && strings.HasSuffix(r.Type, typ) {
			return r.Target
		}
	}
	return ""
}

// rels reads the relationships of the part named from ("" for the
// package's own).
func (wb *workbook) rels(from string) (relationships, error) {
	dir, file := path.Split(from)
	var doc struct {
		Rel []struct {
			ID     string `xml:"Id,attr"`
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
			Mode   string `xml:"TargetMode,attr"`
		} `xml:"Relationship"`
	}
	if err := wb.decode(dir+"_rels/"+file+".rels", &doc); err != nil {
		return nil, err
	}
	rs := make(relationships, 0, len(doc.Rel))
	for _, r := range doc.Rel {
		if strings.EqualFold(r.Mode, "External") {
			continue
		}
		target := path.Join(dir, r.Target)
		if strings.HasPrefix(r.Target, "/") {
			target = strings.TrimPrefix(path.Clean(r.Target), "/")
		}
		rs = append(rs, struct{ ID, Type, Target string }{r.ID, r.Type, target})
	}
	return rs, nil
}

// maxPartXML is the most bytes of a workbook, relationships or styles part
// read: they describe the workbook, they do not hold its data.
const maxPartXML = 64 << 20

// decode reads the part named name into v.
func (wb *workbook) decode(name string, v any) error {
	rc, err := wb.open(name)
	if err != nil {
		return err
	}
	defer rc.Close()
	if err := xml.NewDecoder(io.LimitReader(rc, maxPartXML)).Decode(v); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// open opens the part named name.
func (wb *workbook) open(name string) (io.ReadCloser, error) {
	f := wb.parts[strings.ToLower(name)]
	if f == nil {
		return nil, fmt.Errorf("%s: no such part", name)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return rc, nil
}

// sheetNames lists the worksheets' names in the workbook's order: not
// chart sheets, which hold no table.
func (wb *workbook) sheetNames() []string {
	var names []string
	for _, s := range wb.sheets {
		if s.part != "" {
			names = append(names, s.name)
		}
	}
	return names
}

// sharedStrings reads the shared strings table: each item's text, its
// runs' text joined (phonetic guides left out), escapes undone.
func (wb *workbook) sharedStrings(part string) ([]string, error) {
	rc, err := wb.open(part)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	x := newXMLScanner(rc)
	var (
		table             []string
		text              []byte
		inItem, inT, inPh bool
		sizeGuess         = wb.parts[strings.ToLower(part)].UncompressedSize64 / 16
	)
	for {
		err := x.next()
		if err == io.EOF {
			return table, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", part, err)
		}
		switch x.kind {
		case xmlStart:
			switch string(x.name) {
			case "sst":
				count, _, err := x.attr("uniqueCount")
				if err != nil {
					return nil, fmt.Errorf("%s: %w", part, err)
				}
				items, _ := strconv.ParseUint(string(count), 10, 32)
				table = make([]string, 0, min(items, sizeGuess, 1<<20)) // the counts may lie
			case "si":
				inItem, text = true, text[:0]
				if x.empty {
					table, inItem = append(table, ""), false
				}
			case "t":
				inT = inItem && !inPh && !x.empty
			case "rPh":
				inPh = !x.empty
			}
		case xmlEnd:
			switch string(x.name) {
			case "si":
				if inItem {
					table = append(table, unescapeXLSX(string(text)))
				}
				inItem = false
			case "t":
				inT = false
			case "rPh":
				inPh = false
			}
		case xmlText:
			if inT {
				text = append(text, x.text...)
			}
		}
	}
}

// unescapeXLSX undoes the escapes _xHHHH_ by which a workbook stores
// characters XML cannot hold (a control character: _x000D_), "_x005F_"
// being a literal "_".
func unescapeXLSX(s string) string {
	i := strings.Index(s, "_x")
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i >= 0 {
		b.WriteString(s[:i])
		s = s[i:]
		if r, ok := escapedRune(s); ok {
			b.WriteRune(r)
			s = s[len("_xHHHH_"):]
		} else {
			b.WriteString("_x")
			s = s[2:]
		}
		i = strings.Index(s, "_x")
	}
	b.WriteString(s)
	return b.String()
}

// escapedRune reads an escape _xHHHH_ at the start of s.
func escapedRune(s string) (rune, bool) {
	if len(s) < len("_xHHHH_") || s[6] != '_' {
		return 0, false
	}
	n, err := strconv.ParseUint(s[2:6], 16, 16)
	if err != nil {
		return 0, false
	}
	return rune(n), true
}
