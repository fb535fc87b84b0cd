package charts

import (
	"slices"
	"testing"

	"github.com/briefing/report/config"
)

// config checks chart types and measures before any chart is made, from
// lists of its own (config comes first in the pipeline and imports no
// chart code): they must say what this package draws.
func TestVocabulary_SameAsConfig(t *testing.T) {
	if !slices.Equal(Types(), config.ChartTypes) {
		t.Errorf("chart types: charts draws %v, config accepts %v", Types(), config.ChartTypes)
	}
	if m, c := slices.Sorted(slices.Values(Measures())), slices.Sorted(slices.Values(config.ChartMeasures)); !slices.Equal(m, c) {
		t.Errorf("measures: charts knows %v, config accepts %v", m, c)
	}
}
