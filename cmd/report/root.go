package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"
)

// Exit codes, as the contract gives them.
const (
	exitOK    = 0
	exitInput = 1 // the input is wrong or the output could not be written
	exitUsage = 2 // the command line is wrong
)

// Streams are the command's standard streams.
type Streams struct {
	In       io.Reader
	Out, Err io.Writer
}

// inputError marks an error about the input or the output (exit 1); any
// other error comes from the command line (exit 2).
type inputError struct{ err error }

func (e *inputError) Error() string { return e.err.Error() }
func (e *inputError) Unwrap() error { return e.err }

func inputErr(err error) error {
	if err == nil {
		return nil
	}
	return &inputError{err}
}

// Main runs the command line args and returns the exit code.
func Main(args []string, s Streams, env []string) int {
	saveCache := openCache(env)
	defer saveCache()
	root := newRootCmd(s, env)
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return exitOK
	}
	printError(s.Err, err)
	var ie *inputError
	if errors.As(err, &ie) {
		return exitInput
	}
	fmt.Fprintln(s.Err, "Run 'report --help' for usage.")
	return exitUsage
}

func newRootCmd(s Streams, env []string) *cobra.Command {
	root := &cobra.Command{
		Use:           "report",
		Short:         "Turn data into branded briefing PDFs",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetOut(s.Out)
	root.SetErr(s.Err)
	root.SetIn(s.In)
	root.AddCommand(newGenCmd(s, env, runGen), newValidateCmd(s, env, runValidate), newValuesCmd(s, env, runValues), newInitCmd(s), newVersionCmd(s))
	return root
}
