#include <doctest/doctest.h>

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <stop_token>
#include <string>
#include <utility>
#include <vector>

#include "pledgetrack/io/batch.hpp"
#include "pledgetrack/io/csv.hpp"

using namespace pledgetrack;

namespace {

const std::string examples = std::string(PLEDGETRACK_SOURCE_DIR) + "/examples/data/gwangju-seogu/";
const std::string bad = std::string(PLEDGETRACK_SOURCE_DIR) + "/tests/data/bad/";

/// The message read_csv throws for `path` (it must throw).
std::string error_of_read_csv(const std::string& path) {
  try {
    (void)io::read_csv(path);
  } catch (const error& e) {
    return e.what();
  }
  FAIL("read_csv did not throw for " << path);
  return {};
}

}  // namespace

TEST_SUITE("batch reader") {
  TEST_CASE("batch_files: every *.csv at any depth but the orgs, sorted component by component") {
    namespace fs = std::filesystem;
    const fs::path root = fs::temp_directory_path() / ("pledgetrack-batch-files-" + std::to_string(::getpid()));
    fs::remove_all(root);
    for (const char* folder : {"a", "a-b", "a/deep", "c", "d"}) fs::create_directories(root / folder);
    for (const char* file : {"a/2024-03-31.csv", "a/2023-12-31.csv", "a-b/2024-03-31.csv", "a/deep/x.csv",
                             "a/org.csv", "a-b/ORG.csv", "c/Org.CSV", "c/upper.CSV", "c/notes.txt", "c/.csv",
                             "d/2024-03-31.csv"})
      std::ofstream(root / file) << "x\n";
    fs::create_directory_symlink(root / "a", root / "link-to-a");         // not followed
    fs::create_symlink(root / "d" / "2024-03-31.csv", root / "c/link.csv");  // a file: counts
    const std::string r = root.string() + "/";
    // "a" sorts before "a-b" by component, though "a-" < "a/" as text.
    const std::vector<std::string> expected = {r + "a/2023-12-31.csv", r + "a/2024-03-31.csv", r + "a/deep/x.csv",
                                               r + "a-b/2024-03-31.csv", r + "c/.csv", r + "c/link.csv",
                                               r + "d/2024-03-31.csv"};
    CHECK(io::batch_files(root.string()) == expected);
    CHECK(io::batch_files(r) == expected);  // the folder given with its separator: the same paths
    CHECK(io::is_org_file_name("org.csv"));
    CHECK(io::is_org_file_name("ORG.CSV"));
    CHECK_FALSE(io::is_org_file_name("org.csv.bak"));
    CHECK_FALSE(io::is_org_file_name("my-org.csv"));
    CHECK_THROWS_WITH_AS((void)io::batch_files(r + "a/2023-12-31.csv"),
                         ("not a folder: '" + r + "a/2023-12-31.csv'").c_str(), error);
    if (::geteuid() != 0) {  // root reads every folder
      fs::permissions(root / "a/deep", fs::perms::none);
      CHECK_THROWS_WITH_AS((void)io::batch_files(root.string()),
                           doctest::Contains(("cannot list the folder '" + root.string() + "'").c_str()), error);
      fs::permissions(root / "a/deep", fs::perms::owner_all);
    }
    fs::remove_all(root);
  }

  TEST_CASE("batch_files: the order of fs::path, wherever two paths first differ") {
    // Names that share prefixes of every length from 0 to 20 bytes, then
    // differ by a separator, a '-' or '.' (below '/' as bytes), a digit, a
    // letter or Hangul: the texts are compared eight bytes at a time, and a
    // difference may fall anywhere in or after those eight.
    namespace fs = std::filesystem;
    const fs::path root = fs::temp_directory_path() / ("pledgetrack-batch-order-" + std::to_string(::getpid()));
    fs::remove_all(root);
    const std::string stem = "abcdefghijklmnopqrst";
    std::vector<fs::path> files;
    for (std::size_t k = 0; k <= stem.size(); ++k)
      for (const char* tail : {"", "-x", ".x", "0", "z", "가"}) {
        const fs::path folder = root / (stem.substr(0, k) + tail);
        if (folder == root) continue;
        fs::create_directories(folder);
        for (const char* file : {"q.csv", "q-r.csv"}) {
          std::ofstream(folder / file) << "x\n";
          files.push_back(folder / file);
        }
      }
    std::sort(files.begin(), files.end());  // fs::path compares component by component
    std::vector<std::string> expected;
    for (const fs::path& f : files) expected.push_back(f.string());
    CHECK(io::batch_files(root.string()) == expected);
    fs::remove_all(root);
  }

  TEST_CASE("many files read on any number of threads give what reading them one by one gives") {
    std::vector<std::string> paths;
    for (int i = 0; i < 25; ++i) {
      paths.push_back(examples + "2023-12-31.csv");
      paths.push_back(examples + "2024-03-31.csv");
    }
    std::vector<std::vector<snapshot>> one_by_one;
    for (const std::string& p : paths) one_by_one.push_back(io::read_csv(p));
    REQUIRE(one_by_one[1].at(0).size() == 49);
    for (const unsigned threads : {0U, 1U, 2U, 3U, 8U, 100U}) {
      CAPTURE(threads);
      const auto batch = io::read_csv_files(paths, {}, threads);
      REQUIRE(batch.size() == paths.size());
      CHECK(batch == one_by_one);
      CHECK(batch[0].at(0).as_of() == date(2023, 12, 31));
      CHECK(batch[49].at(0).as_of() == date(2024, 3, 31));
    }
  }

  TEST_CASE("no files: no snapshots") {
    CHECK(io::read_csv_files(std::vector<std::string>{}).empty());
    CHECK(io::read_csv_files(std::vector<std::string>{}, {}, 4).empty());
  }

  TEST_CASE("the options apply to every file") {
    // Files whose rows leave the bureau empty: only the org file can fill it.
    // The example's org.csv maps 주민자치과 to 자치행정국 (line 19) and
    // 치매안심센터 to 보건소 (line 22).
    const std::string header = "district,term,as_of,id,field,pledge,project,department,bureau,status\n";
    const std::vector<std::pair<std::string, std::string>> departments = {{"주민자치과", "자치행정국"},
                                                                          {"치매안심센터", "보건소"}};
    std::vector<std::string> paths;
    for (std::size_t k = 0; k < 6; ++k) {
      paths.push_back(std::string(PLEDGETRACK_BINARY_DIR) + "/batch-no-bureau-" + std::to_string(k) + ".csv");
      std::ofstream out(paths.back(), std::ios::binary | std::ios::trunc);
      out << header << "광주광역시 서구,민선8기,2024-03-31,1-1,f,p,사업," << departments[k % 2].first << ",,완료\n";
    }
    io::read_options o;
    o.org = io::read_org_csv(examples + "org.csv");
    for (const unsigned threads : {1U, 2U, 6U}) {
      CAPTURE(threads);
      const auto with_org = io::read_csv_files(paths, o, threads);
      const auto without = io::read_csv_files(paths, {}, threads);
      REQUIRE(with_org.size() == paths.size());
      REQUIRE(without.size() == paths.size());
      for (std::size_t k = 0; k < paths.size(); ++k) {
        CAPTURE(k);
        CHECK(with_org[k].at(0).at("1-1").bureau == departments[k % 2].second);
        CHECK(without[k].at(0).at("1-1").bureau.empty());
      }
    }
  }

  TEST_CASE("the first failing file in the list gives the error, whatever the threads") {
    std::vector<std::string> paths;
    for (int i = 0; i < 20; ++i) paths.push_back(examples + "2024-03-31.csv");
    paths[7] = bad + "duplicate-ids.csv";
    paths[3] = bad + "bad-term.csv";  // before it in the list: this one is thrown
    paths[15] = examples + "no-such-file.csv";
    const std::string expected = error_of_read_csv(paths[3]);
    CHECK(expected == bad + "bad-term.csv:3:2 (column 'term'): no such term: '민선0기'");
    for (const unsigned threads : {1U, 2U, 4U, 20U}) {
      CAPTURE(threads);
      CHECK_THROWS_WITH_AS((void)io::read_csv_files(paths, {}, threads), expected.c_str(), parse_error);
    }
  }

  TEST_CASE("a missing file is read_csv's error for it") {
    const std::vector<std::string> paths = {examples + "2024-03-31.csv", examples + "no-such-file.csv"};
    const std::string expected = error_of_read_csv(paths[1]);
    CHECK(expected.find("no-such-file.csv") != std::string::npos);
    CHECK_THROWS_WITH((void)io::read_csv_files(paths, {}, 2), expected.c_str());
  }

  TEST_CASE("a stop request: no thread takes another item, and the batch ends with interrupted") {
    SUBCASE("requested before the start: nothing runs") {
      std::stop_source stop;
      stop.request_stop();
      const std::vector<std::string> paths(5, examples + "2024-03-31.csv");
      CHECK_THROWS_AS((void)io::read_csv_files(paths, {}, 2, stop.get_token()), io::interrupted);
      std::atomic<int> ran{0};
      CHECK_THROWS_AS(io::detail::share_out(5, 2, [&](std::size_t) { ++ran; }, false, stop.get_token()),
                      io::interrupted);
      CHECK(ran == 0);
    }
    SUBCASE("requested by item 3 on one thread: items 0 to 3 ran, none after") {
      std::stop_source stop;
      std::vector<int> ran;
      CHECK_THROWS_WITH_AS(io::detail::share_out(
                               10, 1,
                               [&](std::size_t i) {
                                 ran.push_back(static_cast<int>(i));
                                 if (i == 3) stop.request_stop();
                               },
                               false, stop.get_token()),
                           "interrupted: stopped before every file was done", io::interrupted);
      CHECK(ran == std::vector<int>{0, 1, 2, 3});
    }
    SUBCASE("inside one big file: the reader looks every 65,536 rows") {
      std::string text = "district,term,as_of,id,project,status\n";
      for (int i = 1; i <= 70000; ++i) text += "가구,8,2024-03-31," + std::to_string(i) + ",사업,완료\n";
      io::read_options options;
      std::stop_source stop;
      options.stop = stop.get_token();
      CHECK(io::read_csv_bytes(text, "big.csv", options).at(0).size() == 70000);  // nobody asked
      stop.request_stop();
      CHECK_THROWS_AS((void)io::read_csv_bytes(text, "big.csv", options), io::interrupted);
      // A file shorter than that is read whole: the stop is seen between files.
      CHECK(io::read_csv_bytes(text.substr(0, text.find("\n", 1000) + 1), "small.csv", options).size() == 1);
    }
    SUBCASE("a token nobody stops changes nothing") {
      std::stop_source stop;
      const std::vector<std::string> paths(3, examples + "2024-03-31.csv");
      CHECK(io::read_csv_files(paths, {}, 2, stop.get_token()).size() == 3);
    }
  }
}
