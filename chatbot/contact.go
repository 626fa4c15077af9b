package chatbot

import "github.com/hoidap/hoidap/internal/records"

// Offices finds the office residents of a commune are sent to; in cmd it
// is records.Communes, the one lookup of communes.
type Offices interface {
	Office(slug string) (records.CommuneInfo, bool)
}

// OfficeContacts makes Config.CommuneContact of the commune lookup.
func OfficeContacts(o Offices) func(slug string) (Contact, bool) {
	return func(slug string) (Contact, bool) {
		c, ok := o.Office(slug)
		if !ok {
			return Contact{}, false
		}
		return Contact{Name: c.Name, Province: c.Province, Address: c.Address, Hours: c.Hours, Hotline: c.Hotline, MapURL: c.MapURL}, true
	}
}
