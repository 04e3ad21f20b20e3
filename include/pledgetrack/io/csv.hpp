// Reading and writing pledge data as CSV (docs/data-format.md): one row per
// unit project per snapshot, Korean or English headers, UTF-8 / CP949 /
// UTF-16, comma or tab. Reading says exactly what is wrong, where, and never
// skips a row silently.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <stop_token>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pledgetrack/error.hpp"
#include "pledgetrack/io/csv_tokenizer.hpp"
#include "pledgetrack/io/encoding.hpp"
#include "pledgetrack/io/interrupted.hpp"
#include "pledgetrack/model/organization.hpp"
#include "pledgetrack/model/snapshot.hpp"
#include "pledgetrack/model/status_labels.hpp"

namespace pledgetrack::io {

/// How to read a pledge file. Every field has a default that suits the files
/// governments publish.
///
///     io::read_options options;
///     options.columns = {{"사업 내용", "project"}};   // the source's own header
///     options.labels.add_alias("추진완료", status::completed);
struct read_options {
  std::optional<io::encoding> encoding;  ///< nothing: detect (BOM, UTF-8, CP949)
  char delimiter = 0;                     ///< 0: detect from the header (tab or comma)
  std::string district;                   ///< used where the file has no district column
  int term = 0;                           ///< used where the file has no term column
  std::optional<date> as_of;              ///< used where the file has no as_of column
  std::optional<organization> org;        ///< fills empty bureaus from departments
  status_labels labels = status_labels::kmc();
  csv_limits limits;
  /// The caller's own headers: a header as the file writes it (spaces and
  /// case do not matter) → a column name (`column_names()`: "project",
  /// "department", …, or "extra" to keep a column the reader would otherwise
  /// take). Wins over the headers the reader knows.
  std::vector<std::pair<std::string, std::string>> columns;
  /// Fill a blank field or pledge cell (a merged cell, exported) from the row
  /// above when the row's id belongs to the same field or pledge.
  bool fill_down = true;
  /// Keep the texts that describe a project and count for no figure: its
  /// pledge's name, its title, its note, the extra columns and its status
  /// label as written (raw_status: the label, or the marked column's name;
  /// the status itself is always kept). Without them the rows are checked
  /// as in a full read (an empty title is still an error) and those texts
  /// are left empty: batch::evaluate_files reads so, about 8% fewer
  /// instructions on the large benchmark corpus.
  bool keep_descriptions = true;
  /// Keep each project's field (분야), and its department and bureau (주관부
  /// 서, 실·국). Without them every row is checked the same and those texts
  /// are left empty (with no notice about them: spaced names, fills): the
  /// batch reads so when its groups need neither. With an org the
  /// departments are kept whatever keep_departments says, since the org
  /// checks every one.
  bool keep_field = true;
  bool keep_departments = true;
  /// Asked to stop (Ctrl-C): the reader looks every 65,536 rows and throws
  /// io::interrupted, so that one huge file does not hold a stop up for
  /// seconds. The batch functions pass theirs on.
  std::stop_token stop;
};

/// The column names a header can be mapped to (read_options::columns), in
/// the order of the documented format.
[[nodiscard]] std::vector<std::string_view> column_names();

/// How much a problem matters: an error stops reading; a warning is data
/// that may be wrong (a blank left blank, a subtotal that does not add up);
/// a notice says how something was read (a cell filled down, a spaced-out
/// name closed up, a title row skipped), so that nothing is read silently.
enum class severity : std::uint8_t { error, warning, notice };

[[nodiscard]] constexpr std::string_view to_string(severity s) noexcept {
  constexpr std::string_view names[] = {"error", "warning", "notice"};
  return names[static_cast<std::size_t>(s)];
}

/// One problem found in a file.
struct problem {
  source_location where;
  std::string message;  ///< the full message, location included
  io::severity severity = io::severity::error;

