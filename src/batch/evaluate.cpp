// Batch evaluation (see batch/evaluate.hpp). Workers read a file, reduce each
// of its snapshots to summary rows plus a compact record of its projects'
// states (for regressions), and drop the snapshot; a file's rows join the
// batch's one vector when the file is done. Then the texts are numbered in
// sorted order, changes and regressions filled in one sequential pass over
// the snapshots in order, the rows put in that order in place, and ranked,
// so that nothing depends on which thread did what and no row is held twice.
#include "pledgetrack/batch/evaluate.hpp"

#include <algorithm>
#include <cstdint>
#include <deque>
#include <exception>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "pledgetrack/history/comparison.hpp"
#include "pledgetrack/io/batch.hpp"
#include "pledgetrack/rates/completion.hpp"
#include "pledgetrack/time/period.hpp"

namespace pledgetrack::batch {

std::vector<std::string_view> preset_names() { return {"kmc", "implementation", "pledge", "mean_progress", "in_term"}; }

named_criteria preset(std::string_view name) {
  if (name == "kmc") return {"kmc", criteria::kmc()};
  if (name == "implementation") return {"implementation", criteria::implementation()};
  if (name == "pledge") {
    criteria c = criteria::kmc();
    c.name = "KMC completion rate (per pledge)";
    c.name_ko = "공약이행완료율(공약 기준)";
    c.basis = basis::pledge;
    return {"pledge", c};
  }
  if (name == "mean_progress") return {"mean_progress", criteria::mean_progress()};
  if (name == "in_term") return {"in_term", criteria::in_term()};
  throw parse_error("unknown criteria preset (known: kmc, implementation, pledge, mean_progress, in_term)",
                    std::string(name));
}

std::ostream& operator<<(std::ostream& os, const evaluation& e) {
  os << "evaluation(rows=" << e.rows.size() << ", criteria=[";
  for (std::size_t i = 0; i < e.criteria.size(); ++i) os << (i ? ", " : "") << '"' << e.criteria[i].name << '"';
  os << "], by=[";
  for (std::size_t i = 0; i < e.by.size(); ++i) os << (i ? ", " : "") << '"' << to_string(e.by[i]) << '"';
  return os << "], problems=" << e.problems.size() << ")";
}

std::vector<std::string> column_names(const evaluation& e) {
  std::vector<std::string> names = {"district", "term", "as_of", "period"};
  if (!e.by.empty()) names.insert(names.end(), {"dimension", "group"});
  names.emplace_back("projects");
  for (const status s : all_statuses) names.emplace_back(to_string(s));
  for (const named_criteria& c : e.criteria)
    for (const char* suffix : {"_numerator", "_denominator", "_percent", "_text", "_change_pp", "_rank"})
      names.push_back(c.name + suffix);
  names.emplace_back("regressions");
  return names;
}

namespace {

// A project's state for regressions: its status, and whether it is in scope.
constexpr std::uint8_t out_of_scope_bit = 0x80;

// A numbered project id in 16 bytes instead of 112: its parts' count, then
// each part's kind (2 bits) and value (18 bits). Equal ids pack equally, and
// different ones differently; a text id, or a part above 2^18, does not pack.
struct packed_id {
  __extension__ using bits_t = unsigned __int128;
  bits_t bits = 0;
  friend bool operator==(packed_id, packed_id) = default;
};

struct packed_id_hash {
  std::size_t operator()(packed_id id) const noexcept {
    const auto low = static_cast<std::uint64_t>(id.bits), high = static_cast<std::uint64_t>(id.bits >> 64);
    return std::hash<std::uint64_t>{}(low ^ (high * 0x9E3779B97F4A7C15ULL));
  }
};

std::optional<packed_id> pack(const project_id& id) noexcept {
  static_assert(project_id::max_components * 20 + 3 <= 128, "a packed id holds every part");
  if (id.is_text()) return std::nullopt;
  packed_id::bits_t bits = id.size();
  for (std::size_t k = 0; k < id.size(); ++k) {
    const id_component c = id[k];
    if (c.value >= (1U << 18)) return std::nullopt;
    bits = (bits << 20) | (static_cast<packed_id::bits_t>(c.type) << 18) | c.value;
  }
  return packed_id{bits};
}

// A snapshot's project ids in its order, for regressions: packed when every
// id packs (nearly always), else whole. The large benchmark corpus keeps about
// 510,000 ids: 57 MB whole, 8 MB packed.
class id_list {
 public:
  explicit id_list(const snapshot& s) {
    packed_.reserve(s.size());
    for (const project& p : s) {
      const auto k = pack(p.id);
      if (!k) {
        packed_ = {};
        whole_.reserve(s.size());
        for (const project& q : s) whole_.push_back(q.id);
        return;
      }
      packed_.push_back(*k);
    }
  }

