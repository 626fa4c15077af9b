package knowledge_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/hoidap/hoidap/internal/sqldb/sqldbtest"
	"github.com/hoidap/hoidap/internal/testcorpus"
	"github.com/hoidap/hoidap/knowledge"
)

// starter is opened once: the embedded corpus does not change between
// tests that only read it.
var (
	starterOnce sync.Once
	starterKB   *knowledge.Base
	starterErr  error
)

func mustStarter(tb testing.TB) *knowledge.Base {
	tb.Helper()
	starterOnce.Do(func() {
		starterKB, starterErr = knowledge.Open(context.Background(), knowledge.Config{})
		if starterErr == nil {
			starterErr = testcorpus.Seed(context.Background(), starterKB)
		}
	})
	if starterErr != nil {
		tb.Fatal(starterErr)
	}
	return starterKB
}

func mustOpen(tb testing.TB, dir string) *knowledge.Base {
	tb.Helper()
	kb, err := knowledge.Open(context.Background(), knowledge.Config{Dir: dir})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { kb.Close() })
	return kb
}

func titles(tb testing.TB, kb *knowledge.Base, q, commune string) []string {
	tb.Helper()
	hits, err := kb.Search(context.Background(), knowledge.Query{Text: q, Commune: commune, Limit: 5})
	if err != nil {
		tb.Fatal(err)
	}
	var out []string
	for _, h := range hits {
		out = append(out, h.Title)
	}
	return out
}

func TestSearchFindsSameProcedureWhateverTheForm(t *testing.T) {
	kb := mustStarter(t)
	cases := []struct {
		name  string
		forms []string
		want  string
	}{
		{"land first certificate", []string{"làm sổ đỏ lần đầu", "lam so do lan dau", "LÀM SỔ ĐỎ LẦN ĐẦU"}, "lần đầu"},
		{"birth", []string{"đăng ký khai sinh cho con", "dang ky khai sinh cho con", "Đăng kí khai sinh cho con"}, "Thủ tục đăng ký khai sinh"},
		{"marriage", []string{"đăng ký kết hôn cần giấy tờ gì", "dang ky ket hon can giay to gi"}, "kết hôn"},
		{"marital status", []string{"xin giấy xác nhận độc thân", "xin giay xac nhan doc than"}, "tình trạng hôn nhân"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var forms []string
			for _, f := range c.forms {
				forms = append(forms, norm.NFC.String(f), norm.NFD.String(f))
			}
			for _, f := range forms {
				got := titles(t, kb, f, "")
				if len(got) == 0 || !strings.Contains(got[0], c.want) {
					t.Errorf("%q (%d bytes): first = %q, want one containing %q", f, len(f), got, c.want)
				}
			}
		})
	}
}

func TestSearchGroupsByDocument(t *testing.T) {
	kb := mustStarter(t)
	hits, err := kb.Search(context.Background(), knowledge.Query{Text: "đăng ký khai sinh giấy tờ lệ phí thời hạn", Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, h := range hits {
		if seen[h.DocID] {
			t.Errorf("document %s appears twice", h.DocID)
		}
		seen[h.DocID] = true
	}
	if len(hits) < 3 {
		t.Errorf("got %d documents, want at least 3", len(hits))
	}
}

func TestSearchRespectsCommuneScope(t *testing.T) {
	ctx := context.Background()
	kb := mustOpen(t, "")
	doc := func(id, commune, title string) knowledge.Document {
		return knowledge.Document{ID: id, Title: title, Commune: commune,
			Body: "## Lịch tiếp dân\nChủ tịch xã tiếp công dân sáng thứ Năm hằng tuần tại nhà văn hóa thôn."}
	}
	if err := kb.Ingest(ctx, doc("a-lich", "xa-a", "Lịch tiếp công dân xã A"), doc("b-lich", "xa-b", "Lịch tiếp công dân xã B")); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		commune string
		want    []string
	}{
		{"xa-a", []string{"Lịch tiếp công dân xã A"}},
		{"xa-b", []string{"Lịch tiếp công dân xã B"}},
		{"", nil},
	} {
		got := titles(t, kb, "lịch tiếp dân chủ tịch xã", c.commune)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("commune %q: got %q, want %q", c.commune, got, c.want)
		}
	}
}