  friend bool operator==(const problem&, const problem&) = default;
  friend std::ostream& operator<<(std::ostream& os, const problem& p) {
    os << "problem(\"" << p.message << "\"";
    if (p.severity != io::severity::error) os << ", " << to_string(p.severity);
    return os << ")";
  }
};

/// A table already split into cells, such as a workbook's sheet: `rows[i]` is
/// row i + 1 of the sheet. Messages name its cells (`2024Q1!F7`).
struct table {
  std::string name;   ///< the file, for messages
  std::string sheet;  ///< the sheet, for messages ("" for none)
  std::vector<std::vector<std::string>> rows;
};

/// Reads every snapshot in a pledge file: one per (district, term, as_of),
/// in order of first appearance. Throws the first problem as parse_error
/// (or data_error for a duplicate id), naming file, line, column and text.
///
///     auto snapshots = io::read_csv("examples/data/gwangju-seogu/2024-03-31.csv");
///     completion_rate(snapshots.at(0), criteria::kmc()).to_string();  // "67.3%"
[[nodiscard]] std::vector<snapshot> read_csv(const std::string& path, const read_options& options = {});

/// The same for bytes in memory; `name` stands for the file in messages.
[[nodiscard]] std::vector<snapshot> read_csv_bytes(std::string_view bytes, const std::string& name,
                                                   const read_options& options = {});

/// Receives a file's snapshots one at a time: (k, read_csv(...)[k]).
using snapshot_sink = std::function<void(std::size_t, snapshot&&)>;

/// Reads a pledge file's snapshots one at a time: `each(k, s)` gets the k-th
/// snapshot of read_csv(path, options) as soon as the file's rows have moved
/// on to the next one, so that a file of many snapshots (a regional dump of
/// every quarter) needs memory for its bytes and one snapshot, not for all.
/// k counts 0, 1, 2 …. A file whose rows come back to a snapshot already
/// handed over (interleaved snapshots) is then read again whole, and k starts
/// over from 0: a caller that keeps what it makes of snapshot k at position
/// k, dropping what lay there and after, ends with what read_csv gives.
/// Throws as read_csv does; what was handed over before is then of no use.
/// A sink may move the snapshot away; one that leaves it where it is lets
/// the reader reuse its projects' memory for the next snapshot's rows.
///
///     io::read_csv_each(path, {}, [&](std::size_t k, snapshot&& s) {
///       rates.resize(k);
///       rates.push_back(completion_rate(s, criteria::kmc()));
///     });
void read_csv_each(const std::string& path, const read_options& options, const snapshot_sink& each);
void read_csv_bytes_each(std::string_view bytes, const std::string& name, const read_options& options,
                         const snapshot_sink& each);

/// Memory read_csv_bytes_each reuses from one file to the next: the projects
/// its sink left in the snapshots handed over, whose strings keep their
/// room. A thread reading many small files keeps one (the batch does), so
/// that a file's rows allocate no string per cell; its contents are of no
/// use to the caller.
struct read_scratch {
  std::vector<project> projects;
};

/// The same, reusing `scratch` (one per thread) across calls.
void read_csv_bytes_each(std::string_view bytes, const std::string& name, const read_options& options,
                         const snapshot_sink& each, read_scratch& scratch);

/// Every problem in a file at once, errors, warnings and notices, in the
/// order met (empty when it reads cleanly and nothing needed interpreting).
[[nodiscard]] std::vector<problem> validate_csv(const std::string& path, const read_options& options = {});
[[nodiscard]] std::vector<problem> validate_csv_bytes(std::string_view bytes, const std::string& name,
                                                      const read_options& options = {});

/// Reads a table of cells by the same rules as a CSV file: title rows, two-row
/// headers, heading and total rows, fill-down, every error in place.
[[nodiscard]] std::vector<snapshot> read_table(const table& cells, const read_options& options = {});
[[nodiscard]] std::vector<problem> validate_table(const table& cells, const read_options& options = {});

/// Reads an org file: columns department and bureau (부서/주관부서, 실국/소관국),
/// optional renamed_from (구부서명) and parent (상위부서).
[[nodiscard]] organization read_org_csv(const std::string& path, std::optional<io::encoding> forced = {});
[[nodiscard]] organization read_org_csv_bytes(std::string_view bytes, const std::string& name,
                                              std::optional<io::encoding> forced = {});

/// How to write.
struct write_options {
  bool bom = true;  ///< Korean Excel needs the BOM to open UTF-8 CSV
  char delimiter = ',';
  /// Write `'` before a text cell that starts with = + - @ so that a
  /// spreadsheet shows it instead of running it as a formula.
  bool neutralise_formulas = true;
};

/// Writes snapshots in the documented format (UTF-8), extra columns after the
/// known ones, in their original order.
void write_csv(std::ostream& out, const std::vector<snapshot>& snapshots, const write_options& options = {});
/// Writes to a file, atomically (a temporary file, then a rename).
void write_csv(const std::string& path, const std::vector<snapshot>& snapshots, const write_options& options = {});

}  // namespace pledgetrack::io
