package dataset

import (
	"slices"
	"testing"

	"github.com/briefing/report/config"
)

// config checks a dataset's format before any file is read, from a list of
// its own (config imports no reader): it must name what this package reads.
func TestFormats_SameAsConfig(t *testing.T) {
	if !slices.Equal(Formats, config.Formats) {
		t.Errorf("formats: dataset reads %v, config accepts %v", Formats, config.Formats)
	}
}
