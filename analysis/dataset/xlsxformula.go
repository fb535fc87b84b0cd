package dataset

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"strings"
)

// checkFormulas finds a formula cell of the sheet that has no saved value
// (a workbook written by a program that does not calculate, such as a
// script): excelize would read it as empty. Workbooks saved by Excel or
// LibreOffice keep every formula's value. The sheet's XML is first scanned
// as bytes for a formula at all, so a sheet without one costs one fast
// pass.
func checkFormulas(file, sheet string) error {
	zr, err := zip.OpenReader(file)
	if err != nil {
		return &Error{File: file, Msg: "not an Excel workbook (.xlsx): " + err.Error(), err: err}
	}
	defer zr.Close()
	part, err := sheetPart(&zr.Reader, sheet)
	if err != nil || part == nil {
		return nil // excelize found the sheet; leave odd packages to it
	}
	has, err := containsFormula(part)
	if err != nil || !has {
		return nil
	}
	rc, err := part.Open()
	if err != nil {
		return nil
	}
	defer rc.Close()
	dec := xml.NewDecoder(bufio.NewReaderSize(rc, 64<<10))
	var cell string
	var hasF, hasV bool
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return &Error{File: file, Sheet: sheet, Msg: "the sheet's XML cannot be read: " + err.Error(), err: err}
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "c":
				cell, hasF, hasV = "", false, false
				for _, a := range t.Attr {
					if a.Name.Local == "r" {
						cell = a.Value
					}
				}
			case "f":
				hasF = true
			case "v":
				hasV = true
			}
		case xml.EndElement:
			if t.Name.Local == "c" && hasF && !hasV {
				return &Error{File: file, Msg: fmt.Sprintf("sheet %q, cell %s: a formula with no saved value; open the workbook in Excel or LibreOffice and save it, so that its values are stored", sheet, cell)}
			}
		}
	}
}

// sheetPart finds the zip entry of the worksheet named sheet through the
// workbook and its relationships.
func sheetPart(zr *zip.Reader, sheet string) (*zip.File, error) {
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rel []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := readPart(zr, "xl/workbook.xml", &wb); err != nil {
		return nil, err
	}
	if err := readPart(zr, "xl/_rels/workbook.xml.rels", &rels); err != nil {
		return nil, err
	}
	id := ""
	for _, s := range wb.Sheets {
		if s.Name == sheet {
			id = s.ID
		}
	}
	for _, r := range rels.Rel {
		if r.ID != id {
			continue
		}
		name := strings.TrimPrefix(r.Target, "/")
		if !strings.HasPrefix(r.Target, "/") {
			name = path.Join("xl", r.Target)
		}
		for _, f := range zr.File {
			if f.Name == name {
				return f, nil
			}
		}
	}
	return nil, nil
}

func readPart(zr *zip.Reader, name string, v any) error {
	for _, f := range zr.File {
		if f.Name != name {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return err
		}
		defer rc.Close()
		return xml.NewDecoder(io.LimitReader(rc, 64<<20)).Decode(v)
	}
	return fmt.Errorf("no %s", name)
}

// containsFormula reports whether the part's bytes hold an <f> or <f ...>
// element.
func containsFormula(f *zip.File) (bool, error) {
	rc, err := f.Open()
	if err != nil {
		return false, err
	}
	defer rc.Close()
	buf := make([]byte, 64<<10)
	carry := 0
	for {
		n, err := rc.Read(buf[carry:])
		chunk := buf[:carry+n]
		if bytes.Contains(chunk, []byte("<f>")) || bytes.Contains(chunk, []byte("<f ")) {
			return true, nil
		}
		if err == io.EOF {
			return false, nil
		}
		if err != nil {
			return false, err
		}
		carry = min(2, len(chunk))
		copy(buf, chunk[len(chunk)-carry:])
	}
}
