package config

import (
	"slices"
	"strings"

	"github.com/briefing/report/internal/suggest"
)

// Marking schemes of report.classification. Each has its levels; a
// marking is a level, optionally followed by caveats or controls.
//
//   - us: UNCLASSIFIED, CUI, CONFIDENTIAL, SECRET, TOP SECRET and
//     TOP SECRET//SCI, each banner in the colour US markings give it
//     (UNCLASSIFIED green, CUI purple, CONFIDENTIAL blue, SECRET red,
//     TOP SECRET orange, SCI yellow);
//   - uk: the Government Security Classifications, OFFICIAL,
//     OFFICIAL-SENSITIVE, SECRET and TOP SECRET ("SECRET UK EYES ONLY");
//   - nato: NATO UNCLASSIFIED, NATO RESTRICTED, NATO CONFIDENTIAL,
//     NATO SECRET and COSMIC TOP SECRET;
//   - custom: any marking, in the brand's accent colour.
//
// The UK and NATO policies prescribe the words and where they stand (the
// top and bottom of every page), not a colour for each level: their
// banners are black on light grey, so that no level reads as a US one.
const (
	SchemeUS     = "us"
	SchemeUK     = "uk"
	SchemeNATO   = "nato"
	SchemeCustom = "custom"
)

// USLevels are the levels of the US scheme, lowest first.
var USLevels = []string{"UNCLASSIFIED", "CUI", "CONFIDENTIAL", "SECRET", "TOP SECRET", "TOP SECRET//SCI"}

// UKLevels are the levels of the UK Government Security Classifications,
// lowest first; OFFICIAL-SENSITIVE is OFFICIAL with the handling caveat.
var UKLevels = []string{"OFFICIAL", "OFFICIAL-SENSITIVE", "SECRET", "TOP SECRET"}

// NATOLevels are NATO's classifications, lowest first.
var NATOLevels = []string{"NATO UNCLASSIFIED", "NATO RESTRICTED", "NATO CONFIDENTIAL", "NATO SECRET", "COSMIC TOP SECRET"}

// schemeLevels are the levels of the schemes that have them.
var schemeLevels = map[string][]string{SchemeUS: USLevels, SchemeUK: UKLevels, SchemeNATO: NATOLevels}

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

// Level returns the level of marking in scheme: for uk and nato the
// longest level the marking starts with as a whole word ("SECRET UK EYES
// ONLY" is SECRET); "" when it is none, and for custom.
func Level(scheme, marking string) string {
	if scheme == SchemeUS {
		return USLevel(marking)
	}
	m := strings.Join(strings.Fields(strings.ToUpper(marking)), " ")
	best := ""
	for _, l := range schemeLevels[scheme] {
		if (m == l || strings.HasPrefix(m, l+" ")) && len(l) > len(best) {
			best = l
		}
	}
	return best
}

// MarkingScheme is the scheme the briefing's banner follows: the one the
// config names, else the first of us, uk and nato whose levels the
// marking is one of, else custom.
func (r Report) MarkingScheme() string {
	if r.ClassificationScheme != "" {
		return r.ClassificationScheme
	}
	for _, s := range []string{SchemeUS, SchemeUK, SchemeNATO} {
		if Level(s, r.Classification) != "" {
			return s
		}
	}
	return SchemeCustom
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
	schemes := []string{SchemeUS, SchemeUK, SchemeNATO, SchemeCustom}
	levels := schemeLevels[r.ClassificationScheme]
	switch {
	case r.ClassificationScheme != "" && !slices.Contains(schemes, r.ClassificationScheme):
		return Problems{c.Problemf("report.classification.scheme", "unknown marking scheme %q%s (expected %s)",
			r.ClassificationScheme, suggest.Hint(r.ClassificationScheme, schemes), strings.Join(schemes, ", "))}
	case levels != nil && Level(r.ClassificationScheme, r.Classification) == "":
		return Problems{c.Problemf("report.classification.marking", "%q is not a %s marking%s (expected %s, optionally followed by caveats)",
			r.Classification, strings.ToUpper(r.ClassificationScheme), suggest.Hint(r.Classification, levels), strings.Join(levels, ", "))}
	case r.ClassificationScheme == "" && r.Classification != "" && r.MarkingScheme() == SchemeCustom:
		return Problems{c.Warningf("report.classification", "%q is not a US, UK or NATO marking, so its banner takes the brand's accent colour: set {marking: %q, scheme: custom} to say so", r.Classification, r.Classification)}
	}
	return nil
}
