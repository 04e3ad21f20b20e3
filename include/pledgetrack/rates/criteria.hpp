// Evaluation criteria are data, not code: which statuses count as complete,
// which projects leave the denominator, the weights, the basis and the
// rounding rule. Presets give the rates governments publish, under their names,
// so that no one mistakes 이행률 for the KMC completion rate.
#pragma once

#include <array>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "pledgetrack/enum_names.hpp"
#include "pledgetrack/error.hpp"
#include "pledgetrack/model/status.hpp"
#include "pledgetrack/rates/fraction.hpp"
#include "pledgetrack/rates/rounding.hpp"

namespace pledgetrack {

/// What is counted: a project, or a pledge (complete when all its projects are).
enum class basis : std::uint8_t { project, pledge };

inline constexpr std::array<enum_name<basis>, 2> basis_names = {
    {{basis::project, "project"}, {basis::pledge, "pledge"}}};
/// The table by type, for generic code (the bindings' pickling): name_table(basis{}).
[[nodiscard]] constexpr const auto& name_table(basis) noexcept { return basis_names; }

[[nodiscard]] constexpr std::string_view to_string(basis b) noexcept { return name_in(basis_names, b); }
/// "project" or "pledge"; throws parse_error.
[[nodiscard]] inline basis parse_basis(std::string_view text) { return parse_name(basis_names, text, "basis"); }
inline std::ostream& operator<<(std::ostream& os, basis b) { return os << "basis::" << to_string(b); }

/// How a project contributes to the numerator.
enum class measure : std::uint8_t {
  status_share,   ///< 1 when its status is in `complete`, else 0
  weighted,       ///< the weight of its status (weights in [0, 1])
  mean_progress,  ///< its progress % / 100: the rate is the mean progress
};

inline constexpr std::array<enum_name<measure>, 3> measure_names = {{
    {measure::status_share, "status_share"},
    {measure::weighted, "weighted"},
    {measure::mean_progress, "mean_progress"},
}};
/// The table by type, for generic code (the bindings' pickling): name_table(measure{}).
[[nodiscard]] constexpr const auto& name_table(measure) noexcept { return measure_names; }

[[nodiscard]] constexpr std::string_view to_string(measure m) noexcept { return name_in(measure_names, m); }
/// "status_share", "weighted" or "mean_progress"; throws parse_error.
[[nodiscard]] inline measure parse_measure(std::string_view text) {
  return parse_name(measure_names, text, "measure");
}
inline std::ostream& operator<<(std::ostream& os, measure m) { return os << "measure::" << to_string(m); }

/// The criteria of one rate.
struct criteria {
  std::string name = "KMC completion rate";  ///< English name, for reports
  std::string name_ko = "공약이행완료율";        ///< Korean name, for reports
  pledgetrack::measure measure = measure::status_share;
  status_set complete = kmc_complete_statuses;  ///< numerator of status_share
  status_set excluded;                          ///< statuses that leave the denominator
  bool in_term_only = false;  ///< leave out projects due after the term
  std::array<fraction, status_count> weights{};  ///< used by measure::weighted
  pledgetrack::basis basis = basis::project;
  rounding rule = rounding::half_up;  ///< for display only
  int decimals = 1;                   ///< for display only

  /// The KMC completion rate (공약이행완료율): (완료 + 이행후계속추진) / all
  /// projects in scope. 보류 and 폐기 stay in the denominator.
  [[nodiscard]] static criteria kmc() { return criteria{}; }

  /// 이행률: (완료 + 이행후계속추진 + 정상추진) / all projects in scope.
  [[nodiscard]] static criteria implementation() {
    criteria c;
    c.name = "implementation rate";
    c.name_ko = "이행률";
    c.complete = {status::completed, status::ongoing, status::on_track};
    return c;
  }

  /// 평균진행률: the mean of per-project progress % over the projects that
  /// report one (a mean over projects, never a mean of group means).
  [[nodiscard]] static criteria mean_progress() {
    criteria c;
    c.name = "mean progress";
    c.name_ko = "평균진행률";
    c.measure = measure::mean_progress;
    return c;
  }

  /// 이행률(임기내): the KMC rate over projects due within the term only:
  /// projects due after the term and those not yet due (기타) leave the
  /// denominator.
  [[nodiscard]] static criteria in_term() {
    criteria c;
    c.name = "completion rate (within term)";
    c.name_ko = "이행률(임기내)";
    c.in_term_only = true;
    c.excluded = {status::not_due};
    return c;
  }

  /// Weighted score: each status contributes its weight (in [0, 1]).
  [[nodiscard]] static criteria weighted_score(const std::array<fraction, status_count>& status_weights) {
    criteria c;
    c.name = "weighted score";
    c.name_ko = "가중 점수";
    c.measure = measure::weighted;
    c.weights = status_weights;
    c.validate();
    return c;
  }

  /// Throws `error` unless these criteria can give a rate: every weight in
  /// [0, 1], decimals in 0..9, and the pledge basis with status shares only
  /// (a pledge is complete or not; it has no weight or progress of its own).
  /// The presets are valid; a caller that edits the fields checks them here.
  void validate() const {
    for (const fraction& w : weights)
      if (w < fraction(0) || w > fraction(1))
        throw error("status weights must lie in [0, 1], not " + w.to_string());
    require_decimals(decimals);
    if (basis == basis::pledge && measure != measure::status_share)
      throw error("the pledge basis applies to status shares only, not to " + std::string(to_string(measure)));
  }

  friend bool operator==(const criteria&, const criteria&) = default;

  friend std::ostream& operator<<(std::ostream& os, const criteria& c) {
    return os << "criteria(name=\"" << c.name << "\", measure=" << c.measure << ", complete=" << c.complete
              << ", excluded=" << c.excluded << ", in_term_only=" << (c.in_term_only ? "true" : "false")
              << ", basis=" << c.basis << ", rule=" << c.rule << ", decimals=" << c.decimals << ")";
  }
};

}  // namespace pledgetrack
