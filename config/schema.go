package config

import (
	"fmt"
	"sort"
	"strconv"

	"github.com/briefing/report/internal/suggest"
	"gopkg.in/yaml.v3"
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
	tableRef = &shape{keys: map[string]*shape{"dataset": leaf, "analysis": leaf, "columns": free, "decimals": leaf, "title": leaf}}
	textRef  = &shape{keys: map[string]*shape{"file": leaf, "markdown": leaf}}
)

var configShape = &shape{keys: map[string]*shape{
	"report": {keys: map[string]*shape{
		"title": leaf, "subtitle": leaf, "series": leaf, "authors": free, "keywords": free,
		"period": leaf, "classification": leaf, "draft": leaf, "page_size": leaf, "output": leaf,
	}},
	"brand": {keys: map[string]*shape{
		"organization": leaf, "logo": leaf, "primary_color": leaf, "accent_color": leaf,
		"palette": free, "disclaimer": leaf,
		"fonts": {keys: map[string]*shape{"regular": leaf, "bold": leaf, "italic": leaf, "bold_italic": leaf}},
	}},
	"data": {each: &shape{keys: map[string]*shape{
		"path": leaf, "format": leaf, "time": timeKeys, "decimal": leaf, "skip": leaf,
	}}},
	"analyses": {each: &shape{keys: map[string]*shape{
		"kind": leaf, "dataset": leaf, "value": leaf, "by": leaf, "top": leaf, "where": free,
		"interval": leaf, "from": leaf, "to": leaf, "moving_average": leaf, "missing": leaf,
		"labels": free, "of": leaf, "empty": leaf, "time": timeKeys,
		"series":  {items: &shape{keys: map[string]*shape{"label": leaf, "where": free, "value": leaf, "color": leaf}}},
		"periods": {items: &shape{keys: map[string]*shape{"label": leaf, "from": leaf, "to": leaf}}},
	}}},
	"charts": {each: &shape{keys: map[string]*shape{
		"analysis": leaf, "type": leaf, "title": leaf, "y_label": leaf, "caption": leaf,
		"source": leaf, "height": leaf, "measure": leaf,
		"annotations": {items: &shape{keys: map[string]*shape{"x": leaf, "label": leaf}}},
	}}},
	"sections": {items: &shape{keys: map[string]*shape{
		"title": leaf,
		"blocks": {items: &shape{keys: map[string]*shape{
			"text": textRef, "callout": textRef, "chart": leaf, "table": tableRef,
			"title": leaf, "decimals": leaf,
		}}},
	}}},
}}

// checkShape reports every key the config does not know, with the closest
// known key as a suggestion.
func (c *Config) checkShape(root *yaml.Node) Problems {
	if root == nil {
		return nil
	}
	n := root
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	var ps Problems
	c.walkShape("", n, configShape, &ps)
	return ps
}

func (c *Config) walkShape(path string, n *yaml.Node, s *shape, ps *Problems) {
	if s == nil || s.leaf {
		return
	}
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	switch {
	case s.keys != nil:
		if n.Kind != yaml.MappingNode {
			// A scalar where a block is allowed (time: column, text: file) is
			// checked by decoding; only mappings have keys to check here.
			return
		}
		known := sortedKeys(s.keys)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			child := joinPath(path, k.Value)
			sub, ok := s.keys[k.Value]
			if !ok {
				*ps = append(*ps, Problem{File: c.File, Line: k.Line, Column: k.Column, Path: child,
					Msg: fmt.Sprintf("unknown key %q%s", k.Value, suggest.Hint(k.Value, known))})
				continue
			}
			c.walkShape(child, v, sub, ps)
		}
	case s.each != nil:
		if n.Kind != yaml.MappingNode {
			*ps = append(*ps, Problem{File: c.File, Line: n.Line, Column: n.Column, Path: path,
				Msg: "expected a map of names to entries, found " + nodeKind(n)})
			return
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			c.walkShape(joinPath(path, n.Content[i].Value), n.Content[i+1], s.each, ps)
		}
	case s.items != nil:
		if n.Kind != yaml.SequenceNode {
			*ps = append(*ps, Problem{File: c.File, Line: n.Line, Column: n.Column, Path: path,
				Msg: "expected a list, found " + nodeKind(n)})
			return
		}
		for i, v := range n.Content {
			c.walkShape(path+"["+strconv.Itoa(i)+"]", v, s.items, ps)
		}
	}
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
