package fastexit

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// childEnv makes the test binary a process that starts a keeper, reports
// on it and exits (runChild).
const childEnv = "FASTEXIT_TEST_CHILD"

func TestMain(m *testing.M) {
	if os.Getenv(childEnv) == "1" {
		runChild()
	}
	os.Exit(m.Run())
}

// runChild opens three files and starts a keeper that keeps the second,
// prints its process ID, the files it holds once it has run (it closes
// every other one it inherits, and opens a pidfd), whether it is alive
// and its parent is this process, then exits with code 7 as Exit does
// after its start (Exit itself would start a second keeper).
func runChild() {
	runtime.LockOSThread()
	dir := os.Getenv(childEnv + "_DIR")
	// the keeper must close the files below the kept one and above it
	below, err1 := os.Create(dir + "/below")
	kept, err2 := os.Create(dir + "/kept")
	above, err3 := os.Create(dir + "/above")
	if err1 != nil || err2 != nil || err3 != nil || !(below.Fd() < kept.Fd() && kept.Fd() < above.Fd()) {
		fmt.Println("cannot create the files in order:", err1, err2, err3)
		os.Exit(7)
	}
	pid := start(fds([]*os.File{kept}))
	fmt.Printf("keeper %d\n", pid)
	if pid == 0 {
		os.Exit(7)
	}
	// it closes the other files first thing: give it up to a second
	var files []string
	for try := 0; try < 1000; try++ {
		if files = inherited(pid); len(files) == 1 {
			break
		}
		time.Sleep(time.Millisecond)
	}
	fmt.Printf("files %s\n", strings.Join(files, ","))
	// then it sets its policy and waits: on a busy machine it may still
	// be on its way there
	state, ppid, policy := procStat(pid)
	for try := 0; try < 1000 && state == "R"; try++ {
		time.Sleep(time.Millisecond)
		state, ppid, policy = procStat(pid)
	}
	fmt.Printf("state %s ppid %d self %d policy %d\n", state, ppid, os.Getpid(), policy)
	os.Stdout.Sync()
	os.Exit(7)
}

// inherited lists the files process pid holds other than pidfds
// (["?"] if it cannot tell).
func inherited(pid int) []string {
	dir := fmt.Sprintf("/proc/%d/fd", pid)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return []string{"?"}
	}
	var out []string
	for _, e := range entries {
		target, err := os.Readlink(dir + "/" + e.Name())
		if err != nil {
			target = "?"
		}
		if target != "anon_inode:[pidfd]" {
			out = append(out, target)
		}
	}
	return out
}

// procStat returns a process's state letter, parent and scheduling
// policy from /proc/PID/stat ("?" if it cannot be read).
func procStat(pid int) (state string, ppid, policy int) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return "?", 0, -1
	}
	// the fields after the command's name, from the third (state); the
	// 41st is the policy
	f := strings.Fields(string(b[strings.LastIndexByte(string(b), ')')+1:]))
	ppid, _ = strconv.Atoi(f[1])
	policy = -1
	if len(f) > 41-3 {
		policy, _ = strconv.Atoi(f[41-3])
	}
	return f[0], ppid, policy
}

