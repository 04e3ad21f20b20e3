// Reading a published report's text (docs/reports.md). The report is read
// in passes over its lines: the title lines (district, term, 기준일자), the
// first table (field × bureau), the status table and every printed rate and
// count, the lists of changes and adjustment candidates, and the project
// table. Then the interpretations that need all of them: field names from
// the first table, department names from the org and the first table.
#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pledgetrack/audit/printed_value.hpp"
#include "pledgetrack/io/encoding.hpp"
#include "pledgetrack/published/department_match.hpp"
#include "pledgetrack/published/published_report.hpp"
#include "pledgetrack/published/report_text.hpp"
#include "pledgetrack/model/date.hpp"
#include "pledgetrack/time/term.hpp"

namespace pledgetrack::published {

namespace {

using audit::make_stated_figure;
using audit::parse_printed;

/// Spaces and ASCII case ignored, as status labels compare.
std::string key_of(std::string_view s) { return status_labels::normalise(s); }

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }
bool contains(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }

/// The circled number (①..⑳) a cell starts with, and the text after it.
std::optional<std::pair<int, std::string>> circled(std::string_view cell) {
  if (cell.empty()) return std::nullopt;
  const auto d = text::decode_utf8(cell);
  if (d.code_point < 0x2460 || d.code_point > 0x2473) return std::nullopt;
  return std::pair<int, std::string>(static_cast<int>(d.code_point - 0x2460 + 1),
                                     std::string(text::trim(cell.substr(d.length))));
}

/// A pledge number as the table prints it: two numbered parts (`2-3`, `4-5.`).
std::optional<project_id> pledge_number(std::string_view cell) {
  if (cell.empty() || circled(cell)) return std::nullopt;
  const auto id = project_id::try_parse(cell);
  if (!id || id->size() != 2) return std::nullopt;
  return id;
}

/// The statuses a column or phrase names: labels joined by `/` or `·`
/// (`완료 / 이행 후 계속추진`), as `+`-joined text for a stated figure;
/// nothing when a part is no status label.
std::optional<std::string> status_phrase(std::string_view phrase, const status_labels& labels) {
  std::string joined;
  std::string part;
  auto flush = [&]() -> bool {
    const std::string_view p = text::trim(part);
    if (p.empty() || !labels.find(p)) return false;
    if (!joined.empty()) joined += '+';
    joined += p;
    part.clear();
    return true;
  };
  for (std::size_t i = 0; i < phrase.size();) {
    if (phrase.substr(i, 1) == "/") {
      if (!flush()) return std::nullopt;
      ++i;
    } else if (phrase.substr(i, 2) == "\xC2\xB7") {  // ·
      if (!flush()) return std::nullopt;
      i += 2;
    } else {
      part += phrase[i++];
    }
  }
  if (!flush()) return std::nullopt;
  return joined;
}

/// A number printed in a table cell: `-` and empty are 0.
std::optional<std::int64_t> cell_count(std::string_view cell) {
  const std::string_view c = text::trim(cell);
  if (c.empty() || c == "-" || c == "\xE2\x80\x93") return 0;  // - or –
  try {
    const auto v = parse_printed(c);
    if (v.unit != audit::printed_unit::none || v.decimals != 0 || v.sign != 0) return std::nullopt;
    return v.magnitude.numerator();
  } catch (const parse_error&) {
    return std::nullopt;
  }
}

/// Cell `c` of a row, or "" past its end (rows drop their trailing empty cells).
const std::string& cell_at(const text_line& row, std::size_t c) {
  static const std::string none;
  return c < row.cells.size() ? row.cells[c] : none;
}

/// A printed percent in running text: the number, `%`, and what follows it
/// that belongs to it (`p`, an arrow, 상승/하락).
struct percent_token {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string text;
  bool is_change = false;  ///< %p, an arrow or a word of change
};

std::vector<percent_token> percent_tokens(std::string_view s) {
  std::vector<percent_token> out;
  auto digit = [&](std::size_t i) { return i < s.size() && s[i] >= '0' && s[i] <= '9'; };
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (!digit(i) || (i > 0 && (digit(i - 1) || s[i - 1] == '.'))) continue;
    std::size_t j = i;
    while (digit(j)) ++j;
    if (j < s.size() && s[j] == '.' && digit(j + 1)) {
      ++j;
      while (digit(j)) ++j;
    }
    std::size_t k = j;
    while (k < s.size() && s[k] == ' ') ++k;
    if (k >= s.size() || s[k] != '%') {
      i = j;
      continue;
    }
    percent_token t;
    t.begin = i;
    ++k;
    if (k < s.size() && (s[k] == 'p' || s[k] == 'P')) ++k, t.is_change = true;
    for (const std::string_view arrow : {"\xE2\x86\x91", "\xE2\x86\x93"})  // ↑ ↓
      if (s.substr(k, arrow.size()) == arrow) k += arrow.size(), t.is_change = true;
    std::size_t w = k;
    while (w < s.size() && s[w] == ' ') ++w;
    for (const std::string_view word : {"상승", "하락", "증가", "감소"})
      if (s.substr(w, word.size()) == word) k = w + word.size(), t.is_change = true;
    t.end = k;
    t.text = std::string(s.substr(i, k - i));
    out.push_back(std::move(t));
    i = k - 1;
  }
  return out;
}

