// Reading pledge files: headers in Korean or English, status as a label or as
// marks, several snapshots per file. Each problem is reported with its file,
// line, column, column name and text; no row is ever skipped silently.
#include <algorithm>
#include <array>
#include <cstring>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "pledgetrack/io/csv.hpp"
#include "pledgetrack/text/unicode.hpp"
#include "pledgetrack/time/date.hpp"
#include "pledgetrack/time/term.hpp"

namespace pledgetrack::io {
namespace {

// ---------------------------------------------------------------------------
// Columns

enum class column : std::uint8_t {
  district, term, as_of, id, field, pledge, project, department, bureau, status,
  progress, due, note, scope, adjustment,
  status_mark,  // one column per status, holding a mark
  extra,        // anything else: kept and written back
};

/// The normal form headers are compared in: NFC, no spaces, ASCII lower case,
/// no '_' and no "(%)" (추진율(%) is 추진율).
std::string normalise_header(std::string_view header) {
  std::string out = text::remove_spaces(text::compose_hangul(header));
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  std::erase(out, '_');
  for (const std::string_view noise : {"(%)", "%"})
    if (const auto at = out.find(noise); at != std::string::npos) out.erase(at, noise.size());
  return out;
}

const std::unordered_map<std::string, column>& header_names() {
  static const std::unordered_map<std::string, column> names = [] {
    // Vectors, not initializer_lists: a list stored in a pair would dangle.
    // The capitalised names are the national open-data API's (공공데이터포털,
    // e.g. 계룡시's pledge data).
    const std::pair<column, std::vector<std::string_view>> table[] = {
        {column::district, {"district", "자치단체", "자치단체명", "지자체"}},
        {column::term, {"term", "민선", "임기"}},
        {column::as_of, {"as_of", "기준일", "기준일자"}},
        {column::id, {"id", "관리번호", "번호", "구분", "MANAGE_NO"}},
        {column::field, {"field", "분야"}},
        {column::pledge, {"pledge", "공약명", "공약"}},
        {column::project,
         {"project", "title", "세부사업", "단위사업", "사업명", "공약사업명", "단위사업명", "세부사업명", "PPLDG_BSNS_NM"}},
        {column::department, {"department", "주관부서", "추진부서", "소관부서", "부서", "PRTN_DEPT"}},
        {column::bureau, {"bureau", "실국", "실·국", "소관국"}},
        {column::status, {"status", "추진상황", "추진상태", "이행상황", "PRTN_SITTN"}},
        {column::progress, {"progress", "추진율", "진행률"}},
        {column::due, {"due", "완료시기"}},
        {column::note, {"note", "비고", "사유"}},
        {column::scope, {"scope"}},
        {column::adjustment, {"adjustment", "공약조정", "조정사유"}},
    };
    std::unordered_map<std::string, column> out;
    for (const auto& [c, aliases] : table)
      for (const std::string_view alias : aliases) out.emplace(normalise_header(alias), c);
    return out;
  }();
  return names;
}

constexpr std::string_view canonical_name(column c) {
  constexpr std::array<std::string_view, 15> names = {
      "district", "term", "as_of", "id", "field", "pledge", "project", "department", "bureau", "status",
      "progress", "due", "note", "scope", "adjustment"};
  return names[static_cast<std::size_t>(c)];
}

struct header_column {
  column kind = column::extra;
  pledgetrack::status marked{};  // for status_mark
  std::string name;              // as written (NFC, trimmed)
};

/// Throws parse_error "file larger than the limit of N bytes" (as read_file_bytes).
void check_file_size(std::size_t size, std::size_t max_bytes, const std::string& name) {
  if (size > max_bytes)
    throw parse_error(source_location{name, 0, 0, {}},
                      "file larger than the limit of " + std::to_string(max_bytes) + " bytes",
                      std::to_string(size) + " bytes");
}

/// The number of LF bytes. A memchr per line: libstdc++'s std::count widens
/// every byte to a 64-bit counter and ran 6 times slower on a 100 MB table.
std::size_t count_line_feeds(std::string_view text) noexcept {
  std::size_t n = 0;
  const char* p = text.data();
  const char* const end = p + text.size();
  while ((p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)))) != nullptr) {
    ++n;
    ++p;
  }
  return n;
}

