package analysis

import (
	"fmt"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/briefing/report/config"
)

// sortedTimes orders time specs so binding reports problems in a stable order.
func sortedTimes(m map[config.Time]*timer) []config.Time {
	keys := make([]config.Time, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return fmt.Sprint(keys[i]) < fmt.Sprint(keys[j]) })
	return keys
}

func baseName(path string) string { return filepath.Base(path) }

func joinNames(names []string) string {
	if len(names) > 3 {
		return strings.Join(names[:3], ", ") + fmt.Sprintf(" and %d more files", len(names)-3)
	}
	return strings.Join(names, ", ")
}

// thousands prints n with thousands separators: 1,000,000.
func thousands(n int) string {
	s := strconv.Itoa(n)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 && s[i-1] != '-' {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}