  [[nodiscard]] std::size_t size() const noexcept { return whole_.empty() ? packed_.size() : whole_.size(); }

  /// Whether `s` lists the same ids in the same order.
  [[nodiscard]] bool lists(const snapshot& s) const {
    if (s.size() != size()) return false;
    if (!whole_.empty())
      return std::equal(whole_.begin(), whole_.end(), s.begin(),
                        [](const project_id& id, const project& p) { return id == p.id; });
    return std::equal(packed_.begin(), packed_.end(), s.begin(), [](packed_id id, const project& p) {
      const auto k = pack(p.id);
      return k && *k == id;
    });
  }

  /// The i-th id packed, or nothing when it does not pack (then whole(i)).
  [[nodiscard]] std::optional<packed_id> packed(std::size_t i) const noexcept {
    return whole_.empty() ? std::optional(packed_[i]) : pack(whole_[i]);
  }
  [[nodiscard]] const project_id& whole(std::size_t i) const noexcept { return whole_[i]; }

 private:
  std::vector<packed_id> packed_;
  std::vector<project_id> whole_;  // only when some id does not pack
};

// Snapshots of one district mostly list the same ids in the same order, so
// the id lists are shared: a snapshot keeps one byte per project of its own.
class id_lists {
 public:
  using list = std::shared_ptr<const id_list>;

  /// The list of `s`'s ids, shared with an earlier snapshot of its district
  /// when they are the same: compared in place, made only when new.
  list intern(const snapshot& s) {
    std::vector<list> recent;
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      const std::vector<list>& known = by_district_[s.district()];
      // The last few lists only: a district with ever-changing lists pays a
      // list per snapshot instead of a search over all of them.
      recent.assign(known.end() - static_cast<std::ptrdiff_t>(std::min<std::size_t>(known.size(), 4)), known.end());
    }
    for (auto it = recent.rbegin(); it != recent.rend(); ++it)
      if ((*it)->lists(s)) return *it;
    auto fresh = std::make_shared<const id_list>(s);
    const std::lock_guard<std::mutex> lock(mutex_);
    by_district_[s.district()].push_back(fresh);
    return fresh;
  }

 private:
  std::mutex mutex_;
  std::unordered_map<std::string, std::vector<list>> by_district_;
};

// A snapshot's place among the rows, and what regressions need of it: its
// projects' states, one byte each, by position in *ids.
struct snapshot_record {
  std::uint32_t source = 0;  // its file's index (its own index for snapshots in memory) ...
  std::uint32_t part = 0;    // ... and which snapshot of the file: the order of ties
  std::size_t first_row = 0;
  std::size_t row_count = 0;
  id_lists::list ids;
  std::vector<std::uint8_t> states;
};

// Texts given an index each, in the order met (finish renumbers them in
// sorted order). Looked up by string_view: no string is made to look.
class text_table {
 public:
  std::uint32_t intern(std::string_view text) {
    if (const auto it = index_.find(text); it != index_.end()) return it->second;
    if (texts_.size() >= std::numeric_limits<std::uint32_t>::max()) throw error("too many distinct texts in a batch");
    const auto i = static_cast<std::uint32_t>(texts_.size());
    texts_.emplace_back(text);
    index_.emplace(texts_.back(), i);
    return i;
  }
  [[nodiscard]] std::vector<std::string> take() {
    index_.clear();
    std::vector<std::string> out(std::make_move_iterator(texts_.begin()), std::make_move_iterator(texts_.end()));
    texts_.clear();
    return out;
  }

 private:
  struct text_hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
  };
  std::deque<std::string> texts_;  // a deque: its strings never move, so the index may keep views of them
  std::unordered_map<std::string_view, std::uint32_t, text_hash, std::equal_to<>> index_;
};

