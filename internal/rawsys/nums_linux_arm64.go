package rawsys

// The system calls' numbers on linux/arm64.
const (
	sysOpenat     = 56
	sysClose      = 57
	sysRead       = 63
	sysReadlinkat = 78
	sysMincore    = 232
	sysMadvise    = 233
)