// A commune that has uploaded only a few notices finds one by a word of
// its headings alone: with so few documents no heading word is too common
// to search.
func TestSearchFewNoticesByHeading(t *testing.T) {
	ctx := context.Background()
	kb := mustOpen(t, "")
	notices := []knowledge.Document{
		{ID: "tb-1", Title: "Thông báo của UBND xã tháng 11", Commune: "xa-a",
			Body: "## Thu gom rác\nXe chạy thứ Ba và thứ Sáu, bỏ túi trước cổng từ 6 giờ."},
		{ID: "tb-2", Title: "Thông báo của UBND xã tháng 12", Commune: "xa-a",
			Body: "## Họp thôn\nHọp thôn cuối năm vào tối thứ Bảy tại nhà văn hóa."},
	}
	if err := kb.Ingest(ctx, notices...); err != nil {
		t.Fatal(err)
	}
	if got := titles(t, kb, "rác", "xa-a"); len(got) == 0 || got[0] != notices[0].Title {
		t.Errorf("«rác» found %q, want %q first", got, notices[0].Title)
	}
}

func TestIndexRebuiltFromStore(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	kb, err := knowledge.Open(ctx, knowledge.Config{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if err := testcorpus.Seed(ctx, kb); err != nil {
		t.Fatal(err)
	}
	want := titles(t, kb, "lam so do lan dau", "")
	kb.Close()

	for _, damage := range []struct {
		name string
		do   func(index string) error
	}{
		{"deleted", os.RemoveAll},
		{"corrupted", func(index string) error {
			return os.WriteFile(filepath.Join(index, "index_meta.json"), []byte("{not json"), 0o600)
		}},
		{"emptied", func(index string) error {
			if err := os.RemoveAll(index); err != nil {
				return err
			}
			return os.MkdirAll(index, 0o750)
		}},
	} {
		t.Run(damage.name, func(t *testing.T) {
			if err := damage.do(filepath.Join(dir, "index")); err != nil {
				t.Fatal(err)
			}
			kb := mustOpen(t, dir)
			if got := titles(t, kb, "lam so do lan dau", ""); len(got) == 0 || got[0] != want[0] {
				t.Errorf("after index %s: got %q, want %q first", damage.name, got, want[0])
			}
			kb.Close()
		})
	}
}

func TestIndexCatchesUpAfterCrash(t *testing.T) {
	sqldbtest.Each(t, testIndexCatchesUpAfterCrash)
}

func testIndexCatchesUpAfterCrash(t *testing.T, dsn string) {
	ctx := context.Background()
	dir := t.TempDir()
	kb, err := knowledge.Open(ctx, knowledge.Config{Dir: dir, DatabaseURL: dsn})
	if err != nil {
		t.Fatal(err)
	}
	old := knowledge.Document{ID: "note-1", Title: "Lịch tiêm chủng mở rộng tháng Mười", Body: "## Lịch\nTiêm vắc xin sởi tại trạm y tế ngày 5."}
	if err := kb.Ingest(ctx, old); err != nil {
		t.Fatal(err)
	}
	// A write that reached the store but not the index, as when the process
	// dies between the two: the store queues it, nobody indexes it.
	fresh := knowledge.Document{ID: "note-2", Title: "Thông báo thu gom rác cồng kềnh", Body: "## Thời gian\nThu gom rác cồng kềnh chiều thứ Bảy."}
	knowledge.Split(&fresh)
	if err := knowledge.StoreOf(kb).PutDocuments(ctx, []knowledge.Document{fresh}); err != nil {
		t.Fatal(err)
	}
	if err := knowledge.StoreOf(kb).DeleteDocument(ctx, "note-1"); err != nil {
		t.Fatal(err)
	}
	kb.Close()

	kb = mustOpenOn(t, dir, dsn)
	if got := titles(t, kb, "thu gom rác cồng kềnh", ""); len(got) != 1 || got[0] != fresh.Title {
		t.Errorf("stored but unindexed document: got %q", got)
	}
	for _, title := range titles(t, kb, "tiêm chủng vắc xin sởi", "") {
		if title == old.Title {
			t.Errorf("deleted document still found")
		}
	}
}

func TestReingestReplacesInPlace(t *testing.T) {
	sqldbtest.Each(t, testReingestReplacesInPlace)
}

func testReingestReplacesInPlace(t *testing.T, dsn string) {
	ctx := context.Background()
	kb := mustOpenOn(t, "", dsn)
	d := knowledge.Document{ID: "n", Title: "Giờ làm việc của bộ phận một cửa", Body: "## Giờ\nSáng 7h30 đến 11h30, chiều 13h30 đến 17h.\n## Thứ Bảy\nLàm việc buổi sáng."}
	for i := 0; i < 3; i++ {
		if err := kb.Ingest(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	d.Body = "## Giờ\nSáng 8h đến 12h."
	if err := kb.Ingest(ctx, d); err != nil {
		t.Fatal(err)
	}
	docs, passages, err := knowledge.StoreOf(kb).CountDocuments(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if docs != 1 || passages != 1 {
		t.Errorf("after re-ingest: %d documents, %d passages; want 1 and 1", docs, passages)
	}
	hits, err := kb.Search(ctx, knowledge.Query{Text: "làm việc thứ bảy buổi sáng"})
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range hits {
		if strings.Contains(h.Text, "Thứ Bảy") || strings.Contains(h.Heading, "Thứ Bảy") {
			t.Errorf("old passage still found: %q", h.Text)
		}
	}
}

func TestIngestRejectsEmptyDocuments(t *testing.T) {
	kb := mustOpen(t, "")
	for _, d := range []knowledge.Document{
		{ID: "x", Title: "", Body: "text"},
		{ID: "", Title: "t", Body: "text"},
		{ID: "y", Title: "t", Body: "  "},
		{ID: "a#b", Title: "t", Body: "text"},
	} {
		if err := kb.Ingest(context.Background(), d); err == nil {
			t.Errorf("Ingest(%+v) = nil, want an error", d)
		}
	}
}

// mustCorpus opens an in-memory base holding one procedure per title,
// each with a short body of its own words.
func mustCorpus(tb testing.TB, titles ...string) *knowledge.Base {
	tb.Helper()
	kb := mustOpen(tb, "")
	docs := make([]knowledge.Document, len(titles))
	for i, title := range titles {
		docs[i] = knowledge.Document{ID: "p" + string(rune('a'+i)), Title: title,
			Body: "## Trình tự thực hiện\nNộp hồ sơ tại Trung tâm phục vụ hành chính công. " + title + "."}
	}
	if err := kb.Ingest(context.Background(), docs...); err != nil {
		tb.Fatal(err)
	}
	return kb
}

func TestSearchMatchesAgeToTitleBounds(t *testing.T) {
	kb := mustCorpus(t,
		"Cấp đổi thẻ căn cước",
		"Cấp thẻ căn cước cho người dưới 14 tuổi",
		"Cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên",
	)
	for _, c := range []struct{ q, want string }{
		{"Con tôi 16 tuổi làm thẻ căn cước lần đầu ở đâu?", "Cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên"},
		{"lam the can cuoc cho con 14 tuoi", "Cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên"},
		{"làm thẻ căn cước cho bé 5 tuổi", "Cấp thẻ căn cước cho người dưới 14 tuổi"},
		{"làm căn cước cho con 16 tuổi ở đâu con tôi 3 tuổi thì sao", "Cấp thẻ căn cước cho người dưới 14 tuổi"},
		{"lam can cuoc cho con duoi 14 tuoi thi lam o dau, bao lau thi co the?", "Cấp thẻ căn cước cho người dưới 14 tuổi"},
	} {
		t.Run(c.q, func(t *testing.T) {
			got := titles(t, kb, c.q, "")
			if len(got) == 0 || got[0] != c.want {
				t.Errorf("got %q, want %q first", got, c.want)
			}
		})
	}
}

func TestSearchReadsPoliceAbbreviation(t *testing.T) {
	// "CA xã" is the commune police; a title sharing "xử lý sai" must not
	// beat the complaint procedure.
	kb := mustCorpus(t,
		"Xử lý hóa đơn điện tử đã lập sai",
		"Giải quyết khiếu nại về quyết định hành chính, hành vi hành chính của công dân đối với lực lượng Công an nhân dân thực hiện tại cấp xã",
	)
	got := titles(t, kb, "khiếu nại CA xã xử lý sai", "")
	if len(got) == 0 || !strings.HasPrefix(got[0], "Giải quyết khiếu nại") {
		t.Errorf("got %q, want the complaint procedure first", got)
	}
}

func TestSearchLeavesDictionaryWordsUncorrected(t *testing.T) {
	// "cmnd" is one edit from "cand" (công an nhân dân); the dictionary
	// knows it, so it must not be "corrected".
	kb := mustCorpus(t,
		"Xác nhận số chứng minh nhân dân 09 số, số định danh cá nhân",
		"Tuyển sinh vào trường CAND",
	)
	got := titles(t, kb, "xác nhận số CMND 9 số cũ", "")
	if len(got) == 0 || !strings.HasPrefix(got[0], "Xác nhận số chứng minh") {
		t.Errorf("got %q, want the ID-number confirmation first", got)
	}
	for _, title := range got {
		if strings.Contains(title, "CAND") {
			t.Errorf("got %q among %q: cmnd was corrected to cand", title, got)
		}
	}
}

// A procedure hidden for one commune is left out of that commune's search
// only; one hidden province-wide from every commune's; unhidden, it is
// back.
func TestHiddenProceduresLeaveSearch(t *testing.T) {
	sqldbtest.Each(t, testHiddenProceduresLeaveSearch)
}

func testHiddenProceduresLeaveSearch(t *testing.T, dsn string) {
	ctx := context.Background()
	kb := mustOpenOn(t, "", dsn)
	if err := testcorpus.Seed(ctx, kb); err != nil {
		t.Fatal(err)
	}
	const q, id = "đăng ký kết hôn cần giấy tờ gì", "dvc-1.000894"
	first := func(commune string) string {
		hits, err := kb.Search(ctx, knowledge.Query{Text: q, Commune: commune, Limit: 3})
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range hits {
			if h.DocID == id {
				return id
			}
		}
		return ""
	}
	if first("xa-a") != id {
		t.Fatal("not found before hiding")
	}
	if err := kb.Hide(ctx, id, "xa-a", "officer"); err != nil {
		t.Fatal(err)
	}
	if first("xa-a") != "" || first("xa-b") != id || first("") != id {
		t.Errorf("hidden for xa-a: xa-a %q, xa-b %q, province %q", first("xa-a"), first("xa-b"), first(""))
	}
	if err := kb.Hide(ctx, id, "", "admin"); err != nil {
		t.Fatal(err)
	}
	if first("xa-b") != "" || first("") != "" {
		t.Error("hidden province-wide, still found")
	}
	hidden, err := kb.HiddenFor(ctx, "xa-a")
	if err != nil || len(hidden) != 2 {
		t.Errorf("HiddenFor(xa-a) = %v, %v; want 2", hidden, err)
	}
	if err := kb.Unhide(ctx, id, ""); err != nil {
		t.Fatal(err)
	}
	if err := kb.Unhide(ctx, id, "xa-a"); err != nil {
		t.Fatal(err)
	}
	if first("xa-a") != id {
		t.Error("not back after unhiding")
	}
	if err := kb.Hide(ctx, "dvc-nope", "", "admin"); !errors.Is(err, knowledge.ErrNotFound) {
		t.Errorf("hiding a missing document: %v, want ErrNotFound", err)
	}
}

// A word typed as its sound-alike ("kết hôm", "tạm chú") is read as the
// titles' word when asked to respell; one that titles spell as typed
// ("hộ đóng", as in "mức đóng bảo hiểm") is left as it is, and a question with
// nothing to respell finds nothing.
func TestSearchRespellsSoundAlikes(t *testing.T) {
	kb := mustCorpus(t,
		"Đăng ký tạm trú",
		"Gia hạn tạm trú",
		"Xóa đăng ký tạm trú",
		"Đăng ký kết hôn",
		"Đăng ký lại kết hôn",
		"Đăng ký đóng bảo hiểm xã hội tự nguyện",
		"Điều chỉnh mức đóng bảo hiểm xã hội",
		"Cấp Bằng bảo hộ giống cây trồng",
		"Đăng ký bảo hộ giống cây trồng",
		"Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản, quyền sử dụng đất",
		"Chứng thực chữ ký trong các giấy tờ, văn bản",
		"Chứng thực việc sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch",
		"Thu hồi đất do vi phạm pháp luật về đất đai",
		"Giao đất do Nhà nước quản lý",
		"Đăng ký thường trú",
		"Kiểm tra nhà nước về chất lượng thuốc bảo vệ thực vật nhập khẩu",
	)
	respelled := func(q string) []string {
		t.Helper()
		hits, err := kb.Search(context.Background(), knowledge.Query{Text: q, Limit: 3, Respell: true})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, h := range hits {
			out = append(out, h.Title)
		}
		return out
	}
	for q, want := range map[string]string{
		"tạm chú của em sắp hết hạn, phải đi gia hạn trước bao nhiu ngày": "Gia hạn tạm trú",
		"dăng kí kết hôm ở xã có mất phí ko":                              "Đăng ký kết hôn",
		// A bare "g" ends no Vietnamese syllable: the "n" of "ng" was
		// dropped on a phone's keyboard. The slip may be a pair's first
		// syllable, with no word before it to mend it by.
		"chug thuc chu ky o xa mat bao nhieu": "Chứng thực chữ ký trong các giấy tờ, văn bản",
		// A tone misheard by speech typing ("sổ hổ khẩu" for "sổ hộ
		// khẩu") in a pair the dictionary holds: read without its marks.
		"cháu lên ở với ông bà, muốn vào sổ hổ khẩu nhà tôi thì mất bao lâu": "Đăng ký thường trú",
	} {
		if got := respelled(q); len(got) == 0 || got[0] != want {
			t.Errorf("%q respelled: got %q, want %q first", q, got, want)
		}
	}
	// "giờ" after a story is "now", not a slip of "đất do".
	for _, q := range []string{"phí thu gom rác mỗi tháng một hộ đóng bao nhiêu", "đăng ký kết hôn cần gì", "bố mẹ đã tặng cho tôi mảnh đất, giờ đi đăng ký"} {
		if got := respelled(q); len(got) != 0 {
			t.Errorf("%q: nothing to respell, got %q", q, got)
		}
	}
}

// A correction of the civil-status record already done, then the
// residence data brought in line with it, asks the residence procedure:
// "cải chính" is the step done, "điều chỉnh … cư trú" the one asked.
func TestSearchResidenceDataAfterACorrection(t *testing.T) {
	kb := mustCorpus(t,
		"Thủ tục thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc",
		"Điều chỉnh thông tin về cư trú trong Cơ sở dữ liệu về cư trú",
		"Xác nhận thông tin về cư trú",
	)
	for _, q := range []string{
		"Em vừa được cải chính ngày sinh, muốn điều chỉnh lại thông tin trong hệ thống cư trú thì nộp ở đâu, mấy ngày xong?",
		"da cai chinh ten tren giay khai sinh roi, gio sua lai thong tin cu tru the nao",
		"đã sửa ngày sinh trong giấy khai sinh, giờ muốn cập nhật dữ liệu cư trú",
	} {
		got := titles(t, kb, q, "")
		if len(got) == 0 || !strings.HasPrefix(got[0], "Điều chỉnh thông tin về cư trú") {
			t.Errorf("%s: got %q, want the residence data first", q, got)
		}
	}
}

// A question that names the kind of business it speaks for (a
// cooperative, a company, a household business) asks the procedure of
// that kind, not another kind's that shares the change it names. The
// titles are the official records' (1.004979, 2.002041, 2.000720,
// 2.002226).
func TestSearchKeepsTheBusinessKindNamed(t *testing.T) {
	kb := mustCorpus(t,
		"Đăng ký thay đổi địa chỉ trụ sở chính, đăng ký đổi tên của doanh nghiệp; Thông báo thay đổi ngành, nghề kinh doanh; Thông báo thay đổi nội dung đăng ký thuế",
		"Thông báo thay đổi nội dung đăng ký hợp tác xã, liên hiệp hợp tác xã; Thông báo thay đổi nội dung đăng ký đối với hợp tác xã, liên hiệp hợp tác xã bị tách, nhận sáp nhập",
		"Đăng ký thay đổi nội dung đăng ký hộ kinh doanh",
		"Thông báo thành lập/thay đổi tổ hợp tác",
	)
	for q, want := range map[string]string{
		"Hop tac xa cua chung toi vua doi nganh nghe kinh doanh thi phai thong bao trong bao nhieu ngay, xa xu ly may ngay?": "Thông báo thay đổi nội dung đăng ký hợp tác xã",
		"HTX đổi ngành nghề kinh doanh thì thông báo thế nào":                                                                "Thông báo thay đổi nội dung đăng ký hợp tác xã",
		"công ty tôi thay đổi ngành nghề kinh doanh thì thông báo ở đâu":                                                     "Đăng ký thay đổi địa chỉ trụ sở chính",
		"hộ kinh doanh đổi ngành nghề kinh doanh thì làm gì":                                                                 "Đăng ký thay đổi nội dung đăng ký hộ kinh doanh",
	} {
		if got := titles(t, kb, q, ""); len(got) == 0 || !strings.HasPrefix(got[0], want) {
			t.Errorf("%s: got %q, want %q first", q, got, want)
		}
	}
}

// An officer asked to come to the home ("cử cán bộ xuống tận nhà làm
// khai tử") is the mobile registration, however the death is told. The
// titles are the official records' (1.000419, 1.000656, 1.005461).
func TestSearchOfficerToTheHomeIsMobile(t *testing.T) {
	kb := mustCorpus(t,
		"Thủ tục đăng ký khai tử",
		"Thủ tục đăng ký khai tử lưu động",
		"Đăng ký lại khai tử",
	)
	q := "Ông nội tôi mất ở nhà, bà nội già yếu không đi lại được, xã có cử cán bộ xuống tận nhà làm khai tử không, có mất phí không?"
	if got := titles(t, kb, q, ""); len(got) == 0 || got[0] != "Thủ tục đăng ký khai tử lưu động" {
		t.Errorf("got %q, want the mobile registration first", got)
	}
	if got := titles(t, kb, "bố tôi mất ở nhà, mai tôi ra xã làm khai tử cần gì", ""); len(got) == 0 || got[0] != "Thủ tục đăng ký khai tử" {
		t.Errorf("got %q, want the common registration first", got)
	}
}

// A vehicle's owner changed ("đổi chủ xe") is the vehicle's transfer,
// though "đổi tên" (a civil-status correction's name) is said for it too.
func TestSearchVehicleOwnerChangedIsTheTransfer(t *testing.T) {
	kb := mustStarter(t)
	q := "xe may mua lai tu nguoi quen 2 nam nay van chua doi ten, gio di lam thu tuc doi chu xe thi chuan bi nhung gi"
	if got := titles(t, kb, q, ""); len(got) == 0 || !strings.HasPrefix(got[0], "Cấp chứng nhận đăng ký xe, biển số xe trong trường hợp thay đổi chủ xe") {
		t.Errorf("got %q, want the vehicle's transfer first", got)
	}
}

// A birth registered with the father's name while the parents are not
// married is the linked procedure "khai sinh kết hợp nhận cha, mẹ, con"
// (1.000689), even against the common registration's name said word for
// word ("làm giấy khai sinh", 1.001193), whose record speaks longer of
// the same words.
func TestSearchBirthWithTheFathersNameIsLinked(t *testing.T) {
	kb := mustStarter(t)
	for q, want := range map[string]string{
		"Bọn em chưa đăng ký kết hôn thì sinh bé, giờ đi làm giấy khai sinh muốn ghi tên bố luôn thì cần chứng minh gì?": "Thủ tục đăng ký khai sinh kết hợp đăng ký nhận cha, mẹ, con",
		"vo toi moi sinh, mai toi di lam giay khai sinh cho con can gi":                                                  "Thủ tục đăng ký khai sinh",
	} {
		if got := titles(t, kb, q, ""); len(got) == 0 || got[0] != want {
			t.Errorf("%s: got %q, want %q first", q, got, want)
		}
	}
}