// Rows of one file (or snapshot) as its thread makes them, added to the
// batch's once the file is read: a file whose snapshots are read again whole
// (interleaved rows) drops what it made, and the batch never sees it.
struct rows_made {
  std::vector<evaluation_row> rows;
  std::vector<rate_figures> figures;
  std::vector<snapshot_record> snapshots;  // first_row counts from this file's first

  void drop_from(std::size_t k, std::size_t criteria_count) {
    if (k >= snapshots.size()) return;
    rows.resize(snapshots[k].first_row);
    figures.resize(rows.size() * criteria_count);
    snapshots.resize(k);
  }
};

// What the threads gather: every row once, its figures, the snapshots' records
// and the texts. Each file's rows are appended whole, under the lock; the
// members are read once the threads are done.
struct gathered {
  std::vector<evaluation_row> rows;
  std::vector<rate_figures> figures;
  std::vector<snapshot_record> snapshots;
  text_table districts, groups;

  gathered() { groups.intern(""); }  // groups[0]: the whole snapshot's

  std::uint32_t district_index(std::string_view text) {
    const std::lock_guard<std::mutex> lock(mutex);
    return districts.intern(text);
  }
  std::uint32_t group_index(std::string_view text) {
    const std::lock_guard<std::mutex> lock(mutex);
    return groups.intern(text);
  }
  void add(rows_made&& made) {
    const std::lock_guard<std::mutex> lock(mutex);
    const std::size_t offset = rows.size();
    rows.insert(rows.end(), made.rows.begin(), made.rows.end());
    figures.insert(figures.end(), made.figures.begin(), made.figures.end());
    for (snapshot_record& s : made.snapshots) {
      s.first_row += offset;
      snapshots.push_back(std::move(s));
    }
    made = rows_made{};
  }

 private:
  std::mutex mutex;
};

void summarize(const snapshot& s, std::uint32_t source, std::uint32_t part, std::uint32_t file,
               const evaluate_options& options, id_lists& lists, gathered& all, rows_made& out) {
  snapshot_record record;
  record.source = source;
  record.part = part;
  record.first_row = out.rows.size();
  evaluation_row row;
  row.district = all.district_index(s.district());
  row.term = s.term();
  row.as_of = s.as_of();
  row.file = file;
  const auto add_row = [&](const evaluation_row& r, const auto& projects) {
    out.rows.push_back(r);
    out.rows.back().counts = count_statuses(projects);
    for (const named_criteria& c : options.criteria)
      out.figures.push_back({completion_rate(projects, c.criteria), {}, {}});
  };
  add_row(row, s);
  for (const dimension d : options.by) {
    for (const project_group& g : group_projects(s, d)) {
      evaluation_row group_row = row;
      group_row.dimension = d;
      group_row.group = all.group_index(g.key);
      add_row(group_row, g.projects);
    }
  }
  record.row_count = out.rows.size() - record.first_row;
  record.states.reserve(s.size());
  for (const project& p : s)
    record.states.push_back(static_cast<std::uint8_t>(index_of(p.status) | (p.in_scope() ? 0 : out_of_scope_bit)));
  record.ids = lists.intern(s);
  out.snapshots.push_back(std::move(record));
}

// Projects in scope on both sides that moved back, as compare() classifies
// them (classify_move under the criteria).
std::int64_t count_regressions(const snapshot_record& before, const snapshot_record& after, const criteria& c) {
  const auto regressed = [&](std::uint8_t from, std::uint8_t to) {
    if ((from | to) & out_of_scope_bit) return false;
    return classify_move(all_statuses[from], all_statuses[to], c) == transition_kind::regression;
  };
  std::int64_t n = 0;
  if (before.ids == after.ids) {
    for (std::size_t i = 0; i < after.states.size(); ++i) n += regressed(before.states[i], after.states[i]) ? 1 : 0;
    return n;
  }
  // Positions by packed id, and by whole id for the few that do not pack
  // (an id that packs is never equal to one that does not).
  std::unordered_map<packed_id, std::size_t, packed_id_hash> position;
  std::unordered_map<project_id, std::size_t> whole_position;
  position.reserve(before.ids->size());
  for (std::size_t i = 0; i < before.ids->size(); ++i) {
    if (const auto k = before.ids->packed(i)) position.emplace(*k, i);
    else whole_position.emplace(before.ids->whole(i), i);
  }
  const auto before_position = [&](std::size_t i) -> std::optional<std::size_t> {
    if (const auto k = after.ids->packed(i)) {
      const auto it = position.find(*k);
      return it == position.end() ? std::nullopt : std::optional(it->second);
    }
    const auto it = whole_position.find(after.ids->whole(i));
    return it == whole_position.end() ? std::nullopt : std::optional(it->second);
  };
  for (std::size_t i = 0; i < after.states.size(); ++i)
    if (const auto j = before_position(i)) n += regressed(before.states[*j], after.states[i]) ? 1 : 0;
  return n;
}

