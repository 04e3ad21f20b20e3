// A small streaming JSON writer shared by the JSON renderers (the quarterly
// report's and the audit's): two-space indent, arrays of scalars on one
// line, keys in the order written, so that the output is byte-for-byte
// stable. Internal to the compiled library.
#pragma once

#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "pledgetrack/error.hpp"
#include "pledgetrack/rates/fraction.hpp"
#include "pledgetrack/report/escape.hpp"

namespace pledgetrack::report::detail {

/// A JSON string literal.
inline std::string quoted(std::string_view s) {
  // Built by appending: `"\"" + std::string` trips GCC 12's false -Wrestrict.
  std::string out(1, '"');
  out += escape_json(s);
  out += '"';
  return out;
}

/// The shortest text that reads back as the same double.
inline std::string number_text(double value) {
  char buffer[64];
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  if (ec != std::errc()) throw error("cannot format a number for JSON");
  return std::string(buffer, end);
}

class writer {
 public:
  /// `scalars_on_one_line`: arrays of scalars as [1, 2] (the report's JSON)
  /// or one element a line, as Python's json.dumps(indent=2) writes them
  /// (the comparison's JSON, which was first written by Python).
  explicit writer(bool scalars_on_one_line = true) : scalars_on_one_line_(scalars_on_one_line) {}

  void open_object() { open('{'); }
  void close_object() { close('}'); }
  void open_array() { open('['); }
  void close_array() { close(']'); }

  void key(std::string_view k) {
    separate();
    out_ += quoted(k);
    out_ += ": ";
    after_key_ = true;
  }
  /// A value already encoded as JSON.
  void raw(std::string_view encoded) {
    separate();
    out_ += encoded;
  }
  void string(std::string_view s) { raw(quoted(s)); }
  void integer(std::int64_t n) { raw(std::to_string(n)); }
  void number(double d) { raw(number_text(d)); }
  void boolean(bool b) { raw(b ? "true" : "false"); }
  void null() { raw("null"); }
  /// An array of encoded scalars, on one line (unless the writer was made
  /// otherwise).
  void scalars(const std::vector<std::string>& encoded) {
    if (!scalars_on_one_line_) {
      open_array();
      for (const std::string& e : encoded) raw(e);
      close_array();
      return;
    }
    std::string line = "[";
    for (std::size_t i = 0; i < encoded.size(); ++i) {
      if (i != 0) line += ", ";
      line += encoded[i];
    }
    raw(line + "]");
  }

  // key + value in one call.
  void field(std::string_view k, std::string_view s) {
    key(k);
    string(s);
  }
  void field(std::string_view k, const char* s) {
    key(k);
    string(s);
  }
  void field(std::string_view k, std::int64_t n) {
    key(k);
    integer(n);
  }
  void field(std::string_view k, int n) {
    key(k);
    integer(n);
  }
  void field(std::string_view k, bool b) {
    key(k);
    boolean(b);
  }

  [[nodiscard]] std::string finish() { return std::move(out_) + "\n"; }

 private:
  void open(char bracket) {
    separate();
    out_ += bracket;
    first_.push_back(true);
  }
  void close(char bracket) {
    const bool empty = first_.back();
    first_.pop_back();
    if (!empty) newline();
    out_ += bracket;
  }
  /// Before a key or a value: a comma and a new line inside a container,
  /// nothing right after a key.
  void separate() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (first_.empty()) return;
    if (!first_.back()) out_ += ',';
    first_.back() = false;
    newline();
  }
  void newline() {
    out_ += '\n';
    out_.append(2 * first_.size(), ' ');
  }

  std::string out_;
  std::vector<bool> first_;
  bool after_key_ = false;
  bool scalars_on_one_line_ = true;
};

inline void fraction_value(writer& w, const fraction& f) {
  w.open_object();
  w.field("numerator", f.numerator());
  w.field("denominator", f.denominator());
  w.close_object();
}

}  // namespace pledgetrack::report::detail
