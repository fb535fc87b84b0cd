package layouts

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"strconv"
)

// The text operators are most of the pages' content (72% of the sample's
// bytes). fpdf keeps each page's content in a buffer grown by doubling,
// then copies every page through a string into its output, a buffer grown
// by doubling too: each byte of text was written four times, in buffers of
// up to twice its size, in memory touched for the first time in the run.
// So showText keeps each operator in a store of blocks that never grow, and
// writes only a reference to it into fpdf's page: a comment line "%\xffB O"
// (block B, offset O), which no operator fpdf writes can hold. The
// finishing pass puts the operators back as it compresses the pages'
// content streams (expand): the file is the same to the byte.

// textRefMark starts a reference line in a page's content.
const textRefMark = "%\xff"

// textBlockSize is the size of a store's block; a longer operator gets a
// block of its own.
const textBlockSize = 64 << 10

// pageTexts is the store of a document's text operators: in each block,
// each operator after its length (4 bytes, little-endian).
type pageTexts struct {
	blocks [][]byte
}

// add keeps op and appends the line that refers to it, without its line
// end, to ref.
func (t *pageTexts) add(ref, op []byte) []byte {
	need := 4 + len(op)
	k := len(t.blocks) - 1
	if k < 0 || cap(t.blocks[k])-len(t.blocks[k]) < need {
		t.blocks = append(t.blocks, make([]byte, 0, max(textBlockSize, need)))
		k++
	}
	b := t.blocks[k]
	at := len(b)
	b = binary.LittleEndian.AppendUint32(b, uint32(len(op)))
	t.blocks[k] = append(b, op...)
	ref = append(ref, textRefMark...)
	ref = strconv.AppendInt(ref, int64(k), 10)
	ref = append(ref, ' ')
	return strconv.AppendInt(ref, int64(at), 10)
}

// expand writes content, a page's content stream, to w with each
// reference line replaced by the operator it refers to.
func (t *pageTexts) expand(w io.Writer, content []byte) error {
	for {
		i := bytes.Index(content, []byte(textRefMark))
		if i < 0 {
			_, err := w.Write(content)
			return err
		}
		if i > 0 && content[i-1] != '\n' {
			return fmt.Errorf("finish pdf: a text reference inside a line of a page's content")
		}
		end := i + len(textRefMark)
		for end < len(content) && content[end] != '\n' {
			end++
		}
		op, err := t.op(content[i+len(textRefMark) : end])
		if err != nil {
			return err
		}
		if _, err := w.Write(content[:i]); err != nil {
			return err
		}
		if _, err := w.Write(op); err != nil {
			return err
		}
		content = content[end:]
	}
}

// op returns the operator a reference ("B O") refers to.
func (t *pageTexts) op(ref []byte) ([]byte, error) {
	bs, offs, ok := bytes.Cut(ref, []byte{' '})
	k, okK := atoiDigits(bs)
	at, okAt := atoiDigits(offs)
	if !ok || !okK || !okAt || k >= len(t.blocks) || at+4 > len(t.blocks[k]) {
		return nil, fmt.Errorf("finish pdf: a text reference %q to nothing", ref)
	}
	b := t.blocks[k][at:]
	n := int(binary.LittleEndian.Uint32(b))
	if 4+n > len(b) {
		return nil, fmt.Errorf("finish pdf: a text reference %q past its block", ref)
	}
	return b[4 : 4+n], nil
}

// atoiDigits reads b, one to nine decimal digits.
func atoiDigits(b []byte) (int, bool) {
	if len(b) == 0 || len(b) > 9 {
		return 0, false
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// contentObjects are the numbers of the objects that are the pages'
// content streams: "/Contents N 0 R" in each page object.
func contentObjects(f *pdfFile) (map[int]bool, error) {
	pages, err := pageObjects(f)
	if err != nil {
		return nil, err
	}
	isPage := make(map[int]bool, len(pages))
	for _, p := range pages {
		isPage[p] = true
	}
	out := make(map[int]bool, len(pages))
	for i := range f.objs {
		o := &f.objs[i]
		if !isPage[o.num] {
			continue
		}
		d := o.dict()
		k := bytes.Index(d, []byte("/Contents "))
		if k < 0 {
			return nil, fmt.Errorf("finish pdf: page object %d has no contents", o.num)
		}
		num, _, _ := bytes.Cut(d[k+len("/Contents "):], []byte{' '})
		n, ok := atoiDigits(num)
		if !ok {
			return nil, fmt.Errorf("finish pdf: page object %d has contents %q", o.num, num)
		}
		out[n] = true
	}
	return out, nil
}