func TestExit_KeeperKeepsOnlyItsFilesAndEndsAfterTheProcess(t *testing.T) {
	if err := keeperCalls(); err != nil {
		t.Skipf("the kernel lacks what the keeper calls (Linux 5.9): %v", err)
	}
	// orphans come to this process, which reaps the keeper below
	if err := setSubreaper(); err != nil {
		t.Skipf("cannot become a subreaper: %v", err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	dir := t.TempDir()
	cmd.Env = append(os.Environ(), childEnv+"=1", childEnv+"_DIR="+dir)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var lines []string
	sc := bufio.NewScanner(out) // to its end: the keeper must not hold the pipe
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	err = cmd.Wait()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 7 {
		t.Fatalf("child exited with %v, want exit status 7; it said %q", err, lines)
	}
	if len(lines) != 3 {
		t.Fatalf("child said %q, want its keeper, its files and its state", lines)
	}
	var keeper, ppid, self, policy int
	var state string
	fmt.Sscanf(lines[0], "keeper %d", &keeper)
	files := strings.TrimPrefix(lines[1], "files ")
	fmt.Sscanf(lines[2], "state %s ppid %d self %d policy %d", &state, &ppid, &self, &policy)
	if keeper == 0 {
		t.Fatalf("no keeper started: %q", lines)
	}
	if want := dir + "/kept"; files != want {
		t.Errorf("the keeper held %q of the process's files, want only %q (any other could be a pipe its caller reads to the end)", files, want)
	}
	if state != "S" || ppid != self {
		t.Errorf("before the exit the keeper was %q with parent %d, want waiting (S) with parent %d", state, ppid, self)
	}
	const schedIdle = 5
	if policy != schedIdle {
		t.Errorf("the keeper's scheduling policy is %d, want SCHED_IDLE (%d): its exit, which takes the address space apart, must yield to any task", policy, schedIdle)
	}
	// once the child has ended, its keeper ends: reap it (it is ours now)
	deadline := time.Now().Add(5 * time.Second)
	for {
		var ws syscall.WaitStatus
		got, err := syscall.Wait4(keeper, &ws, syscall.WNOHANG, nil)
		if err != nil {
			t.Fatalf("wait for the keeper %d: %v", keeper, err)
		}
		if got == keeper {
			if !ws.Exited() || ws.ExitStatus() != 0 {
				t.Errorf("the keeper ended with %v, want exit status 0", ws)
			}
			return
		}
		if time.Now().After(deadline) {
			syscall.Kill(keeper, syscall.SIGKILL) // it must not outlive the test
			syscall.Wait4(keeper, nil, 0, nil)
			t.Fatalf("the keeper %d still ran 5 s after its process ended", keeper)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// keeperCalls reports whether the kernel has close_range and pidfd_open,
// without which a keeper exits at once.
func keeperCalls() error {
	const closeRange, pidfdOpen = 436, 434
	if _, _, e := syscall.RawSyscall(closeRange, ^uintptr(0), ^uintptr(0), 0); e != 0 { // closes nothing
		return fmt.Errorf("close_range: %w", e)
	}
	fd, _, e := syscall.RawSyscall(pidfdOpen, uintptr(os.Getpid()), 0, 0)
	if e != 0 {
		return fmt.Errorf("pidfd_open: %w", e)
	}
	return syscall.Close(int(fd))
}

// setSubreaper makes this process the reaper of its orphaned descendants.
func setSubreaper() error {
	const prSetChildSubreaper = 36
	if _, _, e := syscall.RawSyscall(syscall.SYS_PRCTL, prSetChildSubreaper, 1, 0); e != 0 {
		return e
	}
	return nil
}

func TestFds(t *testing.T) {
	dir := t.TempDir()
	var files []*os.File
	for i := range maxKept + 2 {
		f, err := os.Create(fmt.Sprintf("%s/%d", dir, i))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		files = append(files, f)
	}
	fd := func(i int) int { return int(files[i].Fd()) }
	var all []int
	for i := range files {
		all = append(all, fd(i))
	}
	slices.Sort(all)
	for _, tc := range []struct {
		name  string
		files []*os.File
		want  []int
	}{
		{"None", nil, nil},
		{"NilLeftOut", []*os.File{nil, files[0]}, []int{fd(0)}},
		{"AscendingOnce", []*os.File{files[2], files[0], files[2], files[1]}, []int{fd(0), fd(1), fd(2)}},
		{"AtMostMaxKept", files, all[:maxKept]},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := fds(tc.files); !slices.Equal(got, tc.want) {
				t.Errorf("fds = %v, want %v", got, tc.want)
			}
		})
	}
}