// ---------------------------------------------------------------------------
// Cell readers: each throws parse_error(problem, text); the caller places it.

constexpr std::array<std::string_view, 10> marks = {"○", "O", "o", "●", "◎", "V", "v", "✓", "✔", "해당됨"};

bool is_mark(std::string_view cell) {
  return std::find(marks.begin(), marks.end(), cell) != marks.end();
}

std::optional<fraction> read_progress(std::string_view cell) {
  if (cell.empty()) return std::nullopt;
  std::string_view number = cell;
  if (number.back() == '%') number = text::trim(number.substr(0, number.size() - 1));
  const auto value = parse_decimal(number);
  if (!value) throw parse_error("not a progress percentage (0-100)", std::string(cell));
  if (*value > fraction(100)) throw parse_error("progress must lie in 0..100", std::string(cell));
  return value;
}

due read_due(std::string_view cell) {
  const std::string key = normalise_header(cell);
  if (key.empty() || key == "unknown" || key == "미정") return due::unknown;
  if (key == "interm" || key == "임기내") return due::in_term;
  if (key == "afterterm" || key == "임기후" || key == "임기이후") return due::after_term;
  throw parse_error("unknown due value (known: in_term/임기내, after_term/임기후, or empty)", std::string(cell));
}

scope read_scope(std::string_view cell) {
  const std::string key = normalise_header(cell);
  if (key.empty() || key == "in" || key == "포함") return scope::in;
  if (key == "removed" || key == "제외" || key == "삭제") return scope::removed;
  throw parse_error("unknown scope value (known: in/포함, removed/제외, or empty)", std::string(cell));
}

/// A project id. Tables copied from reports often keep their subtotal and
/// total rows (합계, 소계): those get a message of their own.
project_id read_id(std::string_view cell) {
  try {
    return project_id::parse(cell);
  } catch (const parse_error&) {
    static constexpr std::array<std::string_view, 8> totals = {"합계", "소계", "총계", "누계", "계",
                                                               "total", "subtotal", "grandtotal"};
    const std::string key = normalise_header(cell);
    if (std::find(totals.begin(), totals.end(), key) != totals.end())
      throw parse_error("a total row (합계/소계), not a project: leave totals out of the file, pledgetrack counts them",
                        std::string(text::trim(cell)));
    throw;
  }
}

/// A text cell: trimmed, NFC, and without the apostrophe the writer puts in
/// front of a cell that a spreadsheet would take for a formula.
std::string read_text_cell(std::string_view cell, bool may_hold_jamo = true) {
  std::string_view t = text::trim(cell);
  // The writer puts one apostrophe before any text whose first character
  // after its own leading apostrophes is = + - @; take exactly that one off,
  // so that every text (even "'=x") reads back as it was written.
  const std::size_t apostrophes = t.find_first_not_of('\'');
  if (apostrophes != 0 && apostrophes != std::string_view::npos) {
    const char c = t[apostrophes];
    if (c == '=' || c == '+' || c == '-' || c == '@') t.remove_prefix(1);
  }
  return may_hold_jamo && text::has_conjoining_jamo(t) ? text::compose_hangul(t) : std::string(t);
}

// ---------------------------------------------------------------------------
// The reader

struct snapshot_key {
  std::string district;
  int term;
  date as_of;
  friend bool operator<(const snapshot_key& a, const snapshot_key& b) {
    return std::tie(a.district, a.term, a.as_of) < std::tie(b.district, b.term, b.as_of);
  }
};

