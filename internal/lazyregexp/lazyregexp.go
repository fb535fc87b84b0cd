// Package lazyregexp compiles a package-level regular expression the first
// time it is used rather than when the program starts: a pattern that only
// reads error messages then costs nothing on a run without errors. Every
// package's variables are initialised before main runs, one after another
// on one core, so a pattern compiled there delays every command.
package lazyregexp

import (
	"regexp"
	"sync"
)

// New returns a function that compiles expr on its first call and returns
// the same *regexp.Regexp on every call; it panics, on that first call, if
// expr is not a valid expression (like regexp.MustCompile, expr is a
// constant of the program).
func New(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
