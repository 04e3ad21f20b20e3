// Text from data placed into a rendered report shows as itself and does
// nothing else: no Markdown emphasis or table breaks, no raw HTML (Markdown
// renderers pass it through; the HTML report escapes with escape_html), no
// broken JSON, no terminal escape sequences.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "pledgetrack/text/unicode.hpp"

namespace pledgetrack::report {

namespace detail {

/// Calls `emit(code_point, was_valid)` for each code point of `s`; an
/// invalid byte arrives as U+FFFD with was_valid false.
template <class Emit>
constexpr void for_each_code_point(std::string_view s, Emit&& emit) {
  std::size_t i = 0;
  while (i < s.size()) {
    const text::decoded d = text::decode_utf8(s.substr(i));
    if (d.length == 0) {
      emit(text::replacement_character, false);
      ++i;
    } else {
      emit(d.code_point, true);
      i += d.length;
    }
  }
}

/// Control characters (C0 but tab and line breaks, DEL, C1) and the
/// bidirectional overrides that can make text display as something else.
[[nodiscard]] constexpr bool is_unsafe_control(char32_t cp) noexcept {
  return (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || (cp >= 0x7F && cp <= 0x9F) ||
         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

}  // namespace detail

/// `s` as inline Markdown (GitHub Flavored) that renders as the text itself,
/// in a paragraph, a list item or a table cell:
///
///     escape_markdown("<script>alert(1)</script> | x")
///     // "&lt;script&gt;alert(1)&lt;/script&gt; \| x"
///
/// & < > become entities; \ ` * _ [ ] | ~ get a backslash; a leading # + - =
/// or an ordered-list marker ("1.") is escaped; line breaks and tabs become
/// spaces; control characters and invalid bytes become U+FFFD.
[[nodiscard]] inline std::string escape_markdown(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  bool at_start = true;  // no visible character written yet
  bool leading_digits = false;
  detail::for_each_code_point(s, [&](char32_t cp, bool) {
    if (cp == '\r' || cp == '\n' || cp == '\t') cp = ' ';
    if (detail::is_unsafe_control(cp)) cp = text::replacement_character;
    if (at_start && cp == ' ') {
      out += ' ';
      return;
    }
    switch (cp) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '\\': case '`': case '*': case '_': case '[': case ']': case '|': case '~':
        out += '\\';
        out += static_cast<char>(cp);
        break;
      case '#': case '+': case '-': case '=':
        if (at_start) out += '\\';
        out += static_cast<char>(cp);
        break;
      case '.': case ')':
        // "2024. 3분기" at the start of a line would be an ordered list item.
        if (leading_digits) out += '\\';
        out += static_cast<char>(cp);
        break;
      default: text::append_utf8(out, cp);
    }
    const bool digit = cp >= '0' && cp <= '9';
    leading_digits = digit && (at_start || leading_digits);
    at_start = false;
  });
  return out;
}

/// `s` as the inside of a JSON string (without the quotes): " and \ escaped,
/// control characters as \n \t … or \u00XX, U+2028 and U+2029 as \u escapes
/// (JavaScript would end a line there), invalid bytes as U+FFFD; other UTF-8
/// kept as it is.
[[nodiscard]] inline std::string escape_json(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  detail::for_each_code_point(s, [&](char32_t cp, bool) {
    switch (cp) {
      case '"': out += "\\\""; return;
      case '\\': out += "\\\\"; return;
      case '\b': out += "\\b"; return;
      case '\f': out += "\\f"; return;
      case '\n': out += "\\n"; return;
      case '\r': out += "\\r"; return;
      case '\t': out += "\\t"; return;
      default: break;
    }
    if (cp < 0x20 || cp == 0x2028 || cp == 0x2029) {
      constexpr char hex[] = "0123456789abcdef";
      out += "\\u";
      for (int shift = 12; shift >= 0; shift -= 4) out += hex[(cp >> shift) & 0xF];
      return;
    }
    text::append_utf8(out, cp);
  });
  return out;
}

/// `s` as HTML text or an attribute value that shows as itself:
///
///     escape_html("<a href='x'>Tom & \"Jerry\"</a>")
///     // "&lt;a href=&#x27;x&#x27;&gt;Tom &amp; &quot;Jerry&quot;&lt;/a&gt;"
///
/// & < > " ' become entities (as Python's html.escape writes them); control
/// characters (but tab and line breaks, which HTML shows as spaces),
/// bidirectional overrides and invalid bytes become U+FFFD.
[[nodiscard]] inline std::string escape_html(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  detail::for_each_code_point(s, [&](char32_t cp, bool) {
    switch (cp) {
      case '&': out += "&amp;"; return;
      case '<': out += "&lt;"; return;
      case '>': out += "&gt;"; return;
      case '"': out += "&quot;"; return;
      case '\'': out += "&#x27;"; return;
      default: break;
    }
    text::append_utf8(out, detail::is_unsafe_control(cp) ? text::replacement_character : cp);
  });
  return out;
}

/// `s` safe to print on a terminal on one line: line breaks and tabs become
/// spaces; control characters (ESC included, so no escape sequence gets
/// through), bidirectional overrides and invalid bytes become U+FFFD.
[[nodiscard]] inline std::string sanitize_terminal(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  detail::for_each_code_point(s, [&](char32_t cp, bool) {
    if (cp == '\r' || cp == '\n' || cp == '\t') cp = ' ';
    if (detail::is_unsafe_control(cp)) cp = text::replacement_character;
    text::append_utf8(out, cp);
  });
  return out;
}

}  // namespace pledgetrack::report
