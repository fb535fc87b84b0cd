package main

import (
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"
)

func newValuesCmd(s Streams, env []string, runF func(*validateOptions) error) *cobra.Command {
	o := &validateOptions{Streams: s, Env: env}
	cmd := &cobra.Command{
		Use:   "values --config FILE",
		Short: "List every value a narrative template can use, with its current value",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkPeriodFlag(o.Period); err != nil {
				return err
			}
			return runF(o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.Config, "config", "", "the briefing config file")
	f.StringVar(&o.Period, "period", "", "the quarter, e.g. 2025-Q3")
	f.StringArrayVar(&o.Sets, "set", nil, "override a config key (repeatable)")
	f.StringVar(&o.AsOf, "as-of", "", "the date the run treats as today (2006-01-02)")
	_ = cmd.MarkFlagRequired("config")
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
