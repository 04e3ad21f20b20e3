// The one small error hierarchy of pledgetrack. Every message names the
// offending value; parse errors also name where it was (file, line, column).
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>

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
  std::size_t line = 0;     ///< 1-based physical line of the record (a sheet's row)
  std::size_t column = 0;   ///< 1-based field number within the record
  std::string column_name;  ///< the header of that column, when known
  std::string sheet;        ///< a workbook's sheet: line and column are then a cell

  // A constructor rather than an aggregate, so that `{file, line, column, name}`
  // leaves the sheet out without a missing-initializer warning.
  source_location(std::string file_ = {}, std::size_t line_ = 0, std::size_t column_ = 0,
                  std::string column_name_ = {}, std::string sheet_ = {})
      : file(std::move(file_)),
        line(line_),
        column(column_),
        column_name(std::move(column_name_)),
        sheet(std::move(sheet_)) {}

  friend bool operator==(const source_location&, const source_location&) = default;

  /// "file:line:column (column 'name')", leaving out the parts not known; in
  /// a workbook "file:sheet!F7 (column 'name')", the cell as Excel names it.
  [[nodiscard]] std::string to_string() const {
    std::string out = file.empty() ? std::string("<input>") : file;
    if (!sheet.empty()) {
      out += ':';
      out += sheet;
      if (line != 0) {
        out += '!';
        if (column != 0) out += column_letters(column);
        out += std::to_string(line);
      }
    } else if (line != 0) {
      out += ':';
      out += std::to_string(line);
    }
    if (column != 0 && sheet.empty()) {
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

  /// A column number as a spreadsheet names it: 1 → A, 27 → AA.
  [[nodiscard]] static std::string column_letters(std::size_t column) {
    std::string letters;
    for (; column > 0; column = (column - 1) / 26)
      letters.insert(letters.begin(), static_cast<char>('A' + (column - 1) % 26));
    return letters;
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

  /// A problem with nothing to quote ("empty status label", "empty file"):
  /// the message ends with the problem, not with an empty quote that would
  /// read as if it were the problem.
  [[nodiscard]] static parse_error unquoted(source_location where, std::string problem) {
    parse_error e(std::move(where), std::move(problem), std::string());
    e.quoted_ = false;
    static_cast<std::runtime_error&>(e) = std::runtime_error(compose(e.where_, e.problem_, {}, false));
    return e;
  }

  [[nodiscard]] const source_location& where() const noexcept { return where_; }
  [[nodiscard]] const std::string& problem() const noexcept { return problem_; }
  [[nodiscard]] const std::string& text() const noexcept { return text_; }

  /// The same error, placed at a location (used when a value parser's error
  /// is raised from inside a file reader).
  [[nodiscard]] parse_error at(source_location where) const {
    if (!quoted_) return unquoted(std::move(where), problem_);
    return parse_error(std::move(where), problem_, text_);
  }

 private:
  static std::string compose(const source_location& where, std::string_view problem,
                             std::string_view text, bool quoted = true) {
    std::string out;
    const bool located = !where.file.empty() || where.line != 0;
    if (located) out = where.to_string() + ": ";
    out += problem;
    if (!quoted) return out;
    out += ": '";
    out += text;
    out += "'";
    return out;
  }

  source_location where_;
  std::string problem_;
  std::string text_;
  bool quoted_ = true;
};

/// Data that parses but does not hold together: a duplicate project id,
/// snapshots of different districts compared, a project not found.
class data_error : public error {
 public:
  using error::error;
};

/// A file that cannot be written: names the file the caller asked for (never a
/// temporary one) and the operating system's reason, which `code()` keeps.
/// Python sees it as `pledgetrack.WriteError`, a PledgeError and an OSError.
///
///     cannot write 'out/2024Q1.csv': no space left on device
class write_error : public error {
 public:
  write_error(std::string path, std::error_code code)
      : error("cannot write '" + path + "': " + reason_text(code)), path_(std::move(path)), code_(code) {}

  [[nodiscard]] const std::string& path() const noexcept { return path_; }
  [[nodiscard]] std::error_code code() const noexcept { return code_; }

  /// The system's message as a clause: "No space left on device" -> "no space left on device".
  [[nodiscard]] static std::string reason_text(std::error_code code) {
    std::string text = code.message();
    if (text.size() > 1 && text[0] >= 'A' && text[0] <= 'Z' && text[1] >= 'a' && text[1] <= 'z')
      text[0] = static_cast<char>(text[0] - 'A' + 'a');
    return text;
  }

 private:
  std::string path_;
  std::error_code code_;
};

}  // namespace pledgetrack
