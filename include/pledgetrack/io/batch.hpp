// Reading many pledge files at once: a researcher's batch of districts and
// quarters. The files are shared out among threads, and the result is what
// reading them one after the other gives (the same order, the same error),
// whatever the number of threads.
#pragma once

#include <cstddef>
#include <exception>
#include <functional>
#include <span>
#include <stdexcept>
#include <stop_token>
#include <string>
#include <string_view>
#include <vector>

#include "pledgetrack/io/csv.hpp"
#include "pledgetrack/io/interrupted.hpp"

namespace pledgetrack::io {

namespace detail {

/// Runs `work(i)` for every i in [0, n) on up to `threads` threads (0: one per
/// core; 1: the calling thread only). Each thread takes the next i from a
/// shared counter, so big and small items even out. Returns what each item
/// threw (empty where it succeeded), by position, so the outcome never
/// depends on timing. With `stop_at_failure`, items after the first failing
/// one may be skipped (items before it still run: one of them may fail too).
/// Once `stop` is requested no thread takes another item (the ones running
/// finish), and `interrupted` is thrown when all have returned.
/// Both io::read_csv_files and batch::evaluate_files share out their files so.
std::vector<std::exception_ptr> share_out(std::size_t n, unsigned threads,
                                          const std::function<void(std::size_t)>& work, bool stop_at_failure,
                                          std::stop_token stop = {});

}  // namespace detail

/// The snapshots of every file, in the order of `paths`: element i is
/// read_csv(paths[i], options). `threads` 0 means one per core
/// (std::thread::hardware_concurrency); 1 reads on the calling thread only.
///
/// When files fail, the error of the first failing file in `paths` order is
/// thrown, exactly as read_csv throws it: the same error for any `threads`.
/// Files after it may be left unread. A request on `stop` ends the reading
/// after the files being read, with `interrupted`.
///
///     std::vector<std::string> paths = {"seogu/2024-03-31.csv", "bukgu/2024-03-31.csv"};
///     auto per_file = io::read_csv_files(paths);   // per_file[1]: 북구's snapshots
[[nodiscard]] std::vector<std::vector<snapshot>> read_csv_files(std::span<const std::string> paths,
                                                                const read_options& options = {},
                                                                unsigned threads = 0,
                                                                std::stop_token stop = {});

/// Whether a file of this name is an org file (org.csv, in any case), which
/// a batch reads as the org of the files beside it, not as pledges.
[[nodiscard]] bool is_org_file_name(std::string_view name) noexcept;

/// The pledge files of a folder, as a batch takes one: every file named
/// *.csv at any depth (the name's case as written: x.CSV is not one) but the
/// orgs (org.csv, in any case), sorted by path component by component (as
/// Python sorts paths). Links to files count; links to folders are not
/// followed. An error names the folder when it, or a folder in it,
/// cannot be listed: nothing is left out silently.
///
///     io::batch_files("data")   // {"data/bukgu/2024-03-31.csv", "data/seogu/2023-12-31.csv", …}
[[nodiscard]] std::vector<std::string> batch_files(const std::string& folder);

}  // namespace pledgetrack::io
