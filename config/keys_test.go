package config

import (
	"os"
	"sort"
	"strings"
	"testing"
)

// schemaKeys lists every key path of the config schema: report.title,
// data.NAME.path, analyses.NAME.series[].label, ...
func schemaKeys(prefix string, s *shape, out *[]string) {
	switch {
	case s == nil || s.leaf:
	case s.keys != nil:
		for k, sub := range s.keys {
			p := k
			if prefix != "" {
				p = prefix + "." + k
			}
			*out = append(*out, p)
			schemaKeys(p, sub, out)
		}
	case s.each != nil:
		schemaKeys(prefix+".NAME", s.each, out)
	case s.items != nil:
		schemaKeys(prefix+"[]", s.items, out)
	}
}

// The reference in docs/config.md documents every key of the schema: a
// key added to the schema without a line there fails this test.
func TestReference_EveryKeyDocumented(t *testing.T) {
	data, err := os.ReadFile("../docs/config.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data)
	var keys []string
	schemaKeys("", configShape, &keys)
	sort.Strings(keys)
	for _, k := range keys {
		if !strings.Contains(doc, "`"+k+"`") {
			t.Errorf("docs/config.md does not document `%s`", k)
		}
	}
	if len(keys) < 100 {
		t.Errorf("only %d keys found in the schema: the walk misses some", len(keys))
	}
}
