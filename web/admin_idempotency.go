package web

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"
	"github.com/hoidap/hoidap/internal/records"
)

// idempotency is the Idempotency-Key of an admin API request, claimed
// for its user.
type idempotency struct {
	scope, key string
}

// claimIdempotencyKey handles the request's Idempotency-Key header (IETF
// draft "The Idempotency-Key HTTP Header Field"). Without one it returns
// nil and true: the request runs. With one seen before for the same user
// it answers the first response again (same content), 422 (other content)
// or 409 (the first still runs) and returns false. Else it claims the key
// and returns it, for finishIdempotency.
func (s *Server) claimIdempotencyKey(c *gin.Context, commune string) (*idempotency, bool) {
	key := c.GetHeader("Idempotency-Key")
	if key == "" {
		return nil, true
	}
	if len(key) > 255 || !printableASCII(key) {
		c.AbortWithStatusJSON(http.StatusBadRequest, gin.H{"error": "Idempotency-Key phải là chuỗi ASCII in được, tối đa 255 ký tự. (Idempotency-Key must be printable ASCII, 255 characters at most)"})
		return nil, false
	}
	fp, err := uploadFingerprint(c, commune)
	if err != nil {
		c.AbortWithStatusJSON(http.StatusBadRequest, gin.H{"error": "Cần gửi multipart/form-data với trường file. (Send multipart/form-data with a file field)"})
		return nil, false
	}
	u := adminUser(c)
	idem := &idempotency{scope: strconv.FormatInt(u.ID, 10) + "/" + u.Name, key: key}
	earlier, claimed, err := s.admin.keys.ClaimIdempotencyKey(c.Request.Context(), idem.scope, key, fp)
	switch {
	case err != nil:
		s.fail(c, err)
		return nil, false
	case claimed:
		return idem, true
	case earlier.Fingerprint != fp:
		c.AbortWithStatusJSON(http.StatusUnprocessableEntity, gin.H{"error": "Idempotency-Key này đã được dùng cho một tệp khác: hãy dùng khóa mới cho mỗi lần tải lên. (This Idempotency-Key was used for another file)"})
	case earlier.Status == 0:
		c.Header("Retry-After", "5")
		c.AbortWithStatusJSON(http.StatusConflict, gin.H{"error": "Lần tải lên đầu tiên với Idempotency-Key này vẫn đang xử lý: hãy thử lại sau ít giây. (The first request with this Idempotency-Key is still running)"})
	default:
		c.Header("Idempotent-Replayed", "true")
		c.Data(earlier.Status, "application/json; charset=utf-8", earlier.Body)
		c.Abort()
	}
	return nil, false
}

// finishIdempotency keeps a successful response for the key's retries,
// or releases the key of a failed request so that a retry runs again.
// It runs even if the client has gone: that is when the key matters.
func (s *Server) finishIdempotency(ctx context.Context, idem *idempotency, status int, body []byte) {
	if idem == nil {
		return
	}
	ctx = context.WithoutCancel(ctx)
	var err error
	if status >= 200 && status < 300 {
		err = s.admin.keys.FinishIdempotencyKey(ctx, idem.scope, idem.key, status, body)
	} else {
		err = s.admin.keys.ReleaseIdempotencyKey(ctx, idem.scope, idem.key)
	}
	if err != nil {
		s.log.Error("idempotency key", slog.Any("error", err))
	}
}

// uploadFingerprint hashes what makes an upload the same upload: the
// commune, the file's name and its content.
func uploadFingerprint(c *gin.Context, commune string) (string, error) {
	fh, err := c.FormFile("file")
	if err != nil {
		return "", err
	}
	f, err := fh.Open()
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	fmt.Fprintf(h, "%q %q\n", commune, fh.Filename)
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

func printableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			return false
		}
	}
	return true
}

// IdempotencyKeys keeps the admin API's responses by Idempotency-Key.
type IdempotencyKeys interface {
	ClaimIdempotencyKey(ctx context.Context, scope, key, fingerprint string) (records.Replay, bool, error)
	FinishIdempotencyKey(ctx context.Context, scope, key string, status int, body []byte) error
	ReleaseIdempotencyKey(ctx context.Context, scope, key string) error
}
