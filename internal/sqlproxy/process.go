package sqlproxy

import (
	"bufio"
	"bytes"
	"context"
	"encoding/gob"
	"fmt"
	"io"
	"os"
	"os/exec"
	"sync"
	"time"
)

// process is a running helper and the two ends of its pipes.
type process struct {
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	w      *bufio.Writer
	enc    *gob.Encoder
	dec    *gob.Decoder
	stderr *headBuffer

	waitOnce sync.Once
	waitErr  error
}

// closeWait is how long a helper has to end once its input is closed
// before it is killed.
const closeWait = 5 * time.Second

// start starts the helper.
func start() (*process, error) {
	path, err := HelperPath()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(path)
	cmd.Env = append(os.Environ(), ServeEnv+"=1")
	p := &process{cmd: cmd, stderr: &headBuffer{max: 2 << 10}}
	cmd.Stderr = p.stderr
	if p.stdin, err = cmd.StdinPipe(); err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start %s: %w", path, err)
	}
	p.w = bufio.NewWriter(p.stdin)
	p.enc, p.dec = gob.NewEncoder(p.w), gob.NewDecoder(bufio.NewReader(out))
	return p, nil
}

// send sends req.
func (p *process) send(req *Request) error {
	if err := p.enc.Encode(req); err != nil {
		return err
	}
	return p.w.Flush()
}

// receive reads the next reply.
func (p *process) receive() (*Reply, error) {
	var rep Reply
	if err := p.dec.Decode(&rep); err != nil {
		return nil, err
	}
	return &rep, nil
}

// roundTrip sends req and reads its reply; a ctx that ends first ends the
// helper.
func (p *process) roundTrip(ctx context.Context, req *Request) (*Reply, error) {
	stop := context.AfterFunc(ctx, p.kill)
	defer stop()
	if err := p.send(req); err != nil {
		return nil, p.failed(ctx, err)
	}
	rep, err := p.receive()
	if err != nil {
		return nil, p.failed(ctx, err)
	}
	return rep, nil
}

// failed ends the helper after the pipe between them broke with err, and
// says why: ctx's end, or the helper's own words on its way out.
func (p *process) failed(ctx context.Context, err error) error {
	p.kill()
	p.wait()
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if line := p.stderr.firstLine(); line != "" {
		return &Error{Msg: HelperName + " stopped: " + line}
	}
	return &Error{Msg: fmt.Sprintf("%s stopped: %v", HelperName, err)}
}

// kill ends the helper at once.
func (p *process) kill() { _ = p.cmd.Process.Kill() }

// wait waits for the helper to end, once.
func (p *process) wait() error {
	p.waitOnce.Do(func() { p.waitErr = p.cmd.Wait() })
	return p.waitErr
}

// close closes the helper's input, which ends it, and waits for it; one
// that does not end within closeWait is killed.
func (p *process) close() error {
	_ = p.stdin.Close()
	t := time.AfterFunc(closeWait, p.kill)
	defer t.Stop()
	_ = p.wait()
	return nil
}

// headBuffer keeps the first max bytes written to it: a helper that
// stops says why first.
type headBuffer struct {
	mu  sync.Mutex
	buf []byte
	max int
}

func (b *headBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if room := b.max - len(b.buf); room > 0 {
		b.buf = append(b.buf, p[:min(room, len(p))]...)
	}
	return len(p), nil
}

// firstLine is the first line written that is not blank.
func (b *headBuffer) firstLine() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, l := range bytes.Split(b.buf, []byte("\n")) {
		if l = bytes.TrimSpace(l); len(l) > 0 {
			return string(l)
		}
	}
	return ""
}
