// The management number (관리번호) of a unit project: `2-3-④`, `4-2`, `가-1`,
// `III-①-1`, `1-10`. Every spelling of one number has one canonical text
// (`2-3-4`), so ids from different files and quarters compare equal. Ids that
// do not read as such a number (`P8-01`, `P8-25 (B)`, `공약1-2`, `A-1`) are
// kept as written: a text id, its own pledge.
#pragma once

#include <array>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "pledgetrack/error.hpp"
#include "pledgetrack/text/unicode.hpp"

namespace pledgetrack {

/// One part of a project id.
struct id_component {
  enum class kind : std::uint8_t {
    number,  ///< 2, ④ (circled numbers are numbers)
    roman,   ///< III, Ⅳ (written back in ASCII capitals)
    hangul,  ///< 가, 나, 다 … 하 (value is the syllable's code point)
  };
  kind type = kind::number;
  std::uint32_t value = 0;

  friend constexpr bool operator==(id_component, id_component) noexcept = default;
  friend constexpr auto operator<=>(id_component, id_component) noexcept = default;
};

/// A project id: up to `max_components` parts (a structured id), or a text of
/// at most `max_text_bytes` bytes kept as written (a text id). A regular value
/// type that allocates nothing.
///
///     project_id::parse("2-3-④").to_string() == "2-3-4"
///     project_id::parse("(2-4-1)") == project_id::parse("2-4-1")
///     project_id::read("P8-25  (B)").to_string() == "P8-25 (B)"   // a text id
class project_id {
 public:
  static constexpr std::size_t max_components = 6;
  static constexpr std::size_t max_text_bytes = 48;

  constexpr project_id() noexcept = default;

  /// Parses a project id as real tables write it: parts separated by `-`, `.`
  /// or spaces, circled numbers (①…⑳), Roman numerals (III or Ⅲ), a Hangul
  /// syllable (가), optional surrounding parentheses and a trailing dot.
  /// Anything else is a parse_error naming the text.
  [[nodiscard]] static project_id parse(std::string_view text) {
    if (strip_wrapping(text::trim(text)).empty()) throw parse_error("empty project id", std::string(text));
    if (auto id = try_parse(text)) return *id;
    throw parse_error("not a project id", std::string(text));
  }

  /// `parse` without the exception: nothing when the text is no structured id
  /// (the reader meets text ids on every row of some tables).
  [[nodiscard]] static std::optional<project_id> try_parse(std::string_view text) {
    project_id id;
    const std::string_view body = strip_wrapping(text::trim(text));
    if (body.empty()) return std::nullopt;
    if (is_plain_numbered(body)) return parse_plain_numbered(body);

    std::size_t i = 0;
    std::uint64_t number = 0;
    std::size_t number_digits = 0;
    std::string roman;  // letters of a Roman numeral being read
    bool separator_pending = false;  // a separator since the last part
    bool dash_pending = false;       // a '-' or '.' since the last part
    bool ok = true;  // false once the text is known to be no structured id
    auto push = [&](id_component c) {
      if (id.size_ == max_components) {
        ok = false;
        return;
      }
      id.parts_[id.size_++] = c;
      separator_pending = false;
      dash_pending = false;
    };
    auto flush = [&] {
      if (number_digits > 0) {
        push({id_component::kind::number, static_cast<std::uint32_t>(number)});
        number = 0;
        number_digits = 0;
      }
      if (!roman.empty()) {
        const auto value = roman_value(roman);
        if (value == 0) ok = false;
        else push({id_component::kind::roman, value});
        roman.clear();
      }
    };

    while (ok && i < body.size()) {
      const text::decoded d = text::decode_utf8(body.substr(i));
      if (d.length == 0) return std::nullopt;
      const char32_t cp = d.code_point;
      i += d.length;
      if (cp >= '0' && cp <= '9') {
        if (!roman.empty()) return std::nullopt;
        number = number * 10 + (cp - '0');
        if (++number_digits > 6) return std::nullopt;
      } else if (is_roman_letter(cp)) {
        if (number_digits > 0) return std::nullopt;
        roman += static_cast<char>(cp >= 'a' ? cp - 'a' + 'A' : cp);
      } else if (cp >= 0x2460 && cp <= 0x2473) {  // ① … ⑳
        flush();
        push({id_component::kind::number, static_cast<std::uint32_t>(cp - 0x2460 + 1)});
      } else if (cp >= 0x2160 && cp <= 0x216B) {  // Ⅰ … Ⅻ
        flush();
        push({id_component::kind::roman, static_cast<std::uint32_t>(cp - 0x2160 + 1)});
      } else if (is_enumeration_syllable(cp)) {  // 가, 나, 다 … 하
        // A syllable stands alone: "가나" or "1가" is text, not an id.
        if (number_digits > 0 || !roman.empty() || (id.size_ > 0 && !separator_pending)) return std::nullopt;
        push({id_component::kind::hangul, static_cast<std::uint32_t>(cp)});
      } else if (text::is_space(cp)) {
        flush();
        separator_pending = true;
      } else if (cp == '-' || cp == '.' || cp == 0x2010 || cp == 0x2013 || cp == 0x2212) {
        flush();
        // A dash with no part before it ("-2", "2--3") leaves a part out.
        if (dash_pending || id.size_ == 0) return std::nullopt;
        separator_pending = true;
        dash_pending = true;
      } else {
        return std::nullopt;
      }
    }
    if (ok) flush();
    if (!ok || id.size_ == 0 || dash_pending) return std::nullopt;
    return id;
  }

