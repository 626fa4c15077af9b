package places

import (
	"slices"
	"testing"
	"time"
)

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}

// findQueries are what residents type into the search box, keystroke by
// keystroke included.
var findQueries = []string{
	"t", "th", "thu", "thuan", "thuan m", "thuan my", "Thuận Mỹ", "xã Thuận Mỹ Tây Ninh",
	"thanh phu long", "Thanh Phú Long", "son binh", "sơn bình lai châu", "phường 1", "p 12 quan 3",
	"ba dinh", "hoa lac", "Hoà Lạc", "tan thanh", "con dao", "đặc khu phú quốc",
}

func BenchmarkFind(b *testing.B) {
	d := mustLoad(b)
	benchP50(b, func(i int) { d.Find(findQueries[i%len(findQueries)], 10) })
}

var resolveQuestions = []string{
	"tôi ở xã Thanh Phú Long cũ, giờ nộp hồ sơ ở đâu?",
	"thi tran Tam Duong cu gio la xa nao",
	"xã Sơn Bình huyện Tam Đường tỉnh Lai Châu giờ thuộc xã nào",
	"xã Sơn Bình cũ giờ thuộc xã nào?",
	"đăng ký khai sinh cần những giấy tờ gì và nộp ở đâu?",
	"làm sổ đỏ ở đâu, mất bao lâu?",
	"Tôi ở Xã Tân Thành, Huyện Lục Ngạn, Tỉnh Bắc Giang cũ, giờ thuộc xã nào?",
}

func BenchmarkResolve(b *testing.B) {
	d := mustLoad(b)
	benchP50(b, func(i int) { d.Resolve(resolveQuestions[i%len(resolveQuestions)]) })
}

// benchP50 runs f and reports the median time of one call besides the mean.
func benchP50(b *testing.B, f func(i int)) {
	b.Helper()
	var times []time.Duration
	i := 0
	for b.Loop() {
		start := time.Now()
		f(i)
		times = append(times, time.Since(start))
		i++
	}
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Nanoseconds()), "p50-ns")
}
