// Decoding of UTF-8 / CP949 / UTF-16 input to UTF-8 (see encoding.hpp).
//
// UTF-8 is the hot path: a vectorised validator (Keiser & Lemire, "Validating
// UTF-8 in less than one instruction per byte", the lookup algorithm also used
// by simdjson) with a scalar fallback, then one copy. Only when that check
// fails does a slow scalar pass locate the first bad byte for the message.
// CP949 is decoded through a table built once from glibc iconv ("CP949",
// alias of "UHC").
#include "pledgetrack/io/encoding.hpp"

#include <iconv.h>
#include <sys/mman.h>
#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>

#include "pledgetrack/error.hpp"
#include "pledgetrack/text/unicode.hpp"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define PLEDGETRACK_HAVE_AVX2_PATH 1
#else
#define PLEDGETRACK_HAVE_AVX2_PATH 0
#endif

namespace pledgetrack::io {

namespace {

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

constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";
constexpr std::string_view utf16le_bom = "\xFF\xFE";
constexpr std::string_view utf16be_bom = "\xFE\xFF";

// ---------------------------------------------------------------------------
// UTF-8: scalar validator (fallback) and error locator.

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

bool scalar_valid(const unsigned char* p, std::size_t n) noexcept {
  const unsigned char* const end = p + n;
  while (p < end) {
    while (end - p >= 8) {
      std::uint64_t w;
      std::memcpy(&w, p, 8);
      if (!ascii_without_nul(w)) break;
      p += 8;
    }
    if (p == end) break;
    if (*p < 0x80) {
      if (*p == 0) return false;
      ++p;
      continue;
    }
    std::size_t shown;
    const std::size_t len = utf8_sequence(p, end, shown);
    if (len == 0) return false;
    p += len;
  }
  return true;
}

struct utf8_problem {
  std::size_t offset;
  std::size_t length;  ///< bytes to show
  bool nul;
};

/// The first ill-formed sequence (or, when `stop_at_nul`, the first NUL).
std::optional<utf8_problem> find_utf8_problem(std::string_view s, bool stop_at_nul) noexcept {
  const auto* const begin = reinterpret_cast<const unsigned char*>(s.data());
  const auto* const end = begin + s.size();
  const unsigned char* p = begin;
  while (p < end) {
    while (end - p >= 8) {
      std::uint64_t w;
      std::memcpy(&w, p, 8);
      if (!ascii_without_nul(w)) break;
      p += 8;
    }
    if (p == end) break;
    if (*p == 0) {
      if (stop_at_nul) return utf8_problem{static_cast<std::size_t>(p - begin), 1, true};
      ++p;
      continue;
    }
    std::size_t shown;
    const std::size_t len = utf8_sequence(p, end, shown);
    if (len == 0) return utf8_problem{static_cast<std::size_t>(p - begin), shown, false};
    p += len;
  }
  return std::nullopt;
}

// ---------------------------------------------------------------------------
// UTF-8: AVX2 validator.

#if PLEDGETRACK_HAVE_AVX2_PATH
#define PT_AVX2 __attribute__((target("avx2")))

PT_AVX2 inline __m256i table16(char a0, char a1, char a2, char a3, char a4, char a5, char a6,
                               char a7, char a8, char a9, char a10, char a11, char a12,
                               char a13, char a14, char a15) noexcept {
  return _mm256_setr_epi8(a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15,
                          a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15);
}

struct avx2_state {
  __m256i error;
  __m256i prev_input;
  __m256i prev_incomplete;
};

// Error classes, one bit each (see the paper / simdjson's lookup4).
constexpr char too_short = 1 << 0;   // lead or ASCII followed by lead or ASCII where a
                                     // continuation is due: 11______ 0_______ / 11______ 11______
constexpr char too_long = 1 << 1;    // 0_______ 10______
constexpr char overlong_3 = 1 << 2;  // 11100000 100_____
constexpr char too_large = 1 << 3;   // 11110100 1001____ and above
constexpr char surrogate = 1 << 4;   // 11101101 101_____
constexpr char overlong_2 = 1 << 5;  // 1100000_ 10______
constexpr char too_large_1000 = 1 << 6;  // 11110101 1000____ and above
constexpr char overlong_4 = 1 << 6;      // 11110000 1000____
constexpr char two_conts = static_cast<char>(1 << 7);  // 10______ 10______
constexpr char carry = too_short | too_long | two_conts;

PT_AVX2 inline __m256i high_nibbles(__m256i v) noexcept {
  return _mm256_and_si256(_mm256_srli_epi16(v, 4), _mm256_set1_epi8(0x0F));
}

/// The bytes of `input` shifted right by N, the gap filled with the last N
/// bytes of `prev`.
template <int N>
PT_AVX2 inline __m256i prev_bytes(__m256i input, __m256i prev) noexcept {
  return _mm256_alignr_epi8(input, _mm256_permute2x128_si256(prev, input, 0x21), 16 - N);
}

PT_AVX2 inline void avx2_step(avx2_state& st, __m256i input) noexcept {
  // NUL bytes are errors too.
  st.error = _mm256_or_si256(st.error, _mm256_cmpeq_epi8(input, _mm256_setzero_si256()));
  if (_mm256_movemask_epi8(input) == 0) {
    // All ASCII: only a sequence left open by the previous block can be wrong.
    st.error = _mm256_or_si256(st.error, st.prev_incomplete);
  } else {
    const __m256i prev1 = prev_bytes<1>(input, st.prev_input);
    const __m256i byte_1_high = _mm256_shuffle_epi8(
        table16(too_long, too_long, too_long, too_long, too_long, too_long, too_long, too_long,
                two_conts, two_conts, two_conts, two_conts, too_short | overlong_2, too_short,
                too_short | overlong_3 | surrogate,
                too_short | too_large | too_large_1000 | overlong_4),
        high_nibbles(prev1));
    const __m256i byte_1_low = _mm256_shuffle_epi8(
        table16(carry | overlong_3 | overlong_2 | overlong_4, carry | overlong_2, carry, carry,
                carry | too_large, carry | too_large | too_large_1000,
                carry | too_large | too_large_1000, carry | too_large | too_large_1000,
                carry | too_large | too_large_1000, carry | too_large | too_large_1000,
                carry | too_large | too_large_1000, carry | too_large | too_large_1000,
                carry | too_large | too_large_1000,
                carry | too_large | too_large_1000 | surrogate,
                carry | too_large | too_large_1000, carry | too_large | too_large_1000),
        _mm256_and_si256(prev1, _mm256_set1_epi8(0x0F)));
    const __m256i byte_2_high = _mm256_shuffle_epi8(
        table16(too_short, too_short, too_short, too_short, too_short, too_short, too_short,
                too_short,
                too_long | overlong_2 | two_conts | overlong_3 | too_large_1000 | overlong_4,
                too_long | overlong_2 | two_conts | overlong_3 | too_large,
                too_long | overlong_2 | two_conts | surrogate | too_large,
                too_long | overlong_2 | two_conts | surrogate | too_large, too_short, too_short,
                too_short, too_short),
        high_nibbles(input));
    const __m256i special =
        _mm256_and_si256(_mm256_and_si256(byte_1_high, byte_1_low), byte_2_high);
    // Third and fourth bytes of 3- and 4-byte sequences must be continuations.
    const __m256i prev2 = prev_bytes<2>(input, st.prev_input);
    const __m256i prev3 = prev_bytes<3>(input, st.prev_input);
    const __m256i is_third = _mm256_subs_epu8(prev2, _mm256_set1_epi8(char(0xE0 - 0x80)));
    const __m256i is_fourth = _mm256_subs_epu8(prev3, _mm256_set1_epi8(char(0xF0 - 0x80)));
    const __m256i must_be_continuation = _mm256_and_si256(
        _mm256_or_si256(is_third, is_fourth), _mm256_set1_epi8(static_cast<char>(0x80)));
    st.error = _mm256_or_si256(st.error, _mm256_xor_si256(must_be_continuation, special));
    // A lead byte in the last 3 positions that the block does not complete.
    const __m256i max_value = _mm256_setr_epi8(
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
        -1, -1, -1, -1, -1, -1, -1, char(0xF0 - 1), char(0xE0 - 1), char(0xC0 - 1));
    st.prev_incomplete = _mm256_subs_epu8(input, max_value);
  }
  st.prev_input = input;
}

PT_AVX2 bool avx2_valid(const unsigned char* p, std::size_t n) noexcept {
  avx2_state st{_mm256_setzero_si256(), _mm256_setzero_si256(), _mm256_setzero_si256()};
  std::size_t i = 0;
  for (; i + 64 <= n; i += 64) {
    avx2_step(st, _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i)));
    avx2_step(st, _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i + 32)));
    // Stop early on long invalid inputs (e.g. CP949 read as UTF-8).
    if ((i & 4095) == 0 && !_mm256_testz_si256(st.error, st.error)) return false;
  }
  for (; i + 32 <= n; i += 32)
    avx2_step(st, _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i)));
  if (i < n) {
    // Pad the tail with spaces: ASCII, not NUL, and it closes nothing.
    alignas(32) unsigned char tail[32];
    std::memset(tail, ' ', sizeof tail);
    std::memcpy(tail, p + i, n - i);
    avx2_step(st, _mm256_load_si256(reinterpret_cast<const __m256i*>(tail)));
  }
  st.error = _mm256_or_si256(st.error, st.prev_incomplete);
  return _mm256_testz_si256(st.error, st.error) != 0;
}

