//go:build unix

package dataset

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// From a pipe, which hands the bytes over in pieces of any size (a byte
// order mark split among them too), the lines are the same.
func TestSource_PipeInPieces(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	dir := t.TempDir()
	for i := range 40 {
		content := randomText(rng)
		if i%4 == 0 {
			content = "\xef\xbb\xbfa,b\n1,2\n"
		}
		path := filepath.Join(dir, "p"+string(rune('a'+i%26)))
		if err := syscall.Mkfifo(path, 0o600); err != nil {
			t.Skip("no named pipes here:", err)
		}
		pieces := rand.New(rand.NewPCG(uint64(i), 9)) // the writer's own
		go func() {
			f, err := os.OpenFile(path, os.O_WRONLY, 0)
			if err != nil {
				return
			}
			defer f.Close()
			for rest := content; rest != ""; {
				n := min(len(rest), 1+pieces.IntN(5)) // pieces of 1-5 bytes
				if pieces.IntN(50) == 0 {
					n = min(len(rest), 70_000)
				}
				if _, err := f.WriteString(rest[:n]); err != nil {
					return
				}
				rest = rest[n:]
			}
		}()
		got, sum := readAll(t, path)
		checkLines(t, "pipe", content, got, sum)
		os.Remove(path)
	}
}
