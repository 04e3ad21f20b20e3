// The C++ side of benchmarks/engines.py: batch::evaluate_files over a corpus,
// with the KMC rate per snapshot and per (snapshot, field), from C++ alone
// (no Python start-up). Prints the wall time of the call and writes the
// figures for engines.py to check against the other engines, after a first
// line with the time the work ended (seconds since the epoch, as Python's
// time.time()): engines.py stops every engine's clock there, before it
// writes its figures.
//
//     bench_evaluate THREADS OUT.tsv PATH...   (PATH: a file, or a directory searched for *.csv but org.csv)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <string>
#include <vector>

#include "pledgetrack/batch/evaluate.hpp"
#include "pledgetrack/io/batch.hpp"

namespace fs = std::filesystem;
using namespace pledgetrack;

int main(int argc, char** argv) {
  if (argc < 4) {
    std::cerr << "usage: bench_evaluate THREADS OUT.tsv PATH...\n";
    return 2;
  }
  const auto start = std::chrono::steady_clock::now();
  std::vector<std::string> paths;
  for (int i = 3; i < argc; ++i) {
    const fs::path p(argv[i]);
    if (!fs::is_directory(p)) {
      paths.push_back(p.string());
      continue;
    }
    for (std::string& file : io::batch_files(p.string())) paths.push_back(std::move(file));
  }
  batch::evaluate_options options;
  options.by = {dimension::field};
  options.threads = static_cast<unsigned>(std::stoul(argv[1]));
  const batch::evaluation e = batch::evaluate_files(paths, io::read_options{}, options);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double ended = std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();

  std::ofstream out(argv[2], std::ios::binary);
  out << std::fixed << std::setprecision(6) << ended << '\n' << std::defaultfloat;
  for (std::size_t i = 0; i < e.rows.size(); ++i) {
    const batch::evaluation_row& r = e.rows[i];
    const rate& kmc = e.rates(i)[0].rate;
    out << e.district_of(r) << '\t' << format_date(r.as_of) << '\t' << e.group_of(r) << '\t'
        << kmc.numerator().to_string() << '\t' << kmc.denominator() << '\n';
  }
  std::printf("%zu files, %zu rows, %zu problems, %.3f s\n", paths.size(), e.rows.size(), e.problems.size(), seconds);
  for (const auto& p : e.problems) std::cerr << p.message << '\n';
  return e.problems.empty() ? 0 : 1;
}
