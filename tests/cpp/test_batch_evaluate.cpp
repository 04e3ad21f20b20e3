#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <span>
#include <fstream>
#include <string>
#include <type_traits>
#include <vector>

#include "pledgetrack/batch/evaluate.hpp"
#include "pledgetrack/batch/org_by_district.hpp"
#include "pledgetrack/history/comparison.hpp"
#include "pledgetrack/io/csv.hpp"

using namespace pledgetrack;

namespace {

namespace fs = std::filesystem;

const std::string examples = std::string(PLEDGETRACK_SOURCE_DIR) + "/examples/data/gwangju-seogu/";

/// Writes `rows` (status labels by project, field per project) as one
/// snapshot's file and returns its path.
std::string write_snapshot(const fs::path& dir, const std::string& district, const std::string& as_of,
                           const std::vector<std::vector<std::string>>& rows) {
  fs::create_directories(dir / district);
  const fs::path path = dir / district / (as_of + ".csv");
  std::ofstream out(path, std::ios::binary);
  out << "district,term,as_of,id,field,project,status\n";
  for (const auto& r : rows) out << district << ",민선8기," << as_of << ',' << r[0] << ',' << r[1] << ",사업 " << r[0] << ',' << r[2] << '\n';
  return path.string();
}

/// A small corpus whose figures are worked out by hand below: four
/// districts, two quarters; 다구's second file has an unknown status label.
std::vector<std::string> write_corpus(const fs::path& dir) {
  fs::remove_all(dir);
  return {
      // 가구 Q1: 완료 + 이행후계속추진 = 2 of 4 (50%); 이행률 3 of 4.
      write_snapshot(dir, "가구", "2024-03-31",
                     {{"1-1", "복지", "완료"}, {"1-2", "복지", "이행후계속추진"}, {"2-1", "경제", "정상추진"},
                      {"2-2", "경제", "일부추진"}}),
      // 가구 Q2: 2-1 on track -> ongoing (3 of 4, +25%p); 2-2 lagging -> on hold, a regression.
      write_snapshot(dir, "가구", "2024-06-30",
                     {{"1-1", "복지", "완료"}, {"1-2", "복지", "이행후계속추진"}, {"2-1", "경제", "이행후계속추진"},
                      {"2-2", "경제", "보류"}}),
      // 나구: 1 of 2 both quarters (change 0); 2-1 on track -> lagging, a regression.
      write_snapshot(dir, "나구", "2024-03-31", {{"1-1", "복지", "완료"}, {"2-1", "경제", "정상추진"}}),
      write_snapshot(dir, "나구", "2024-06-30", {{"1-1", "복지", "완료"}, {"2-1", "경제", "일부추진"}}),
      // 다구 Q1: 2 of 3 (66.7%); Q2 fails.
      write_snapshot(dir, "다구", "2024-03-31",
                     {{"1-1", "복지", "완료"}, {"1-2", "복지", "완료"}, {"2-1", "경제", "일부추진"}}),
      write_snapshot(dir, "다구", "2024-06-30", {{"1-1", "복지", "완성"}}),
      // 라구 Q1 only: 1 of 4 (25%); 폐기 stays in the denominator.
      write_snapshot(dir, "라구", "2024-03-31",
                     {{"1-1", "복지", "완료"}, {"1-2", "복지", "정상추진"}, {"2-1", "경제", "정상추진"},
                      {"2-2", "경제", "폐기"}}),
  };
}

/// A row and its figures, found by district, as_of and group.
struct found_row {
  const batch::evaluation_row& row;
  std::span<const batch::rate_figures> rates;
};

found_row row_of(const batch::evaluation& e, const std::string& district, const date& as_of,
                 const std::string& group = "") {
  for (std::size_t i = 0; i < e.rows.size(); ++i) {
    const auto& r = e.rows[i];
    if (e.district_of(r) == district && r.as_of == as_of && e.group_of(r) == group) return {r, e.rates(i)};
  }
  FAIL("no row for " << district << " " << group);
  return {e.rows.front(), e.rates(0)};
}

}  // namespace