// Snapshots without a date sort first.
std::int64_t date_key(const date& d) {
  return d.is_special() ? std::numeric_limits<std::int64_t>::min() : static_cast<std::int64_t>(d.julian_day());
}

// The order of rows: district (an index into a sorted table, so the order of
// the texts), as_of, term.
bool row_before(const evaluation_row& a, const evaluation_row& b) {
  return std::make_tuple(a.district, date_key(a.as_of), a.term) <
         std::make_tuple(b.district, date_key(b.as_of), b.term);
}

// Sorts `texts` (bytewise, as std::string compares), keeping those `used`
// only, and gives each old index its new one. A text can be unused: the
// district of a file that failed after some of its snapshots were read.
std::vector<std::uint32_t> sort_texts(std::vector<std::string>& texts, const std::vector<bool>& used) {
  std::vector<std::uint32_t> order;
  for (std::size_t i = 0; i < texts.size(); ++i)
    if (used[i]) order.push_back(static_cast<std::uint32_t>(i));
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return texts[a] < texts[b]; });
  std::vector<std::uint32_t> new_index(texts.size());
  std::vector<std::string> sorted;
  sorted.reserve(order.size());
  for (std::size_t k = 0; k < order.size(); ++k) {
    new_index[order[k]] = static_cast<std::uint32_t>(k);
    sorted.push_back(std::move(texts[order[k]]));
  }
  texts = std::move(sorted);
  return new_index;
}

// The texts the rows refer to (and groups[0], "", always), renumbered in
// sorted order.
void sort_tables(std::vector<std::string>& districts, std::vector<std::string>& groups,
                 std::vector<evaluation_row>& rows) {
  std::vector<bool> district_used(districts.size()), group_used(groups.size());
  group_used.at(0) = true;
  for (const evaluation_row& r : rows) {
    district_used.at(r.district) = true;
    group_used.at(r.group) = true;
  }
  const std::vector<std::uint32_t> district_index = sort_texts(districts, district_used);
  const std::vector<std::uint32_t> group_index = sort_texts(groups, group_used);
  for (evaluation_row& r : rows) {
    r.district = district_index[r.district];
    r.group = group_index[r.group];
  }
}

// Puts rows[source[j]] (and its figures) at j, in place: each cycle of the
// permutation is followed once, with one row held aside. `source` is used up.
void permute(std::vector<evaluation_row>& rows, std::vector<rate_figures>& figures, std::size_t criteria_count,
             std::vector<std::size_t>& source) {
  std::vector<rate_figures> held(criteria_count);
  const auto figures_of = [&](std::size_t i) {
    return figures.begin() + static_cast<std::ptrdiff_t>(i * criteria_count);
  };
  for (std::size_t start = 0; start < source.size(); ++start) {
    if (source[start] == start) continue;
    const evaluation_row held_row = rows[start];
    std::move(figures_of(start), figures_of(start + 1), held.begin());
    std::size_t j = start;
    while (source[j] != start) {
      const std::size_t from = source[j];
      rows[j] = rows[from];
      std::move(figures_of(from), figures_of(from + 1), figures_of(j));
      source[j] = j;
      j = from;
    }
    rows[j] = held_row;
    std::move(held.begin(), held.end(), figures_of(j));
    source[j] = j;
  }
}

