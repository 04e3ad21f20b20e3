// UTF-8 helpers the library needs and no more: decoding code points, Hangul
// composition (NFD text from macOS to the NFC everyone else writes), and
// whitespace that real tables put inside words (`정 상 추 진`).
//
// Full Unicode normalisation needs tables for every script; Korean pledge data
// only ever needs Hangul composition (conjoining jamo -> syllables), which is
// algorithmic (Unicode §3.12), so that is what `compose_hangul` does.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pledgetrack::text {

inline constexpr char32_t replacement_character = 0xFFFD;

/// One decoded code point and the number of bytes it took.
struct decoded {
  char32_t code_point;
  std::size_t length;  ///< 0 when the bytes are not valid UTF-8
};

/// Decodes the code point at the start of `s` (which must not be empty).
/// Rejects overlong forms, surrogates and values above U+10FFFF.
[[nodiscard]] constexpr decoded decode_utf8(std::string_view s) noexcept {
  const auto b0 = static_cast<unsigned char>(s[0]);
  if (b0 < 0x80) return {b0, 1};
  std::size_t length = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if ((b0 & 0xE0) == 0xC0) { length = 2; cp = b0 & 0x1F; min = 0x80; }
  else if ((b0 & 0xF0) == 0xE0) { length = 3; cp = b0 & 0x0F; min = 0x800; }
  else if ((b0 & 0xF8) == 0xF0) { length = 4; cp = b0 & 0x07; min = 0x10000; }
  else return {replacement_character, 0};
  if (s.size() < length) return {replacement_character, 0};
  for (std::size_t i = 1; i < length; ++i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if ((b & 0xC0) != 0x80) return {replacement_character, 0};
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
    return {replacement_character, 0};
  return {cp, length};
}

/// Appends the UTF-8 encoding of `cp` to `out`.
inline void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

/// Byte offset of the first invalid UTF-8 sequence in `s`, if any.
[[nodiscard]] constexpr std::optional<std::size_t> find_invalid_utf8(std::string_view s) noexcept {
  std::size_t i = 0;
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) { ++i; continue; }
    const decoded d = decode_utf8(s.substr(i));
    if (d.length == 0) return i;
    i += d.length;
  }
  return std::nullopt;
}

/// True for the spaces that appear inside and around table cells: ASCII
/// whitespace, no-break space, ideographic space and the zero-width ones.
[[nodiscard]] constexpr bool is_space(char32_t cp) noexcept {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\v' || cp == '\f' ||
         cp == 0x00A0 || cp == 0x3000 || cp == 0x200B || cp == 0xFEFF || cp == 0x2002 ||
         cp == 0x2003 || cp == 0x2009;
}

namespace detail {
inline constexpr char32_t hangul_s_base = 0xAC00;
inline constexpr char32_t hangul_l_base = 0x1100;
inline constexpr char32_t hangul_v_base = 0x1161;
inline constexpr char32_t hangul_t_base = 0x11A7;
inline constexpr char32_t hangul_l_count = 19;
inline constexpr char32_t hangul_v_count = 21;
inline constexpr char32_t hangul_t_count = 28;
inline constexpr char32_t hangul_n_count = hangul_v_count * hangul_t_count;
inline constexpr char32_t hangul_s_count = hangul_l_count * hangul_n_count;
}  // namespace detail

/// True when `s` holds a conjoining Hangul jamo (the only thing that
/// `compose_hangul` changes), so that callers can skip the copy.
[[nodiscard]] constexpr bool has_conjoining_jamo(std::string_view s) noexcept {
  // Conjoining jamo U+1100..U+11FF encode as E1 84..87 xx. E1 leads no
  // Hangul syllable (those lead with EA..ED), so find(), a memchr at run
  // time, skips Korean text quickly.
  for (std::size_t i = s.find('\xE1'); i != std::string_view::npos; i = s.find('\xE1', i + 1)) {
    if (i + 1 >= s.size()) return false;
    const auto b = static_cast<unsigned char>(s[i + 1]);
    if (b >= 0x84 && b <= 0x87) return true;
  }
  return false;
}

