// A snapshot: every unit project of one district's pledges as of one date.
#pragma once

#include <cstddef>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pledgetrack/error.hpp"
#include "pledgetrack/model/date.hpp"
#include "pledgetrack/model/id_index.hpp"
#include "pledgetrack/model/project.hpp"

namespace pledgetrack {

/// The projects of one district (자치단체) in one term (민선 n기) as of one
/// date (기준일자). Projects keep the order they were added in; ids are unique.
///
///     snapshot s("광주광역시 서구", 8, date(2024, 3, 31));
///     s.add(p);                      // data_error if p.id is already there
///     s.at(project_id::parse("2-3-4")).status;
class snapshot {
 public:
  snapshot() = default;
  snapshot(std::string district, int term, date as_of)
      : district_(std::move(district)), term_(term), as_of_(as_of) {}

  // Moves must not throw, or a std::vector<snapshot> copies every project
  // when it grows.
  snapshot(const snapshot&) = default;
  snapshot(snapshot&&) noexcept = default;
  snapshot& operator=(const snapshot&) = default;
  snapshot& operator=(snapshot&&) noexcept = default;

  [[nodiscard]] const std::string& district() const noexcept { return district_; }
  /// The term number n of 민선 n기 (0 when not known).
  [[nodiscard]] int term() const noexcept { return term_; }
  [[nodiscard]] date as_of() const noexcept { return as_of_; }

  /// The bureaus (실·국) in the order of the org the snapshot was read with:
  /// the column order of the report's field × bureau table. Empty when read
  /// without an org. It says how to show the data, not what the data is, so
  /// equality ignores it; copies share it.
  [[nodiscard]] const std::vector<std::string>& bureau_order() const noexcept {
    static const std::vector<std::string> none;
    return bureau_order_ ? *bureau_order_ : none;
  }
  void set_bureau_order(std::vector<std::string> order) {
    set_bureau_order(order.empty() ? nullptr : std::make_shared<const std::vector<std::string>>(std::move(order)));
  }
  /// The same, shared with other snapshots (a reader gives every snapshot of
  /// one org the same list).
  void set_bureau_order(std::shared_ptr<const std::vector<std::string>> order) noexcept {
    bureau_order_ = std::move(order);
  }

  /// Adds a project. A duplicate id, or a progress outside 0–100, is a
  /// data_error naming the id and the value. When add throws, the snapshot
  /// is as it was, and so is `p`.
  void add(project&& p) {
    if (try_add(std::move(p)) != nullptr)  // p is as it was
      throw data_error("duplicate project id '" + p.id.to_string() + "' in the snapshot of " + district_ +
                       " as of " + format_date(as_of_));
  }
  void add(const project& p) { add(project(p)); }
  /// As add, but an id already there is no error: nothing is added, `p` is
  /// left as it was, and the project that has the id comes back (nullptr
  /// when `p` was added). For a reader that names the first one's line: one
  /// look-up of the id instead of a find and then an add.
  [[nodiscard]] const project* try_add(project&& p) {
    check(p);
    if (const auto first = index_.insert(p.id, projects_.size(), id_at())) return &projects_[*first];
    try {
      projects_.push_back(std::move(p));
    } catch (...) {
      index_.forget_last_insert();
      throw;
    }
    return nullptr;
  }

  /// Makes room for `n` projects in all (as std::vector::reserve).
  void reserve(std::size_t n) {
    projects_.reserve(n);
    index_.reserve(n);
  }
  /// Gives back unused room for projects and ids (as std::vector::shrink_to_fit).
  void shrink_to_fit() {
    projects_.shrink_to_fit();
    index_.shrink_to_fit();
  }

  /// Takes the projects out, leaving the snapshot without any: for a reader
  /// that reuses their memory for the rows of the next snapshot.
  [[nodiscard]] std::vector<project> take_projects() noexcept {
    index_ = {};
    return std::exchange(projects_, {});
  }

  [[nodiscard]] const std::vector<project>& projects() const noexcept { return projects_; }
  [[nodiscard]] std::size_t size() const noexcept { return projects_.size(); }
  [[nodiscard]] bool empty() const noexcept { return projects_.empty(); }
  [[nodiscard]] auto begin() const noexcept { return projects_.begin(); }
  [[nodiscard]] auto end() const noexcept { return projects_.end(); }

  /// A hint for a find or add of `id` that follows soon: the id index starts
  /// loading from memory while the caller does other work. Readers of big
  /// files call it as soon as they know a row's id.
  /// (Always inlined, as id_index::prefetch.)
  [[gnu::always_inline]] void prefetch(const project_id& id) const noexcept { index_.prefetch(id); }

  /// The project with this id, or nullptr.
  [[nodiscard]] const project* find(const project_id& id) const noexcept {
    const auto position = index_.find(id, id_at());
    return position ? &projects_[*position] : nullptr;
  }
  /// The project with this id; a data_error naming the id when there is none.
  [[nodiscard]] const project& at(const project_id& id) const {
    if (const project* p = find(id)) return *p;
    throw data_error("no project '" + id.to_string() + "' in the snapshot of " + district_ + " as of " +
                     format_date(as_of_));
  }
  /// The same, with the id as text (`"2-3-④"` works).
  [[nodiscard]] const project& at(std::string_view id_text) const { return at(project_id::read(id_text)); }

  friend bool operator==(const snapshot& a, const snapshot& b) {
    return a.district_ == b.district_ && a.term_ == b.term_ && a.as_of_ == b.as_of_ &&
           a.projects_ == b.projects_;
  }

  friend std::ostream& operator<<(std::ostream& os, const snapshot& s) {
    os << "snapshot(district=\"" << s.district_ << "\", term=" << s.term_ << ", as_of=";
    if (s.as_of_.is_special()) os << "None";
    else os << format_date(s.as_of_);
    return os << ", projects=" << s.projects_.size() << ")";
  }

 private:
  // What every project must be: an id, and a progress in 0..100.
  static void check(const project& p) {
    if (p.id.empty()) throw data_error("a project needs an id (title: '" + p.title + "')");
    if (p.progress && (*p.progress < fraction(0) || *p.progress > fraction(100)))
      throw data_error("progress of project '" + p.id.to_string() + "' must lie in 0..100, not " +
                       p.progress->to_string());
  }

  // The index keeps positions; the ids stay in the projects.
  struct id_of_position {
    const std::vector<project>* projects;
    const project_id& operator()(std::size_t position) const noexcept { return (*projects)[position].id; }
  };
  [[nodiscard]] id_of_position id_at() const noexcept { return {&projects_}; }

  std::string district_;
  int term_ = 0;
  date as_of_;
  std::vector<project> projects_;
  id_index index_;
  std::shared_ptr<const std::vector<std::string>> bureau_order_;
};

}  // namespace pledgetrack