// Ranks within each period (and group, for group rows): highest rate first,
// ties sharing the smallest rank; rows without a rate get none. Each
// criteria's rates are taken in the order of the rows, with a key of
// (quarter, dimension, group), and sorted by key, then rate: the peers are
// then runs, and only the ranks are written out of order. (Sorting the rows
// first and reading their rates in the peers' order missed the cache on
// every row.)
void assign_ranks(const std::vector<evaluation_row>& rows, std::vector<rate_figures>& figures,
                  std::size_t criteria_count) {
  // The key: the quarter's number from year 0 (0 without a date), the
  // dimension (0 for the whole snapshot), the group's index.
  std::vector<std::uint64_t> keys(rows.size());
  date quarter_of{};  // the as_of `quarter` was computed for: a snapshot's rows share theirs
  std::uint64_t quarter = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const evaluation_row& r = rows[i];
    if (i == 0 || r.as_of != quarter_of) {
      quarter_of = r.as_of;
      const auto p = r.period();
      quarter = p ? static_cast<std::uint64_t>(p->year() * 4 + p->index()) : 0;
    }
    const std::uint64_t dim = r.dimension ? static_cast<std::uint64_t>(*r.dimension) + 1 : 0;
    keys[i] = (quarter << 40) | (dim << 32) | r.group;
  }
  struct ranked_rate {
    std::uint64_t key;
    fraction percent;
    std::size_t row;
  };
  std::vector<ranked_rate> ranked;
  ranked.reserve(rows.size());
  for (std::size_t c = 0; c < criteria_count; ++c) {
    const auto figures_at = [&](std::size_t row) -> rate_figures& { return figures[row * criteria_count + c]; };
    ranked.clear();
    for (std::size_t i = 0; i < rows.size(); ++i) {
      figures_at(i).rank.reset();
      if (const auto p = figures_at(i).rate.percent()) ranked.push_back({keys[i], *p, i});
    }
    // Rows of equal key and rate get the same rank, so their order does not matter.
    std::sort(ranked.begin(), ranked.end(), [](const ranked_rate& a, const ranked_rate& b) {
      return a.key != b.key ? a.key < b.key : a.percent > b.percent;
    });
    std::size_t peers_begin = 0;
    std::int64_t rank = 0;
    for (std::size_t j = 0; j < ranked.size(); ++j) {
      if (j == 0 || ranked[j].key != ranked[j - 1].key) peers_begin = j;
      if (j == peers_begin || ranked[j].percent != ranked[j - 1].percent)
        rank = static_cast<std::int64_t>(j - peers_begin + 1);
      figures_at(ranked[j].row).rank = rank;
    }
  }
}

// The snapshots in the order of their rows (district, as_of, term), ties in
// the order of files and of snapshots within a file. Sorted by keys made
// once: a comparison that looked each key up among the rows missed the
// cache twice (a tenth of a second on the large benchmark corpus).
std::vector<snapshot_record> in_row_order(std::vector<snapshot_record>&& snapshots,
                                          const std::vector<evaluation_row>& rows) {
  struct key {
    std::uint32_t district;
    std::int64_t as_of;
    int term;
    std::uint32_t source, part;
    std::size_t index;
    auto operator<=>(const key&) const = default;
  };
  std::vector<key> keys;
  keys.reserve(snapshots.size());
  for (std::size_t k = 0; k < snapshots.size(); ++k) {
    const snapshot_record& s = snapshots[k];
    const evaluation_row& r = rows[s.first_row];
    keys.push_back({r.district, date_key(r.as_of), r.term, s.source, s.part, k});
  }
  std::sort(keys.begin(), keys.end());
  std::vector<snapshot_record> sorted;
  sorted.reserve(snapshots.size());
  for (const key& k : keys) sorted.push_back(std::move(snapshots[k.index]));
  return sorted;
}

