package config

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/spf13/viper"
	"gopkg.in/yaml.v3"
)

// EnvPrefix starts every environment variable that overrides a config key:
// REPORT_REPORT_PERIOD overrides report.period.
const EnvPrefix = "REPORT_"

// Options are the overlays on top of the config file, weakest first:
// environment, then --set. Command-line flags are applied by the caller.
type Options struct {
	Env  []string // "KEY=value" pairs, as os.Environ returns them
	Sets []string // "key=value" pairs from --set
}

// overridable are the keys an environment variable or --set may name even
// when the file does not set them.
var overridable = []string{
	"report.title", "report.subtitle", "report.series", "report.period",
	"report.classification", "report.draft", "report.page_size", "report.output",
	"brand.organization", "brand.logo", "brand.primary_color", "brand.accent_color",
	"brand.disclaimer", "brand.fonts.regular", "brand.fonts.bold", "brand.fonts.italic",
	"brand.fonts.bold_italic",
}

// Load reads and decodes the config file with its overlays and validates
// it. The error is Problems when the input is wrong, with every problem of
// the file; any other error is about reading it.
func Load(file string, opts Options) (*Config, error) {
	c := &Config{File: file, Dir: filepath.Dir(file)}
	fi, err := os.Stat(file)
	if err != nil {
		return nil, Problems{{File: file, Msg: "cannot read the config file: " + pathErr(err)}}
	}
	if fi.IsDir() {
		return nil, Problems{{File: file, Msg: "is a folder, expected a config file (.yaml, .json or .toml)"}}
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, Problems{{File: file, Msg: "cannot read the config file: " + pathErr(err)}}
	}
	typ, err := configType(file)
	if err != nil {
		return nil, Problems{{File: file, Msg: err.Error()}}
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, Problems{{File: file, Line: 1, Msg: "empty config file, expected at least report:, data: and sections:"}}
	}
	var root *yaml.Node
	if typ != "toml" {
		var doc yaml.Node
		if err := yaml.Unmarshal(data, &doc); err != nil {
			return nil, Problems{syntaxProblem(file, err)}
		}
		root = &doc
		c.pos = indexPositions(root)
	}
	v := viper.New()
	v.SetConfigType(typ)
	if err := v.ReadConfig(bytes.NewReader(data)); err != nil {
		return nil, Problems{syntaxProblem(file, err)}
	}
	var ps Problems
	ps = append(ps, c.checkShape(root)...)
	ps = append(ps, applyOverlays(v, file, opts)...)
	ps = append(ps, c.decode(v.AllSettings())...)
	c.resolvePaths()
	ps = append(ps, c.validate()...)
	ps.Sort()
	if len(ps.Errors()) > 0 {
		return c, ps
	}
	if len(ps) > 0 {
		return c, ps // warnings only: the caller decides
	}
	return c, nil
}

func configType(file string) (string, error) {
	switch strings.ToLower(filepath.Ext(file)) {
	case ".yaml", ".yml":
		return "yaml", nil
	case ".json":
		return "json", nil
	case ".toml":
		return "toml", nil
	}
	return "", fmt.Errorf("unknown config file type %q, expected .yaml, .yml, .json or .toml", filepath.Ext(file))
}

var lineRe = regexp.MustCompile(`line (\d+)(?:, column (\d+))?`)

func syntaxProblem(file string, err error) Problem {
	msg := err.Error()
	p := Problem{File: file, Msg: "syntax error: " + strings.TrimPrefix(msg, "yaml: ")}
	if m := lineRe.FindStringSubmatch(msg); m != nil {
		p.Line, _ = strconv.Atoi(m[1])
		if m[2] != "" {
			p.Column, _ = strconv.Atoi(m[2])
		}
	}
	return p
}

// applyOverlays sets REPORT_ environment variables, then --set pairs, on v.
func applyOverlays(v *viper.Viper, file string, opts Options) Problems {
	keys := map[string]bool{}
	for _, k := range v.AllKeys() {
		keys[k] = true
	}
	for _, k := range overridable {
		keys[k] = true
	}
	env := map[string]string{}
	for _, kv := range opts.Env {
		if k, val, ok := strings.Cut(kv, "="); ok && strings.HasPrefix(k, EnvPrefix) {
			env[k] = val
		}
	}
	sorted := sortedKeys(keys)
	for _, k := range sorted {
		name := EnvPrefix + strings.ToUpper(strings.NewReplacer(".", "_", "-", "_").Replace(k))
		if val, ok := env[name]; ok {
			v.Set(k, val)
		}
	}
	var ps Problems
	for _, kv := range opts.Sets {
		k, val, ok := strings.Cut(kv, "=")
		k = strings.ToLower(strings.TrimSpace(k))
		if !ok || k == "" {
			ps = append(ps, Problem{File: "--set", Msg: fmt.Sprintf("%q: expected key=value", kv)})
			continue
		}
		v.Set(k, val)
	}
	return ps
}

func pathErr(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// resolvePaths makes every relative file path absolute against c.Dir.
func (c *Config) resolvePaths() {
	c.Brand.Logo = c.Resolve(c.Brand.Logo)
	f := &c.Brand.Fonts
	f.Regular, f.Bold, f.Italic, f.BoldItalic = c.Resolve(f.Regular), c.Resolve(f.Bold), c.Resolve(f.Italic), c.Resolve(f.BoldItalic)
	for name, d := range c.Data {
		d.Path = c.Resolve(d.Path)
		c.Data[name] = d
	}
	for i := range c.Sections {
		for j := range c.Sections[i].Blocks {
			b := &c.Sections[i].Blocks[j]
			b.File = c.Resolve(b.File)
		}
	}
}

// Resolve returns path made absolute against the config's folder; "" and
// absolute paths are returned as they are.
func (c *Config) Resolve(path string) string {
	if path == "" || filepath.IsAbs(path) {
		return path
	}
	return filepath.Join(c.Dir, path)
}

// DatasetNames returns the dataset names in sorted order.
func (c *Config) DatasetNames() []string { return sortedKeys(c.Data) }

// AnalysisNames returns the analysis names in sorted order.
func (c *Config) AnalysisNames() []string { return sortedKeys(c.Analyses) }

// ChartNames returns the chart names in sorted order.
func (c *Config) ChartNames() []string { return sortedKeys(c.Charts) }
