// Python reprs built from the C++ operator<< (one source for both): the C++
// type name becomes the Python class name and C++ spellings become Python
// ones, outside quoted text:
//
//     rate(33, 49)                           -> Rate(33, 49)
//     project(id="4-2", status=status::on_track) -> Project(id="4-2", status=Status.ON_TRACK)
//     measure::status_share, basis::project  -> "status_share", "project"
//     status_set{status::completed}          -> {Status.COMPLETED}
//     fraction(75, 2), true                  -> Fraction(75, 2), True
#pragma once

#include <cctype>
#include <sstream>
#include <string>
#include <string_view>

namespace pledgetrack::python {

namespace detail {

inline bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

/// Rewrites one C++ token starting at `word` (an identifier, possibly
/// followed by `::name` or `{`), appending the Python spelling to `out`.
/// Returns the number of characters consumed.
inline std::size_t rewrite_token(std::string_view text, std::size_t at, std::string& out) {
  std::size_t end = at;
  while (end < text.size() && is_word_char(text[end])) ++end;
  const std::string_view word = text.substr(at, end - at);
  if (text.substr(end, 2) == "::") {
    std::size_t name_end = end + 2;
    while (name_end < text.size() && is_word_char(text[name_end])) ++name_end;
    const std::string_view name = text.substr(end + 2, name_end - end - 2);
    if (word == "status") {
      out += "Status.";
      for (const char c : name) out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    } else {  // measure::, basis::, rounding::, period_kind::, due::, scope:: are strings in Python
      out += '"';
      out += name;
      out += '"';
    }
    return name_end - at;
  }
  if (word == "status_set" && text.substr(end, 2) == "{}") {
    out += "set()";
    return end + 2 - at;
  }
  if (word == "status_set" && end < text.size() && text[end] == '{') {
    out += '{';
    return end + 1 - at;
  }
  if (word == "true") out += "True";
  else if (word == "false") out += "False";
  else if (word == "fraction") out += "Fraction";
  else if (word == "rule") out += "rounding";
  else out += word;
  return end - at;
}

}  // namespace detail

/// The Python repr of `value`: its operator<< output, with the leading C++
/// type name replaced by `python_name` and C++ spellings made Python's.
template <class T>
std::string python_repr(const T& value, std::string_view python_name) {
  std::ostringstream os;
  os << value;
  const std::string text = os.str();
  std::string out(python_name);
  std::size_t i = text.find('(');
  if (i == std::string::npos) return text;
  bool quoted = false;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '"') {
      quoted = !quoted;
      out += c;
      ++i;
    } else if (!quoted && (std::isalpha(static_cast<unsigned char>(c)) || c == '_') &&
               (i == 0 || !detail::is_word_char(text[i - 1]))) {
      i += detail::rewrite_token(text, i, out);
    } else {
      out += c;
      ++i;
    }
  }
  return out;
}

}  // namespace pledgetrack::python
