package config

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/briefing/report/internal/suggest"
	"go.yaml.in/yaml/v3"
)

// shape describes which keys a config mapping may have. A nil *shape
// accepts anything (user maps such as where: and labels:).
type shape struct {
	keys  map[string]*shape // allowed keys of a mapping
	each  *shape            // the shape of every value of a name-keyed map
	items *shape            // the shape of every item of a sequence
	leaf  bool              // a scalar (or any value not checked further)
}

var (
	leaf     = &shape{leaf: true}
	free     *shape // any value
	timeKeys = &shape{keys: map[string]*shape{"column": leaf, "date": leaf, "year": leaf, "month": leaf}}
	tableRef = &shape{keys: map[string]*shape{"dataset": leaf, "analysis": leaf, "columns": free, "decimals": leaf, "title": leaf,
		"sort": leaf, "top": leaf, "other": leaf, "where": free, "wide": leaf, "note": leaf, "landscape": leaf}}
	textRef = &shape{keys: map[string]*shape{"file": leaf, "markdown": leaf}}
	marking = &shape{keys: map[string]*shape{"marking": leaf, "scheme": leaf}}
)

var configShape = &shape{keys: map[string]*shape{
	"params":  free,
	"foreach": {keys: map[string]*shape{"param": leaf, "values": free, "dataset": leaf, "column": leaf, "where": free, "top": leaf}},
	"report": {keys: map[string]*shape{
		"title": leaf, "subtitle": leaf, "series": leaf, "authors": free, "keywords": free,
		"period": leaf, "classification": marking, "draft": leaf, "list_of_figures": leaf, "page_size": leaf, "output": leaf,
		"language": leaf, "no_hyphenate": free, "pdf_standard": leaf, "labels": free,
	}},
	"brand": {keys: map[string]*shape{
		"organization": leaf, "logo": leaf, "primary_color": leaf, "accent_color": leaf,
		"palette": free, "disclaimer": leaf, "period_format": leaf,
		"fonts": {keys: map[string]*shape{"regular": leaf, "bold": leaf, "italic": leaf, "bold_italic": leaf, "fallback": free}},
	}},
	"data": {each: &shape{keys: map[string]*shape{
		"path": leaf, "format": leaf, "time": timeKeys, "decimal": leaf, "skip": leaf, "title": leaf, "labels": free, "sheet": leaf, "header_row": leaf, "previous": leaf, "previous_generated": leaf,
		"generated": leaf, "driver": leaf, "dsn": leaf, "table": leaf, "query": leaf, "timeout": leaf,
	}}},
	"analyses": {each: &shape{keys: map[string]*shape{
		"kind": leaf, "dataset": leaf, "value": leaf, "by": leaf, "top": leaf, "where": free,
		"interval": leaf, "from": leaf, "to": leaf, "moving_average": leaf, "missing": leaf,
		"labels": free, "of": leaf, "empty": leaf, "time": timeKeys, "threshold": leaf,
		"series":  {items: &shape{keys: map[string]*shape{"label": leaf, "where": free, "value": leaf, "color": leaf}}},
		"periods": {items: &shape{keys: map[string]*shape{"label": leaf, "from": leaf, "to": leaf}}},
	}}},
	"charts": {each: &shape{keys: map[string]*shape{
		"alt": leaf, "analysis": leaf, "type": leaf, "title": leaf, "y_label": leaf, "caption": leaf,
		"source": leaf, "height": leaf, "measure": leaf, "period": leaf,
		"annotations": {items: &shape{keys: map[string]*shape{"x": leaf, "label": leaf}}},
	}}},
	"sections": {items: &shape{keys: map[string]*shape{
		"title": leaf,
		"blocks": {items: &shape{keys: map[string]*shape{
			"text": textRef, "callout": textRef, "chart": leaf, "table": tableRef,
			"title": leaf, "decimals": leaf, "float": leaf,
		}}},
	}}},
}}

// checkShape reports every key the config does not know, with the closest
// known key as a suggestion, and every block of the wrong shape.
func (c *Config) checkShape(root *yaml.Node) Problems {
	if root == nil {
		return nil
	}
	n := root
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	var ps Problems
	budget := maxNodes
	c.walkShape("", n, configShape, &ps, &budget)
	return ps
}

