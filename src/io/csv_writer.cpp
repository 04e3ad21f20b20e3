// Writing pledge files in the documented format, UTF-8 (with a BOM for Korean
// Excel), formula cells neutralised, extra columns kept in place.
#include <algorithm>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "pledgetrack/io/atomic_file.hpp"
#include "pledgetrack/io/csv.hpp"
#include "pledgetrack/io/formula_guard.hpp"
#include "pledgetrack/rates/rounding.hpp"
#include "pledgetrack/model/date.hpp"

namespace pledgetrack::io {
namespace {

constexpr std::string_view known_columns[] = {"district", "term",       "as_of",  "id",       "field",
                                               "pledge",   "project",    "department", "bureau", "status",
                                               "progress", "due",        "note",   "scope",    "adjustment"};

class cell_writer {
 public:
  cell_writer(std::ostream& out, const write_options& options) : out_(out), options_(options) {}

  /// A text cell: quoted when it holds the delimiter, a quote or a line
  /// break; a leading = + - @ (or an apostrophe before one, so that reading
  /// gives back the text) gets an apostrophe.
  void text(std::string_view value) {
    separate();
    // The reader takes exactly one apostrophe off again (formula_guard.hpp).
    const bool formula_like = options_.neutralise_formulas && needs_formula_guard(value);
    const bool quote = value.find_first_of(std::string{options_.delimiter, '"', '\n', '\r'}) != std::string_view::npos;
    if (quote) out_ << '"';
    if (formula_like) out_ << '\'';
    for (const char c : value) {
      if (c == '"') out_ << '"';
      out_ << c;
    }
    if (quote) out_ << '"';
  }
  /// A value the library formats itself (dates, ids, numbers): never quoted.
  void plain(std::string_view value) {
    separate();
    out_ << value;
  }
  void end_record() {
    out_ << '\n';
    first_ = true;
  }

 private:
  void separate() {
    if (!first_) out_ << options_.delimiter;
    first_ = false;
  }

  std::ostream& out_;
  const write_options& options_;
  bool first_ = true;
};

/// Progress as the shortest exact decimal when there is one ("87.5"), else
/// to four places.
std::string format_progress(fraction f) {
  for (int decimals = 0; decimals <= 4; ++decimals) {
    const std::int64_t scaled = round_scaled(f, rounding::truncate, decimals);
    std::int64_t scale = 1;
    for (int i = 0; i < decimals; ++i) scale *= 10;
    if (fraction(scaled, scale) == f) return format_scaled(scaled, decimals);
  }
  return format_decimal(f, rounding::half_up, 4);
}

}  // namespace

void write_csv(std::ostream& out, const std::vector<snapshot>& snapshots, const write_options& options) {
  // Extra columns: the union over all projects, in order of first appearance.
  std::vector<std::string> extras;
  for (const snapshot& s : snapshots)
    for (const project& p : s)
      for (const auto& [name, value] : p.extra)
        if (std::find(extras.begin(), extras.end(), name) == extras.end()) extras.push_back(name);

  if (options.bom) out << "\xEF\xBB\xBF";
  cell_writer w(out, options);
  for (const std::string_view name : known_columns) w.plain(name);
  for (const std::string& name : extras) w.text(name);
  w.end_record();

  for (const snapshot& s : snapshots) {
    const std::string as_of = format_date(s.as_of());
    const std::string term = s.term() == 0 ? std::string() : "민선" + std::to_string(s.term()) + "기";
    for (const project& p : s) {
      w.text(s.district());
      w.plain(term);
      w.plain(as_of);
      w.plain(p.id.to_string());
      w.text(p.field);
      w.text(p.pledge);
      w.text(p.title);
      w.text(p.department);
      w.text(p.bureau);
      w.text(p.raw_status.empty() ? label_ko(p.status) : std::string_view(p.raw_status));
      w.plain(p.progress ? format_progress(*p.progress) : std::string());
      w.plain(p.due == due::unknown ? std::string_view() : to_string(p.due));
      w.text(p.note);
      w.plain(to_string(p.scope));
      w.text(p.adjustment);
      for (const std::string& name : extras) {
        std::string_view value;
        for (const auto& [n, v] : p.extra)
          if (n == name) { value = v; break; }
        w.text(value);
      }
      w.end_record();
    }
  }
}

void write_csv(const std::string& path, const std::vector<snapshot>& snapshots, const write_options& options) {
  std::ostringstream out;
  write_csv(out, snapshots, options);
  write_file_atomically(path, out.view());
}

}  // namespace pledgetrack::io
