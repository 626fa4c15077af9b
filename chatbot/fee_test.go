package chatbot

import (
	"strings"
	"testing"
	"time"

	"github.com/hoidap/hoidap/knowledge"
)

// The fee cells and descriptions below are as the national portal writes
// them (records 1.004884, 1.002626, 2.000815, 1.001456).
func TestFeeAsAResidentReadsIt(t *testing.T) {
	today := time.Date(2026, 12, 3, 0, 0, 0, 0, vietnam)
	later := time.Date(2027, 1, 5, 0, 0, 0, 0, vietnam)
	cases := []struct {
		name    string
		methods []knowledge.Method
		day     time.Time
		want    []string
		wantNot []string
	}{
		{
			name:    "set by the provincial council is not free",
			methods: []knowledge.Method{{Channel: "Trực tiếp", Fee: "Miễn phí (Mức lệ phí do Hội đồng nhân dân tỉnh quyết định)"}},
			day:     today,
			want:    []string{"Hội đồng nhân dân tỉnh"},
			wantNot: []string{"miễn phí"},
		},
		{
			// The fee was paid when the goods came in; leaving, none is
			// charged (2.001204): no "có thu" before the note.
			name:    "free now, the amount paid at another step",
			methods: []knowledge.Method{{Channel: "Trực tuyến", Fee: "Miễn phí (hàng hóa gửi kho ngoại quan thu lệ phí làm thủ tục hải quan một lần khi làm thủ tục nhập kho, khi xuất kho không thu; mức thu là 20.000 VNĐ/tờ khai)"}},
			day:     today,
			want:    []string{"khi xuất kho không thu", "miễn phí"},
			wantNot: []string{"có thu"},
		},
		{
			// The note on a copy asked for besides is not this
			// procedure's fee (1.004837).
			name: "free, a copy's fee beside it",
			methods: []knowledge.Method{
				{Channel: "Trực tiếp", Fee: "Miễn phí"},
				{Channel: "Trực tuyến", Fee: "Miễn phí (Phí cấp bản sao Trích lục đăng ký giám hộ (nếu có yêu cầu) thực hiện theo quy định tại Thông tư số 281/2016/TT-BTC ngày 14/11/2016 của Bộ Tài chính.)"},
			},
			day:     today,
			want:    []string{"miễn phí"},
			wantNot: []string{"hỏi cán bộ", "trực tuyến"},
		},
		{
			// A note that starts with the amount and says per page and
			// the cap is the fee (2.000942).
			name:    "per page and capped, as the note says",
			methods: []knowledge.Method{{Channel: "Trực tiếp", Fee: "2.000 đồng (2.000 đồng/trang; từ trang thứ 3 trở lên thu 1.000 đồng/trang, tối đa thu không quá 200.000 đồng/bản. Trang là căn cứ để thu phí được tính theo trang của bản chính.)"}},
			day:     today,
			want:    []string{"2.000 đồng/trang; từ trang thứ 3 trở lên thu 1.000 đồng/trang, tối đa thu không quá 200.000 đồng/bản"},
			wantNot: []string{"Trang là căn cứ"},
		},
		{
			// A note that says the amount again and then whom it spares
			// keeps them (2.002516): a poor household pays nothing.
			name:    "the amount again, then whom it spares",
			methods: []knowledge.Method{{Channel: "Trực tiếp", Fee: "8.000 đồng (8.000 đồng/Văn bản xác nhận về một việc hộ tịch của cá nhân đã đăng ký. Miễn lệ phí cho người thuộc gia đình có công với cách mạng; người thuộc hộ nghèo; người khuyết tật.)"}},
			day:     today,
			want:    []string{"8.000 đồng", "miễn lệ phí cho người thuộc gia đình có công với cách mạng; người thuộc hộ nghèo; người khuyết tật"},
		},
		{
			// The amount again per its unit, then the circular: said
			// once, per the unit (1.012680).
			name:    "the amount per its unit, then its circular",
			methods: []knowledge.Method{{Channel: "Trực tiếp", Fee: "50.000 đồng (50.000đ/giấy thông hành (Thông tư số 25/2021/TT-BTC ngày 07/4/2021 của Bộ Tài chính).)"}},
			day:     today,
			want:    []string{"50.000 đồng/giấy thông hành (Thông tư số 25/2021/TT-BTC ngày 07/4/2021 của Bộ Tài chính)"},
			wantNot: []string{"50.000đ"},
		},
		{
			// The note's amount in the wrong unit, three zeros too many
			// beside the column's half rate (1.012680): the column's.
			name:    "a note's amount three zeros too many",
			methods: []knowledge.Method{{Channel: "Trực tuyến", Fee: "25.000 đồng (25.000.000đ/giấy thông hành (áp dụng đến hết ngày 31/12/2026 theo Thông tư số 64/2025/TT-BTC ngày 30/6/2025 của Bộ Tài chính).)"}},
			day:     today,
			want:    []string{"25.000 đồng/giấy thông hành (áp dụng đến hết ngày 31/12/2026"},
			wantNot: []string{"25.000.000"},
		},
		{
			name:    "free unless the province sets a fee, if any",
			methods: []knowledge.Method{{Channel: "Trực tiếp", Fee: "Miễn phí (Mức lệ phí (nếu có) theo quy định của Hội đồng nhân dân cấp tỉnh.)"}},
			day:     today,
			want:    []string{"bản ghi ghi miễn phí", "lệ phí nếu có thì mức do Hội đồng nhân dân tỉnh quyết định"},
		},
		{
			// The record's "Miễn phí" beside the law on fees, which names
			// no amount (1.012812): what the record says, and to ask.
			name:    "free as the record says, any fee by the law",
			methods: []knowledge.Method{{Channel: "Trực tiếp", Fee: "Miễn phí(Theo quy định của Luật phí và lệ phí và các văn bản quy phạm pháp luật hướng dẫn Luật phí và lệ phí.)"}},
			day:     today,
			want:    []string{"bản ghi ghi miễn phí", "lệ phí nếu có thì mức theo quy định về phí, lệ phí (hỏi cán bộ)"},
		},
		{
			name: "whom the fee spares is said whole, once",
			methods: []knowledge.Method{
				{Channel: "Trực tiếp", Fee: "400.000 đồng (Mức thu lệ phí: 400.000đ/trường hợp. Miễn lệ phí đăng ký nuôi con nuôi trong nước đối với trường hợp cha dượng hoặc mẹ kế nhận con riêng của vợ hoặc chồng làm con nuôi; cô, cậu, dì, chú, bác ruột nhận cháu làm con nuôi.)"},
				{Channel: "Trực tuyến", Fee: "400.000 đồng (Lệ phí : 400.000 Đồng (Mức thu lệ phí: 400.000đ/trường hợp. Miễn lệ phí đăng ký nuôi con nuôi trong nước đối với trường hợp cha dượng hoặc mẹ kế nhận con riêng của vợ hoặc chồng làm con nuôi; cô, cậu, dì, chú, bác ruột nhận cháu làm con nuôi.))"},
			},
			day:     today,
			want:    []string{"400.000 đồng; miễn lệ phí đăng ký nuôi con nuôi trong nước đối với trường hợp cha dượng hoặc mẹ kế nhận con riêng của vợ hoặc chồng làm con nuôi; cô, cậu, dì, chú, bác ruột nhận cháu làm con nuôi"},
			wantNot: []string{"trực tuyến", "…"},
		},
		{
			name: "a reduction written in the description applies today",
			methods: []knowledge.Method{{Channel: "Trực tiếp", Fee: "500.000 đồng",
				Note: "Phí: 500.000 đồng/hồ sơ (áp dụng mức phí 250.000 đồng/hồ sơ kể từ ngày 01/7/2025 đến hết ngày 31/12/2026 theo Thông tư số 64/2025/TT-BTC)."}},
			day:  today,
			want: []string{"250.000 đồng", "31/12/2026", "mức thường 500.000 đồng"},
		},
		{
			name: "an expired reduction is not applied",
			methods: []knowledge.Method{{Channel: "Trực tiếp", Fee: "500.000 đồng",
				Note: "Phí: 500.000 đồng/hồ sơ (áp dụng mức phí 250.000 đồng/hồ sơ kể từ ngày 01/7/2025 đến hết ngày 31/12/2026 theo Thông tư số 64/2025/TT-BTC)."}},
			day:     later,
			want:    []string{"500.000 đồng"},
			wantNot: []string{"250.000"},
		},
		{
			name: "an amount whose own period has ended is not given as today's",
			methods: []knowledge.Method{
				{Channel: "Trực tiếp", Fee: "200.000 đồng (200.000đ/ hộ chiếu. Trường hợp cấp lại do bị hỏng hoặc bị mất: 400.000đ/hộ chiếu (Thông tư số 25/2021/TT-BTC ngày 07/4/2021 của Bộ Tài chính).)"},
				{Channel: "Trực tuyến", Fee: "160.000 đồng (+ 160.000/hộ chiếu, trường hợp cấp lại do bị hư hỏng hoặc bị mất: 320.000đ/hộ chiếu (áp dụng đến hết ngày 31/12/2023 theo Thông tư số 44/2023/TT-BTC ngày 29/6/2023 của Bộ tài chính).)"},
			},
			day:  today,
			want: []string{"trực tiếp: 200.000 đồng", "31/12/2023, nay đã hết hạn"},
		},
		{
			name: "tiers in the description are said with the amount",
			methods: []knowledge.Method{
				{Channel: "Trực tiếp", Fee: "2.000 đồng (/trang)", Note: "Tại Ủy ban nhân dân cấp xã, Tổ chức hành nghề công chứng: 2.000 đồng/trang; từ trang thứ 3 trở lên thu 1.000 đồng/trang, tối đa thu không quá 200.000 đồng/bản. Trang là căn cứ để thu phí được tính theo trang của bản chính;"},
				{Channel: "Trực tiếp", Fee: "10 USD (/bản)", Note: "Tại cơ quan đại diện: 10 USD/bản."},
			},
			day:     today,
			want:    []string{"2.000 đồng/trang", "1.000 đồng/trang", "200.000 đồng/bản", "cơ quan đại diện: 10 USD"},
			wantNot: []string{"trực tiếp:"},
		},
		{
			// A "Miễn phí" for a period in force is free until its end,
			// not a fee the record does not state (1.013234).
			name:    "free for a period in force",
			methods: []knowledge.Method{{Channel: "Trực tiếp", Fee: "Miễn phí(Từ ngày 01/7/2025 đến hết ngày 31/12/2026 áp dụng theo quy định tại Thông tư số 64/2025/TT-BTC ngày 30/6/2025 của Bộ trưởng Bộ Tài chính quy định mức thu, miễn một số khoản phí, lệ phí nhằm hỗ trợ cho doanh nghiệp, người dân)"}},
			day:     today,
			want:    []string{"miễn phí đến hết 31/12/2026", "Thông tư số 64/2025/TT-BTC"},
			wantNot: []string{"hỏi cán bộ"},
		},
		{
			name:    "free for a period ended",
			methods: []knowledge.Method{{Channel: "Trực tiếp", Fee: "Miễn phí(Từ ngày 01/7/2025 đến hết ngày 31/12/2026 áp dụng theo quy định tại Thông tư số 64/2025/TT-BTC ngày 30/6/2025 của Bộ trưởng Bộ Tài chính quy định mức thu, miễn một số khoản phí, lệ phí nhằm hỗ trợ cho doanh nghiệp, người dân)"}},
			day:     later,
			want:    []string{"nay đã hết hạn", "hỏi cán bộ"},
		},
		{
			name: "channels that differ keep their names",
			methods: []knowledge.Method{
				{Channel: "Trực tiếp", Fee: "200.000 đồng"},
				{Channel: "Trực tuyến", Fee: "160.000 đồng"},
			},
			day:  today,
			want: []string{"trực tiếp: 200.000 đồng", "trực tuyến: 160.000 đồng"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := feeOf(&knowledge.Procedure{Methods: c.methods}, c.day)
			for _, w := range c.want {
				if !strings.Contains(got, w) {
					t.Errorf("fee %q lacks %q", got, w)
				}
			}
			for _, w := range c.wantNot {
				if strings.Contains(strings.ToLower(got), strings.ToLower(w)) {
					t.Errorf("fee %q says %q", got, w)
				}
			}
		})
	}
}

