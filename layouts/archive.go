package layouts

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"fmt"
	"html"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/briefing/report/internal/lazyregexp"
	"github.com/klauspost/compress/zlib"
)

// The archive pass makes fpdf's output a PDF/A-2b file: what ISO 19005-2
// asks and fpdf cannot emit. It adds the XMP metadata (the document's
// information in XMP's words, with the PDF/A identification), an sRGB
// output intent, the catalog's viewer preferences, a /Count on the
// outline, the print flag on link annotations, and a deterministic /ID;
// it removes fpdf's empty /EmbeddedFiles name tree.

//go:embed icc/sRGB.icc
var srgbProfile []byte

// archiveMeta is the document information: fpdf writes it to /Info, the
// archive pass to the XMP metadata.
type archiveMeta struct {
	Title, Author, Subject, Keywords, Creator, Producer string
	Date                                                time.Time
}

func archiveMetaOf(d *Document) archiveMeta {
	author := strings.Join(d.Authors, ", ")
	if author == "" {
		author = d.Brand.Organization
	}
	subject := d.Subtitle
	if p := d.Words.period(d.Period); p != "" {
		if subject != "" {
			subject += " — "
		}
		subject += p
	}
	date := d.Date.UTC()
	if d.Date.IsZero() {
		date = time.Unix(0, 0).UTC() // never the wall clock: same inputs, same bytes
	}
	return archiveMeta{Title: d.Title, Author: author, Subject: subject, Keywords: strings.Join(d.Keywords, ", "),
		Creator: "report", Producer: "report (go-pdf/fpdf)", Date: date}
}

var (
	emptyEmbedded = lazyregexp.New(`/Names\s*<<\s*/EmbeddedFiles\s*<<\s*/Names\s*\[\s*\]\s*>>\s*>>\s*`)
	outlineRoot   = lazyregexp.New(`/Type /Outlines `)
	outlinesRef   = lazyregexp.New(`/Outlines (\d+) 0 R`)
	linkAnnot     = []byte("/Subtype /Link ")
	structElem    = []byte("<</Type /StructElem ")
	infoDate      = lazyregexp.New(`/(CreationDate|ModDate) \(D:(\d{14})\)`)
)

// compressedProfile is the sRGB profile as a Flate stream, compressed once
// per process (every document of a batch embeds the same bytes) by a
// compressor of the finishing pass's pool, at its level (the fastest: the
// best compression saves 12 bytes in 1.5 ms) and with its tables touched
// already: a new one cost more than the compressing.
var compressedProfile = sync.OnceValue(func() []byte {
	var icc bytes.Buffer
	zw := zlibWriters.Get().(*zlib.Writer)
	defer zlibWriters.Put(zw)
	return slices.Clip(deflate(zw, &icc, srgbProfile)) // shared: an append must copy
})

