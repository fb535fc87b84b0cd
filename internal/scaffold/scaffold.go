// Package scaffold writes a new briefing project: a config, small data
// files, narrative and a README that `report gen` builds as they are.
package scaffold

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
)

//go:embed project
var project embed.FS

// Write creates the project in dir, which must not exist or be empty. It
// returns the files written, relative to dir. Nothing is overwritten.
func Write(dir string) ([]string, error) {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return nil, fmt.Errorf("%s is not empty: choose a new folder", dir)
	} else if err != nil && !os.IsNotExist(err) {
		if fi, serr := os.Stat(dir); serr == nil && !fi.IsDir() {
			return nil, fmt.Errorf("%s is a file, expected a folder", dir)
		}
		return nil, err
	}
	var written []string
	err := fs.WalkDir(project, "project", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel("project", filepath.FromSlash(p))
		target := filepath.Join(dir, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := project.ReadFile(path.Clean(p))
		if err != nil {
			return err
		}
		if err := os.WriteFile(target, data, 0o644); err != nil {
			return err
		}
		written = append(written, rel)
		return nil
	})
	return written, err
}
