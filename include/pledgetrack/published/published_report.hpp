// Reading a published quarterly report (공약 이행 점검 결과) from its text:
// the project table as a snapshot, every figure it prints as stated figures
// for the audit, the changes and adjustment candidates it lists, every
// interpretation made (with its evidence) and whatever could not be read.
// docs/reports.md describes what is read, how corrections are argued, and
// what is refused.
#pragma once

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "pledgetrack/audit/stated_figure.hpp"
#include "pledgetrack/model/organization.hpp"
#include "pledgetrack/model/snapshot.hpp"
#include "pledgetrack/model/status_labels.hpp"
#include "pledgetrack/published/correction.hpp"
#include "pledgetrack/published/first_table.hpp"

namespace pledgetrack::published {

/// How to read a report. What is given wins over what the report prints.
struct read_options {
  std::optional<organization> org;  ///< department → bureau; needed for bureaus and for damaged names
  std::string district;              ///< "" : read from the report (광주광역시 서구)
  int term = 0;                      ///< 0: read from the title (민선8기)
  std::optional<date> as_of;         ///< nothing: read from 기준일자 or the title
  status_labels labels = status_labels::kmc();
};

/// A project listed under "변경사항" (changes since the previous period).
struct listed_change {
  std::string id;          ///< as read: "2-4-1"
  std::string status_text; ///< the group it is listed under: "이행후 계속추진"
  std::optional<pledgetrack::status> status;
  std::string title;       ///< as printed
  std::size_t line = 0;

  friend bool operator==(const listed_change&, const listed_change&) = default;
};

/// A project listed under "공약조정 필요사업", with the reasons printed.
struct adjustment_candidate {
  std::string id;
  std::string title;
  std::vector<std::string> reasons;  ///< each bullet, as printed, without its dash
  std::size_t line = 0;

  friend bool operator==(const adjustment_candidate&, const adjustment_candidate&) = default;
};

/// What a published report says.
struct published_report {
  pledgetrack::snapshot snapshot;      ///< the project table (공약사업별 추진현황)
  std::vector<audit::stated_figure> stated;  ///< every figure it prints, in the audit's form
  std::vector<listed_change> changes;
  std::vector<adjustment_candidate> adjustments;
  published::first_table first_table;  ///< empty when the report prints none
  std::vector<correction> corrections;
  std::vector<problem> problems;
  std::string file;                    ///< the name given, for messages

  friend bool operator==(const published_report&, const published_report&) = default;
  friend std::ostream& operator<<(std::ostream& os, const published_report& r) {
    return os << "published_report(" << r.snapshot << ", stated=" << r.stated.size()
              << ", corrections=" << r.corrections.size() << ", problems=" << r.problems.size() << ")";
  }
};

/// Reads a report from its text (the form of docs/reports.md). `file` names
/// it in messages. A text with no project table is a parse_error naming the
/// file and what is missing; anything else that cannot be read is a problem
/// in the result, never a guess.
///
///     read_options o;
///     o.org = io::read_org_csv("examples/data/gwangju-seogu/org.csv");
///     const auto r = read_published(text, "seogu.txt", o);
///     r.snapshot.size();                  // 49
///     r.corrections;                      // `알바리창자원과` read as 일자리창업지원과 …
[[nodiscard]] published_report read_published(std::string_view text, const std::string& file,
                                              const read_options& options = {});

/// The same from a text file (UTF-8, CP949 or UTF-16, detected).
[[nodiscard]] published_report read_published_file(const std::string& path, const read_options& options = {});

}  // namespace pledgetrack::published
