package analysis

import (
	"fmt"
	"sort"
	"strings"

	"github.com/briefing/report/analysis/dataset"
	"github.com/briefing/report/config"
	"github.com/briefing/report/internal/exact"
	"github.com/briefing/report/internal/period"
	"github.com/briefing/report/internal/suggest"
)

// consumer is one user of a dataset's rows during the single streaming
// pass over it: an analysis or a dataset table.
type consumer interface {
	// bind resolves the consumer's columns against a file's header.
	bind(h *dataset.Header) config.Problems
	// time is the consumer's row timer, or nil when it needs no time.
	time() *timer
	// add offers a row. t is its interval (zero without a timer); inCut
	// reports whether the row falls inside the period cut.
	add(r dataset.Row, t period.Interval, inCut bool) error
	// problems returns what the consumer found wrong once the pass is over.
	problems() config.Problems
}

// valueOf returns the number a row contributes: 1 when counting rows (col
// < 0), else the column's number, 0 when the cell is empty.
func valueOf(r dataset.Row, col int) (exact.Number, error) {
	if col < 0 {
		return exact.Int(r.Count()), nil
	}
	v, empty, err := r.Number(col)
	if err != nil || empty {
		return exact.Number{}, err
	}
	return v, nil
}

// bindColumn resolves an optional column name, with a did-you-mean.
func bindColumn(c *config.Config, path, name string, h *dataset.Header, ps *config.Problems) int {
	if name == "" {
		return -1
	}
	i, err := columnIndex(h, name)
	if err != "" {
		*ps = append(*ps, c.Problemf(path, "%s", err))
		return -1
	}
	return i
}

// columnIndex finds a column by name (case-insensitively, as the contract
// says), or says why not: no such column (with the closest), or two
// columns that the name matches alike.
func columnIndex(h *dataset.Header, name string) (int, string) {
	i, ok := h.Index(name)
	if !ok {
		return -1, fmt.Sprintf("unknown column %q%s", name, hintColumns(name, h))
	}
	for j := i + 1; j < len(h.Columns); j++ {
		if strings.EqualFold(strings.TrimSpace(h.Columns[j]), strings.TrimSpace(name)) {
			return -1, fmt.Sprintf("column %q is ambiguous: the header has %q (column %d) and %q (column %d); rename one in the file",
				name, h.Columns[i], i+1, h.Columns[j], j+1)
		}
	}
	return i, ""
}

func hintColumns(name string, h *dataset.Header) string {
	return suggest.Hint(name, h.Columns)
}

// finisher is a consumer with work to do once every row is in.
type finisher interface{ finish() }

// inTimeOrder sorts rows by their times: by start, then by end (a day
// before the month that starts with it), ties in the order they came.
// A file's rows mostly come so already; a database's come in an order
// its query asked for, and end in the same one.
func inTimeOrder[T any](rows []T, times []period.Interval) {
	if len(times) != len(rows) {
		return
	}
	idx := make([]int, len(rows))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool {
		x, y := times[idx[a]], times[idx[b]]
		if !x.Start.Equal(y.Start) {
			return x.Start.Before(y.Start)
		}
		return x.End().Before(y.End())
	})
	sorted := make([]T, len(rows))
	sortedTimes := make([]period.Interval, len(rows))
	for i, k := range idx {
		sorted[i], sortedTimes[i] = rows[k], times[k]
	}
	copy(rows, sorted)
	copy(times, sortedTimes)
}
