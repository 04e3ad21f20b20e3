// Auditing a published report: each stated figure against the figure the
// data gives, and, where they differ, the first rule that explains the
// printed one. The rules and their order (docs/audit.md):
//   1. another rounding: truncation, half even, rounded twice, fewer decimals
//   2. shares forced to sum to 100: a residual put into one column, or largest remainder
//   3. a total made by adding rounded parts (tried first for a total)
//   4. another definition: 이행률, pledge basis, mean progress, in-term, a subgroup
//   5. the previous period's figure carried over
//   6. a nearby count: one to three projects more or fewer in the numerator or denominator
//   7. a change in % that is a change in %p, or the reverse
// then any two of them together (the simplest first); otherwise unexplained.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "pledgetrack/audit/audit_data.hpp"
#include "pledgetrack/audit/finding.hpp"
#include "pledgetrack/audit/printed_value.hpp"
#include "pledgetrack/audit/stated_figure.hpp"
#include "pledgetrack/rates/counts.hpp"
#include "pledgetrack/rates/criteria.hpp"
#include "pledgetrack/report/language.hpp"

namespace pledgetrack::audit {

/// Audits `stated` against `data` (and `previous`, the period before, for
/// changes and carried-over figures; nullptr when not given) under the
/// report's criteria `c`, whose rounding rule is the one the report claims.
///
///     const auto seed = io::read_csv(".../2024-03-31.csv").at(0);
///     const auto q4 = io::read_csv(".../2023-12-31.csv").at(0);
///     const auto stated = read_stated_csv("tests/data/audit/seed.csv");
///     const audit_result r = audit_figures(audit_data::of(seed), stated, &q4data);
///     r.unexplained();   // 0: the seed's figures agree or are explained
///
/// A figure that cannot be computed (a group with no project, a change with
/// no previous period, a group asked of counts only) is unexplained, and its
/// detail says why.
[[nodiscard]] audit_result audit_figures(const audit_data& data, const std::vector<stated_figure>& stated,
                                         const audit_data* previous = nullptr,
                                         const criteria& c = criteria::kmc());

/// Reads a stated file in CSV (UTF-8, CP949 or UTF-16; comma or tab): a
/// header with `figure` and `value`, and optionally `status`, `dimension`,
/// `group`, `period`, `label` (Korean headers 구분, 값, 추진상황, 차원, 집단,
/// 시점, 비고 work too).
/// Every problem is a parse_error naming the file, line, column and text.
[[nodiscard]] std::vector<stated_figure> read_stated_csv(const std::string& path);
/// The same from text already in memory; `file` names it in errors.
[[nodiscard]] std::vector<stated_figure> read_stated_csv_text(const std::string& text, const std::string& file);

/// Reads counts per status from a small CSV (`status,count`; Korean headers
/// 추진상황, 건수). Nothing when the file's header is not such a header (the
/// file is then a pledge file with rows); a parse_error naming file, line and
/// text for a bad row, a status given twice, or a combined column (완료+…),
/// which cannot be split into its statuses.
[[nodiscard]] std::optional<status_counts> read_counts_csv(const std::string& path);
[[nodiscard]] std::optional<status_counts> read_counts_csv_text(const std::string& text, const std::string& file);

/// The findings as a table for a terminal (aligned by display width), one
/// line per figure: stated, computed, verdict, rule, then the arithmetic.
[[nodiscard]] std::string render_text(const audit_result& r, report::language lang = report::language::ko);
/// The same as a GitHub Markdown table; text from data escaped.
[[nodiscard]] std::string render_markdown(const audit_result& r, report::language lang = report::language::ko);
/// Every finding as JSON (schema in docs/audit.md): the stated figure, the
/// computed one exactly and as text, the verdict, the rules and the detail,
/// with the words of the table's header for the HTML view.
[[nodiscard]] std::string render_json(const audit_result& r, report::language lang = report::language::ko);

/// The section a quarterly report rebuilt from data gains when the published
/// figures are given ("공표 보고서와 다른 수치" / "Where the published report
/// differs"): the figures that differ, explained or not, or a line saying
/// that every published figure agrees. For a terminal and for Markdown (a
/// level-2 heading, as the report's sections).
[[nodiscard]] std::string render_differences_text(const audit_result& r, report::language lang = report::language::ko);
[[nodiscard]] std::string render_differences_markdown(const audit_result& r,
                                                      report::language lang = report::language::ko);

}  // namespace pledgetrack::audit
