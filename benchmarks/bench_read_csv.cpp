// Throughput of the whole reader (decode, tokenize, parse ids, statuses and
// dates, build snapshots) on UTF-8 input: the bundled example's rows repeated
// with fresh ids until the table is about 100 MB, one snapshot per 10,000 rows
// (as a researcher's batch of many districts would be) or per ROWS rows.
// Prints MB/s, best of 5.
//
//     cmake --preset ci && cmake --build --preset ci --target bench_read_csv
//     build/ci/benchmarks/bench_read_csv [MB] [ROWS]
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "pledgetrack/io/csv.hpp"

namespace {

std::vector<std::string> example_rows() {
  std::ifstream in(PLEDGETRACK_SOURCE_DIR "/examples/data/gwangju-seogu/2024-03-31.csv", std::ios::binary);
  std::string line;
  std::vector<std::string> rows;
  std::getline(in, line);  // header
  while (std::getline(in, line)) rows.push_back(line);
  return rows;
}

}  // namespace

int main(int argc, char** argv) {
  const double target_mb = argc > 1 ? std::atof(argv[1]) : 100.0;
  const std::size_t per_snapshot = argc > 2 ? static_cast<std::size_t>(std::atoll(argv[2])) : 10000;
  if (target_mb <= 0 || per_snapshot == 0) {
    std::cerr << "usage: bench_read_csv [MB > 0] [ROWS per snapshot > 0]\n";
    return 2;
  }
  const auto rows = example_rows();
  std::string text =
      "district,term,as_of,id,field,pledge,project,department,bureau,status,progress,due,note,scope,adjustment\n";
  std::size_t n = 0;
  while (text.size() < target_mb * 1e6) {
    const std::string& row = rows[n % rows.size()];
    // district,term,as_of,id,...: give each block of 10,000 rows its own
    // district and each row a fresh id (block-row).
    const auto after_id = row.find(',', row.find(',', row.find(',', row.find(',') + 1) + 1) + 1);
    text += "구" + std::to_string(n / per_snapshot) + ",민선8기,2024-03-31," + std::to_string(n / 100000 + 1) + "-" +
            std::to_string(n % 100000 + 1) + row.substr(after_id) + "\n";
    ++n;
  }
  const double mb = static_cast<double>(text.size()) / 1e6;
  std::cout << "table: " << n << " rows, " << mb << " MB, " << (n + per_snapshot - 1) / per_snapshot
            << " snapshots\n";

  double best = 1e9;
  double best_free = 1e9;
  std::size_t projects = 0;
  for (int run = 0; run < 5; ++run) {
    const auto start = std::chrono::steady_clock::now();
    auto snapshots = pledgetrack::io::read_csv_bytes(text, "bench.csv");
    const auto read = std::chrono::steady_clock::now();
    best = std::min(best, std::chrono::duration<double>(read - start).count());
    projects = 0;
    for (const auto& s : snapshots) projects += s.size();
    const auto free_start = std::chrono::steady_clock::now();
    snapshots = {};
    best_free = std::min(best_free, std::chrono::duration<double>(std::chrono::steady_clock::now() - free_start).count());
  }
  if (projects != n) {
    std::cerr << "read " << projects << " projects, expected " << n << "\n";
    return 1;
  }
  std::cout << "read_csv: " << mb / best << " MB/s (best of 5, " << best << " s); freeing the snapshots: "
            << best_free << " s\n";
  return 0;
}