class reader {
 public:
  reader(std::string_view bytes, std::string name, const read_options& options, std::vector<problem>* problems)
      : name_(std::move(name)), options_(options), problems_(problems) {
    check_file_size(bytes.size(), options.limits.max_file_bytes, name_);
    // Valid UTF-8 (the usual case) is read in place, after one validation
    // pass; anything else is detected and decoded into a buffer in one go
    // (read_text decodes each byte once).
    std::string_view body = bytes;
    if (body.starts_with("\xEF\xBB\xBF")) body.remove_prefix(3);
    if ((!options.encoding || *options.encoding == encoding::utf8) && detail::is_valid_utf8_without_nul(body)) {
      text_ = body;
    } else {
      decoded_ = read_text(bytes, options.encoding, name_);
      text_ = decoded_;
    }
    // Decomposed Hangul (NFD) is rare: look for it once in the whole text
    // (a memchr for its lead byte) instead of in every cell.
    nfd_ = text::has_conjoining_jamo(text_);
    line_count_ = count_line_feeds(text_) + 1;
  }

  std::vector<snapshot> run() {
    csv_tokenizer tokens(text_, name_, options_.delimiter, options_.limits);
    csv_record record;
    if (!tokens.next(record)) throw parse_error(source_location{name_, 1, 0, {}}, "empty file: no header", "");
    read_header(record);
    std::size_t rows = 0;
    while (next_record(tokens, record)) {
      ++rows;
      if (problems_ == nullptr) {
        read_row(record);
        continue;
      }
      try {
        read_row(record);
      } catch (const parse_error& e) {
        problems_->push_back({e.where(), e.what()});
      }
    }
    if (rows == 0)
      throw parse_error(source_location{name_, record_line_of_header_, 0, {}}, "header but no data rows",
                        std::string(text::trim(first_header_cell_)));
    if (snapshots_.size() > 1)
      for (snapshot& s : snapshots_) s.shrink_to_fit();
    return std::move(snapshots_);
  }

 private:
  source_location at(std::size_t line, std::size_t index) const {
    return {name_, line, index + 1, index < header_.size() ? header_[index].name : std::string()};
  }

  /// tokens.next, with the column's name added to a tokenizer error (broken
  /// quoting, a field past the size limit).
  bool next_record(csv_tokenizer& tokens, csv_record& record) const {
    try {
      return tokens.next(record);
    } catch (const parse_error& e) {
      const source_location& w = e.where();
      if (!w.column_name.empty() || w.column == 0 || w.column > header_.size()) throw;
      throw e.at(at(w.line, w.column - 1));
    }
  }