// at is where a key path is written: the node's own position, or for TOML
// (whose nodes are made from decoded settings) the indexed line.
func (c *Config) at(path string, n *yaml.Node) (int, int) {
	if c.posOnly {
		return c.pos.find(path)
	}
	return n.Line, n.Column
}

func (c *Config) walkShape(path string, n *yaml.Node, s *shape, ps *Problems, budget *int) {
	if s == nil || s.leaf {
		return
	}
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	if *budget--; *budget < 0 {
		return
	}
	wrong := func(msg string) {
		if c.broken == nil {
			c.broken = map[string]bool{}
		}
		c.broken[path] = true
		line, col := c.at(path, n)
		*ps = append(*ps, Problem{File: c.File, Line: line, Column: col, Path: path, Msg: msg, shape: true})
	}
	switch {
	case s.keys != nil:
		if n.Kind != yaml.MappingNode {
			// A scalar where a block is allowed (time: column, text: file) is
			// checked by decoding; only mappings have keys to check here.
			if n.Kind == yaml.SequenceNode && s != timeKeys && s != textRef && s != tableRef && s != marking {
				wrong("expected a map of keys (" + strings.Join(sortedKeys(s.keys), ", ") + "), found a list")
			}
			return
		}
		known := sortedKeys(s.keys)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Value == "<<" && k.Tag == "!!merge" {
				c.walkMerge(path, v, s, ps, budget)
				continue
			}
			child := joinPath(path, k.Value)
			sub, ok := s.keys[k.Value]
			if !ok {
				line, col := c.at(child, k)
				*ps = append(*ps, Problem{File: c.File, Line: line, Column: col, Path: child,
					Msg: fmt.Sprintf("unknown key %q%s (valid here: %s)", k.Value, suggest.Hint(k.Value, known), strings.Join(known, ", "))})
				continue
			}
			c.walkShape(child, v, sub, ps, budget)
		}
	case s.each != nil:
		if n.Kind != yaml.MappingNode {
			if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
				return // an empty block: validation says what is missing
			}
			wrong("expected a map of names to entries, found " + nodeKind(n))
			return
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			c.walkShape(joinPath(path, n.Content[i].Value), n.Content[i+1], s.each, ps, budget)
		}
	case s.items != nil:
		if n.Kind != yaml.SequenceNode {
			if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
				return
			}
			wrong("expected a list, found " + nodeKind(n))
			return
		}
		for i, v := range n.Content {
			c.walkShape(path+"["+strconv.Itoa(i)+"]", v, s.items, ps, budget)
		}
	}
}

// walkMerge checks the maps merged in by a YAML merge key (<<: *base).
func (c *Config) walkMerge(path string, v *yaml.Node, s *shape, ps *Problems, budget *int) {
	for v.Kind == yaml.AliasNode && v.Alias != nil {
		v = v.Alias
	}
	if v.Kind == yaml.SequenceNode {
		for _, item := range v.Content {
			c.walkShape(path, item, s, ps, budget)
		}
		return
	}
	c.walkShape(path, v, s, ps, budget)
}

// knownKey reports whether a dotted key path (as --set takes it) names a
// config key, with a did-you-mean hint when it does not.
func knownKey(path string) (string, bool) {
	s := configShape
	prefix := ""
	for _, part := range strings.Split(path, ".") {
		switch {
		case s == nil || s.leaf:
			// Below a free value (where:, labels:) anything goes; below a
			// scalar nothing does.
			return "", s == nil
		case s.keys != nil:
			sub, ok := s.keys[part]
			if !ok {
				if c := suggest.Closest(part, sortedKeys(s.keys)); c != "" {
					return `; did you mean "` + joinPath(prefix, c) + `"?`, false
				}
				return "", false
			}
			s = sub
		case s.each != nil:
			s = s.each
		default:
			return "", false // list items cannot be set by key path
		}
		prefix = joinPath(prefix, part)
	}
	return "", true
}

func nodeKind(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a map"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		return fmt.Sprintf("%q", n.Value)
	}
	return "nothing"
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
