// Rendering a quarterly report as text: Markdown (GitHub tables), plain text
// for a terminal (tables aligned by display width), and JSON (every figure,
// machine-readable), and the comparison `pledgetrack compare` prints. HTML and
// XLSX are rendered in Python from render_layout_json: the same figures and
// words (quarterly_report.hpp, wording.hpp).
#pragma once

#include <string>

#include "pledgetrack/report/language.hpp"
#include "pledgetrack/report/quarterly_report.hpp"

namespace pledgetrack::report {

/// The report as GitHub Flavored Markdown, worded like the seed report in
/// Korean (default) or in English. Text from data is escaped (escape.hpp):
/// a title `<script>` shows as text. Zeros of the field × bureau table print
/// as "-".
///
///     render_markdown(make_quarterly_report(q1, &q4, &org, {}), language::ko)
///     // "# 민선8기 구청장 공약사항 2024년 1분기 추진실적 점검 결과\n…"
[[nodiscard]] std::string render_markdown(const quarterly_report& r, language lang = language::ko);

/// The report as plain text for a terminal: tables aligned by display width
/// (Hangul and other wide characters take two columns), control characters
/// from data replaced so that nothing reaches the terminal as a command.
[[nodiscard]] std::string render_text(const quarterly_report& r, language lang = language::ko);

/// The report as JSON (UTF-8, two-space indent, a newline at the end): every
/// count, every rate as {"numerator": 33, "denominator": 49} with the exact
/// percent as a number and as a fraction, every display text in `lang`, and
/// the names of the criteria and of the rounding rules. Schema:
/// docs/report.md.
[[nodiscard]] std::string render_json(const quarterly_report& r, language lang = language::ko);

/// render_json with one more member at the end, "layout": what the HTML and
/// XLSX renderers (Python) place beyond the figures, so that they hold no
/// word of their own. Its "words" are the fixed words (phrase, wording.hpp)
/// by name; "change_groups" the changes grouped as every format lists them;
/// "label_separator", "generated_by", "out_of_scope_text",
/// "field_by_bureau_total_text", "status_total_text", "status_count_texts",
/// "unchanged_text" (null without changes) and "field_projects_texts" (one a
/// detail field) the lines composed from the report's counts.
[[nodiscard]] std::string render_layout_json(const quarterly_report& r, language lang = language::ko);

/// What `pledgetrack compare` prints: the rate before and after, its change
/// and every project that moved, grouped by its new status, as 'text' (a
/// terminal), Markdown or JSON ("pledgetrack.comparison": the criteria, the
/// rate before and after, the change and the changes, each as in the report's
/// JSON). The report must have been made with a previous snapshot; an error
/// otherwise.
[[nodiscard]] std::string render_comparison_text(const quarterly_report& r, language lang = language::ko);
[[nodiscard]] std::string render_comparison_markdown(const quarterly_report& r, language lang = language::ko);
[[nodiscard]] std::string render_comparison_json(const quarterly_report& r, language lang = language::ko);

}  // namespace pledgetrack::report
