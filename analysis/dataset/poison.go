//go:build reportpoison

package dataset

// Built with -tags reportpoison, the text of a batch of rows is written
// over once its rows are done: a value some reader of rows keeps without
// strings.Clone turns to '#'s, and the tests that check results fail. CI
// runs the tests of the packages that read rows so.
func init() { poison = true }
