package main

import (
	"context"
	"log/slog"
	"strings"
	"testing"

	"github.com/hoidap/hoidap/knowledge"
	"github.com/hoidap/hoidap/knowledge/places"
)

func TestCommuneContactPrefersStoredDetails(t *testing.T) {
	ctx := context.Background()
	kb, err := knowledge.Open(ctx, knowledge.Config{})
	if err != nil {
		t.Fatal(err)
	}
	defer kb.Close()
	dir, err := places.Load()
	if err != nil {
		t.Fatal(err)
	}
	demo, err := knowledge.DemoCommune()
	if err != nil {
		t.Fatal(err)
	}
	stored := knowledge.CommuneDetails{CommuneInfo: knowledge.CommuneInfo{Slug: "thuan-my-tay-ninh", Name: "Xã Thuận Mỹ",
		Province: "Tây Ninh", Address: "Số 5 đường 30/4, ấp Bình Hòa", Hours: "7h–17h", Hotline: "0276 000 111"}}
	if _, err := kb.Store().SaveCommune(ctx, stored); err != nil {
		t.Fatal(err)
	}
	contact := communeContact(kb.Store(), dir, demo, slog.New(slog.DiscardHandler))
	tests := []struct {
		slug, wantAddress, wantName string
		ok                          bool
	}{
		{"thuan-my-tay-ninh", "Số 5 đường 30/4, ấp Bình Hòa", "Xã Thuận Mỹ", true},
		{"demo", demo.Address, demo.Name, true},
		{"khong-co-xa-nay", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.slug, func(t *testing.T) {
			c, ok := contact(tt.slug)
			if ok != tt.ok || c.Address != tt.wantAddress || c.Name != tt.wantName {
				t.Errorf("contact(%q) = %+v, %v", tt.slug, c, ok)
			}
		})
	}
	// A directory commune with no stored details: its name, no address.
	slug := dir.Communes()[0].Slug
	if c, ok := contact(slug); !ok || c.Address != "" || !strings.HasPrefix(c.Name, "Trung tâm phục vụ hành chính công") {
		t.Errorf("contact(%q) = %+v, %v", slug, c, ok)
	}
}
