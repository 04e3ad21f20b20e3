// The quarterly report (report/): figures, wording and the three renderers,
// pinned on the bundled Seo-gu example against the seed report
// (../shared/seed; 2023-12-31 is a reconstruction, see
// examples/data/gwangju-seogu/SOURCE.md) and on small hand-made snapshots.
// The Markdown and JSON of the demo are pinned byte for byte by
// tests/data/golden/; docs/report.md says how to update them.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pledgetrack/io/csv.hpp"
#include "pledgetrack/io/formula_guard.hpp"
#include "pledgetrack/pledgetrack.hpp"
#include "example_data.hpp"

using namespace pledgetrack;
using namespace pledgetrack::report;

namespace {

using example::q1_2024;
using example::q4_2023;
const std::string golden_dir = std::string(PLEDGETRACK_SOURCE_DIR) + "/tests/data/golden/";
const organization& seogu_org() { return example::org(); }

/// The demo: 2024-03-31 against 2023-12-31, with the org file.
const quarterly_report& demo() {
  static const quarterly_report r = make_quarterly_report(q1_2024(), &q4_2023(), &seogu_org(), {});
  return r;
}

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

/// Compares `actual` with the golden file `name`. On a difference (or no
/// golden file) it writes `actual` next to it as `name.actual` and fails,
/// naming the first line that differs.
void check_golden(const std::string& name, const std::string& actual) {
  const std::string path = golden_dir + name;
  const std::string actual_path = path + ".actual";
  std::ifstream in(path, std::ios::binary);
  const std::string expected = in ? std::string(std::istreambuf_iterator<char>(in), {}) : std::string();
  if (in && expected == actual) {
    std::remove(actual_path.c_str());  // a stale .actual from an earlier run
    return;
  }
  std::ofstream(actual_path, std::ios::binary) << actual;
  const auto want = lines_of(expected);
  const auto got = lines_of(actual);
  std::size_t line = 0;
  while (line < want.size() && line < got.size() && want[line] == got[line]) ++line;
  FAIL_CHECK(name << (in ? " differs from its golden file at line " + std::to_string(line + 1) : " has no golden file")
                  << "; the output is in " << actual_path
                  << ". Check the diff by eye, then accept it as docs/report.md says.\n  golden: "
                  << (line < want.size() ? want[line] : "(end)") << "\n  actual: " << (line < got.size() ? got[line] : "(end)"));
}

// A small JSON reader, strict to RFC 8259, so that the tests parse what
// render_json writes instead of trusting it.
struct json {
  enum class kind { null, boolean, number, string, array, object } type = kind::null;
  bool b = false;
  double n = 0;
  std::string s;
  std::vector<json> items;
  // Members as two vectors: a vector of an incomplete type is allowed, a
  // vector of pairs holding one is not.
  std::vector<std::string> keys;
  std::vector<json> values;

  const json& operator[](std::string_view key) const {
    for (std::size_t i = 0; i < keys.size(); ++i)
      if (keys[i] == key) return values[i];
    FAIL("no key '" << std::string(key) << "'");
    static const json none;
    return none;
  }
  const json& operator[](std::size_t i) const {
    REQUIRE(i < items.size());
    return items[i];
  }
};

class json_reader {
 public:
  explicit json_reader(std::string_view text) : t_(text) {}

  /// The value, or nothing when the text is not exactly one JSON value.
  std::optional<json> read() {
    json v;
    if (!value(v)) return std::nullopt;
    space();
    if (i_ != t_.size()) return std::nullopt;
    return v;
  }

 private:
  void space() {
    while (i_ < t_.size() && (t_[i_] == ' ' || t_[i_] == '\n' || t_[i_] == '\r' || t_[i_] == '\t')) ++i_;
  }
  bool literal(std::string_view word) {
    if (t_.substr(i_, word.size()) != word) return false;
    i_ += word.size();
    return true;
  }
  bool value(json& v) {
    space();
    if (i_ >= t_.size()) return false;
    const char c = t_[i_];
    if (c == '{') return object(v);
    if (c == '[') return array(v);
    if (c == '"') return v.type = json::kind::string, string(v.s);
    if (literal("true")) return v.type = json::kind::boolean, v.b = true, true;
    if (literal("false")) return v.type = json::kind::boolean, v.b = false, true;
    if (literal("null")) return v.type = json::kind::null, true;
    return number(v);
  }
  bool object(json& v) {
    v.type = json::kind::object;
    ++i_;
    space();
    if (i_ < t_.size() && t_[i_] == '}') return ++i_, true;
    while (true) {
      space();
      std::string key;
      if (i_ >= t_.size() || t_[i_] != '"' || !string(key)) return false;
      space();
      if (i_ >= t_.size() || t_[i_++] != ':') return false;
      json member;
      if (!value(member)) return false;
      v.keys.push_back(std::move(key));
      v.values.push_back(std::move(member));
      space();
      if (i_ >= t_.size()) return false;
      if (t_[i_] == ',') { ++i_; continue; }
      if (t_[i_] == '}') return ++i_, true;
      return false;
    }
  }
  bool array(json& v) {
    v.type = json::kind::array;
    ++i_;
    space();
    if (i_ < t_.size() && t_[i_] == ']') return ++i_, true;
    while (true) {
      json item;
      if (!value(item)) return false;
      v.items.push_back(std::move(item));
      space();
      if (i_ >= t_.size()) return false;
      if (t_[i_] == ',') { ++i_; continue; }
      if (t_[i_] == ']') return ++i_, true;
      return false;
    }
  }
  static int hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }
  bool hex4(char32_t& cp) {
    if (i_ + 4 > t_.size()) return false;
    cp = 0;
    for (int k = 0; k < 4; ++k) {
      const int h = hex(t_[i_++]);
      if (h < 0) return false;
      cp = cp * 16 + static_cast<char32_t>(h);
    }
    return true;
  }
  bool string(std::string& out) {
    ++i_;  // the opening quote
    while (i_ < t_.size()) {
      const auto c = static_cast<unsigned char>(t_[i_++]);
      if (c == '"') return text::find_invalid_utf8(out) == std::nullopt;
      if (c < 0x20) return false;  // raw control characters are not allowed
      if (c != '\\') {
        out += static_cast<char>(c);
        continue;
      }
      if (i_ >= t_.size()) return false;
      const char e = t_[i_++];
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          char32_t cp = 0;
          if (!hex4(cp)) return false;
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            char32_t low = 0;
            if (!literal("\\u") || !hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            return false;
          }
          text::append_utf8(out, cp);
          break;
        }
        default: return false;
      }
    }
    return false;
  }
  bool number(json& v) {
    const std::size_t start = i_;
    auto digits = [&] {
      const std::size_t from = i_;
      while (i_ < t_.size() && t_[i_] >= '0' && t_[i_] <= '9') ++i_;
      return i_ > from;
    };
    if (i_ < t_.size() && t_[i_] == '-') ++i_;
    if (i_ < t_.size() && t_[i_] == '0') ++i_;
    else if (!digits()) return false;
    if (i_ < t_.size() && t_[i_] == '.') {
      ++i_;
      if (!digits()) return false;
    }
    if (i_ < t_.size() && (t_[i_] == 'e' || t_[i_] == 'E')) {
      ++i_;
      if (i_ < t_.size() && (t_[i_] == '+' || t_[i_] == '-')) ++i_;
      if (!digits()) return false;
    }
    v.type = json::kind::number;
    v.n = std::stod(std::string(t_.substr(start, i_ - start)));
    return true;
  }

  std::string_view t_;
  std::size_t i_ = 0;
};

