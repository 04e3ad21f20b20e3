// The researcher's batch: thousands of small files, each one district's
// check as governments publish it (the bundled example: 49 rows, ~12 KB),
// read one after the other on one core. Per-file costs (opening, detecting
// the encoding and delimiter, the header, the first allocations) weigh here,
// where the big-table benchmark hides them.
//
//     cmake --preset ci && cmake --build --preset ci --target bench_read_many
//     build/ci/benchmarks/bench_read_many [FILES] [THREADS]   (default 5000, 1)
//
// Prints MB/s and files/s, best of 5 (and MB per CPU second, the least of
// 5: steadier on a shared machine), for three ways in:
// - read_csv_bytes on files already in memory;
// - the same for the rows saved as CP949 (tests/data/variants), as most
//   government exports are; MB/s counts the CP949 bytes;
// - read_csv on files in a temporary folder (warm page cache), the way a
//   batch over a folder of downloads runs.
// With THREADS > 1 the files are shared out among that many threads, each
// reading its own files: the reader shares no state between calls.
#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

#include "pledgetrack/io/csv.hpp"

namespace {

namespace fs = std::filesystem;

std::string slurp(const char* path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// Calls read(i) for every i < n, shared out among `threads` threads (each
/// takes every threads-th file), and returns the sum of what the calls return.
template <class F>
std::size_t for_each_file(std::size_t n, unsigned threads, F&& read) {
  std::vector<std::size_t> sums(threads, 0);
  std::vector<std::thread> workers;
  for (unsigned t = 1; t < threads; ++t)
    workers.emplace_back([&, t] {
      for (std::size_t i = t; i < n; i += threads) sums[t] += read(i);
    });
  for (std::size_t i = 0; i < n; i += threads) sums[0] += read(i);
  for (std::thread& w : workers) w.join();
  std::size_t total = 0;
  for (const std::size_t s : sums) total += s;
  return total;
}

/// Best of 5 runs of `read_all`, in seconds.
/// CPU time of the whole process (all threads): on a machine shared with
/// other work, MB per CPU second is steadier than MB per second of wall time.
double cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

template <class F>
double best_of_5(F&& read_all, double& least_cpu) {
  double best = 1e9;
  least_cpu = 1e9;
  for (int run = 0; run < 5; ++run) {
    const auto start = std::chrono::steady_clock::now();
    const double cpu_start = cpu_seconds();
    read_all();
    least_cpu = std::min(least_cpu, cpu_seconds() - cpu_start);
    best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  return best;
}

/// Times read_one(i) over the n files (best of 5), checks that every file
/// gave the example's 49 projects, and prints MB/s and files/s. False when
/// the count is wrong.
template <class F>
bool measure(const char* what, std::size_t n, unsigned threads, std::size_t file_bytes, F&& read_one) {
  std::size_t projects = 0;
  double cpu = 0;
  const double seconds = best_of_5([&] { projects = for_each_file(n, threads, read_one); }, cpu);
  if (projects != 49 * n) {
    std::cerr << what << ": read " << projects << " projects, expected " << 49 * n << "\n";
    return false;
  }
  const double bytes = static_cast<double>(file_bytes) * static_cast<double>(n);
  std::cout << what << ": " << bytes / 1e6 / seconds << " MB/s, " << static_cast<double>(n) / seconds
            << " files/s (best of 5, " << seconds << " s); " << bytes / 1e6 / cpu << " MB per CPU second\n";
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  const long files = argc > 1 ? std::atol(argv[1]) : 5000;
  const long thread_count = argc > 2 ? std::atol(argv[2]) : 1;
  if (files <= 0 || thread_count <= 0 || thread_count > 256) {
    std::cerr << "usage: bench_read_many [FILES > 0] [THREADS 1..256]\n";
    return 2;
  }
  const auto threads = static_cast<unsigned>(thread_count);
  const std::string example = slurp(PLEDGETRACK_SOURCE_DIR "/examples/data/gwangju-seogu/2024-03-31.csv");
  // The same 49 rows as a government would export them: CP949, Korean headers.
  const std::string cp949 = slurp(PLEDGETRACK_SOURCE_DIR "/tests/data/variants/cp949-korean-headers.csv");
  if (example.empty() || cp949.empty()) {
    std::cerr << "cannot read the bundled example or its CP949 copy\n";
    return 1;
  }
  const auto n = static_cast<std::size_t>(files);
  std::cout << "batch: " << n << " files of " << example.size() << " bytes, "
            << static_cast<double>(example.size() * n) / 1e6 << " MB, "
            << threads << (threads == 1 ? " thread\n" : " threads\n");

  // Every file is its own copy, as files read from disk would be.
  const std::vector<std::string> in_memory(n, example);
  const std::vector<std::string> cp949_files(n, cp949);
  bool ok = measure("read_csv_bytes, in memory", n, threads, example.size(), [&](std::size_t i) {
    return pledgetrack::io::read_csv_bytes(in_memory[i], "district.csv").front().size();
  });
  ok = ok && measure("read_csv_bytes, the same rows as CP949, in memory", n, threads, cp949.size(),
                     [&](std::size_t i) {
                       return pledgetrack::io::read_csv_bytes(cp949_files[i], "district.csv").front().size();
                     });

  const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
  const fs::path folder = fs::temp_directory_path() / ("pledgetrack-bench-" + std::to_string(stamp));
  fs::create_directories(folder);
  std::vector<std::string> paths;
  paths.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    paths.push_back((folder / (std::to_string(i) + ".csv")).string());
    std::ofstream(paths.back(), std::ios::binary) << example;
  }
  ok = ok && measure("read_csv, files in a folder", n, threads, example.size(),
                     [&](std::size_t i) { return pledgetrack::io::read_csv(paths[i]).front().size(); });
  fs::remove_all(folder);
  return ok ? 0 : 1;
}

