package analysis

import (
	"github.com/briefing/report/analysis/dataset"
	"github.com/briefing/report/config"
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
func valueOf(r dataset.Row, col int) (float64, error) {
	if col < 0 {
		return 1, nil
	}
	v, empty, err := r.Number(col)
	if err != nil {
		return 0, err
	}
	if empty {
		return 0, nil
	}
	return v, nil
}

// bindColumn resolves an optional column name, with a did-you-mean.
func bindColumn(c *config.Config, path, name string, h *dataset.Header, ps *config.Problems) int {
	if name == "" {
		return -1
	}
	i, ok := h.Index(name)
	if !ok {
		*ps = append(*ps, c.Problemf(path, "unknown column %q%s", name, hintColumns(name, h)))
		return -1
	}
	return i
}

func hintColumns(name string, h *dataset.Header) string {
	return suggest.Hint(name, h.Columns)
}
