// Decoding of UTF-8 / CP949 / UTF-16 input to UTF-8 (see encoding.hpp): the
// public functions, UTF-16, and reading a file's bytes. UTF-8 validation is
// in utf8.cpp, CP949 in cp949.cpp, detection in encoding_detection.cpp.
#include "pledgetrack/io/encoding.hpp"

#include <sys/mman.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>

#include "encoding_internal.hpp"
#include "pledgetrack/error.hpp"
#include "pledgetrack/text/unicode.hpp"

namespace pledgetrack::io {

namespace internal {

// ---------------------------------------------------------------------------
// Small helpers for messages.

/// Bytes as Python and C write them: "\xC9\x22".
std::string hex_bytes(std::string_view bytes) {
  static constexpr char digits[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    out += "\\x";
    out += digits[b >> 4];
    out += digits[b & 0x0F];
  }
  return out;
}

/// Line and 1-based character column of the end of `decoded` (valid UTF-8
/// text: everything before the problem), i.e. where the next character sits.
source_location location_after(const std::string& file, std::string_view decoded) {
  const std::size_t line =
      1 + static_cast<std::size_t>(std::count(decoded.begin(), decoded.end(), '\n'));
  const std::size_t last_lf = decoded.rfind('\n');
  const std::string_view last_line =
      last_lf == std::string_view::npos ? decoded : decoded.substr(last_lf + 1);
  return source_location{file, line, text::count_code_points(last_line) + 1, {}, {}};
}

/// Line and 1-based byte column of byte `offset` in `bytes`.
source_location byte_location(const std::string& file, std::string_view bytes,
                              std::size_t offset) {
  const std::string_view before = bytes.substr(0, offset);
  const std::size_t line =
      1 + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
  const std::size_t last_lf = before.rfind('\n');
  const std::size_t column = last_lf == std::string_view::npos ? offset + 1 : offset - last_lf;
  return source_location{file, line, column, {}, {}};
}

bool starts_with_bytes(std::string_view s, std::string_view prefix) noexcept {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

/// Makes `s` able to hold `size` bytes without touching the memory. For big
/// buffers, asks Linux for transparent huge pages first: filling 100 MB of
/// fresh 4 KiB pages costs more page faults than the copy itself. Only advice:
/// where it is unsupported nothing changes.
void reserve_large(std::string& s, std::size_t size) {
  s.reserve(size);
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  constexpr std::size_t huge_page = std::size_t(2) << 20;
  if (size >= 4 * huge_page) {
    const auto begin = reinterpret_cast<std::uintptr_t>(s.data());
    const std::uintptr_t first = (begin + huge_page - 1) & ~(huge_page - 1);
    const std::uintptr_t last = (begin + s.capacity()) & ~(huge_page - 1);
    if (last > first)
      ::madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);  // NOLINT
  }
#endif
}

/// A copy of `bytes` (see reserve_large).
std::string copy_bytes(std::string_view bytes) {
  std::string out;
  reserve_large(out, bytes.size());
  out.append(bytes);
  return out;
}

// ---------------------------------------------------------------------------
// UTF-16.

std::string decode_utf16(std::string_view bytes, bool big_endian, const std::string& file) {
  std::size_t i = 0;
  if (starts_with_bytes(bytes, utf16le_bom)) {
    big_endian = false;
    i = 2;
  } else if (starts_with_bytes(bytes, utf16be_bom)) {
    big_endian = true;
    i = 2;
  }
  const std::size_t n = bytes.size();
  std::string out;
  out.reserve((n - i) / 2 * 3);
  auto unit_at = [&](std::size_t k) -> char32_t {
    const auto b0 = static_cast<unsigned char>(bytes[k]);
    const auto b1 = static_cast<unsigned char>(bytes[k + 1]);
    return big_endian ? char32_t((b0 << 8) | b1) : char32_t((b1 << 8) | b0);
  };
  while (i + 1 < n) {
    const char32_t u = unit_at(i);
    if (u == 0)
      throw parse_error(location_after(file, out), "NUL byte in text",
                        hex_bytes(bytes.substr(i, 2)));
    if (u >= 0xD800 && u <= 0xDBFF) {
      const char32_t low = i + 3 < n ? unit_at(i + 2) : 0;
      if (low < 0xDC00 || low > 0xDFFF)
        throw parse_error(location_after(file, out), "unpaired surrogate in UTF-16 text",
                          hex_bytes(bytes.substr(i, 2)));
      text::append_utf8(out, 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00));
      i += 4;
      continue;
    }
    if (u >= 0xDC00 && u <= 0xDFFF)
      throw parse_error(location_after(file, out), "unpaired surrogate in UTF-16 text",
                        hex_bytes(bytes.substr(i, 2)));
    text::append_utf8(out, u);
    i += 2;
  }
  if (i < n)
    throw parse_error(location_after(file, out), "odd number of bytes in UTF-16 text",
                      hex_bytes(bytes.substr(i)));
  return out;
}

}  // namespace internal

using namespace internal;

std::string_view encoding_name(encoding enc) noexcept {
  switch (enc) {
    case encoding::utf8: return "utf-8";
    case encoding::cp949: return "cp949";
    case encoding::utf16le: return "utf-16le";
    case encoding::utf16be: return "utf-16be";
  }
  return "utf-8";
}

