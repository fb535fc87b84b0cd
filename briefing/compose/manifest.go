package compose

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"path/filepath"
	"sort"

	"github.com/briefing/report/analysis"
	"github.com/briefing/report/config"
)

// manifestFile is one file read, in the manifest.
type manifestFile struct {
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
	Rows   int    `json:"rows"`
}

// manifestDataset is one dataset, in the manifest.
type manifestDataset struct {
	Name      string         `json:"name"`
	Format    string         `json:"format"`
	Generated string         `json:"generated,omitempty"`
	Files     []manifestFile `json:"files"`
	// A SQL dataset's database (never its DSN), version and queries.
	Database string          `json:"database,omitempty"`
	Version  string          `json:"version,omitempty"`
	Queries  []manifestQuery `json:"queries,omitempty"`
	// Previous is the earlier export of the dataset, for revisions.
	Previous *manifestDataset `json:"previous,omitempty"`
}

type manifestQuery struct {
	For  string `json:"for"`
	SQL  string `json:"sql"`
	Args []any  `json:"args,omitempty"`
	Rows int    `json:"rows"`
}

// Manifest is the JSON list of every file the briefing read, with its
// SHA-256, written beside the PDF as NAME.manifest.json: the annex prints
// one line per dataset and this file's own hash. Paths are relative to the
// config's folder. The same inputs give the same bytes.
func Manifest(c *config.Config, res *analysis.Results) []byte {
	out := struct {
		Period   string            `json:"period"`
		Datasets []manifestDataset `json:"datasets"`
	}{Period: res.Period.String()}
	for _, name := range c.DatasetNames() {
		d := res.Datasets[name]
		if d == nil {
			continue
		}
		md := manifestOf(c, name, d)
		if d.Previous != nil {
			prev := manifestOf(c, name, d.Previous)
			md.Previous = &prev
		}
		out.Datasets = append(out.Datasets, md)
	}
	data, _ := json.MarshalIndent(out, "", "  ") // plain strings and ints: cannot fail
	return append(data, '\n')
}

// ManifestPath is where the manifest of the PDF at pdf goes.
func ManifestPath(pdf string) string {
	ext := filepath.Ext(pdf)
	return pdf[:len(pdf)-len(ext)] + ".manifest.json"
}

// setHash is one SHA-256 over the sorted hex hashes of a set of files, one
// per line: it names the set whatever order a glob lists it in.
func setHash(files []string) string {
	sorted := append([]string(nil), files...)
	sort.Strings(sorted)
	h := sha256.New()
	for _, f := range sorted {
		h.Write([]byte(f + "\n"))
	}
	return hex.EncodeToString(h.Sum(nil))
}

func sha(data []byte) string {
	s := sha256.Sum256(data)
	return hex.EncodeToString(s[:])
}

// manifestOf is one dataset's entry in the manifest.
func manifestOf(c *config.Config, name string, d *analysis.DatasetSummary) manifestDataset {
	md := manifestDataset{Name: name, Format: d.Format, Generated: d.Generated, Files: []manifestFile{},
		Database: databaseName(c, d.Place), Version: d.Version}
	for _, q := range d.Queries {
		md.Queries = append(md.Queries, manifestQuery{For: q.For, SQL: q.SQL, Args: q.Args, Rows: q.Rows})
	}
	for _, f := range d.Files {
		if d.Place.Driver != "" {
			break // a database has no files
		}
		md.Files = append(md.Files, manifestFile{Path: filepath.ToSlash(c.Rel(f.Path)), SHA256: f.SHA256, Rows: f.Rows})
	}
	return md
}
