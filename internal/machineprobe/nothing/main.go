// Command nothing does nothing: .ci/machine times its start and exit, the
// least a Go program costs on the machine.
package main

func main() {}
