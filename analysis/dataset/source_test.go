package dataset

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// wantLines is how a file reads as physical lines: split at "\n", a "\r"
// before it dropped, a last line without a line end kept, none after a
// final line end.
func wantLines(content string) []string {
	content = strings.TrimPrefix(content, "\xef\xbb\xbf")
	if content == "" {
		return nil
	}
	lines := strings.Split(strings.TrimSuffix(content, "\n"), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSuffix(l, "\r")
	}
	return lines
}

// randomText is lines of random lengths (some past a read buffer of
// 64 KiB), with "\r\n" or "\n" ends, a byte order mark or not, a last line
// end or not.
func randomText(rng *rand.Rand) string {
	var b strings.Builder
	if rng.IntN(3) == 0 {
		b.WriteString("\xef\xbb\xbf")
	}
	for range rng.IntN(60) {
		n := rng.IntN(80)
		if rng.IntN(20) == 0 {
			n = 50_000 + rng.IntN(100_000)
		}
		for range n {
			b.WriteByte("abc,;\" 123é"[rng.IntN(12)])
		}
		if rng.IntN(4) == 0 {
			b.WriteByte('\r')
		}
		b.WriteByte('\n')
	}
	if rng.IntN(2) == 0 {
		b.WriteString("last")
	}
	return b.String()
}

// readAll reads path as lines and hashes it.
func readAll(t *testing.T, path string) ([]string, string) {
	t.Helper()
	s, err := openSource(path)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for {
		line, err := s.readLine()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, string(line))
	}
	sum, err := s.finish()
	if err != nil {
		t.Fatal(err)
	}
	return got, sum
}

func checkLines(t *testing.T, what, content string, got []string, sum string) {
	t.Helper()
	want := wantLines(content)
	if len(got) != len(want) {
		t.Fatalf("%s: %d lines, want %d", what, len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("%s: line %d is %.40q… (%d bytes), want %.40q… (%d bytes)", what, i+1, got[i], len(got[i]), want[i], len(want[i]))
		}
	}
	h := sha256.Sum256([]byte(content))
	if sum != hex.EncodeToString(h[:]) {
		t.Errorf("%s: SHA-256 %s, not the file's", what, sum)
	}
}

// A file reads as its lines, whether it fits one read or runs over many
// (lines across the reads joined), and its hash is its bytes'.
func TestSource_LinesAcrossReads(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	dir := t.TempDir()
	for i := range 200 {
		content := randomText(rng)
		path := filepath.Join(dir, "f.csv")
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		got, sum := readAll(t, path)
		checkLines(t, "file "+string(rune('0'+i%10)), content, got, sum)
	}
}
