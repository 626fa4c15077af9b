package knowledge

// StoreOf returns the store of b, for tests that write to it behind the
// index's back, as a crash between the two would.
func StoreOf(b *Base) *Store { return b.store }