// archive turns f into a PDF/A-2b file and returns the trailer's /ID
// entry: two copies of a hash of the file's objects.
func archive(f *pdfFile, m archiveMeta, catalog string) (string, error) {
	root := f.find(f.ref("/Root"))
	if root == nil {
		return "", fmt.Errorf("finish pdf: no catalog")
	}
	root.data = emptyEmbedded().ReplaceAll(root.data, nil)
	icc := compressedProfile()
	profile := f.add(fmt.Sprintf("<</N 3 /Filter /FlateDecode /Length %d>>", len(icc)), icc)
	intent := f.add(fmt.Sprintf("<</Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB IEC61966-2.1) /Info (sRGB IEC61966-2.1) /DestOutputProfile %d 0 R>>", profile), nil)
	xmp := xmpPacket(m)
	meta := f.add(fmt.Sprintf("<</Type /Metadata /Subtype /XML /Length %d>>", len(xmp)), xmp)

	extra := catalog + fmt.Sprintf("/Metadata %d 0 R\n/OutputIntents [%d 0 R]\n/ViewerPreferences <</DisplayDocTitle true>>\n", meta, intent)
	if err := addToCatalog(f, extra); err != nil {
		return "", err
	}

	outline := -1
	if m := outlinesRef().FindSubmatch(root.data); m != nil {
		fmt.Sscan(string(m[1]), &outline)
	}
	top := 0
	parent := []byte(fmt.Sprintf("/Parent %d 0 R", outline)) // a top-level bookmark's
	for k := range f.objs {
		o := &f.objs[k]
		if _, body, _ := bytes.Cut(o.data, []byte("\n")); bytes.HasPrefix(body, structElem) {
			continue // most objects: the structure tree's, neither a bookmark nor a link
		}
		dict := o.dict()
		if outline >= 0 && bytes.Contains(dict, parent) {
			top++
		}
		if bytes.Contains(dict, linkAnnot) {
			o.data = append(bytes.ReplaceAll(dict, linkAnnot, []byte("/Subtype /Link /F 4 ")), o.data[len(dict):]...)
		}
	}
	if o := f.find(outline); o != nil && outlineRoot().Match(o.data) {
		o.data = outlineRoot().ReplaceAll(o.data, []byte(fmt.Sprintf("/Type /Outlines /Count %d ", top)))
	}
	// the dates of /Info in UTC, as the XMP says them: fpdf leaves out
	// the time zone, which a reader could take for local time
	if info := f.find(f.ref("/Info")); info != nil {
		info.data = infoDate().ReplaceAll(info.data, []byte("/${1} (D:${2}+00'00')"))
	}
	h := sha256.New()
	for _, o := range f.objs {
		h.Write(o.data)
	}
	id := hex.EncodeToString(h.Sum(nil)[:16])
	return fmt.Sprintf("/ID [<%s> <%s>]", id, id), nil
}

// pdfuaExtension describes the PDF/UA identification schema, which PDF/A
// does not know, as PDF/A asks of every schema it does not predefine.
const pdfuaExtension = `<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
<pdfaProperty:name>part</pdfaProperty:name>
<pdfaProperty:valueType>Integer</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>Indicates which part of ISO 14289 standard is followed</pdfaProperty:description>
</rdf:li></rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
</rdf:Description>
`

// xmpPacket is the XMP metadata: the same title, author, subject,
// keywords, tools and dates as /Info, the PDF/A-2b identification and the
// PDF/UA-1 one.
func xmpPacket(m archiveMeta) []byte {
	esc := html.EscapeString
	date := m.Date.Format("2006-01-02T15:04:05-07:00")
	var b strings.Builder
	b.WriteString("<?xpacket begin=\"\ufeff\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
	b.WriteString(`<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
`)
	fmt.Fprintf(&b, "<dc:format>application/pdf</dc:format>\n")
	fmt.Fprintf(&b, "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:title>\n", esc(m.Title))
	// every entry, empty or not, as fpdf writes every one to /Info
	fmt.Fprintf(&b, "<dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>\n", esc(m.Author))
	fmt.Fprintf(&b, "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:description>\n", esc(m.Subject))
	fmt.Fprintf(&b, "<pdf:Keywords>%s</pdf:Keywords>\n", esc(m.Keywords))
	fmt.Fprintf(&b, "<pdf:Producer>%s</pdf:Producer>\n<xmp:CreatorTool>%s</xmp:CreatorTool>\n", esc(m.Producer), esc(m.Creator))
	fmt.Fprintf(&b, "<xmp:CreateDate>%s</xmp:CreateDate>\n<xmp:ModifyDate>%s</xmp:ModifyDate>\n", date, date)
	b.WriteString("<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>B</pdfaid:conformance>\n")
	b.WriteString("<pdfuaid:part>1</pdfuaid:part>\n")
	b.WriteString("</rdf:Description>\n")
	b.WriteString(pdfuaExtension)
	b.WriteString("</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>")
	return []byte(b.String())
}

// addToCatalog adds entries to the catalog dictionary.
func addToCatalog(f *pdfFile, entries string) error {
	root := f.find(f.ref("/Root"))
	if root == nil {
		return fmt.Errorf("finish pdf: no catalog")
	}
	i := bytes.LastIndex(root.data, []byte(">>"))
	if i < 0 {
		return fmt.Errorf("finish pdf: the catalog is not a dictionary")
	}
	root.data = append(append(append([]byte{}, root.data[:i]...), entries...), root.data[i:]...)
	return nil
}
