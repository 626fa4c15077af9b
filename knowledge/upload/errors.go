package upload

import (
	"errors"
	"fmt"

	"github.com/hoidap/hoidap/internal/fault"
)

// Reasons an upload is refused. Every refusal is a *fault.Error (the
// one error type whose message is shown to users) whose Reason is one of
// them; it matches the reason and knowledge.ErrInvalid with errors.Is.
var (
	// ErrTooLarge means the file, its decompressed content or its page
	// count is over the limits.
	ErrTooLarge = errors.New("too large")
	// ErrBroken means the file claims a format but cannot be read in it.
	ErrBroken = errors.New("broken file")
	// ErrUnsupported means the content is of a type uploads do not accept:
	// executables, images, archives, unknown binaries.
	ErrUnsupported = errors.New("unsupported type")
	// ErrScanned means a PDF without a text layer, usually a scan.
	ErrScanned = errors.New("scanned PDF")
	// ErrNoText means the file was read but holds no text.
	ErrNoText = errors.New("no text")
	// ErrEncoding means a text file that is not UTF-8.
	ErrEncoding = errors.New("not UTF-8")
	// ErrEncrypted means a password-protected PDF.
	ErrEncrypted = errors.New("encrypted")
)

// Message returns the administrator-facing message of err if it is an
// upload *fault.Error, else a generic one; it never shows internal details.
func Message(err error) string {
	return fault.Message(err, "Không xử lý được tệp. (Could not process the file)")
}

func errTooLarge(max int64) error {
	return &fault.Error{Reason: ErrTooLarge, Message: fmt.Sprintf(
		"Tệp quá lớn: tối đa %s. (File too large: at most %s)", size(max), size(max))}
}

func errUnzippedTooLarge(max int64) error {
	return &fault.Error{Reason: ErrTooLarge, Message: fmt.Sprintf(
		"Nội dung tệp sau khi giải nén quá lớn: tối đa %s. (Decompressed content too large: at most %s)",
		size(max), size(max))}
}

func errTooManyPages(max int) error {
	return &fault.Error{Reason: ErrTooLarge, Message: fmt.Sprintf(
		"Tệp PDF có quá nhiều trang: tối đa %d trang. (Too many pages: at most %d)", max, max)}
}

func errTextTooLong(max int64) error {
	return &fault.Error{Reason: ErrTooLarge, Message: fmt.Sprintf(
		"Nội dung chữ của tệp quá dài: tối đa %s chữ. Hãy chia thành nhiều tệp nhỏ hơn. "+
			"(Text too long: at most %s; split the file)", size(max), size(max))}
}

func errTooManyPassages(title string, max int) error {
	return &fault.Error{Reason: ErrTooLarge, Message: fmt.Sprintf(
		"Tài liệu “%s” quá dài: tối đa %d đoạn mỗi tài liệu. Hãy chia thành nhiều tệp nhỏ hơn. "+
			"(Document too long: at most %d passages; split the file)", oneLine(title), max, max)}
}

func errBroken(kind string, cause error) error {
	return &fault.Error{Reason: ErrBroken, Cause: cause, Message: fmt.Sprintf(
		"Tệp %s bị hỏng hoặc không đọc được. (Broken %s file)", kind, kind)}
}

func errUnsupported(what, hint string) error {
	msg := "Định dạng không hỗ trợ: " + what + ". Chỉ nhận PDF, DOCX, HTML, Markdown, văn bản thuần (UTF-8) " +
		"và JSON của Cổng Dịch vụ công quốc gia."
	if hint != "" {
		msg += " " + hint
	}
	return &fault.Error{Reason: ErrUnsupported, Message: msg + " (Unsupported type)"}
}

var (
	errScanned = &fault.Error{Reason: ErrScanned, Message: "Tệp PDF không có lớp chữ (có thể là bản scan): " +
		"cần bản PDF có chữ hoặc tệp DOCX. (Scanned PDF with no text)"}
	errEncrypted = &fault.Error{Reason: ErrEncrypted, Message: "Tệp PDF có mật khẩu: hãy bỏ mật khẩu rồi tải lên lại. " +
		"(Password-protected PDF)"}
	errEmpty = &fault.Error{Reason: ErrNoText, Message: "Tệp trống hoặc không có nội dung chữ. (Empty file, no text)"}
	errUTF8  = &fault.Error{Reason: ErrEncoding, Message: "Tệp văn bản không dùng mã UTF-8: hãy lưu lại với mã UTF-8. " +
		"(Text is not UTF-8)"}
	errNotPortal = &fault.Error{Reason: ErrUnsupported, Message: "Tệp JSON không đúng định dạng thủ tục của " +
		"Cổng Dịch vụ công quốc gia. (JSON is not a national portal procedure record)"}
)

// size formats a byte count the way the messages show it: "20 MB".
func size(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d byte", n)
}
