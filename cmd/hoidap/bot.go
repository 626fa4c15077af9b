package main

import (
	"log/slog"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/hoidap/hoidap/chatbot"
	"github.com/hoidap/hoidap/internal/places"
	"github.com/hoidap/hoidap/internal/records"
	"github.com/hoidap/hoidap/knowledge"
	"github.com/hoidap/hoidap/knowledge/ingest"
	"github.com/hoidap/hoidap/web"
)

// parts are what serve opens and wires together: the knowledge base, the
// office's records on its database, the one lookup of communes over the
// national directory, the ingest workflow, the log and the metrics
// registry.
type parts struct {
	kb       *knowledge.Base
	records  *records.Store
	communes *records.Communes
	dir      *places.Directory
	uploads  *ingest.Workflow
	log      *slog.Logger
	reg      *prometheus.Registry
}

// newBot wires the chatbot: the knowledge base, the former-commune
// resolver, the answer records and approved answers, office contacts,
// metrics, and the LLM with its daily budget when OPENAI_BASE_URL and
// HOIDAP_LLM_MODEL name one.
func newBot(p parts, cfg *config) (*chatbot.Bot, error) {
	metrics, err := chatbot.NewMetrics(p.reg)
	if err != nil {
		return nil, err
	}
	bc := chatbot.Config{
		Knowledge: p.kb, Places: p.dir, Recorder: p.records, Approved: p.records,
		CommuneContact: chatbot.OfficeContacts(p.communes),
		DailyRequests:  cfg.LLMDailyRequests, DailyTokens: cfg.LLMDailyTokens,
		Metrics: metrics, Logger: p.log,
	}
	if cfg.LLMBaseURL != "" {
		bc.BaseURL, bc.APIKey, bc.Model = cfg.LLMBaseURL, cfg.LLMKey, cfg.LLMModel
	}
	bot, err := chatbot.New(bc)
	if err != nil {
		return nil, err
	}
	p.log.Info("chatbot ready", slog.String("llm", bot.LLMState()), slog.String("model", bc.Model),
		slog.Int("daily_requests", cfg.LLMDailyRequests), slog.Int("daily_tokens", cfg.LLMDailyTokens))
	return bot, nil
}

// speech is the speech-to-text client when HOIDAP_STT_BASE_URL names
// one, else nil (a nil interface, not a nil *chatbot.Speech): voice is
// left to the browser.
func speech(cfg *config) web.Speech {
	if cfg.STTBaseURL == "" {
		return nil
	}
	return chatbot.NewSpeech(chatbot.SpeechConfig{BaseURL: cfg.STTBaseURL, Model: cfg.STTModel, APIKey: cfg.STTKey})
}