/// Composes conjoining Hangul jamo into precomposed syllables (the Hangul
/// part of Unicode NFC). Invalid UTF-8 bytes are kept as they are.
[[nodiscard]] inline std::string compose_hangul(std::string_view s) {
  using namespace detail;
  if (!has_conjoining_jamo(s)) return std::string(s);
  std::string out;
  out.reserve(s.size());
  // The last code point, not yet written (0: none; U+0000 never composes).
  char32_t pending = 0;
  auto flush = [&] {
    if (pending != 0) append_utf8(out, pending);
    pending = 0;
  };
  std::size_t i = 0;
  while (i < s.size()) {
    const decoded d = decode_utf8(s.substr(i));
    if (d.length == 0 || d.code_point == 0) {  // keep a stray byte (or NUL) verbatim
      flush();
      out += s[i];
      ++i;
      continue;
    }
    const char32_t cp = d.code_point;
    i += d.length;
    // L + V -> LV
    if (pending >= hangul_l_base && pending < hangul_l_base + hangul_l_count && cp >= hangul_v_base &&
        cp < hangul_v_base + hangul_v_count) {
      pending = hangul_s_base + ((pending - hangul_l_base) * hangul_v_count + (cp - hangul_v_base)) * hangul_t_count;
      continue;
    }
    // LV + T -> LVT
    if (pending >= hangul_s_base && pending < hangul_s_base + hangul_s_count &&
        (pending - hangul_s_base) % hangul_t_count == 0 && cp > hangul_t_base && cp < hangul_t_base + hangul_t_count) {
      pending += cp - hangul_t_base;
      continue;
    }
    flush();
    pending = cp;
  }
  flush();
  return out;
}

/// `s` without any of the spaces `is_space` knows, anywhere in it.
/// Every byte not part of a space is kept, invalid UTF-8 included. Only
/// ASCII whitespace and characters led by C2, E2, E3 or EF are spaces, and no
/// lead byte is ever a continuation byte: other bytes are passed over one by
/// one without decoding, and kept in runs (a reader normalises every header
/// and status label it meets).
[[nodiscard]] inline std::string remove_spaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t kept = 0;  // where the bytes not yet copied begin
  std::size_t i = 0;
  while (i < s.size()) {
    const auto b = static_cast<unsigned char>(s[i]);
    std::size_t space = 0;  // the length of the space at i, when one is there
    if (b <= 0x20) {
      space = is_space(b) ? 1 : 0;
    } else if (b == 0xC2 || b == 0xE2 || b == 0xE3 || b == 0xEF) {
      const decoded d = decode_utf8(s.substr(i));
      if (d.length != 0 && is_space(d.code_point)) space = d.length;
    }
    if (space == 0) {
      ++i;
      continue;
    }
    out.append(s.substr(kept, i - kept));
    i += space;
    kept = i;
  }
  out.append(s.substr(kept));
  return out;
}

/// `s` with decomposed Hangul composed and every space removed: how headers
/// and status labels are compared, whatever spacing and Unicode form the
/// source wrote them in. A text without jamo (nearly every one) is not copied
/// to be composed first.
[[nodiscard]] inline std::string compose_and_remove_spaces(std::string_view s) {
  if (!has_conjoining_jamo(s)) return remove_spaces(s);
  return remove_spaces(compose_hangul(s));
}

/// True when `s` is a name printed with justification spaces: at least two
/// single characters, one of them a Hangul syllable, each separated by spaces
/// (`경 제 과`, `기 획 실`, `정 상 추 진`). Documents justify short names this
/// way; the name is the same as its unspaced form. Text with words of two or
/// more characters (`보건소 건강증진과`) is not spaced out.
[[nodiscard]] constexpr bool is_spaced_out(std::string_view s) noexcept {
  // Most names are not: they fail at their second character, which must be
  // a space (the reader asks this of every name cell).
  if (s.empty()) return false;
  const auto lead = static_cast<unsigned char>(s[0]);
  const std::size_t first = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
  if (first >= s.size()) return false;
  // The lead bytes of the spaces is_space knows: ASCII, C2 (U+00A0), E2
  // (U+2002…U+200B), E3 (U+3000), EF (U+FEFF).
  const auto next = static_cast<unsigned char>(s[first]);
  if (next != ' ' && (next < '\t' || next > '\r') && next != 0xC2 && next != 0xE2 && next != 0xE3 && next != 0xEF)
    return false;
  std::size_t singles = 0;
  bool hangul = false;
  bool in_word = false;
  std::size_t i = 0;
  while (i < s.size()) {
    const decoded d = decode_utf8(s.substr(i));
    if (d.length == 0) return false;
    i += d.length;
    if (is_space(d.code_point)) {
      in_word = false;
      continue;
    }
    if (in_word) return false;  // a second character in the same word
    in_word = true;
    ++singles;
    if (d.code_point >= 0xAC00 && d.code_point <= 0xD7A3) hangul = true;
  }
  return singles >= 2 && hangul;
}

/// The name without its justification spaces (`경 제 과` → `경제과`), or `s`
/// unchanged when it is not spaced out.
[[nodiscard]] inline std::string close_up(std::string_view s) {
  return is_spaced_out(s) ? remove_spaces(s) : std::string(s);
}