// The evaluation from what the threads gathered: the texts sorted, the
// snapshots sorted, changes and regressions from each district's previous
// snapshot, the rows put in order in place, and ranks. Nothing is held
// twice: each snapshot's states go once its successor is done, and the rows
// move within their own vector.
void finish(gathered&& all, const evaluate_options& options, evaluation& out) {
  out.criteria = options.criteria;
  out.by = options.by;
  const std::size_t criteria_count = options.criteria.size();
  out.districts = all.districts.take();
  out.groups = all.groups.take();
  out.rows = std::move(all.rows);
  out.figures = std::move(all.figures);
  sort_tables(out.districts, out.groups, out.rows);
  std::vector<snapshot_record> snapshots = in_row_order(std::move(all.snapshots), out.rows);

  // Ranks need the rates, not the order of the rows: when the batch may use
  // more than one thread, a second one ranks while this one works out the
  // changes (a sixth of finishing the large benchmark corpus each). They
  // write different members of the figures.
  std::exception_ptr ranking_failed;
  const auto rank = [&]() noexcept {
    try {
      assign_ranks(out.rows, out.figures, criteria_count);
    } catch (...) {
      ranking_failed = std::current_exception();
    }
  };
  std::jthread ranking;
  if (options.threads == 1) rank();
  else ranking = std::jthread(rank);

  for (std::size_t k = 1; k < snapshots.size(); ++k) {
    snapshot_record& then = snapshots[k - 1];
    const snapshot_record& now = snapshots[k];
    if (out.rows[then.first_row].district == out.rows[now.first_row].district) {
      // The same row of the previous snapshot: a snapshot has few groups, so
      // a look through them beats building an index for each.
      for (std::size_t i = now.first_row; i < now.first_row + now.row_count; ++i) {
        const evaluation_row& r = out.rows[i];
        for (std::size_t j = then.first_row; j < then.first_row + then.row_count; ++j) {
          const evaluation_row& b = out.rows[j];
          if (b.dimension != r.dimension || b.group != r.group) continue;
          for (std::size_t c = 0; c < criteria_count; ++c)
            out.figures[i * criteria_count + c].change_points =
                change_in_points(out.figures[j * criteria_count + c].rate, out.figures[i * criteria_count + c].rate);
          break;
        }
      }
      if (!options.criteria.empty())
        out.rows[now.first_row].regressions = count_regressions(then, now, options.criteria.front().criteria);
    }
    then.states = {};
    then.ids.reset();
  }
  if (ranking.joinable()) ranking.join();
  if (ranking_failed) std::rethrow_exception(ranking_failed);
  std::vector<std::size_t> source;
  source.reserve(out.rows.size());
  for (snapshot_record& s : snapshots) {
    for (std::size_t i = 0; i < s.row_count; ++i) source.push_back(s.first_row + i);
  }
  snapshots = {};
  permute(out.rows, out.figures, criteria_count, source);
}

// The bytes of the file a thread reads, kept from file to file: reading
// into memory the thread already has spares the system clearing fresh pages
// for every file (13% of the time on the large benchmark corpus). A buffer
// above kept_file_bytes is given back after its file.
thread_local std::string file_bytes;
constexpr std::size_t kept_file_bytes = std::size_t(64) << 20;
// The projects of the last snapshot a thread summarised, whose strings the
// next file's rows are read into (a corpus of small files otherwise
// allocates a string per cell). Given back with the file bytes.
thread_local io::read_scratch read_scratch;

io::problem problem_of(const std::exception_ptr& failure, const std::string& path) {
  try {
    std::rethrow_exception(failure);
  } catch (const parse_error& e) {
    return {e.where().file.empty() ? source_location{path, 0, 0, {}} : e.where(),
            e.where().file.empty() ? path + ": " + e.what() : std::string(e.what())};
  } catch (const std::exception& e) {
    // "cannot open file 'path': …" names the file already: once is enough.
    const std::string what = e.what();
    const bool named = what.find("'" + path + "'") != std::string::npos;
    return {source_location{path, 0, 0, {}}, named ? what : path + ": " + what};
  }
}

void check_options(const evaluate_options& options, std::size_t files) {
  if (!options.file_org.empty() && options.file_org.size() != files)
    throw error("file_org needs one entry per file: " + std::to_string(options.file_org.size()) + " for " +
                std::to_string(files) + " files");
  for (const int o : options.file_org)
    if (o < -1 || o >= static_cast<int>(options.orgs.size()))
      throw error("file_org refers to org " + std::to_string(o) + " of " + std::to_string(options.orgs.size()));
}

}  // namespace