bool cpu_has_avx2() noexcept {
  static const bool has = __builtin_cpu_supports("avx2");
  return has;
}
#undef PT_AVX2
#endif

// ---------------------------------------------------------------------------
// CP949: a lookup table built once from iconv.

class iconv_converter {
 public:
  iconv_converter() {
    cd_ = iconv_open("UTF-8", "CP949");
    if (cd_ == reinterpret_cast<iconv_t>(-1)) cd_ = iconv_open("UTF-8", "UHC");
    if (cd_ == reinterpret_cast<iconv_t>(-1))
      throw error(std::string("CP949 decoding is not available (iconv_open): ") +
                  std::strerror(errno));
  }
  ~iconv_converter() { iconv_close(cd_); }
  iconv_converter(const iconv_converter&) = delete;
  iconv_converter& operator=(const iconv_converter&) = delete;
  [[nodiscard]] iconv_t get() const noexcept { return cd_; }

 private:
  iconv_t cd_;
};

/// Every two-byte CP949 character (lead 81..FE, trail 41..FE), as the BMP
/// code point glibc's iconv gives it, 0 where iconv refuses the pair.
/// glibc's mapping is the reference, as it was when every file went through
/// iconv; the table makes decoding a lookup per character instead (iconv ran
/// at about 150 MB/s). Built on first use, in about a millisecond.
class cp949_table {
 public:
  cp949_table() {
    iconv_converter conv;
    for (unsigned lead = first_lead; lead <= last_lead; ++lead)
      for (unsigned trail = first_trail; trail <= last_trail; ++trail) {
        char in[2] = {static_cast<char>(lead), static_cast<char>(trail)};
        char out[8];
        char* inp = in;
        char* outp = out;
        std::size_t in_left = 2;
        std::size_t out_left = sizeof out;
        iconv(conv.get(), nullptr, nullptr, nullptr, nullptr);  // a fresh state for each pair
        if (iconv(conv.get(), &inp, &in_left, &outp, &out_left) == static_cast<std::size_t>(-1) || in_left != 0)
          continue;
        const text::decoded d = text::decode_utf8({out, static_cast<std::size_t>(outp - out)});
        if (d.length == static_cast<std::size_t>(outp - out) && d.code_point >= 0x80 && d.code_point <= 0xFFFF)
          units_[index(lead, trail)] = static_cast<char16_t>(d.code_point);
      }
  }

