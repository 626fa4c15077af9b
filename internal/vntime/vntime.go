// Package vntime holds Vietnam's time zone, in which the service counts
// its days: scans, dashboards, exports and the LLM's daily budget.
package vntime

import "time"

// Zone is Vietnam's time zone, UTC+7 all year (no daylight saving).
var Zone = time.FixedZone("ICT", 7*3600)
