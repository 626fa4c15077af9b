package main

import (
	"log/slog"

	"github.com/hoidap/hoidap/chatbot"
	"github.com/hoidap/hoidap/knowledge"
	"github.com/hoidap/hoidap/knowledge/places"
)

// newBot wires the chatbot: the knowledge base, the former-commune
// resolver, the answer records in the store, office contacts, and the LLM
// when OPENAI_BASE_URL and HOIDAP_LLM_MODEL name one.
func newBot(kb *knowledge.Base, dir *places.Directory, cfg *config, log *slog.Logger) (*chatbot.Bot, error) {
	demo, err := knowledge.DemoCommune()
	if err != nil {
		return nil, err
	}
	contact := func(slug string) (chatbot.Contact, bool) {
		if slug == demo.Slug {
			return chatbot.Contact{Name: demo.Name, Province: demo.Province, Address: demo.Address, Hours: demo.Hours, Hotline: demo.Hotline}, true
		}
		c, ok := dir.Commune(slug)
		if !ok {
			return chatbot.Contact{}, false
		}
		// The directory knows names, not offices: no address is invented.
		return chatbot.Contact{Name: "Trung tâm phục vụ hành chính công " + c.FullName, Province: c.Province}, true
	}
	bc := chatbot.Config{Knowledge: kb, Places: dir, Recorder: kb.Store(), CommuneContact: contact, Logger: log}
	if cfg.LLMBaseURL != "" {
		bc.BaseURL, bc.APIKey, bc.Model = cfg.LLMBaseURL, cfg.LLMKey, cfg.LLMModel
	}
	bot, err := chatbot.New(bc)
	if err != nil {
		return nil, err
	}
	log.Info("chatbot ready", slog.String("llm", bot.LLMState()), slog.String("model", bc.Model))
	return bot, nil
}
