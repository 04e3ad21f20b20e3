// Reading a published report's text: the seed report (tests/data/published/
// seogu-2024q1.txt, the text recovered from 광주광역시 서구's PDF) must give the
// bundled example's snapshot, which was transcribed by hand (its SOURCE.md
// lists every correction made), and the figures of the stated file written
// by hand for the audit (tests/data/audit/seed.csv).
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "example_data.hpp"
#include "pledgetrack/audit/audit.hpp"
#include "pledgetrack/io/encoding.hpp"
#include "pledgetrack/published/audit_published.hpp"
#include "pledgetrack/published/department_match.hpp"
#include "pledgetrack/published/published_report.hpp"
#include "pledgetrack/published/report_text.hpp"

using namespace pledgetrack;
using namespace pledgetrack::published;

namespace {

const std::string seed_path = std::string(PLEDGETRACK_SOURCE_DIR) + "/tests/data/published/seogu-2024q1.txt";

std::string seed_text() { return io::read_text(io::read_file_bytes(seed_path), std::nullopt, seed_path); }

read_options with_org() {
  read_options o;
  o.org = example::org();
  return o;
}

const published_report& seed() {
  static const published_report r = read_published(seed_text(), "seogu.txt", with_org());
  return r;
}

const correction* find_correction(const published_report& r, correction_kind kind, const std::string& printed) {
  for (const correction& c : r.corrections)
    if (c.kind == kind && c.printed == printed) return &c;
  return nullptr;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

/// A stated figure as a comparable key: kind, value as printed, statuses,
/// groups, period.
using figure_key = std::tuple<std::string, std::string, std::string, std::string, bool>;
figure_key key_of(const audit::stated_figure& f) {
  std::string statuses, groups;
  for (const status s : f.statuses) statuses += std::string(to_string(s)) + "+";
  for (std::size_t i = 0; i < f.groups.size(); ++i)
    groups += std::string(to_string(f.dimensions[i])) + "=" + f.groups[i] + ";";
  return {std::string(to_string(f.figure)), f.value.text, statuses, groups, f.of_previous};
}

}  // namespace

TEST_SUITE("published") {
  TEST_CASE("the text form: lines with their page, cells split at tabs, trailing empty cells left out") {
    const auto lines = split_report_text("제목\n구분\t계\t\n\f계\t49건\r\n");
    REQUIRE(lines.size() == 4);
    CHECK(lines[0].page == 1);
    CHECK(lines[1].cells == std::vector<std::string>{"구분", "계"});
    CHECK(lines[2].page == 2);  // the form feed starts page 2
    CHECK(lines[2].line == 3);
    CHECK(lines[2].cells == std::vector<std::string>{"계", "49건"});
    CHECK(lines[2].where() == "page 2, line 3");
    // Without form feeds the page is not known.
    CHECK(split_report_text("a\nb")[1].page == 0);
  }

  TEST_CASE("the seed's text reads to the bundled example's snapshot") {
    const published_report& r = seed();
    const snapshot& expected = example::q1_2024();
    const snapshot& got = r.snapshot;
    CHECK(got.district() == "광주광역시 서구");  // from the 근거 line
    CHECK(got.term() == 8);                     // from the title, 민선8기
    CHECK(got.as_of() == date(2024, 3, 31));    // from 기준일자
    REQUIRE(got.size() == expected.size());
    // Titles the example corrected by hand (SOURCE.md) are kept as printed here.
    const std::set<std::string> retitled = {"2-4-2", "3-1", "3-3-2", "3-5-1", "4-1-5", "4-4-2", "4-5-3"};
    for (std::size_t i = 0; i < got.size(); ++i) {
      const project& a = got.projects()[i];
      const project& b = expected.projects()[i];
      CAPTURE(b.id.to_string());
      CHECK(a.id == b.id);
      CHECK(a.status == b.status);
      CHECK(a.raw_status == b.raw_status);
      CHECK(a.department == b.department);
      CHECK(a.bureau == b.bureau);
      CHECK(a.field == b.field);
      if (!retitled.count(b.id.to_string())) {
        CHECK(a.title == b.title);
        CHECK(a.pledge == b.pledge);
      }
    }
    CHECK(got.at("3-3-2").title == "차매김별감비 지원을 통한 차매김 발견 및 관리 강화");  // as printed
    CHECK(got.at("4-4-3").pledge == "선제적인 스마트 안전관리체계 구축");             // joined across the page break
    CHECK(got.at("1-1-1").pledge.empty());                                              // 1-1 prints no pledge name
    // The adjustment candidates carry every reason bullet printed, joined.
    CHECK(contains(got.at("4-1-2").adjustment, "도모하였으나, 짧은 주행거리"));
    CHECK(got.at("4-1-4").adjustment == expected.at("4-1-4").adjustment);
    CHECK(got.at("4-1-1").adjustment.empty());
  }

  TEST_CASE("every department correction of SOURCE.md is found, with its evidence") {
    const published_report& r = seed();
    const correction* job = find_correction(r, correction_kind::department, "알바리창자원과");
    REQUIRE(job != nullptr);
    CHECK(job->read == "일자리창업지원과");
    CHECK(job->ids == std::vector<std::string>{"2-2-2", "2-3-3", "2-4-1", "2-4-2", "3-4-1"});
    // jamo distance 6 (worked out by hand: 알/일, 바/자, 업 inserted (3), 자/지); the table's
    // 골목·경제 × 문화경제국 is 10 and 문화경제국 13 in all.
    CHECK(contains(job->evidence, "jamo distance (6"));
    CHECK(contains(job->evidence, "골목·경제 × 문화경제국 = 10"));
    CHECK(contains(job->evidence, "문화경제국 13 in all"));

    const correction* dropped = find_correction(r, correction_kind::department, "알리창업지원과");
    REQUIRE(dropped != nullptr);
    CHECK(dropped->read == "일자리창업지원과");
    CHECK(dropped->ids == std::vector<std::string>{"5-3-2"});

    const correction* care = find_correction(r, correction_kind::department, "스마트통합돌봄");
    REQUIRE(care != nullptr);
    CHECK(care->read == "스마트통합돌봄단");
    CHECK(care->ids == std::vector<std::string>{"3-3-1", "3-3-4"});

    // 사노습지원과 is 6 from 사고수습지원단 and 7 from 행정지원과: similarity alone cannot
    // tell; the first table can (생태·안전 × 자치행정국 is -, × 실·단 is 1).
    const correction* rescue = find_correction(r, correction_kind::department, "사노습지원과");
    REQUIRE(rescue != nullptr);
    CHECK(rescue->read == "사고수습지원단");
    CHECK(contains(rescue->evidence, "행정지원과 (7) is excluded"));
    CHECK(contains(rescue->evidence, "생태·안전 × 실·단 = 1"));

    for (const auto& [printed, read] : std::vector<std::pair<std::string, std::string>>{
             {"경 제 과", "경제과"}, {"건 설 과", "건설과"}, {"기 획 실", "기획실"}}) {
      const correction* c = find_correction(r, correction_kind::spacing, printed);
      REQUIRE(c != nullptr);
      CHECK(c->read == read);
    }
    CHECK(find_correction(r, correction_kind::spacing, "경 제 과")->ids ==
          std::vector<std::string>{"2-1", "2-2-1", "2-3-2", "2-3-4", "2-3-5", "2-3-6"});
    CHECK(r.problems.empty());
  }

  TEST_CASE("the other interpretations: fields, ids, the split pledge cell, broken rows, the bureau column") {
    const published_report& r = seed();
    const correction* field = find_correction(r, correction_kind::field, "공공영 경제도시");
    REQUIRE(field != nullptr);
    CHECK(field->read == "골목·경제");
    CHECK(contains(field->evidence, "total of 11"));
    CHECK(find_correction(r, correction_kind::field, "행복중심 안전도시")->read == "행복·문화");
    CHECK(find_correction(r, correction_kind::id, "4-5.")->read == "4-5");
    CHECK(find_correction(r, correction_kind::bureau, "실(2)단(3)")->read == "실·단");
    const correction* joined = find_correction(r, correction_kind::joined, "선제적인 … 스마트 안전관리체계 구축");
    REQUIRE(joined != nullptr);
    CHECK(contains(joined->evidence, "line 109"));  // the repeated header
    // The rows that start without their leading cells (SOURCE.md's list).
    std::vector<std::string> attached;
    for (const correction& c : r.corrections)
      if (c.kind == correction_kind::attached) attached.insert(attached.end(), c.ids.begin(), c.ids.end());
    CHECK(attached == std::vector<std::string>{"2-4-2", "3-5-2", "3-5-3", "4-5-3", "4-5-4", "5-3-2"});
  }

  TEST_CASE("the stated figures are those of the hand-written stated file, and the 총평's counts") {
    const published_report& r = seed();
    const auto by_hand = audit::read_stated_csv(std::string(PLEDGETRACK_SOURCE_DIR) + "/tests/data/audit/seed.csv");
    std::multiset<figure_key> mine, theirs;
    for (const auto& f : r.stated) mine.insert(key_of(f));
    for (const auto& f : by_hand) theirs.insert(key_of(f));
    std::multiset<figure_key> extra;
    std::set_difference(mine.begin(), mine.end(), theirs.begin(), theirs.end(), std::inserter(extra, extra.end()));
    std::multiset<figure_key> missing;
    std::set_difference(theirs.begin(), theirs.end(), mine.begin(), mine.end(), std::inserter(missing, missing.end()));
    CHECK(missing.empty());
    // The hand-written file leaves out the first table's 계 × 총계 cell and the 총평's counts.
    const std::multiset<figure_key> expected_extra = {
        {"total", "49건", "", "", false},
        {"count", "33건", "completed+ongoing+", "", false},
        {"count", "15건", "on_track+", "", false},
        {"count", "1건", "lagging+", "", false},
    };
    CHECK(extra == expected_extra);
    REQUIRE(r.changes.size() == 3);
    CHECK(r.changes[0].id == "2-4-1");
    CHECK(r.changes[2].status == status::lagging);
    REQUIRE(r.adjustments.size() == 2);
    CHECK(r.adjustments[1].id == "4-1-4");
    CHECK(r.first_table.cells[2][6] == 4);  // 사람·복지 × 보건소
  }

  TEST_CASE("the audit from the report alone: 30.7% forced to 100, 2.0% in percentage points, 65.3% not checked") {
    const published_audit a = audit_published(seed());
    CHECK(a.result.unexplained() == 0);
    REQUIRE(a.unchecked.size() == 2);
    CHECK(a.unchecked[0].value.text == "65.3%");
    REQUIRE(a.implied_previous.has_value());
    CHECK(a.implied_previous->total(criteria::kmc().complete) == 32);  // 65.3% of 49: 32/49 = 65.31
    bool forced = false, points = false;
    for (const audit::finding& f : a.result.findings) {
      if (f.stated.value.text == "30.7%")
        forced = f.rules == std::vector<audit::rule>{audit::rule::forced_to_100};
      if (f.stated.figure == audit::figure_kind::change)
        points = f.rules == std::vector<audit::rule>{audit::rule::percent_for_points};
    }
    CHECK(forced);
    CHECK(points);
    CHECK(contains(render_audit_notes(a, report::language::en), "Figures not checked (2)"));
    // With the previous period's data, every figure is checked.
    const audit::audit_data before = audit::audit_data::of(example::q4_2023());
    const published_audit full = audit_published(seed(), &before);
    CHECK(full.unchecked.empty());
    CHECK(full.result.unexplained() == 0);
  }

  TEST_CASE("without the first table, a department only similarity cannot tell is a problem, not a guess") {
    // The first table (7 lines) taken out: line 114 of the seed is line 108.
    std::string text = seed_text();
    const std::size_t from = text.find("구분\t총계");
    const std::size_t to = text.find("\n\n", from);
    text.erase(from, to - from);
    const published_report r = read_published(text, "no-table.txt", with_org());
    CHECK(find_correction(r, correction_kind::department, "사노습지원과") == nullptr);
    CHECK(r.snapshot.at("4-5-3").department == "사노습지원과");
    CHECK(r.snapshot.at("4-5-3").bureau.empty());
    bool flagged = false;
    for (const problem& p : r.problems)
      flagged = flagged || (p.text == "사노습지원과" && contains(p.message, "no-table.txt:108:") &&
                            contains(p.message, "사고수습지원단 (6), 행정지원과 (7)"));
    CHECK(flagged);
    // Similarity alone still reads the clear ones.
    CHECK(r.snapshot.at("2-2-2").department == "일자리창업지원과");
  }

  TEST_CASE("department candidates are nearest first, within half the printed name's jamo") {
    const auto c = department_candidates("사노습지원과", example::org());
    REQUIRE(c.size() >= 2);
    CHECK(c[0] == department_candidate{"사고수습지원단", 6});
    CHECK(c[1] == department_candidate{"행정지원과", 7});
    CHECK_FALSE(clearly_nearest(c));
    CHECK(clearly_nearest(department_candidates("알바리창자원과", example::org())));
  }

  TEST_CASE("a text that is no report: a clear error naming the file and what is missing") {
    CHECK_THROWS_WITH_AS(read_published("분야\t번호\n1\t2\n", "notes.txt"),
                         doctest::Contains("notes.txt: not a published report: no project table"), parse_error);
    CHECK_THROWS_AS(read_published("", "empty.txt"), parse_error);
  }

  TEST_CASE("with form feeds between pages, corrections and problems carry their page") {
    // The seed's text as a PDF's would come: a form feed where the table's header repeats.
    std::string text = seed_text();
    const std::string header = "분야\t관리번호\t공약명";
    for (std::size_t at = text.find(header); at != std::string::npos; at = text.find(header, at + 2)) {
      text.insert(at, "\f");
    }
    const published_report r = read_published(text, "paged.txt", with_org());
    CHECK(r.snapshot.size() == 49);
    const correction* joined = find_correction(r, correction_kind::joined, "선제적인 … 스마트 안전관리체계 구축");
    REQUIRE(joined != nullptr);
    CHECK(joined->page == 3);  // after the second form feed
    CHECK(joined->lines == std::vector<std::size_t>{110});
    CHECK(find_correction(r, correction_kind::spacing, "경 제 과")->page == 2);
  }

  TEST_CASE("a damaged report never crashes the reader: each line left out, each row's first cell left out, cut anywhere") {
    const std::string text = seed_text();
    std::vector<std::string> lines;
    for (std::size_t start = 0; start <= text.size();) {
      const std::size_t end = std::min(text.find('\n', start), text.size());
      lines.push_back(text.substr(start, end - start));
      start = end + 1;
    }
    auto join = [&](std::size_t skip, bool first_cell_only) {
      std::string out;
      for (std::size_t i = 0; i < lines.size(); ++i) {
        if (i == skip && !first_cell_only) continue;
        std::string l = lines[i];
        if (i == skip) l = l.substr(std::min(l.find('\t'), l.size()));
        out += l + "\n";
      }
      return out;
    };
    std::size_t read = 0, refused = 0;
    auto attempt = [&](const std::string& damaged) {
      try {
        (void)read_published(damaged, "damaged.txt", with_org());
        ++read;
      } catch (const pledgetrack::error&) {
        ++refused;  // a clear error is fine; anything else fails the test
      }
    };
    for (std::size_t i = 0; i < lines.size(); ++i) {
      attempt(join(i, false));
      attempt(join(i, true));
    }
    for (std::size_t cut = 0; cut < text.size(); cut += 97) attempt(text.substr(0, cut));
    CHECK(read + refused == 2 * lines.size() + (text.size() + 96) / 97);
    CHECK(read > 0);
    CHECK(refused > 0);  // the cuts before the project table's header
  }

  TEST_CASE("without an org, departments are closed up and bureaus left empty, and it says so") {
    const published_report r = read_published(seed_text(), "seogu.txt");
    CHECK(r.snapshot.at("2-1").department == "경제과");
    CHECK(r.snapshot.at("2-1").bureau.empty());
    REQUIRE_FALSE(r.problems.empty());
    CHECK(contains(r.problems[0].message, "no org file given"));
  }
}