  void read_header(const csv_record& record) {
    // Lines that end in CR alone (old Mac files) make the whole file one
    // record: say so rather than complain about the columns it seems to have.
    for (std::size_t i = 0; i < record.fields.size(); ++i) {
      const std::string_view f = record.fields[i];
      std::size_t cr = f.find('\r');
      while (cr != std::string_view::npos && cr + 1 < f.size() && f[cr + 1] == '\n') cr = f.find('\r', cr + 1);
      if (cr != std::string_view::npos && cr + 1 < f.size())
        throw parse_error(source_location{name_, record.line, i + 1, {}},
                          "a header cell holds a line break of a lone CR: lines ending in CR alone "
                          "(old Mac files) are not supported, save the file with LF or CRLF line ends",
                          std::string(text::trim(f.substr(0, cr))));
    }
    record_line_of_header_ = record.line;
    first_header_cell_ = record.fields.empty() ? std::string() : std::string(record.fields[0]);
    std::array<std::optional<std::size_t>, 15> seen{};
    std::array<std::optional<std::size_t>, status_count> seen_marks{};
    for (std::size_t i = 0; i < record.fields.size(); ++i) {
      header_column h;
      h.name = read_text_cell(record.fields[i]);
      const std::string key = normalise_header(h.name);
      if (const auto it = header_names().find(key); it != header_names().end()) {
        h.kind = it->second;
        auto& first = seen[static_cast<std::size_t>(h.kind)];
        if (first)
          throw parse_error(source_location{name_, record.line, i + 1, h.name},
                            "duplicate column: '" + header_[*first].name + "' (column " + std::to_string(*first + 1) +
                                ") and this one both mean " + std::string(canonical_name(h.kind)),
                            h.name);
        first = i;
      } else if (const auto s = options_.labels.find(h.name); s && !key.empty()) {
        h.kind = column::status_mark;
        h.marked = *s;
        auto& first = seen_marks[index_of(*s)];
        if (first)
          throw parse_error(source_location{name_, record.line, i + 1, h.name},
                            "duplicate status mark column: '" + header_[*first].name + "' and this one both mean " +
                                std::string(label_ko(*s)),
                            h.name);
        first = i;
      }
      header_.push_back(std::move(h));
    }
    const auto has = [&](column c) { return seen[static_cast<std::size_t>(c)].has_value(); };
    const bool has_marks = std::any_of(seen_marks.begin(), seen_marks.end(), [](auto& m) { return m.has_value(); });
    const auto missing = [&](std::string_view what) {
      std::string names;
      for (const auto& h : header_) names += (names.empty() ? "" : ", ") + h.name;
      return parse_error(source_location{name_, record.line, 0, {}}, "missing required column " + std::string(what),
                         names);
    };
    if (!has(column::id)) throw missing("id (관리번호)");
    if (!has(column::project)) throw missing("project (세부사업/단위사업)");
    if (!has(column::status) && !has_marks) throw missing("status (추진상황), or one column per status holding a mark");
    if (has(column::status) && has_marks)
      throw parse_error(at(record.line, *seen[static_cast<std::size_t>(column::status)]),
                        "both a status column and status mark columns: use one", header_[*seen[9]].name);
    if (!has(column::district) && options_.district.empty()) throw missing("district (자치단체), and no district was given");
    if (!has(column::as_of) && !options_.as_of) throw missing("as_of (기준일자), and no as_of was given");
  }

