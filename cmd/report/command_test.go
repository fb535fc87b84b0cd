package main

import "testing"

// main starts gen's preload from the command it finds before cobra runs:
// the first argument that is not a flag.
func TestCommand(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"gen", "--config", "b.yaml"}, "gen"},
		{[]string{"-v", "gen", "--config", "b.yaml"}, "gen"},
		{[]string{"--help"}, ""},
		{nil, ""},
		{[]string{"validate", "--config", "gen"}, "validate"},
		{[]string{"version"}, "version"},
	} {
		if got := command(c.args); got != c.want {
			t.Errorf("command(%q) = %q, want %q", c.args, got, c.want)
		}
	}
}
