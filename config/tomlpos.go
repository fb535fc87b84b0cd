package config

import (
	"strconv"
	"strings"
)

// tomlPositions finds where each key of a TOML file is written, line by
// line: [table] and [[array]] headers set the current path, "key = value"
// lines (dotted keys too) add a path below it. Inline tables and values
// spanning lines are not looked into; a problem there is placed at the
// nearest key that is indexed. A syntax error never gets here: viper has
// parsed the file first.
func tomlPositions(data []byte) positions {
	p := positions{}
	counts := map[string]int{} // array-of-tables path -> items so far
	table := ""
	inMulti := "" // the closing quotes of a multi-line string being skipped
	for i, raw := range splitLines(data) {
		line := strings.TrimSpace(raw)
		col := len(raw) - len(strings.TrimLeft(raw, " \t")) + 1
		if inMulti != "" {
			if strings.Count(line, inMulti)%2 == 1 {
				inMulti = ""
			}
			continue
		}
		switch {
		case line == "" || line[0] == '#':
			continue
		case strings.HasPrefix(line, "[["):
			end := strings.Index(line, "]]")
			if end < 0 {
				continue
			}
			key := tomlKey(line[2:end])
			path := key
			if i := strings.LastIndex(key, "."); i >= 0 {
				path = resolveArray(key[:i], counts) + key[i:]
			}
			n := counts[path]
			counts[path] = n + 1
			table = path + "[" + strconv.Itoa(n) + "]"
			p[strings.ToLower(table)] = [2]int{i + 1, col}
			if _, ok := p[strings.ToLower(path)]; !ok {
				p[strings.ToLower(path)] = [2]int{i + 1, col}
			}
			// A new item starts afresh: arrays below it count from zero.
			for k := range counts {
				if strings.HasPrefix(k, table+".") {
					delete(counts, k)
				}
			}
			continue
		case line[0] == '[':
			end := strings.Index(line, "]")
			if end < 0 {
				continue
			}
			table = resolveArray(tomlKey(line[1:end]), counts)
			p[strings.ToLower(table)] = [2]int{i + 1, col}
			continue
		}
		eq := strings.Index(line, "=")
		if eq <= 0 {
			continue
		}
		key := tomlKey(line[:eq])
		if key == "" {
			continue
		}
		p[strings.ToLower(joinPath(table, key))] = [2]int{i + 1, col}
		value := strings.TrimSpace(line[eq+1:])
		for _, q := range []string{`"""`, `'''`} {
			if strings.HasPrefix(value, q) && strings.Count(value, q)%2 == 1 {
				inMulti = q
			}
		}
	}
	return p
}

// resolveArray rewrites a dotted table path so that each prefix that is an
// array of tables points at its current item: sections.blocks under the
// second [[sections]] is sections[1].blocks.
func resolveArray(path string, counts map[string]int) string {
	parts := strings.Split(path, ".")
	out := ""
	for _, part := range parts {
		out = joinPath(out, part)
		if n, ok := counts[out]; ok && n > 0 {
			out += "[" + strconv.Itoa(n-1) + "]"
		}
	}
	return out
}

// tomlKey normalises a TOML key: "a . b" or a."b c" to a.b c.
func tomlKey(s string) string {
	var parts []string
	for _, part := range strings.Split(s, ".") {
		part = strings.TrimSpace(part)
		part = strings.Trim(part, `"'`)
		if part != "" {
			parts = append(parts, part)
		}
	}
	return strings.Join(parts, ".")
}
