package dataset

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
	"testing"
)

// xmlTokens lists the tokens of doc as the scanner reads them: "<name
// attr=value …>" for a start tag (then "</name>" for one that closes
// itself), "</name>", and text in quotes. Attributes are asked for by the
// names encoding/xml found.
func scannerTokens(doc string, attrNames map[string][]string) ([]string, error) {
	x := newXMLScanner(strings.NewReader(doc))
	var out []string
	for {
		err := x.next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		switch x.kind {
		case xmlStart:
			tok := "<" + string(x.name)
			for _, a := range attrNames[string(x.name)] {
				v, ok, err := x.attr(a)
				if err != nil {
					return out, err
				}
				if ok {
					tok += fmt.Sprintf(" %s=%q", a, v)
				}
			}
			out = append(out, tok+">")
			if x.empty {
				out = append(out, "</"+string(x.name)+">")
			}
		case xmlEnd:
			out = append(out, "</"+string(x.name)+">")
		case xmlText: // text next to text joined, as stdTokens does
			text := string(x.text)
			if n := len(out); n > 0 && strings.HasPrefix(out[n-1], `"`) {
				prev, _ := strconv.Unquote(out[n-1])
				text, out = prev+text, out[:n-1]
			}
			out = append(out, fmt.Sprintf("%q", text))
		}
	}
}

// stdTokens lists the tokens of doc as encoding/xml's RawToken reads
// them, in scannerTokens' form, comments and processing instructions left
// out, text next to text joined, and the attribute names of each element.
func stdTokens(doc string) ([]string, map[string][]string, error) {
	d := xml.NewDecoder(strings.NewReader(doc))
	var out []string
	names := map[string][]string{}
	var text []byte
	flush := func() {
		if text != nil {
			out = append(out, fmt.Sprintf("%q", text))
			text = nil
		}
	}
	for {
		t, err := d.RawToken()
		if err == io.EOF {
			flush()
			return out, names, nil
		}
		if err != nil {
			return nil, nil, err
		}
		switch t := t.(type) {
		case xml.StartElement:
			flush()
			tok := "<" + t.Name.Local
			seen := map[string]bool{}
			for _, a := range t.Attr {
				if seen[a.Name.Local] { // the scanner gives the first
					continue
				}
				seen[a.Name.Local] = true
				names[t.Name.Local] = append(names[t.Name.Local], a.Name.Local)
				tok += fmt.Sprintf(" %s=%q", a.Name.Local, a.Value)
			}
			out = append(out, tok+">")
		case xml.EndElement:
			flush()
			out = append(out, "</"+t.Name.Local+">")
		case xml.CharData:
			text = append(text, t...)
			if text == nil {
				text = []byte{}
			}
		case xml.Directive:
			return nil, nil, fmt.Errorf("a directive")
		}
	}
}

// The scanner reads what encoding/xml reads, for documents both accept.
func TestXMLScanner_AsEncodingXML(t *testing.T) {
	for _, doc := range []string{
		`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + `<worksheet xmlns="x"><sheetData><row r="1" spans="1:2"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`,
		`<x:c x:r='B2' t="inlineStr"><x:is><x:t xml:space="preserve"> a &amp; b &lt;c&gt; &#233;&#xE9; </x:t></x:is></x:c>`,
		`<a b=">" c='"'>text<!-- a comment > with <tags> inside --><![CDATA[<raw> & ]]>more</a>`,
		"<t>line\r\nbreak\rand\nmore</t>",
		`<si><r><rPr><b/></rPr><t>bold</t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh></si>`,
		"<v>\n  42\n</v>\n",
		`<e a = "1"  b	=	'2'/>`,
	} {
		want, names, err := stdTokens(doc)
		if err != nil {
			t.Fatalf("encoding/xml: %v in %q", err, doc)
		}
		got, err := scannerTokens(doc, names)
		if err != nil {
			t.Errorf("%q: %v", doc, err)
			continue
		}
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%q:\n got %q\nwant %q", doc, got, want)
		}
	}
}

// The scanner's errors: never a panic, never an endless loop, an error
// for a part that ends inside a tag, an unknown entity or text that is not
// UTF-8.
func TestXMLScanner_Errors(t *testing.T) {
	for doc, want := range map[string]string{
		`<c r="A1"`:        "unexpected EOF",
		`<v>1<`:            "unexpected EOF",
		`<v>&nbsp;</v>`:    "unknown entity &nbsp;",
		"<v>\xff</v>":      "not UTF-8",
		`<!DOCTYPE x><v/>`: "expected a comment or CDATA",
		`<!-- open`:        "unexpected EOF",
		`<![CDATA[ open`:   "unexpected EOF",
		`<c r=A1>`:         "an attribute value without quotes",
		`<v>&#0;</v>`:      "unknown entity &#0;",
		`< >`:              "a tag without a name",
	} {
		x := newXMLScanner(strings.NewReader(doc))
		var err error
		for range 100 {
			if err = x.next(); err != nil {
				break
			}
			if x.kind == xmlStart {
				if _, _, err = x.attr("r"); err != nil {
					break
				}
			}
		}
		if err == nil || err == io.EOF || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: error %v, want %q", doc, err, want)
		}
	}
}

// FuzzXMLScanner reads arbitrary bytes: the scanner must end (an error
// or io.EOF), and read what encoding/xml reads wherever encoding/xml reads
// the whole document.
func FuzzXMLScanner(f *testing.F) {
	f.Add([]byte(`<c r="A1" t="s"><v>0</v></c>`))
	f.Add([]byte(`<a b=">" c='"'>t<!--x--><![CDATA[<r>]]>&amp;&#65;</a>`))
	f.Add([]byte("<?xml version=\"1.0\"?>\r\n<x:t>a\r\nb</x:t>"))
	f.Fuzz(func(t *testing.T, doc []byte) {
		x := newXMLScanner(bytes.NewReader(doc))
		for n := 0; ; n++ {
			if n > len(doc)+1 {
				t.Fatalf("%d tokens from %d bytes", n, len(doc))
			}
			if err := x.next(); err != nil {
				break
			}
			if x.kind == xmlStart {
				x.attr("r")
			}
		}
		want, names, err := stdTokens(string(doc))
		if err != nil {
			return
		}
		got, err := scannerTokens(string(doc), names)
		if err == nil && strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%q:\n got %q\nwant %q", doc, got, want)
		}
	})
}
