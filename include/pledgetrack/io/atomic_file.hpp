// Writing a file atomically: every file pledgetrack writes (CSV, reports,
// batch tables, from C++ and from Python) goes through this one function, so
// that a full disk, a read-only folder, an interrupted run or a second process
// writing the same file never leaves half a file in place of the old one.
#pragma once

#include <string>
#include <string_view>

namespace pledgetrack::io {

/// Writes `bytes` to `path`: into a uniquely named temporary file in the
/// target's folder (created with O_EXCL, so two writers never share one),
/// synced, then renamed over the target. The target ends up either as it was
/// or as `bytes`, never in between; of two writers at once, one wins whole.
/// A new file gets the mode the umask gives; an existing one keeps its mode.
/// On failure the temporary file is removed and `write_error` names `path`
/// and the system's reason.
///
///     io::write_file_atomically("out/2024Q1.csv", text);
///     // write_error: cannot write 'out/2024Q1.csv': no space left on device
void write_file_atomically(const std::string& path, std::string_view bytes);

}  // namespace pledgetrack::io
