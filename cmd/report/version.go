package main

import (
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/briefing/report/internal/sqlproxy"
	"github.com/spf13/cobra"
)

// version is set at build time with -ldflags "-X main.version=v1.2.3";
// otherwise the module version from the build info is used.
var version = ""

func newVersionCmd(s Streams) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version of report",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			fmt.Fprintln(s.Out, "report "+versionString())
			fmt.Fprintln(s.Out, helperLine())
			return nil
		},
	}
}

// helperLine says where report-sql, which runs the SQL datasets'
// queries, is found, or that it is not.
func helperLine() string {
	path, err := sqlproxy.HelperPath()
	if err != nil {
		return sqlproxy.HelperName + " not found: SQL datasets need it beside report, on PATH or in $" + sqlproxy.HelperEnv
	}
	return sqlproxy.HelperName + " " + path
}

func versionString() string {
	v := version
	bi, ok := debug.ReadBuildInfo()
	if v == "" {
		v = "(devel)"
		if ok && bi.Main.Version != "" {
			v = bi.Main.Version
		}
	}
	if ok {
		if vcs := vcsString(bi.Settings); vcs != "" {
			v += " (" + vcs + ")"
		}
	}
	return v
}

// vcsString is the revision the binary was built from, as go build
// stamps it: "revision 0fad862d50b5, 2026-12-04T22:35:12Z, modified".
func vcsString(settings []debug.BuildSetting) string {
	var rev, at string
	modified := false
	for _, s := range settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			at = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	if rev == "" {
		return ""
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	parts := []string{"revision " + rev}
	if at != "" {
		parts = append(parts, at)
	}
	if modified {
		parts = append(parts, "modified")
	}
	return strings.Join(parts, ", ")
}