std::optional<encoding> parse_encoding_name(std::string_view name) noexcept {
  char buf[16];
  std::size_t n = 0;
  for (const char c : name) {
    if (c == '-' || c == '_') continue;
    if (n == sizeof buf) return std::nullopt;
    buf[n++] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  const std::string_view key(buf, n);
  if (key == "utf8" || key == "utf8sig") return encoding::utf8;
  if (key == "cp949" || key == "euckr" || key == "uhc" || key == "ms949") return encoding::cp949;
  if (key == "utf16" || key == "utf16le") return encoding::utf16le;
  if (key == "utf16be") return encoding::utf16be;
  return std::nullopt;
}

encoding detect_encoding(std::string_view bytes, const std::string& file) {
  return detect_and_decode(bytes, file, nullptr);
}

std::string decode_to_utf8(std::string_view bytes, encoding enc, const std::string& file) {
  refuse_workbook(bytes, file);
  switch (enc) {
    case encoding::utf8:
      if (starts_with_bytes(bytes, utf8_bom)) bytes.remove_prefix(utf8_bom.size());
      try {
        return decode_utf8_text(bytes, file);
      } catch (const parse_error& e) {
        // A forced UTF-8 on a CP949 file (the usual export of Korean Excel):
        // say so, rather than only which bytes are wrong.
        if (e.problem() == "invalid UTF-8 bytes" && !decode_cp949(bytes).bad)
          throw parse_error(e.where(),
                            e.problem() + " (the file looks like CP949: leave out the encoding, "
                                          "--encoding or encoding=, and it is detected)",
                            e.text());
        throw;
      }
    case encoding::cp949:
      return finish_cp949(decode_cp949(bytes), bytes, file);
    case encoding::utf16le:
      return decode_utf16(bytes, false, file);
    case encoding::utf16be:
      return decode_utf16(bytes, true, file);
  }
  return decode_utf8_text(bytes, file);
}

std::string read_text(std::string_view bytes, std::optional<encoding> forced,
                      const std::string& file, encoding* used) {
  refuse_workbook(bytes, file);
  if (forced) {
    std::string out = decode_to_utf8(bytes, *forced, file);
    if (used) *used = *forced;
    return out;
  }
  std::string out;
  const encoding enc = detect_and_decode(bytes, file, &out);
  if (used) *used = enc;
  return out;
}

std::string read_file_bytes(const std::string& path, std::size_t max_bytes) {
  std::string data;
  read_file_bytes(path, max_bytes, data);
  return data;
}

void read_file_bytes(const std::string& path, std::size_t max_bytes, std::string& data) {
  auto fail = [&path](int err) {
    return error("cannot open file '" + path + "': " + std::strerror(err));
  };
  auto too_large = [&](std::string size) {
    return parse_error(source_location{path, 0, 0, {}, {}},
                       "file larger than the limit of " + std::to_string(max_bytes) + " bytes",
                       std::move(size));
  };
  // The system's calls, not stdio's: a batch opens thousands of small files,
  // and a FILE added a stat of its own, a read and a buffer to each (seven
  // calls a file instead of five: open, stat, two reads, close).
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw fail(errno);
  struct closer {
    int fd;
    ~closer() { ::close(fd); }
  } const close_at_end{fd};
  // Whole reads: a call may return fewer bytes than asked (a signal, a pipe);
  // 0 is the end.
  const auto read_some = [&](char* into, std::size_t n) -> std::size_t {
    for (;;) {
      const ::ssize_t got = ::read(fd, into, n);
      if (got >= 0) return static_cast<std::size_t>(got);
      if (errno != EINTR) throw fail(errno);
    }
  };
  struct stat st {};
  std::size_t expected = 0;  // size of a regular file; pipes and the like are read in chunks
  if (::fstat(fd, &st) == 0) {
    if (S_ISDIR(st.st_mode)) throw fail(EISDIR);
    if (S_ISREG(st.st_mode) && st.st_size > 0) expected = static_cast<std::size_t>(st.st_size);
  }
  if (expected > max_bytes) throw too_large(std::to_string(expected) + " bytes");
  // Room the buffer already has is used as it is: its bytes are overwritten,
  // not cleared first (a batch reads file after file into one buffer).
  if (data.capacity() < expected) {
    data.clear();
    reserve_large(data, expected);
  }
  data.resize(expected);
  std::size_t filled = 0;
  while (filled < expected) {
    const std::size_t got = read_some(data.data() + filled, expected - filled);
    if (got == 0) break;  // the file shrank since fstat
    filled += got;
  }
  data.resize(filled);
  // Whatever is left: all of a pipe, or what a file gained since fstat.
  if (filled == expected) {
    char chunk[1 << 14];
    for (;;) {
      const std::size_t got = read_some(chunk, sizeof chunk);
      if (got == 0) break;
      if (got > max_bytes - data.size()) throw too_large("more than " + std::to_string(max_bytes) + " bytes");
      data.append(chunk, got);
    }
  }
}

}  // namespace pledgetrack::io