package web

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
)

// maxAudio is the largest recording accepted: about a minute of speech in
// Opus, far more than a question needs.
const maxAudio = 5 << 20

// Speech turns a recorded question into text; chatbot.Speech in cmd.
type Speech interface {
	Transcribe(ctx context.Context, audio []byte, kind string) (string, error)
}

// audioKind names the container of a recording from its first bytes, as
// a file extension the transcription server understands; "" when it is
// not audio we accept.
func audioKind(b []byte) string {
	switch {
	case bytes.HasPrefix(b, []byte{0x1A, 0x45, 0xDF, 0xA3}):
		return "webm"
	case bytes.HasPrefix(b, []byte("OggS")):
		return "ogg"
	case len(b) >= 12 && string(b[4:8]) == "ftyp":
		return "mp4"
	case len(b) >= 12 && string(b[:4]) == "RIFF" && string(b[8:12]) == "WAVE":
		return "wav"
	case bytes.HasPrefix(b, []byte("ID3")), len(b) >= 2 && b[0] == 0xFF && b[1]&0xE0 == 0xE0:
		return "mp3"
	}
	return ""
}

// handleTranscribe serves POST /api/v1/transcribe: a recording (the raw
// body, or the multipart field "audio" or "file") in, {"text"} out.
func (s *Server) handleTranscribe(c *gin.Context) {
	if s.cfg.Speech == nil {
		c.JSON(http.StatusServiceUnavailable, gin.H{"error": "Chưa bật chuyển giọng nói thành chữ trên máy chủ; hãy gõ câu hỏi. (Speech-to-text is not configured)"})
		return
	}
	audio, err := readAudio(c)
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		c.JSON(http.StatusRequestEntityTooLarge, gin.H{"error": recordingTooLarge})
		return
	case err != nil:
		s.fail(c, badRequest("Không đọc được bản ghi âm. (Could not read the recording)"))
		return
	case len(audio) == 0:
		s.fail(c, badRequest("Bản ghi âm trống. (Empty recording)"))
		return
	}
	kind := audioKind(audio)
	if kind == "" {
		c.JSON(http.StatusUnsupportedMediaType, gin.H{"error": "Chỉ nhận bản ghi âm WebM, Ogg, MP4, WAV hoặc MP3. (Only WebM, Ogg, MP4, WAV or MP3 audio)"})
		return
	}
	ctx, cancel := context.WithTimeout(c.Request.Context(), 60*time.Second)
	defer cancel()
	text, err := s.cfg.Speech.Transcribe(ctx, audio, kind)
	if err != nil {
		s.log.Error("transcribe", slog.Int("bytes", len(audio)), slog.Any("error", err))
		c.JSON(http.StatusBadGateway, gin.H{"error": "Chưa chuyển được giọng nói thành chữ; hãy thử lại hoặc gõ câu hỏi. (Transcription failed)"})
		return
	}
	c.JSON(http.StatusOK, gin.H{"text": text})
}

// readAudio reads at most maxAudio bytes of the recording.
func readAudio(c *gin.Context) ([]byte, error) {
	c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, maxAudio+64<<10)
	mt, _, _ := mime.ParseMediaType(c.GetHeader("Content-Type"))
	if mt != "multipart/form-data" {
		return readLimited(c.Request.Body)
	}
	mr, err := c.Request.MultipartReader()
	if err != nil {
		return nil, err
	}
	for {
		part, err := mr.NextPart()
		if err != nil {
			return nil, err
		}
		if name := part.FormName(); name == "audio" || name == "file" {
			return readLimited(part)
		}
	}
}

// readLimited reads r, failing with *http.MaxBytesError past maxAudio.
func readLimited(r io.Reader) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, maxAudio+1))
	if err != nil {
		return nil, err
	}
	if len(b) > maxAudio {
		return nil, &http.MaxBytesError{Limit: maxAudio}
	}
	return b, nil
}
