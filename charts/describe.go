package charts

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

// Describe says in a sentence or two what the chart shows, for readers
// who cannot see it (the figure's alternative text in a tagged PDF): its
// type and span, and for each series its highest value and its last
// (over time) or its largest categories.
func (c *Chart) Describe() string {
	m := c.model
	if m == nil || len(m.x.labels) == 0 {
		return ""
	}
	kind := map[string]string{"line": "Line chart", "bar": "Bar chart", "stacked-bar": "Stacked bar chart",
		"grouped-bar": "Grouped bar chart", "hbar": "Horizontal bar chart", "donut": "Donut chart"}[c.typ]
	if kind == "" {
		kind = "Chart"
	}
	var all []float64
	for _, s := range m.series {
		all = append(all, s.Values...)
	}
	format := m.valueFormat(all)
	labels := m.x.labels
	var b strings.Builder
	if m.x.timed {
		fmt.Fprintf(&b, "%s, %s to %s.", kind, labels[0], labels[len(labels)-1])
	} else {
		fmt.Fprintf(&b, "%s of %d categories.", kind, len(labels))
	}
	shown := 0
	for _, s := range m.series {
		if s.AverageOf != "" {
			continue
		}
		if shown == 6 {
			b.WriteString(" And more series.")
			break
		}
		shown++
		if !m.x.timed {
			// categories: the largest, in order
			idx := make([]int, 0, len(s.Values))
			for i, v := range s.Values {
				if !math.IsNaN(v) {
					idx = append(idx, i)
				}
			}
			sort.SliceStable(idx, func(a, b int) bool { return s.Values[idx[a]] > s.Values[idx[b]] })
			var parts []string
			for _, i := range idx[:min(5, len(idx))] {
				parts = append(parts, labels[i]+" "+format(s.Values[i]))
			}
			if len(m.series) > 1 {
				fmt.Fprintf(&b, " %s:", s.Label)
			}
			fmt.Fprintf(&b, " %s", strings.Join(parts, ", "))
			if len(idx) > 5 {
				fmt.Fprintf(&b, " and %d more", len(idx)-5)
			}
			b.WriteString(".")
			continue
		}
		hi := -1
		for i, v := range s.Values {
			if !math.IsNaN(v) && (hi < 0 || v > s.Values[hi]) {
				hi = i
			}
		}
		if hi < 0 {
			continue
		}
		name := s.Label
		if len(m.series) == 1 {
			name = "Highest"
		} else {
			name += ": highest"
		}
		fmt.Fprintf(&b, " %s %s in %s", name, format(s.Values[hi]), labels[hi])
		if last := len(s.Values) - 1; m.x.timed && last != hi && !math.IsNaN(s.Values[last]) {
			fmt.Fprintf(&b, ", last %s in %s", format(s.Values[last]), labels[last])
		}
		b.WriteString(".")
	}
	return b.String()
}
