// Batch evaluation (pledgetrack/batch/evaluate.hpp): the files are read and
// evaluated by C++ threads with the GIL released; the result comes back as
// columns of plain Python values, which the package turns into a DataFrame.
#include <atomic>
#include <exception>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <pybind11/numpy.h>

#include <algorithm>
#include <limits>
#include <array>
#include <unordered_map>

#include "common.hpp"
#include "interrupt.hpp"
#include "pledgetrack/batch/evaluate.hpp"
#include "pledgetrack/batch/org_by_district.hpp"

namespace pledgetrack::python {

namespace {

std::vector<batch::named_criteria> to_criteria(const std::vector<std::string>& names) {
  std::vector<batch::named_criteria> out;
  for (const std::string& n : names) out.push_back(batch::preset(n));
  return out;
}

std::vector<dimension> to_dimensions(const std::vector<std::string>& names) {
  std::vector<dimension> out;
  for (const std::string& n : names) out.push_back(parse_dimension(n));
  return out;
}

// A whole numerator as an int, a fractional one (mean progress) as a Fraction.
py::object numerator_value(const fraction& f) {
  if (f.denominator() == 1) return py::int_(f.numerator());
  return py::cast(f);
}

template <class T>
py::object optional_value(const std::optional<T>& v) {
  return v ? py::cast(*v) : py::none();
}

/// Builds a column of whole numbers as a NumPy int64 array; with `nullable`,
/// a pair (values, mask) for pandas' nullable Int64 (mask true: missing).
class int_column {
 public:
  explicit int_column(std::size_t n, bool nullable) : values_(static_cast<py::ssize_t>(n)) {
    if (nullable) mask_ = py::array_t<bool>(static_cast<py::ssize_t>(n));
  }
  void set(std::size_t i, std::int64_t v) {
    values_.mutable_at(static_cast<py::ssize_t>(i)) = v;
    if (mask_.size() > 0) mask_.mutable_at(static_cast<py::ssize_t>(i)) = false;
  }
  void set(std::size_t i, const std::optional<std::int64_t>& v) {
    values_.mutable_at(static_cast<py::ssize_t>(i)) = v.value_or(0);
    mask_.mutable_at(static_cast<py::ssize_t>(i)) = !v.has_value();
  }
  [[nodiscard]] py::object result() const {
    if (mask_.size() > 0 || values_.size() == 0) return py::make_tuple(values_, mask_);
    return values_;
  }

 private:
  py::array_t<std::int64_t> values_;
  py::array_t<bool> mask_{0};
};

/// Whole numbers that identify a value: a fraction's two parts, a rate's
/// three and its rounding.
template <std::size_t N>
using number_key = std::array<std::int64_t, N>;

struct number_key_hash {
  template <std::size_t N>
  std::size_t operator()(const number_key<N>& key) const noexcept {
    std::size_t h = 0;
    for (const std::int64_t k : key) h = (h ^ std::hash<std::int64_t>{}(k)) * 0x9E3779B97F4A7C15ULL;
    return h;
  }
};

/// One Python object per distinct value: a corpus repeats its districts,
/// groups, dates and rate texts on thousands of rows, and one shared object
/// each keeps the table small and quick to build. Looked up by numbers, so
/// that a text (a rate's "67.3%", a period's "2024Q1") is made once per value
/// rather than once per row.
template <class Key, class Hash = std::hash<Key>>
class interned {
 public:
  template <class Make>
  py::object get(const Key& key, Make make) {
    const auto [it, inserted] = objects_.try_emplace(key);
    if (inserted) it->second = make();
    return it->second;
  }

