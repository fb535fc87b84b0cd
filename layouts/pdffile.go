package layouts

import (
	"bytes"
	"fmt"
	"sort"
	"strconv"

	"github.com/briefing/report/internal/lazyregexp"
)

// pdfFile is fpdf's finished output taken apart for the finishing pass:
// its header, its objects in file order, and its trailer dictionary. It
// is written back as a whole new file with a new cross-reference table,
// so objects can change size and new ones can be added.
type pdfFile struct {
	head    []byte
	objs    []object
	size    int    // the xref table's /Size: the next free object number
	trailer []byte // the trailer dictionary, "<< ... >>"
}

// object is one indirect object of the PDF: its number and its bytes.
type object struct {
	num  int
	data []byte
}

var (
	startxrefRE = lazyregexp.New(`startxref\s+(\d+)\s+%%EOF\s*$`)
	trailerRE   = lazyregexp.New(`(?s)trailer\s*(<<.*>>)\s*startxref`)
)

// parsePDF takes fpdf's output apart by its cross-reference table.
func parsePDF(pdf []byte) (*pdfFile, error) {
	m := startxrefRE().FindSubmatchIndex(pdf)
	if m == nil {
		return nil, fmt.Errorf("finish pdf: no startxref")
	}
	xrefAt, _ := strconv.Atoi(string(pdf[m[2]:m[3]]))
	if xrefAt <= 0 || xrefAt >= len(pdf) || !bytes.HasPrefix(pdf[xrefAt:], []byte("xref\n")) {
		return nil, fmt.Errorf("finish pdf: no xref table at %d", xrefAt)
	}
	table := pdf[xrefAt:]
	end := bytes.Index(table, []byte("trailer"))
	t := trailerRE().FindSubmatch(table)
	if end < 0 || t == nil {
		return nil, fmt.Errorf("finish pdf: no trailer")
	}
	lines := bytes.Split(bytes.TrimSpace(table[:end]), []byte("\n"))
	if len(lines) < 2 {
		return nil, fmt.Errorf("finish pdf: an empty xref table")
	}
	f := &pdfFile{trailer: t[1]}
	f.size = len(lines) - 2
	offsets := map[int]int{}
	for i, l := range lines[2:] {
		fs := bytes.Fields(l)
		if len(fs) == 3 && string(fs[2]) == "n" {
			off, err := strconv.Atoi(string(fs[0]))
			if err != nil || off <= 0 || off >= xrefAt {
				return nil, fmt.Errorf("finish pdf: bad xref entry %q", l)
			}
			offsets[i] = off
			f.objs = append(f.objs, object{num: i})
		}
	}
	if len(f.objs) == 0 {
		return nil, fmt.Errorf("finish pdf: no objects")
	}
	sort.Slice(f.objs, func(a, b int) bool { return offsets[f.objs[a].num] < offsets[f.objs[b].num] })
	for i := range f.objs {
		next := xrefAt
		if i+1 < len(f.objs) {
			next = offsets[f.objs[i+1].num]
		}
		f.objs[i].data = pdf[offsets[f.objs[i].num]:next]
	}
	f.head = pdf[:offsets[f.objs[0].num]]
	return f, nil
}

// add appends a new object with dictionary dict and, unless nil, a
// stream, and returns its number.
func (f *pdfFile) add(dict string, stream []byte) int { return addObject(f, dict, stream) }

// addBytes is add with the dictionary in a buffer the caller reuses (it is
// copied).
func (f *pdfFile) addBytes(dict, stream []byte) int { return addObject(f, dict, stream) }

func addObject[D string | []byte](f *pdfFile, dict D, stream []byte) int {
	n := f.size
	f.size++
	b := make([]byte, 0, len(dict)+len(stream)+48)
	b = append(strconv.AppendInt(b, int64(n), 10), " 0 obj\n"...)
	b = append(append(b, dict...), '\n')
	if stream != nil {
		b = append(b, "stream\n"...)
		b = append(b, stream...)
		b = append(b, "\nendstream\n"...)
	}
	b = append(b, "endobj\n"...)
	f.objs = append(f.objs, object{num: n, data: b})
	return n
}

// dict is the object's text up to its stream, if it has one: the keys the
// finishing pass looks for are in dictionaries, and the streams are most of
// a file's bytes.
func (o *object) dict() []byte {
	if i := bytes.Index(o.data, []byte(">>\nstream\n")); i >= 0 {
		return o.data[:i+2]
	}
	return o.data
}

// find returns the object numbered n.
func (f *pdfFile) find(n int) *object {
	for i := range f.objs {
		if f.objs[i].num == n {
			return &f.objs[i]
		}
	}
	return nil
}

var trailerSize = lazyregexp.New(`/Size\s+\d+`)

// ref returns the object number the trailer gives for key (/Root, /Info),
// "key N 0 R", or -1.
func (f *pdfFile) ref(key string) int {
	i := bytes.Index(f.trailer, []byte(key))
	if i < 0 {
		return -1
	}
	fs := bytes.Fields(f.trailer[i+len(key):])
	if len(fs) < 3 || string(fs[1]) != "0" || fs[2][0] != 'R' {
		return -1
	}
	n, err := strconv.Atoi(string(fs[0]))
	if err != nil || n < 0 {
		return -1
	}
	return n
}

// write puts the file together: header, objects in order, a new
// cross-reference table and the trailer with its /Size and extra entries.
func (f *pdfFile) write(extraTrailer string) []byte {
	var out bytes.Buffer
	n := len(f.head) + 20*f.size + len(f.trailer) + len(extraTrailer) + 64
	for _, o := range f.objs {
		n += len(o.data)
	}
	out.Grow(n)
	out.Write(f.head)
	offsets := make([]int, f.size)
	for _, o := range f.objs {
		offsets[o.num] = out.Len()
		out.Write(o.data)
	}
	xref := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", f.size)
	entry := []byte("0000000000 00000 n \n")
	for n := 1; n < f.size; n++ {
		if offsets[n] == 0 {
			out.WriteString("0000000000 65535 f \n")
			continue
		}
		for k, v := 9, offsets[n]; k >= 0; k, v = k-1, v/10 { // %010d
			entry[k] = byte('0' + v%10)
		}
		out.Write(entry)
	}
	tr := trailerSize().ReplaceAll(f.trailer, []byte(fmt.Sprintf("/Size %d", f.size)))
	if extraTrailer != "" {
		tr = append(bytes.TrimSuffix(bytes.TrimRight(tr, " \n"), []byte(">>")), []byte(extraTrailer+"\n>>")...)
	}
	fmt.Fprintf(&out, "trailer\n%s\nstartxref\n%d\n%%%%EOF\n", tr, xref)
	return out.Bytes()
}
