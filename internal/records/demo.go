package records

import (
	"embed"
	"encoding/json"
	"fmt"
)

//go:embed demo-commune.json
var demoFS embed.FS

// CommuneInfo is what residents see of a commune office.
type CommuneInfo struct {
	Slug     string   `json:"slug"`
	Name     string   `json:"name"`
	Province string   `json:"province"`
	Address  string   `json:"address,omitempty"`
	Hours    string   `json:"hours,omitempty"`
	Hotline  string   `json:"hotline,omitempty"`
	MapURL   string   `json:"map_url,omitempty"`
	Former   []string `json:"former,omitempty"`
	Sample   bool     `json:"sample,omitempty"` // sample data, to be replaced
}

// DemoCommune returns the embedded demo commune, slug "demo", whose office
// details are sample data.
func DemoCommune() (CommuneInfo, error) {
	var c CommuneInfo
	raw, err := demoFS.ReadFile("demo-commune.json")
	if err != nil {
		return c, fmt.Errorf("records: demo commune: %w", err)
	}
	if err := json.Unmarshal(raw, &c); err != nil {
		return c, fmt.Errorf("records: demo commune: %w", err)
	}
	return c, nil
}
