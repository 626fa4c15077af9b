// Package knowledge holds the procedures and documents that answers come
// from: the document model, splitting into passages, the SQLite tables of
// documents and passages (the source of truth), the Vietnamese-aware bleve
// index derived from them, search, and the embedded starter corpus. Its
// sub-packages read uploads (upload), the national portal's records
// (portal) and Vietnamese text (vietnamese). The office's own records —
// accounts, communes, posters, answer records, approved answers — live in
// internal/records, on the same database. It knows nothing about HTTP or
// LLMs.
package knowledge

import (
	"errors"
	"time"

	"github.com/hoidap/hoidap/internal/fault"
)

// Sentinel errors callers can test with errors.Is.
var (
	// ErrNotFound means the document or passage does not exist; the same
	// value as the office's records'.
	ErrNotFound = fault.ErrNotFound
	// ErrInvalid means the input was rejected as malformed or unsupported.
	ErrInvalid = fault.ErrInvalid
	// ErrBusy means another process (a running "hoidap serve") holds the
	// data directory's index.
	ErrBusy = errors.New("data directory in use by another process")
)

// Document kinds.
const (
	KindProcedure = "procedure" // a structured administrative procedure
	KindArticle   = "article"   // free text: notices, explanations, uploads
)

// Section keys. A passage says which section of its document it is, so an
// answer can pick the part the resident asked about.
const (
	SectionOverview   = "overview"   // title, field, level, agency, audience
	SectionPapers     = "papers"     // thành phần hồ sơ
	SectionFee        = "fee"        // phí, lệ phí
	SectionTime       = "time"       // thời hạn giải quyết
	SectionSteps      = "steps"      // trình tự thực hiện
	SectionSubmit     = "submit"     // cách thức, nơi nộp
	SectionConditions = "conditions" // yêu cầu, điều kiện
	SectionResult     = "result"     // kết quả
	SectionLegal      = "legal"      // căn cứ pháp lý
	SectionBody       = "body"       // free text under a heading of its own
)

// Method is one way to submit a procedure, with its own time and fee, as the
// national portal lists them ("Trực tiếp", "Trực tuyến", "Dịch vụ bưu chính").
type Method struct {
	Channel string `json:"channel"`
	Time    string `json:"time,omitempty"`
	Fee     string `json:"fee,omitempty"`
	Note    string `json:"note,omitempty"`
}

// Paper is one item of the file of papers to bring.
type Paper struct {
	Name  string `json:"name"`
	Count string `json:"count,omitempty"` // "1 bản chính", "1 bản sao"
	Form  string `json:"form,omitempty"`  // form name or number, if any
}

// Procedure is an administrative procedure with structured fields.
type Procedure struct {
	Code       string   `json:"code,omitempty"`     // ma_thu_tuc, e.g. 1.001193
	Title      string   `json:"title"`              // ten_thu_tuc
	Level      string   `json:"level,omitempty"`    // Cấp xã, Cấp tỉnh, ...
	Field      string   `json:"field,omitempty"`    // linh_vuc: Hộ tịch, Cư trú...
	Agency     string   `json:"agency,omitempty"`   // who handles it
	Audience   string   `json:"audience,omitempty"` // who may ask
	Where      string   `json:"where,omitempty"`    // where to submit
	Methods    []Method `json:"methods,omitempty"`
	OnlineURL  string   `json:"online_url,omitempty"`
	Steps      []string `json:"steps,omitempty"`
	Papers     []Paper  `json:"papers,omitempty"`
	Time       string   `json:"time,omitempty"` // processing time in words
	Fee        string   `json:"fee,omitempty"`  // fees in words
	Result     string   `json:"result,omitempty"`
	Conditions string   `json:"conditions,omitempty"`
	LegalBasis []string `json:"legal_basis,omitempty"`
	Related    string   `json:"related,omitempty"`
	Note       string   `json:"note,omitempty"` // shown to residents, e.g. "verify"
	SourceURL  string   `json:"source_url,omitempty"`
	// Names are what residents call the procedure ("làm sổ đỏ"), searched
	// like its title; Explain is a plain-words explanation shown as this
	// project's own, never a fee, time, place or paper. Both are attached
	// to an official record by its code.
	Names   []string `json:"names,omitempty"`
	Explain string   `json:"explain,omitempty"`
	// OnAnyPaper marks a procedure done on whatever paper the resident
	// brings (a certified copy): the paper a question names
	// after one of its names ("chứng thực bản sao CCCD") is its object,
	// not another procedure's topic.
	OnAnyPaper bool `json:"on_any_paper,omitempty"`
}

// Document is the unit the store keeps and administrators upload, replace
// and delete: a procedure or a free article, split into passages.
type Document struct {
	ID        string     `json:"id"`
	Kind      string     `json:"kind"`
	Title     string     `json:"title"`
	Commune   string     `json:"commune,omitempty"` // "" for province-wide
	Source    string     `json:"source,omitempty"`  // where it came from: "starter", file name, URL
	URL       string     `json:"url,omitempty"`     // public page of the source, if any
	Procedure *Procedure `json:"procedure,omitempty"`
	Body      string     `json:"body,omitempty"` // articles: text with "## " headings
	// OriginalName and OriginalPath name the uploaded file as sent and as
	// kept under --data/uploads; empty for imported and starter documents.
	OriginalName string    `json:"original_name,omitempty"`
	OriginalPath string    `json:"-"`
	Updated      time.Time `json:"updated"`
	Passages     []Passage `json:"passages,omitempty"`
}

// Passage is a piece of a document along its own headings: the unit that is
// indexed, retrieved and cited.
type Passage struct {
	ID      string `json:"id"` // DocID + "#" + ordinal
	DocID   string `json:"doc_id"`
	Ordinal int    `json:"ordinal"`
	Section string `json:"section"` // one of the Section* keys
	Heading string `json:"heading"` // as shown, in Vietnamese
	Text    string `json:"text"`
}
