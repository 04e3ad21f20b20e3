// Batch evaluation (see batch/evaluate.hpp). Workers read a file, reduce each
// of its snapshots to summary rows plus a compact record of its projects'
// states (for regressions), and drop the snapshot. The rows are then sorted,
// and changes, regressions and ranks filled in one sequential pass, so that
// nothing depends on which thread did what.
#include "pledgetrack/batch/evaluate.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <memory>
#include <mutex>
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

// Snapshots of one district mostly list the same ids in the same order, so
// the id lists are shared: a snapshot keeps one byte per project of its own.
class id_lists {
 public:
  using list = std::shared_ptr<const std::vector<project_id>>;

  /// The list of `s`'s ids, shared with an earlier snapshot of its district
  /// when they are the same: compared in place, copied only when new.
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
      if (std::equal((*it)->begin(), (*it)->end(), s.begin(), s.end(),
                     [](const project_id& id, const project& p) { return id == p.id; }))
        return *it;
    std::vector<project_id> ids;
    ids.reserve(s.size());
    for (const project& p : s) ids.push_back(p.id);
    auto fresh = std::make_shared<const std::vector<project_id>>(std::move(ids));
    const std::lock_guard<std::mutex> lock(mutex_);
    by_district_[s.district()].push_back(fresh);
    return fresh;
  }

 private:
  std::mutex mutex_;
  std::unordered_map<std::string, std::vector<list>> by_district_;
};

struct snapshot_summary {
  std::vector<evaluation_row> rows;  // the snapshot's own row, then its groups
  id_lists::list ids;
  std::vector<std::uint8_t> states;  // by position in *ids
};

evaluation_row make_row(const snapshot& s, std::size_t file) {
  evaluation_row row;
  row.district = s.district();
  row.term = s.term();
  row.as_of = s.as_of();
  if (!s.as_of().is_special()) row.period = period::quarter_of(s.as_of());
  row.file = file;
  return row;
}

template <class Range>
void fill_figures(evaluation_row& row, const Range& projects, const evaluate_options& options) {
  row.counts = count_statuses(projects);
  row.rates.reserve(options.criteria.size());
  for (const named_criteria& c : options.criteria) row.rates.push_back({completion_rate(projects, c.criteria), {}, {}});
}

snapshot_summary summarize(const snapshot& s, std::size_t file, const evaluate_options& options,
                           id_lists& lists) {
  snapshot_summary out;
  out.rows.push_back(make_row(s, file));
  fill_figures(out.rows.back(), s, options);
  for (const dimension d : options.by) {
    for (const project_group& g : group_projects(s, d)) {
      evaluation_row row = make_row(s, file);
      row.dimension = d;
      row.group = g.key;
      fill_figures(row, g.projects, options);
      out.rows.push_back(std::move(row));
    }
  }
  out.states.reserve(s.size());
  for (const project& p : s)
    out.states.push_back(static_cast<std::uint8_t>(index_of(p.status) | (p.in_scope() ? 0 : out_of_scope_bit)));
  out.ids = lists.intern(s);
  return out;
}

// Projects in scope on both sides that moved back, as compare() classifies
// them (classify_move under the criteria).
std::int64_t count_regressions(const snapshot_summary& before, const snapshot_summary& after, const criteria& c) {
  const auto regressed = [&](std::uint8_t from, std::uint8_t to) {
    if ((from | to) & out_of_scope_bit) return false;
    return classify_move(all_statuses[from], all_statuses[to], c) == transition_kind::regression;
  };
  std::int64_t n = 0;
  if (before.ids == after.ids) {
    for (std::size_t i = 0; i < after.states.size(); ++i) n += regressed(before.states[i], after.states[i]) ? 1 : 0;
    return n;
  }
  std::unordered_map<project_id, std::size_t> position;
  position.reserve(before.ids->size());
  for (std::size_t i = 0; i < before.ids->size(); ++i) position.emplace((*before.ids)[i], i);
  for (std::size_t i = 0; i < after.states.size(); ++i)
    if (const auto it = position.find((*after.ids)[i]); it != position.end())
      n += regressed(before.states[it->second], after.states[i]) ? 1 : 0;
  return n;
}

// Snapshots without a date sort first.
std::int64_t date_key(const date& d) {
  return d.is_special() ? std::numeric_limits<std::int64_t>::min() : static_cast<std::int64_t>(d.julian_day());
}

bool row_before(const evaluation_row& a, const evaluation_row& b) {
  return std::forward_as_tuple(a.district, date_key(a.as_of), a.term) <
         std::forward_as_tuple(b.district, date_key(b.as_of), b.term);
}

// Ranks within each period (and group, for group rows): highest rate first,
// ties sharing the smallest rank; rows without a rate get none. The peers
// are runs of the rows sorted by (period, dimension, group): no key is
// copied per row (a map keyed by them cost 4% of a large batch).
void assign_ranks(std::vector<evaluation_row>& rows, std::size_t criteria_count) {
  const auto peer_key = [&](std::size_t i) {
    const evaluation_row& r = rows[i];
    return std::tuple<const std::optional<period>&, int, const std::string&>(
        r.period, r.dimension ? static_cast<int>(*r.dimension) : -1, r.group);
  };
  std::vector<std::size_t> order(rows.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return peer_key(a) < peer_key(b); });
  std::vector<std::pair<fraction, std::size_t>> ranked;
  for (std::size_t begin = 0; begin < order.size();) {
    std::size_t end = begin + 1;
    while (end < order.size() && peer_key(order[end]) == peer_key(order[begin])) ++end;
    for (std::size_t c = 0; c < criteria_count; ++c) {
      ranked.clear();
      for (std::size_t k = begin; k < end; ++k) {
        const std::size_t i = order[k];
        rows[i].rates[c].rank.reset();
        if (const auto p = rows[i].rates[c].rate.percent()) ranked.emplace_back(*p, i);
      }
      std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
      for (std::size_t j = 0; j < ranked.size(); ++j) {
        const bool tie = j > 0 && ranked[j].first == ranked[j - 1].first;
        rows[ranked[j].second].rates[c].rank = tie ? *rows[ranked[j - 1].second].rates[c].rank
                                                   : static_cast<std::int64_t>(j + 1);
      }
    }
    begin = end;
  }
}

