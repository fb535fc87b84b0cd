package config

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/spf13/viper"
	"go.yaml.in/yaml/v3"
)

// EnvPrefix starts every environment variable that overrides a config key:
// REPORT_REPORT_PERIOD overrides report.period.
const EnvPrefix = "REPORT_"

// Options are the overlays on top of the config file, weakest first:
// environment, then --set. Command-line flags are applied by the caller.
type Options struct {
	Env    []string // "KEY=value" pairs, as os.Environ returns them
	Sets   []string // "key=value" pairs from --set
	Params []string // "name=value" pairs from --param
	// AsOf is the instant the run treats as now, from the run's clock
	// (period.Clock): report.period is resolved against it. Zero: the
	// time of the call.
	AsOf time.Time
}

// overridable are the keys an environment variable or --set may name even
// when the file does not set them.
var overridable = []string{
	"report.title", "report.subtitle", "report.series", "report.period",
	"report.classification", "report.draft", "report.list_of_figures", "report.page_size", "report.output",
	"report.language",
	"brand.organization", "brand.logo", "brand.primary_color", "brand.accent_color",
	"brand.disclaimer", "brand.fonts.regular", "brand.fonts.bold", "brand.fonts.italic",
	"brand.fonts.bold_italic",
}

// Load reads and decodes the config file with its overlays and validates
// it. The error is Problems when the input is wrong, with every problem of
// the file; any other error is about reading it.
func Load(file string, opts Options) (*Config, error) {
	asOf := opts.AsOf
	if asOf.IsZero() {
		asOf = time.Now()
	}
	c := &Config{File: file, Dir: filepath.Dir(file), env: opts.Env, AsOf: asOf.UTC()}
	fi, err := os.Stat(file)
	if err != nil {
		return nil, Problems{{File: file, Msg: "cannot read the config file: " + pathErr(err)}}
	}
	if fi.IsDir() {
		return nil, Problems{{File: file, Msg: "is a folder, expected a config file (.yaml, .json or .toml)"}}
	}
	if fi.Size() > maxConfigSize {
		return nil, Problems{{File: file, Msg: fmt.Sprintf("is %d bytes; a config file has at most %d (is it the right file?)", fi.Size(), maxConfigSize)}}
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
	if i := firstNonText(data); i >= 0 {
		line, col := lineCol(data, i+1)
		return nil, Problems{{File: file, Line: line, Column: col,
			Msg: fmt.Sprintf("byte 0x%02x is not text in UTF-8: save the file as UTF-8 (or is it not a config file?)", data[i])}}
	}
	v := viper.New()
	v.SetConfigType(typ)
	var root *yaml.Node
	if typ == "yaml" {
		// One parse gives the positions and, decoded as viper's YAML
		// reader decodes the text (the same yaml package), the settings.
		r, ps := parseYAML(file, data)
		if len(ps) > 0 {
			return nil, ps
		}
		root = r
		if err := readSettings(v, r); err != nil {
			return nil, Problems{parseProblem(file, data, err)}
		}
	} else {
		// viper reads the text while it is parsed again below for
		// positions: two parses of the same size, on two cores
		read := make(chan error, 1)
		go func() {
			defer func() {
				if r := recover(); r != nil { // a bug in the parser: an error, not a crash
					read <- fmt.Errorf("internal error reading the config: %v", r)
				}
			}()
			read <- v.ReadConfig(bytes.NewReader(data))
		}()
		if typ == "json" {
			if p := jsonSyntaxProblem(file, data); p != nil {
				return nil, Problems{*p}
			}
			// JSON is YAML too: parse it again for the positions of its keys.
			if r, ps := parseYAML(file, data); len(ps) == 0 {
				root = r
			}
		}
		if err := <-read; err != nil {
			return nil, Problems{parseProblem(file, data, err)}
		}
	}
	if root != nil {
		c.pos = indexPositions(root)
	} else if typ == "toml" {
		// TOML has no node tree with positions: index the lines, and check
		// the keys on the decoded settings.
		c.pos = tomlPositions(data)
		c.posOnly = true
		root = settingsNode(v.AllSettings())
	}
	var ps Problems
	ps = append(ps, c.checkShape(root)...)
	ps = append(ps, c.applyOverlays(v, opts)...)
	ps = append(ps, c.decode(v.AllSettings())...)
	ps = append(ps, c.applyParams()...)
	c.resolvePaths()
	ps = append(ps, c.validate()...)
	ps = ps.dedupe()
	ps.Sort()
	if len(ps) > 0 {
		return c, ps // warnings only when ps.Errors() is empty: the caller decides
	}
	return c, nil
}

// readSettings gives v the settings of a YAML config's parsed root as
// v.ReadConfig would have read them from its text: decoded into a map by
// the same yaml package (viper's YAML codec is yaml.Unmarshal into a
// map), then merged into v's empty settings, which lower-cases the keys
// as ReadConfig does.
func readSettings(v *viper.Viper, root *yaml.Node) error {
	settings := map[string]any{}
	if err := root.Decode(&settings); err != nil {
		return err
	}
	return v.MergeConfigMap(settings)
}

// firstNonText returns the offset of the first NUL byte or byte that is
// not UTF-8, or -1.
func firstNonText(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == 0 || (r == utf8.RuneError && n <= 1) {
			return i
		}
		i += n
	}
	return -1
}

