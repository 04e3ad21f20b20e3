// The audit's engine: each stated figure computed from the data, compared at
// the precision printed, and, when they differ, explained by the first rule
// (or pair of rules) in the documented order (audit.hpp, docs/audit.md).
//
// Rules come in two kinds. Value rules change what is computed: another
// definition (4), the previous period (5), a nearby count (6), the other unit
// of a change (7). Display rules change how an exact value becomes the printed
// one: another rounding (1), shares forced to 100 (2), a sum of rounded parts
// (3). A single rule is one of them with the report's own rounding; a pair is
// a value rule seen through a display rule, or two value rules in turn.
#include <algorithm>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "pledgetrack/audit/audit.hpp"
#include "pledgetrack/audit/wording.hpp"
#include "pledgetrack/rates/completion.hpp"
#include "pledgetrack/rates/grouping.hpp"
#include "pledgetrack/rates/rounding.hpp"
#include "pledgetrack/report/shares.hpp"
#include "pledgetrack/report/wording.hpp"

namespace pledgetrack::audit {

namespace {

using report::language;
constexpr language ko = language::ko;
constexpr language en = language::en;

/// A text in both languages.
struct phrase {
  std::string ko, en;
  [[nodiscard]] const std::string& in(language lang) const { return lang == language::ko ? ko : en; }
  [[nodiscard]] bool empty() const { return ko.empty() && en.empty(); }
};

template <class F>
phrase both(F&& words) {
  return {words(ko), words(en)};
}
phrase same(const std::string& s) { return {s, s}; }

std::int64_t power_of_ten(int n) {
  std::int64_t p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

/// 1791 -> "1,791".
std::string count_text(std::int64_t n) {
  const std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out;
  if (n < 0) out += '-';
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i != 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

/// An exact value shown with `decimals` digits, half up: the arithmetic's
/// intermediate values ("30.61%").
std::string shown(fraction v, int decimals) { return format_decimal(v, rounding::half_up, decimals); }

status_set every_status() {
  status_set set;
  for (const status s : all_statuses) set.insert(s);
  return set;
}

std::string signed_text(std::int64_t scaled, int decimals) {
  return (scaled > 0 ? "+" : "") + format_scaled(scaled, decimals);
}

// -- what is computed ------------------------------------------------------------------

/// A group of projects a definition narrows the rate to.
struct subgroup_filter {
  std::optional<dimension> dim;  ///< a field, department or bureau; nothing: the projects new in this term
  std::string key;
};

/// How a figure is computed: the period, the criteria, and the value rules
/// applied on the way.
struct context {
  const audit_data* data = nullptr;      ///< the period measured
  const audit_data* previous = nullptr;  ///< the period before it (changes)
  criteria c;
  std::optional<subgroup_filter> subgroup;
  std::int64_t numerator_delta = 0;
  std::int64_t denominator_delta = 0;
  bool delta_on_previous = false;  ///< a change: the nearby count is the previous period's
  bool flip_unit = false;          ///< a change read in the other unit (rule 7)
  bool carried = false;
  std::vector<rule> rules;
  std::vector<phrase> what;  ///< how this context differs from the report's
};

/// An exact figure and its arithmetic.
struct measurement {
  fraction value;  ///< percent, %p or count
  phrase arithmetic;
  fraction numerator;  ///< of a ratio (a count for counts)
  std::int64_t denominator = 0;
  phrase levels;  ///< a change: the two rates it is the difference of
  /// The arithmetic with the levels first, when there are any.
  [[nodiscard]] std::string full(language l) const {
    return levels.empty() ? arithmetic.in(l) : levels.in(l) + "; " + arithmetic.in(l);
  }
};

/// A measurement, or why there is none.
struct measured {
  std::optional<measurement> m;
  phrase why_not;
};

measured none(phrase why) { return {std::nullopt, std::move(why)}; }

const std::vector<std::string>& new_in_term_headers() {
  static const std::vector<std::string> headers = {"new", "newinterm", "신규", "신규여부", "신규사업", "신규공약"};
  return headers;
}

/// Whether a project is marked as new in this term, in a column the reader
/// kept as extra (신규, 신규여부, new …): nothing when it has no such column.
std::optional<bool> new_in_term_mark(const project& p) {
  for (const auto& [header, value] : p.extra) {
    const std::string h = status_labels::normalise(header);
    if (std::find(new_in_term_headers().begin(), new_in_term_headers().end(), h) == new_in_term_headers().end())
      continue;
    const std::string v = status_labels::normalise(value);
    for (const std::string_view yes : {"y", "yes", "true", "1", "o", "○", "●", "v", "신규", "예", "해당", "해당됨"})
      if (v == yes) return true;
    return false;
  }
  return std::nullopt;
}

bool in_subgroup(const project& p, const subgroup_filter& g) {
  if (g.dim) return group_key(p, *g.dim) == g.key;
  return new_in_term_mark(p).value_or(false);
}

std::string groups_of(const stated_figure& f) {
  std::string out;
  for (std::size_t i = 0; i < f.groups.size(); ++i) {
    if (i != 0) out += " × ";
    out += f.groups[i];
  }
  return out;
}

/// The projects of `s` the figure and the context speak of.
std::vector<const project*> select(const snapshot& s, const stated_figure& f, const context& ctx) {
  std::vector<const project*> out;
  for (const project& p : s) {
    bool keep = true;
    for (std::size_t i = 0; i < f.dimensions.size() && keep; ++i) keep = group_key(p, f.dimensions[i]) == f.groups[i];
    if (keep && ctx.subgroup) keep = in_subgroup(p, *ctx.subgroup);
    if (keep) out.push_back(&p);
  }
  return out;
}

bool in_scope_any(const std::vector<const project*>& ps) {
  return std::any_of(ps.begin(), ps.end(), [](const project* p) { return p->in_scope(); });
}

/// numerator/denominator × 100 with its arithmetic: "15/49 = 30.61%".
measured ratio(fraction numerator, std::int64_t denominator, int precision) {
  if (denominator <= 0) return none(both([](language l) { return wording::empty_denominator(l); }));
  measurement m;
  m.numerator = numerator;
  m.denominator = denominator;
  m.value = numerator * fraction(100) / fraction(denominator);
  const std::string num = numerator.denominator() == 1 ? count_text(numerator.numerator()) : numerator.to_string();
  m.arithmetic = same(num + "/" + count_text(denominator) + " = " + shown(m.value, precision) + "%");
  return {m, {}};
}

/// Applies a nearby count to a numerator and denominator; false when the
/// result is no count (negative, or more complete than counted).
bool nudge(fraction& numerator, std::int64_t& denominator, const context& ctx, bool previous_side) {
  if (ctx.delta_on_previous != previous_side) return true;
  if (ctx.numerator_delta == 0 && ctx.denominator_delta == 0) return true;  // an empty denominator is ratio()'s to name
  if (ctx.numerator_delta != 0) {
    if (numerator.denominator() != 1) return false;
    numerator += fraction(ctx.numerator_delta);
  }
  denominator += ctx.denominator_delta;
  return !(numerator < fraction(0)) && denominator > 0 && !(numerator > fraction(denominator));
}

/// The rate of the figure's projects in one period.
measured rate_in(const audit_data& data, const stated_figure& f, const context& ctx, int precision,
                 bool previous_side) {
  criteria c = ctx.c;
  if (!f.statuses.empty()) {
    c.complete = f.status_set_of();
    c.measure = measure::status_share;
  }
  fraction numerator;
  std::int64_t denominator = 0;
  std::int64_t averaged = -1;  // projects averaged, for mean progress
  if (const snapshot* rows = data.rows()) {
    const auto selected = select(*rows, f, ctx);
    if (!in_scope_any(selected)) return none(both([&](language l) { return wording::empty_group(groups_of(f), l); }));
    const rate r = completion_rate(selected, c);
    numerator = r.numerator();
    denominator = r.denominator();
    if (c.measure == measure::mean_progress) averaged = denominator;
  } else {
    if (!f.dimensions.empty() || ctx.subgroup || c.measure != measure::status_share || c.basis != basis::project ||
        c.in_term_only)
      return none(both([](language l) { return wording::needs_rows(l); }));
    status_set counted = c.complete;
    for (const status s : all_statuses)
      if (c.excluded.contains(s)) counted.erase(s);
    numerator = fraction(data.counts().total(counted));
    denominator = data.counts().total() - data.counts().total(c.excluded);
  }
  if (!nudge(numerator, denominator, ctx, previous_side)) return none({});
  measured out = ratio(numerator, denominator, precision);
  if (out.m && averaged >= 0) {
    const std::string percent = shown(out.m->value, precision) + "%";
    out.m->arithmetic = both([&](language l) { return wording::mean_of(averaged, percent, l); });
  }
  return out;
}

/// A figure (not a change) in the context's period.
measured measure_level(const stated_figure& f, const context& ctx, int precision) {
  const audit_data& data = *ctx.data;
  if (f.figure == figure_kind::rate) return rate_in(data, f, ctx, precision, false);

  status_counts counts = data.counts();
  if (!f.dimensions.empty() || ctx.subgroup) {
    const snapshot* rows = data.rows();
    if (rows == nullptr) return none(both([](language l) { return wording::needs_rows(l); }));
    const auto selected = select(*rows, f, ctx);
    if (!in_scope_any(selected)) return none(both([&](language l) { return wording::empty_group(groups_of(f), l); }));
    counts = count_statuses(selected);
  }
  const status_set set = f.statuses.empty() ? every_status() : f.status_set_of();
  fraction numerator(counts.total(set));
  std::int64_t denominator = counts.total();
  if (!f.is_percent()) {  // a count: only its numerator can be nudged
    if (ctx.denominator_delta != 0) return none({});
    const std::int64_t counted = numerator.numerator();
    numerator += fraction(ctx.numerator_delta);
    if (numerator < fraction(0)) return none({});
    measurement m;
    m.value = numerator;
    m.numerator = numerator;
    m.arithmetic = both([&](language l) { return wording::count_in_data(count_text(counted), l); });
    if (ctx.numerator_delta != 0) {  // "33 + 2 = 35"
      const std::int64_t delta = ctx.numerator_delta;
      m.arithmetic = same(count_text(counted) + (delta > 0 ? " + " : " − ") + std::to_string(delta > 0 ? delta : -delta) +
                          " = " + count_text(numerator.numerator()));
    }
    return {m, {}};
  }
  if (!nudge(numerator, denominator, ctx, false)) return none({});
  return ratio(numerator, denominator, precision);
}

/// Whether a change is read as a relative change in % (else in %p).
bool relative_change(const stated_figure& f, const context& ctx) {
  return (f.value.unit == printed_unit::percent) != ctx.flip_unit;
}

measured measure(const stated_figure& f, const context& ctx, int precision) {
  if (f.figure != figure_kind::change) return measure_level(f, ctx, precision);
  if (ctx.previous == nullptr) return none(both([](language l) { return wording::needs_previous(l); }));
  const measured now = rate_in(*ctx.data, f, ctx, precision, false);
  if (!now.m) return now;
  const measured before = rate_in(*ctx.previous, f, ctx, precision, true);
  if (!before.m) return before;
  measurement m;
  const std::string a = shown(now.m->value, precision) + "%";
  const std::string b = shown(before.m->value, precision) + "%";
  if (relative_change(f, ctx)) {
    if (before.m->value == fraction(0)) return none(both([](language l) { return wording::empty_denominator(l); }));
    m.value = (now.m->value / before.m->value - fraction(1)) * fraction(100);
    m.arithmetic = same(a + " ÷ " + b + " − 1 = " + signed_text(round_scaled(m.value, rounding::half_up, precision), precision) + "%");
  } else {
    m.value = now.m->value - before.m->value;
    m.arithmetic = same(a + " − " + b + " = " + signed_text(round_scaled(m.value, rounding::half_up, precision), precision) + "%p");
  }
  // "33/49 = 67.35%, 32/49 = 65.31%": the counts behind the two rates.
  m.levels = {now.m->arithmetic.ko + ", " + before.m->arithmetic.ko, now.m->arithmetic.en + ", " + before.m->arithmetic.en};
  return {m, {}};
}

// -- how it is printed ------------------------------------------------------------------

/// One way an exact value can become the printed figure.
struct display {
  std::int64_t scaled = 0;
  std::vector<rule> rules;
  phrase tail;  ///< the display's own words: "(버림)", "= 100 − 67.3 − 2.0 (…)"
};

std::int64_t standard_scaled(const measurement& m, const stated_figure& f, rounding report_rule) {
  return round_scaled(m.value, report_rule, f.value.decimals);
}

/// Rule 1: the other ways to round a value to the printed decimals.
std::vector<display> rounding_variants(const measurement& m, const stated_figure& f, rounding report_rule) {
  std::vector<display> out;
  if (!f.is_percent()) return out;
  const int d = f.value.decimals;
  for (const rounding r : {rounding::truncate, rounding::half_up, rounding::half_even}) {
    if (r == report_rule) continue;
    out.push_back({round_scaled(m.value, r, d), {r == rounding::truncate ? rule::truncation : rule::rounding},
                   both([&](language l) { return "(" + report::rounding_text(r, d, l) + ")"; })});
  }
  for (int extra = 1; extra <= 2 && d + extra <= 9; ++extra) {  // rounded twice: 67.349 -> 67.35 -> 67.4
    const fraction first(round_scaled(m.value, report_rule, d + extra), power_of_ten(d + extra));
    out.push_back({round_scaled(first, report_rule, d), {rule::rounding},
                   both([&](language l) { return wording::rounded_twice(d + extra, d, l); })});
  }
  // Fewer decimals, printed with zeros: 67.35 rounded to 67, printed "67.0".
  for (int fewer = 1; fewer <= d; ++fewer) {
    if (f.value.scaled() % power_of_ten(fewer) != 0) break;
    std::vector<rounding> rules = {report_rule};
    if (report_rule != rounding::truncate) rules.push_back(rounding::truncate);
    for (const rounding r : rules) {
      out.push_back({round_scaled(m.value, r, d - fewer) * power_of_ten(fewer),
                     {r == rounding::truncate ? rule::truncation : rule::rounding},
                     both([&](language l) { return wording::fewer_decimals(r, d - fewer, f.value.text, l); })});
    }
  }
  return out;
}

// -- the search ---------------------------------------------------------------------------

/// An explanation found: its rules and its words after "printed X:".
struct explanation {
  std::vector<rule> rules;
  phrase words;
};

class auditor {
 public:
  auditor(const audit_data& data, const audit_data* previous, const criteria& c,
          const std::vector<stated_figure>& all)
      : data_(data), previous_(previous), c_(c), all_(all) {}

  finding check(const stated_figure& f) {
    finding out;
    out.stated = f;
    precision_ = std::max(2, f.value.decimals + 1);
    context base;
    base.data = f.of_previous ? previous_ : &data_;
    base.previous = previous_;
    base.carried = f.of_previous;  // a previous figure has no period before it to carry over
    base.c = c_;
    const measured computed = base.data != nullptr ? measure(f, base, precision_)
                                                   : none(both([](language l) { return wording::needs_previous(l); }));
    if (!computed.m) {
      out.verdict = verdict::unexplained;
      out.detail_ko = wording::cannot_compute(computed.why_not.ko, ko);
      out.detail_en = wording::cannot_compute(computed.why_not.en, en);
      return out;
    }
    const measurement& m = *computed.m;
    out.computed = m.value;
    const std::int64_t standard = f.is_percent() ? standard_scaled(m, f, c_.rule) : m.value.numerator();
    out.computed_text = computed_text(f, standard, base);
    const phrase head = f.is_percent() ? phrase{m.full(ko) + " → " + out.computed_text, m.full(en) + " → " + out.computed_text}
                                       : m.arithmetic;
    if (standard == target(f)) {
      out.verdict = verdict::agree;
      out.detail_ko = head.ko;
      out.detail_en = head.en;
      return out;
    }
    const auto found = explain(f, base, m);
    const phrase printed_as = both([&](language l) { return "; " + wording::printed(l) + " " + f.value.text + ": "; });
    if (found) {
      out.verdict = verdict::explained;
      out.rules = found->rules;
      out.detail_ko = head.ko + printed_as.ko + found->words.ko;
      out.detail_en = head.en + printed_as.en + found->words.en;
    } else {
      out.verdict = verdict::unexplained;
      out.detail_ko = head.ko + printed_as.ko + wording::no_rule(ko);
      out.detail_en = head.en + printed_as.en + wording::no_rule(en);
      if (!base.data->has_rows()) {
        out.detail_ko += " (" + wording::rows_not_tried(ko) + ")";
        out.detail_en += " (" + wording::rows_not_tried(en) + ")";
      }
    }
    return out;
  }

 private:
  static std::int64_t target(const stated_figure& f) {
    return f.is_percent() ? f.value.scaled() : f.value.magnitude.numerator();
  }

  std::string computed_text(const stated_figure& f, std::int64_t scaled, const context& ctx) const {
    if (!f.is_percent()) return count_text(scaled);
    const std::string number = format_scaled(scaled, f.value.decimals);
    if (f.figure != figure_kind::change) return number + "%";
    return (scaled > 0 ? "+" : "") + number + (relative_change(f, ctx) ? "%" : "%p");
  }

  // -- value rules: each gives the contexts it leads to from `ctx` -----------------------

  std::vector<context> definitions(const stated_figure& f, const context& ctx) const {
    std::vector<context> out;
    if (f.figure != figure_kind::rate && f.figure != figure_kind::change) return out;
    if (ctx.c.measure != measure::status_share) return out;
    auto add = [&](criteria c, std::optional<subgroup_filter> g, phrase words) {
      context next = ctx;
      next.c = std::move(c);
      if (g) next.subgroup = std::move(g);
      next.rules.push_back(rule::definition);
      next.what.push_back(std::move(words));
      out.push_back(std::move(next));
    };
    const criteria implementation = criteria::implementation();
    if (f.statuses.empty() && ctx.c.complete != implementation.complete) {
      criteria c = ctx.c;
      c.complete = implementation.complete;
      c.name = implementation.name;
      c.name_ko = implementation.name_ko;
      add(c, std::nullopt, both([&](language l) { return wording::definition(c, l); }));
    }
    const snapshot* rows = ctx.data->rows();
    if (rows == nullptr) return out;
    if (ctx.c.basis == basis::project) {
      criteria c = ctx.c;
      c.basis = basis::pledge;
      add(c, std::nullopt, both([&](language l) { return wording::definition(c, l); }));
    }
    const bool has_progress = std::any_of(rows->begin(), rows->end(), [](const project& p) { return p.progress.has_value(); });
    if (has_progress && f.statuses.empty()) {
      criteria c = criteria::mean_progress();
      c.rule = ctx.c.rule;
      add(c, std::nullopt, both([&](language l) { return wording::definition(c, l); }));
    }
    if (!ctx.c.in_term_only) {
      criteria c = criteria::in_term();
      c.complete = ctx.c.complete;
      c.rule = ctx.c.rule;
      add(c, std::nullopt, both([&](language l) { return wording::definition(c, l); }));
    }
    if (!f.dimensions.empty() || ctx.subgroup) return out;
    for (const dimension d : {dimension::field, dimension::department, dimension::bureau})
      for (const project_group& g : group_projects(*rows, d)) {
        if (g.key.empty()) continue;
        add(ctx.c, subgroup_filter{d, g.key},
            both([&](language l) { return wording::subgroup(wording::group_text(d, g.key, l), l); }));
      }
    const bool marked = std::any_of(rows->begin(), rows->end(), [](const project& p) { return new_in_term_mark(p).has_value(); });
    if (marked)
      add(ctx.c, subgroup_filter{std::nullopt, ""}, both([](language l) { return wording::new_in_term(l); }));
    return out;
  }

  std::vector<context> carried(const stated_figure& f, const context& ctx) const {
    if (previous_ == nullptr || f.figure == figure_kind::change || ctx.carried) return {};
    context next = ctx;
    next.data = previous_;
    next.previous = nullptr;
    next.carried = true;
    next.rules.push_back(rule::carried_over);
    next.what.push_back(both([](language l) { return wording::carried_over(l); }));
    return {next};
  }

  std::vector<context> nearby(const stated_figure& f, const context& ctx) const {
    std::vector<context> out;
    const measured base = measure(f, ctx, precision_);
    const std::vector<bool> sides = f.figure == figure_kind::change ? std::vector<bool>{false, true} : std::vector<bool>{false};
    for (std::int64_t k = 1; k <= 3; ++k)
      for (const bool previous_side : sides)
        for (const bool numerator : {true, false}) {
          if (!numerator && !f.is_percent()) continue;
          for (const std::int64_t delta : {k, -k}) {
            context next = ctx;
            next.delta_on_previous = previous_side;
            (numerator ? next.numerator_delta : next.denominator_delta) = delta;
            std::int64_t before = 0;
            if (f.figure == figure_kind::change) {
              const audit_data* side = previous_side ? ctx.previous : ctx.data;
              if (side == nullptr) continue;
              context plain = ctx;
              const measured r = rate_in(*side, f, plain, precision_, previous_side);
              if (!r.m) continue;
              if (numerator && r.m->numerator.denominator() != 1) continue;
              before = numerator ? r.m->numerator.numerator() : r.m->denominator;
            } else {
              if (!base.m) continue;
              if (numerator && base.m->numerator.denominator() != 1) continue;
              before = numerator ? base.m->numerator.numerator() : base.m->denominator;
            }
            next.rules.push_back(rule::nearby_count);
            next.what.push_back(both([&](language l) {
              return wording::nearby(numerator, !f.is_percent(), delta, before, before + delta, previous_side, l);
            }));
            out.push_back(std::move(next));
          }
        }
    return out;
  }

  std::vector<context> other_unit(const stated_figure& f, const context& ctx) const {
    if (f.figure != figure_kind::change) return {};
    context next = ctx;
    next.flip_unit = true;
    next.rules.push_back(rule::percent_for_points);
    next.what.push_back(both([&](language l) {
      return relative_change(f, next) ? wording::in_percent(l) : wording::in_points(l);
    }));
    return {next};
  }

  using generator = std::vector<context> (auditor::*)(const stated_figure&, const context&) const;

  // -- display rules ----------------------------------------------------------------------

  /// The words of a context's value rules, then its arithmetic and display.
  static phrase words_of(const context& ctx, const measurement& m, const display& d, const std::string& value_text,
                         bool percent) {
    return both([&](language l) {
      std::string out;
      for (const phrase& w : ctx.what) out += w.in(l) + ", ";
      // A count's arithmetic is the count itself: no arrow to it.
      // A change's rates are shown again only when a rule changed them.
      const bool same_levels = std::all_of(ctx.rules.begin(), ctx.rules.end(),
                                           [](rule r) { return r == rule::percent_for_points; });
      out += (same_levels ? m.arithmetic.in(l) : m.full(l)) + (percent ? " → " + value_text : "");
      if (!d.tail.empty()) out += " " + d.tail.in(l);
      return out;
    });
  }

  std::string value_text(const stated_figure& f, std::int64_t scaled) const {
    return f.is_percent() ? format_scaled(scaled, f.value.decimals) : count_text(scaled);
  }

  /// `ctx` printed by the report's rule, or (with `variants`) by rule 1's ways.
  std::optional<explanation> try_context(const stated_figure& f, const context& ctx, bool variants) const {
    const measured got = measure(f, ctx, precision_);
    if (!got.m) return std::nullopt;
    std::vector<display> ways;
    if (variants) {
      ways = rounding_variants(*got.m, f, c_.rule);
    } else {
      ways.push_back({f.is_percent() ? standard_scaled(*got.m, f, c_.rule) : got.m->value.numerator(), {}, {}});
    }
    for (const display& d : ways) {
      if (d.scaled != target(f)) continue;
      std::vector<rule> rules = ctx.rules;
      rules.insert(rules.end(), d.rules.begin(), d.rules.end());
      return explanation{ordered(rules), words_of(ctx, *got.m, d, value_text(f, d.scaled), f.is_percent())};
    }
    return std::nullopt;
  }

  /// The shares of the same table (same groups), this one included.
  std::vector<const stated_figure*> table_of(const stated_figure& f) const {
    std::vector<const stated_figure*> out;
    for (const stated_figure& g : all_)
      if (g.figure == figure_kind::share && g.dimensions == f.dimensions && g.groups == f.groups) out.push_back(&g);
    return out;
  }

  /// Rule 2: a share forced so that the table's shares sum to 100.
  std::optional<explanation> forced_to_100(const stated_figure& f, const context& ctx) const {
    if (f.figure != figure_kind::share) return std::nullopt;
    const auto table = table_of(f);
    if (table.size() < 2) return std::nullopt;
    status_set covered;
    for (const stated_figure* g : table)
      for (const status s : g->statuses) {
        if (covered.contains(s)) return std::nullopt;  // overlapping columns are no table
        covered.insert(s);
      }
    // The table must cover every status the data has in it.
    stated_figure all = f;
    all.statuses.clear();
    all.figure = figure_kind::count;
    all.value.unit = printed_unit::none;
    for (const status s : all_statuses) {
      if (covered.contains(s)) continue;
      stated_figure one = all;
      one.statuses = {s};
      const measured n = measure(one, ctx, precision_);
      if (!n.m || n.m->value != fraction(0)) return std::nullopt;
    }
    const int d = f.value.decimals;
    // The residual: 100 minus the other shares as printed, each of which agrees.
    std::int64_t residual = 100 * power_of_ten(d);
    std::string others;
    bool others_agree = true;
    for (const stated_figure* g : table) {
      if (g == &f || *g == f) continue;
      if (g->value.decimals > d) return std::nullopt;
      residual -= g->value.scaled() * power_of_ten(d - g->value.decimals);
      others += " − " + g->value.text;
      const measured gm = measure(*g, ctx, std::max(2, g->value.decimals + 1));
      others_agree = others_agree && gm.m && standard_scaled(*gm.m, *g, c_.rule) == g->value.scaled();
    }
    if (others_agree && residual == target(f)) {
      const std::string column = f.status_text;
      return explanation{{rule::forced_to_100}, both([&](language l) {
                           std::string out = format_scaled(residual, d) + " = 100";
                           for (const stated_figure* g : table)
                             if (g != &f && !(*g == f)) out += " − " + format_scaled(g->value.scaled(), g->value.decimals);
                           return out + " (" + wording::residual(wording::statuses_text(f.statuses, l), l) + ")";
                         })};
    }
    // Largest remainder over the table's counts.
    std::vector<std::int64_t> counts;
    std::size_t mine = 0;
    std::int64_t total = 0;
    for (std::size_t i = 0; i < table.size(); ++i) {
      stated_figure column = *table[i];
      column.figure = figure_kind::count;
      column.value.unit = printed_unit::none;
      const measured n = measure(column, ctx, precision_);
      if (!n.m) return std::nullopt;
      counts.push_back(n.m->value.numerator());
      total += counts.back();
      if (table[i] == &f) mine = i;
    }
    const auto apportioned = report::scaled_shares(counts, total, report::share_rounding::largest_remainder, c_.rule, d);
    if (!apportioned.empty() && apportioned[mine] == target(f))
      return explanation{{rule::forced_to_100}, both([&](language l) {
                           return format_scaled(apportioned[mine], d) + " (" + wording::largest_remainder(l) + ")";
                         })};
    return std::nullopt;
  }

  /// The parts a total (or a combined column) is the sum of: stated shares of
  /// its table that partition its statuses, else its single statuses.
  std::vector<stated_figure> parts_of(const stated_figure& f) const {
    std::vector<stated_figure> out;
    const status_set whole = f.statuses.empty() ? every_status() : f.status_set_of();
    status_set covered;
    for (const stated_figure* g : table_of(f)) {
      if (*g == f) continue;
      bool inside = true;
      for (const status s : g->statuses) inside = inside && whole.contains(s) && !covered.contains(s);
      if (!inside) continue;
      for (const status s : g->statuses) covered.insert(s);
      out.push_back(*g);
    }
    if (covered == whole && out.size() >= 2) return out;
    if (f.statuses.size() < 2) return {};
    out.clear();
    for (const status s : f.statuses) {
      stated_figure one = f;
      one.figure = figure_kind::share;
      one.statuses = {s};
      one.status_text = std::string(label_ko(s));
      out.push_back(one);
    }
    return out;
  }

  /// Rule 3: a total made by adding parts, each rounded by `r`.
  std::optional<explanation> sum_of_parts(const stated_figure& f, const context& ctx, rounding r) const {
    if (!f.is_percent() || (f.figure != figure_kind::total && f.figure != figure_kind::share)) return std::nullopt;
    const auto parts = parts_of(f);
    if (parts.empty()) return std::nullopt;
    const int d = f.value.decimals;
    std::int64_t sum = 0;
    std::vector<std::string> terms;
    std::vector<phrase> arithmetic;
    for (const stated_figure& part : parts) {
      stated_figure at = part;
      at.value.decimals = d;
      const measured m = measure(at, ctx, precision_);
      if (!m.m) return std::nullopt;
      const std::int64_t scaled = round_scaled(m.m->value, r, d);
      sum += scaled;
      terms.push_back(format_scaled(scaled, d));
      arithmetic.push_back({m.m->arithmetic.ko + " → " + terms.back(), m.m->arithmetic.en + " → " + terms.back()});
    }
    if (sum != target(f)) return std::nullopt;
    std::vector<rule> rules = ctx.rules;
    rules.push_back(rule::sum_of_rounded_parts);
    if (r != c_.rule) rules.push_back(r == rounding::truncate ? rule::truncation : rule::rounding);
    return explanation{ordered(rules), both([&](language l) {
                         std::string out;
                         for (const phrase& w : ctx.what) out += w.in(l) + ", ";
                         out += format_scaled(sum, d) + " = ";
                         for (std::size_t i = 0; i < terms.size(); ++i) out += (i ? " + " : "") + terms[i];
                         out += " (" + wording::rounded_parts(r, l) + ": ";
                         for (std::size_t i = 0; i < arithmetic.size(); ++i) out += (i ? ", " : "") + arithmetic[i].in(l);
                         return out + ")";
                       })};
  }

  std::optional<explanation> sums_in(const stated_figure& f, const std::vector<context>& contexts, bool variants) const {
    for (const context& ctx : contexts)
      for (const rounding r : {rounding::truncate, rounding::half_up, rounding::half_even}) {
        if (variants ? r == c_.rule : r != c_.rule) continue;
        if (auto e = sum_of_parts(f, ctx, r)) return e;
      }
    return std::nullopt;
  }

  static std::vector<rule> ordered(std::vector<rule> rules) {
    std::sort(rules.begin(), rules.end());
    rules.erase(std::unique(rules.begin(), rules.end()), rules.end());
    return rules;
  }

  std::optional<explanation> explain(const stated_figure& f, const context& base, const measurement&) const {
    const generator value_rules[] = {&auditor::definitions, &auditor::carried, &auditor::nearby, &auditor::other_unit};
    auto apply = [&](generator g, const std::vector<context>& from) {
      std::vector<context> out;
      for (const context& ctx : from)
        for (context& next : (this->*g)(f, ctx)) out.push_back(std::move(next));
      return out;
    };
    auto standard_in = [&](const std::vector<context>& contexts, bool variants) -> std::optional<explanation> {
      for (const context& ctx : contexts)
        if (auto e = try_context(f, ctx, variants)) return e;
      return std::nullopt;
    };
    const std::vector<context> bases = {base};

    // A total whose parts are printed is first checked as their sum: the
    // report's own table shows how it was made.
    if (f.figure == figure_kind::total)
      if (auto e = sums_in(f, bases, false)) return e;
    // Single rules, in order.
    if (auto e = standard_in(bases, true)) return e;  // 1
    if (auto e = forced_to_100(f, base)) return e;    // 2
    if (auto e = sums_in(f, bases, false)) return e;  // 3
    std::vector<std::vector<context>> single;
    for (const generator g : value_rules) {  // 4 … 7
      single.push_back(apply(g, bases));
      if (auto e = standard_in(single.back(), false)) return e;
    }
    // Pairs, in the order of their first rule, then their second.
    if (auto e = sums_in(f, bases, true)) return e;  // 1 + 3
    for (const auto& contexts : single)              // 1 + 4 … 7
      if (auto e = standard_in(contexts, true)) return e;
    for (std::size_t i = 0; i < 2; ++i)  // 3 + 4, 3 + 5
      if (auto e = sums_in(f, single[i], false)) return e;
    for (std::size_t i = 0; i < single.size(); ++i)  // 4 + 5 … 6 + 7
      for (std::size_t j = i + 1; j < single.size(); ++j)
        if (auto e = standard_in(apply(value_rules[j], single[i]), false)) return e;
    return std::nullopt;
  }

  const audit_data& data_;
  const audit_data* previous_;
  criteria c_;
  const std::vector<stated_figure>& all_;
  int precision_ = 2;
};

}  // namespace

audit_result audit_figures(const audit_data& data, const std::vector<stated_figure>& stated, const audit_data* previous,
                           const criteria& c) {
  audit_result out;
  out.criteria = c;
  out.has_rows = data.has_rows();
  out.has_previous = previous != nullptr;
  auditor a(data, previous, c, stated);
  out.findings.reserve(stated.size());
  for (const stated_figure& f : stated) out.findings.push_back(a.check(f));
  return out;
}

}  // namespace pledgetrack::audit
