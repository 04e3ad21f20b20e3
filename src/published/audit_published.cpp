// The audit of a published report from its own table (audit_published.hpp).
#include <optional>
#include <string>
#include <vector>

#include "pledgetrack/published/audit_published.hpp"
#include "pledgetrack/rates/rounding.hpp"

namespace pledgetrack::published {

namespace {

/// The numbers k of 0..n for which k/n, as a percent rounded by `rule` to
/// the printed decimals, is the printed rate.
std::vector<std::int64_t> counts_giving(const audit::printed_value& printed, std::int64_t n, rounding rule) {
  std::vector<std::int64_t> out;
  for (std::int64_t k = 0; k <= n; ++k)
    if (round_scaled(fraction(k * 100, n), rule, printed.decimals) == printed.scaled()) out.push_back(k);
  return out;
}

/// Counts with `k` projects complete and the rest not, under `c`.
status_counts split_counts(std::int64_t k, std::int64_t n, const criteria& c) {
  status_counts out;
  std::optional<status> complete, other;
  for (const status s : all_statuses) {
    if (c.complete.contains(s) && !complete) complete = s;
    if (!c.complete.contains(s) && !c.excluded.contains(s) && !other) other = s;
  }
  if (complete) out.add(*complete, k);
  if (other) out.add(*other, n - k);
  return out;
}

}  // namespace

published_audit audit_published(const published_report& report, const audit::audit_data* previous,
                                const criteria& c) {
  published_audit out;
  const audit::audit_data data = audit::audit_data::of(report.snapshot);
  if (previous != nullptr) {
    out.result = audit::audit_figures(data, report.stated, previous, c);
    return out;
  }
  // The previous period's rate, as printed, may fix its count (the same
  // projects in scope): 65.3% of 49 is 32 and nothing else.
  const std::int64_t n = data.counts().total();
  std::optional<std::int64_t> implied;
  std::string printed;
  bool fixed = n > 0;
  for (const audit::stated_figure& f : report.stated) {
    if (!f.of_previous || f.figure != audit::figure_kind::rate || !f.statuses.empty() || !f.dimensions.empty())
      continue;
    const auto ks = counts_giving(f.value, n, c.rule);
    if (ks.size() != 1 || (implied && *implied != ks.front())) fixed = false;
    else implied = ks.front();
    printed = f.value.text;
  }
  fixed = fixed && implied.has_value();
  std::vector<audit::stated_figure> checked;
  for (const audit::stated_figure& f : report.stated) {
    if (f.of_previous || (f.figure == audit::figure_kind::change && !fixed)) out.unchecked.push_back(f);
    else checked.push_back(f);
  }
  std::optional<audit::audit_data> before;
  if (fixed) {
    out.implied_previous = split_counts(*implied, n, c);
    before = audit::audit_data::of(*out.implied_previous);
    const std::string k = std::to_string(*implied);
    const std::string all = std::to_string(n);
    out.assumption_ko = "증감은 직전 시점의 공표 이행률 " + printed + "에서 역산한 건수로 검증했다: 같은 " + all +
                        "개 사업 중 " + k + "개만 " + printed + "가 된다(같은 사업이 범위에 있다는 가정).";
    out.assumption_en = "Changes are checked against the previous counts implied by its printed rate " + printed +
                        ": of the same " + all + " projects only " + k + " give " + printed +
                        " (an assumption: the same projects in scope).";
  }
  if (!out.unchecked.empty()) {
    out.unchecked_reason_ko = "보고서만으로는 직전 시점의 자료가 없어 다시 계산할 수 없다(--previous로 자료를 주면 검증한다).";
    out.unchecked_reason_en =
        "The report alone holds no data of the previous period to rebuild them from (give it with --previous).";
  }
  out.result = audit::audit_figures(data, checked, before ? &*before : nullptr, c);
  return out;
}

std::string render_audit_notes(const published_audit& a, report::language lang) {
  const bool ko = lang == report::language::ko;
  std::string out;
  if (!a.unchecked.empty()) {
    out += ko ? "검증하지 못한 수치" : "Figures not checked";
    out += " (" + std::to_string(a.unchecked.size()) + "):\n";
    for (const audit::stated_figure& f : a.unchecked) {
      out += "  - " + f.value.text;
      if (!f.label.empty()) out += " (" + f.label + ")";
      out += "\n";
    }
    out += "  " + (ko ? a.unchecked_reason_ko : a.unchecked_reason_en) + "\n";
  }
  const std::string& assumption = ko ? a.assumption_ko : a.assumption_en;
  if (!assumption.empty()) out += (ko ? "가정: " : "Assumption: ") + assumption + "\n";
  return out;
}

}  // namespace pledgetrack::published
