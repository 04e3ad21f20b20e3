// What the encoding files share (src/io only, not installed): helpers for
// messages, the byte-order marks, UTF-8 sequences, and each encoding's
// decoder for the others to call. encoding.cpp holds the public functions
// and UTF-16; utf8.cpp validates UTF-8; cp949.cpp decodes CP949;
// encoding_detection.cpp tells them apart.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "pledgetrack/error.hpp"
#include "pledgetrack/io/encoding.hpp"

namespace pledgetrack::io::internal {

// ---------------------------------------------------------------------------
// Helpers for messages and buffers (encoding.cpp).

/// Bytes as Python and C write them: "\xC9\x22".
std::string hex_bytes(std::string_view bytes);
/// Line and 1-based character column of the end of `decoded` (valid UTF-8
/// text: everything before the problem), i.e. where the next character sits.
source_location location_after(const std::string& file, std::string_view decoded);
/// Line and 1-based byte column of byte `offset` in `bytes`.
source_location byte_location(const std::string& file, std::string_view bytes, std::size_t offset);
bool starts_with_bytes(std::string_view s, std::string_view prefix) noexcept;
/// Makes `s` able to hold `size` bytes without touching the memory (huge
/// pages asked for big buffers).
void reserve_large(std::string& s, std::size_t size);
/// A copy of `bytes` (see reserve_large).
std::string copy_bytes(std::string_view bytes);

inline constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";
inline constexpr std::string_view utf16le_bom = "\xFF\xFE";
inline constexpr std::string_view utf16be_bom = "\xFE\xFF";

// ---------------------------------------------------------------------------
// UTF-8 sequences (inline: the validators' inner loops).

constexpr std::uint64_t high_bits = 0x8080808080808080ULL;
constexpr std::uint64_t low_bits = 0x0101010101010101ULL;

/// True when the 8 bytes of `w` are all ASCII and none is NUL.
inline bool ascii_without_nul(std::uint64_t w) noexcept {
  return ((w | ((w - low_bits) & ~w)) & high_bits) == 0;
}

/// Length of a well-formed sequence at `p` (1..4), 0 when ill-formed or NUL.
/// Also reports in `shown` how many bytes to show in an error message: up to
/// and including the first byte that breaks the sequence.
inline std::size_t utf8_sequence(const unsigned char* p, const unsigned char* end,
                                 std::size_t& shown) noexcept {
  const unsigned c = p[0];
  shown = 1;
  if (c < 0x80) return c == 0 ? 0 : 1;
  std::size_t need = 0;
  unsigned lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (c >= 0xC2 && c <= 0xDF) need = 2;
  else if (c >= 0xE0 && c <= 0xEF) {
    need = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    need = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  for (std::size_t j = 1; j < need; ++j) {
    if (p + j >= end) return 0;
    const unsigned b = p[j];
    shown = j + 1;
    if (j == 1 ? (b < lo || b > hi) : ((b & 0xC0) != 0x80)) return 0;
  }
  return need;
}

// ---------------------------------------------------------------------------
// UTF-8 (utf8.cpp).

struct utf8_problem {
  std::size_t offset;
  std::size_t length;  ///< bytes to show
  bool nul;
};

/// The first ill-formed sequence (or, when `stop_at_nul`, the first NUL).
std::optional<utf8_problem> find_utf8_problem(std::string_view s, bool stop_at_nul) noexcept;
/// Throws the parse_error for `p` in `text`: where, and the bytes.
[[noreturn]] void throw_utf8_problem(std::string_view text, const utf8_problem& p, const std::string& file);
/// UTF-8 input without its BOM, validated; a copy of it.
std::string decode_utf8_text(std::string_view text, const std::string& file);

// ---------------------------------------------------------------------------
// CP949 (cp949.cpp).

struct cp949_result {
  std::string text;                 ///< decoded text (up to the problem, if any)
  std::optional<std::size_t> bad;   ///< source offset of the first invalid bytes
  std::size_t bad_length = 0;       ///< bytes to show
};

/// Decodes as far as the bytes are CP949.
cp949_result decode_cp949(std::string_view in);
/// Checks a CP949 decoding result; returns the text.
std::string finish_cp949(cp949_result&& r, std::string_view bytes, const std::string& file);

// ---------------------------------------------------------------------------
// UTF-16 (encoding.cpp) and detection (encoding_detection.cpp).

std::string decode_utf16(std::string_view bytes, bool big_endian, const std::string& file);
/// A spreadsheet workbook given where a text table is read: named by its
/// signature, never decoded into "invalid bytes" messages.
void refuse_workbook(std::string_view bytes, const std::string& file);
/// Detection, decoding too when `out` is not null.
encoding detect_and_decode(std::string_view bytes, const std::string& file, std::string* out);

}  // namespace pledgetrack::io::internal
