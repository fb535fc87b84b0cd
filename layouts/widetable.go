package layouts

// tableBlocks returns the blocks of a table: one table, or, when its
// columns do not fit the width it is set in even with every word whole,
// several, each repeating the first column, the later ones titled
// "(continued)" and the note and source under the last. A landscape table
// is set sideways on pages of its own.
func tableBlocks(e *env, num int, t Table, where string, at blockAt) ([]block, error) {
	width := e.frame("body").W
	if t.Landscape {
		width = e.frame("body").H
	}
	whole, err := newTable(e, num, t, where, at)
	if err != nil {
		return nil, err
	}
	groups := columnGroups(whole.d, width)
	var parts []*table
	if len(groups) == 1 {
		parts = []*table{whole}
	}
	for gi := 0; len(groups) > 1 && gi < len(groups); gi++ {
		sub := t
		sub.Columns, sub.Rows = nil, make([][]string, len(t.Rows))
		for _, j := range groups[gi] {
			sub.Columns = append(sub.Columns, t.Columns[j])
		}
		for i, row := range t.Rows {
			for _, j := range groups[gi] {
				cell := ""
				if j < len(row) {
					cell = row[j]
				}
				sub.Rows[i] = append(sub.Rows[i], cell)
			}
		}
		if gi < len(groups)-1 {
			sub.Note, sub.Source = "", ""
		}
		part, err := newTable(e, num, sub, where, at)
		if err != nil {
			return nil, err
		}
		if gi > 0 {
			part.d.title = part.d.contTitle
		}
		parts = append(parts, part)
	}
	out := make([]block, len(parts))
	for i, p := range parts {
		out[i] = p
		if t.Landscape {
			out[i] = &sideways{t: p}
		}
	}
	return out, nil
}

// columnGroups splits the columns after the first into groups that fit
// width beside the first, each at the width that keeps its words whole;
// one group of all columns when they fit together.
func columnGroups(d *tableData, width float64) [][]int {
	n := len(d.t.Columns)
	_, _, minW := d.wants()
	all := make([]int, n)
	for j := range all {
		all[j] = j
	}
	if sum(minW) <= width || n < 3 {
		return [][]int{all}
	}
	// the fewest groups that fit, their widths as even as the columns allow
	for k := 2; k < n; k++ {
		if groups, ok := evenGroups(minW, width, k); ok {
			return groups
		}
	}
	groups := make([][]int, 0, n-1)
	for j := 1; j < n; j++ {
		groups = append(groups, []int{0, j})
	}
	return groups
}

// evenGroups splits columns 1.. into k runs, each with column 0 before it,
// closing a run once it holds its share of the width; ok is false when a
// run does not fit width.
func evenGroups(minW []float64, width float64, k int) ([][]int, bool) {
	rest := sum(minW) - minW[0]
	target := rest / float64(k)
	var groups [][]int
	cur, used, done := []int{0}, 0.0, 0.0
	for j := 1; j < len(minW); j++ {
		left := len(minW) - j // columns still to place, this one included
		if len(cur) > 1 && len(groups) < k-1 &&
			(used+minW[j]/2 > target*float64(len(groups)+1)-done || left < k-1-len(groups)) {
			groups = append(groups, cur)
			done += used
			cur, used = []int{0}, 0
		}
		cur = append(cur, j)
		used += minW[j]
	}
	groups = append(groups, cur)
	for _, g := range groups {
		w := 0.0
		for _, j := range g {
			w += minW[j]
		}
		if w > width+eps {
			return nil, false
		}
	}
	return groups, true
}