// An exemption the record lists past where the fee would be cut is shown
// when the question names its case: an uncle adopting his nephew. The
// fee is the official record's (2.001263).
func TestExemptionTheAskerNames(t *testing.T) {
	fee := "400.000 đồng; miễn lệ phí đăng ký nuôi con nuôi trong nước đối với trường hợp cha dượng hoặc mẹ kế nhận con riêng của vợ hoặc chồng làm con nuôi; cô, cậu, dì, chú, bác ruột nhận cháu làm con nuôi; nhận các trẻ em sau đây làm con nuôi: Trẻ khuyết tật, nhiễm HIV/AIDS hoặc mắc bệnh hiểm nghèo"
	got := exemptionNamed(fee, "chu ruot nhan chau lam con nuoi thi dang ky o xa co mat le phi khong", "Đăng ký việc nuôi con nuôi trong nước")
	if !strings.HasPrefix(got, "400.000 đồng; miễn lệ phí") || !strings.Contains(got, "chú, bác ruột nhận cháu") || strings.Contains(got, "cha dượng") {
		t.Errorf("fee %q, want the amount and the uncle's exemption", got)
	}
	if got := exemptionNamed(fee, "nhan con nuoi het bao nhieu tien", "Đăng ký việc nuôi con nuôi trong nước"); got != "" {
		t.Errorf("a question naming no case: %q, want the fee as it is", got)
	}
}
