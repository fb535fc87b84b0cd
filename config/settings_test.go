package config

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/spf13/viper"
)

// A YAML config's settings, decoded from the tree parsed for positions,
// are what viper reads from its text: for every YAML config of the
// project, and for YAML that uses what the format allows (anchors and
// merge keys, keys in capitals, numbers, dates, nulls, nesting).
func TestReadSettings_AsViperReadsTheText(t *testing.T) {
	files, _ := filepath.Glob("../testdata/*/*.yaml")
	more, _ := filepath.Glob("../testdata/*/*/*.yaml")
	files = append(files, more...)
	if len(files) < 5 {
		t.Fatalf("found %d configs", len(files))
	}
	texts := map[string][]byte{"tricky": []byte(`
base: &base
  Kind: trend
  Value: TIV delivery values
  from: 1995
analyses:
  a: {<<: *base, to: 2024, series: [{label: "A → B", where: {Supplier: Russia, Recipient: [China, India]}}]}
  b:
    <<: *base
    threshold: 1.5
    missing: null
    when: 2024-03-01
    ratio: 1e3
    flag: yes
    hex: 0x1F
    list: [1, 2.50, "3", ~]
Report:
  Title: "Quoted: with colon"
  multi: |
    two
    lines
`)}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts[f] = data
	}
	for name, data := range texts {
		want := viper.New()
		want.SetConfigType("yaml")
		if err := want.ReadConfig(bytes.NewReader(data)); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		root, ps := parseYAML(name, data)
		if root == nil {
			t.Fatalf("%s: %v", name, ps)
		}
		got := viper.New()
		got.SetConfigType("yaml")
		if err := readSettings(got, root); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if g, w := got.AllSettings(), want.AllSettings(); !reflect.DeepEqual(g, w) {
			t.Errorf("%s: settings differ from viper's reading:\n got %#v\nwant %#v", name, g, w)
		}
	}
}
