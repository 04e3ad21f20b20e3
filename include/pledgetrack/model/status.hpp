// The seven statuses of the Korea Manifesto Center's criteria
// (한국매니페스토실천본부 평가기준) and a small set type over them.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string_view>

namespace pledgetrack {

/// A unit project's status under the KMC criteria.
enum class status : std::uint8_t {
  completed,  ///< 완료: done and closed
  ongoing,    ///< 이행후계속추진: done, then continued or repeated periodically
  on_track,   ///< 정상추진: proceeding, expected to finish within the term
  lagging,    ///< 일부추진: proceeding but behind its targets
  on_hold,    ///< 보류
  dropped,    ///< 폐기: abandoned while still on the list
  not_due,    ///< 기타 (시기미도래): not yet due
};

inline constexpr std::size_t status_count = 7;

/// Every status, in the KMC order (the order of report tables).
inline constexpr std::array<status, status_count> all_statuses = {
    status::completed, status::ongoing, status::on_track, status::lagging,
    status::on_hold,   status::dropped, status::not_due};

[[nodiscard]] constexpr std::size_t index_of(status s) noexcept { return static_cast<std::size_t>(s); }

/// The identifier-style name: "completed", "on_track", …
[[nodiscard]] constexpr std::string_view to_string(status s) noexcept {
  constexpr std::array<std::string_view, status_count> names = {
      "completed", "ongoing", "on_track", "lagging", "on_hold", "dropped", "not_due"};
  return names[index_of(s)];
}

/// The KMC label: 완료, 이행후계속추진, 정상추진, 일부추진, 보류, 폐기, 기타.
[[nodiscard]] constexpr std::string_view label_ko(status s) noexcept {
  constexpr std::array<std::string_view, status_count> labels = {
      "완료", "이행후계속추진", "정상추진", "일부추진", "보류", "폐기", "기타"};
  return labels[index_of(s)];
}

/// An English label for reports.
[[nodiscard]] constexpr std::string_view label_en(status s) noexcept {
  constexpr std::array<std::string_view, status_count> labels = {
      "Completed", "Done, continuing", "On track", "Lagging", "On hold", "Dropped", "Not yet due"};
  return labels[index_of(s)];
}

/// The status named `name` ("completed", "on_track", …), if any.
[[nodiscard]] constexpr std::optional<status> status_from_name(std::string_view name) noexcept {
  for (const status s : all_statuses)
    if (to_string(s) == name) return s;
  return std::nullopt;
}

/// Position in the order used to call a move a regression: completed and
/// ongoing (both count as done) > on_track > lagging > on_hold > dropped.
/// not_due stands outside the order: moves to or from it are neither better
/// nor worse, so it has no rank.
[[nodiscard]] constexpr std::optional<int> progress_rank(status s) noexcept {
  switch (s) {
    case status::completed:
    case status::ongoing: return 4;
    case status::on_track: return 3;
    case status::lagging: return 2;
    case status::on_hold: return 1;
    case status::dropped: return 0;
    case status::not_due: return std::nullopt;
  }
  return std::nullopt;
}

inline std::ostream& operator<<(std::ostream& os, status s) { return os << "status::" << to_string(s); }

/// A set of statuses (which count as complete, which leave the denominator).
class status_set {
 public:
  constexpr status_set() noexcept = default;
  constexpr status_set(std::initializer_list<status> statuses) noexcept {
    for (const status s : statuses) insert(s);
  }

  [[nodiscard]] constexpr bool contains(status s) const noexcept { return (bits_ >> index_of(s)) & 1U; }
  constexpr void insert(status s) noexcept { bits_ |= static_cast<std::uint8_t>(1U << index_of(s)); }
  constexpr void erase(status s) noexcept { bits_ &= static_cast<std::uint8_t>(~(1U << index_of(s))); }
  [[nodiscard]] constexpr bool empty() const noexcept { return bits_ == 0; }
  [[nodiscard]] constexpr std::size_t size() const noexcept {
    std::size_t n = 0;
    for (const status s : all_statuses) n += contains(s) ? 1 : 0;
    return n;
  }

  friend constexpr bool operator==(status_set, status_set) noexcept = default;

  friend std::ostream& operator<<(std::ostream& os, status_set set) {
    os << "status_set{";
    bool first = true;
    for (const status s : all_statuses) {
      if (!set.contains(s)) continue;
      os << (first ? "" : ", ") << s;
      first = false;
    }
    return os << "}";
  }

 private:
  std::uint8_t bits_ = 0;
};

/// The statuses the KMC completion rate counts as done: 완료 and 이행후계속추진.
inline constexpr status_set kmc_complete_statuses = {status::completed, status::ongoing};

}  // namespace pledgetrack
