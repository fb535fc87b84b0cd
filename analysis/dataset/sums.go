package dataset

import (
	"encoding/hex"
	"os"

	"github.com/briefing/report/internal/hashcache"
)

// FileSum is a file Scan reads and its SHA-256 (hex).
type FileSum struct {
	Path, SHA256 string
}

// RememberedSums returns each file Scan would read for spec, in the order
// it reads them, with its SHA-256 as remembered (internal/hashcache) for
// the file as it is now; false unless every file's is (a file new or
// changed since it was hashed, one missing, a glob matching nothing).
// Nothing is read but the files' metadata.
func RememberedSums(spec Spec) ([]FileSum, bool) {
	paths, err := spec.files()
	if err != nil {
		return nil, false
	}
	sums := make([]FileSum, len(paths))
	for i, path := range paths {
		st, err := os.Stat(path)
		if err != nil {
			return nil, false
		}
		sum, ok := hashcache.Lookup(path, st)
		if !ok {
			return nil, false
		}
		sums[i] = FileSum{Path: path, SHA256: hex.EncodeToString(sum[:])}
	}
	return sums, true
}
