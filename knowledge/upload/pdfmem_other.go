//go:build !unix

package upload

import "github.com/tetratelabs/wazero/experimental"

// pdfiumAllocator leaves PDFium's linear memory to wazero where there is
// no mmap.
func pdfiumAllocator() experimental.MemoryAllocator { return nil }