/// A heading: `1. 점검개요`, `□ 세부 점검결과(총평)`.
std::optional<std::string> heading_of(const text_line& l) {
  if (l.is_row() || l.blank()) return std::nullopt;
  const std::string_view t = l.text;
  if (starts_with(t, "\xE2\x96\xA1")) return std::string(text::trim(t.substr(3)));  // □
  std::size_t i = 0;
  while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
  if (i > 0 && i < 3 && t.substr(i, 2) == ". ") return std::string(t);
  return std::nullopt;
}

/// One row of the project table, as read, before departments and fields are
/// interpreted.
struct table_row {
  project p;
  std::size_t line = 0;
  std::size_t page = 0;
  std::string printed_department;
  std::string printed_field;
  std::size_t field_number = 0;  ///< the id's first part
};

class reader {
 public:
  reader(std::string_view text, std::string file, const read_options& options)
      : lines_(split_report_text(text)), file_(std::move(file)), options_(options) {
    out_.file = file_;
  }

  published_report run() {
    const std::size_t header = project_table_header();
    read_title();
    std::size_t table_end = read_project_table(header);
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      if (i >= header && i < table_end) continue;
      const text_line& l = lines_[i];
      if (const auto h = heading_of(l)) heading_ = *h;
      if (l.is_row() && key_of(l.cells[0]) == "구분") {
        i = read_small_table(i) - 1;
        continue;
      }
      if (!l.is_row() && contains(l.text, "변경사항")) {
        i = read_changes(i) - 1;
        continue;
      }
      if (!l.is_row() && contains(l.text, "공약조정") && contains(l.text, "필요")) {
        i = read_adjustments(i) - 1;
        continue;
      }
      if (!l.is_row()) read_running_text(l);
    }
    name_fields();
    read_departments();
    apply_adjustments();
    check_changes();
    build_snapshot();
    return std::move(out_);
  }

 private:
  // -- where things are -------------------------------------------------------------

  std::string at(const text_line& l) const { return file_ + ":" + std::to_string(l.line); }

  void add_problem(const text_line& l, std::string text, const std::string& what) {
    out_.problems.push_back({l.page, l.line, text, at(l) + ": " + what + (text.empty() ? "" : ": '" + text + "'")});
  }
  void add_problem(std::string what) { out_.problems.push_back({0, 0, "", file_ + ": " + what}); }

  source_location location(const text_line& l) const { return source_location(file_, l.line); }

  /// Records a correction; the same (kind, printed, read) made again adds its
  /// place to the first.
  void correct(correction_kind kind, const std::string& printed, const std::string& read, std::string evidence,
               const std::string& id, const text_line& l) {
    for (correction& c : out_.corrections) {
      if (c.kind == kind && c.printed == printed && c.read == read) {
        if (!id.empty()) c.ids.push_back(id);
        c.lines.push_back(l.line);
        return;
      }
    }
    correction c{kind, printed, read, std::move(evidence), {}, {l.line}, l.page};
    if (!id.empty()) c.ids.push_back(id);
    out_.corrections.push_back(std::move(c));
  }

  // -- the title ----------------------------------------------------------------------

  void read_title() {
    out_.snapshot = snapshot();
    for (const text_line& l : lines_) {
      if (l.is_row()) continue;
      const std::string_view t = l.text;
      if (!term_ && contains(t, "민선")) {
        const std::size_t from = t.find("민선");
        const std::size_t to = t.find("기", from);
        if (to != std::string_view::npos) {
          try {
            term_ = term::parse(t.substr(from, to + 3 - from)).number();
          } catch (const parse_error&) {
          }
        }
      }
      if (contains(t, "기준일자") && t.find(':') != std::string_view::npos) {
        try {
          as_of_ = parse_date(t.substr(t.find(':') + 1));
        } catch (const parse_error&) {
          add_problem(l, std::string(t), "a 기준일자 that is not a date");
        }
      }
      if (!title_as_of_ && contains(t, "기준)")) {
        const std::size_t close = t.find("기준)");
        const std::size_t open = t.rfind('(', close);
        if (open != std::string_view::npos) {
          try {
            title_as_of_ = parse_date(t.substr(open + 1, close - open - 1));
          } catch (const parse_error&) {
          }
        }
      }
      if (district_.empty()) district_ = district_in(t);
    }
    if (as_of_ && title_as_of_ && *as_of_ != *title_as_of_)
      add_problem("the title's date (" + format_date(*title_as_of_) + ") and the 기준일자 (" + format_date(*as_of_) +
                  ") differ; the 기준일자 is used");
    if (!as_of_) as_of_ = title_as_of_;
  }

  /// The first "광역 기초" pair of names in `t`: `광주광역시 서구`, `충청남도 보령시`.
  static std::string district_in(std::string_view t) {
    std::vector<std::string_view> words;
    for (std::size_t i = 0; i < t.size();) {
      while (i < t.size() && t[i] == ' ') ++i;
      const std::size_t j = std::min(t.find(' ', i), t.size());
      if (j > i) words.push_back(t.substr(i, j - i));
      i = j;
    }
    auto ends = [](std::string_view w, std::string_view tail) {
      return w.size() > tail.size() && w.substr(w.size() - tail.size()) == tail;
    };
    for (std::size_t i = 0; i + 1 < words.size(); ++i) {
      const bool upper = ends(words[i], "특별시") || ends(words[i], "광역시") || ends(words[i], "특별자치시") ||
                         ends(words[i], "도");
      const bool lower = ends(words[i + 1], "구") || ends(words[i + 1], "군") || ends(words[i + 1], "시");
      if (upper && lower) return std::string(words[i]) + " " + std::string(words[i + 1]);
    }
    return {};
  }

  // -- the small tables: 점검개요 (field × bureau) and 점검결과 (statuses) ---------------

  /// Reads the table whose header starts at `i`; returns the line after it.
  std::size_t read_small_table(std::size_t i) {
    const text_line& header = lines_[i];
    std::vector<std::optional<std::string>> statuses;
    bool all_statuses = header.cells.size() >= 3;
    for (std::size_t c = 2; c < header.cells.size(); ++c) {
      statuses.push_back(status_phrase(header.cells[c], options_.labels));
      all_statuses = all_statuses && statuses.back().has_value();
    }
    std::size_t end = i + 1;
    while (end < lines_.size() && lines_[end].is_row()) ++end;
    if (all_statuses) {
      read_status_table(i, end, statuses);
    } else {
      read_first_table(i, end);
    }
    return end;
  }

  void stated(std::string_view figure, std::string_view value, std::string_view status, std::string_view dimension,
              std::string_view group, std::string_view period, const std::string& label, const text_line& l) {
    try {
      out_.stated.push_back(
          make_stated_figure(figure, value, status, dimension, group, period, label, location(l), options_.labels));
    } catch (const parse_error& e) {
      add_problem(l, std::string(value), "a figure that cannot be read (" + e.problem() + ")");
    }
  }

  void read_status_table(std::size_t begin, std::size_t end, const std::vector<std::optional<std::string>>& statuses) {
    for (std::size_t r = begin + 1; r < end; ++r) {
      const text_line& row = lines_[r];
      const std::string name = key_of(row.cells[0]);
      const bool counts = name == "건수" || name == "사업수";
      const bool shares = name == "비율" || name == "구성비";
      if (!counts && !shares) {
        add_problem(row, row.cells[0], "a row of the status table that is neither 건수 nor 비율");
        continue;
      }
      const std::string label = heading_ + ": " + row.cells[0];
      if (row.cells.size() > 1) stated("total", row.cells[1], "", "", "", "", label + " 계", row);
      for (std::size_t c = 2; c < row.cells.size() && c - 2 < statuses.size(); ++c)
        stated(counts ? "count" : "share", row.cells[c], *statuses[c - 2], "", "", "", label, row);
    }
  }

  void read_first_table(std::size_t begin, std::size_t end) {
    const text_line& header = lines_[begin];
    if (header.cells.size() < 3 || !out_.first_table.empty()) {
      add_problem(header, header.text, "a table that is neither the first table (분야 × 실·국) nor the status table");
      return;
    }
    first_table t;
    t.line = header.line;
    for (std::size_t c = 2; c < header.cells.size(); ++c) {
      t.bureaus_printed.push_back(header.cells[c]);
      t.bureaus.push_back(read_bureau(header.cells[c], header));
    }
    const std::size_t width = header.cells.size();
    std::vector<const text_line*> field_rows;
    const text_line* totals = nullptr;
    for (std::size_t r = begin + 1; r < end; ++r) {
      const text_line& row = lines_[r];
      const std::string name = key_of(row.cells[0]);
      if (name == "계" || name == "합계" || name == "총계") totals = &row;
      else field_rows.push_back(&row);
    }
    auto numbers = [&](const text_line& row) -> std::optional<std::vector<std::int64_t>> {
      std::vector<std::int64_t> out;
      for (std::size_t c = 1; c < width; ++c) {
        const auto n = cell_count(cell_at(row, c));
        if (!n) {
          add_problem(row, cell_at(row, c), "a cell of the first table that is not a count");
          return std::nullopt;
        }
        out.push_back(*n);
      }
      return out;
    };
    const std::string label = heading_;
    if (totals) {
      if (const auto n = numbers(*totals)) {
        t.total = (*n)[0];
        t.bureau_totals.assign(n->begin() + 1, n->end());
        if (t.total != 0)
          stated("total", cell_at(*totals, 1), "", "", "", "", label + ": " + totals->cells[0] + " × " + header.cells[1],
               *totals);
        for (std::size_t b = 0; b < t.bureaus.size(); ++b)
          if (t.bureau_totals[b] != 0)
            stated("count", cell_at(*totals, b + 2), "", "bureau", t.bureaus[b], "",
                 label + ": " + totals->cells[0], *totals);
      }
    } else {
      add_problem(header, header.text, "the first table has no 계 row");
    }
    for (const text_line* row : field_rows) {
      const auto n = numbers(*row);
      if (!n) continue;
      t.fields.push_back(row->cells[0]);
      t.field_totals.push_back((*n)[0]);
      t.cells.emplace_back(n->begin() + 1, n->end());
      if ((*n)[0] != 0) stated("count", cell_at(*row, 1), "", "field", row->cells[0], "", label + ": " + header.cells[1], *row);
      for (std::size_t b = 0; b < t.bureaus.size(); ++b)
        if ((*n)[b + 1] != 0)
          stated("count", cell_at(*row, b + 2), "", "field×bureau", row->cells[0] + "×" + t.bureaus[b], "",
                 label, *row);
    }
    out_.first_table = std::move(t);
  }

  /// A column of the first table as the org's bureau: the same name once
  /// spaces, `·` and counts in brackets are left out (`실(2)단(3)` = 실·단).
  std::string read_bureau(const std::string& printed, const text_line& l) {
    if (!options_.org) return printed;
    auto bare = [](std::string_view s) {
      std::string out;
      int depth = 0;
      for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '(') ++depth;
        else if (s[i] == ')') depth = std::max(0, depth - 1);
        else if (depth == 0 && s.substr(i, 2) != "\xC2\xB7" && !(i > 0 && s.substr(i - 1, 2) == "\xC2\xB7"))
          out += s[i];
      }
      return key_of(out);
    };
    for (const std::string& b : options_.org->bureaus()) {
      if (b == printed) return b;
    }
    for (const std::string& b : options_.org->bureaus()) {
      if (bare(b) == bare(printed)) {
        correct(correction_kind::bureau, printed, b,
                "the org's bureau " + b + " once spaces, the middle dot and the counts in brackets are left out", "",
                l);
        return b;
      }
    }
    add_problem(l, printed, "a column of the first table that is no bureau of the org");
    return printed;
  }

  // -- rates and counts in running text -------------------------------------------------

  void read_running_text(const text_line& l) {
    const std::string_view t = l.text;
    const std::string label = heading_ + ", line " + std::to_string(l.line);
    if (contains(t, "%") && (contains(t, "율") || contains(t, "률"))) {
      const auto tokens = percent_tokens(t);
      bool after_previous = false;
      for (const percent_token& tok : tokens) {
        const std::string_view rest = text::trim(t.substr(tok.end, 12));
        if (starts_with(rest, "대비")) {
          stated("rate", tok.text, "", "", "", "previous", label, l);
          after_previous = true;
        } else if (after_previous || tok.is_change) {
          stated("change", tok.text, "", "", "", "", label, l);
          after_previous = false;
        } else {
          stated("rate", tok.text, "", "", "", "", label, l);
        }
      }
      return;
    }
    // "… 중 완료·이행 후 계속추진 33건, 정상추진 15건, 일부추진 1건으로 …"
    std::size_t from = 0;
    for (std::size_t i = 0; i < t.size(); ++i) {
      if (t[i] < '0' || t[i] > '9' || (i > 0 && t[i - 1] >= '0' && t[i - 1] <= '9')) continue;
      std::size_t j = i;
      while (j < t.size() && t[j] >= '0' && t[j] <= '9') ++j;
      if (t.substr(j, 3) != "건") {
        i = j;
        continue;
      }
      std::string_view phrase = t.substr(from, i - from);
      if (const std::size_t among = phrase.rfind(" 중 "); among != std::string_view::npos)
        phrase = phrase.substr(among + std::string_view(" 중 ").size());
      while (!phrase.empty() && (phrase.front() == ',' || phrase.front() == '-' || phrase.front() == ' '))
        phrase.remove_prefix(1);
      if (const auto s = status_phrase(phrase, options_.labels))
        stated("count", t.substr(i, j + 3 - i), *s, "", "", "", label, l);
      from = j + 3;
      i = from - 1;
    }
  }

  // -- lists ---------------------------------------------------------------------------

  /// The id in brackets on a list line: `☞ (2-4-1) 재취업 …`; the title after it.
  static std::optional<std::pair<std::string, std::string>> bracketed_id(std::string_view t) {
    const std::size_t open = t.find('(');
    const std::size_t close = open == std::string_view::npos ? open : t.find(')', open);
    if (close == std::string_view::npos) return std::nullopt;
    const auto id = project_id::try_parse(t.substr(open + 1, close - open - 1));
    if (!id) return std::nullopt;
    return std::pair<std::string, std::string>(id->to_string(), std::string(text::trim(t.substr(close + 1))));
  }

  static std::string_view without_dash(std::string_view t) {
    t = text::trim(t);
    if (starts_with(t, "-")) t = text::trim(t.substr(1));
    return t;
  }

  std::size_t read_changes(std::size_t i) {
    std::string group_text;
    std::optional<status> group;
    std::optional<std::int64_t> announced;
    std::size_t listed = 0;
    const text_line* group_line = nullptr;
    auto close_group = [&]() {
      if (group_line && announced && *announced != static_cast<std::int64_t>(listed))
        add_problem(*group_line, group_line->text,
                    "the list of changes announces " + std::to_string(*announced) + " projects and lists " +
                        std::to_string(listed));
    };
    std::size_t r = i + 1;
    for (; r < lines_.size(); ++r) {
      const text_line& l = lines_[r];
      if (l.blank()) {
        if (group_line) break;
        continue;
      }
      if (l.is_row() || heading_of(l)) break;
      if (const auto item = bracketed_id(l.text)) {
        out_.changes.push_back({item->first, group_text, group, item->second, l.line});
        ++listed;
        continue;
      }
      const std::string_view t = without_dash(l.text);
      const std::size_t colon = t.find(':');
      if (colon == std::string_view::npos) break;
      close_group();
      std::string_view phrase = text::trim(t.substr(0, colon));
      if (phrase.size() > 6 && phrase.substr(phrase.size() - 6) == "사업") phrase = text::trim(phrase.substr(0, phrase.size() - 6));
      group_text = std::string(phrase);
      group = options_.labels.find(phrase);
      if (!group) add_problem(l, group_text, "a group of changes that names no status");
      announced.reset();
      if (const auto n = cell_count(text::trim(t.substr(colon + 1)))) announced = *n;
      listed = 0;
      group_line = &l;
    }
    close_group();
    return r;
  }

  std::size_t read_adjustments(std::size_t i) {
    std::size_t r = i + 1;
    for (; r < lines_.size(); ++r) {
      const text_line& l = lines_[r];
      if (l.blank()) continue;
      if (l.is_row() || heading_of(l)) break;
      if (const auto c = circled(l.text)) {
        if (const auto item = bracketed_id(c->second)) {
          out_.adjustments.push_back({item->first, item->second, {}, l.line});
          continue;
        }
      }
      if (starts_with(l.text, "-") && !out_.adjustments.empty()) {
        out_.adjustments.back().reasons.emplace_back(without_dash(l.text));
        continue;
      }
      break;
    }
    return r;
  }

  // -- the project table -----------------------------------------------------------------

  bool is_project_header(const text_line& l) const {
    if (!l.is_row()) return false;
    bool number = false, state = false;
    for (const std::string& c : l.cells) {
      const std::string k = key_of(c);
      number = number || k == "관리번호" || k == "번호";
      state = state || k == "추진상황" || k == "추진상태" || k == "이행상황";
    }
    return number && state;
  }

  std::size_t project_table_header() const {
    for (std::size_t i = 0; i < lines_.size(); ++i)
      if (is_project_header(lines_[i])) return i;
    throw parse_error::unquoted(source_location(file_),
                                "not a published report: no project table (공약사업별 추진현황: a table with the "
                                "headers 관리번호 and 추진상황)");
  }

  struct pledge_state {
    std::optional<project_id> number;
    std::string printed_number;
    std::string name;
    bool single = false;
    int last_unit = 0;
    std::optional<std::size_t> title_cell;  ///< where its first row printed the unit project's title
    std::vector<std::size_t> rows;          ///< indices into rows_
    const text_line* first_line = nullptr;
  };

  /// Reads the table from its header to the first heading after it; returns
  /// the line after the table.
  std::size_t read_project_table(std::size_t header) {
    pledge_state pledge;
    std::string field;
    const text_line* last_header = &lines_[header];
    std::size_t r = header + 1;
    for (; r < lines_.size(); ++r) {
      const text_line& l = lines_[r];
      if (l.blank()) continue;
      if (heading_of(l)) break;
      if (is_project_header(l)) {
        last_header = &l;
        continue;
      }
      if (!l.is_row()) {
        add_problem(l, l.text, "a line inside the project table that is no row of it");
        continue;
      }
      read_project_row(l, pledge, field, *last_header);
    }
    return r;
  }

  void read_project_row(const text_line& l, pledge_state& pledge, std::string& field, const text_line& last_header) {
    const std::vector<std::string>& cells = l.cells;
    // The status is the last cell, the department the one before it.
    const std::size_t status_at = cells.size() - 1;
    const auto s = options_.labels.find(cells[status_at]);
    if (!s || status_at < 2) {
      std::string hint;
      if (const auto near = options_.labels.nearest(cells[status_at])) hint = " (did you mean '" + *near + "'?)";
      add_problem(l, cells[status_at], "a row of the project table whose last cell is no status" + hint);
      return;
    }
    const std::string& department = cells[status_at - 1];
    std::optional<std::size_t> id_at, unit_at;
    std::vector<std::size_t> texts;
    for (std::size_t c = 0; c + 1 < status_at; ++c) {
      if (cells[c].empty()) continue;
      if (!id_at && pledge_number(cells[c])) id_at = c;
      else if (circled(cells[c])) unit_at = c;
      else texts.push_back(c);
    }
    // A cell before the id is the field's name; after it, the pledge's.
    std::optional<std::size_t> field_at, pledge_at;
    for (const std::size_t c : texts) {
      if (id_at && c < *id_at) field_at = c;
      else if (!pledge_at) pledge_at = c;
      else {
        add_problem(l, cells[c], "a row of the project table with more text cells than it can have");
        return;
      }
    }
    if (field_at) field = cells[*field_at];
    if (id_at) {
      pledge = pledge_state{};
      pledge.number = pledge_number(cells[*id_at]);
      pledge.printed_number = cells[*id_at];
      pledge.first_line = &l;
      if (pledge_at) pledge.name = cells[*pledge_at];
      if (pledge.number->to_string() != text::remove_spaces(cells[*id_at]))
        correct(correction_kind::id, cells[*id_at], pledge.number->to_string(),
                "a pledge number: the trailing dot is no part of it", pledge.number->to_string(), l);
      if (!unit_at) {
        if (!pledge_at) {
          add_problem(l, l.text, "a pledge with neither a name nor a unit project");
          return;
        }
        pledge.single = true;
        add_row(l, *pledge.number, pledge.name, pledge.name, department, cells[status_at], *s, field, pledge);
        return;
      }
      pledge.title_cell = unit_at;
    } else {
      if (!pledge.number) {
        add_problem(l, l.text, "a row of the project table before any pledge number");
        return;
      }
      if (pledge_at) {
        // A pledge cell split across a page break: the rest of it, on a row with no number.
        const std::string joined = pledge.name + " " + cells[*pledge_at];
        correct(correction_kind::joined, pledge.name + " … " + cells[*pledge_at], joined,
                "the pledge cell of " + pledge.number->to_string() + " goes on after the table's header repeats at line " +
                    std::to_string(last_header.line) + " (a page break): the row at line " + std::to_string(l.line) +
                    " has no number of its own",
                pledge.number->to_string(), l);
        pledge.name = joined;
        for (const std::size_t k : pledge.rows) rows_[k].p.pledge = joined;
      }
      if (!unit_at) {
        if (!pledge_at) add_problem(l, l.text, "a row of the project table with neither a number nor a unit project");
        return;
      }
      if (pledge.single) {
        add_problem(l, cells[*unit_at], "a unit project after a pledge printed as a single project");
        return;
      }
    }
    const auto [n, title] = *circled(cells[*unit_at]);
    const project_id id = project_id::parse(pledge.number->to_string() + "-" + std::to_string(n));
    if (!id_at && pledge.title_cell && *unit_at != *pledge.title_cell)
      correct(correction_kind::attached, cells[*unit_at], id.to_string(),
              "the row starts without its leading cells (its title is cell " + std::to_string(*unit_at + 1) +
                  ", not cell " + std::to_string(*pledge.title_cell + 1) + " as on the first row of " +
                  pledge.number->to_string() + "); it is attached to " + pledge.number->to_string() +
                  ", the pledge above it, as its unit project " + std::to_string(n),
              id.to_string(), l);
    if (n != pledge.last_unit + 1)
      add_problem(l, cells[*unit_at],
                  "unit project " + std::to_string(n) + " of " + pledge.number->to_string() + " follows " +
                      std::to_string(pledge.last_unit));
    add_row(l, id, pledge.name, title, department, cells[status_at], *s, field, pledge);
    pledge.last_unit = n;
  }

  void add_row(const text_line& l, const project_id& id, const std::string& pledge_name, const std::string& title,
               const std::string& department, const std::string& raw_status, status s, const std::string& field,
               pledge_state& pledge) {
    for (const table_row& seen : rows_)
      if (seen.p.id == id) {
        add_problem(l, id.to_string(), "a project number printed twice (first at line " + std::to_string(seen.line) + ")");
        return;
      }
    if (field.empty()) add_problem(l, l.text, "a project with no field (분야) above it");
    table_row row;
    row.p.id = id;
    row.p.pledge = pledge_name;
    row.p.title = title;
    row.p.field = field;
    row.p.status = s;
    row.p.raw_status = raw_status;
    row.line = l.line;
    row.page = l.page;
    row.printed_department = department;
    row.printed_field = field;
    row.field_number = id[0].type == id_component::kind::number ? id[0].value : 0;
    pledge.rows.push_back(rows_.size());
    rows_.push_back(std::move(row));
  }

  // -- fields ----------------------------------------------------------------------------

  /// The table's long field names as the first table's: the first table's
  /// row k is the field numbered k, when its total is the number of projects
  /// numbered k-*.
  void name_fields() {
    const first_table& t = out_.first_table;
    if (t.empty()) return;
    std::map<std::size_t, std::int64_t> per_number;
    for (const table_row& r : rows_) ++per_number[r.field_number];
    bool fits = per_number.size() == t.fields.size();
    std::size_t k = 1;
    for (const auto& [number, count] : per_number) {
      fits = fits && number == k && count == t.field_totals[k - 1];
      ++k;
    }
    if (!fits) {
      std::string counts;
      for (const auto& [number, count] : per_number)
        counts += (counts.empty() ? "" : ", ") + std::to_string(number) + "-*: " + std::to_string(count);
      add_problem("the fields of the project table (" + counts +
                  ") do not match the rows of the first table in order and count; field names kept as printed");
      return;
    }
    for (table_row& r : rows_) {
      const std::string& short_name = t.fields[r.field_number - 1];
      if (r.printed_field == short_name) continue;
      const text_line& l = lines_[r.line - 1];
      correct(correction_kind::field, r.printed_field, short_name,
              "projects " + std::to_string(r.field_number) + "-* are row " + std::to_string(r.field_number) +
                  " of the first table (" + short_name + "), whose total of " +
                  std::to_string(t.field_totals[r.field_number - 1]) + " is the number of projects numbered " +
                  std::to_string(r.field_number) + "-*",
              r.p.id.to_string(), l);
      r.p.field = short_name;
    }
  }

  // -- departments -----------------------------------------------------------------------

  /// The first table's column of a bureau, if it prints one.
  std::optional<std::size_t> column_of(const std::string& bureau) const {
    const auto& b = out_.first_table.bureaus;
    const auto it = std::find(b.begin(), b.end(), bureau);
    if (it == b.end()) return std::nullopt;
    return static_cast<std::size_t>(it - b.begin());
  }

  bool table_usable() const {
    const first_table& t = out_.first_table;
    if (t.empty()) return false;
    for (const table_row& r : rows_)
      if (r.field_number < 1 || r.field_number > t.fields.size()) return false;
    return true;
  }

  void read_departments() {
    for (table_row& r : rows_) {
      const std::string closed = text::close_up(r.printed_department);
      if (closed != r.printed_department)
        correct(correction_kind::spacing, r.printed_department, closed, "justification spaces inside a name",
                r.p.id.to_string(), lines_[r.line - 1]);
      r.p.department = closed;
    }
    if (!options_.org) {
      add_problem("no org file given: bureaus are left empty and damaged department names are not read");
      return;
    }
    const organization& org = *options_.org;
    // Names the org does not know, with their rows, in table order.
    std::vector<std::pair<std::string, std::vector<std::size_t>>> damaged;
    for (std::size_t k = 0; k < rows_.size(); ++k) {
      table_row& r = rows_[k];
      if (const auto b = org.bureau_of(r.p.department)) {
        r.p.bureau = *b;
        continue;
      }
      auto it = std::find_if(damaged.begin(), damaged.end(), [&](const auto& d) { return d.first == r.p.department; });
      if (it == damaged.end()) damaged.push_back({r.p.department, {k}});
      else it->second.push_back(k);
    }
    const bool table = table_usable();
    const first_table& t = out_.first_table;
    // What the first table leaves for the rows not yet read: its cells less the rows read.
    std::vector<std::vector<std::int64_t>> room = t.cells;
    auto take = [&](const table_row& r, std::int64_t n) {
      if (const auto c = column_of(r.p.bureau)) room[r.field_number - 1][*c] -= n;
    };
    if (table)
      for (const table_row& r : rows_)
        if (!r.p.bureau.empty()) take(r, 1);
    // Rows of a name per field.
    auto per_field = [&](const std::vector<std::size_t>& ks) {
      std::map<std::size_t, std::int64_t> out;
      for (const std::size_t k : ks) ++out[rows_[k].field_number];
      return out;
    };
    auto fits = [&](const std::vector<std::size_t>& ks, const std::string& bureau, std::string* why) {
      const auto c = column_of(bureau);
      if (!c) {
        if (why) *why = bureau + " is no column of the first table";
        return false;
      }
      for (const auto& [f, n] : per_field(ks)) {
        if (room[f - 1][*c] < n) {
          if (why)
            *why = t.fields[f - 1] + " × " + bureau + " is " +
                   (t.cells[f - 1][*c] == 0 ? std::string("-") : std::to_string(t.cells[f - 1][*c])) + " and leaves room for " +
                   std::to_string(std::max<std::int64_t>(0, room[f - 1][*c])) + ", not " + std::to_string(n);
          return false;
        }
      }
      return true;
    };
    // Each pass reads the names that stand alone; reading one leaves less room
    // for the others, so passes go on while one is read.
    std::vector<bool> done(damaged.size(), false);
    for (bool progress = true; progress;) {
      progress = false;
      for (std::size_t d = 0; d < damaged.size(); ++d) {
        if (done[d]) continue;
        const auto& [name, ks] = damaged[d];
        const auto candidates = department_candidates(name, org);
        std::vector<department_candidate> kept;
        std::string excluded;
        for (const department_candidate& c : candidates) {
          std::string why;
          if (!table || fits(ks, *org.bureau_of(c.name), &why)) {
            kept.push_back(c);
          } else {
            excluded += (excluded.empty() ? "" : "; ") + c.name + " (" + std::to_string(c.distance) + ") is excluded: " + why;
          }
        }
        if (!clearly_nearest(kept)) continue;
        const department_candidate& chosen = kept[0];
        const std::string bureau = *org.bureau_of(chosen.name);
        std::string evidence = "`" + name + "` read as " + chosen.name + ": the nearest org name by jamo distance (" +
                               std::to_string(chosen.distance);
        if (kept.size() > 1) evidence += "; next " + kept[1].name + " at " + std::to_string(kept[1].distance);
        evidence += ")";
        if (table) {
          std::string cells;
          const std::size_t c = *column_of(bureau);
          for (const auto& [f, n] : per_field(ks))
            cells += (cells.empty() ? "" : ", ") + t.fields[f - 1] + " × " + bureau + " = " +
                     std::to_string(t.cells[f - 1][c]);
          evidence += ", and the first table holds with it (" + cells + "; " + bureau + " " +
                      std::to_string(t.bureau_totals.empty() ? 0 : t.bureau_totals[c]) + " in all)";
          if (!excluded.empty()) evidence += "; " + excluded;
        } else {
          evidence += "; no first table to check it against";
        }
        for (const std::size_t k : ks) {
          table_row& r = rows_[k];
          r.p.department = chosen.name;
          r.p.bureau = bureau;
          correct(correction_kind::department, name, chosen.name, evidence, r.p.id.to_string(), lines_[r.line - 1]);
          if (table) take(r, 1);
        }
        done[d] = true;
        progress = true;
      }
    }
    for (std::size_t d = 0; d < damaged.size(); ++d) {
      if (done[d]) continue;
      const auto& [name, ks] = damaged[d];
      const auto candidates = department_candidates(name, org);
      std::string ids, near;
      for (const std::size_t k : ks) ids += (ids.empty() ? "" : ", ") + rows_[k].p.id.to_string();
      for (const department_candidate& c : candidates)
        near += (near.empty() ? "" : ", ") + c.name + " (" + std::to_string(c.distance) + ")";
      const table_row& first = rows_[ks.front()];
      add_problem(lines_[first.line - 1], name,
                  "a department the org does not know, matched to none unambiguously (" + ids + "; " +
                      (near.empty() ? std::string("no org name within reach") : "within reach: " + near) +
                      (table ? ", the first table checked" : ", no first table") + "); kept as printed, no bureau");
    }
    if (table) {
      for (std::size_t f = 0; f < room.size(); ++f)
        for (std::size_t c = 0; c < room[f].size(); ++c)
          if (room[f][c] != 0 && std::all_of(done.begin(), done.end(), [](bool x) { return x; }))
            add_problem(lines_[t.line - 1], t.fields[f] + " × " + t.bureaus[c],
                        "the first table prints " + std::to_string(t.cells[f][c]) + " and the project table gives " +
                            std::to_string(t.cells[f][c] - room[f][c]));
    }
  }

  // -- lists applied ---------------------------------------------------------------------

  table_row* row_of(const std::string& id) {
    for (table_row& r : rows_)
      if (r.p.id.to_string() == id) return &r;
    return nullptr;
  }

  void apply_adjustments() {
    for (const adjustment_candidate& a : out_.adjustments) {
      table_row* r = row_of(a.id);
      const text_line& l = lines_[a.line - 1];
      if (!r) {
        add_problem(l, a.id, "an adjustment candidate that is not in the project table");
        continue;
      }
      std::string reason;
      for (const std::string& part : a.reasons) reason += (reason.empty() ? "" : " ") + part;
      if (reason.empty()) add_problem(l, a.id, "an adjustment candidate without a reason");
      r->p.adjustment = reason.empty() ? std::string("공약조정 필요사업") : reason;
    }
  }

  void check_changes() {
    for (const listed_change& c : out_.changes) {
      const text_line& l = lines_[c.line - 1];
      const table_row* r = row_of(c.id);
      if (!r) add_problem(l, c.id, "a listed change that is not in the project table");
      else if (c.status && r->p.status != *c.status)
        add_problem(l, c.id,
                    "listed as changed to " + c.status_text + " while the project table prints '" + r->p.raw_status + "'");
    }
  }

  void build_snapshot() {
    std::string district = !options_.district.empty() ? options_.district : district_;
    if (district.empty()) add_problem("no district found in the report (give it)");
    const int term_number = options_.term != 0 ? options_.term : term_.value_or(0);
    if (term_number == 0) add_problem("no term (민선 n기) found in the report (give it)");
    const std::optional<date> as_of = options_.as_of ? options_.as_of : as_of_;
    if (!as_of) add_problem("no 기준일자 found in the report (give as_of)");
    snapshot s(district, term_number, as_of.value_or(date()));
    s.reserve(rows_.size());
    for (table_row& r : rows_) s.add(std::move(r.p));
    // The report's own column order where it prints the field × bureau table.
    if (!out_.first_table.bureaus.empty()) s.set_bureau_order(out_.first_table.bureaus);
    else if (options_.org) s.set_bureau_order(options_.org->bureaus());
    out_.snapshot = std::move(s);
  }

  std::vector<text_line> lines_;
  std::string file_;
  const read_options& options_;
  published_report out_;
  std::vector<table_row> rows_;
  std::string heading_;
  std::string district_;
  std::optional<int> term_;
  std::optional<date> as_of_;
  std::optional<date> title_as_of_;
};

}  // namespace

published_report read_published(std::string_view text, const std::string& file, const read_options& options) {
  return reader(text, file, options).run();
}

published_report read_published_file(const std::string& path, const read_options& options) {
  return read_published(io::read_text(io::read_file_bytes(path), std::nullopt, path), path, options);
}

}  // namespace pledgetrack::published