  /// The character of a lead and a trail byte, or 0 when they are none.
  [[nodiscard]] char16_t at(unsigned char lead, unsigned char trail) const noexcept {
    if (lead < first_lead || lead > last_lead || trail < first_trail || trail > last_trail) return 0;
    return units_[index(lead, trail)];
  }

 private:
  static constexpr unsigned first_lead = 0x81, last_lead = 0xFE, first_trail = 0x41, last_trail = 0xFE;
  static constexpr std::size_t index(unsigned lead, unsigned trail) noexcept {
    return (lead - first_lead) * (last_trail - first_trail + 1) + (trail - first_trail);
  }
  std::array<char16_t, (last_lead - first_lead + 1) * (last_trail - first_trail + 1)> units_{};
};

const cp949_table& cp949() {
  static const cp949_table table;  // built once, thread-safe
  return table;
}

struct cp949_result {
  std::string text;                 ///< decoded text (up to the problem, if any)
  std::optional<std::size_t> bad;   ///< source offset of the first invalid bytes
  std::size_t bad_length = 0;       ///< bytes to show
};

cp949_result decode_cp949(std::string_view in) {
  const cp949_table& table = cp949();
  cp949_result result;
  std::string& out = result.text;
  // Two CP949 bytes give at most three UTF-8 bytes; ASCII stays one byte.
  // The buffer is sized for the worst case and written through a pointer:
  // text::append_utf8 (a += per byte) made the whole read 25% slower.
  reserve_large(out, in.size() + in.size() / 2 + 16);
  out.resize(in.size() + in.size() / 2 + 16);
  char* o = out.data();
  const auto* p = reinterpret_cast<const unsigned char*>(in.data());
  const std::size_t n = in.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned char b = p[i];
    if (b < 0x80) {
      *o++ = static_cast<char>(b);
      ++i;
      continue;
    }
    const char16_t u = i + 1 < n ? table.at(b, p[i + 1]) : 0;
    if (u == 0) {
      // As iconv reported it: the pair when a lead byte has a byte after it.
      result.bad = i;
      result.bad_length = (b >= 0x81 && b <= 0xFE && n - i >= 2) ? 2 : 1;
      break;
    }
    if (u < 0x800) {
      *o++ = static_cast<char>(0xC0 | (u >> 6));
    } else {
      *o++ = static_cast<char>(0xE0 | (u >> 12));
      *o++ = static_cast<char>(0x80 | ((u >> 6) & 0x3F));
    }
    *o++ = static_cast<char>(0x80 | (u & 0x3F));
    i += 2;
  }
  out.resize(static_cast<std::size_t>(o - out.data()));
  return result;
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

