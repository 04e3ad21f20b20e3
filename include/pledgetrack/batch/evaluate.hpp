// Evaluating a researcher's corpus in one call: hundreds of districts, many
// quarters, one file or many per snapshot. Files are read on threads and
// reduced at once to summary rows (counts, exact rates, %p changes, ranks,
// regressions): the snapshots themselves are dropped, so memory grows with
// the number of snapshots, not of projects. The rows come out in one order,
// (district, as_of), whatever the number of threads.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <ostream>
#include <span>
#include <stdexcept>
#include <stop_token>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pledgetrack/io/csv.hpp"
#include "pledgetrack/model/organization.hpp"
#include "pledgetrack/model/snapshot.hpp"
#include "pledgetrack/rates/counts.hpp"
#include "pledgetrack/rates/criteria.hpp"
#include "pledgetrack/rates/grouping.hpp"
#include "pledgetrack/rates/rate.hpp"
#include "pledgetrack/time/period.hpp"

namespace pledgetrack::batch {

/// A criteria under the short name that prefixes its columns (`kmc_percent`).
struct named_criteria {
  std::string name;
  pledgetrack::criteria criteria;

  friend bool operator==(const named_criteria&, const named_criteria&) = default;
};

/// The names of the presets, in the order the docs list them:
/// kmc, implementation, pledge, mean_progress, in_term.
[[nodiscard]] std::vector<std::string_view> preset_names();

/// The preset named `name`: "kmc" (공약이행완료율), "implementation" (이행률),
/// "pledge" (the KMC rate per pledge, 공약 기준), "mean_progress"
/// (평균진행률), "in_term" (이행률(임기내)). A parse_error naming the text and
/// the known names otherwise.
[[nodiscard]] named_criteria preset(std::string_view name);

/// One criteria's figures in a row.
struct rate_figures {
  pledgetrack::rate rate;
  /// The change in %p from the same district's (and group's) previous
  /// snapshot, exactly; nothing for its first, or when either has no rate.
  std::optional<fraction> change_points;
  /// 1 for the highest rate of the period (among the same group's rows for a
  /// group row), ties sharing the smallest rank (1, 2, 2, 4); nothing when
  /// the row has no rate.
  std::optional<std::int64_t> rank;

  friend bool operator==(const rate_figures&, const rate_figures&) = default;
};

/// One row of an evaluation: a whole snapshot, or one group of it.
///
/// A corpus gives hundreds of thousands of rows, so a row is small and holds
/// no heap memory (96 bytes; it was 200, plus about 140 on the heap): its
/// district and group are indices into the evaluation's tables of texts, and
/// its figures per criteria live in the evaluation too (evaluation::rates).
/// Read it through its evaluation:
///
///     const batch::evaluation_row& r = e.rows[i];
///     e.district_of(r);          // "광주광역시 서구"
///     e.group_of(r);             // "복지" ("" for the whole snapshot)
///     e.rates(i)[0].rate;        // the first criteria's rate
struct evaluation_row {
  /// The district: an index into evaluation::districts (evaluation::district_of).
  std::uint32_t district = 0;
  /// The group: an index into evaluation::groups (evaluation::group_of); 0,
  /// whose text is "", for the whole snapshot.
  std::uint32_t group = 0;
  int term = 0;
  date as_of;
  std::optional<pledgetrack::dimension> dimension;  ///< nothing: the whole snapshot
  /// The file the snapshot came from: an index into evaluation::files
  /// (no_file for snapshots given in memory). An index, not the path: a
  /// corpus has many rows per file, and the rows are all that is kept.
  std::uint32_t file = no_file;
  static constexpr std::uint32_t no_file = static_cast<std::uint32_t>(-1);
  status_counts counts;               ///< projects in scope, by status
  /// Projects that moved back since the district's previous snapshot, under
  /// the first criteria (as compare() calls a regression); nothing for a
  /// district's first snapshot and for group rows.
  std::optional<std::int64_t> regressions;

  /// The quarter of as_of (2024Q1); nothing without a date. Computed, not
  /// stored: it follows from as_of.
  [[nodiscard]] std::optional<pledgetrack::period> period() const {
    if (as_of.is_special()) return std::nullopt;
    return pledgetrack::period::quarter_of(as_of);
  }
  /// Projects in scope: the sum of the status counts.
  [[nodiscard]] std::int64_t projects() const noexcept { return counts.total(); }