  void read_row(const csv_record& record) {
    const std::size_t line = record.line;
    if (record.fields.size() != header_.size())
      throw parse_error(at(line, std::min(record.fields.size(), header_.size()) == 0 ? 0 : record.fields.size() - 1),
                        "expected " + std::to_string(header_.size()) + " fields as in the header, found " +
                            std::to_string(record.fields.size()),
                        std::string(text::truncate_utf8(record.fields.empty() ? std::string_view() : record.fields.back(), 60)));

    project p;
    std::string_view district = options_.district;
    std::optional<int> term_number;
    if (options_.term != 0) term_number = options_.term;
    std::optional<date> as_of = options_.as_of;
    std::optional<std::size_t> marked_column;

    for (std::size_t i = 0; i < header_.size(); ++i) {
      const header_column& h = header_[i];
      const std::string_view raw = record.fields[i];
      try {
        switch (h.kind) {
          case column::district: {
            // A view, not a copy: the district repeats on every row.
            std::string_view value = text::trim(raw);
            if (nfd_ && text::has_conjoining_jamo(value)) value = district_buffer_ = text::compose_hangul(value);
            if (!value.empty()) district = value;
            else if (district.empty()) throw parse_error("empty district, and no district was given", "");
            break;
          }
          case column::term: {
            const std::string_view value = text::trim(raw);
            if (value.empty()) break;
            // Every row of a snapshot repeats its term and date: parse each once.
            if (value != last_term_.text) last_term_ = {std::string(value), term::parse(value).number()};
            term_number = last_term_.value;
            break;
          }
          case column::as_of: {
            const std::string_view value = text::trim(raw);
            if (!value.empty()) {
              if (value != last_as_of_.text) last_as_of_ = {std::string(value), parse_date(value)};
              as_of = last_as_of_.value;
            } else if (!as_of) {
              throw parse_error("empty as_of date, and no as_of was given", "");
            }
            break;
          }
          case column::id:
            p.id = read_id(raw);
            // The duplicate check in add() looks the id up in a table that a
            // big snapshot spreads over megabytes: start loading it now.
            if (last_snapshot_ < snapshots_.size()) snapshots_[last_snapshot_].prefetch(p.id);
            break;
          case column::field: p.field = read_text_cell(raw, nfd_); break;
          case column::pledge: p.pledge = read_text_cell(raw, nfd_); break;
          case column::project:
            p.title = read_text_cell(raw, nfd_);
            if (p.title.empty()) throw parse_error("empty project title", "");
            break;
          case column::department: p.department = read_text_cell(raw, nfd_); break;
          case column::bureau: p.bureau = read_text_cell(raw, nfd_); break;
          case column::status:
            p.raw_status = read_text_cell(raw, nfd_);
            // An empty label is missing data, never a status of its own.
            if (p.raw_status.empty()) throw parse_error("empty status label", "");
            p.status = status_of(p.raw_status);
            break;
          case column::status_mark: {
            const std::string value = read_text_cell(raw, nfd_);
            if (value.empty()) break;
            if (!is_mark(value)) throw parse_error("not a status mark (○ O ● V ✓ 해당됨, or empty)", value);
            if (marked_column)
              throw parse_error("a second status marked (first: '" + header_[*marked_column].name + "')", value);
            marked_column = i;
            p.status = h.marked;
            p.raw_status = h.name;
            break;
          }
          case column::progress: p.progress = read_progress(text::trim(raw)); break;
          case column::due: p.due = raw.empty() ? due::unknown : read_due(raw); break;
          case column::note: p.note = read_text_cell(raw, nfd_); break;
          case column::scope: p.scope = raw.empty() || raw == "in" ? scope::in : read_scope(raw); break;
          case column::adjustment: p.adjustment = read_text_cell(raw, nfd_); break;
          case column::extra: p.extra.emplace_back(h.name, read_text_cell(raw, nfd_)); break;
        }
      } catch (const parse_error& e) {
        throw e.at(at(line, i));
      }
    }
    if (std::any_of(header_.begin(), header_.end(), [](const auto& h) { return h.kind == column::status_mark; }) &&
        !marked_column)
      throw parse_error(source_location{name_, line, 0, {}}, "no status marked in any status column",
                        p.id.to_string());

    apply_org(p, line);
    if (!as_of) throw parse_error(source_location{name_, line, 0, {}}, "no as_of date for this row", "");
    if (!term_number) {
      // A file without terms: the regular term (민선 n기) of the as-of date.
      const auto t = term::of_date(*as_of);
      if (!t) throw parse_error(source_location{name_, line, 0, {}}, "no term for the as_of date", format_date(*as_of));
      term_number = t->number();
    }
    add(district, *term_number, *as_of, std::move(p), line);
  }

  pledgetrack::status status_of(const std::string& label) {
    for (const auto& [seen, s] : seen_labels_)
      if (seen == label) return s;
    const pledgetrack::status s = options_.labels.parse(label);
    if (seen_labels_.size() < 32) seen_labels_.emplace_back(label, s);
    return s;
  }

  void apply_org(project& p, std::size_t line) {
    if (!options_.org) return;
    const organization& org = *options_.org;
    if (!p.department.empty()) p.department = org.current_name(p.department);
    if (!p.bureau.empty()) return;
    if (auto b = org.bureau_of(p.department)) {
      p.bureau = std::move(*b);
      return;
    }
    throw parse_error(at(line, column_index(column::department).value_or(0)),
                      "department not in the org file, and the row gives no bureau", p.department);
  }

  std::optional<std::size_t> column_index(column c) const {
    for (std::size_t i = 0; i < header_.size(); ++i)
      if (header_[i].kind == c) return i;
    return std::nullopt;
  }