// ---------------------------------------------------------------------------
// Pieces of decode_to_utf8 / read_text.

[[noreturn]] void throw_utf8_problem(std::string_view text, const utf8_problem& p,
                                     const std::string& file) {
  const std::string decoded(text.substr(0, p.offset));
  throw parse_error(location_after(file, decoded),
                    p.nul ? "NUL byte in text" : "invalid UTF-8 bytes",
                    hex_bytes(text.substr(p.offset, p.length)));
}

/// UTF-8 input without its BOM, validated; a copy of it.
std::string decode_utf8_text(std::string_view text, const std::string& file) {
  if (detail::is_valid_utf8_without_nul(text)) return copy_bytes(text);
  if (const auto p = find_utf8_problem(text, true)) throw_utf8_problem(text, *p, file);
  return std::string(text);  // not reached: the two validators agree
}

/// Checks a CP949 decoding result; returns the text.
std::string finish_cp949(cp949_result&& r, std::string_view bytes, const std::string& file) {
  if (r.bad)
    throw parse_error(location_after(file, r.text), "invalid CP949 bytes",
                      hex_bytes(bytes.substr(*r.bad, r.bad_length)));
  const std::size_t nul = r.text.find('\0');
  if (nul != std::string::npos)
    throw parse_error(location_after(file, std::string_view(r.text).substr(0, nul)),
                      "NUL byte in text", hex_bytes(std::string_view("\0", 1)));
  return std::move(r.text);
}

