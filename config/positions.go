package config

import (
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// positions maps lower-cased key paths ("analyses.arms_trend.kind",
// "sections[1].blocks[0].chart") to where they are written in the file.
type positions map[string][2]int

// find returns the line and column of path, or of its nearest ancestor
// that has one, or 0, 0.
func (p positions) find(path string) (int, int) {
	path = strings.ToLower(path)
	for path != "" {
		if lc, ok := p[path]; ok {
			return lc[0], lc[1]
		}
		i := strings.LastIndexAny(path, ".[")
		if i < 0 {
			break
		}
		path = path[:i]
	}
	return 0, 0
}

// indexPositions walks a YAML (or JSON) node tree and records the position
// of every mapping key and sequence item.
func indexPositions(root *yaml.Node) positions {
	p := positions{}
	if root == nil {
		return p
	}
	node := root
	if node.Kind == yaml.DocumentNode && len(node.Content) > 0 {
		node = node.Content[0]
	}
	budget := maxNodes
	p.walk("", node, &budget)
	return p
}

// walk records positions below n. Aliases are not followed: a key under
// one is placed at the alias.
func (p positions) walk(path string, n *yaml.Node, budget *int) {
	if *budget--; *budget < 0 {
		return
	}
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			child := joinPath(path, k.Value)
			lower := strings.ToLower(child)
			if _, dup := p[lower]; !dup {
				p[lower] = [2]int{k.Line, k.Column}
			}
			p.walk(child, v, budget)
		}
	case yaml.SequenceNode:
		for i, v := range n.Content {
			child := path + "[" + strconv.Itoa(i) + "]"
			p[strings.ToLower(child)] = [2]int{v.Line, v.Column}
			p.walk(child, v, budget)
		}
	}
}

func joinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}