  void add(std::string_view district, int term_number, date as_of, project&& p, std::size_t line) {
    // Rows of one snapshot mostly come together: try the last one first.
    std::size_t index = last_snapshot_;
    if (index >= snapshots_.size() || snapshots_[index].as_of() != as_of || snapshots_[index].term() != term_number ||
        snapshots_[index].district() != district) {
      snapshot_key key{std::string(district), term_number, as_of};
      const auto [it, inserted] = snapshot_index_.try_emplace(key, snapshots_.size());
      if (inserted) {
        snapshots_.emplace_back(key.district, key.term, key.as_of);
        lines_.emplace_back();
        // Room for the rows still to come, so that growing never moves every
        // project again; a later snapshot gets at most twice the size of the
        // one before it, and run() gives back what a snapshot did not use.
        std::size_t room = line < line_count_ ? line_count_ - line + 1 : 1;
        if (snapshots_.size() > 1) room = std::min(room, 2 * snapshots_[snapshots_.size() - 2].size() + 16);
        snapshots_.back().reserve(room);
        lines_.back().reserve(room);
      }
      index = last_snapshot_ = it->second;
    }
    snapshot& s = snapshots_[index];
    if (const project* first = s.find(p.id))
      throw parse_error(at(line, column_index(column::id).value_or(0)),
                        "duplicate project id (first on line " +
                            std::to_string(lines_[index][static_cast<std::size_t>(first - s.projects().data())]) + ")",
                        p.id.to_string());
    s.add(std::move(p));
    lines_[index].push_back(line);
  }

  template <class T>
  struct cached {
    std::string text;
    T value{};
  };

  std::string name_;
  const read_options& options_;
  std::string district_buffer_;  // a district composed from NFD
  cached<int> last_term_;
  cached<date> last_as_of_;
  // The labels seen so far: a file uses a handful, in any order.
  std::vector<std::pair<std::string, pledgetrack::status>> seen_labels_;
  std::vector<problem>* problems_;
  std::string decoded_;     // the text, when it had to be decoded
  std::string_view text_;   // the UTF-8 text being read
  bool nfd_ = true;         // whether any conjoining jamo occur in it
  std::size_t line_count_ = 0;  // physical lines in it: a bound on the rows
  std::vector<header_column> header_;
  std::size_t record_line_of_header_ = 1;
  std::string first_header_cell_;
  std::vector<snapshot> snapshots_;
  std::map<snapshot_key, std::size_t> snapshot_index_;
  std::vector<std::vector<std::size_t>> lines_;  // per snapshot, the line of each project
  std::size_t last_snapshot_ = static_cast<std::size_t>(-1);
};

}  // namespace

std::vector<snapshot> read_csv_bytes(std::string_view bytes, const std::string& name, const read_options& options) {
  return reader(bytes, name, options, nullptr).run();
}

std::vector<snapshot> read_csv(const std::string& path, const read_options& options) {
  return read_csv_bytes(read_file_bytes(path, options.limits.max_file_bytes), path, options);
}

std::vector<problem> validate_csv_bytes(std::string_view bytes, const std::string& name, const read_options& options) {
  std::vector<problem> problems;
  try {
    reader r(bytes, name, options, &problems);
    (void)r.run();
  } catch (const parse_error& e) {  // a problem that stops reading: encoding, header, quoting
    problems.push_back({e.where(), e.what()});
  } catch (const error& e) {
    problems.push_back({source_location{name, 0, 0, {}}, e.what()});
  }
  return problems;
}

std::vector<problem> validate_csv(const std::string& path, const read_options& options) {
  std::string bytes;
  try {
    bytes = read_file_bytes(path, options.limits.max_file_bytes);
  } catch (const parse_error& e) {  // too large: a problem like the others
    return {problem{e.where(), e.what()}};
  }
  return validate_csv_bytes(bytes, path, options);
}

}  // namespace pledgetrack::io