 private:
  std::unordered_map<Key, py::object, Hash> objects_;
};

/// The table as {column: values}, in the order of batch::column_names: text,
/// dates and Fractions as NumPy object arrays; whole numbers as NumPy int64 arrays, or
/// (values, mask) pairs where they may be missing; percents as float64 (NaN
/// without a rate). Arrays rather than lists of Python ints: a corpus gives
/// tens of thousands of rows.
py::dict table_of(const batch::evaluation& e) {
  const std::vector<std::string> names = batch::column_names(e);
  const std::size_t n = e.rows.size();
  py::dict out;
  std::size_t next_name = 0;
  const auto put = [&](py::object column) { out[py::str(names[next_name++])] = std::move(column); };
  // A NumPy array of objects, not a list: pandas takes it as it is, where
  // it copied a list into such an array (0.18 s for the large benchmark
  // corpus' 841,712 rows). numpy.empty fills an object array with None
  // (py::array's own constructor leaves it unset); each is replaced by a
  // reference of its own.
  const py::object empty = py::module_::import("numpy").attr("empty");
  const auto text_column = [&](auto value) {
    auto column = py::cast<py::array>(empty(n, py::arg("dtype") = "object"));
    auto** items = static_cast<PyObject**>(column.mutable_data());
    for (std::size_t i = 0; i < n; ++i) {
      py::object item = value(e.rows[i]);
      Py_XDECREF(items[i]);
      items[i] = item.release().ptr();
    }
    put(column);
  };
  const auto whole_column = [&](bool nullable, auto value) {
    int_column column(n, nullable);
    for (std::size_t i = 0; i < n; ++i) column.set(i, value(e.rows[i]));
    put(column.result());
  };

  interned<std::string> texts;
  interned<std::int64_t> dates, periods;
  interned<number_key<2>, number_key_hash> fractions;
  const auto text = [&](const std::string& value) { return texts.get(value, [&] { return py::str(value); }); };
  // The evaluation keeps each district and group text once: one str each.
  std::vector<py::object> districts, groups;
  for (const std::string& d : e.districts) districts.push_back(text(d));
  for (const std::string& g : e.groups) groups.push_back(text(g));

  text_column([&](const batch::evaluation_row& r) { return districts.at(r.district); });
  whole_column(false, [](const batch::evaluation_row& r) { return std::int64_t{r.term}; });
  const auto day_of = [](const batch::evaluation_row& r) {
    return r.as_of.is_special() ? std::int64_t{-1} : static_cast<std::int64_t>(r.as_of.julian_day());
  };
  text_column([&](const batch::evaluation_row& r) {
    return dates.get(day_of(r), [&] { return py::cast(r.as_of); });
  });
  text_column([&](const batch::evaluation_row& r) {
    return periods.get(day_of(r), [&]() -> py::object {
      const auto p = r.period();
      return p ? text(p->label()) : py::none();
    });
  });
  if (!e.by.empty()) {
    interned<int> dimensions;
    text_column([&](const batch::evaluation_row& r) -> py::object {
      if (!r.dimension) return py::none();
      return dimensions.get(static_cast<int>(*r.dimension),
                            [&] { return text(std::string(to_string(*r.dimension))); });
    });
    text_column([&](const batch::evaluation_row& r) -> py::object {
      return r.dimension ? groups.at(r.group) : py::none();
    });
  }
  whole_column(false, [](const batch::evaluation_row& r) { return r.projects(); });
  for (const status s : all_statuses) whole_column(false, [s](const batch::evaluation_row& r) { return r.counts[s]; });
  for (std::size_t c = 0; c < e.criteria.size(); ++c) {
    // The columns' functions are given e.rows[i] itself, so its position is i.
    const auto figures = [&, c](const batch::evaluation_row& r) -> const batch::rate_figures& {
      return e.rates(static_cast<std::size_t>(&r - e.rows.data()))[c];
    };
    const bool whole = std::all_of(e.rows.begin(), e.rows.end(), [&](const batch::evaluation_row& r) {
      return figures(r).rate.numerator().denominator() == 1;
    });
    if (whole) whole_column(false, [&](const batch::evaluation_row& r) { return figures(r).rate.numerator().numerator(); });
    else text_column([&](const batch::evaluation_row& r) { return numerator_value(figures(r).rate.numerator()); });
    whole_column(false, [&](const batch::evaluation_row& r) { return figures(r).rate.denominator(); });
    py::array_t<double> percent(static_cast<py::ssize_t>(n));
    for (std::size_t i = 0; i < n; ++i) {
      const auto p = figures(e.rows[i]).rate.percent();
      percent.mutable_at(static_cast<py::ssize_t>(i)) = p ? p->to_double() : std::numeric_limits<double>::quiet_NaN();
    }
    put(percent);
    interned<number_key<5>, number_key_hash> rate_texts;
    text_column([&](const batch::evaluation_row& r) -> py::object {
      const rate& value = figures(r).rate;
      if (!value.has_value()) return py::none();
      return rate_texts.get({value.numerator().numerator(), value.numerator().denominator(), value.denominator(),
                             static_cast<std::int64_t>(value.rule()), value.decimals()},
                            [&] { return text(value.to_string()); });
    });
    text_column([&](const batch::evaluation_row& r) -> py::object {
      const auto& change = figures(r).change_points;
      if (!change) return py::none();
      return fractions.get({change->numerator(), change->denominator()}, [&] { return py::cast(*change); });
    });
    whole_column(true, [&](const batch::evaluation_row& r) { return figures(r).rank; });
  }
  whole_column(true, [](const batch::evaluation_row& r) { return r.regressions; });
  return out;
}

std::vector<std::string> criteria_names(const batch::evaluation& e) {
  std::vector<std::string> out;
  for (const auto& c : e.criteria) out.push_back(c.name);
  return out;
}

std::vector<std::string> dimension_names(const batch::evaluation& e) {
  std::vector<std::string> out;
  for (const dimension d : e.by) out.emplace_back(to_string(d));
  return out;
}

// A row's state is written out by hand (its counts nest); the check below
// stops a field added to evaluation_row from being left out.
static_assert(detail::field_count<batch::evaluation_row>() == 8, "row_state and row_from_state: a field is missing");

py::tuple row_state(const batch::evaluation_row& r) {
  py::list counts;
  for (const status s : all_statuses) counts.append(r.counts[s]);
  return py::make_tuple(r.district, r.group, r.term, r.as_of,
                        r.dimension ? py::object(py::str(std::string(to_string(*r.dimension)))) : py::none(), counts,
                        optional_value(r.regressions), r.file);
}

batch::evaluation_row row_from_state(const py::tuple& t) {
  if (t.size() != 8)
    throw error("cannot unpickle an evaluation row: a state of " + std::to_string(t.size()) + " parts");
  batch::evaluation_row r;
  r.district = t[0].cast<std::uint32_t>();
  r.group = t[1].cast<std::uint32_t>();
  r.term = t[2].cast<int>();
  if (!t[3].is_none()) r.as_of = t[3].cast<date>();
  if (!t[4].is_none()) r.dimension = parse_dimension(t[4].cast<std::string>());
  const auto counts = t[5].cast<std::vector<std::int64_t>>();
  for (std::size_t i = 0; i < status_count && i < counts.size(); ++i) r.counts.add(all_statuses[i], counts[i]);
  r.regressions = t[6].cast<std::optional<std::int64_t>>();
  r.file = t[7].cast<std::uint32_t>();
  return r;
}

/// The shape of an evaluation's state, inside the common pickle format: 3
/// since rows refer to tables of texts and the figures are one list (the
/// states before had no number of their own, and are refused by name).
constexpr int evaluation_state_format = 3;

py::tuple evaluation_state(const batch::evaluation& e) {
  py::list rows, figures;
  for (const auto& r : e.rows) rows.append(row_state(r));
  for (const batch::rate_figures& f : e.figures)
    figures.append(py::make_tuple(f.rate, optional_value(f.change_points), optional_value(f.rank)));
  return py::make_tuple(evaluation_state_format, criteria_names(e), dimension_names(e), e.districts, e.groups, rows,
                        figures, e.problems, e.files);
}

batch::evaluation evaluation_from_state(const py::tuple& t) {
  if (t.size() != 9 || !py::isinstance<py::int_>(t[0]) || t[0].cast<int>() != evaluation_state_format)
    throw error("cannot unpickle BatchEvaluation: a state of another format (expected evaluation format " +
                std::to_string(evaluation_state_format) + "; a state pickled by an older pledgetrack: evaluate again)");
  batch::evaluation e;
  e.criteria = to_criteria(t[1].cast<std::vector<std::string>>());
  e.by = to_dimensions(t[2].cast<std::vector<std::string>>());
  e.districts = t[3].cast<std::vector<std::string>>();
  e.groups = t[4].cast<std::vector<std::string>>();
  for (const py::handle row : t[5]) {
    batch::evaluation_row r = row_from_state(row.cast<py::tuple>());
    if (r.district >= e.districts.size() || r.group >= e.groups.size())
      throw error("cannot unpickle BatchEvaluation: a row refers to a text its tables lack");
    e.rows.push_back(r);
  }
  for (const py::handle item : t[6]) {
    const auto f = item.cast<py::tuple>();
    e.figures.push_back(
        {f[0].cast<rate>(), f[1].cast<std::optional<fraction>>(), f[2].cast<std::optional<std::int64_t>>()});
  }
  if (e.figures.size() != e.rows.size() * e.criteria.size())
    throw error("cannot unpickle BatchEvaluation: " + std::to_string(e.figures.size()) + " figures for " +
                std::to_string(e.rows.size()) + " rows of " + std::to_string(e.criteria.size()) + " criteria");
  e.problems = t[7].cast<std::vector<io::problem>>();
  e.files = t[8].cast<std::vector<std::string>>();
  return e;
}

}  // namespace

void register_batch(py::module_& m) {
  py::class_<batch::evaluation> cls(m, "BatchEvaluation",
                                    "Summary rows of a corpus (batch::evaluation); use pledgetrack.Evaluation.");
  cls.def_property_readonly("criteria", &criteria_names, "The criteria presets' names, in the order asked.");
  cls.def_property_readonly("by", &dimension_names, "The dimensions grouped by.");
  cls.def_readonly("problems", &batch::evaluation::problems, "A Problem per file that failed, in path order.");
  cls.def_readonly("districts", &batch::evaluation::districts, "The rows' districts, each once, sorted.");
  cls.def_readonly("groups", &batch::evaluation::groups,
                   "The rows' groups, each once, sorted; the first is '' (a whole snapshot's row).");
  cls.def("columns", &batch::column_names, "The table's column names (the documented contract).");
  cls.def("table", &table_of, "The table as {column: array of values}.");
  cls.def("files", [](const batch::evaluation& e) {
    std::vector<std::string> out;
    for (const auto& r : e.rows) out.push_back(r.file == batch::evaluation_row::no_file ? std::string() : e.files.at(r.file));
    return out;
  }, "The file of each row (empty for snapshots given in memory).");
  cls.def("__len__", [](const batch::evaluation& e) { return e.rows.size(); });
  cls.def("__eq__", [](const batch::evaluation& a, const batch::evaluation& b) { return a == b; }, py::is_operator());
  cls.def("__repr__", [](const batch::evaluation& e) { return python_repr(e, "BatchEvaluation"); });
  def_pickle(cls, &evaluation_state, &evaluation_from_state);

  m.def("criteria_presets", [] {
    std::vector<std::string> out;
    for (const auto name : batch::preset_names()) out.emplace_back(name);
    return out;
  }, "The names of the criteria presets a batch evaluates: kmc, implementation, ….");

  m.def(
      "read_org_csv_by_district",
      [](const std::string& path, const std::optional<std::string>& encoding_name) {
        std::optional<io::encoding> forced;
        if (encoding_name) forced = make_read_options(encoding_name, {}, "", 0, {}, {}, {}).encoding;
        py::gil_scoped_release unlocked;
        return batch::read_org_csv_by_district(path, forced);
      },
      py::arg("path"), py::kw_only(), py::arg("encoding") = py::none(),
      "[(district, Organization)] from an org file with a district column (자치단체), in order of\n"
      "first appearance; None when it has none (then it is one org for every district).");
  m.def("criteria_preset", [](const std::string& name) { return batch::preset(name).criteria; }, py::arg("name"),
        "The Criteria of a preset by its column name ('kmc', 'implementation', …).");
  m.def(
      "evaluate_files",
      [](const std::vector<std::string>& paths, unsigned threads, const std::vector<std::string>& criteria,
         const std::vector<std::string>& by, bool strict, const std::vector<organization>& orgs,
         const std::vector<int>& file_org, const std::vector<std::pair<std::string, organization>>& district_orgs,
         const py::object& progress, const std::optional<std::string>& encoding_name,
         const std::optional<std::string>& delimiter, const std::string& district, int term,
         const std::optional<date>& as_of, const std::optional<organization>& org, const aliases_t& aliases,
         const columns_t& columns, bool fill_down) {
        batch::evaluate_options options;
        options.criteria = to_criteria(criteria);
        options.by = to_dimensions(by);
        options.threads = threads;
        options.strict = strict;
        options.orgs = orgs;
        options.file_org = file_org;
        options.district_orgs = district_orgs;
        std::atomic<std::size_t> done{0};
        options.on_file_done = [&done] { done.fetch_add(1, std::memory_order_relaxed); };
        const io::read_options read =
            make_read_options(encoding_name, delimiter, district, term, as_of, org, aliases, columns, fill_down);
        const auto tick = progress.is_none() ? std::function<void()>() : [&] { progress(done.load()); };
        return run_interruptibly<batch::evaluation>(
            [&](std::stop_token stop) {
              options.stop = std::move(stop);
              return batch::evaluate_files(paths, read, options);
            },
            tick);
      },
      py::arg("paths"), py::kw_only(), py::arg("threads") = 0, py::arg("criteria") = std::vector<std::string>{"kmc"},
      py::arg("by") = std::vector<std::string>{}, py::arg("strict") = false,
      py::arg("orgs") = std::vector<organization>{}, py::arg("file_org") = std::vector<int>{},
      py::arg("district_orgs") = std::vector<std::pair<std::string, organization>>{}, py::arg("progress") = py::none(), py::arg("encoding") = py::none(), py::arg("delimiter") = py::none(),
      py::arg("district") = "", py::arg("term") = 0, py::arg("as_of") = py::none(), py::arg("org") = py::none(),
      py::arg("aliases") = aliases_t{}, py::arg("columns") = columns_t{}, py::arg("fill_down") = true,
      "Reads and evaluates every file on ``threads`` threads (0: one per core), keeping only the\n"
      "summary rows. ``progress(done)`` is called on this thread while the work runs. Ctrl-C stops\n"
      "the threads after the files being read and raises KeyboardInterrupt.");
  m.def(
      "evaluate_snapshots",
      [](const std::vector<snapshot>& snapshots, unsigned threads, const std::vector<std::string>& criteria,
         const std::vector<std::string>& by) {
        batch::evaluate_options options;
        options.criteria = to_criteria(criteria);
        options.by = to_dimensions(by);
        options.threads = threads;
        return run_interruptibly<batch::evaluation>([&](std::stop_token stop) {
          options.stop = std::move(stop);
          return batch::evaluate_snapshots(snapshots, options);
        });
      },
      py::arg("snapshots"), py::kw_only(), py::arg("threads") = 0,
      py::arg("criteria") = std::vector<std::string>{"kmc"}, py::arg("by") = std::vector<std::string>{},
      "The same for snapshots already read.");
  m.def("combine_evaluations", &batch::combine, py::arg("parts"),
        py::call_guard<py::gil_scoped_release>(),
        "One evaluation from partial ones (a district in one part only), ranked again over each period.");
}

}  // namespace pledgetrack::python
