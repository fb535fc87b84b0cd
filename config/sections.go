package config

import (
	"fmt"
	"strings"
)

var blockKinds = []BlockKind{BlockText, BlockCallout, BlockChart, BlockTable}

// decodeSections reads `sections:`, a list of {title, blocks}.
func (c *Config) decodeSections(in any, ps *Problems) []Section {
	list, ok := in.([]any)
	if in != nil && !ok {
		*ps = append(*ps, c.Problemf("sections", "expected a list of sections, found %s", describe(in)))
		return nil
	}
	var out []Section
	for i, s := range list {
		path := fmt.Sprintf("sections[%d]", i)
		m, ok := s.(map[string]any)
		if !ok {
			*ps = append(*ps, c.Problemf(path, "expected a section {title, blocks}, found %s", describe(s)))
			continue
		}
		sec := Section{Title: scalarText(m["title"])}
		blocks, ok := m["blocks"].([]any)
		if m["blocks"] != nil && !ok {
			*ps = append(*ps, c.Problemf(path+".blocks", "expected a list of blocks, found %s", describe(m["blocks"])))
		}
		for j, b := range blocks {
			bp := fmt.Sprintf("%s.blocks[%d]", path, j)
			if blk, ok := c.decodeBlock(bp, b, ps); ok {
				sec.Blocks = append(sec.Blocks, blk)
			}
		}
		out = append(out, sec)
	}
	return out
}

func (c *Config) decodeBlock(path string, in any, ps *Problems) (Block, bool) {
	m, ok := in.(map[string]any)
	if !ok {
		*ps = append(*ps, c.Problemf(path, "expected a block such as {text: file.md} or {chart: name}, found %s", describe(in)))
		return Block{}, false
	}
	var kinds []BlockKind
	var names []string
	for _, k := range blockKinds {
		if _, ok := m[string(k)]; ok {
			kinds = append(kinds, k)
			names = append(names, string(k))
		}
	}
	switch {
	case len(kinds) == 0:
		*ps = append(*ps, c.Problemf(path, "expected one of text, callout, chart or table in this block, found none"))
		return Block{}, false
	case len(kinds) > 1:
		*ps = append(*ps, c.Problemf(path, "expected one of text, callout, chart or table in this block, found %s: make each a block of its own (a new \"- \" item)", strings.Join(names, " and ")))
		return Block{}, false
	}
	b := Block{Kind: kinds[0], Path: path, Title: scalarText(m["title"]), Decimals: -1}
	kp := path + "." + string(b.Kind)
	v := m[string(b.Kind)]
	switch b.Kind {
	case BlockText, BlockCallout:
		switch x := v.(type) {
		case string:
			if IsMarkdownFile(x) {
				b.File = strings.TrimSpace(x)
			} else {
				b.Markdown = x
			}
		case map[string]any:
			b.File, b.Markdown = scalarText(x["file"]), stringValue(x["markdown"])
			if (b.File == "") == (b.Markdown == "") {
				*ps = append(*ps, c.Problemf(kp, "expected exactly one of file or markdown"))
			}
		default:
			*ps = append(*ps, c.Problemf(kp, "expected a Markdown file, inline Markdown, {file} or {markdown}, found %s", describe(v)))
		}
	case BlockChart:
		b.Chart = scalarText(v)
	case BlockTable:
		switch x := v.(type) {
		case string:
			b.Analysis = strings.TrimSpace(x)
		case map[string]any:
			var t struct {
				Dataset, Analysis, Title string
				Decimals                 *int
			}
			own := map[string]any{}
			for _, k := range []string{"dataset", "analysis", "title", "decimals"} {
				if v, ok := x[k]; ok {
					own[k] = v
				}
			}
			c.decodeInto(kp, own, &t, ps)
			b.Dataset, b.Analysis = t.Dataset, t.Analysis
			c.decodeTableOptions(kp, x, &b, ps)
			if t.Title != "" {
				b.Title = t.Title
			}
			if t.Decimals != nil {
				b.Decimals = c.checkDecimals(kp+".decimals", *t.Decimals, ps)
			}
			if (b.Dataset == "") == (b.Analysis == "") {
				*ps = append(*ps, c.Problemf(kp, "expected exactly one of dataset or analysis"))
			}
		default:
			*ps = append(*ps, c.Problemf(kp, "expected an analysis name or {dataset, columns}, found %s", describe(v)))
		}
	}
	if f, ok := m["float"]; ok {
		var float bool
		before := len(*ps)
		if c.decodeInto(path+".float", f, &float, ps); len(*ps) == before {
			if b.Kind != BlockChart && b.Kind != BlockTable {
				*ps = append(*ps, c.Problemf(path+".float", "float applies to chart and table blocks, not to a %s block", b.Kind))
			}
			b.Pinned = !float
		}
	}
	if d, ok := m["decimals"]; ok {
		var n int
		before := len(*ps)
		if c.decodeInto(path+".decimals", d, &n, ps); len(*ps) == before {
			b.Decimals = c.checkDecimals(path+".decimals", n, ps)
		}
	}
	return b, true
}

// checkDecimals returns n when it is a number of decimals a table can
// print, else reports it and returns -1 (the default).
func (c *Config) checkDecimals(path string, n int, ps *Problems) int {
	if n < 0 || n > maxDecimals {
		*ps = append(*ps, c.Problemf(path, "expected 0 to %d decimals, found %d", maxDecimals, n))
		return -1
	}
	return n
}

// IsMarkdownFile reports whether a block's text names a Markdown file: one
// line, no spaces, ending in .md.
func IsMarkdownFile(s string) bool {
	s = strings.TrimSpace(s)
	return strings.HasSuffix(strings.ToLower(s), ".md") && !strings.ContainsAny(s, " \t\n")
}

func stringValue(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	return scalarText(v)
}
