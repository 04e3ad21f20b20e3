// UTF-8 validation (see encoding.hpp): a vectorised validator (Keiser &
// Lemire, "Validating UTF-8 in less than one instruction per byte", the
// lookup algorithm also used by simdjson) with a scalar fallback. Only when
// that check fails does a slow scalar pass locate the first bad byte for
// the message.
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

#include "encoding_internal.hpp"
#include "pledgetrack/io/encoding.hpp"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define PLEDGETRACK_HAVE_AVX2_PATH 1
#else
#define PLEDGETRACK_HAVE_AVX2_PATH 0
#endif

namespace pledgetrack::io {

namespace internal {
namespace {

/// Past the bytes from `p` on that are ASCII and not NUL, 8 at a time (it
/// may stop up to 7 bytes short of the first other byte).
inline const unsigned char* skip_ascii(const unsigned char* p, const unsigned char* end) noexcept {
  while (end - p >= 8) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    if (!ascii_without_nul(w)) break;
    p += 8;
  }
  return p;
}

bool scalar_valid(const unsigned char* p, std::size_t n) noexcept {
  const unsigned char* const end = p + n;
  while (p < end) {
    p = skip_ascii(p, end);
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

}  // namespace

std::optional<utf8_problem> find_utf8_problem(std::string_view s, bool stop_at_nul) noexcept {
  const auto* const begin = reinterpret_cast<const unsigned char*>(s.data());
  const auto* const end = begin + s.size();
  const unsigned char* p = begin;
  while (p < end) {
    p = skip_ascii(p, end);
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

[[noreturn]] void throw_utf8_problem(std::string_view text, const utf8_problem& p,
                                     const std::string& file) {
  const std::string decoded(text.substr(0, p.offset));
  throw parse_error(location_after(file, decoded),
                    p.nul ? "NUL byte in text" : "invalid UTF-8 bytes",
                    hex_bytes(text.substr(p.offset, p.length)));
}

std::string decode_utf8_text(std::string_view text, const std::string& file) {
  if (detail::is_valid_utf8_without_nul(text)) return copy_bytes(text);
  if (const auto p = find_utf8_problem(text, true)) throw_utf8_problem(text, *p, file);
  return std::string(text);  // not reached: the two validators agree
}

}  // namespace internal

namespace detail {

bool is_valid_utf8_without_nul_scalar(std::string_view bytes) noexcept {
  return internal::scalar_valid(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
}

bool is_valid_utf8_without_nul(std::string_view bytes) noexcept {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
#if PLEDGETRACK_HAVE_AVX2_PATH
  if (bytes.size() >= 32 && internal::cpu_has_avx2()) return internal::avx2_valid(p, bytes.size());
#endif
  return internal::scalar_valid(p, bytes.size());
}

}  // namespace detail

}  // namespace pledgetrack::io