  friend bool operator==(const evaluation_row&, const evaluation_row&) = default;
};

/// What to evaluate, and how.
struct evaluate_options {
  std::vector<named_criteria> criteria = {preset("kmc")};
  /// A row per group along each of these, after each snapshot's own row.
  std::vector<pledgetrack::dimension> by;
  /// Threads (0: one per core; 1: the calling thread only).
  unsigned threads = 0;
  /// Throw the first failing file's error (in path order) instead of listing
  /// every failure in `problems`.
  bool strict = false;
  /// Orgs of single districts (a district folder's own org.csv) ...
  std::vector<organization> orgs;
  /// ... and which one each file uses, by position in `paths`: an index into
  /// `orgs`, or -1 for the read options' org. Where given, it wins over the
  /// read options' org. Empty: every file uses the read options' org.
  std::vector<int> file_org;
  /// Orgs by district (read_org_csv_by_district), for files that have no org
  /// of their own in `file_org`: such a file is read once to learn its
  /// districts, then again with their org (a file whose districts have
  /// different orgs is a problem). Districts not listed use the read
  /// options' org. So the most specific org wins: the file's own, then its
  /// district's, then the read options'.
  std::vector<std::pair<std::string, organization>> district_orgs;
  /// Called once per file done (read or failed), from the worker threads: it
  /// must be thread-safe and quick (a progress bar counts with an atomic).
  std::function<void()> on_file_done;
  /// A request on it stops the batch after the files being read, with
  /// io::interrupted (the Python package sets it on Ctrl-C).
  std::stop_token stop;
};

/// The result: rows sorted by district, then as_of (then term, then the
/// order of the files), each snapshot's own row before its group rows; and
/// a problem for every file that failed, in path order.
///
/// The texts the rows share are stored once, in `districts` and `groups`,
/// and rows refer to them by index. Indices rather than views
/// (std::string_view into storage the evaluation owns): an evaluation is a
/// plain value, so a copy or a move needs nothing re-pointed, a row is 4
/// bytes a text instead of 16, rows compare and pickle as numbers, and
/// combine() only renumbers. Both tables are sorted (bytewise) with no
/// repeats, so that equal evaluations have equal tables whatever the threads
/// did, and rows in district order are in index order; `groups` starts with
/// "", the whole snapshot's group. The figures are one flat vector,
/// criteria.size() of them to a row, in the order of `rows` (rates(i)).
struct evaluation {
  std::vector<named_criteria> criteria;
  std::vector<pledgetrack::dimension> by;
  std::vector<evaluation_row> rows;
  std::vector<rate_figures> figures;  ///< row i's are figures[i * criteria.size() ...], see rates(i)
  std::vector<std::string> districts;  ///< the rows' district texts, sorted, each once
  std::vector<std::string> groups;     ///< the rows' group texts, sorted, each once; groups[0] is ""
  std::vector<io::problem> problems;
  std::vector<std::string> files;  ///< the paths evaluated, which rows' `file` index

  /// The district of a row of this evaluation.
  [[nodiscard]] const std::string& district_of(const evaluation_row& r) const { return districts.at(r.district); }
  /// The group of a row of this evaluation ("" for a whole snapshot's row).
  [[nodiscard]] const std::string& group_of(const evaluation_row& r) const { return groups.at(r.group); }
  /// The figures of rows[row], one per criteria in the order asked
  /// (std::out_of_range past the figures, as vector::at).
  [[nodiscard]] std::span<const rate_figures> rates(std::size_t row) const {
    return std::span(figures).subspan(first_figure_of(row), criteria.size());
  }
  [[nodiscard]] std::span<rate_figures> rates(std::size_t row) {
    return std::span(figures).subspan(first_figure_of(row), criteria.size());
  }
  /// Where rows[row]'s figures start in `figures` (std::out_of_range past them).
  [[nodiscard]] std::size_t first_figure_of(std::size_t row) const {
    if ((row + 1) * criteria.size() > figures.size()) throw std::out_of_range("evaluation::rates: no such row");
    return row * criteria.size();
  }

  friend bool operator==(const evaluation&, const evaluation&) = default;
  friend std::ostream& operator<<(std::ostream& os, const evaluation& e);
};

/// The columns of an evaluation's table, a contract shared by the Python
/// table and the command line's files: district, term, as_of, period,
/// (dimension, group when grouped), projects, a count per status named by
/// to_string(status) (completed, ongoing, …), then per criteria
/// <name>_numerator, _denominator, _percent, _text, _change_pp, _rank; and
/// regressions.
[[nodiscard]] std::vector<std::string> column_names(const evaluation& e);

/// Reads and evaluates every file on threads, keeping only the summary rows.
/// A file that fails becomes a problem naming it (unless `options.strict`),
/// and the others are evaluated all the same. The rows, and the problems,
/// are the same for any number of threads.
///
///     batch::evaluate_options options;
///     options.criteria = {batch::preset("kmc"), batch::preset("implementation")};
///     options.by = {dimension::field};
///     const batch::evaluation e = batch::evaluate_files(paths, io::read_options{}, options);
///     e.rates(0)[0].rate.to_string();   // "67.3%": the first row, the first criteria
[[nodiscard]] evaluation evaluate_files(std::span<const std::string> paths, const io::read_options& read,
                                        const evaluate_options& options = {});

/// The same for snapshots already read.
[[nodiscard]] evaluation evaluate_snapshots(std::span<const snapshot> snapshots, const evaluate_options& options = {});

/// One evaluation from partial ones (e.g. from Dask workers, a part per group
/// of districts): rows and problems together, sorted and ranked again over
/// the whole period. Changes and regressions are kept as each part computed
/// them, so a district must lie in one part only (a data_error naming it
/// otherwise), and the parts must share their criteria and dimensions.
[[nodiscard]] evaluation combine(std::vector<evaluation> parts);

}  // namespace pledgetrack::batch
