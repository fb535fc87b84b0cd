package narrative

import (
	"os"
	"strings"
	"testing"
)

// docs/templates.md documents every template function: a function added
// without a line there fails this test.
func TestReference_EveryFunctionDocumented(t *testing.T) {
	data, err := os.ReadFile("../../docs/templates.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data)
	n := 0
	for name := range testEnv().funcs() {
		n++
		if !strings.Contains(doc, "`"+name+"`") {
			t.Errorf("docs/templates.md does not document `%s`", name)
		}
	}
	for _, field := range fieldNames(dotTypes["narrative.Data"]) {
		if !strings.Contains(doc, "`."+field) {
			t.Errorf("docs/templates.md does not document the field .%s", field)
		}
	}
	if n < 20 {
		t.Errorf("only %d functions", n)
	}
}
