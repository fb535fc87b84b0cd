package main

import (
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"
)

func newValuesCmd(s Streams, env []string, runF func(*validateOptions) error) *cobra.Command {
	cmd, _ := newCheckCmd(s, env, runF, "values --config FILE",
		"List every value a narrative template can use, with its current value")
	return cmd
}

// runValues prints each template expression and what it prints today,
// grouped by analysis, dataset, figure and table.
func runValues(o *validateOptions) error {
	b, err := check(o)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(o.Streams.Out, 0, 4, 2, ' ', 0)
	group := ""
	for _, v := range b.Env.Values() {
		if v.Group != group {
			if group != "" {
				fmt.Fprintln(tw)
			}
			group = v.Group
			fmt.Fprintf(tw, "# %s\n", group)
		}
		fmt.Fprintf(tw, "%s\t%s\n", v.Expr, v.Value)
	}
	return tw.Flush()
}
