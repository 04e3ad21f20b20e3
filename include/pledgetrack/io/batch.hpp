// Reading many pledge files at once: a researcher's batch of districts and
// quarters. The files are shared out among threads, and the result is what
// reading them one after the other gives (the same order, the same error),
// whatever the number of threads.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "pledgetrack/io/csv.hpp"

namespace pledgetrack::io {

/// The snapshots of every file, in the order of `paths`: element i is
/// read_csv(paths[i], options). `threads` 0 means one per core
/// (std::thread::hardware_concurrency); 1 reads on the calling thread only.
///
/// When files fail, the error of the first failing file in `paths` order is
/// thrown, exactly as read_csv throws it: the same error for any `threads`.
/// Files after it may be left unread.
///
///     std::vector<std::string> paths = {"seogu/2024-03-31.csv", "bukgu/2024-03-31.csv"};
///     auto per_file = io::read_csv_files(paths);   // per_file[1]: 북구's snapshots
[[nodiscard]] std::vector<std::vector<snapshot>> read_csv_files(std::span<const std::string> paths,
                                                                const read_options& options = {},
                                                                unsigned threads = 0);

}  // namespace pledgetrack::io
