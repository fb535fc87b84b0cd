package layouts

import (
	"io"
	"runtime"

	"github.com/klauspost/compress/zlib"
)

// A compressor's hash table (128 KB at the fastest level) is read before
// it is written: each entry is looked up, then set. Fresh memory read
// first is mapped to the kernel's shared zero page, so each of the
// table's 32 pages takes two faults, the second one copying the page and
// flushing it from the other core's TLB by an interrupt when the process
// runs there too — about 20 µs each on a virtual machine, where an
// interrupt between cores leaves the guest. Touched while one core runs
// the process, the same pages cost a few microseconds each; in the
// finishing pass, where both cores compress, they cost 1.5–2 ms a build
// (measured on the sample: 93 such faults a build, 80 of them gone).

// WarmUp makes the finishing pass's compressors ready, one per core, with
// their tables touched. Call it where the process runs on one core, as
// before the config is read; it is cheap (0.1–0.3 ms) and a second call
// finds them made (they are pooled).
func WarmUp() {
	zs := make([]any, runtime.GOMAXPROCS(0))
	for i := range zs {
		zs[i] = zlibWriters.Get()
	}
	for _, z := range zs {
		zlibWriters.Put(z)
	}
}

// touchedWriter returns a new compressor that has compressed 2 KB of
// noise: its hash lookups land all over its table, touching every page.
// What it compresses next does not depend on this (deflate resets it).
func touchedWriter() *zlib.Writer {
	zw, _ := zlib.NewWriterLevel(io.Discard, compressLevel) // a constant level: no error
	var noise [2 << 10]byte
	x := uint64(0x9E3779B97F4A7C15)
	for i := range noise {
		x ^= x << 13 // xorshift64
		x ^= x >> 7
		x ^= x << 17
		noise[i] = byte(x)
	}
	zw.Write(noise[:])
	zw.Close()
	return zw
}