// maxConfigSize bounds the config file: a briefing's config is a few
// kilobytes; a data file given as --config by mistake is refused at once.
const maxConfigSize = 4 << 20

// settingsNode turns decoded settings into a node tree for the key checks.
func settingsNode(settings map[string]any) *yaml.Node {
	out, err := yaml.Marshal(settings)
	if err != nil {
		return nil
	}
	var doc yaml.Node
	if yaml.Unmarshal(out, &doc) != nil {
		return nil
	}
	return &doc
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

// envKey turns a key's dots and dashes into the underscores of its
// environment variable's name.
var envKey = strings.NewReplacer(".", "_", "-", "_")

// applyOverlays sets REPORT_ environment variables, then --set pairs, on v,
// and remembers where each overridden key came from so that a problem with
// its value names the flag or the variable, not the file.
func (c *Config) applyOverlays(v *viper.Viper, opts Options) Problems {
	env := map[string]string{}
	for _, kv := range opts.Env {
		if k, val, ok := strings.Cut(kv, "="); ok && strings.HasPrefix(k, EnvPrefix) {
			env[k] = val
		}
	}
	c.origin = map[string]string{}
	var ps Problems
	if len(env) > 0 || len(opts.Params) > 0 { // most runs have neither: no need of every key
		keys := map[string]bool{}
		declared := map[string]bool{}
		for _, k := range v.AllKeys() {
			keys[k] = true
			if name, ok := strings.CutPrefix(k, "params."); ok && !strings.Contains(name, ".") {
				declared[name] = true
			}
		}
		for _, name := range c.pos.paramNames() {
			declared[name] = true // a parameter without a value in the file
		}
		for _, k := range overridable {
			keys[k] = true
		}
		for _, k := range sortedKeys(keys) {
			name := EnvPrefix + strings.ToUpper(envKey.Replace(k))
			if val, ok := env[name]; ok {
				v.Set(k, val)
				c.origin[k] = "environment " + name
			}
		}
		ps = c.paramOverlays(func(k, val string) { v.Set(k, val) }, declared, opts)
	}
	for _, kv := range opts.Sets {
		k, val, ok := strings.Cut(kv, "=")
		k = strings.ToLower(strings.TrimSpace(k))
		where := "--set " + kv
		if strings.HasSuffix(k, ".dsn") {
			where = "--set " + k + "=…" // a DSN may hold a password: never printed
		}
		if !ok || k == "" {
			ps = append(ps, Problem{File: where, Msg: "expected key=value, such as --set report.period=2025-Q1"})
			continue
		}
		if hint, ok := knownKey(k); !ok {
			ps = append(ps, Problem{File: where, Path: k, Msg: fmt.Sprintf("unknown key %q%s", k, hint)})
			continue
		}
		v.Set(k, val)
		c.origin[k] = where
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
	for i, p := range f.Fallback {
		f.Fallback[i] = c.Resolve(p)
	}
	for name, d := range c.Data {
		d.Path = c.Resolve(d.Path)
		if !d.IsSQL() {
			d.Previous = c.Resolve(d.Previous) // of a database: a table
		}
		if d.Driver == "sqlite" && d.DSN != "" && !strings.HasPrefix(d.DSN, "file:") && !strings.HasPrefix(d.DSN, ":memory:") {
			d.DSN = c.Resolve(d.DSN)
		}
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

// Rel is path relative to the config's folder, as messages and the
// manifest print it, or path itself when it lies outside that folder.
func (c *Config) Rel(path string) string {
	if rel, err := filepath.Rel(c.Dir, path); err == nil && !strings.HasPrefix(rel, "..") {
		return rel
	}
	return path
}

// Inputs lists the files the briefing reads: the config itself, the data
// (a SQLite database's file; a path may be a glob), the texts, the logo
// and the fonts. Empty entries are left out.
func (c *Config) Inputs() []string {
	out := []string{c.File}
	add := func(paths ...string) {
		for _, p := range paths {
			if p != "" {
				out = append(out, p)
			}
		}
	}
	for _, name := range c.DatasetNames() {
		d := c.Data[name]
		if d.IsSQL() {
			if d.Driver == "sqlite" {
				add(strings.TrimPrefix(d.DSN, "file:"))
			}
			continue
		}
		add(d.Path, d.Previous)
	}
	for _, s := range c.Sections {
		for _, b := range s.Blocks {
			add(b.File)
		}
	}
	f := c.Brand.Fonts
	add(c.Brand.Logo, f.Regular, f.Bold, f.Italic, f.BoldItalic)
	add(f.Fallback...)
	return out
}
