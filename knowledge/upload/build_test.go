package upload_test

import "github.com/hoidap/hoidap/knowledge/upload/uploadtest"

// Short names for the file builders of uploadtest.
var (
	pdfText   = uploadtest.PDFText
	textPage  = uploadtest.TextPage
	buildPDF  = uploadtest.PDF
	buildZip  = uploadtest.Zip
	para      = uploadtest.Para
	table     = uploadtest.Table
	buildDOCX = uploadtest.DOCX
	rawZip    = uploadtest.RawZip
)

const imagePage = uploadtest.ImagePage

type docxPart = uploadtest.Part