json parse_json(const std::string& text) {
  auto v = json_reader(text).read();
  REQUIRE_MESSAGE(v.has_value(), "not valid JSON:\n" << text);
  return *v;
}

bool json_fraction_is(const json& v, std::int64_t numerator, std::int64_t denominator) {
  return v.type == json::kind::object && v["numerator"].n == static_cast<double>(numerator) &&
         v["denominator"].n == static_cast<double>(denominator);
}

/// A hand-made snapshot: (id, status, title, department, bureau, adjustment reason).
struct row {
  std::string_view id;
  status st;
  std::string title = {};
  std::string department = "가과";
  std::string bureau = "가국";
  std::string reason = {};
  scope sc = scope::in;
  std::string field = "가분야";
};

snapshot make(date as_of, const std::vector<row>& rows, std::string district = "테스트구") {
  snapshot s(std::move(district), 8, as_of);
  for (const row& r : rows) {
    project p;
    p.id = project_id::parse(r.id);
    p.field = r.field;
    p.title = r.title.empty() ? "사업 " + std::string(r.id) : r.title;
    p.department = r.department;
    p.bureau = r.bureau;
    p.status = r.st;
    p.raw_status = std::string(label_ko(r.st));
    p.adjustment = r.reason;
    p.scope = r.sc;
    s.add(std::move(p));
  }
  return s;
}

template <class T>
std::string printed(const T& value) {
  std::ostringstream os;
  os << value;
  return os.str();
}

}  // namespace

