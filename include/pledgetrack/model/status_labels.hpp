// Reading status labels as real tables write them: with justification spaces
// (`정 상 추 진`), in decomposed Hangul from macOS, or under one of the many
// aliases governments use (추진중, 시기미도래, …). The vocabulary is data: a
// caller adds the aliases of its own source.
#pragma once

#include <algorithm>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "pledgetrack/error.hpp"
#include "pledgetrack/model/status.hpp"
#include "pledgetrack/text/unicode.hpp"

namespace pledgetrack {

/// A vocabulary of status labels. `status_labels::kmc()` knows the KMC labels,
/// their English names and the aliases seen in real data.
///
///     auto labels = status_labels::kmc();
///     labels.parse("정 상 추 진");   // status::on_track
///     labels.add_alias("추진 중(지연)", status::lagging);
class status_labels {
 public:
  /// An empty vocabulary; most callers want `kmc()`.
  status_labels() = default;

  /// The KMC labels, the identifier names (completed, on_track, …) and the
  /// aliases listed in the project's domain notes.
  [[nodiscard]] static status_labels kmc() {
    status_labels v;
    for (const status s : all_statuses) {
      v.add_alias(label_ko(s), s);
      v.add_alias(to_string(s), s);
      v.add_alias(label_en(s), s);
    }
    const std::pair<std::string_view, status> aliases[] = {
        {"추진완료", status::completed},
        {"이행후계속", status::ongoing},
        {"계속추진", status::ongoing},
        {"이행완료후계속추진", status::ongoing},
        {"추진중", status::on_track},
        {"정상", status::on_track},
        {"일부", status::lagging},
        {"미흡", status::lagging},
        {"부진", status::lagging},
        {"지연", status::lagging},
        {"추진보류", status::on_hold},
        {"추진불가", status::dropped},
        {"시기미도래", status::not_due},
        {"기타(시기미도래)", status::not_due},
        {"미도래", status::not_due},
        {"기타(미도래)", status::not_due},
        // Due after the term (a long-term plan): not due within it.
        {"장기계획", status::not_due},
        {"장기추진", status::not_due},
        {"임기후추진", status::not_due},
        {"임기후", status::not_due},
    };
    for (const auto& [label, s] : aliases) v.add_alias(label, s);
    return v;
  }

  /// True for a label that says the project left the list by adjustment
  /// (공약조정: 공약제외, 통·폐합, 삭제): that is scope, not a status, and the
  /// reader reads it as scope::removed.
  [[nodiscard]] static bool means_removal(std::string_view label) {
    static constexpr std::string_view removals[] = {"공약제외", "통·폐합", "통폐합", "삭제", "제외"};
    const std::string key = normalise(label);
    return std::find(std::begin(removals), std::end(removals), key) != std::end(removals);
  }

  /// Labels whose meaning differs between governments (미추진 is "not started"
  /// to one, "dropped" to another): never guessed, the caller maps them.
  [[nodiscard]] static bool is_ambiguous(std::string_view label) {
    static constexpr std::string_view ambiguous[] = {"미추진", "미착수", "미이행"};
    const std::string key = normalise(label);
    return std::find(std::begin(ambiguous), std::end(ambiguous), key) != std::end(ambiguous);
  }

  /// The known label nearest to `label` by jamo edit distance (spaces and
  /// case ignored), if one is near enough to be a likely typo: at most a
  /// third of the label's jamo, and at most 3.
  [[nodiscard]] std::optional<std::string> nearest(std::string_view label) const {
    const std::string key = normalise(label);
    const std::size_t letters = text::jamo_letters(key).size();
    const std::size_t limit = std::min<std::size_t>(3, std::max<std::size_t>(1, letters / 3));
    std::optional<std::string> best;
    std::size_t best_distance = limit + 1;
    for (const auto& [known, s] : entries_) {
      const std::size_t d = text::jamo_distance(key, known);
      if (d < best_distance) {
        best_distance = d;
        best = display_label(known, s);
      }
    }
    return best;
  }

  /// Adds (or redirects) a label. Spaces, Hangul decomposition and ASCII case
  /// do not matter: "추진 중" and "추진중" are the same label.
  void add_alias(std::string_view label, status s) {
    std::string key = normalise(label);
    if (key.empty()) throw parse_error("an empty text cannot be a status label", std::string(label));
    auto it = std::find_if(entries_.begin(), entries_.end(), [&](const auto& e) { return e.first == key; });
    if (it != entries_.end()) {
      it->second = s;
    } else {
      entries_.emplace_back(key, s);
    }
    index_[std::move(key)] = s;
  }

  /// The status a label names, or nothing for an unknown label.
  [[nodiscard]] std::optional<status> find(std::string_view label) const {
    // Fast path: most cells are already a clean label.
    if (auto it = index_.find(std::string(label)); it != index_.end()) return it->second;
    if (auto it = index_.find(normalise(label)); it != index_.end()) return it->second;
    return std::nullopt;
  }

  /// The status a label names. An unknown label is a parse_error that names it
  /// and lists the KMC labels.
  [[nodiscard]] status parse(std::string_view label) const {
    if (auto s = find(label)) return *s;
    throw parse_error(unknown_message(label), std::string(label));
  }

  /// Every label known, normalised, in the order they were added.
  [[nodiscard]] const std::vector<std::pair<std::string, status>>& entries() const noexcept { return entries_; }

  /// The normal form labels are compared in: NFC Hangul, no spaces, ASCII lower case.
  [[nodiscard]] static std::string normalise(std::string_view label) {
    std::string out = text::compose_and_remove_spaces(label);
    for (char& c : out)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    // "on_track" and "on track" are one label.
    out.erase(std::remove(out.begin(), out.end(), '_'), out.end());
    return out;
  }

  friend std::ostream& operator<<(std::ostream& os, const status_labels& v) {
    return os << "status_labels(" << v.entries_.size() << " labels)";
  }

 private:
  /// "unknown status label (known: …)", with the nearest known label when
  /// there is one, and how to add the source's own.
  std::string unknown_message(std::string_view label) const {
    const std::string shown(text::trim(label));
    if (is_ambiguous(label))
      return "status label '" + shown +
             "' means different things in different governments (not started? on hold? dropped?), so it is not "
             "guessed: say what it means in your source with aliases={'" + shown + "': Status.ON_HOLD} or --alias " +
             text::remove_spaces(shown) + "=보류";
    std::string known;
    for (const status s : all_statuses) {
      if (!known.empty()) known += ", ";
      known += label_ko(s);
    }
    std::string message = "unknown status label (known: " + known + ", and their aliases)";
    if (const auto near = nearest(label)) message += " — did you mean '" + *near + "'?";
    message += " (add your own with aliases= or --alias 추진완료=완료)";
    return message;
  }

  /// What to suggest for a known entry: the status's KMC label for a Korean
  /// entry (a typo of the alias 이행후계속 suggests 이행후계속추진), its
  /// identifier name for an English one.
  static std::string display_label(const std::string& normalised, status s) {
    const bool ascii = std::all_of(normalised.begin(), normalised.end(),
                                   [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    return std::string(ascii ? to_string(s) : label_ko(s));
  }

  std::vector<std::pair<std::string, status>> entries_;
  std::unordered_map<std::string, status> index_;
};

}  // namespace pledgetrack
