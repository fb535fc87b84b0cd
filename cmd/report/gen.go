package main

import (
	"errors"
	"fmt"
	"os"
	"runtime/pprof"
	"time"

	"github.com/briefing/report/briefing"

	"github.com/briefing/report/config"
	"github.com/briefing/report/internal/period"
	"github.com/spf13/cobra"
)

// genOptions are the flags of `report gen`.
type genOptions struct {
	Config      string
	Period      string
	Periods     string
	Out         string
	Sets        []string
	Params      []string
	Each        string
	AsOf        string
	ChartsDir   string
	DebugLayout bool
	Strict      bool
	Quiet       bool
	Verbose     bool

	Watch      bool
	CPUProfile string

	Streams Streams
	Env     []string
	Now     func() time.Time
	// Stop ends --watch (tests close it; a person presses Ctrl-C).
	Stop <-chan struct{}
}

func newGenCmd(s Streams, env []string, runF func(*genOptions) error) *cobra.Command {
	o := &genOptions{Streams: s, Env: env, Now: time.Now}
	cmd := &cobra.Command{
		Use:   "gen --config FILE",
		Short: "Build the briefing PDF",
		Long: "Build the briefing PDF: read the data, run the analyses, draw the charts,\n" +
			"lay out the narrative and write the PDF atomically.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.Period != "" && o.Periods != "" {
				return errors.New("--period and --periods cannot both be set")
			}
			if o.Quiet && o.Verbose {
				return errors.New("--quiet and --verbose cannot both be set")
			}
			if o.Watch && (o.Periods != "" || o.Each != "") {
				return errors.New("--watch rebuilds one briefing: it cannot be combined with --periods or --each")
			}
			if err := checkOutFlag(o.Out); err != nil {
				return err
			}
			if err := checkPeriodFlag(o.Period); err != nil {
				return err
			}
			return runF(o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.Config, "config", "", "the briefing config file (.yaml, .json or .toml)")
	f.StringVar(&o.Period, "period", "", "the quarter to report on, e.g. 2025-Q3, or latest")
	f.StringVar(&o.Periods, "periods", "", "a backfill: one PDF per quarter, e.g. 2024-Q1..2025-Q4")
	f.StringVar(&o.Out, "out", "", "the output path (a template like report.output)")
	f.StringArrayVar(&o.Sets, "set", nil, "override a config key: --set report.period=2025-Q1 (repeatable)")
	f.StringArrayVar(&o.Params, "param", nil, "set a parameter: --param country=India (repeatable)")
	f.StringVar(&o.Each, "each", "", "one briefing per value of a parameter: --each country=China,India,Viet Nam")
	f.StringVar(&o.CPUProfile, "cpuprofile", "", "write a CPU profile of the run to this file (go tool pprof reads it)")
	f.BoolVar(&o.Watch, "watch", false, "rebuild whenever the config, a narrative or data file, the logo or a font changes")
	f.StringVar(&o.AsOf, "as-of", "", "the date the run treats as today (2006-01-02); default SOURCE_DATE_EPOCH, else now")
	f.StringVar(&o.ChartsDir, "charts-dir", "", "also write each chart as its own file into this folder")
	f.BoolVar(&o.DebugLayout, "debug-layout", false, "outline frames and blocks")
	f.BoolVar(&o.Strict, "strict", false, "treat warnings as errors")
	f.BoolVarP(&o.Quiet, "quiet", "q", false, "print only errors")
	f.BoolVarP(&o.Verbose, "verbose", "v", false, "log what is read and how long each stage takes")
	_ = cmd.MarkFlagRequired("config")
	return cmd
}

func runGen(o *genOptions) error {
	if o.CPUProfile != "" {
		f, err := os.Create(o.CPUProfile)
		if err != nil {
			return inputErr(fmt.Errorf("--cpuprofile: %w", err))
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return inputErr(fmt.Errorf("--cpuprofile: %w", err))
		}
		defer pprof.StopCPUProfile()
	}
	log := newLogger(o.Streams.Err, o.Quiet, o.Verbose)
	clock, err := clockOf(o.AsOf, o.Env, o.Now)
	if err != nil {
		return err
	}
	if o.Watch {
		return runWatch(o, clock, log)
	}
	b, err := planBatch(o, clock)
	if err != nil {
		return err
	}
	if len(b.quarters) > 0 || b.param != "" {
		return runBatch(o, b, clock, log)
	}
	return genOnce(o, clock, log)
}

// genOnce builds one briefing and writes it.
func genOnce(o *genOptions, clock period.Clock, log *logger) error {
	sets := o.Sets
	if o.Period != "" {
		sets = append(append([]string{}, sets...), "report.period="+o.Period)
	}
	bu, err := buildWith(log, briefing.Options{Config: o.Config, Sets: sets, Params: o.Params, Env: o.Env, Clock: clock, Strict: o.Strict, Debug: o.DebugLayout})
	if err != nil {
		return err
	}
	path, err := outputPath(o.Out, bu.Config.Report.Output, bu.Period, bu.Config.Params)
	if err != nil {
		return err
	}
	if err := bu.Write(path); err != nil {
		return inputErr(err)
	}
	if !o.Quiet {
		fmt.Fprintf(o.Streams.Out, "wrote %s (%d pages, %s)\n", path, bu.Pages, bu.Period)
	}
	if o.ChartsDir != "" {
		files, err := bu.WriteCharts(o.ChartsDir)
		if err != nil {
			return inputErr(fmt.Errorf("--charts-dir: %w", err))
		}
		if !o.Quiet {
			fmt.Fprintf(o.Streams.Out, "wrote %d chart files to %s\n", len(files), o.ChartsDir)
		}
	}
	return nil
}

// sourceDateEpoch is SOURCE_DATE_EPOCH from env, "" when unset.
func sourceDateEpoch(env []string) string {
	v, _ := config.LookupEnv(env, "SOURCE_DATE_EPOCH")
	return v
}
