// The audit of published figures: printed values read exactly, stated files
// read with located errors, and each rule pinned on a case from real tallies.
// Expected values are worked out by hand in the comments.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "example_data.hpp"
#include "pledgetrack/audit/audit.hpp"
#include "pledgetrack/audit/wording.hpp"

using namespace pledgetrack;
using namespace pledgetrack::audit;

namespace {

const std::string data_dir = std::string(PLEDGETRACK_SOURCE_DIR) + "/tests/data/audit/";

audit_data counts_of(std::initializer_list<std::pair<status, std::int64_t>> counts) {
  status_counts c;
  for (const auto& [s, n] : counts) c.add(s, n);
  return audit_data::of(c);
}

stated_figure figure(std::string_view kind, std::string_view value, std::string_view status = "",
                     std::string_view dimension = "", std::string_view group = "", std::string_view period = "") {
  return make_stated_figure(kind, value, status, dimension, group, period, "", {});
}

finding one(const audit_data& data, const stated_figure& f, const audit_data* previous = nullptr) {
  return audit_figures(data, {f}, previous).findings.at(0);
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

/// A snapshot of `n` projects in `field`, the first `complete` of them 완료
/// and the rest 정상추진, with ids `prefix-1`, `prefix-2`, ….
void add_projects(snapshot& s, const std::string& prefix, const std::string& field, int n, int complete) {
  for (int i = 1; i <= n; ++i) {
    project p;
    p.id = project_id::parse(prefix + "-" + std::to_string(i));
    p.field = field;
    p.title = field + " " + std::to_string(i);
    p.status = i <= complete ? status::completed : status::on_track;
    s.add(p);
  }
}

}  // namespace

TEST_SUITE("audit") {
  TEST_CASE("printed figures are read exactly, with their precision, unit and sign") {
    const printed_value rate = parse_printed("67.3%");
    CHECK(rate.magnitude == fraction(673, 10));
    CHECK(rate.decimals == 1);
    CHECK(rate.unit == printed_unit::percent);
    CHECK(rate.sign == 0);
    CHECK(rate.scaled() == 673);

    const printed_value arrow = parse_printed("2.0%↑");
    CHECK(arrow.sign == 1);
    CHECK(arrow.unit == printed_unit::percent);
    CHECK(arrow.scaled() == 20);

    const printed_value points = parse_printed("△1.5%p");  // △ is minus in Korean tables
    CHECK(points.sign == -1);
    CHECK(points.unit == printed_unit::points);
    CHECK(points.scaled() == -15);

    CHECK(parse_printed("2.0% 상승").sign == 1);
    CHECK(parse_printed("0.5%p 하락").sign == -1);
    CHECK(parse_printed("28%").decimals == 0);
    CHECK(parse_printed("33건").magnitude == fraction(33));
    CHECK(parse_printed("33건").unit == printed_unit::none);
    CHECK(parse_printed("1,791").magnitude == fraction(1791));
    CHECK(parse_printed("12.56％").scaled() == 1256);
    CHECK(parse_printed("+2.0%p").sign == 1);
  }

  TEST_CASE("a printed figure that is no number is refused with its text") {
    CHECK_THROWS_WITH_AS((void)parse_printed("약 67%"),
                         "not a printed figure (expected a number such as 67.3%, 2.0%p, 33건): '약 67%'", parse_error);
    CHECK_THROWS_WITH_AS((void)parse_printed("1,79"), "misplaced thousands separator: '1,79'", parse_error);
    CHECK_THROWS_AS((void)parse_printed(""), parse_error);
    CHECK_THROWS_AS((void)parse_printed("67."), parse_error);
    CHECK_THROWS_WITH_AS((void)parse_printed("▲2.0%↓"), "a printed figure with two opposite signs: '▲2.0%↓'", parse_error);
  }

  TEST_CASE("a stated figure is checked when it is made") {
    const stated_figure f = figure("count", "33건", "완료+이행후계속추진");
    CHECK(f.statuses == std::vector<status>{status::completed, status::ongoing});
    const stated_figure cell = figure("count", "10", "", "field×bureau", "골목·경제×문화경제국");
    CHECK(cell.dimensions == std::vector<dimension>{dimension::field, dimension::bureau});
    CHECK(cell.groups == std::vector<std::string>{"골목·경제", "문화경제국"});
    CHECK(figure("rate", "65.3%", "", "", "", "previous").of_previous);

    const source_location at{"stated.csv", 4, 0, ""};
    CHECK_THROWS_WITH_AS((void)make_stated_figure("share", "30.7%", "", "", "", "", "", at),
                         "stated.csv:4 (column 'status'): a share needs the status column it is the share of: '30.7%'",
                         parse_error);
    CHECK_THROWS_WITH_AS((void)make_stated_figure("count", "33%", "", "", "", "", "", at),
                         "stated.csv:4 (column 'value'): a count is a number of projects, not a percent: '33%'",
                         parse_error);
    CHECK_THROWS_WITH_AS((void)make_stated_figure("share", "30.7%", "정상추징", "", "", "", "", at),
                         doctest::Contains("unknown status label"), parse_error);
    CHECK_THROWS_WITH_AS((void)make_stated_figure("ratio", "30.7%", "", "", "", "", "", at),
                         "stated.csv:4 (column 'figure'): unknown figure (known: rate, share, count, total, change): "
                         "'ratio'",
                         parse_error);
    CHECK_THROWS_AS((void)make_stated_figure("count", "5", "", "field", "", "", "", at), parse_error);
    CHECK_THROWS_AS((void)make_stated_figure("rate", "-5%", "", "", "", "", "", at), parse_error);
    CHECK_THROWS_WITH_AS((void)make_stated_figure("total", "49.5", "", "", "", "", "", at),
                         "stated.csv:4 (column 'value'): a count is a whole number: '49.5'", parse_error);
    CHECK_THROWS_WITH_AS((void)make_stated_figure("change", "2.0%p", "", "", "", "previous", "", at),
                         "stated.csv:4 (column 'period'): a change spans both periods; give no period: 'previous'",
                         parse_error);
  }

  TEST_CASE("the seed's published figures all agree or are explained") {
    const audit_data q1 = audit_data::of(example::q1_2024());
    const audit_data q4 = audit_data::of(example::q4_2023());
    for (const std::string file : {"seed.csv"}) {
      const auto stated = read_stated_csv(data_dir + file);
      const audit_result r = audit_figures(q1, stated, &q4);
      CHECK(r.findings.size() == stated.size());
      CHECK(r.unexplained() == 0);
      // Three discrepancies: 30.7% and the two printings of the change in %.
      CHECK(r.discrepancies() == 3);
      for (const finding& f : r.findings) {
        INFO(f);
        CHECK(f.verdict != verdict::unexplained);
      }
    }
  }

  TEST_CASE("the seed's 30.7% for 15/49 is the residual forced into 정상추진") {
    // 15/49 = 30.612…% -> 30.6 by any rounding; 100 − 67.3 − 2.0 = 30.7.
    const audit_data q1 = audit_data::of(example::q1_2024());
    const std::vector<stated_figure> table = {figure("share", "67.3%", "완료+이행후계속추진"),
                                              figure("share", "30.7%", "정상추진"), figure("share", "2.0%", "일부추진")};
    const audit_result r = audit_figures(q1, table);
    CHECK(r.findings[0].verdict == verdict::agree);
    CHECK(r.findings[2].verdict == verdict::agree);
    const finding& f = r.findings[1];
    CHECK(f.verdict == verdict::explained);
    CHECK(f.rules == std::vector<rule>{rule::forced_to_100});
    CHECK(f.computed == fraction(1500, 49));
    CHECK(f.computed_text == "30.6%");
    CHECK(f.detail_en == "15/49 = 30.61% → 30.6%; printed 30.7%: 30.7 = 100 − 67.3 − 2.0 (the residual put into On track "
                         "so that the shares sum to 100)");
    CHECK(f.detail_ko == "15/49 = 30.61% → 30.6%; 표시된 30.7%: 30.7 = 100 − 67.3 − 2.0 (비율의 합을 100으로 맞추려 "
                         "나머지를 정상추진에 넣음)");
  }

  TEST_CASE("the seed's 2.0% is a change in percentage points") {
    // 33/49 − 32/49 = 100/49 = 2.04%p -> 2.0; as a relative change 33/32 − 1 = 3.125% -> 3.1%.
    const audit_data q1 = audit_data::of(example::q1_2024());
    const audit_data q4 = audit_data::of(example::q4_2023());
    for (const std::string printed : {"2.0%", "2.0%↑", "2.0% 상승"}) {
      INFO(printed);
      const finding f = one(q1, figure("change", printed), &q4);
      CHECK(f.verdict == verdict::explained);
      CHECK(f.rules == std::vector<rule>{rule::percent_for_points});
      CHECK(f.computed_text == "+3.1%");
      CHECK(f.computed == fraction(25, 8));  // 3.125
      CHECK(contains(f.detail_en, "67.35% − 65.31% = +2.04%p → 2.0"));
    }
    const finding right = one(q1, figure("change", "+2.0%p"), &q4);
    CHECK(right.verdict == verdict::agree);
    CHECK(right.computed_text == "+2.0%p");
    // The reverse: a relative change printed in %p.
    const finding reverse = one(q1, figure("change", "3.1%p"), &q4);
    CHECK(reverse.rules == std::vector<rule>{rule::percent_for_points});
    // A fall of 2.0%p is the change of the 이행률 (완료+이행후계속추진+정상추진):
    // 48/49 − 49/49 = −2.04%p.
    const finding fall = one(q1, figure("change", "△2.0%p"), &q4);
    CHECK(fall.rules == std::vector<rule>{rule::definition});
    CHECK(contains(fall.detail_en, "48/49 = 97.96%, 49/49 = 100.00%; 97.96% − 100.00% = -2.04%p → -2.0"));
    // A fall of 5.0%p: nothing explains it.
    CHECK(one(q1, figure("change", "△5.0%p"), &q4).verdict == verdict::unexplained);
  }

  TEST_CASE("43 of 90 printed as 47.7% is truncation") {
    // 43/90 = 47.777…% -> 47.8 half up, 47.7 truncated.
    const finding f = one(counts_of({{status::completed, 43}, {status::lagging, 47}}), figure("rate", "47.7%"));
    CHECK(f.verdict == verdict::explained);
    CHECK(f.rules == std::vector<rule>{rule::truncation});
    CHECK(f.computed_text == "47.8%");
    CHECK(f.detail_en == "43/90 = 47.78% → 47.8%; printed 47.7%: 43/90 = 47.78% → 47.7 (truncated to 1 decimal)");
  }

  TEST_CASE("49 of 170 printed as 28% is truncation to a whole percent") {
    // 49/170 = 28.82…% -> 29 half up, 28 truncated.
    const finding f = one(counts_of({{status::completed, 49}, {status::on_track, 121}}), figure("rate", "28%"));
    CHECK(f.verdict == verdict::explained);
    CHECK(f.rules == std::vector<rule>{rule::truncation});
    CHECK(f.computed_text == "29%");
    CHECK(contains(f.detail_en, "(truncated to a whole number)"));
    CHECK(contains(f.detail_ko, "(정수로 버림)"));
  }

  TEST_CASE("a total printed as the sum of rounded parts") {
    // 225/1,791 = 12.5628% -> 12.56; 602/1,791 = 33.6125% -> 33.61; 12.56 + 33.61 = 46.17,
    // while 827/1,791 = 46.1753% -> 46.18.
    const audit_data data = counts_of({{status::completed, 225}, {status::ongoing, 602}, {status::on_track, 964}});
    const std::vector<stated_figure> stated = {figure("share", "12.56%", "완료"), figure("share", "33.61%", "이행후계속추진"),
                                               figure("total", "46.17%", "완료+이행후계속추진")};
    const audit_result r = audit_figures(data, stated);
    CHECK(r.findings[0].verdict == verdict::agree);
    CHECK(r.findings[1].verdict == verdict::agree);
    const finding& total = r.findings[2];
    CHECK(total.verdict == verdict::explained);
    CHECK(total.rules == std::vector<rule>{rule::sum_of_rounded_parts});
    CHECK(total.computed_text == "46.18%");
    CHECK(total.detail_en == "827/1,791 = 46.175% → 46.18%; printed 46.17%: 46.17 = 12.56 + 33.61 (the parts rounded, "
                             "then added: 225/1,791 = 12.563% → 12.56, 602/1,791 = 33.613% → 33.61)");
  }

  TEST_CASE("54 of 79 printed as 67.1% is the previous quarter's 53/79 carried over") {
    // 54/79 = 68.35% -> 68.4; 53/79 = 67.09% -> 67.1. One fewer in the numerator
    // gives 67.1 too, but carrying over comes first.
    const audit_data now = counts_of({{status::completed, 54}, {status::on_track, 20}, {status::lagging, 5}});
    const audit_data before = counts_of({{status::completed, 53}, {status::on_track, 21}, {status::lagging, 5}});
    const finding f = one(now, figure("rate", "67.1%"), &before);
    CHECK(f.verdict == verdict::explained);
    CHECK(f.rules == std::vector<rule>{rule::carried_over});
    CHECK(f.detail_en ==
          "54/79 = 68.35% → 68.4%; printed 67.1%: the previous period's figure carried over, 53/79 = 67.09% → 67.1");
    // Without the previous period the same figure is a nearby count.
    const finding nearby = one(now, figure("rate", "67.1%"));
    CHECK(nearby.rules == std::vector<rule>{rule::nearby_count});
    CHECK(contains(nearby.detail_en, "one project fewer in the numerator (53 for 54)"));
  }

  TEST_CASE("a count two more than the data's is a nearby count") {
    const audit_data q1 = audit_data::of(example::q1_2024());
    const finding f = one(q1, figure("count", "35건", "완료+이행후계속추진"));
    CHECK(f.computed_text == "33");
    CHECK(f.rules == std::vector<rule>{rule::nearby_count});
    CHECK(f.detail_en == "33 in the data; printed 35건: two projects more (35 for 33), 33 + 2 = 35");
    CHECK(f.detail_ko == "데이터의 건수 33; 표시된 35건: 건수가 2건 많음(33 대신 35), 33 + 2 = 35");
    CHECK(one(q1, figure("count", "33건", "완료+이행후계속추진")).detail_ko == "데이터의 건수 33");
  }

  TEST_CASE("80.0% for 70 projects with 36 complete and 34 on track is unexplained") {
    // KMC 36/70 = 51.4%, 이행률 70/70 = 100%: nothing near 80.0.
    const finding f = one(counts_of({{status::completed, 36}, {status::on_track, 34}}), figure("rate", "80.0%"));
    CHECK(f.verdict == verdict::unexplained);
    CHECK(f.rules.empty());
    CHECK(f.computed_text == "51.4%");
    CHECK(contains(f.detail_en, "no rule, alone or with another, explains it"));
    CHECK(contains(f.detail_en, "only counts were given"));
  }

  TEST_CASE("another definition: 이행률, mean progress, a subgroup") {
    // 이행률 (완료+이행후계속추진+정상추진) of the seed: 48/49 = 97.96% -> 98.0.
    const audit_data q1 = audit_data::of(example::q1_2024());
    const finding implementation = one(q1, figure("rate", "98.0%"));
    CHECK(implementation.rules == std::vector<rule>{rule::definition});
    CHECK(contains(implementation.detail_ko, "이행률 (완료+이행후계속추진+정상추진), 48/49 = 97.96% → 98.0"));

    // A field of 32 projects with 29 complete (90.625% -> 90.6) and one of 18 with 2
    // (31/50 = 62.0% overall).
    snapshot s("가상구", 8, date(2024, 3, 31));
    add_projects(s, "1-1", "복지", 32, 29);
    add_projects(s, "2-1", "경제", 18, 2);
    const finding sub = one(audit_data::of(s), figure("rate", "90.6%"));
    CHECK(sub.computed_text == "62.0%");
    CHECK(sub.rules == std::vector<rule>{rule::definition});
    CHECK(contains(sub.detail_en, "the rate within field 복지"));

    // Mean progress: four projects at 100, 50, 40 and 20 -> 52.5%, while 1/4 are complete.
    snapshot p("가상구", 8, date(2024, 3, 31));
    add_projects(p, "1-1", "복지", 4, 1);
    snapshot with_progress("가상구", 8, date(2024, 3, 31));
    const int progress[] = {100, 50, 40, 20};
    int i = 0;
    for (project q : p) {
      q.progress = fraction(progress[i++]);
      with_progress.add(q);
    }
    const finding mean = one(audit_data::of(with_progress), figure("rate", "52.5%"));
    CHECK(mean.computed_text == "25.0%");
    CHECK(mean.rules == std::vector<rule>{rule::definition});
    CHECK(contains(mean.detail_en, "mean progress, mean of 4 projects' progress = 52.50%"));
  }

  TEST_CASE("two rules together: another definition, truncated") {
    // 이행률 43/47 = 91.489% -> 91.5 half up, 91.4 truncated; the KMC rate is 10/47 = 21.3%.
    const audit_data data = counts_of({{status::completed, 10}, {status::on_track, 33}, {status::lagging, 4}});
    const finding f = one(data, figure("rate", "91.4%"));
    CHECK(f.verdict == verdict::explained);
    CHECK(f.rules == std::vector<rule>{rule::truncation, rule::definition});
    CHECK(contains(f.detail_en, "43/47 = 91.49% → 91.4 (truncated to 1 decimal)"));
  }

  TEST_CASE("a figure that cannot be computed is unexplained, and says why") {
    const audit_data counts = counts_of({{status::completed, 3}, {status::on_track, 2}});
    const finding group = one(counts, figure("count", "5", "", "field", "복지"));
    CHECK(group.verdict == verdict::unexplained);
    CHECK_FALSE(group.computed.has_value());
    CHECK(contains(group.detail_en, "only counts were given"));
    const finding change = one(counts, figure("change", "2.0%p"));
    CHECK(change.detail_en == "cannot be computed from the data: no previous period was given");
    const finding empty = one(counts_of({{status::completed, 0}}), figure("rate", "0.0%"));
    CHECK(empty.detail_en == "cannot be computed from the data: an empty denominator (nothing counted)");
    const finding missing = one(audit_data::of(example::q1_2024()), figure("count", "5", "", "field", "마을자치"));
    CHECK(missing.detail_ko == "데이터로 산출할 수 없음: '마을자치'에 해당하는 사업이 없음");
  }

  TEST_CASE("the stated CSV: Korean headers, located errors") {
    const auto stated = read_stated_csv_text("구분,값,추진상황\nshare,30.7%,정상추진\n", "k.csv");
    REQUIRE(stated.size() == 1);
    CHECK(stated[0].statuses == std::vector<status>{status::on_track});
    CHECK(stated[0].where.line == 2);
    CHECK_THROWS_WITH_AS((void)read_stated_csv_text("figure,value,colour\nrate,67.3%,red\n", "s.csv"),
                         "s.csv:1:3 (column 'colour'): unknown column in the stated file (known: figure, value, status, "
                         "dimension, group, period, label): 'colour'",
                         parse_error);
    CHECK_THROWS_WITH_AS((void)read_stated_csv_text("figure,value,status\nrate,67.3%,\nshare,3O.7%,정상추진\n", "s.csv"),
                         "s.csv:3:2 (column 'value'): not a printed figure (expected a number such as 67.3%, 2.0%p, "
                         "33건): '3O.7%'",
                         parse_error);
    CHECK_THROWS_WITH_AS((void)read_stated_csv_text("figure,value\n", "s.csv"), "s.csv: no figures in the stated file: 's.csv'",
                         parse_error);
  }

  TEST_CASE("counts per status from a small CSV") {
    const auto counts = read_counts_csv_text("status,count\n완료,36\n정 상 추 진,34\n", "c.csv");
    REQUIRE(counts.has_value());
    CHECK((*counts)[status::completed] == 36);
    CHECK((*counts)[status::on_track] == 34);
    CHECK_FALSE(read_counts_csv_text("district,term,as_of,id\n", "rows.csv").has_value());
    CHECK_THROWS_WITH_AS((void)read_counts_csv_text("추진상황,건수\n완료+이행후계속추진,33\n", "c.csv"),
                         "c.csv:2:1 (column '추진상황'): a combined column cannot be split into its statuses: give a "
                         "count per status: '완료+이행후계속추진'",
                         parse_error);
    CHECK_THROWS_AS((void)read_counts_csv_text("status,count\n완료,3\n완료,4\n", "c.csv"), parse_error);
    CHECK_THROWS_AS((void)read_counts_csv_text("status,count\n완료,3.5\n", "c.csv"), parse_error);
  }

  TEST_CASE("the findings as text, Markdown and JSON") {
    const audit_data q1 = audit_data::of(example::q1_2024());
    const audit_data q4 = audit_data::of(example::q4_2023());
    const audit_result r = audit_figures(q1, read_stated_csv(data_dir + "seed.csv"), &q4);
    const std::string text = render_text(r, report::language::ko);
    CHECK(contains(text, "공표 수치 검증\n"));
    CHECK(contains(text, "40개 수치: 일치 37, 설명됨 3, 설명 안 됨 0"));
    CHECK(contains(text, "합계 100 맞춤"));
    const std::string md = render_markdown(r, report::language::en);
    CHECK(contains(md, "| figure | stated | computed | verdict | rule | arithmetic |"));
    CHECK(contains(md, "% for %p"));
    const std::string differences = render_differences_markdown(r, report::language::ko);
    CHECK(differences.rfind("## 공표 보고서와 다른 수치\n\n- 40개 수치: 일치 37, 설명됨 3, 설명 안 됨 0\n", 0) == 0);
    CHECK(contains(differences, "| 비율 · 정상추진 (2. 점검결과: 비율) | 30\\.7% | 30.6% | 설명됨 | 합계 100 맞춤 |"));
    CHECK_FALSE(contains(differences, "일치 |"));  // only the figures that differ
    const audit_result agreeing = audit_figures(q1, {figure("rate", "67.3%")});
    CHECK(render_differences_text(agreeing, report::language::en) ==
          "Where the published report differs\n----------------------------------\n\n- The published figure agrees with "
          "the data\n");
    const std::string json = render_json(r, report::language::en);
    CHECK(contains(json, "\"format\": \"pledgetrack.audit\""));
    CHECK(contains(json, "\"rules\": [\"forced_to_100\"]"));
    CHECK(contains(json, "\"unexplained\": 0"));
  }
}
