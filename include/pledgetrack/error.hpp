// The one small error hierarchy of pledgetrack. Every message names the
// offending value; parse errors also name where it was (file, line, column).
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

namespace pledgetrack {

/// Base of every exception the library throws. Python sees it as
/// `pledgetrack.PledgeError`, a subclass of `ValueError`.
class error : public std::runtime_error {
 public:
  explicit error(const std::string& message) : std::runtime_error(message) {}
};

/// Where in a text source a problem was found. Lines and columns count from 1;
/// 0 means "not known" (for example a value given by the caller, not a file).
struct source_location {
  std::string file;         ///< path, or "" for text not read from a file
  std::size_t line = 0;     ///< 1-based physical line of the record
  std::size_t column = 0;   ///< 1-based field number within the record
  std::string column_name;  ///< the header of that column, when known

  friend bool operator==(const source_location&, const source_location&) = default;

  /// "file:line:column (column 'name')", leaving out the parts not known.
  [[nodiscard]] std::string to_string() const {
    std::string out = file.empty() ? std::string("<input>") : file;
    // Appended piece by piece: `":" + std::to_string(n)` trips GCC 12's -Wrestrict.
    if (line != 0) {
      out += ':';
      out += std::to_string(line);
    }
    if (column != 0) {
      out += ':';
      out += std::to_string(column);
    }
    if (!column_name.empty()) {
      out += " (column '";
      out += column_name;
      out += "')";
    }
    return out;
  }
};

/// A value that cannot be read: an unknown status label, a malformed project
/// id, an impossible date, broken quoting. The message ends with the offending
/// text in quotes.
class parse_error : public error {
 public:
  parse_error(source_location where, std::string problem, std::string text)
      : error(compose(where, problem, text)),
        where_(std::move(where)),
        problem_(std::move(problem)),
        text_(std::move(text)) {}

  /// A parse error with no known location (a value parsed on its own).
  parse_error(std::string problem, std::string text)
      : parse_error(source_location{}, std::move(problem), std::move(text)) {}

  [[nodiscard]] const source_location& where() const noexcept { return where_; }
  [[nodiscard]] const std::string& problem() const noexcept { return problem_; }
  [[nodiscard]] const std::string& text() const noexcept { return text_; }

  /// The same error, placed at a location (used when a value parser's error
  /// is raised from inside a file reader).
  [[nodiscard]] parse_error at(source_location where) const {
    return parse_error(std::move(where), problem_, text_);
  }

 private:
  static std::string compose(const source_location& where, std::string_view problem,
                             std::string_view text) {
    std::string out;
    const bool located = !where.file.empty() || where.line != 0;
    if (located) out = where.to_string() + ": ";
    out += problem;
    out += ": '";
    out += text;
    out += "'";
    return out;
  }

  source_location where_;
  std::string problem_;
  std::string text_;
};

/// Data that parses but does not hold together: a duplicate project id,
/// snapshots of different districts compared, a project not found.
class data_error : public error {
 public:
  using error::error;
};

}  // namespace pledgetrack