TEST_SUITE("report") {
  TEST_CASE("the demo report holds the seed's figures") {
    const quarterly_report& r = demo();

    SUBCASE("overview: 5대 분야 21개 공약 49개 사업, 2024년 1분기") {
      CHECK(r.overview.district == "광주광역시 서구");
      CHECK(r.overview.term == 8);
      CHECK(r.overview.head_title == "구청장");
      CHECK(r.overview.as_of == date(2024, 3, 31));
      REQUIRE(r.overview.period);
      CHECK(r.overview.period->label() == "2024Q1");
      CHECK(r.overview.period->label_ko() == "2024년 1분기");
      CHECK(r.overview.fields == 5);
      CHECK(r.overview.pledges == 21);
      CHECK(r.overview.projects == 49);
      CHECK(r.overview.out_of_scope == 0);
      CHECK(scope_text(r.overview, language::ko) == "5대 분야 21개 공약 49개 사업");
      CHECK(scope_text(r.overview, language::en) == "5 fields, 21 pledges, 49 unit projects");
    }

    SUBCASE("the field × bureau table, cell for cell as the seed prints it") {
      const crosstab& t = r.overview.field_by_bureau;
      CHECK(t.row_labels() == std::vector<std::string>{"마을·자치", "골목·경제", "사람·복지", "생태·안전", "행복·문화"});
      // The org file's order, which is the seed's column order.
      CHECK(t.column_labels() == std::vector<std::string>{"실·단", "문화경제국", "환경교통국", "통합복지국", "안전도시국",
                                                           "자치행정국", "보건소"});
      const std::int64_t cells[5][7] = {{0, 0, 0, 0, 0, 5, 0},
                                        {1, 10, 0, 0, 0, 0, 0},
                                        {2, 1, 0, 5, 0, 0, 4},
                                        {1, 0, 7, 0, 6, 0, 1},
                                        {1, 2, 3, 0, 0, 0, 0}};
      for (std::size_t i = 0; i < 5; ++i)
        for (std::size_t j = 0; j < 7; ++j) CHECK(t.at(i, j) == cells[i][j]);
      const std::int64_t rows[] = {5, 11, 12, 15, 6};
      const std::int64_t columns[] = {5, 13, 10, 5, 6, 5, 5};
      for (std::size_t i = 0; i < 5; ++i) CHECK(t.row_total(i) == rows[i]);
      for (std::size_t j = 0; j < 7; ++j) CHECK(t.column_total(j) == columns[j]);
      CHECK(t.total() == 49);
    }

    SUBCASE("the headline: 33/49 = 67.3%, 32/49 = 65.3%, +100/49 %p = +2.0%p") {
      const report_headline& h = r.results.headline;
      CHECK(h.current == rate(fraction(33), 49));
      REQUIRE(h.previous);
      CHECK(*h.previous == rate(fraction(32), 49));
      CHECK(h.previous_as_of == date(2023, 12, 31));
      REQUIRE(h.previous_period);
      CHECK(h.previous_period->label() == "2023Q4");
      CHECK(h.change_points == fraction(100, 49));
      CHECK(h.change_text == "+2.0%p");
      CHECK(headline_text(r, language::ko) == "공약이행완료율(단위사업기준) : 67.3% ※ 2023년 4분기 65.3% 대비 +2.0%p");
      CHECK(headline_text(r, language::en) == "KMC completion rate (per unit project): 67.3% (2023 Q4: 65.3%, +2.0%p)");
    }

    SUBCASE("the status table: 33 / 15 / 1 of 49, shares rounded honestly") {
      const status_table& t = r.results.by_status;
      CHECK(t.total == 49);
      CHECK(t.shares == share_rounding::honest);
      // 보류, 폐기, 기타 are zero, so they have no column.
      REQUIRE(t.columns.size() == 3);
      CHECK(t.columns[0].statuses == std::vector<status>{status::completed, status::ongoing});
      CHECK(t.columns[1].statuses == std::vector<status>{status::on_track});
      CHECK(t.columns[2].statuses == std::vector<status>{status::lagging});
      CHECK(t.columns[0].count == 33);
      CHECK(t.columns[1].count == 15);
      CHECK(t.columns[2].count == 1);
      CHECK(t.columns[0].percent == fraction(3300, 49));
      // 67.3469 -> 67.3, 30.6122 -> 30.6 (the seed printed 30.7), 2.0408 -> 2.0.
      CHECK(t.columns[0].shown_text == "67.3");
      CHECK(t.columns[1].shown_text == "30.6");
      CHECK(t.columns[2].shown_text == "2.0");
      CHECK(t.shown_sum_scaled == 999);
      CHECK(t.shown_sum_text == "99.9");
    }

    SUBCASE("changes: 2-4-1 and 3-4-2 to 이행후계속추진, 4-1-2 back to 일부추진 (a regression)") {
      REQUIRE(r.changes);
      const report_changes& c = *r.changes;
      REQUIRE(c.by_new_status.size() == 2);
      CHECK(c.by_new_status[0].status == status::ongoing);
      REQUIRE(c.by_new_status[0].projects.size() == 2);
      CHECK(c.by_new_status[0].projects[0].id == project_id::parse("2-4-1"));
      CHECK(c.by_new_status[0].projects[0].title == "재취업 중장년 목돈마련 ‘함께하는 내일채움공제’ 지원");
      CHECK(c.by_new_status[0].projects[0].from == status::on_track);
      CHECK(c.by_new_status[0].projects[1].id == project_id::parse("3-4-2"));
      CHECK(c.by_new_status[0].projects[1].title == "가족돌봄으로 학·취업 포기한 청년·청소년 대상 지원");
      CHECK(c.by_new_status[1].status == status::lagging);
      REQUIRE(c.by_new_status[1].projects.size() == 1);
      CHECK(c.by_new_status[1].projects[0].id == project_id::parse("4-1-2"));
      CHECK(c.by_new_status[1].projects[0].k == transition_kind::regression);
      REQUIRE(c.regressions().size() == 1);
      CHECK(c.regressions()[0].id == project_id::parse("4-1-2"));
      CHECK(c.moved() == 3);
      CHECK(c.unchanged == 46);
      CHECK(c.added.empty());
      CHECK(c.removed.empty());
      CHECK(changes_title(r, language::ko) == "직전 분기(2023년 4분기) 대비 변경사항");
      CHECK(changes_title(r, language::en) == "Changes since the previous quarter (2023 Q4)");
    }

    SUBCASE("adjustment candidates: 4-1-2 (lagging, with its reason) and 4-1-4 (a reason only)") {
      REQUIRE(r.adjustment_candidates.size() == 2);
      const adjustment_candidate& first = r.adjustment_candidates[0];
      CHECK(first.id == project_id::parse("4-1-2"));
      CHECK(first.title == "2045 탄소중립 가속화를 위한 무공해차 인프라 구축");
      CHECK(first.status == status::lagging);
      CHECK(first.by_status());
      CHECK(first.by_reason());
      CHECK(contains(first.reason, "짧은 주행거리, 긴 충전 시간"));
      const adjustment_candidate& second = r.adjustment_candidates[1];
      CHECK(second.id == project_id::parse("4-1-4"));
      CHECK(second.title == "신재생에너지 보급을 통한 에너지자립도시 기반 구축");
      CHECK(second.status == status::on_track);
      CHECK_FALSE(second.by_status());
      CHECK(contains(second.reason, "공모사업 지원규모(국비)가 축소됨에 따라"));
    }

    SUBCASE("detail: the five fields and their projects in the source's order") {
      REQUIRE(r.detail.size() == 5);
      const std::size_t sizes[] = {5, 11, 12, 15, 6};
      for (std::size_t i = 0; i < 5; ++i) CHECK(r.detail[i].rows.size() == sizes[i]);
      CHECK(r.detail[0].field == "마을·자치");
      CHECK(r.detail[0].rate == rate(fraction(4), 5));
      CHECK(r.detail[3].rows[1].id == project_id::parse("4-1-2"));
      CHECK(r.detail[3].rows[1].status == status::lagging);
      CHECK(r.detail[3].rows[1].raw_status == "일 부 추 진");
      CHECK(r.detail[3].rows[1].department == "기후환경과");
      CHECK(r.detail[3].rows[1].pledge == "기후위기 대응1번지 녹색서구 구현");
    }

    SUBCASE("the criteria travel with the report") {
      CHECK(r.criteria == criteria::kmc());
      CHECK(criteria_text(r.criteria, language::ko) ==
            "한국매니페스토실천본부 평가기준 준용: 공약이행완료율 = (완료 + 이행후계속추진) ÷ 전체 단위사업 × 100, "
            "소수점 이하 1자리까지 반올림");
    }

    SUBCASE("printing") {
      CHECK(printed(r) ==
            "quarterly_report(district=\"광주광역시 서구\", as_of=2024-03-31, rate=rate(33, 49), previous=rate(32, 49), "
            "change=\"+2.0%p\", projects=49, changed=3, adjustment_candidates=2)");
    }
  }

  TEST_CASE("Korean Markdown: the seed's content, worded like it, %p for the change") {
    const std::string md = render_markdown(demo(), language::ko);
    CHECK(contains(md, "# 민선8기 구청장 공약사항 2024년 1분기 추진실적 점검 결과\n"));
    CHECK(contains(md, "광주광역시 서구 · 2024. 3. 31. 기준"));
    CHECK(contains(md, "## 1. 점검개요"));
    CHECK(contains(md, "- 기준일자 : 2024. 3. 31."));
    CHECK(contains(md, "- 점검대상 : 5대 분야 21개 공약 49개 사업"));
    // The field × bureau table, row for row as the seed prints it ("-" for zero).
    CHECK(contains(md, "| 구분 | 총계 | 실·단 | 문화경제국 | 환경교통국 | 통합복지국 | 안전도시국 | 자치행정국 | 보건소 |\n"));
    CHECK(contains(md, "| 계 | 49건 | 5 | 13 | 10 | 5 | 6 | 5 | 5 |\n"));
    CHECK(contains(md, "| 마을·자치 | 5 | - | - | - | - | - | 5 | - |\n"));
    CHECK(contains(md, "| 골목·경제 | 11 | 1 | 10 | - | - | - | - | - |\n"));
    CHECK(contains(md, "| 사람·복지 | 12 | 2 | 1 | - | 5 | - | - | 4 |\n"));
    CHECK(contains(md, "| 생태·안전 | 15 | 1 | - | 7 | - | 6 | - | 1 |\n"));
    CHECK(contains(md, "| 행복·문화 | 6 | 1 | 2 | 3 | - | - | - | - |\n"));

    CHECK(contains(md, "## 2. 점검결과"));
    CHECK(contains(md, "- 공약이행완료율(단위사업기준) : **67.3%** ※ 2023년 4분기 65.3% 대비 +2.0%p\n"));
    CHECK_FALSE(contains(md, "%↑"));
    CHECK(contains(md, "| 구분 | 계 | 완료 / 이행후계속추진 | 정상추진 | 일부추진 |\n"));
    CHECK(contains(md, "| 건수 | 49건 | 33건 | 15건 | 1건 |\n"));
    CHECK(contains(md, "| 비율 | 100% | 67.3% | 30.6% | 2.0% |\n"));
    CHECK(contains(md, "합계를 100%로 맞추지 않음(표시된 비율의 합 99.9%)"));
    CHECK(contains(md, "☞ 공약이행도 판단기준 - 한국매니페스토실천본부 평가기준 준용"));
    CHECK(contains(md, "- 일부추진 : 추진하고 있으나, 예상 목표를 달성하지 못하고 부진한 사업"));

    CHECK(contains(md, "### 직전 분기(2023년 4분기) 대비 변경사항\n"));
    CHECK(contains(md, "- 이행후계속추진 사업 : 2개\n"
                       "  - ☞ (2-4-1) 재취업 중장년 목돈마련 ‘함께하는 내일채움공제’ 지원 (정상추진 → 이행후계속추진)\n"
                       "  - ☞ (3-4-2) 가족돌봄으로 학·취업 포기한 청년·청소년 대상 지원 (정상추진 → 이행후계속추진)\n"
                       "- 일부추진 사업 : 1개\n"
                       "  - ☞ (4-1-2) 2045 탄소중립 가속화를 위한 무공해차 인프라 구축 (이행후계속추진 → 일부추진, 후퇴)\n"));

    CHECK(contains(md, "### 공약조정 필요사업\n"));
    CHECK(contains(md, "① (4-1-2) 2045 탄소중립 가속화를 위한 무공해차 인프라 구축 (일부추진 · 기후환경과)\n\n"
                       "- 짧은 주행거리, 긴 충전 시간으로 인해 전기 이륜차 구매 기피로 사업 지속성이 약화되어 공약 목표 조정 "
                       "불가피\n"));
    CHECK(contains(md, "② (4-1-4) 신재생에너지 보급을 통한 에너지자립도시 기반 구축 (정상추진 · 기후환경과)\n\n"
                       "- 국가정책 방향에 따라 공모사업 지원규모(국비)가 축소됨에 따라 공모사업 미선정 시 사업 추진에 "
                       "어려움이 있으므로, 2025년 단위사업 목표 조정 필요\n"));

    CHECK(contains(md, "### 공약사업별 추진현황\n"));
    CHECK(contains(md, "#### 생태·안전 (15개 사업, 공약이행완료율 46.7%)\n"));
    CHECK(contains(md, "| 4-1-2 |  | 2045 탄소중립 가속화를 위한 무공해차 인프라 구축 | 기후환경과 | 일부추진 |\n"));
  }

  TEST_CASE("English Markdown and text") {
    const std::string md = render_markdown(demo(), language::en);
    CHECK(contains(md, "- KMC completion rate (per unit project): **67.3%** (2023 Q4: 65.3%, +2.0%p)\n"));
    for (const char* title : {"## 1. Overview", "## 2. Results", "### Changes since the previous quarter (2023 Q4)",
                              "### Projects needing adjustment", "### Projects by field"})
      CHECK(contains(md, title));
    CHECK(contains(md, "| Share | 100% | 67.3% | 30.6% | 2.0% |"));
    CHECK(contains(md, "(Done, continuing → Lagging, regression)"));
    const std::string text = render_text(demo(), language::en);
    CHECK(contains(text, "KMC completion rate (per unit project): 67.3% (2023 Q4: 65.3%, +2.0%p)"));
  }

  TEST_CASE("the goldens pin the Markdown and the JSON byte for byte") {
    check_golden("demo.ko.md", render_markdown(demo(), language::ko));
    check_golden("demo.en.md", render_markdown(demo(), language::en));
    check_golden("demo.json", render_json(demo(), language::ko));
  }

  TEST_CASE("largest remainder: 67.4 / 30.6 / 2.0, summing to 100.0, and the rule is named") {
    report_options options;
    options.shares = share_rounding::largest_remainder;
    const auto r = make_quarterly_report(q1_2024(), &q4_2023(), &seogu_org(), options);
    const status_table& t = r.results.by_status;
    CHECK(t.shares == share_rounding::largest_remainder);
    // Remainders of 67.3469, 30.6122, 2.0408 at one decimal are .0469, .0122,
    // .0408: the missing 0.1 goes to the first. Neither this nor the honest
    // rule gives the seed's 67.3 / 30.7 / 2.0.
    CHECK(t.columns[0].shown_text == "67.4");
    CHECK(t.columns[1].shown_text == "30.6");
    CHECK(t.columns[2].shown_text == "2.0");
    CHECK(t.shown_sum_text == "100.0");
    // The headline keeps the criteria's rule: 67.3%.
    CHECK(r.results.headline.current.to_string() == "67.3%");
    const std::string md = render_markdown(r, language::ko);
    CHECK(contains(md, "| 비율 | 100% | 67.4% | 30.6% | 2.0% |"));
    CHECK(contains(md, "최대잉여법(해밀턴 방식)"));
    CHECK_FALSE(contains(md, "표시된 비율의 합"));
    CHECK(contains(render_markdown(r, language::en), "largest remainder method (Hamilton)"));
    CHECK(contains(render_json(r, language::ko), "\"share_rule\": \"largest_remainder\""));
  }

  TEST_CASE("scaled_shares by hand") {
    using S = share_rounding;
    CHECK(scaled_shares({33, 15, 1}, 49, S::honest, rounding::half_up, 1) == std::vector<std::int64_t>{673, 306, 20});
    CHECK(scaled_shares({33, 15, 1}, 49, S::largest_remainder, rounding::half_up, 1) ==
          std::vector<std::int64_t>{674, 306, 20});
    // Thirds: 33.3 each by either rule honestly (99.9); Hamilton gives the
    // missing 0.1 to the first of equal remainders.
    CHECK(scaled_shares({1, 1, 1}, 3, S::honest, rounding::half_up, 1) == std::vector<std::int64_t>{333, 333, 333});
    CHECK(scaled_shares({1, 1, 1}, 3, S::largest_remainder, rounding::half_up, 1) ==
          std::vector<std::int64_t>{334, 333, 333});
    // Sixths, whole percents: 16.67 x 3 and 50: honest 17 + 17 + 17 + 50 = 101.
    CHECK(scaled_shares({1, 1, 1, 3}, 6, S::honest, rounding::half_up, 0) ==
          std::vector<std::int64_t>{17, 17, 17, 50});
    CHECK(scaled_shares({1, 1, 1, 3}, 6, S::largest_remainder, rounding::half_up, 0) ==
          std::vector<std::int64_t>{17, 17, 16, 50});
    // Exact shares need nothing; zeros stay zero.
    CHECK(scaled_shares({1, 0, 3}, 4, S::largest_remainder, rounding::half_up, 1) ==
          std::vector<std::int64_t>{250, 0, 750});
    CHECK(scaled_shares({}, 0, S::honest, rounding::half_up, 1).empty());
    CHECK_THROWS_AS((void)scaled_shares({5}, 4, S::honest, rounding::half_up, 1), error);
    CHECK(parse_share_rounding("largest-remainder") == S::largest_remainder);
    CHECK_THROWS_WITH_AS((void)parse_share_rounding("forced"),
                         "unknown share rounding (known: honest, largest_remainder): 'forced'", parse_error);
  }

  TEST_CASE("without a previous snapshot: no change line, no changes section") {
    const auto r = make_quarterly_report(q1_2024(), nullptr, &seogu_org(), {});
    CHECK_FALSE(r.results.headline.previous);
    CHECK_FALSE(r.results.headline.change_points);
    CHECK(r.results.headline.change_text.empty());
    CHECK_FALSE(r.changes);
    CHECK(headline_text(r, language::ko) == "공약이행완료율(단위사업기준) : 67.3%");
    CHECK(headline_text(r, language::en) == "KMC completion rate (per unit project): 67.3%");
    for (const language lang : {language::ko, language::en}) {
      const std::string md = render_markdown(r, lang);
      const std::string text = render_text(r, lang);
      CHECK_FALSE(contains(md, "%p"));
      CHECK_FALSE(contains(md, "대비 변경사항"));
      CHECK_FALSE(contains(md, "Changes since"));
      CHECK_FALSE(contains(text, "%p"));
      // The adjustment candidates do not depend on a comparison.
      CHECK(contains(md, "(4-1-4)"));
      const json j = parse_json(render_json(r, lang));
      CHECK(j["changes"].type == json::kind::null);
      CHECK(j["results"]["headline"]["previous"].type == json::kind::null);
      CHECK(j["results"]["headline"]["change"].type == json::kind::null);
    }
  }

  TEST_CASE("an empty snapshot has no rate, and nothing crashes") {
    for (const snapshot& empty : {snapshot(), snapshot("테스트구", 8, date(2024, 6, 30))}) {
      const auto r = make_quarterly_report(empty, nullptr, nullptr, {});
      CHECK_FALSE(r.results.headline.current.has_value());
      CHECK(r.results.by_status.total == 0);
      CHECK(r.results.by_status.shown_sum_text.empty());
      CHECK(r.detail.empty());
      CHECK(r.adjustment_candidates.empty());
      CHECK(r.overview.field_by_bureau.total() == 0);
      CHECK(rate_text(r.results.headline.current, language::en) == "no rate, nothing counted");
      const std::string ko = render_markdown(r, language::ko);
      const std::string en = render_markdown(r, language::en);
      CHECK(contains(ko, "공약이행완료율(단위사업기준) : **산출 불가(집계 대상 없음)**"));
      CHECK(contains(en, "no rate, nothing counted"));
      CHECK(contains(ko, "비율 산출 대상 없음"));
      CHECK(contains(ko, "0개 사업"));
      CHECK_FALSE(contains(ko, "n/a"));
      CHECK(contains(render_text(r, language::ko), "산출 불가"));
      const json j = parse_json(render_json(r, language::ko));
      CHECK(j["results"]["headline"]["rate"]["percent"].type == json::kind::null);
      CHECK(j["results"]["headline"]["rate"]["denominator"].n == 0);
    }
    // Without a date there is no period; the title leaves it out.
    const auto undated = make_quarterly_report(snapshot(), nullptr, nullptr, {});
    CHECK_FALSE(undated.overview.period);
    CHECK(report_title(undated, language::ko) == "공약사항 추진실적 점검 결과");
    CHECK(contains(render_markdown(undated, language::ko), "기준일자 없음"));
    // An empty snapshot against the demo: the previous rate stands, the change has no value.
    const auto emptied = make_quarterly_report(snapshot("광주광역시 서구", 8, date(2024, 6, 30)), &q1_2024(), nullptr, {});
    CHECK(emptied.results.headline.previous == rate(fraction(33), 49));
    CHECK_FALSE(emptied.results.headline.change_points);
    CHECK(emptied.results.headline.change_text == "n/a");
    CHECK(headline_text(emptied, language::ko) ==
          "공약이행완료율(단위사업기준) : 산출 불가(집계 대상 없음) ※ 2024년 1분기 67.3%");
    REQUIRE(emptied.changes);
    CHECK(emptied.changes->removed.size() == 49);
    (void)parse_json(render_json(emptied, language::en));
  }

  TEST_CASE("JSON: valid, every figure, exact fractions, display texts and rule names") {
    const std::string text = render_json(demo(), language::ko);
    const json j = parse_json(text);
    CHECK(j["format"].s == "pledgetrack.quarterly_report");
    CHECK(j["language"].s == "ko");
    const json& o = j["overview"];
    CHECK(o["as_of"].s == "2024-03-31");
    CHECK(o["period"]["label"].s == "2024Q1");
    CHECK(o["period"]["text"].s == "2024년 1분기");
    CHECK(o["fields"].n == 5);
    CHECK(o["pledges"].n == 21);
    CHECK(o["projects"].n == 49);
    CHECK(o["scope_text"].s == "5대 분야 21개 공약 49개 사업");
    const json& t = o["field_by_bureau"];
    CHECK(t["row_labels"].items.size() == 5);
    CHECK(t["column_labels"][6].s == "보건소");
    CHECK(t["cells"][2][6].n == 4);  // 사람·복지 × 보건소
    CHECK(t["column_totals"][1].n == 13);
    CHECK(t["total"].n == 49);

    const json& c = j["criteria"];
    CHECK(c["name"].s == "KMC completion rate");
    CHECK(c["name_ko"].s == "공약이행완료율");
    CHECK(c["rounding"].s == "half_up");
    CHECK(c["complete"].items.size() == 2);
    CHECK(c["complete"][1].s == "ongoing");

    const json& h = j["results"]["headline"];
    CHECK(h["rate"]["numerator"].n == 33);
    CHECK(h["rate"]["denominator"].n == 49);
    CHECK(json_fraction_is(h["rate"]["percent_exact"], 3300, 49));
    CHECK(h["rate"]["percent"].n == doctest::Approx(67.3469387755));
    CHECK(h["rate"]["text"].s == "67.3%");
    CHECK(h["previous"]["numerator"].n == 32);
    CHECK(h["previous_as_of"].s == "2023-12-31");
    CHECK(h["previous_text"].s == "2023년 4분기");
    CHECK(json_fraction_is(h["change"]["points_exact"], 100, 49));
    CHECK(h["change"]["points"].n == doctest::Approx(2.0408163265));
    CHECK(h["change"]["unit"].s == "%p");
    CHECK(h["change"]["text"].s == "+2.0%p");
    CHECK(h["text"].s == "공약이행완료율(단위사업기준) : 67.3% ※ 2023년 4분기 65.3% 대비 +2.0%p");

    const json& st = j["results"]["status_table"];
    CHECK(st["share_rule"].s == "honest");
    CHECK(contains(st["share_rule_text"].s, "반올림"));
    REQUIRE(st["columns"].items.size() == 3);
    CHECK(st["columns"][0]["count"].n == 33);
    CHECK(json_fraction_is(st["columns"][0]["share"], 33, 49));
    CHECK(st["columns"][1]["shown"].n == 30.6);
    CHECK(st["columns"][1]["shown_text"].s == "30.6");
    CHECK(st["shown_sum_text"].s == "99.9");

    const json& ch = j["changes"];
    CHECK(ch["title"].s == "직전 분기(2023년 4분기) 대비 변경사항");
    CHECK(ch["by_new_status"][0]["status"].s == "ongoing");
    CHECK(ch["by_new_status"][0]["text"].s == "이행후계속추진 사업 : 2개");
    CHECK(ch["by_new_status"][1]["projects"][0]["id"].s == "4-1-2");
    CHECK(ch["by_new_status"][1]["projects"][0]["regression"].b);
    CHECK(ch["regressions"].items.size() == 1);
    CHECK(ch["unchanged"].n == 46);

    const json& a = j["adjustment_candidates"]["projects"];
    REQUIRE(a.items.size() == 2);
    CHECK(a[0]["id"].s == "4-1-2");
    CHECK(a[1]["reason"].s == demo().adjustment_candidates[1].reason);
    CHECK(j["detail"]["fields"].items.size() == 5);
    CHECK(j["detail"]["fields"][3]["counts"]["lagging"].n == 1);
    // Text ends with exactly one newline.
    CHECK(text.back() == '\n');
    CHECK(text[text.size() - 2] != '\n');
  }

  TEST_CASE("text from data is escaped: Markdown shows <script> as text, JSON stays valid") {
    const snapshot s = make(date(2024, 3, 31),
                            {{"1-1", status::lagging, "<script>alert(1)</script> | x", "가과", "가국",
                              "사유 \"인용\" \\ 백슬래시\t탭\x01제어\n둘째 줄 *강조* [링크](http://x) & 끝"},
                             {"1-2", status::on_track, "# 제목이 아닌 제목"},
                             {"1-3", status::on_track, "2024. 3분기 시작"}});
    const auto r = make_quarterly_report(s, nullptr, nullptr, {});

    const std::string md = render_markdown(r, language::ko);
    CHECK_FALSE(contains(md, "<script>"));
    CHECK(contains(md, "&lt;script&gt;alert(1)&lt;/script&gt; \\| x"));
    CHECK(contains(md, "| 1-1 |  | &lt;script&gt;alert(1)&lt;/script&gt; \\| x | 가과 | 일부추진 |"));
    // The reason's two lines become two items; emphasis, links and & are inert.
    CHECK(contains(md, "- 사유 \"인용\" \\\\ 백슬래시 탭\xEF\xBF\xBD제어\n- 둘째 줄 \\*강조\\* \\[링크\\](http://x) &amp; 끝\n"));
    // A leading # or "2024." would start a heading or a list.
    CHECK(contains(md, "| \\# 제목이 아닌 제목 |"));
    CHECK(contains(md, "| 2024\\. 3분기 시작 |"));

    const std::string js = render_json(r, language::ko);
    const json j = parse_json(js);
    CHECK(j["adjustment_candidates"]["projects"][0]["title"].s == "<script>alert(1)</script> | x");
    CHECK(j["adjustment_candidates"]["projects"][0]["reason"].s ==
          "사유 \"인용\" \\ 백슬래시\t탭\x01제어\n둘째 줄 *강조* [링크](http://x) & 끝");
    CHECK(contains(js, "\"사유 \\\"인용\\\" \\\\ 백슬래시\\t탭\\u0001제어\\n둘째 줄"));

    // The terminal gets no control character from data.
    const std::string text = render_text(r, language::ko);
    CHECK_FALSE(contains(text, "\x01"));
    CHECK(contains(text, "<script>alert(1)</script> | x"));
  }

  TEST_CASE("escapers by hand") {
    CHECK(escape_markdown("a|b") == "a\\|b");
    CHECK(escape_markdown("- 항목") == "\\- 항목");
    CHECK(escape_markdown("1) 항목") == "1\\) 항목");
    CHECK(escape_markdown("2045 탄소중립") == "2045 탄소중립");
    CHECK(escape_markdown("A&B <b>") == "A&amp;B &lt;b&gt;");
    CHECK(escape_markdown("x\x1b[31my") == "x\xEF\xBF\xBD\\[31my");
    CHECK(escape_json("\"\\/\b\f\n\r\t\x1f") == "\\\"\\\\/\\b\\f\\n\\r\\t\\u001f");
    CHECK(escape_json("\xE2\x80\xA8") == "\\u2028");
    CHECK(escape_json("\xFF가") == "\xEF\xBF\xBD가");
    CHECK(sanitize_terminal("a\x1b[2Jb\r\nc") == "a\xEF\xBF\xBD[2Jb  c");
    CHECK(sanitize_terminal("\xE2\x80\xAE" "abc") == "\xEF\xBF\xBD" "abc");  // right-to-left override
  }

  TEST_CASE("HTML escaping by hand: as Python's html.escape, and controls replaced") {
    CHECK(escape_html("<a href='x'>Tom & \"J\"</a>") == "&lt;a href=&#x27;x&#x27;&gt;Tom &amp; &quot;J&quot;&lt;/a&gt;");
    CHECK(escape_html("a\x1b\tb\nc") == "a\xEF\xBF\xBD\tb\nc");  // tab and line breaks are kept
    CHECK(escape_html("\xE2\x80\xAE" "abc") == "\xEF\xBF\xBD" "abc");
    CHECK(escape_html("\xFF가") == "\xEF\xBF\xBD가");
  }

  TEST_CASE("the formula guard: one apostrophe before a formula start, also after apostrophes") {
    CHECK(io::guard_formula("=1+1") == "'=1+1");
    CHECK(io::guard_formula("@SUM(A1)") == "'@SUM(A1)");
    CHECK(io::guard_formula("'=x") == "''=x");
    CHECK(io::guard_formula("'") == "'");
    CHECK(io::guard_formula("공약 -1") == "공약 -1");
    CHECK(io::guard_formula("") == "");
  }

  TEST_CASE("display width: Hangul and fullwidth take two columns") {
    CHECK(display_width("abc") == 3);
    CHECK(display_width("가나") == 4);
    CHECK(display_width("마을·자치") == 9);  // the middle dot is one column
    CHECK(display_width("\xE1\x84\x80\xE1\x85\xA1") == 2);  // 가 decomposed (NFD): ᄀ + ᅡ
    CHECK(display_width("ＡＢ") == 4);
    CHECK(display_width("①") == 1);
    CHECK(display_width("減") == 2);
    CHECK(display_width("") == 0);
  }

  TEST_CASE("the terminal tables line up by display width") {
    const std::string text = render_text(demo(), language::ko);
    const auto lines = lines_of(text);
    // The field × bureau table: the header, the rule, 계 and five fields,
    // every line as wide as the others (the last column is right-aligned).
    std::size_t header = 0;
    while (header < lines.size() && lines[header].rfind("  구분", 0) != 0) ++header;
    REQUIRE(header + 7 < lines.size());
    CHECK(contains(lines[header + 2], "계"));
    CHECK(contains(lines[header + 3], "마을·자치"));
    const std::size_t width = display_width(lines[header]);
    for (std::size_t i = header; i < header + 8; ++i) CHECK(display_width(lines[i]) == width);
    // Columns end at the same place: "보건소" over the counts.
    CHECK(lines[header].substr(lines[header].size() - std::string("보건소").size()) == "보건소");
    CHECK(lines[header + 2].back() == '5');
    CHECK(contains(text, "공약이행완료율(단위사업기준) : 67.3% ※ 2023년 4분기 65.3% 대비 +2.0%p"));
    CHECK(contains(text, "① (4-1-2) 2045 탄소중립 가속화를 위한 무공해차 인프라 구축"));
    for (const std::string& line : lines) CHECK((line.empty() || line.back() != ' '));
  }

  TEST_CASE("added, removed and regressed projects are listed and marked") {
    const snapshot before = make(date(2024, 3, 31), {{"1-1", status::completed},
                                                     {"1-2", status::on_track},
                                                     {"1-3", status::on_track},
                                                     {"1-4", status::ongoing},
                                                     {"1-5", status::on_track, "", "가과", "가국", "", scope::in}});
    const snapshot after = make(date(2024, 6, 30), {{"1-1", status::completed},
                                                    {"1-2", status::on_hold},
                                                    {"1-4", status::dropped},
                                                    {"1-5", status::on_track, "", "가과", "가국", "", scope::removed},
                                                    {"1-6", status::on_track, "새 사업"}});
    const auto r = make_quarterly_report(after, &before, nullptr, {});
    REQUIRE(r.changes);
    const report_changes& c = *r.changes;
    REQUIRE(c.by_new_status.size() == 2);
    CHECK(c.by_new_status[0].status == status::on_hold);
    CHECK(c.by_new_status[1].status == status::dropped);
    CHECK(c.regressions().size() == 2);
    REQUIRE(c.added.size() == 1);
    CHECK(c.added[0].title == "새 사업");
    // 1-3 left the list; 1-5 was removed through 공약조정: both leave the
    // denominator, and are listed in the previous snapshot's order.
    REQUIRE(c.removed.size() == 2);
    CHECK(c.removed[0].id == project_id::parse("1-3"));
    CHECK(c.removed[1].id == project_id::parse("1-5"));
    CHECK(c.unchanged == 1);
    CHECK(r.overview.projects == 4);
    CHECK(r.overview.out_of_scope == 1);
    // On hold and dropped are adjustment candidates even without a reason.
    REQUIRE(r.adjustment_candidates.size() == 2);
    CHECK(r.adjustment_candidates[0].status == status::on_hold);
    // 보류 and 폐기 get columns of their own, since they are not zero.
    const status_table& t = r.results.by_status;
    REQUIRE(t.columns.size() == 5);
    CHECK(t.columns[3].statuses == std::vector<status>{status::on_hold});
    CHECK(t.columns[4].statuses == std::vector<status>{status::dropped});

    const std::string md = render_markdown(r, language::ko);
    CHECK(contains(md, "- 보류 사업 : 1개\n  - ☞ (1-2) 사업 1-2 (정상추진 → 보류, 후퇴)\n"));
    CHECK(contains(md, "- 폐기 사업 : 1개\n  - ☞ (1-4) 사업 1-4 (이행후계속추진 → 폐기, 후퇴)\n"));
    CHECK(contains(md, "- 신규 추가 사업 : 1개\n  - ☞ (1-6) 새 사업 (신규: 정상추진)\n"));
    CHECK(contains(md, "- 제외된 사업 : 2개\n  - ☞ (1-3) 사업 1-3 (제외, 직전 정상추진)\n"));
    CHECK(contains(md, "- 그 밖의 1개 사업은 변동 없음"));
    CHECK(contains(md, "- 공약조정으로 제외된 사업 : 1개(집계에서 제외)"));
    CHECK(contains(md, "- 사유 미기재(추진상황: 보류)"));
    CHECK(contains(md, "| 구분 | 계 | 완료 / 이행후계속추진 | 정상추진 | 일부추진 | 보류 | 폐기 |"));
    CHECK(contains(md, "### 직전 분기(2024년 1분기) 대비 변경사항"));
    (void)parse_json(render_json(r, language::en));

    // Every format groups the moves the same way: by new status, then added, then removed.
    const auto groups = change_groups(c, language::ko);
    REQUIRE(groups.size() == 4);
    CHECK(groups[0].text == "보류 사업 : 1개");
    CHECK(groups[2].text == "신규 추가 사업 : 1개");
    CHECK(groups[3].text == "제외된 사업 : 2개");
    CHECK(groups[3].projects == &c.removed);

    // What `pledgetrack compare` prints, in the same words. The underline is as wide as
    // the title: 13 Hangul syllables (26 columns) and 11 narrow characters.
    const std::string text = render_comparison_text(r, language::ko);
    CHECK(contains(text, "직전 분기(2024년 1분기) 대비 변경사항\n" + std::string(37, '-') + "\n\n- 보류 사업 : 1개\n"));
    CHECK(contains(text, "- 제외된 사업 : 2개\n  - ☞ (1-3) 사업 1-3 (제외, 직전 정상추진)\n"));
    CHECK(text.ends_with("- 그 밖의 1개 사업은 변동 없음\n"));
    const std::string cmp_md = render_comparison_markdown(r, language::en);
    CHECK(contains(cmp_md, "## Changes since the previous quarter (2024 Q1)\n\n- Now On hold: 1 project\n"));
    const std::string cmp_json = render_comparison_json(r, language::ko);
    (void)parse_json(cmp_json);
    CHECK(contains(cmp_json, "\"format\": \"pledgetrack.comparison\""));
    // Arrays of scalars one element a line, as the command wrote them with Python's json.dumps.
    CHECK(contains(cmp_json, "\"complete\": [\n      \"completed\",\n      \"ongoing\"\n    ]"));
    // The layout JSON carries the groups and the composed lines for HTML and XLSX.
    const std::string layout = render_layout_json(r, language::ko);
    (void)parse_json(layout);
    CHECK(contains(layout, "\"out_of_scope_text\": \"공약조정으로 제외된 사업 : 1개(집계에서 제외)\""));
    CHECK(contains(layout, "\"unchanged_text\": \"그 밖의 1개 사업은 변동 없음\""));
    CHECK(layout.substr(0, layout.find("\"layout\"")) ==
          render_json(r, language::ko).substr(0, layout.find("\"layout\"") - 4) + ",\n  ");
  }

  TEST_CASE("a comparison needs a previous snapshot") {
    const auto r = make_quarterly_report(q1_2024(), nullptr, nullptr, {});
    CHECK_THROWS_AS((void)render_comparison_text(r, language::ko), error);
  }

  TEST_CASE("periods: half-years, and a previous snapshot that is not the period just before") {
    const snapshot a = make(date(2023, 6, 30), {{"1-1", status::on_track}});
    const snapshot b = make(date(2024, 6, 30), {{"1-1", status::completed}});
    const auto quarters = make_quarterly_report(b, &a, nullptr, {});
    CHECK(changes_title(quarters, language::ko) == "2023년 2분기 대비 변경사항");
    CHECK(changes_title(quarters, language::en) == "Changes since 2023 Q2");
    report_options halves;
    halves.periods = period_kind::half;
    const snapshot c = make(date(2023, 12, 31), {{"1-1", status::on_track}});
    const auto r = make_quarterly_report(b, &c, nullptr, halves);
    CHECK(report_title(r, language::ko) == "민선8기 구청장 공약사항 2024년 상반기 추진실적 점검 결과");
    CHECK(changes_title(r, language::ko) == "직전 반기(2023년 하반기) 대비 변경사항");
    CHECK(headline_text(r, language::en) == "KMC completion rate (per unit project): 100.0% (2023 H2: 0.0%, +100.0%p)");
    // A corrected report of the same quarter is named by its date.
    const snapshot same = make(date(2024, 6, 1), {{"1-1", status::on_track}});
    const auto corrected = make_quarterly_report(b, &same, nullptr, {});
    CHECK(previous_text(corrected, language::ko) == "2024. 6. 1.");
  }

  TEST_CASE("the org fills empty bureaus and orders the columns, and without it, the data's order") {
    snapshot s("광주광역시 서구", 8, date(2024, 3, 31));
    project p;
    p.id = project_id::parse("1-1");
    p.field = "마을·자치";
    p.title = "사업";
    p.department = "건강증진과";  // 보건소, by the org; the bureau column is empty
    s.add(p);
    const auto with_org = make_quarterly_report(s, nullptr, &seogu_org(), {});
    const crosstab& t = with_org.overview.field_by_bureau;
    REQUIRE(t.column_labels().size() == 7);  // every bureau of the org, in its order
    CHECK(t.column_labels()[6] == "보건소");
    CHECK(t.at(0, 6) == 1);
    CHECK(with_org.detail[0].rows[0].bureau == "보건소");
    const auto without = make_quarterly_report(s, nullptr, nullptr, {});
    CHECK(without.overview.field_by_bureau.column_labels() == std::vector<std::string>{""});
    CHECK(contains(render_markdown(without, language::ko), "| 구분 | 총계 | (미지정) |"));
  }

  TEST_CASE("without an org, the snapshot's bureau order orders the columns: bureaus without projects left out, others after") {
    // 보건소 and 자치행정국 first (보건소 once); 없는국 has no project; the five
    // others follow as they would without any order.
    snapshot ordered = q1_2024();
    ordered.set_bureau_order({"보건소", "없는국", "자치행정국", "보건소"});
    const auto r = make_quarterly_report(ordered, nullptr, nullptr, {});
    const std::vector<std::string>& labels = r.overview.field_by_bureau.column_labels();
    REQUIRE(labels.size() == 7);
    CHECK(labels[0] == "보건소");
    CHECK(labels[1] == "자치행정국");
    CHECK(std::find(labels.begin(), labels.end(), "없는국") == labels.end());
    const auto plain = make_quarterly_report(q1_2024(), nullptr, nullptr, {});
    std::vector<std::string> rest = plain.overview.field_by_bureau.column_labels();
    std::erase(rest, "보건소");
    std::erase(rest, "자치행정국");
    CHECK(std::vector<std::string>(labels.begin() + 2, labels.end()) == rest);
    // The cells move with their columns: the seed's table gives 보건소 5 projects, 자치행정국 5.
    CHECK(r.overview.field_by_bureau.column_total(0) == 5);
    CHECK(r.overview.field_by_bureau.column_total(1) == 5);
    // An org's own order wins.
    const auto with_org = make_quarterly_report(ordered, nullptr, &seogu_org(), {});
    CHECK(with_org.overview.field_by_bureau.column_labels() == seogu_org().bureaus());
  }

  TEST_CASE("other criteria name themselves, and compare's checks apply") {
    report_options options;
    options.criteria = criteria::implementation();
    const auto r = make_quarterly_report(q1_2024(), &q4_2023(), &seogu_org(), options);
    // (1 + 32 + 15) / 49 = 97.96 -> 98.0%; before (1 + 31 + 17) / 49 = 100%.
    CHECK(r.results.headline.current == rate(fraction(48), 49));
    CHECK(headline_text(r, language::ko) == "이행률(단위사업기준) : 98.0% ※ 2023년 4분기 100.0% 대비 -2.0%p");
    CHECK(criteria_text(r.criteria, language::ko) ==
          "이행률 = (완료 + 이행후계속추진 + 정상추진) ÷ 전체 단위사업 × 100, 소수점 이하 1자리까지 반올림");

    const snapshot elsewhere = make(date(2023, 12, 31), {{"1-1", status::on_track}}, "광주광역시 남구");
    CHECK_THROWS_AS((void)make_quarterly_report(q1_2024(), &elsewhere, nullptr, {}), data_error);
    CHECK_THROWS_AS((void)make_quarterly_report(q4_2023(), &q1_2024(), nullptr, {}), data_error);
  }

  TEST_CASE("one table of fixed words: each phrase named once, worded in both languages") {
    std::vector<std::string_view> names;
    for (const phrase p : all_phrases()) {
      CHECK(std::find(names.begin(), names.end(), to_string(p)) == names.end());
      names.push_back(to_string(p));
      CHECK_FALSE(phrase_text(p, language::ko).empty());
      if (p != phrase::status_heading) CHECK_FALSE(phrase_text(p, language::en).empty());
    }
    // 12 of the overview, 11 of the results, 7 of the changes, 5 of the adjustments,
    // 7 of the detail, 2 of the chart, 5 sheet names, 4 of the notebook tables.
    CHECK(names.size() == 53);
    CHECK(phrase_text(phrase::as_of, language::ko) == "기준일자");
    CHECK(phrase_text(phrase::status_heading, language::en).empty());  // the seed's 구분 has no English heading
    CHECK(phrase_text(phrase::sheet_adjustment_candidates, language::en) == "Adjustments");
    CHECK(label_separator(language::ko) == " : ");
    CHECK(count_text(49, language::ko) == "49건");
    CHECK(count_text(49, language::en) == "49");
    CHECK(projects_text(1, language::en) == "1 unit project");
    CHECK(projects_text(5, language::ko) == "5개 사업");
    CHECK(out_of_scope_text(2, language::en) == "Removed through adjustment (공약조정): 2 (not counted)");
    CHECK(added_text(2, language::en) == "Added: 2");
    CHECK(removed_text(1, language::ko) == "제외된 사업 : 1개");
    CHECK(unchanged_text(46, language::ko) == "그 밖의 46개 사업은 변동 없음");
    CHECK(generated_by_text(language::ko) == "pledgetrack " + std::string(version) + "(으)로 생성");
  }

  TEST_CASE("wording helpers") {
    CHECK(date_text(date(2024, 3, 31), language::ko) == "2024. 3. 31.");
    CHECK(date_text(date(2024, 3, 31), language::en) == "2024-03-31");
    CHECK(term_text(8, language::en) == "8th term");
    CHECK(term_text(0, language::ko).empty());
    CHECK(circled_number(1) == "①");
    CHECK(circled_number(20) == "⑳");
    CHECK(circled_number(21) == "(21)");
    CHECK(section_title(section::detail, language::ko) == "공약사업별 추진현황");
    CHECK(section_title(section::changes, language::ko) == "직전 분기 대비 변경사항");
    CHECK(rounding_text(rounding::truncate, 1, language::ko) == "소수점 이하 1자리까지 버림");
    CHECK(rounding_text(rounding::half_up, 1, language::en) == "rounded half up to 1 decimal");
    CHECK(parse_language("EN") == language::en);
    CHECK_THROWS_AS((void)parse_language("fr"), parse_error);
  }
}
