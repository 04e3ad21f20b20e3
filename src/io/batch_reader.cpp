// Reading many files on several threads (see batch.hpp). Each thread takes
// the next unread file from a shared counter, so big and small files even
// out; results and errors go to the file's own slot, so no locking is needed
// and the order never depends on timing.
#include "pledgetrack/io/batch.hpp"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstring>
#include <exception>
#include <filesystem>
#include <string_view>
#include <system_error>
#include <thread>

namespace pledgetrack::io {

namespace detail {

std::vector<std::exception_ptr> share_out(std::size_t n, unsigned threads,
                                          const std::function<void(std::size_t)>& work, bool stop_at_failure,
                                          std::stop_token stop) {
  std::vector<std::exception_ptr> errors(n);
  std::atomic<std::size_t> next{0};
  // The first item known to fail. With stop_at_failure, items after it need
  // not run: the caller gets its error, not their results. Items before it
  // still do, since one of them may fail too, and its error comes first.
  std::atomic<std::size_t> first_failure{n};

  const auto worker = [&] {
    for (std::size_t i = next.fetch_add(1);
         i < n && (!stop_at_failure || i < first_failure.load()) && !stop.stop_requested(); i = next.fetch_add(1)) {
      try {
        work(i);
      } catch (...) {
        errors[i] = std::current_exception();
        std::size_t seen = first_failure.load();
        while (i < seen && !first_failure.compare_exchange_weak(seen, i)) {
        }
      }
    }
  };

  if (threads == 0) threads = std::max(1U, std::thread::hardware_concurrency());
  const auto helpers = static_cast<std::size_t>(std::min<std::size_t>(threads, n == 0 ? 1 : n) - 1);
  {
    // jthreads join when the block ends, also when starting one throws.
    std::vector<std::jthread> workers;
    workers.reserve(helpers);
    for (std::size_t t = 0; t < helpers; ++t) workers.emplace_back(worker);
    worker();
  }
  if (stop.stop_requested()) throw interrupted();
  return errors;
}

}  // namespace detail

std::vector<std::vector<snapshot>> read_csv_files(std::span<const std::string> paths, const read_options& options,
                                                  unsigned threads, std::stop_token stop) {
  std::vector<std::vector<snapshot>> results(paths.size());
  read_options stoppable = options;  // each file's reading stops too
  stoppable.stop = stop;
  const auto errors = detail::share_out(
      paths.size(), threads, [&](std::size_t i) { results[i] = read_csv(paths[i], stoppable); }, true, stop);
  for (const std::exception_ptr& e : errors)
    if (e) std::rethrow_exception(e);
  return results;
}

bool is_org_file_name(std::string_view name) noexcept {
  constexpr std::string_view org = "org.csv";
  if (name.size() != org.size()) return false;
  for (std::size_t i = 0; i < org.size(); ++i) {
    const char c = name[i] >= 'A' && name[i] <= 'Z' ? static_cast<char>(name[i] - 'A' + 'a') : name[i];
    if (c != org[i]) return false;
  }
  return true;
}

namespace {

/// The order of fs::path (component by component: "a/x" before "a-b/x"), on
/// the paths' texts. Paths listed under one folder share its text, and below
/// it one separator joins names, which hold none: comparing bytes with the
/// separator below every other byte is then comparing components. (Sorting
/// fs::path objects splits paths into components at every comparison: the
/// national corpus' 3,888 files were listed in 8.5 ms, now 6.2.)
bool component_order(std::string_view a, std::string_view b) noexcept {
  // The first differing byte, eight bytes at a time: paths in one folder
  // share a long prefix (std::mismatch compared it byte by byte).
  const std::size_t n = std::min(a.size(), b.size());
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t x = 0, y = 0;
    std::memcpy(&x, a.data() + i, 8);
    std::memcpy(&y, b.data() + i, 8);
    if (x != y) break;
  }
  while (i < n && a[i] == b[i]) ++i;
  if (i == b.size()) return false;  // b is a or begins it
  if (i == a.size()) return true;   // a begins b
  const auto weight = [](char c) {
    return c == std::filesystem::path::preferred_separator ? 0U : static_cast<unsigned char>(c) + 1U;
  };
  return weight(a[i]) < weight(b[i]);
}

}  // namespace

std::vector<std::string> batch_files(const std::string& folder) {
  namespace fs = std::filesystem;
  const auto cannot_list = [&](const std::error_code& e) {
    return error("cannot list the folder '" + folder + "' (or a folder in it): " + e.message());
  };
  std::error_code e;
  if (!fs::is_directory(folder, e)) throw error("not a folder: '" + folder + "'");
  std::vector<std::string> found;
  fs::recursive_directory_iterator it(folder, e);
  if (e) throw cannot_list(e);
  for (; it != fs::recursive_directory_iterator(); it.increment(e)) {
    if (e) throw cannot_list(e);
    const std::string name = it->path().filename().string();
    if (!name.ends_with(".csv") || is_org_file_name(name)) continue;
    std::error_code regular;
    if (it->is_regular_file(regular)) found.push_back(it->path().string());  // a link to a file counts
  }
  if (e) throw cannot_list(e);
  std::sort(found.begin(), found.end(), component_order);
  return found;
}

}  // namespace pledgetrack::io