// Sorts the summaries, fills changes and regressions from each district's
// previous snapshot, and ranks.
std::vector<evaluation_row> finish(std::vector<snapshot_summary>&& summaries, const evaluate_options& options) {
  std::stable_sort(summaries.begin(), summaries.end(),
                   [](const snapshot_summary& a, const snapshot_summary& b) { return row_before(a.rows[0], b.rows[0]); });
  std::size_t total = 0;
  for (const snapshot_summary& s : summaries) total += s.rows.size();
  std::vector<evaluation_row> rows;
  rows.reserve(total);
  for (std::size_t k = 0; k < summaries.size(); ++k) {
    snapshot_summary& now = summaries[k];
    if (k > 0 && summaries[k - 1].rows[0].district == now.rows[0].district) {
      const snapshot_summary& then = summaries[k - 1];
      // The same row of the previous snapshot: a snapshot has few groups, so
      // a look through them beats building an index for each.
      for (evaluation_row& r : now.rows) {
        const auto same = std::find_if(then.rows.begin(), then.rows.end(), [&](const evaluation_row& b) {
          return b.dimension == r.dimension && b.group == r.group;
        });
        if (same == then.rows.end()) continue;
        for (std::size_t c = 0; c < r.rates.size(); ++c)
          r.rates[c].change_points = change_in_points(same->rates[c].rate, r.rates[c].rate);
      }
      if (!options.criteria.empty())
        now.rows[0].regressions = count_regressions(then, now, options.criteria.front().criteria);
    }
  }
  // Moved out only now: each snapshot's rows serve the next one above. Each
  // summary is freed as soon as it is moved, so the rows are not held twice.
  for (snapshot_summary& s : summaries) {
    for (evaluation_row& r : s.rows) rows.push_back(std::move(r));
    s = snapshot_summary{};
  }
  assign_ranks(rows, options.criteria.size());
  return rows;
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

  id_lists lists;
  std::vector<std::vector<snapshot_summary>> per_file(paths.size());
  // This thread reads files too: its buffer goes when the batch ends, however it ends.
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
        std::vector<snapshot_summary>& summaries = per_file[i];
        // Each snapshot is summarised as soon as it is read, and dropped: a
        // file of many snapshots never holds more than one.
        const io::snapshot_sink each = [&](std::size_t k, snapshot&& s) {
          summaries.resize(k);
          summaries.push_back(summarize(s, i, options, lists));
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
      },
      options.strict, options.stop);

  evaluation out;
  out.criteria = options.criteria;
  out.by = options.by;
  out.files.assign(paths.begin(), paths.end());
  std::vector<snapshot_summary> summaries;
  for (std::size_t i = 0; i < paths.size(); ++i) {
    if (failures[i]) {
      if (options.strict) std::rethrow_exception(failures[i]);
      out.problems.push_back(problem_of(failures[i], paths[i]));
      continue;
    }
    for (snapshot_summary& s : per_file[i]) summaries.push_back(std::move(s));
  }
  out.rows = finish(std::move(summaries), options);
  return out;
}

evaluation evaluate_snapshots(std::span<const snapshot> snapshots, const evaluate_options& options) {
  id_lists lists;
  std::vector<snapshot_summary> summaries(snapshots.size());
  const auto failures = io::detail::share_out(
      snapshots.size(), options.threads,
      [&](std::size_t i) { summaries[i] = summarize(snapshots[i], evaluation_row::no_file, options, lists); }, true,
      options.stop);
  for (const std::exception_ptr& e : failures)
    if (e) std::rethrow_exception(e);
  evaluation out;
  out.criteria = options.criteria;
  out.by = options.by;
  out.rows = finish(std::move(summaries), options);
  return out;
}

evaluation combine(std::vector<evaluation> parts) {
  evaluation out;
  if (parts.empty()) return out;
  out.criteria = parts.front().criteria;
  out.by = parts.front().by;
  std::unordered_map<std::string, std::size_t> part_of_district;
  for (std::size_t k = 0; k < parts.size(); ++k) {
    evaluation& part = parts[k];
    const std::size_t file_offset = out.files.size();
    for (std::string& f : part.files) out.files.push_back(std::move(f));
    if (part.criteria != out.criteria || part.by != out.by)
      throw data_error("cannot combine evaluations of different criteria or dimensions (part " + std::to_string(k + 1) +
                       " differs from part 1)");
    for (evaluation_row& r : part.rows) {
      const auto [it, inserted] = part_of_district.try_emplace(r.district, k);
      if (!inserted && it->second != k)
        throw data_error("district '" + r.district + "' is in parts " + std::to_string(it->second + 1) + " and " +
                         std::to_string(k + 1) +
                         ": its changes from one snapshot to the next need all its snapshots in one part");
      if (r.file != evaluation_row::no_file) r.file += file_offset;
      out.rows.push_back(std::move(r));
    }
    for (io::problem& p : part.problems) out.problems.push_back(std::move(p));
  }
  std::stable_sort(out.rows.begin(), out.rows.end(), row_before);
  assign_ranks(out.rows, out.criteria.size());
  return out;
}

}  // namespace pledgetrack::batch