evaluation evaluate_files(std::span<const std::string> paths, const io::read_options& read,
                          const evaluate_options& options) {
  check_options(options, paths.size());
  // The read options of each org, built once rather than per file.
  io::read_options stoppable = read;  // every file's reading stops when the batch is asked to
  stoppable.stop = options.stop;
  stoppable.keep_descriptions = false;  // a summary counts; titles and notes are checked, not kept
  // Names only where a group needs them (fields, departments and bureaus are
  // still checked; an org keeps departments in any case: it checks them).
  const auto grouped_by = [&](dimension d) {
    return std::find(options.by.begin(), options.by.end(), d) != options.by.end();
  };
  stoppable.keep_field = read.keep_field && grouped_by(dimension::field);
  stoppable.keep_departments =
      read.keep_departments && (grouped_by(dimension::department) || grouped_by(dimension::bureau));
  std::vector<io::read_options> with_org(options.orgs.size(), stoppable);
  for (std::size_t i = 0; i < options.orgs.size(); ++i) with_org[i].org = options.orgs[i];
  std::vector<io::read_options> with_district_org(options.district_orgs.size(), stoppable);
  std::unordered_map<std::string, std::size_t> district_org_of;
  for (std::size_t i = 0; i < options.district_orgs.size(); ++i) {
    with_district_org[i].org = options.district_orgs[i].second;
    district_org_of.emplace(options.district_orgs[i].first, i);
  }
  io::read_options without_org = stoppable;
  without_org.org.reset();
  // A file without an org of its own, when orgs go by district: read first
  // without an org to learn its districts (departments are then taken as
  // written, so nothing fails for want of an org), then with theirs.
  const auto read_with_district_org = [&](const std::string& path) {
    std::vector<snapshot> snapshots = io::read_csv(path, without_org);
    std::optional<std::size_t> chosen;
    for (std::size_t k = 0; k < snapshots.size(); ++k) {
      const auto it = district_org_of.find(snapshots[k].district());
      const std::optional<std::size_t> org = it == district_org_of.end() ? std::nullopt : std::optional(it->second);
      if (k > 0 && org != chosen)
        throw data_error(path + ": the districts '" + snapshots[0].district() + "' and '" + snapshots[k].district() +
                         "' of this file have different orgs; give each district a file of its own, or one org");
      chosen = org;
    }
    if (chosen) return io::read_csv(path, with_district_org[*chosen]);
    return read.org ? io::read_csv(path, stoppable) : snapshots;
  };

  if (paths.size() >= evaluation_row::no_file)
    throw error("too many files for one batch: " + std::to_string(paths.size()));
  evaluation out;
  gathered all;
  {
    // The id lists go with the reading: each snapshot's record shares its
    // own, so that finish frees them one district after another.
    id_lists lists;
    // This thread reads files too: its buffer goes when the reading ends, however it ends.
    struct give_back_buffer {
      ~give_back_buffer() {
        std::string().swap(file_bytes);
        std::vector<project>().swap(read_scratch.projects);
      }
    } give_back;
    const auto failures = io::detail::share_out(
        paths.size(), options.threads,
        [&](std::size_t i) {
          // Counted however the file ends, so that a bar reaches its total.
          struct count_done {
            const evaluate_options& o;
            ~count_done() {
              if (o.on_file_done) o.on_file_done();
            }
          } done{options};
          const int org = options.file_org.empty() ? -1 : options.file_org[i];
          const auto file = static_cast<std::uint32_t>(i);
          rows_made made;
          // Each snapshot is summarised as soon as it is read, and dropped: a
          // file of many snapshots never holds more than one. A file read
          // again from its first snapshot (k back to 0) drops what it made.
          const io::snapshot_sink each = [&](std::size_t k, snapshot&& s) {
            made.drop_from(k, options.criteria.size());
            summarize(s, file, static_cast<std::uint32_t>(k), file, options, lists, all, made);
          };
          if (org < 0 && !options.district_orgs.empty()) {
            std::vector<snapshot> snapshots = read_with_district_org(paths[i]);
            for (std::size_t k = 0; k < snapshots.size(); ++k) each(k, std::move(snapshots[k]));
          } else {
            const io::read_options& o = org >= 0 ? with_org[org] : stoppable;
            io::read_file_bytes(paths[i], o.limits.max_file_bytes, file_bytes);
            io::read_csv_bytes_each(file_bytes, paths[i], o, each, read_scratch);
            if (file_bytes.capacity() > kept_file_bytes) std::string().swap(file_bytes);
          }
          all.add(std::move(made));
        },
        options.strict, options.stop);
    for (std::size_t i = 0; i < paths.size(); ++i) {
      if (!failures[i]) continue;
      if (options.strict) std::rethrow_exception(failures[i]);
      out.problems.push_back(problem_of(failures[i], paths[i]));
    }
  }
  out.files.assign(paths.begin(), paths.end());
  finish(std::move(all), options, out);
  return out;
}

