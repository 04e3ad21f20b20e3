// The one atomic writer: the target is the old file or the new one, never a
// mix; failures name the target (not the temporary file) and the reason.
// Full disks and read-only folders are made for real in
// tests/python/test_faults.py (they need a tmpfs mount).
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

#include "pledgetrack/error.hpp"
#include "pledgetrack/io/atomic_file.hpp"

using namespace pledgetrack;
namespace fs = std::filesystem;

namespace {

fs::path fresh_folder(const std::string& name) {
  const fs::path folder = fs::path(PLEDGETRACK_BINARY_DIR) / "atomic" / name;
  fs::remove_all(folder);
  fs::create_directories(folder);
  return folder;
}

std::string contents(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

std::vector<std::string> names_in(const fs::path& folder) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(folder)) names.push_back(entry.path().filename().string());
  return names;
}

}  // namespace

TEST_SUITE("atomic file") {
  TEST_CASE("writes a new file and replaces an old one, leaving nothing else") {
    const fs::path folder = fresh_folder("replace");
    const std::string target = (folder / "r.csv").string();
    io::write_file_atomically(target, "first\n");
    CHECK(contents(target) == "first\n");
    fs::permissions(target, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
    io::write_file_atomically(target, "second\n");
    CHECK(contents(target) == "second\n");
    // An existing file keeps its mode (0640 here), not mkstemp's 0600.
    CHECK((fs::status(target).permissions() & fs::perms::mask) ==
          (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read));
    CHECK(names_in(folder) == std::vector<std::string>{"r.csv"});
  }

  TEST_CASE("a failure names the target and the reason, and leaves the old state") {
    const fs::path folder = fresh_folder("failures");
    SUBCASE("no such folder") {
      const std::string target = (folder / "no" / "r.csv").string();
      CHECK_THROWS_WITH_AS(io::write_file_atomically(target, "x"),
                           ("cannot write '" + target + "': no such file or directory").c_str(), write_error);
    }
    SUBCASE("the target is a folder: the rename fails, the temporary file goes") {
      const fs::path target = folder / "r.csv";
      fs::create_directory(target);
      try {
        io::write_file_atomically(target.string(), "x");
        FAIL("no error");
      } catch (const write_error& e) {
        CHECK(std::string(e.what()) == "cannot write '" + target.string() + "': is a directory");
        CHECK(e.path() == target.string());
        CHECK(e.code() == std::errc::is_a_directory);
      }
      CHECK(fs::is_directory(target));
      CHECK(names_in(folder) == std::vector<std::string>{"r.csv"});
    }
  }

  TEST_CASE("two threads writing one target: the result is one of them, whole") {
    const fs::path folder = fresh_folder("race");
    const std::string target = (folder / "r.csv").string();
    const std::string a(200000, 'a'), b(300000, 'b');
    {
      std::jthread one([&] { for (int i = 0; i < 20; ++i) io::write_file_atomically(target, a); });
      std::jthread two([&] { for (int i = 0; i < 20; ++i) io::write_file_atomically(target, b); });
    }
    const std::string result = contents(target);
    CHECK((result == a || result == b));
    CHECK(names_in(folder) == std::vector<std::string>{"r.csv"});
  }
}
