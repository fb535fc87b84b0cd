package analysis

import (
	"cmp"
	"os"
	"slices"

	"github.com/briefing/report/config"
)

// startOrder returns the indexes of the datasets to read, names[i] with
// the config cfgs[i], in the order their reading starts: the most work
// first. The datasets are read side by side and the stage ends with the
// last of them; a large register started after the small files ends
// alone, its pipeline on one core, as long after the others as it
// started late (in the sample, the current register started 1.1 ms after
// the earlier export, December 2026). The results do not depend on the
// order: they are merged by name.
func startOrder(names []string, cfgs []*config.Config) []int {
	work := make([]int64, len(names))
	order := make([]int, len(names))
	for i, name := range names {
		work[i] = readingWork(cfgs[i], name)
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(work[b], work[a]) })
	return order
}

// unknownSize is the size taken for a dataset that is not one file to
// stat before reading: a database's table (its wait on the server
// overlaps the others' reading when it starts first), a glob pattern, or
// a path with nothing there (its reader fails at once).
const unknownSize = 1 << 40

// readingWork estimates the work of reading dataset name of c: its
// file's bytes (each is split into fields) times one more than the
// analyses and tables that take its rows. A path that names a file is
// that file, as its reader takes it, glob characters or not.
func readingWork(c *config.Config, name string) int64 {
	d := c.Data[name]
	size := int64(unknownSize)
	if !d.IsSQL() {
		if fi, err := os.Stat(d.Path); err == nil {
			size = fi.Size()
		}
	}
	uses := int64(1)
	for _, a := range c.Analyses {
		if a.Dataset == name {
			uses++
		}
	}
	for _, s := range c.Sections {
		for _, b := range s.Blocks {
			if b.Kind == config.BlockTable && b.Dataset == name {
				uses++
			}
		}
	}
	return size * uses
}
