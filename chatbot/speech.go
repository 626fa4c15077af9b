package chatbot

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"strings"
	"time"

	openai "github.com/sashabaranov/go-openai"
)

// SpeechConfig names an OpenAI-compatible speech-to-text endpoint.
type SpeechConfig struct {
	BaseURL string // e.g. http://whisper:8000/v1
	Model   string // "" means whisper-1
	APIKey  string
	// HTTPClient calls the endpoint; nil uses a client with a 60 s
	// timeout.
	HTTPClient *http.Client
}

// Speech turns a resident's recorded question into text, beside the LLM
// client and through the same OpenAI-compatible API.
type Speech struct {
	client *openai.Client
	model  string
}

// NewSpeech returns the speech-to-text client of cfg, or nil when
// cfg.BaseURL is empty: voice is then left to the browser.
func NewSpeech(cfg SpeechConfig) *Speech {
	if cfg.BaseURL == "" {
		return nil
	}
	oc := openai.DefaultConfig(cfg.APIKey)
	oc.BaseURL = strings.TrimRight(cfg.BaseURL, "/")
	oc.HTTPClient = &http.Client{Timeout: 60 * time.Second}
	if cfg.HTTPClient != nil {
		oc.HTTPClient = cfg.HTTPClient
	}
	model := cfg.Model
	if model == "" {
		model = openai.Whisper1
	}
	return &Speech{client: openai.NewClientWithConfig(oc), model: model}
}

// Transcribe returns the Vietnamese text of audio, a recording whose
// container kind ("webm", "ogg", "mp4", "wav", "mp3") the caller read.
func (s *Speech) Transcribe(ctx context.Context, audio []byte, kind string) (string, error) {
	res, err := s.client.CreateTranscription(ctx, openai.AudioRequest{
		Model: s.model, FilePath: "question." + kind, Reader: bytes.NewReader(audio),
		Language: "vi", Format: openai.AudioResponseFormatJSON,
	})
	if err != nil {
		return "", fmt.Errorf("chatbot: transcribe: %w", err)
	}
	return strings.TrimSpace(res.Text), nil
}
