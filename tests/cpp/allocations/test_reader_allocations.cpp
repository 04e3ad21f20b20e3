// The reader allocates for what the projects keep, never per field: reading
// 49 more rows costs exactly one allocation per kept text cell too long for
// std::string's inline buffer, and nothing else. Its own test program,
// because it counts every operator new of the process.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <atomic>
#include <cstddef>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <new>
#include <string>
#include <vector>

#include "pledgetrack/io/csv.hpp"

namespace {
std::atomic<std::size_t> allocations{0};
}

void* operator new(std::size_t size) {
  allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

namespace {

using namespace pledgetrack;

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// The file followed by its own rows again, each id given a "9-" in front
/// (1-1-1 → 9-1-1-1) so that the copies are new projects of the same
/// snapshot. The id follows the as_of date in both files used here.
std::string doubled(const std::string& file) {
  const std::size_t body = file.find('\n') + 1;
  std::string rows = file.substr(body);
  const std::string date = ",2024-03-31,";
  std::size_t replaced = 0;
  for (std::size_t at = rows.find(date); at != std::string::npos; at = rows.find(date, at + date.size() + 2)) {
    rows.insert(at + date.size(), "9-");
    ++replaced;
  }
  REQUIRE(replaced == 49);
  if (file.back() != '\n') return file + "\n" + rows;
  return file + rows;
}

struct counted {
  std::vector<snapshot> snapshots;
  std::size_t allocations;
};

counted read_counting(const std::string& bytes) {
  const std::size_t before = allocations.load();
  auto snapshots = io::read_csv_bytes(bytes, "counted.csv");
  return {std::move(snapshots), allocations.load() - before};
}

/// Text cells that need heap storage: longer than an empty string's capacity.
std::size_t long_cells(const project& p) {
  const std::size_t inline_capacity = std::string().capacity();
  std::size_t n = 0;
  for (const std::string* s : {&p.field, &p.pledge, &p.title, &p.department, &p.bureau, &p.raw_status, &p.note,
                               &p.adjustment})
    n += s->size() > inline_capacity;
  for (const auto& [name, value] : p.extra) n += value.size() > inline_capacity;
  return n;
}

void check_marginal_allocations(const std::string& file) {
  (void)io::read_csv_bytes(file, "warm-up.csv");  // the reader's tables made once per process
  const counted once = read_counting(file);
  const counted twice = read_counting(doubled(file));
  REQUIRE(once.snapshots.size() == 1);
  REQUIRE(twice.snapshots.size() == 1);
  REQUIRE(once.snapshots[0].size() == 49);
  REQUIRE(twice.snapshots[0].size() == 98);
  std::size_t kept = 0;
  for (std::size_t i = 49; i < 98; ++i) kept += long_cells(twice.snapshots[0].projects()[i]);
  // The example's titles and most pledge names are long Korean text.
  CHECK(kept >= 49);
  CHECK(twice.allocations - once.allocations == kept);
}

}  // namespace

TEST_CASE("UTF-8: 49 more rows cost one allocation per long text cell kept, nothing per field") {
  check_marginal_allocations(slurp(PLEDGETRACK_SOURCE_DIR "/examples/data/gwangju-seogu/2024-03-31.csv"));
}

TEST_CASE("CP949: decoding adds one buffer per file, nothing per row") {
  check_marginal_allocations(slurp(PLEDGETRACK_SOURCE_DIR "/tests/data/variants/cp949-korean-headers.csv"));
}
