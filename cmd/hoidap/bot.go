package main

import (
	"context"
	"log/slog"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/hoidap/hoidap/chatbot"
	"github.com/hoidap/hoidap/knowledge"
	"github.com/hoidap/hoidap/knowledge/places"
)

// newBot wires the chatbot: the knowledge base, the former-commune
// resolver, the answer records and approved answers in the store, office
// contacts, metrics, and the LLM with its daily budget when
// OPENAI_BASE_URL and HOIDAP_LLM_MODEL name one.
func newBot(kb *knowledge.Base, dir *places.Directory, cfg *config, log *slog.Logger, reg *prometheus.Registry) (*chatbot.Bot, error) {
	demo, err := knowledge.DemoCommune()
	if err != nil {
		return nil, err
	}
	metrics, err := chatbot.NewMetrics(reg)
	if err != nil {
		return nil, err
	}
	bc := chatbot.Config{
		Knowledge: kb, Places: dir, Recorder: kb.Store(), Approved: kb.Store(),
		CommuneContact: communeContact(kb.Store(), dir, demo, log),
		DailyRequests:  cfg.LLMDailyRequests, DailyTokens: cfg.LLMDailyTokens,
		Metrics: metrics, Logger: log,
	}
	if cfg.LLMBaseURL != "" {
		bc.BaseURL, bc.APIKey, bc.Model = cfg.LLMBaseURL, cfg.LLMKey, cfg.LLMModel
	}
	bot, err := chatbot.New(bc)
	if err != nil {
		return nil, err
	}
	log.Info("chatbot ready", slog.String("llm", bot.LLMState()), slog.String("model", bc.Model),
		slog.Int("daily_requests", cfg.LLMDailyRequests), slog.Int("daily_tokens", cfg.LLMDailyTokens))
	return bot, nil
}

// communeContact finds a commune office's contact: the details that
// administrators stored, else the demo commune's, else the directory's
// name alone (no address is invented).
func communeContact(store *knowledge.Store, dir *places.Directory, demo knowledge.CommuneInfo, log *slog.Logger) func(string) (chatbot.Contact, bool) {
	return func(slug string) (chatbot.Contact, bool) {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		d, ok, err := store.CommuneDetails(ctx, slug)
		if err != nil {
			log.Warn("commune contact", slog.String("commune", slug), slog.Any("error", err))
		}
		if ok {
			return chatbot.Contact{Name: d.Name, Province: d.Province, Address: d.Address, Hours: d.Hours, Hotline: d.Hotline, MapURL: d.MapURL}, true
		}
		if slug == demo.Slug {
			return chatbot.Contact{Name: demo.Name, Province: demo.Province, Address: demo.Address, Hours: demo.Hours, Hotline: demo.Hotline, MapURL: demo.MapURL}, true
		}
		c, ok := dir.Commune(slug)
		if !ok {
			return chatbot.Contact{}, false
		}
		return chatbot.Contact{Name: "Trung tâm phục vụ hành chính công " + c.FullName, Province: c.Province}, true
	}
}
