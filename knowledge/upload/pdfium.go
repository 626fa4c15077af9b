package upload

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
)

// pdfiumMemoryPages caps the linear memory of a PDFium instance, in
// 64 KiB WebAssembly pages: 64 MiB, room for a 20 MB file copied into it
// and PDFium's own structures. A hostile file that needs more makes
// PDFium's allocations fail, and the upload is refused as broken.
const pdfiumMemoryPages = 64 << 20 >> 16

// pdfiumIdle is how long the engine stays loaded after a PDF: uploads
// come in batches; loading it again from the compilation cache costs
// some 0.2–0.5 s.
const pdfiumIdle = 30 * time.Second

// pdfEngine runs PDFium compiled to WebAssembly inside the process with
// wazero's compiler: no cgo. Compiling PDFium's 6 MB module to machine
// code costs 7–15 s and some 300 MB of live heap (2-core machine,
// 2026-12-03), so the code is kept in a compilation cache on disk
// (pdfiumCacheDir) and the compilation happens once per machine and
// version; loading from the cache costs 0.2–0.5 s and about 12 MB.
// wazero's interpreter would need no compilation but holds 140 MB while
// loaded and reads a page in some 200 ms, so that a 60-page decree would
// not be read within the time limit.
//
// The engine is loaded on the first PDF, kept while uploads keep coming
// and dropped after pdfiumIdle without one, so a server given no PDF never
// pays for it. Documents are read one at a time, each in a fresh instance
// (about 18 MB, its linear memory capped at pdfiumMemoryPages) dropped
// after it.
//
// Compiling takes the compiler's memory in whichever process does it: a
// server given a compile function (SetPDFCompiler, a child process) runs
// it once before it first loads the engine, and then only loads from the
// cache. A server given a child process to read PDFs in (SetPDFChild)
// never loads the engine itself: only the child does.
type pdfEngine struct {
	turn     chan struct{} // holds one token: whose turn it is to use pool
	pool     pdfium.Pool
	used     time.Time
	closing  *time.Timer
	compile  func() error // fills the compilation cache; nil: loading compiles
	compiled bool         // compile ran in this process
	child    PDFChild     // reads each PDF in a child process; nil: in this one
}

// engine is the package's one PDF engine: its only mutable state, kept
// because a second one would cost as much memory again and gain nothing.
var engine = &pdfEngine{turn: make(chan struct{}, 1)}

// errPDFiumInit reports a PDF engine that could not start: an error of
// the server, not of the file.
var errPDFiumInit = errors.New("upload: PDF engine did not start")

// run waits for its turn until deadline, then runs fn on a fresh PDFium
// instance with the time left, and kills the instance if fn is still
// running at the deadline. Loading the engine is not charged to the
// deadline.
func (e *pdfEngine) run(timeout time.Duration, fn func(pdfium.Pdfium) error) error {
	wait, cancelWait := context.WithTimeout(context.Background(), timeout)
	defer cancelWait()
	select {
	case e.turn <- struct{}{}:
	case <-wait.Done():
		return errBroken("PDF", errors.New("timed out waiting for the PDF engine"))
	}
	defer func() { <-e.turn }()
	if e.pool == nil {
		if e.compile != nil && !e.compiled {
			e.compiled = true
			// On failure (no cache directory, the child killed), loading
			// compiles in this process, as without a compile function.
			_ = e.compile()
		}
		pool, err := newPDFiumPool()
		if err != nil {
			return fmt.Errorf("%w: %w", errPDFiumInit, err)
		}
		e.pool = pool
	}
	defer e.closeLater()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	inst, err := e.pool.GetInstanceWithContext(ctx)
	if err != nil {
		return fmt.Errorf("%w: %w", errPDFiumInit, err)
	}
	done := make(chan error, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				done <- fmt.Errorf("panic: %v", p)
			}
		}()
		done <- fn(inst)
	}()
	select {
	case err := <-done:
		inst.Close()
		return err
	case <-ctx.Done():
		inst.Kill() // cancels the instance's context: wazero ends the call at its next check
		return errBroken("PDF", errors.New("extraction timed out"))
	}
}

// closeLater drops the engine after pdfiumIdle without a PDF. Called
// with the turn held.
func (e *pdfEngine) closeLater() {
	e.used = time.Now()
	if e.closing != nil {
		e.closing.Stop()
	}
	e.closing = time.AfterFunc(pdfiumIdle, func() {
		e.turn <- struct{}{}
		defer func() { <-e.turn }()
		if e.pool != nil && time.Since(e.used) >= pdfiumIdle {
			e.pool.Close()
			e.pool = nil
			debug.FreeOSMemory() // give the instance's memory back now, not at the scavenger's pace
		}
	})
}

// SetPDFCompiler makes the PDF engine run compile once before it first
// loads PDFium in this process: compile is to fill the compilation cache
// in another process (CompilePDFEngine in a child), so that this one only
// loads the compiled code (0.2–0.5 s, some 30 MB) and never holds the
// compiler's 300 MB. A nil compile compiles on loading, in this process.
func SetPDFCompiler(compile func() error) {
	engine.turn <- struct{}{}
	defer func() { <-engine.turn }()
	engine.compile, engine.compiled = compile, false
}

// CompilePDFEngine compiles PDFium into the compilation cache, or finds
// it there, and lets it go: what the child process of SetPDFCompiler runs.
func CompilePDFEngine() error {
	pool, err := newPDFiumPool()
	if err != nil {
		return fmt.Errorf("%w: %w", errPDFiumInit, err)
	}
	return pool.Close()
}

func newPDFiumPool() (pdfium.Pool, error) {
	rc := wazero.NewRuntimeConfigCompiler().
		WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling).
		WithMemoryLimitPages(pdfiumMemoryPages).
		WithCloseOnContextDone(true) // so Kill stops a parse stuck in PDFium
	if cache, err := wazero.NewCompilationCacheWithDir(pdfiumCacheDir()); err == nil {
		rc = rc.WithCompilationCache(cache)
	}
	return webassembly.Init(webassembly.Config{
		Context:       experimental.WithMemoryAllocator(context.Background(), pdfiumAllocator()),
		MinIdle:       0, // an instance is made per document and dropped after
		MaxIdle:       1,
		MaxTotal:      1,
		FSConfig:      wazero.NewFSConfig(), // no host directory: PDFium reads only the bytes it is given
		RuntimeConfig: rc,
		Stdout:        io.Discard,
		Stderr:        io.Discard,
	})
}

// pdfiumCacheDir is where compiled PDFium is kept: the user's cache
// directory ($XDG_CACHE_HOME or ~/.cache), else the temporary one. wazero
// keys its files by its version and the CPU's features.
func pdfiumCacheDir() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		dir = os.TempDir()
	}
	return filepath.Join(dir, "hoidap", "pdfium")
}
