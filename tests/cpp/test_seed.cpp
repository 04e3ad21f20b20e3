// The seed report's figures, from its 49 projects typed by hand (seed_fixture.hpp).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "seed_fixture.hpp"

using namespace pledgetrack;

TEST_SUITE("seed figures") {
  const snapshot seed_snapshot = seed::snapshot_2024q1();

  TEST_CASE("49 projects in 21 pledges and 5 fields") {
    CHECK(seed_snapshot.size() == 49);
    CHECK(group_projects(seed_snapshot, dimension::pledge).size() == 21);
    CHECK(group_projects(seed_snapshot, dimension::field).size() == 5);
  }

  TEST_CASE("counts by status: 완료 1, 이행후계속추진 32, 정상추진 15, 일부추진 1") {
    const status_counts c = count_statuses(seed_snapshot);
    CHECK(c[status::completed] == 1);
    CHECK(c[status::ongoing] == 32);
    CHECK(c[status::on_track] == 15);
    CHECK(c[status::lagging] == 1);
    CHECK(c.total() == 49);
    CHECK(c.total(kmc_complete_statuses) == 33);
  }

  TEST_CASE("the KMC completion rate is 33/49, shown as 67.3%") {
    const rate r = completion_rate(seed_snapshot, criteria::kmc());
    CHECK(r.numerator() == fraction(33));
    CHECK(r.denominator() == 49);
    CHECK(r.to_string() == "67.3%");
    // 이행률 (with 정상추진) is a different figure: 48/49 = 97.96 -> 98.0%.
    CHECK(completion_rate(seed_snapshot, criteria::implementation()).to_string() == "98.0%");
    // No project reports a progress figure: mean progress has no value.
    const rate mean = completion_rate(seed_snapshot, criteria::mean_progress());
    CHECK_FALSE(mean.has_value());
    CHECK(mean.unmeasured() == 49);
  }

  TEST_CASE("the pledge-basis rate: 11 of 21 pledges have every project complete") {
    // Complete pledges, checked by hand against the seed: 1-2 1-3 1-4, 2-1 2-2
    // 2-4, 3-1 3-3 3-4 3-5, 4-3.
    criteria c = criteria::kmc();
    c.basis = basis::pledge;
    const rate r = completion_rate(seed_snapshot, c);
    CHECK(r == rate(fraction(11), 21));
    CHECK(r.to_string() == "52.4%");
  }

  TEST_CASE("rates by field") {
    const auto by_field = rates_by(seed_snapshot, dimension::field, criteria::kmc());
    REQUIRE(by_field.size() == 5);
    const std::vector<std::pair<std::string, rate>> expected = {
        {"마을·자치", rate(fraction(4), 5)},   {"골목·경제", rate(fraction(10), 11)},
        {"사람·복지", rate(fraction(11), 12)}, {"생태·안전", rate(fraction(7), 15)},
        {"행복·문화", rate(fraction(1), 6)}};
    CHECK(by_field == expected);
    CHECK(by_field[4].second.to_string() == "16.7%");
  }

  TEST_CASE("counts by bureau and by status group") {
    const auto by_bureau = counts_by(seed_snapshot, dimension::bureau);
    std::int64_t total = 0;
    for (const auto& [bureau, counts] : by_bureau) total += counts.total();
    CHECK(total == 49);
    const auto by_status = counts_by(seed_snapshot, dimension::status);
    REQUIRE(by_status.size() == 4);
    CHECK(by_status[0].first == "완료");  // the KMC order, not the order of appearance
    CHECK(by_status[1].first == "이행후계속추진");
    CHECK(by_status[3].first == "일부추진");
  }

  TEST_CASE("the field × bureau table exactly as the seed prints it") {
    const std::vector<std::string> bureaus(std::begin(seed::bureaus), std::end(seed::bureaus));
    const crosstab t = make_crosstab(seed_snapshot, dimension::field, dimension::bureau, {}, bureaus);
    CHECK(t.row_labels() == std::vector<std::string>{"마을·자치", "골목·경제", "사람·복지", "생태·안전", "행복·문화"});
    CHECK(t.column_labels() == bureaus);
    // 구분   총계 실·단 문화경제국 환경교통국 통합복지국 안전도시국 자치행정국 보건소
    const std::int64_t printed[5][7] = {
        {0, 0, 0, 0, 0, 5, 0},   // 마을·자치 5
        {1, 10, 0, 0, 0, 0, 0},  // 골목·경제 11
        {2, 1, 0, 5, 0, 0, 4},   // 사람·복지 12
        {1, 0, 7, 0, 6, 0, 1},   // 생태·안전 15
        {1, 2, 3, 0, 0, 0, 0},   // 행복·문화 6
    };
    for (std::size_t r = 0; r < 5; ++r)
      for (std::size_t c = 0; c < 7; ++c) CHECK(t.at(r, c) == printed[r][c]);
    const std::int64_t row_totals[] = {5, 11, 12, 15, 6};
    for (std::size_t r = 0; r < 5; ++r) CHECK(t.row_total(r) == row_totals[r]);
    const std::int64_t column_totals[] = {5, 13, 10, 5, 6, 5, 5};
    for (std::size_t c = 0; c < 7; ++c) CHECK(t.column_total(c) == column_totals[c]);
    CHECK(t.total() == 49);
    CHECK_THROWS_AS((void)t.at(5, 0), error);
  }

  TEST_CASE("without an explicit order, groups appear in data order") {
    const crosstab t = make_crosstab(seed_snapshot, dimension::bureau, dimension::status);
    CHECK(t.row_labels().front() == "자치행정국");  // 1-1-1 주민자치과 comes first
    CHECK(t.column_labels() == std::vector<std::string>{"완료", "이행후계속추진", "정상추진", "일부추진"});
  }
}