evaluation evaluate_snapshots(std::span<const snapshot> snapshots, const evaluate_options& options) {
  if (snapshots.size() >= evaluation_row::no_file)
    throw error("too many snapshots for one batch: " + std::to_string(snapshots.size()));
  gathered all;
  {
    id_lists lists;
    const auto failures = io::detail::share_out(
        snapshots.size(), options.threads,
        [&](std::size_t i) {
          rows_made made;
          summarize(snapshots[i], static_cast<std::uint32_t>(i), 0, evaluation_row::no_file, options, lists, all, made);
          all.add(std::move(made));
        },
        true, options.stop);
    for (const std::exception_ptr& e : failures)
      if (e) std::rethrow_exception(e);
  }
  evaluation out;
  finish(std::move(all), options, out);
  return out;
}

evaluation combine(std::vector<evaluation> parts) {
  evaluation out;
  out.groups = {""};
  if (parts.empty()) return out;
  out.criteria = parts.front().criteria;
  out.by = parts.front().by;
  const std::size_t criteria_count = out.criteria.size();
  // The texts of all parts, each once and sorted; then each part's indices in them.
  std::unordered_map<std::string, std::size_t> part_of_district;
  for (std::size_t k = 0; k < parts.size(); ++k) {
    const evaluation& part = parts[k];
    if (part.criteria != out.criteria || part.by != out.by)
      throw data_error("cannot combine evaluations of different criteria or dimensions (part " + std::to_string(k + 1) +
                       " differs from part 1)");
    if (part.figures.size() != part.rows.size() * criteria_count)
      throw data_error("cannot combine part " + std::to_string(k + 1) + ": " + std::to_string(part.figures.size()) +
                       " figures for " + std::to_string(part.rows.size()) + " rows of " +
                       std::to_string(criteria_count) + " criteria");
    // Each district of the part's rows, in row order: the first one split names itself.
    std::uint32_t last = std::numeric_limits<std::uint32_t>::max();
    for (const evaluation_row& r : part.rows) {
      if (r.district == last) continue;
      last = r.district;
      const auto [it, inserted] = part_of_district.try_emplace(part.district_of(r), k);
      if (!inserted && it->second != k)
        throw data_error("district '" + part.district_of(r) + "' is in parts " + std::to_string(it->second + 1) +
                         " and " + std::to_string(k + 1) +
                         ": its changes from one snapshot to the next need all its snapshots in one part");
    }
  }
  text_table districts, groups;
  groups.intern("");
  std::vector<std::vector<std::uint32_t>> district_index(parts.size()), group_index(parts.size());
  for (std::size_t k = 0; k < parts.size(); ++k) {
    for (const std::string& d : parts[k].districts) district_index[k].push_back(districts.intern(d));
    for (const std::string& g : parts[k].groups) group_index[k].push_back(groups.intern(g));
  }
  out.districts = districts.take();
  out.groups = groups.take();

  std::size_t total = 0;
  for (const evaluation& part : parts) total += part.rows.size();
  out.rows.reserve(total);
  out.figures.reserve(total * criteria_count);
  for (std::size_t k = 0; k < parts.size(); ++k) {
    evaluation& part = parts[k];
    if (out.files.size() + part.files.size() >= evaluation_row::no_file)
      throw data_error("too many files to combine: " + std::to_string(out.files.size() + part.files.size()));
    const auto file_offset = static_cast<std::uint32_t>(out.files.size());
    for (std::string& f : part.files) out.files.push_back(std::move(f));
    for (evaluation_row r : part.rows) {
      r.district = district_index[k].at(r.district);
      r.group = group_index[k].at(r.group);
      if (r.file != evaluation_row::no_file) r.file += file_offset;
      out.rows.push_back(r);
    }
    out.figures.insert(out.figures.end(), part.figures.begin(), part.figures.end());
    for (io::problem& p : part.problems) out.problems.push_back(std::move(p));
    part = evaluation{};  // freed as soon as it is taken
  }
  sort_tables(out.districts, out.groups, out.rows);
  // A district's rows all come from one part, in order: a stable sort of
  // their positions by (district, as_of, term) puts them together, and the
  // rows move in place.
  std::vector<std::size_t> source(out.rows.size());
  for (std::size_t i = 0; i < source.size(); ++i) source[i] = i;
  std::stable_sort(source.begin(), source.end(),
                   [&](std::size_t a, std::size_t b) { return row_before(out.rows[a], out.rows[b]); });
  permute(out.rows, out.figures, criteria_count, source);
  assign_ranks(out.rows, out.figures, criteria_count);
  return out;
}

}  // namespace pledgetrack::batch