TEST_SUITE("batch evaluate") {
  TEST_CASE("presets by name, and an unknown one named in the error") {
    CHECK(batch::preset("kmc").criteria == criteria::kmc());
    CHECK(batch::preset("implementation").criteria == criteria::implementation());
    CHECK(batch::preset("pledge").criteria.basis == basis::pledge);
    CHECK(batch::preset_names().size() == 5);
    for (const auto name : batch::preset_names()) CHECK(batch::preset(name).name == name);
    CHECK_THROWS_WITH_AS((void)batch::preset("kcm"),
                         "unknown criteria preset (known: kmc, implementation, pledge, mean_progress, in_term): 'kcm'",
                         parse_error);
  }

  TEST_CASE("a corpus: counts, exact rates, changes, regressions, ranks with ties, a failing file") {
    const fs::path dir = fs::path(PLEDGETRACK_BINARY_DIR) / "batch_evaluate_corpus";
    const auto paths = write_corpus(dir);
    batch::evaluate_options options;
    options.criteria = {batch::preset("kmc"), batch::preset("implementation")};
    options.threads = 2;
    const batch::evaluation e = batch::evaluate_files(paths, {}, options);

    // Six snapshots read, sorted by district then as_of; 다구's second failed.
    REQUIRE(e.rows.size() == 6);
    CHECK(e.district_of(e.rows[0]) == "가구");
    CHECK(e.rows[1].as_of == date(2024, 6, 30));
    CHECK(e.district_of(e.rows[4]) == "다구");
    CHECK(e.district_of(e.rows[5]) == "라구");
    REQUIRE(e.problems.size() == 1);
    CHECK(e.problems[0].where.file == paths[5]);
    CHECK(e.problems[0].message.find("완성") != std::string::npos);

    const auto& a1 = row_of(e, "가구", date(2024, 3, 31));
    CHECK(a1.row.period() == period(2024, period_kind::quarter, 1));
    CHECK(a1.row.term == 8);
    CHECK(a1.row.projects() == 4);
    CHECK(a1.row.counts[status::completed] == 1);
    CHECK(a1.row.counts[status::lagging] == 1);
    CHECK(a1.rates[0].rate == rate(fraction(2), 4));
    CHECK(a1.rates[1].rate == rate(fraction(3), 4));
    CHECK_FALSE(a1.rates[0].change_points);  // a district's first snapshot
    CHECK_FALSE(a1.row.regressions);
    CHECK(e.files.at(a1.row.file) == paths[0]);

    const auto& a2 = row_of(e, "가구", date(2024, 6, 30));
    CHECK(a2.rates[0].rate == rate(fraction(3), 4));
    CHECK(a2.rates[0].change_points == fraction(25));
    CHECK(a2.rates[1].change_points == fraction(0));  // 3 of 4 both times under 이행률
    CHECK(a2.row.regressions == 1);
    CHECK(a2.rates[0].rank == 1);  // Q2: 가구 75% > 나구 50%

    const auto& b2 = row_of(e, "나구", date(2024, 6, 30));
    CHECK(b2.rates[0].change_points == fraction(0));
    CHECK(b2.row.regressions == 1);
    CHECK(b2.rates[0].rank == 2);

    // Q1 ranks: 다구 66.7% first, 가구 and 나구 tie at 50%, 라구 (25%) fourth.
    CHECK(row_of(e, "다구", date(2024, 3, 31)).rates[0].rank == 1);
    CHECK(a1.rates[0].rank == 2);
    CHECK(row_of(e, "나구", date(2024, 3, 31)).rates[0].rank == 2);
    CHECK(row_of(e, "라구", date(2024, 3, 31)).rates[0].rank == 4);
    CHECK(row_of(e, "라구", date(2024, 3, 31)).row.counts[status::dropped] == 1);
    CHECK(row_of(e, "라구", date(2024, 3, 31)).rates[0].rate.denominator() == 4);
  }

  TEST_CASE("the same evaluation for any number of threads, more files than threads") {
    const fs::path dir = fs::path(PLEDGETRACK_BINARY_DIR) / "batch_evaluate_threads";
    auto paths = write_corpus(dir);
    for (int i = 0; i < 10; ++i) paths.push_back(examples + (i % 2 ? "2023-12-31.csv" : "2024-03-31.csv"));
    batch::evaluate_options options;
    options.by = {dimension::field};
    options.threads = 1;
    const batch::evaluation one = batch::evaluate_files(paths, {}, options);
    for (const unsigned threads : {0U, 2U, 3U, 8U}) {
      CAPTURE(threads);
      options.threads = threads;
      CHECK(batch::evaluate_files(paths, {}, options) == one);
    }
    // The seed's two quarters, each listed five times: 65.3% then 67.3%, +100/49 %p.
    const auto& seed = row_of(one, "광주광역시 서구", date(2024, 3, 31));
    CHECK(seed.rates[0].rate.to_string() == "67.3%");
  }

  TEST_CASE("a file of many snapshots, in runs or interleaved, gives what one file per snapshot gives") {
    // The corpus's good files as one file whose snapshots come in runs (read
    // one snapshot at a time), and as one whose rows alternate between
    // snapshots (read again whole): the rows are those of the separate files.
    const fs::path dir = fs::path(PLEDGETRACK_BINARY_DIR) / "batch_evaluate_one_file";
    auto paths = write_corpus(dir);
    paths.erase(paths.begin() + 5);  // 다구's failing file
    std::vector<std::vector<std::string>> rows_of_file;
    for (const auto& p : paths) {
      std::ifstream in(p, std::ios::binary);
      std::vector<std::string> lines;
      for (std::string line; std::getline(in, line);) lines.push_back(line);
      rows_of_file.emplace_back(lines.begin() + 1, lines.end());
    }
    const std::string header = "district,term,as_of,id,field,project,status\n";
    std::ofstream runs(dir / "runs.csv", std::ios::binary), mixed(dir / "mixed.csv", std::ios::binary);
    runs << header;
    mixed << header;
    for (const auto& rows : rows_of_file)
      for (const auto& r : rows) runs << r << '\n';
    for (std::size_t i = 0; i < 4; ++i)  // every file's i-th row, in turn
      for (const auto& rows : rows_of_file)
        if (i < rows.size()) mixed << rows[i] << '\n';
    runs.close();
    mixed.close();

    batch::evaluate_options options;
    options.by = {dimension::field};
    options.threads = 1;
    batch::evaluation separate = batch::evaluate_files(paths, {}, options);
    for (auto& r : separate.rows) r.file = 0;
    for (const char* name : {"runs.csv", "mixed.csv"}) {
      CAPTURE(name);
      const batch::evaluation one = batch::evaluate_files(std::vector{(dir / name).string()}, {}, options);
      CHECK(one.problems.empty());
      CHECK(one.rows == separate.rows);
      CHECK(one.figures == separate.figures);
      CHECK(one.groups == separate.groups);
    }
    CHECK(separate.rows.size() == 18);  // 6 snapshots, each with a row per field (복지, 경제)
  }

  TEST_CASE("groups: a row per field after the snapshot's own, with changes per group") {
    const fs::path dir = fs::path(PLEDGETRACK_BINARY_DIR) / "batch_evaluate_groups";
    const auto paths = write_corpus(dir);
    batch::evaluate_options options;
    options.by = {dimension::field};
    const batch::evaluation e = batch::evaluate_files(paths, {}, options);
    // Each snapshot has both fields: 6 snapshots x (1 + 2) rows.
    REQUIRE(e.rows.size() == 18);
    CHECK_FALSE(e.rows[0].dimension);
    CHECK(e.rows[1].dimension == dimension::field);
    CHECK(e.group_of(e.rows[1]) == "복지");
    CHECK(e.group_of(e.rows[2]) == "경제");
    const auto& economy = row_of(e, "가구", date(2024, 6, 30), "경제");
    CHECK(economy.rates[0].rate == rate(fraction(1), 2));
    CHECK(economy.rates[0].change_points == fraction(50));  // 0 of 2 -> 1 of 2
    CHECK_FALSE(economy.row.regressions);
    // 경제 in Q1: 다구 0/1, 가구 0/2, 나구 0/1, 라구 0/2: all tie at 0%, rank 1.
    CHECK(row_of(e, "라구", date(2024, 3, 31), "경제").rates[0].rank == 1);
    // 복지 in Q1: 가구 2/2, 나구 1/1, 다구 2/2 (100%), 라구 1/2: 라구 is fourth.
    CHECK(row_of(e, "라구", date(2024, 3, 31), "복지").rates[0].rank == 4);
  }

  TEST_CASE("strict: the first failing file's error, as read_csv throws it") {
    const fs::path dir = fs::path(PLEDGETRACK_BINARY_DIR) / "batch_evaluate_strict";
    const auto paths = write_corpus(dir);
    std::string expected;
    try {
      (void)io::read_csv(paths[5]);
    } catch (const error& err) {
      expected = err.what();
    }
    REQUIRE(expected.find(paths[5]) == 0);
    batch::evaluate_options options;
    options.strict = true;
    for (const unsigned threads : {1U, 3U}) {
      options.threads = threads;
      CHECK_THROWS_WITH_AS((void)batch::evaluate_files(paths, {}, options), expected.c_str(), parse_error);
    }
  }

  TEST_CASE("snapshots already read give what their files give") {
    const std::vector<std::string> paths = {examples + "2024-03-31.csv", examples + "2023-12-31.csv"};
    std::vector<snapshot> snapshots;
    for (const auto& p : paths)
      for (auto& s : io::read_csv(p)) snapshots.push_back(std::move(s));
    batch::evaluation from_files = batch::evaluate_files(paths, {}, {});
    from_files.files.clear();
    for (auto& r : from_files.rows) r.file = batch::evaluation_row::no_file;
    const batch::evaluation e = batch::evaluate_snapshots(snapshots);
    CHECK(e == from_files);
    REQUIRE(e.rows.size() == 2);
    CHECK(e.rates(0)[0].rate == rate(fraction(32), 49));
    CHECK(e.rates(1)[0].change_points == fraction(100, 49));
    CHECK(e.rows[1].regressions == 1);  // 4-1-2: 이행후계속추진 -> 일부추진
  }

  TEST_CASE("files read for the groups asked give what the same groups of whole reads give") {
    // The batch reads a field, department or bureau only when a group needs
    // it: every grouping, with and without an org (which renames departments
    // and fills bureaus), against the snapshots read whole.
    const std::vector<std::string> paths = {examples + "2023-12-31.csv", examples + "2024-03-31.csv"};
    const organization org = io::read_org_csv(examples + "org.csv");
    const std::vector<std::vector<dimension>> groupings = {
        {}, {dimension::field}, {dimension::department}, {dimension::bureau},
        {dimension::field, dimension::department, dimension::bureau}};
    for (const bool with_org : {false, true}) {
      io::read_options read;
      if (with_org) read.org = org;
      std::vector<snapshot> whole;
      for (const auto& p : paths)
        for (auto& s : io::read_csv(p, read)) whole.push_back(std::move(s));
      for (const auto& by : groupings) {
        CAPTURE(with_org);
        CAPTURE(by.size());
        batch::evaluate_options options;
        options.by = by;
        batch::evaluation from_files = batch::evaluate_files(paths, read, options);
        from_files.files.clear();
        for (auto& r : from_files.rows) r.file = batch::evaluation_row::no_file;
        const batch::evaluation e = batch::evaluate_snapshots(whole, options);
        CHECK(e == from_files);
        // A row per snapshot, and one per group of each: groups were read.
        std::size_t groups = 0;
        for (const dimension d : by) groups += group_projects(whole[0], d).size() + group_projects(whole[1], d).size();
        CHECK(from_files.rows.size() == 2 + groups);
      }
    }
  }

  TEST_CASE("regressions match ids in any order and of any form: numbered, Hangul, text, too large to pack") {
    // The batch keeps a snapshot's ids packed in 16 bytes when they all pack,
    // whole otherwise (a text id, a part of 2^18 or more). Four quarters: the
    // first and last are packed, the second (공약A, 300000-1) and third
    // (300000-1) whole, so every pairing is met; the order changes each time.
    const auto quarter = [](int month, int day, const std::vector<std::pair<const char*, status>>& projects) {
      snapshot s("가구", 8, date(2024, month, day));
      for (const auto& [id, st] : projects) {
        project p;
        p.id = project_id::read(id);
        p.title = std::string("사업 ") + id;
        p.status = st;
        s.add(p);
      }
      return s;
    };
    const std::vector<snapshot> snapshots = {
        quarter(3, 31, {{"1-1", status::on_track}, {"1-2", status::lagging}, {"가-1", status::on_track},
                        {"2-1", status::completed}}),
        // Q2: 1-1 on track -> lagging and 2-1 completed -> lagging, regressions;
        // 1-2 lagging -> on track, not one; 가-1 stays; 공약A and 300000-1 are new.
        quarter(6, 30, {{"300000-1", status::on_track}, {"공약A", status::on_track}, {"2-1", status::lagging},
                        {"1-2", status::on_track}, {"1-1", status::lagging}, {"가-1", status::on_track}}),
        // Q3: 1-1 lagging -> on hold and 300000-1 on track -> on hold, regressions;
        // 공약A is gone; 2-1 lagging -> completed, not one; 3-1 is new.
        quarter(9, 30, {{"3-1", status::on_track}, {"1-1", status::on_hold}, {"2-1", status::completed},
                        {"1-2", status::on_track}, {"가-1", status::on_track}, {"300000-1", status::on_hold}}),
        // Q4: 2-1 completed -> lagging, a regression; 1-1 on hold -> completed, not one.
        quarter(12, 31, {{"2-1", status::lagging}, {"3-1", status::on_track}, {"1-1", status::completed}}),
    };
    REQUIRE(snapshots[1].projects()[1].id.is_text());
    REQUIRE(snapshots[1].projects()[0].id[0].value == 300000);
    const batch::evaluation e = batch::evaluate_snapshots(snapshots);
    REQUIRE(e.rows.size() == 4);
    CHECK_FALSE(e.rows[0].regressions);
    CHECK(e.rows[1].regressions == 2);
    CHECK(e.rows[2].regressions == 2);
    CHECK(e.rows[3].regressions == 1);
    // As compare() counts them.
    for (std::size_t k = 1; k < 4; ++k)
      CHECK(e.rows[k].regressions ==
            static_cast<std::int64_t>(compare(snapshots[k - 1], snapshots[k], criteria::kmc()).regressions().size()));
    // The second quarter again, with the same ids in the same order: the
    // shared list, read by position.
    std::vector<snapshot> twice = {snapshots[1], snapshots[1]};
    twice[1] = quarter(9, 30, {{"300000-1", status::on_hold}, {"공약A", status::dropped}, {"2-1", status::lagging},
                                {"1-2", status::on_track}, {"1-1", status::lagging}, {"가-1", status::on_track}});
    const batch::evaluation same = batch::evaluate_snapshots(twice);
    CHECK(same.rows[1].regressions ==
          static_cast<std::int64_t>(compare(twice[0], twice[1], criteria::kmc()).regressions().size()));
    CHECK(same.rows[1].regressions == 2);  // 300000-1 on track -> on hold, 공약A on track -> dropped
  }

  TEST_CASE("combining parts ranks over the whole period, and a district split over parts is refused") {
    const fs::path dir = fs::path(PLEDGETRACK_BINARY_DIR) / "batch_evaluate_combine";
    const auto paths = write_corpus(dir);
    // Grouped by field and by status, so that the parts' tables of groups
    // differ: only 가구 has 보류, only the others 폐기.
    batch::evaluate_options options;
    options.by = {dimension::field, dimension::status};
    const batch::evaluation whole = batch::evaluate_files(paths, {}, options);
    const std::vector<std::string> first(paths.begin(), paths.begin() + 2);  // 가구
    const std::vector<std::string> second(paths.begin() + 2, paths.end());
    batch::evaluation first_part = batch::evaluate_files(first, {}, options);
    batch::evaluation second_part = batch::evaluate_files(second, {}, options);
    CHECK(first_part.districts == std::vector<std::string>{"가구"});
    CHECK(second_part.districts == std::vector<std::string>{"나구", "다구", "라구"});
    const auto has = [](const std::vector<std::string>& texts, const std::string& t) {
      return std::find(texts.begin(), texts.end(), t) != texts.end();
    };
    CHECK(has(first_part.groups, "보류"));
    CHECK_FALSE(has(first_part.groups, "폐기"));
    CHECK(has(second_part.groups, "폐기"));
    CHECK_FALSE(has(second_part.groups, "보류"));
    const batch::evaluation parts = batch::combine({std::move(second_part), std::move(first_part)});
    // The same tables, rows and figures, ranks included; each row's file
    // index points at the same path.
    CHECK(parts.districts == whole.districts);
    CHECK(parts.groups == whole.groups);
    CHECK(parts.figures == whole.figures);
    REQUIRE(parts.rows.size() == whole.rows.size());
    for (std::size_t i = 0; i < parts.rows.size(); ++i) {
      batch::evaluation_row a = parts.rows[i];
      batch::evaluation_row b = whole.rows[i];
      CHECK(parts.files.at(a.file) == whole.files.at(b.file));
      a.file = b.file = 0;
      CHECK(a == b);
    }
    CHECK(parts.problems == whole.problems);
    // 라구's Q1 폐기 row, ranked with no other district's (none has 폐기 in Q1): first.
    CHECK(row_of(parts, "라구", date(2024, 3, 31), "폐기").rates[0].rank == 1);
    const std::vector<std::string> split_a(paths.begin(), paths.begin() + 1);
    const std::vector<std::string> split_b(paths.begin() + 1, paths.end());
    CHECK_THROWS_WITH_AS((void)batch::combine({batch::evaluate_files(split_a, {}, {}), batch::evaluate_files(split_b, {}, {})}),
                         doctest::Contains("district '가구' is in parts 1 and 2"), data_error);
  }

  TEST_CASE("rows keep their texts in the evaluation's sorted tables, and their figures in one flat vector") {
    const fs::path dir = fs::path(PLEDGETRACK_BINARY_DIR) / "batch_evaluate_tables";
    const auto paths = write_corpus(dir);
    batch::evaluate_options options;
    options.criteria = {batch::preset("kmc"), batch::preset("implementation")};
    options.by = {dimension::field};
    options.threads = 2;
    const batch::evaluation e = batch::evaluate_files(paths, {}, options);
    // Each text once, sorted bytewise (UTF-8 keeps Hangul's order: 가 < 나 < 다 < 라, 경 < 복).
    CHECK(e.districts == std::vector<std::string>{"가구", "나구", "다구", "라구"});
    CHECK(e.groups == std::vector<std::string>{"", "경제", "복지"});
    // 6 snapshots x (1 + 2 fields) rows, two criteria each.
    REQUIRE(e.rows.size() == 18);
    CHECK(e.figures.size() == 36);
    // Row 0: 가구 Q1 whole (2 of 4 under KMC, 3 of 4 under 이행률); row 1 its
    // 복지 (first met in the file), row 2 its 경제 (0 of 2; 이행률 1 of 2: 정상추진).
    CHECK(e.district_of(e.rows[0]) == "가구");
    CHECK(e.group_of(e.rows[0]).empty());
    CHECK(e.rows[0].group == 0);
    CHECK(e.group_of(e.rows[1]) == "복지");
    CHECK(e.group_of(e.rows[2]) == "경제");
    REQUIRE(e.rates(0).size() == 2);
    CHECK(e.rates(0)[0].rate == rate(fraction(2), 4));
    CHECK(e.rates(0)[1].rate == rate(fraction(3), 4));
    CHECK(e.rates(1)[0].rate == rate(fraction(2), 2));
    CHECK(e.rates(2)[0].rate == rate(fraction(0), 2));
    CHECK(e.rates(2)[1].rate == rate(fraction(1), 2));
    CHECK(&e.rates(2)[1] == &e.figures[5]);  // row 2, criteria 1
    CHECK_THROWS_AS((void)e.rates(18), std::out_of_range);  // past the last row
    // The last row: 라구 Q1 경제 (정상추진, 폐기): 0 of 2.
    CHECK(e.district_of(e.rows[17]) == "라구");
    CHECK(e.group_of(e.rows[17]) == "경제");
    CHECK(e.rates(17)[0].rate == rate(fraction(0), 2));
    CHECK(e.rows[17].period() == period(2024, period_kind::quarter, 1));
    // Rows in district order are in index order: the tables are sorted.
    for (std::size_t i = 1; i < e.rows.size(); ++i) CHECK(e.rows[i - 1].district <= e.rows[i].district);
    // A row holds no memory of its own: copying it copies bytes.
    static_assert(std::is_trivially_copyable_v<batch::evaluation_row>);
    static_assert(std::is_trivially_copyable_v<batch::rate_figures>);
    static_assert(sizeof(batch::evaluation_row) <= 96);  // 841,712 rows of the large corpus: 81 MB
  }

  TEST_CASE("a file that fails after some of its snapshots were read leaves no text in the tables") {
    // 마구's file: its Q1 snapshot is handed over and summarised once the
    // rows move on to Q2, before Q3's unknown label (완성) fails the file;
    // 마구 has no row, so no text either.
    const fs::path dir = fs::path(PLEDGETRACK_BINARY_DIR) / "batch_evaluate_failed_texts";
    auto paths = write_corpus(dir);
    const fs::path failing = dir / "마구.csv";
    {
      std::ofstream out(failing, std::ios::binary);
      out << "district,term,as_of,id,field,project,status\n"
          << "마구,민선8기,2024-03-31,1-1,교통,사업,완료\n"
          << "마구,민선8기,2024-06-30,1-1,교통,사업,완료\n"
          << "마구,민선8기,2024-09-30,1-1,교통,사업,완성\n";
    }
    paths.push_back(failing.string());
    batch::evaluate_options options;
    options.by = {dimension::field};
    const batch::evaluation e = batch::evaluate_files(paths, {}, options);
    REQUIRE(e.problems.size() == 2);  // 다구's second file and 마구's
    CHECK(e.problems[1].where.file == failing.string());
    CHECK(e.districts == std::vector<std::string>{"가구", "나구", "다구", "라구"});
    CHECK(e.groups == std::vector<std::string>{"", "경제", "복지"});  // no 교통
  }

  TEST_CASE("a copy of an evaluation stays valid after the original is gone, and so does a moved one") {
    const fs::path dir = fs::path(PLEDGETRACK_BINARY_DIR) / "batch_evaluate_copies";
    const auto paths = write_corpus(dir);
    batch::evaluate_options options;
    options.by = {dimension::field};
    auto original = std::make_unique<batch::evaluation>(batch::evaluate_files(paths, {}, options));
    const batch::evaluation copy = *original;
    batch::evaluation moved = std::move(*original);
    original.reset();
    for (const batch::evaluation* e : {&copy, static_cast<const batch::evaluation*>(&moved)}) {
      REQUIRE(e->rows.size() == 18);
      CHECK(e->district_of(e->rows[3]) == "가구");  // 가구 Q2's own row
      CHECK(e->rows[3].as_of == date(2024, 6, 30));
      CHECK(e->rates(3)[0].rate == rate(fraction(3), 4));
      CHECK(e->rates(3)[0].change_points == fraction(25));
      CHECK(e->group_of(e->rows[5]) == "경제");
      CHECK(e->rates(5)[0].change_points == fraction(50));  // 0 of 2 -> 1 of 2
    }
    CHECK(copy == moved);
  }

  TEST_CASE("an org per file wins over the read options' org") {
    const fs::path dir = fs::path(PLEDGETRACK_BINARY_DIR) / "batch_evaluate_orgs";
    fs::remove_all(dir);
    fs::create_directories(dir);
    const fs::path path = dir / "q.csv";
    {
      std::ofstream out(path, std::ios::binary);
      out << "district,term,as_of,id,field,project,department,status\n"
          << "가구,민선8기,2024-03-31,1-1,복지,사업,복지과,완료\n"
          << "가구,민선8기,2024-03-31,1-2,복지,사업,경제과,정상추진\n";
    }
    organization shared, own;
    shared.add("복지과", "복지국");
    shared.add("경제과", "복지국");
    own.add("복지과", "복지국");
    own.add("경제과", "경제국");
    io::read_options read;
    read.org = shared;
    batch::evaluate_options options;
    options.by = {dimension::bureau};
    const std::vector<std::string> paths = {path.string()};
    CHECK(batch::evaluate_files(paths, read, options).rows.size() == 2);  // one bureau
    options.orgs = {own};
    options.file_org = {0};
    const auto e = batch::evaluate_files(paths, read, options);
    REQUIRE(e.rows.size() == 3);
    CHECK(e.group_of(e.rows[2]) == "경제국");
    options.file_org = {1};
    CHECK_THROWS_WITH_AS((void)batch::evaluate_files(paths, read, options), "file_org refers to org 1 of 1", error);
  }
}