  /// Reads any id a table may hold: a structured id where `parse` reads one,
  /// otherwise the text as written, trimmed, NFC and with each run of spaces
  /// made one space (`P8-25 (B)`). Empty text, and text longer than
  /// `max_text_bytes`, is a parse_error.
  ///
  ///     project_id::read("2-3-④").is_text() == false
  ///     project_id::read("공약1-2").is_text() == true
  [[nodiscard]] static project_id read(std::string_view text) {
    std::string_view body = text::trim(text);
    if (body.empty()) throw parse_error("empty project id", std::string(text));
    // Most ids ("2-3-4"): ASCII digits and separators hold no jamo, and what
    // parse_plain_numbered reads here try_parse would read the same (a text
    // it refuses, "1-2." say, takes the general way below).
    if (is_plain_numbered(body))
      if (auto id = parse_plain_numbered(body)) return *id;
    // Decomposed Hangul (NFD, from macOS) is composed first, so that `가-1`
    // reads as the same numbered id whichever way it was encoded. (Jamo that
    // compose to nothing stay, so this is done once, not until none are left.)
    std::string composed;
    if (text::has_conjoining_jamo(body)) body = composed = text::compose_hangul(body);
    if (const auto structured = try_parse(body)) return *structured;
    std::string written;
    bool space = false;
    for (std::size_t i = 0; i < body.size();) {
      const text::decoded d = text::decode_utf8(body.substr(i));
      const std::size_t n = d.length == 0 ? 1 : d.length;
      if (d.length != 0 && text::is_space(d.code_point)) {
        space = true;
      } else {
        if (space) written += ' ';
        space = false;
        written.append(body.substr(i, n));
      }
      i += n;
    }
    if (written.size() > max_text_bytes)
      throw parse_error("project id longer than " + std::to_string(max_text_bytes) + " bytes", std::string(body));
    project_id id;
    for (std::size_t k = 0; k < written.size(); ++k) id.text_[k] = written[k];
    id.text_size_ = static_cast<std::uint8_t>(written.size());
    return id;
  }

  /// The canonical text: parts joined by `-`, numbers in decimal, Roman
  /// numerals in ASCII capitals, Hangul as written: "2-3-4", "III-1-1", "가-1";
  /// a text id as it was read.
  [[nodiscard]] std::string to_string() const {
    if (is_text()) return std::string(text_.data(), text_size_);
    std::string out;
    for (std::size_t k = 0; k < size_; ++k) {
      if (k > 0) out += '-';
      const id_component c = parts_[k];
      switch (c.type) {
        case id_component::kind::number: out += std::to_string(c.value); break;
        case id_component::kind::roman: out += roman_text(c.value); break;
        case id_component::kind::hangul: text::append_utf8(out, static_cast<char32_t>(c.value)); break;
      }
    }
    return out;
  }

  /// The number of parts of a structured id (0 for a text id).
  [[nodiscard]] constexpr std::size_t size() const noexcept { return size_; }
  [[nodiscard]] constexpr bool empty() const noexcept { return size_ == 0 && text_size_ == 0; }
  /// True for an id kept as written, which has no parts to read a pledge or
  /// field from.
  [[nodiscard]] constexpr bool is_text() const noexcept { return text_size_ != 0; }
  [[nodiscard]] constexpr id_component operator[](std::size_t k) const noexcept { return parts_[k]; }

  /// The pledge this project belongs to. Ids of three or more parts
  /// (field-pledge-project) name their pledge by all but the last part:
  /// `2-3-4` belongs to `2-3`. An id of one or two parts (`4-2`) is a pledge
  /// with a single project, which is its own pledge; so is a text id.
  [[nodiscard]] constexpr project_id pledge() const noexcept {
    project_id p = *this;
    if (p.size_ >= 3) --p.size_;
    return p;
  }

  friend constexpr bool operator==(const project_id& a, const project_id& b) noexcept {
    if (a.size_ != b.size_ || a.text_size_ != b.text_size_) return false;
    for (std::size_t k = 0; k < a.text_size_; ++k)
      if (a.text_[k] != b.text_[k]) return false;
    for (std::size_t k = 0; k < a.size_; ++k)
      if (a.parts_[k] != b.parts_[k]) return false;
    return true;
  }
  /// Natural order: part by part, numbers by value (`1-9` before `1-10`);
  /// structured ids before text ids, text ids by their bytes.
  friend constexpr std::strong_ordering operator<=>(const project_id& a, const project_id& b) noexcept {
    if (a.is_text() != b.is_text()) return a.is_text() ? std::strong_ordering::greater : std::strong_ordering::less;
    if (a.is_text())
      return std::string_view(a.text_.data(), a.text_size_) <=> std::string_view(b.text_.data(), b.text_size_);
    for (std::size_t k = 0; k < a.size_ && k < b.size_; ++k)
      if (const auto c = a.parts_[k] <=> b.parts_[k]; c != 0) return c;
    return a.size_ <=> b.size_;
  }

