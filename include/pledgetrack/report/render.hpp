// Rendering a quarterly report as text: Markdown (GitHub tables), plain text
// for a terminal (tables aligned by display width), and JSON (every figure,
// machine-readable). HTML and XLSX are rendered in Python from the same
// figures and words (quarterly_report.hpp, wording.hpp).
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

}  // namespace pledgetrack::report
