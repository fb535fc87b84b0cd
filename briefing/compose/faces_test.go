package compose

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/briefing/report/config"
	"github.com/briefing/report/layouts"
)

func TestFaces_BoldItalicOnlyWhereMarked(t *testing.T) {
	dir := t.TempDir()
	marked := filepath.Join(dir, "marked.md")
	if err := os.WriteFile(marked, []byte("A ***strong*** claim."), 0o644); err != nil {
		t.Fatal(err)
	}
	base := layouts.CommonFaces | layouts.FaceMono
	for _, c := range []struct {
		block config.Block
		want  layouts.Faces
	}{
		{config.Block{Kind: config.BlockText, Markdown: "Plain, **bold** and *italic*."}, base},
		{config.Block{Kind: config.BlockText, Markdown: "Both: **_at once_**."}, base | layouts.FaceBoldItalic},
		{config.Block{Kind: config.BlockText, File: marked}, base | layouts.FaceBoldItalic},
		{config.Block{Kind: config.BlockText, File: filepath.Join(dir, "missing.md")}, base},
	} {
		cfg := &config.Config{Sections: []config.Section{{Blocks: []config.Block{c.block}}}}
		if got := Faces(cfg); got != c.want {
			t.Errorf("%+v: faces %05b, want %05b", c.block, got, c.want)
		}
	}
}