  friend std::ostream& operator<<(std::ostream& os, const project_id& id) {
    return os << "project_id(\"" << id.to_string() << "\")";
  }

  [[nodiscard]] std::size_t hash() const noexcept {
    if (is_text()) return std::hash<std::string_view>{}(std::string_view(text_.data(), text_size_));
    std::size_t h = size_;
    for (std::size_t k = 0; k < size_; ++k)
      h = h * 1000003U ^ (static_cast<std::size_t>(parts_[k].type) << 24 ^ parts_[k].value);
    return h;
  }

 private:
  static constexpr std::string_view strip_wrapping(std::string_view s) noexcept {
    if (s.size() >= 2 && s.front() == '(' && s.back() == ')') s = text::trim(s.substr(1, s.size() - 2));
    while (!s.empty() && s.back() == '.') s = text::trim(s.substr(0, s.size() - 1));
    return s;
  }

  /// The syllables Korean documents number with, in order: 가 나 다 라 마 바
  /// 사 아 자 차 카 타 파 하. Other syllables are words ("소 계" is a subtotal
  /// row, not the id 소-계).
  static constexpr bool is_enumeration_syllable(char32_t cp) noexcept {
    constexpr char32_t syllables[] = {U'가', U'나', U'다', U'라', U'마', U'바', U'사',
                                      U'아', U'자', U'차', U'카', U'타', U'파', U'하'};
    for (const char32_t s : syllables)
      if (cp == s) return true;
    return false;
  }

  static constexpr bool is_roman_letter(char32_t cp) noexcept {
    switch (cp) {
      case 'I': case 'V': case 'X': case 'L': case 'C':
      case 'i': case 'v': case 'x': case 'l': case 'c': return true;
      default: return false;
    }
  }

  /// Value of a Roman numeral in capitals, or 0 if it is not one written the
  /// usual way (checked by writing the value back).
  static std::uint32_t roman_value(const std::string& letters) {
    std::uint32_t total = 0;
    for (std::size_t k = 0; k < letters.size(); ++k) {
      const std::uint32_t v = letter_value(letters[k]);
      const std::uint32_t next = k + 1 < letters.size() ? letter_value(letters[k + 1]) : 0;
      if (v < next) total -= v; else total += v;
    }
    return total > 0 && total < 400 && roman_text(total) == letters ? total : 0;
  }
  static constexpr std::uint32_t letter_value(char c) noexcept {
    switch (c) {
      case 'I': return 1; case 'V': return 5; case 'X': return 10; case 'L': return 50; case 'C': return 100;
      default: return 0;
    }
  }
  static std::string roman_text(std::uint32_t value) {
    static constexpr std::pair<std::uint32_t, std::string_view> table[] = {
        {100, "C"}, {90, "XC"}, {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}};
    std::string out;
    for (const auto& [v, s] : table)
      while (value >= v) { out += s; value -= v; }
    return out;
  }

  std::array<id_component, max_components> parts_{};
  // Most ids are ASCII digits parted by '-' or '.' (1-2-3): those are read
  // without decoding UTF-8, as a batch reads millions of them. The result is
  // what the general reading gives for the same text.
  [[nodiscard]] static constexpr bool is_plain_numbered(std::string_view body) noexcept {
    for (const char c : body)
      if ((c < '0' || c > '9') && c != '-' && c != '.') return false;
    return true;
  }
  [[nodiscard]] static constexpr std::optional<project_id> parse_plain_numbered(std::string_view body) noexcept {
    project_id id;
    std::uint32_t number = 0;
    std::size_t digits = 0;
    const auto close_part = [&] {  // a part may be neither empty nor the seventh
      if (digits == 0 || id.size_ == max_components) return false;
      id.parts_[id.size_++] = {id_component::kind::number, number};
      number = 0;
      digits = 0;
      return true;
    };
    for (const char c : body) {
      if (c >= '0' && c <= '9') {
        number = number * 10 + static_cast<std::uint32_t>(c - '0');
        if (++digits > 6) return std::nullopt;
      } else if (!close_part()) {
        return std::nullopt;
      }
    }
    if (!close_part()) return std::nullopt;
    return id;
  }

  std::size_t size_ = 0;
  std::array<char, max_text_bytes> text_{};  // a text id's bytes (UTF-8)
  std::uint8_t text_size_ = 0;
};

}  // namespace pledgetrack

template <>
struct std::hash<pledgetrack::project_id> {
  std::size_t operator()(const pledgetrack::project_id& id) const noexcept { return id.hash(); }
};
