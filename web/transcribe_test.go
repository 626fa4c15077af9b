package web

import (
	"bytes"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/hoidap/hoidap/chatbot"
)

// fakeWhisper speaks the OpenAI audio API: multipart in, {"text"} out. It
// reports what it received through got.
func fakeWhisper(t *testing.T, got *struct{ model, file, lang string }) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost || r.URL.Path != "/v1/audio/transcriptions" {
			http.Error(w, "not found", http.StatusNotFound)
			return
		}
		if err := r.ParseMultipartForm(10 << 20); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		f, fh, err := r.FormFile("file")
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		f.Close()
		got.model, got.file, got.lang = r.FormValue("model"), fh.Filename, r.FormValue("language")
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]string{"text": " Làm giấy khai sinh cần gì "})
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestTranscribe(t *testing.T) {
	var got struct{ model, file, lang string }
	whisper := fakeWhisper(t, &got)
	s, _ := mustServer(t, func(c *Config) {
		c.Speech = chatbot.NewSpeech(chatbot.SpeechConfig{BaseURL: whisper.URL + "/v1", Model: "whisper-small"})
	})
	webm := append([]byte{0x1A, 0x45, 0xDF, 0xA3}, bytes.Repeat([]byte{1}, 2000)...)
	ogg := append([]byte("OggS"), bytes.Repeat([]byte{0}, 2000)...)
	wav := append([]byte("RIFF\x00\x00\x00\x00WAVEfmt "), make([]byte, 100)...)

	multi := func(field string, data []byte) (string, []byte) {
		var buf bytes.Buffer
		mw := multipart.NewWriter(&buf)
		fw, _ := mw.CreateFormFile(field, "rec.bin")
		fw.Write(data)
		mw.Close()
		return mw.FormDataContentType(), buf.Bytes()
	}
	mct, mbody := multi("audio", ogg)
	tests := []struct {
		name, ctype string
		body        []byte
		status      int
		want, file  string
	}{
		{"webm body", "audio/webm;codecs=opus", webm, 200, "Làm giấy khai sinh cần gì", "question.webm"},
		{"wav body", "audio/wav", wav, 200, "Làm giấy khai sinh cần gì", "question.wav"},
		{"ogg multipart", mct, mbody, 200, "Làm giấy khai sinh cần gì", "question.ogg"},
		{"too large", "audio/webm", append(webm[:4:4], make([]byte, 6<<20)...), 413, "5 MB", ""},
		{"not audio", "audio/webm", []byte("<html><script>alert(1)</script></html>"), 415, "WebM", ""},
		{"empty", "audio/webm", nil, 400, "trống", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got.file = ""
			req := httptest.NewRequest(http.MethodPost, "/api/v1/transcribe", bytes.NewReader(tt.body))
			req.Header.Set("Content-Type", tt.ctype)
			rec := httptest.NewRecorder()
			s.ServeHTTP(rec, req)
			if rec.Code != tt.status {
				t.Fatalf("status %d, want %d: %s", rec.Code, tt.status, rec.Body)
			}
			body, _ := io.ReadAll(rec.Body)
			if !strings.Contains(string(body), tt.want) {
				t.Errorf("body %s, want %q in it", body, tt.want)
			}
			if tt.file != "" && (got.file != tt.file || got.model != "whisper-small" || got.lang != "vi") {
				t.Errorf("server got file %q model %q language %q", got.file, got.model, got.lang)
			}
		})
	}
}

func TestTranscribeNotConfigured(t *testing.T) {
	s, _ := mustServer(t, nil)
	req := httptest.NewRequest(http.MethodPost, "/api/v1/transcribe", bytes.NewReader([]byte("OggS....")))
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	if rec.Code != http.StatusServiceUnavailable {
		t.Errorf("status %d, want 503", rec.Code)
	}
	if page := get(t, s, "/x/demo").Body.String(); !strings.Contains(page, `data-stt=""`) {
		t.Error("page announces server speech-to-text that is not there")
	}
}
