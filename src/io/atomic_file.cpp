// The one atomic file writer (see atomic_file.hpp). POSIX: open(O_EXCL) for a
// temporary name nobody else holds, write, fsync, rename, fsync the folder.
#include "pledgetrack/io/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <random>
#include <system_error>

#include "pledgetrack/error.hpp"

namespace pledgetrack::io {
namespace {

std::error_code last_error() { return {errno, std::system_category()}; }

/// ".2024Q1.csv.<pid>.<n>.<random>.tmp": hidden, beside the target, and
/// different for every call in every process.
std::filesystem::path temporary_name(const std::filesystem::path& target) {
  static std::atomic<unsigned long> counter{0};
  thread_local std::mt19937_64 random{std::random_device{}()};
  // Appended piece by piece: GCC 12 warns (-Wrestrict, wrongly) on "." + std::string.
  std::string name(1, '.');
  name += target.filename().string();
  for (const auto part : {static_cast<unsigned long long>(::getpid()), static_cast<unsigned long long>(counter++),
                          static_cast<unsigned long long>(random() % 1000000007)}) {
    name += '.';
    name += std::to_string(part);
  }
  name += ".tmp";
  return target.parent_path() / name;
}

/// Writes all of `bytes`, retrying short writes and EINTR.
bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

void sync_folder(const std::filesystem::path& folder) {
  // The rename is durable once the folder is synced; a failure here changes nothing already done.
  const int fd = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  (void)::fsync(fd);
  (void)::close(fd);
}

}  // namespace

void write_file_atomically(const std::string& path, std::string_view bytes) {
  const std::filesystem::path target(path);
  std::filesystem::path temporary;
  int fd = -1;
  // O_EXCL: a name that exists (another writer's) is never reused; try another.
  for (int attempt = 0; fd < 0; ++attempt) {
    temporary = temporary_name(target);
    fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);  // the umask applies
    if (fd < 0 && (errno != EEXIST || attempt == 100)) throw write_error(path, last_error());
  }
  const auto fail = [&](std::error_code code) {
    if (fd >= 0) (void)::close(fd);
    (void)::unlink(temporary.c_str());
    throw write_error(path, code);
  };
  struct stat existing {};
  if (::stat(target.c_str(), &existing) == 0 && ::fchmod(fd, existing.st_mode & 07777) != 0) fail(last_error());
  if (!write_all(fd, bytes) || ::fsync(fd) != 0) fail(last_error());
  const int closed = ::close(fd);
  fd = -1;
  if (closed != 0) fail(last_error());
  if (std::rename(temporary.c_str(), target.c_str()) != 0) fail(last_error());
  sync_folder(target.parent_path());
}

}  // namespace pledgetrack::io
