package upload

// DropPDFEngine unloads the PDF engine, as pdfiumIdle without a PDF does,
// so a test can measure loading it again.
func DropPDFEngine() {
	engine.turn <- struct{}{}
	defer func() { <-engine.turn }()
	if engine.pool != nil {
		engine.pool.Close()
		engine.pool = nil
	}
}