/// The Hangul syllables of `s` split into their jamo (initial, medial, final
/// as separate code points), other code points as they are, spaces left out:
/// the form "did you mean" compares labels in, so that one wrong final
/// consonant (이행후계숙 for 이행후계속) is one edit, not a whole syllable.
[[nodiscard]] inline std::u32string jamo_letters(std::string_view s) {
  using namespace detail;
  std::u32string out;
  std::size_t i = 0;
  while (i < s.size()) {
    const decoded d = decode_utf8(s.substr(i));
    const std::size_t n = d.length == 0 ? 1 : d.length;
    i += n;
    const char32_t cp = d.length == 0 ? replacement_character : d.code_point;
    if (is_space(cp)) continue;
    if (cp >= hangul_s_base && cp < hangul_s_base + hangul_s_count) {
      const char32_t index = cp - hangul_s_base;
      out += static_cast<char32_t>(hangul_l_base + index / hangul_n_count);
      out += static_cast<char32_t>(hangul_v_base + (index % hangul_n_count) / hangul_t_count);
      if (index % hangul_t_count != 0) out += static_cast<char32_t>(hangul_t_base + index % hangul_t_count);
    } else {
      out += cp >= 'A' && cp <= 'Z' ? cp - 'A' + 'a' : cp;
    }
  }
  return out;
}

/// The edit distance (insertions, deletions, substitutions) between two
/// texts compared by jamo (`jamo_letters`).
[[nodiscard]] inline std::size_t jamo_distance(std::string_view a, std::string_view b) {
  const std::u32string x = jamo_letters(a);
  const std::u32string y = jamo_letters(b);
  const std::size_t m = y.size();
  std::vector<std::size_t> row(m + 1, 0);
  for (std::size_t j = 0; j <= m; ++j) row[j] = j;
  for (std::size_t i = 1; i <= x.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (x[i - 1] == y[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[m];
}

/// `s` without leading and trailing spaces (as `is_space` defines them).
[[nodiscard]] constexpr std::string_view trim(std::string_view s) noexcept {
  // Most cells start and end with a visible ASCII or Hangul character: one
  // byte test each decides, and the decoding below runs only for the rest.
  auto ascii_space = [](unsigned char b) { return b == ' ' || (b >= '\t' && b <= '\r'); };
  // The commonest case of all, decided at once: a visible ASCII character or
  // a Hangul syllable (lead byte EA..ED, then two continuation bytes) at
  // each end.
  if (!s.empty()) {
    const auto first = static_cast<unsigned char>(s.front());
    const auto last = static_cast<unsigned char>(s.back());
    const bool first_visible = (first > ' ' && first < 0x80) || (first >= 0xEA && first <= 0xED);
    const bool last_visible = (last > ' ' && last < 0x80) ||
                              (s.size() >= 3 && static_cast<unsigned char>(s[s.size() - 3]) >= 0xEA &&
                               static_cast<unsigned char>(s[s.size() - 3]) <= 0xED &&
                               (static_cast<unsigned char>(s[s.size() - 2]) & 0xC0) == 0x80 && (last & 0xC0) == 0x80);
    if (first_visible && last_visible) return s;
  }
  // Leading.
  while (!s.empty()) {
    const auto b = static_cast<unsigned char>(s.front());
    if (b < 0x80) {
      if (!ascii_space(b)) break;
      s.remove_prefix(1);
      continue;
    }
    if (b >= 0xEA && b <= 0xED) break;  // Hangul (U+A000..U+DFFF: EA..ED) holds no spaces
    const decoded d = decode_utf8(s);
    if (d.length == 0 || !is_space(d.code_point)) break;
    s.remove_prefix(d.length);
  }
  // Trailing: step back over continuation bytes to the start of the last code point.
  while (!s.empty()) {
    const auto b = static_cast<unsigned char>(s.back());
    if (b < 0x80) {
      if (!ascii_space(b)) break;
      s.remove_suffix(1);
      continue;
    }
    std::size_t start = s.size() - 1;
    while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80 && s.size() - start < 4) --start;
    const auto lead = static_cast<unsigned char>(s[start]);
    if (lead >= 0xEA && lead <= 0xED && s.size() - start == 3) break;  // U+A000..U+DFFF: no spaces there
    const decoded d = decode_utf8(s.substr(start));
    if (d.length != s.size() - start || !is_space(d.code_point)) break;
    s.remove_suffix(d.length);
  }
  return s;
}

/// The longest prefix of `s` of at most `max_bytes` bytes that does not cut
/// a UTF-8 sequence in two (for excerpts of cells in messages).
[[nodiscard]] constexpr std::string_view truncate_utf8(std::string_view s, std::size_t max_bytes) noexcept {
  if (s.size() <= max_bytes) return s;
  std::size_t n = max_bytes;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n);
}

/// Number of code points in valid UTF-8 text (invalid bytes count one each);
/// used for display widths and for columns in error messages.
[[nodiscard]] constexpr std::size_t count_code_points(std::string_view s) noexcept {
  std::size_t n = 0;
  for (const char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

}  // namespace pledgetrack::text
