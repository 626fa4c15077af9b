//go:build unix

package upload

import (
	"syscall"

	"github.com/tetratelabs/wazero/experimental"
)

// pdfiumAllocator reserves each PDFium instance's linear memory, up to
// its cap, as one anonymous mapping outside the Go heap: growing it costs
// no copy of what it holds (wazero's own growth keeps old and new slices
// both alive while it copies), only the pages PDFium touches are ever
// resident, and all of it goes back to the system when the instance ends.
func pdfiumAllocator() experimental.MemoryAllocator {
	return experimental.MemoryAllocatorFunc(func(_, max uint64) experimental.LinearMemory {
		max = min(max, uint64(pdfiumMemoryPages)<<16)
		buf, err := syscall.Mmap(-1, 0, int(max), syscall.PROT_READ|syscall.PROT_WRITE,
			syscall.MAP_PRIVATE|syscall.MAP_ANON|syscall.MAP_NORESERVE)
		if err != nil {
			return &mappedMemory{}
		}
		return &mappedMemory{buf: buf}
	})
}

type mappedMemory struct{ buf []byte }

// Reallocate returns the first size bytes of the mapping, or nil (the
// allocation PDFium asked for fails) past its end.
func (m *mappedMemory) Reallocate(size uint64) []byte {
	if size > uint64(len(m.buf)) {
		return nil
	}
	return m.buf[:size:size]
}

func (m *mappedMemory) Free() {
	if m.buf != nil {
		_ = syscall.Munmap(m.buf)
		m.buf = nil
	}
}
