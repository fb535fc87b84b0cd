package config

import (
	"strings"

	"github.com/briefing/report/internal/suggest"
)

// Marking schemes of report.classification: us colours the banner by the
// US marking conventions (UNCLASSIFIED green, CUI purple, CONFIDENTIAL
// blue, SECRET red, TOP SECRET orange, TOP SECRET//SCI yellow); custom takes
// the brand's accent colour.
const (
	SchemeUS     = "us"
	SchemeCustom = "custom"
)

// USLevels are the levels of the US scheme, lowest first.
var USLevels = []string{"UNCLASSIFIED", "CUI", "CONFIDENTIAL", "SECRET", "TOP SECRET", "TOP SECRET//SCI"}

// USLevel returns the level of a US marking: the part before "//" (the
// dissemination controls), TOP SECRET//SCI kept whole, "CONTROLLED
// UNCLASSIFIED INFORMATION" read as CUI; "" when it is none.
func USLevel(marking string) string {
	m := strings.ToUpper(strings.TrimSpace(marking))
	if strings.HasPrefix(m, "TOP SECRET") && strings.Contains(m, "SCI") {
		return "TOP SECRET//SCI"
	}
	level, _, _ := strings.Cut(m, "//")
	level = strings.TrimSpace(level)
	if level == "CONTROLLED UNCLASSIFIED INFORMATION" {
		level = "CUI"
	}
	for _, l := range USLevels {
		if l == level {
			return l
		}
	}
	return ""
}

// decodeClassification reads report.classification as a marking ("SECRET")
// or as {marking, scheme}, and leaves the marking alone in the settings.
func (c *Config) decodeClassification(report map[string]any, ps *Problems) {
	m, ok := report["classification"].(map[string]any)
	if !ok {
		return
	}
	marking, _ := m["marking"].(string)
	scheme, _ := m["scheme"].(string)
	if _, isString := m["marking"].(string); !isString && m["marking"] != nil {
		*ps = append(*ps, c.Problemf("report.classification.marking", "expected the marking as text, found %s", describe(m["marking"])))
	}
	report["classification"] = marking
	c.Report.ClassificationScheme = strings.ToLower(strings.TrimSpace(scheme))
}

// checkClassification checks the scheme, and a marking against it.
func (c *Config) checkClassification() Problems {
	r := c.Report
	schemes := []string{SchemeUS, SchemeCustom}
	switch {
	case r.ClassificationScheme != "" && !contains(schemes, r.ClassificationScheme):
		return Problems{c.Problemf("report.classification.scheme", "unknown marking scheme %q%s (expected %s; uk and nato are not drawn yet: use custom with brand colours)",
			r.ClassificationScheme, suggest.Hint(r.ClassificationScheme, schemes), strings.Join(schemes, ", "))}
	case r.ClassificationScheme == SchemeUS && USLevel(r.Classification) == "":
		return Problems{c.Problemf("report.classification.marking", "%q is not a US marking%s (expected %s, optionally followed by //CONTROLS)",
			r.Classification, suggest.Hint(r.Classification, USLevels), strings.Join(USLevels, ", "))}
	case r.ClassificationScheme == "" && r.Classification != "" && USLevel(r.Classification) == "":
		return Problems{c.Warningf("report.classification", "%q is not a US marking, so its banner takes the brand's accent colour: set {marking: %q, scheme: custom} to say so", r.Classification, r.Classification)}
	}
	return nil
}
