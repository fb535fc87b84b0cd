package main

import (
	"fmt"
	"time"

	"github.com/briefing/report/briefing"

	"github.com/spf13/cobra"
)

// validateOptions are the flags of `report validate`.
type validateOptions struct {
	Config string
	Period string
	Sets   []string
	Params []string
	AsOf   string
	Strict bool

	Streams Streams
	Env     []string
	Now     func() time.Time
}

func newValidateCmd(s Streams, env []string, runF func(*validateOptions) error) *cobra.Command {
	cmd, o := newCheckCmd(s, env, runF, "validate --config FILE",
		"Check the config, every data file and every template, without writing a PDF")
	cmd.Flags().BoolVar(&o.Strict, "strict", false, "treat warnings as errors")
	return cmd
}

// newCheckCmd is a command that runs every stage but the PDF (validate,
// values), with their common flags.
func newCheckCmd(s Streams, env []string, runF func(*validateOptions) error, use, short string) (*cobra.Command, *validateOptions) {
	o := &validateOptions{Streams: s, Env: env, Now: time.Now}
	cmd := &cobra.Command{
		Use:   use,
		Short: short,
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
	f.StringArrayVar(&o.Params, "param", nil, "set a parameter: --param country=India (repeatable)")
	f.StringVar(&o.AsOf, "as-of", "", "the date the run treats as today (2006-01-02)")
	_ = cmd.MarkFlagRequired("config")
	return cmd, o
}

func runValidate(o *validateOptions) error {
	b, err := check(o)
	if err != nil {
		return err
	}
	fmt.Fprintf(o.Streams.Out, "%s: ok (%s)\n", o.Config, b.Period)
	return nil
}

// check runs every stage but the PDF: config, data, analyses, templates.
func check(o *validateOptions) (*briefing.Result, error) {
	now := o.Now
	if now == nil {
		now = time.Now
	}
	clock, err := clockOf(o.AsOf, o.Env, now)
	if err != nil {
		return nil, err
	}
	sets := o.Sets
	if o.Period != "" {
		sets = append(append([]string{}, sets...), "report.period="+o.Period)
	}
	return buildWith(newLogger(o.Streams.Err, false, false), briefing.Options{Config: o.Config, Sets: sets, Params: o.Params,
		Env: o.Env, Clock: clock, Strict: o.Strict, CheckOnly: true})
}