/// True when the start of `bytes` looks like UTF-16 without a byte-order
/// mark: in half or more of the first (at least 4, up to 32) byte pairs
/// exactly one byte is NUL.
bool looks_like_utf16_without_bom(std::string_view bytes) noexcept {
  const std::size_t pairs = std::min<std::size_t>(bytes.size() / 2, 32);
  std::size_t one_nul = 0;
  for (std::size_t k = 0; k < pairs; ++k)
    one_nul += (bytes[2 * k] == '\0') != (bytes[2 * k + 1] == '\0') ? 1 : 0;
  return pairs >= 4 && one_nul * 2 >= pairs;
}

/// Hangul syllables (U+AC00-U+D7A3) in `s` read as UTF-8, up to the first
/// invalid sequence; `valid` tells whether there was none.
std::size_t utf8_hangul_syllables(std::string_view s, bool& valid) noexcept {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* const stop = p + s.size();
  std::size_t syllables = 0;
  valid = true;
  while (p < stop) {
    if (*p < 0x80) {
      ++p;
      continue;
    }
    std::size_t shown;
    const std::size_t len = utf8_sequence(p, stop, shown);
    if (len == 0) {
      valid = false;
      break;
    }
    if (len == 3) {
      const char32_t cp = (char32_t(p[0] & 0x0F) << 12) | (char32_t(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
      if (cp >= 0xAC00 && cp <= 0xD7A3) ++syllables;
    }
    p += len;
  }
  return syllables;
}

/// The first line (1-based) that is valid UTF-8 holding at least two Hangul
/// syllables, or 0. A CP949 file practically never has such a line: Korean
/// text in CP949 is not valid UTF-8.
std::size_t first_utf8_korean_line(std::string_view bytes) noexcept {
  std::size_t line = 1;
  std::size_t start = 0;
  while (start < bytes.size()) {
    std::size_t end = bytes.find('\n', start);
    if (end == std::string_view::npos) end = bytes.size();
    bool valid = true;
    if (utf8_hangul_syllables(bytes.substr(start, end - start), valid) >= 2 && valid) return line;
    start = end + 1;
    ++line;
  }
  return 0;
}

/// A spreadsheet workbook given where a text table is read: named by its
/// signature, never decoded into "invalid bytes" messages.
void refuse_workbook(std::string_view bytes, const std::string& file) {
  if (bytes.starts_with(std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)))
    throw parse_error(source_location{file, 0, 0, {}, {}},
                      "this is an Excel 97 workbook (.xls), not a CSV file: save it as .xlsx or CSV",
                      hex_bytes(bytes.substr(0, 8)));
  if (bytes.starts_with("PK\x03\x04"))
    throw parse_error(source_location{file, 0, 0, {}, {}},
                      "this is a zip archive, likely an Excel workbook (.xlsx), not a CSV file: read it with "
                      "pledgetrack.read_excel (the command line reads .xlsx itself), or save it as CSV",
                      hex_bytes(bytes.substr(0, 4)));
}

/// Detection, decoding too when `out` is not null.
encoding detect_and_decode(std::string_view bytes, const std::string& file, std::string* out) {
  if (starts_with_bytes(bytes, utf16le_bom) || starts_with_bytes(bytes, utf16be_bom)) {
    const bool be = starts_with_bytes(bytes, utf16be_bom);
    if (out) *out = decode_utf16(bytes, be, file);
    return be ? encoding::utf16be : encoding::utf16le;
  }
  if (starts_with_bytes(bytes, utf8_bom)) {
    if (out) *out = decode_utf8_text(bytes.substr(utf8_bom.size()), file);
    return encoding::utf8;
  }
  if (detail::is_valid_utf8_without_nul(bytes)) {
    if (out) *out = copy_bytes(bytes);
    return encoding::utf8;
  }
  if (looks_like_utf16_without_bom(bytes)) {
    const std::size_t nul = bytes.find('\0');
    throw parse_error(byte_location(file, bytes, nul),
                      "NUL bytes: UTF-16 text without a byte-order mark? (give the encoding "
                      "utf-16le or utf-16be)",
                      hex_bytes(bytes.substr(nul & ~std::size_t(1), 2)));
  }
  const auto bad_utf8 = find_utf8_problem(bytes, false);
  // Lines of UTF-8 Korean beside bytes that are not UTF-8: two files (or two
  // programs) written into one. Decoding it all as CP949 would turn the UTF-8
  // lines into plausible-looking nonsense.
  if (bad_utf8) {
    if (const std::size_t utf8_line = first_utf8_korean_line(bytes); utf8_line != 0) {
      // A UTF-8 file with a broken sequence (a truncated file, a bad copy),
      // not a CP949 line: UTF-8 Hangul on the bad line before the bad bytes,
      // or a bad line that is not CP949 either.
      const std::size_t line_start = bytes.rfind('\n', bad_utf8->offset) + 1;  // npos + 1 == 0
      std::size_t line_end = bytes.find('\n', bad_utf8->offset);
      if (line_end == std::string_view::npos) line_end = bytes.size();
      bool valid = true;
      if (utf8_hangul_syllables(bytes.substr(line_start, bad_utf8->offset - line_start), valid) > 0 ||
          decode_cp949(bytes.substr(line_start, line_end - line_start)).bad)
        throw_utf8_problem(bytes, *bad_utf8, file);
      throw parse_error(byte_location(file, bytes, bad_utf8->offset),
                        "mixed encodings: line " + std::to_string(utf8_line) +
                            " is UTF-8, this line is not (CP949?); save the file in one encoding",
                        hex_bytes(bytes.substr(bad_utf8->offset, bad_utf8->length)));
    }
  }
  if (!bad_utf8) {  // valid UTF-8 holding a NUL byte
    if (out) *out = decode_utf8_text(bytes, file);  // throws
    return encoding::utf8;
  }
  cp949_result r = decode_cp949(bytes);
  if (!r.bad) {
    if (out) *out = finish_cp949(std::move(r), bytes, file);
    return encoding::cp949;
  }
  // Invalid in both: show the later failure (the earlier one is where the
  // other encoding still held).
  std::size_t offset = bad_utf8->offset;
  std::size_t length = bad_utf8->length;
  if (*r.bad > offset) {
    offset = *r.bad;
    length = r.bad_length;
  }
  throw parse_error(byte_location(file, bytes, offset),
                    "bytes invalid in every supported encoding (UTF-8, CP949, UTF-16)",
                    hex_bytes(bytes.substr(offset, length)));
}

}  // namespace

