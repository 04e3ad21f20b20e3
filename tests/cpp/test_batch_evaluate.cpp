#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "pledgetrack/batch/evaluate.hpp"
#include "pledgetrack/batch/org_by_district.hpp"
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

const batch::evaluation_row& row_of(const batch::evaluation& e, const std::string& district, const date& as_of,
                                    const std::string& group = "") {
  for (const auto& r : e.rows)
    if (r.district == district && r.as_of == as_of && r.group == group) return r;
  FAIL("no row for " << district << " " << group);
  return e.rows.front();
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
    CHECK(e.rows[0].district == "가구");
    CHECK(e.rows[1].as_of == date(2024, 6, 30));
    CHECK(e.rows[4].district == "다구");
    CHECK(e.rows[5].district == "라구");
    REQUIRE(e.problems.size() == 1);
    CHECK(e.problems[0].where.file == paths[5]);
    CHECK(e.problems[0].message.find("완성") != std::string::npos);

    const auto& a1 = row_of(e, "가구", date(2024, 3, 31));
    CHECK(a1.period == period(2024, period_kind::quarter, 1));
    CHECK(a1.term == 8);
    CHECK(a1.projects() == 4);
    CHECK(a1.counts[status::completed] == 1);
    CHECK(a1.counts[status::lagging] == 1);
    CHECK(a1.rates[0].rate == rate(fraction(2), 4));
    CHECK(a1.rates[1].rate == rate(fraction(3), 4));
    CHECK_FALSE(a1.rates[0].change_points);  // a district's first snapshot
    CHECK_FALSE(a1.regressions);
    CHECK(e.files.at(a1.file) == paths[0]);

    const auto& a2 = row_of(e, "가구", date(2024, 6, 30));
    CHECK(a2.rates[0].rate == rate(fraction(3), 4));
    CHECK(a2.rates[0].change_points == fraction(25));
    CHECK(a2.rates[1].change_points == fraction(0));  // 3 of 4 both times under 이행률
    CHECK(a2.regressions == 1);
    CHECK(a2.rates[0].rank == 1);  // Q2: 가구 75% > 나구 50%

    const auto& b2 = row_of(e, "나구", date(2024, 6, 30));
    CHECK(b2.rates[0].change_points == fraction(0));
    CHECK(b2.regressions == 1);
    CHECK(b2.rates[0].rank == 2);

    // Q1 ranks: 다구 66.7% first, 가구 and 나구 tie at 50%, 라구 (25%) fourth.
    CHECK(row_of(e, "다구", date(2024, 3, 31)).rates[0].rank == 1);
    CHECK(a1.rates[0].rank == 2);
    CHECK(row_of(e, "나구", date(2024, 3, 31)).rates[0].rank == 2);
    CHECK(row_of(e, "라구", date(2024, 3, 31)).rates[0].rank == 4);
    CHECK(row_of(e, "라구", date(2024, 3, 31)).counts[status::dropped] == 1);
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
    CHECK(e.rows[1].group == "복지");
    CHECK(e.rows[2].group == "경제");
    const auto& economy = row_of(e, "가구", date(2024, 6, 30), "경제");
    CHECK(economy.rates[0].rate == rate(fraction(1), 2));
    CHECK(economy.rates[0].change_points == fraction(50));  // 0 of 2 -> 1 of 2
    CHECK_FALSE(economy.regressions);
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
    CHECK(e.rows[0].rates[0].rate == rate(fraction(32), 49));
    CHECK(e.rows[1].rates[0].change_points == fraction(100, 49));
    CHECK(e.rows[1].regressions == 1);  // 4-1-2: 이행후계속추진 -> 일부추진
  }

  TEST_CASE("combining parts ranks over the whole period, and a district split over parts is refused") {
    const fs::path dir = fs::path(PLEDGETRACK_BINARY_DIR) / "batch_evaluate_combine";
    const auto paths = write_corpus(dir);
    const batch::evaluation whole = batch::evaluate_files(paths, {}, {});
    const std::vector<std::string> first(paths.begin(), paths.begin() + 2);  // 가구
    const std::vector<std::string> second(paths.begin() + 2, paths.end());
    const batch::evaluation parts =
        batch::combine({batch::evaluate_files(second, {}, {}), batch::evaluate_files(first, {}, {})});
    // The same rows, ranks included; each row's file index points at the same path.
    REQUIRE(parts.rows.size() == whole.rows.size());
    for (std::size_t i = 0; i < parts.rows.size(); ++i) {
      batch::evaluation_row a = parts.rows[i];
      batch::evaluation_row b = whole.rows[i];
      CHECK(parts.files.at(a.file) == whole.files.at(b.file));
      a.file = b.file = 0;
      CHECK(a == b);
    }
    CHECK(parts.problems == whole.problems);
    const std::vector<std::string> split_a(paths.begin(), paths.begin() + 1);
    const std::vector<std::string> split_b(paths.begin() + 1, paths.end());
    CHECK_THROWS_WITH_AS((void)batch::combine({batch::evaluate_files(split_a, {}, {}), batch::evaluate_files(split_b, {}, {})}),
                         doctest::Contains("district '가구' is in parts 1 and 2"), data_error);
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
    CHECK(e.rows[2].group == "경제국");
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
    CHECK(e.rows[1].group == "복지국");
    CHECK(e.rows[3].group == "행정국");
    organization own;
    own.add("복지과", "자체국");
    options.orgs = {own};
    options.file_org = {-1, 0};  // 나구's file has an org of its own
    e = batch::evaluate_files(paths, {}, options);
    CHECK(e.rows[1].group == "복지국");
    CHECK(e.rows[3].group == "자체국");
  }
}
