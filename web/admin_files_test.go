package web

import "github.com/hoidap/hoidap/knowledge/upload/uploadtest"

// Builders of real upload files for the admin tests (knowledge/upload/uploadtest).
var (
	pdfString   = uploadtest.PDFText
	pdfTextPage = uploadtest.TextPage
	makePDF     = uploadtest.PDF
	makeZip     = uploadtest.Zip
	docxPara    = uploadtest.Para
	makeDOCX    = uploadtest.DOCX
)

const pdfImagePage = uploadtest.ImagePage

type zipPart = uploadtest.Part