// ---------------------------------------------------------------------------
// Public API.

namespace detail {

bool is_valid_utf8_without_nul_scalar(std::string_view bytes) noexcept {
  return scalar_valid(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
}

bool is_valid_utf8_without_nul(std::string_view bytes) noexcept {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
#if PLEDGETRACK_HAVE_AVX2_PATH
  if (bytes.size() >= 32 && cpu_has_avx2()) return avx2_valid(p, bytes.size());
#endif
  return scalar_valid(p, bytes.size());
}

}  // namespace detail

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
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f) throw fail(errno);
  struct stat st {};
  std::size_t expected = 0;  // size of a regular file; pipes and the like are read in chunks
  if (::fstat(::fileno(f.get()), &st) == 0) {
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
  errno = 0;
  const std::size_t filled = expected == 0 ? 0 : std::fread(data.data(), 1, expected, f.get());
  data.resize(filled);
  if (std::ferror(f.get())) throw fail(errno != 0 ? errno : EIO);
  // Whatever is left: all of a pipe, or what a file gained since fstat.
  if (filled == expected) {
    char chunk[1 << 14];
    for (;;) {
      errno = 0;
      const std::size_t got = std::fread(chunk, 1, sizeof chunk, f.get());
      if (got > max_bytes - data.size()) throw too_large("more than " + std::to_string(max_bytes) + " bytes");
      data.append(chunk, got);
      if (got < sizeof chunk) {
        if (std::ferror(f.get())) throw fail(errno != 0 ? errno : EIO);
        break;
      }
    }
  }
}

}  // namespace pledgetrack::io