TEST_SUITE("batch org by district") {
  TEST_CASE("an org file with a district column gives an org per district, in order of appearance") {
    const std::string text =
        "자치단체,부서,실국\n"
        "가구,복지과,복지국\n"
        "나구,복지과,행정국\n"
        "가구,경제과,경제국\n";
    const auto orgs = batch::read_org_csv_by_district_bytes(text, "orgs.csv");
    REQUIRE(orgs);
    REQUIRE(orgs->size() == 2);
    CHECK((*orgs)[0].first == "가구");
    CHECK((*orgs)[0].second.bureau_of("경제과") == "경제국");
    CHECK((*orgs)[0].second.bureaus() == std::vector<std::string>{"복지국", "경제국"});
    CHECK((*orgs)[1].first == "나구");
    CHECK((*orgs)[1].second.bureau_of("복지과") == "행정국");
    CHECK_FALSE((*orgs)[1].second.bureau_of("경제과"));
  }

  TEST_CASE("without a district column it is one org for all: nothing") {
    CHECK_FALSE(batch::read_org_csv_by_district_bytes("부서,실국\n복지과,복지국\n", "org.csv"));
  }

  TEST_CASE("an error names the file's own line") {
    // Line 4 is 나구's second row, an empty department; the org reader's message, at the file's line.
    const std::string text = "district,department,bureau\n가구,복지과,복지국\n나구,복지과,행정국\n나구,,행정국\n";
    CHECK_THROWS_WITH_AS((void)batch::read_org_csv_by_district_bytes(text, "orgs.csv"),
                         doctest::Contains("orgs.csv:4:"), parse_error);
    CHECK_THROWS_WITH_AS((void)batch::read_org_csv_by_district_bytes("district,department,bureau\n,복지과,복지국\n", "orgs.csv"),
                         doctest::Contains("orgs.csv:2:1 (column 'district'): empty district"), parse_error);
  }

  TEST_CASE("evaluate takes a district's org from the shared file, and the file's own org wins over it") {
    const fs::path dir = fs::path(PLEDGETRACK_BINARY_DIR) / "batch_evaluate_district_orgs";
    fs::remove_all(dir);
    fs::create_directories(dir);
    std::vector<std::string> paths;
    for (const std::string district : {"가구", "나구"}) {
      const fs::path path = dir / (district + ".csv");
      std::ofstream out(path, std::ios::binary);
      out << "district,term,as_of,id,field,project,department,status\n"
          << district << ",민선8기,2024-03-31,1-1,복지,사업,복지과,완료\n";
      paths.push_back(path.string());
    }
    const auto orgs = batch::read_org_csv_by_district_bytes(
        "자치단체,부서,실국\n가구,복지과,복지국\n나구,복지과,행정국\n", "orgs.csv");
    batch::evaluate_options options;
    options.by = {dimension::bureau};
    options.district_orgs = *orgs;
    auto e = batch::evaluate_files(paths, {}, options);
    REQUIRE(e.rows.size() == 4);
    CHECK(e.group_of(e.rows[1]) == "복지국");
    CHECK(e.group_of(e.rows[3]) == "행정국");
    organization own;
    own.add("복지과", "자체국");
    options.orgs = {own};
    options.file_org = {-1, 0};  // 나구's file has an org of its own
    e = batch::evaluate_files(paths, {}, options);
    CHECK(e.group_of(e.rows[1]) == "복지국");
    CHECK(e.group_of(e.rows[3]) == "자체국");
  }
}
