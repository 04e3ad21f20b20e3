// Reading pledge tables as governments publish them: headers in Korean or
// English (or the caller's own), title rows above the header, two-row headers,
// status as a label or as marks, field heading rows and total rows, merged
// cells left blank, names printed with justification spaces, several
// snapshots per file. Each problem is reported with its file (sheet), line
// (cell), column, column name and text; each interpretation is a notice that
// validate lists; no row is ever skipped silently.
#include <algorithm>
#include <array>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "pledgetrack/io/csv.hpp"
#include "pledgetrack/rates/rounding.hpp"
#include "pledgetrack/text/unicode.hpp"
#include "pledgetrack/model/date.hpp"
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

constexpr std::size_t known_columns = 15;  // district … adjustment

constexpr std::array<std::string_view, known_columns> canonical_names = {
    "district", "term", "as_of", "id", "field", "pledge", "project", "department", "bureau", "status",
    "progress", "due", "note", "scope", "adjustment"};

constexpr std::string_view canonical_name(column c) { return canonical_names[static_cast<std::size_t>(c)]; }

/// The normal form headers are compared in: NFC, no spaces, ASCII lower case,
/// no '_' and no "(%)" (추진율(%) is 추진율).
std::string normalise_header(std::string_view header) {
  std::string out = text::compose_and_remove_spaces(header);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  std::erase(out, '_');
  for (const std::string_view noise : {"(%)", "%"})
    if (const auto at = out.find(noise); at != std::string::npos) out.erase(at, noise.size());
  return out;
}

/// The headers the reader knows for each column, as real tables write them
/// (docs/data-format.md lists them). Vectors, not initializer_lists: a list
/// stored in a pair would dangle. The capitalised names are the national
/// open-data API's (공공데이터포털, e.g. 계룡시's pledge data).
const std::vector<std::pair<column, std::vector<std::string_view>>>& header_table() {
  static const std::vector<std::pair<column, std::vector<std::string_view>>> table = {
      {column::district, {"district", "자치단체", "자치단체명", "지자체"}},
      {column::term, {"term", "민선", "임기"}},
      {column::as_of, {"as_of", "기준일", "기준일자"}},
      {column::id, {"id", "관리번호", "번호", "구분", "MANAGE_NO"}},
      {column::field, {"field", "분야"}},
      {column::pledge, {"pledge", "공약명", "공약"}},
      {column::project,
       {"project", "title", "세부사업", "단위사업", "사업명", "공약사업명", "단위사업명", "세부사업명", "공약사항",
        "공약사업", "PPLDG_BSNS_NM"}},
      {column::department,
       {"department", "주관부서", "추진부서", "소관부서", "담당부서", "담당과", "부서", "PRTN_DEPT"}},
      {column::bureau, {"bureau", "실국", "실·국", "소관국"}},
      {column::status, {"status", "추진상황", "추진상태", "이행상황", "추진현황", "PRTN_SITTN"}},
      {column::progress, {"progress", "추진율", "진행률"}},
      {column::due, {"due", "완료시기"}},
      {column::note, {"note", "비고", "사유"}},
      {column::scope, {"scope"}},
      {column::adjustment, {"adjustment", "공약조정", "조정사유"}},
  };
  return table;
}

const std::unordered_map<std::string, column>& header_names() {
  static const std::unordered_map<std::string, column> names = [] {
    std::unordered_map<std::string, column> out;
    for (const auto& [c, aliases] : header_table())
      for (const std::string_view alias : aliases) out.emplace(normalise_header(alias), c);
    return out;
  }();
  return names;
}

/// 추진실적 ("progress made") holds a status in some tables and a narrative
/// in others: it is the status column only when the file has no other.
const std::string& performance_header() {
  static const std::string key = normalise_header("추진실적");
  return key;
}

struct header_column {
  column kind = column::extra;
  pledgetrack::status marked{};  // for status_mark
  std::string name;              // as written (NFC, trimmed)
};

/// Throws parse_error "file larger than the limit of N bytes" (as read_file_bytes).
void check_file_size(std::size_t size, std::size_t max_bytes, const std::string& name) {
  if (size > max_bytes)
    throw parse_error(source_location{name, 0, 0, {}, {}},
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
/// What a mark column holds where a status is not marked.
constexpr std::array<std::string_view, 8> unmarks = {"해당안됨", "해당없음", "미해당", "X", "x", "×", "-", "0"};

bool is_mark(std::string_view cell) { return std::find(marks.begin(), marks.end(), cell) != marks.end(); }
bool is_unmark(std::string_view cell) {
  return cell.empty() || std::find(unmarks.begin(), unmarks.end(), text::remove_spaces(cell)) != unmarks.end();
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

/// Total and subtotal rows (합계, 소계 …) that tables copied from reports keep.
enum class total_kind : std::uint8_t { none, subtotal, total };

total_kind total_of(std::string_view cell) {
  // Most cells are ids or titles: the words below are short and start with
  // a letter, so most rows are decided without normalising.
  if (cell.empty() || cell.size() > 24 || (cell[0] >= '0' && cell[0] <= '9')) return total_kind::none;
  const std::string key = normalise_header(cell);
  if (key == "소계" || key == "subtotal") return total_kind::subtotal;
  static constexpr std::array<std::string_view, 6> totals = {"합계", "총계", "누계", "계", "total", "grandtotal"};
  return std::find(totals.begin(), totals.end(), key) != totals.end() ? total_kind::total : total_kind::none;
}

/// The text of a cell, as a view of it: trimmed, and without the apostrophe
/// the writer puts in front of a cell that a spreadsheet would take for a
/// formula (read_text_cell without the composing).
std::string_view cell_text(std::string_view cell) noexcept {
  std::string_view t = text::trim(cell);
  // The writer puts one apostrophe before any text whose first character
  // after its own leading apostrophes is = + - @; take exactly that one off,
  // so that every text (even "'=x") reads back as it was written.
  const std::size_t apostrophes = t.find_first_not_of('\'');
  if (apostrophes != 0 && apostrophes != std::string_view::npos) {
    const char c = t[apostrophes];
    if (c == '=' || c == '+' || c == '-' || c == '@') t.remove_prefix(1);
  }
  return t;
}

/// A text cell: trimmed, NFC, and without the writer's apostrophe
/// (cell_text). Into `out`, whose memory is reused: a batch reads millions of
/// cells into the strings of recycled projects, and an allocation per cell
/// was a sixth of its time.
void read_text_cell(std::string_view cell, bool may_hold_jamo, std::string& out) {
  const std::string_view t = cell_text(cell);
  if (may_hold_jamo && text::has_conjoining_jamo(t)) out = text::compose_hangul(t);
  else out.assign(t);
}

std::string read_text_cell(std::string_view cell, bool may_hold_jamo = true) {
  std::string out;
  read_text_cell(cell, may_hold_jamo, out);
  return out;
}

/// A whole number as a heading or total row prints it: "12", "1,234"; "-"
/// (and nothing) for none.
std::optional<std::int64_t> read_count(std::string_view cell) {
  cell = text::trim(cell);
  if (cell.empty() || cell == "-" || cell == "–") return 0;
  std::int64_t n = 0;
  for (const char c : cell) {
    if (c == ',') continue;
    if (c < '0' || c > '9' || n > 1'000'000'000) return std::nullopt;
    n = n * 10 + (c - '0');
  }
  return n;
}

/// The number printed just before `unit` in `text` ("7개 분야 65건": 65 before
/// 건, 7 before 개 분야).
std::optional<std::int64_t> number_before(std::string_view text, std::string_view unit) {
  const std::size_t at = text.find(unit);
  if (at == std::string_view::npos) return std::nullopt;
  std::size_t begin = at;
  while (begin > 0 && ((text[begin - 1] >= '0' && text[begin - 1] <= '9') || text[begin - 1] == ',')) --begin;
  if (begin == at) return std::nullopt;
  return read_count(text.substr(begin, at - begin));
}

/// A heading row's text split into its section number and its name:
/// "Ⅰ. 풍요로운 … 경제도시" → (Ⅰ, "풍요로운 … 경제도시"), "2) 복지" → (2, "복지").
struct heading_text {
  std::optional<project_id> number;  // a one-part id
  std::string name;
};

heading_text split_heading(std::string_view text) {
  text = text::trim(text);
  std::size_t end = 0;
  while (end < text.size() && text[end] != '.' && text[end] != ')' && text[end] != ' ') ++end;
  if (end > 0 && end < text.size()) {
    const auto number = project_id::try_parse(text.substr(0, end));
    if (number && number->size() == 1) {
      std::string_view rest = text.substr(end);
      while (!rest.empty() && (rest.front() == '.' || rest.front() == ')')) rest.remove_prefix(1);
      rest = text::trim(rest);
      if (!rest.empty()) return {number, text::close_up(rest)};
    }
  }
  return {std::nullopt, text::close_up(text)};
}

// ---------------------------------------------------------------------------
// Where records come from: the CSV tokenizer, or a table of cells.

class record_source {
 public:
  explicit record_source(csv_tokenizer& tokens) : tokens_(&tokens) {}
  explicit record_source(const table& cells) : table_(&cells) {}

  bool next(csv_record& record) {
    if (tokens_ != nullptr) return tokens_->next(record);
    while (row_ < table_->rows.size()) {
      const std::vector<std::string>& cells = table_->rows[row_++];
      // A row of blank cells is a blank line.
      if (std::all_of(cells.begin(), cells.end(), [](const std::string& c) { return text::trim(c).empty(); }))
        continue;
      record.fields.assign(cells.begin(), cells.end());
      record.line = row_;
      return true;
    }
    return false;
  }

  [[nodiscard]] bool is_table() const noexcept { return table_ != nullptr; }

 private:
  csv_tokenizer* tokens_ = nullptr;
  const table* table_ = nullptr;
  std::size_t row_ = 0;
};

/// A record that outlives the tokenizer's next call (the few read while
/// looking for the header).
struct owned_record {
  std::vector<std::string> fields;
  std::size_t line = 0;

  explicit owned_record(const csv_record& r) : fields(r.fields.begin(), r.fields.end()), line(r.line) {}
  void view(csv_record& r) const {
    r.fields.assign(fields.begin(), fields.end());
    r.line = line;
  }
};

// ---------------------------------------------------------------------------
// Heading, subtotal and total rows: what they print, and what the rows they
// cover hold.

struct tally {
  std::array<std::int64_t, status_count> counts{};
  std::int64_t projects = 0;
  fraction progress_sum{};
  std::int64_t with_progress = 0;
  std::vector<std::string> fields;

  void add(const project& p) {
    ++projects;
    ++counts[index_of(p.status)];
    if (p.progress) {
      progress_sum = progress_sum + *p.progress;
      ++with_progress;
    }
    if (!p.field.empty() && std::find(fields.begin(), fields.end(), p.field) == fields.end())
      fields.push_back(p.field);
  }
};

struct printed_figures {
  std::size_t line = 0;
  std::string label;  // the row's own text: "Ⅰ. 풍요로운 …", "계"
  std::vector<std::pair<std::size_t, std::int64_t>> counts;  // column index → count
  std::optional<std::pair<std::size_t, std::string>> mean_progress;  // column index → as printed
  std::optional<std::int64_t> projects;                              // "65건"
  std::optional<std::int64_t> fields;                                // "7개 분야"
  std::size_t label_column = 0;
  std::size_t count_column = 0;  // the cell of "65건", "7개 분야"
};

struct section {
  std::string field;
  std::optional<project_id> number;
  printed_figures printed;
  tally rows;
  bool numbered_ids_noted = false;
};

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

/// Thrown by a reader that hands its snapshots over when a row comes back to
/// one already handed over.
struct revisited {};

/// At most this many rows above the header are taken for title rows.
constexpr std::size_t max_title_rows = 10;

class reader {
 public:
  /// A text file's bytes.
  reader(std::string_view bytes, std::string name, const read_options& options, std::vector<problem>* problems)
      : name_(std::move(name)), options_(options), problems_(problems) {
    check_file_size(bytes.size(), options.limits.max_file_bytes, name_);
    // Valid UTF-8 (the usual case) is read in place, after one validation
    // pass; anything else is detected and decoded into a buffer in one go
    // (read_text decodes each byte once, and names a workbook for what it is).
    std::string_view body = bytes;
    if (body.starts_with("\xEF\xBB\xBF")) body.remove_prefix(3);
    if ((!options.encoding || *options.encoding == encoding::utf8) && !body.starts_with("PK\x03\x04") &&
        detail::is_valid_utf8_without_nul(body)) {
      text_ = body;
    } else {
      decoded_ = read_text(bytes, options.encoding, name_);
      text_ = decoded_;
    }
    // Decomposed Hangul (NFD) is rare: look for it once in the whole text
    // (a memchr for its lead byte) instead of in every cell.
    nfd_ = text::has_conjoining_jamo(text_);
    line_count_ = count_line_feeds(text_) + 1;
    check_columns_option();
  }

  /// A table of cells.
  reader(const table& cells, const read_options& options, std::vector<problem>* problems)
      : name_(cells.name), sheet_(cells.sheet), options_(options), problems_(problems), cells_(&cells) {
    line_count_ = cells.rows.size() + 1;
    check_columns_option();
  }

  /// Hands each snapshot to `each` once the rows have moved on to the next
  /// one, instead of keeping them all (read_csv_bytes_each).
  void hand_over_to(const snapshot_sink& each) noexcept { each_ = &each; }
  /// Reads rows into the projects left in `scratch` and leaves there those
  /// the sink leaves (read_csv_bytes_each with a scratch).
  void reuse(read_scratch& scratch) noexcept { spare_ = &scratch.projects; }

  std::vector<snapshot> run() {
    if (cells_ != nullptr) {
      record_source source(*cells_);
      return run(source);
    }
    csv_tokenizer tokens(text_, name_, options_.delimiter, options_.limits);
    record_source source(tokens);
    return run(source);
  }

 private:
  std::vector<snapshot> run(record_source& source) {
    csv_record record;
    std::vector<owned_record> head;  // the records read while looking for the header
    if (!next_record(source, record))
      throw parse_error::unquoted(where(1, 0), "empty file: no header row, no text at all");
    head.emplace_back(record);
    bool more = true;
    std::size_t header_at = 0;
    std::optional<header_plan> chosen;
    // A record that cannot be read below the first rows (broken quoting)
    // is reported once the header is known, with its column's name.
    std::optional<parse_error> unread;
    for (; header_at < head.size() && header_at <= max_title_rows; ++header_at) {
      if (header_at + 1 == head.size() && more) {
        try {
          more = next_record(source, record);
        } catch (const parse_error& e) {
          unread = e;
          more = false;
        }
        if (more) head.emplace_back(record);
      }
      header_plan plan = plan_header(head[header_at], header_at + 1 < head.size() ? &head[header_at + 1] : nullptr);
      if (!plan.problem) {
        chosen = std::move(plan);
        break;
      }
    }
    if (!chosen) throw header_problem(head);
    use_header(*chosen, head[header_at]);
    if (unread) {
      const source_location& w = unread->where();
      if (!w.column_name.empty() || w.column == 0 || w.column > header_.size()) throw *unread;
      throw unread->at(at(w.line, w.column - 1));
    }
    for (std::size_t i = 0; i < header_at; ++i) {
      // A merged title arrives in every cell it spans: show it once.
      std::string shown;
      std::string_view last;
      for (const auto& c : head[i].fields) {
        const std::string_view t = text::trim(c);
        if (t.empty() || t == last) continue;
        shown += (shown.empty() ? "" : " | ") + std::string(t);
        last = t;
      }
      note(severity::notice, where(head[i].line, 0),
           "a title row above the header, not data: skipped: '" + std::string(text::truncate_utf8(shown, 80)) + "'");
    }

    std::size_t rows = 0;
    const auto handle = [&](const csv_record& r) {
      ++rows;
      if (problems_ == nullptr) {
        read_row(r);
        return;
      }
      try {
        read_row(r);
      } catch (const parse_error& e) {
        problems_->push_back({e.where(), e.what()});
      }
    };
    for (std::size_t i = header_at + (chosen->sub_header ? 2 : 1); i < head.size(); ++i) {
      head[i].view(record);
      fit_to_header(record);
      handle(record);
    }
    if (more) {
      // A stop asked for is seen within 65,536 rows: a few milliseconds.
      const bool stoppable = options_.stop.stop_possible();
      while (next_record(source, record)) {
        handle(record);
        if (stoppable && (rows & 0xFFFF) == 0 && options_.stop.stop_requested()) throw interrupted();
      }
    }
    if (rows == 0)
      throw parse_error::unquoted(where(header_line_, 0),
                                  "header but no data rows below it (the header starts with '" +
                                      std::string(text::trim(first_header_cell_)) + "')");
    finish();
    if (project_rows_ == 0)
      throw parse_error::unquoted(where(header_line_, 0),
                                  "no project rows: every row below the header is a heading, subtotal or total row");
    if (each_ != nullptr) {
      hand_over(snapshots_.size() - 1);
      return {};
    }
    if (snapshots_.size() > 1)
      for (snapshot& s : snapshots_) s.shrink_to_fit();
    if (options_.org && !options_.org->bureaus().empty()) {
      const auto order = std::make_shared<const std::vector<std::string>>(options_.org->bureaus());
      for (snapshot& s : snapshots_) s.set_bureau_order(order);
    }
    return std::move(snapshots_);
  }

  // -- locations and notes ----------------------------------------------------

  source_location where(std::size_t line, std::size_t column, std::string column_name = {}) const {
    return {name_, line, column, std::move(column_name), sheet_};
  }
  source_location at(std::size_t line, std::size_t index) const {
    return where(line, index + 1, index < header_.size() ? header_[index].name : std::string());
  }
  /// What a location's number counts: a text file's lines, a sheet's rows.
  std::string line_word(bool plural = false) const {
    return cells_ != nullptr ? (plural ? "rows" : "row") : (plural ? "lines" : "line");
  }

  /// A warning or notice, kept when validating (read_csv has no list to put it in).
  void note(severity level, const source_location& w, const std::string& message) {
    if (problems_ == nullptr) return;
    std::string located = w.to_string();
    located += ": ";
    located += message;
    problems_->push_back({w, std::move(located), level});
  }

  /// source.next, with the column's name added to a tokenizer error (broken
  /// quoting, a field past the size limit).
  bool next_record(record_source& source, csv_record& record) const {
    try {
      const bool got = source.next(record);
      if (got) fit_to_header(record);
      return got;
    } catch (const parse_error& e) {
      const source_location& w = e.where();
      if (!w.column_name.empty() || w.column == 0 || w.column > header_.size()) throw;
      throw e.at(at(w.line, w.column - 1));
    }
  }

  /// A sheet's rows end where their last filled cell does: a short row is
  /// padded with blanks, and blank cells past the header are dropped.
  void fit_to_header(csv_record& record) const {
    if (cells_ == nullptr || header_.empty()) return;
    if (record.fields.size() < header_.size()) record.fields.resize(header_.size());
    while (record.fields.size() > header_.size() && text::trim(record.fields.back()).empty()) record.fields.pop_back();
  }

  void check_columns_option() const {
    for (const auto& [header, name] : options_.columns) {
      const auto names = column_names();
      if (std::find(names.begin(), names.end(), name) == names.end()) {
        std::string known;
        for (const auto n : names) known += (known.empty() ? "" : ", ") + std::string(n);
        throw parse_error("unknown column name for header '" + header + "' (known: " + known + ")", name);
      }
    }
  }

  // -- the header ---------------------------------------------------------------

  struct header_plan {
    std::vector<header_column> columns;
    bool sub_header = false;
    std::optional<parse_error> problem;  // why this record is not the header
    std::size_t recognised = 0;
    std::vector<std::string> notices;
  };

  /// What `row` means as the header (with `below`, the record under it, as
  /// the second row of a two-row header), or why it is not one.
  header_plan plan_header(const owned_record& row, const owned_record* below) const {
    header_plan plan;
    const std::size_t line = row.line;
    // Lines that end in CR alone (old Mac files) make the whole file one
    // record: say so rather than complain about the columns it seems to have.
    for (std::size_t i = 0; i < row.fields.size(); ++i) {
      const std::string_view f = row.fields[i];
      std::size_t cr = f.find('\r');
      while (cr != std::string_view::npos && cr + 1 < f.size() && f[cr + 1] == '\n') cr = f.find('\r', cr + 1);
      if (cr != std::string_view::npos && cr + 1 < f.size()) {
        plan.problem = parse_error(where(line, i + 1),
                                   "a header cell holds a line break of a lone CR: lines ending in CR alone "
                                   "(old Mac files) are not supported, save the file with LF or CRLF line ends",
                                   std::string(text::trim(f.substr(0, cr))));
        return plan;
      }
    }
    std::optional<std::size_t> performance;  // a 추진실적 column
    for (std::size_t i = 0; i < row.fields.size(); ++i) {
      header_column h;
      h.name = read_text_cell(row.fields[i]);
      classify(h, i, performance);
      plan.columns.push_back(std::move(h));
    }
    if (below != nullptr) read_sub_header(plan, *below);
    if (performance && !std::any_of(plan.columns.begin(), plan.columns.end(), [](const header_column& h) {
          return h.kind == column::status || h.kind == column::status_mark;
        })) {
      plan.columns[*performance].kind = column::status;
      plan.notices.push_back("column '" + plan.columns[*performance].name +
                             "' read as the status column (the file has no other)");
    }
    for (const auto& h : plan.columns) plan.recognised += h.kind != column::extra ? 1 : 0;
    check_header(plan, line);
    return plan;
  }

  /// The column a header names: the caller's mapping first, then the
  /// headers the reader knows, then a status label (a mark column).
  void classify(header_column& h, std::size_t index, std::optional<std::size_t>& performance) const {
    const std::string key = normalise_header(h.name);
    h.kind = column::extra;
    if (key.empty()) return;
    for (const auto& [header, name] : options_.columns) {
      if (normalise_header(header) != key) continue;
      for (std::size_t c = 0; c < known_columns; ++c)
        if (canonical_names[c] == name) h.kind = static_cast<column>(c);
      return;  // "extra": kept as it is
    }
    if (const auto it = header_names().find(key); it != header_names().end()) {
      h.kind = it->second;
    } else if (key == performance_header()) {
      performance = index;
    } else if (const auto s = options_.labels.find(h.name)) {
      h.kind = column::status_mark;
      h.marked = *s;
    }
  }

  /// A two-row header: a group (추진상황) spanning one sub-column per status,
  /// whose labels stand in the row below. Merged group cells arrive blank or
  /// repeated; the group's own cell may name any column, or none.
  void read_sub_header(header_plan& plan, const owned_record& below) const {
    // The first run of status labels under one group cell and the blank (or
    // repeated) cells that a merge left to its right.
    std::vector<std::pair<std::size_t, pledgetrack::status>> labelled;
    const std::size_t width = std::min(plan.columns.size(), below.fields.size());
    for (std::size_t start = 0; start < width && labelled.size() < 2; ++start) {
      const header_column& group = plan.columns[start];
      // A group is named (a status group, or a header the reader does not
      // know); under a column it knows, a label is data, not a sub-header.
      if (group.name.empty() ||
          !(group.kind == column::status || group.kind == column::extra || group.kind == column::status_mark))
        continue;
      labelled.clear();
      for (std::size_t j = start; j < width; ++j) {
        if (j > start && !plan.columns[j].name.empty() && plan.columns[j].name != group.name) break;
        const auto s = options_.labels.find(read_text_cell(below.fields[j]));
        if (!s) break;
        labelled.emplace_back(j, *s);
      }
    }
    if (labelled.size() < 2) return;
    plan.sub_header = true;
    std::string names;
    for (const auto& [i, s] : labelled) {
      header_column& h = plan.columns[i];
      h.name = read_text_cell(below.fields[i]);
      h.kind = column::status_mark;
      h.marked = s;
      names += (names.empty() ? "" : ", ") + h.name;
    }
    // Other columns named only in the second row.
    std::optional<std::size_t> unused;
    for (std::size_t i = 0; i < plan.columns.size() && i < below.fields.size(); ++i) {
      header_column& h = plan.columns[i];
      if (!h.name.empty() || h.kind == column::status_mark) continue;
      h.name = read_text_cell(below.fields[i]);
      classify(h, i, unused);
    }
    plan.notices.push_back("a two-row header: the status columns are " + names + " (from line " +
                           std::to_string(below.line) + ")");
  }

  /// Checks what a header must have; the first thing missing becomes the
  /// plan's problem, with the headers found, those accepted and the nearest.
  void check_header(header_plan& plan, std::size_t line) const {
    std::array<std::optional<std::size_t>, known_columns> seen{};
    std::array<std::optional<std::size_t>, status_count> seen_marks{};
    for (std::size_t i = 0; i < plan.columns.size(); ++i) {
      const header_column& h = plan.columns[i];
      if (h.kind == column::extra) continue;
      if (h.kind == column::status_mark) {
        auto& first = seen_marks[index_of(h.marked)];
        if (first) {
          plan.problem = parse_error(where(line, i + 1, h.name),
                                     "duplicate status mark column: '" + plan.columns[*first].name +
                                         "' and this one both mean " + std::string(label_ko(h.marked)),
                                     h.name);
          return;
        }
        first = i;
        continue;
      }
      auto& first = seen[static_cast<std::size_t>(h.kind)];
      if (first) {
        plan.problem = parse_error(where(line, i + 1, h.name),
                                   "duplicate column: '" + plan.columns[*first].name + "' (column " +
                                       std::to_string(*first + 1) + ") and this one both mean " +
                                       std::string(canonical_name(h.kind)),
                                   h.name);
        return;
      }
      first = i;
    }
    const auto has = [&](column c) { return seen[static_cast<std::size_t>(c)].has_value(); };
    const bool has_marks = std::any_of(seen_marks.begin(), seen_marks.end(), [](auto& m) { return m.has_value(); });
    const auto missing = [&](column c, std::string_view what) {
      plan.problem = missing_column(plan, line, c, what);
    };
    if (!has(column::id)) return missing(column::id, "id (관리번호)");
    if (!has(column::project)) return missing(column::project, "project (세부사업/단위사업)");
    if (!has(column::status) && !has_marks)
      return missing(column::status, "status (추진상황), or one column per status holding a mark");
    if (has(column::status) && has_marks) {
      const std::size_t i = *seen[static_cast<std::size_t>(column::status)];
      plan.problem = parse_error(where(line, i + 1, plan.columns[i].name),
                                 "both a status column and status mark columns: use one", plan.columns[i].name);
      return;
    }
    if (!has(column::district) && options_.district.empty())
      return missing(column::district, "district (자치단체), and no district was given");
    if (!has(column::as_of) && !options_.as_of)
      return missing(column::as_of, "as_of (기준일자), and no as_of was given");
  }

  /// "missing required column project (…); accepted headers: …; the nearest
  /// header in the file is '사업 내용': map it with columns= or --column:
  /// '<found headers>'".
  parse_error missing_column(const header_plan& plan, std::size_t line, column c, std::string_view what) const {
    std::string found;
    for (const auto& h : plan.columns) found += (found.empty() ? "" : ", ") + h.name;
    std::string accepted;
    std::vector<std::string_view> aliases;
    for (const auto& [kind, names] : header_table())
      if (kind == c) aliases = names;
    for (const auto a : aliases) accepted += (accepted.empty() ? "" : ", ") + std::string(a);
    // The nearest unrecognised header, by jamo, to any accepted one.
    std::optional<std::string> nearest;
    std::size_t best = 4;
    for (const auto& h : plan.columns) {
      if (h.kind != column::extra || h.name.empty()) continue;
      for (const auto a : aliases) {
        const std::size_t d = text::jamo_distance(normalise_header(h.name), normalise_header(a));
        const std::size_t limit = std::max<std::size_t>(1, text::jamo_letters(normalise_header(a)).size() / 3);
        if (d <= limit && d < best) {
          best = d;
          nearest = h.name;
        }
      }
    }
    const std::string name(canonical_name(c));
    std::string message = "missing required column " + std::string(what) + "; accepted headers: " + accepted;
    const std::string example = nearest ? *nearest : std::string("사업 내용");
    if (nearest) message += "; the nearest header in the file is '" + *nearest + "'";
    message += "; map a header of yours with columns={'" + example + "': '" + name + "'} or --column '" + example +
               "=" + name + "'; the file's headers are";
    return parse_error(where(line, 0), message, found);
  }

  /// The error for a file none of whose first rows is a header: that of the
  /// first row that looks most like one (the first row when none does).
  parse_error header_problem(const std::vector<owned_record>& head) const {
    std::size_t best = 0;
    std::size_t best_recognised = 0;
    std::vector<header_plan> plans;
    for (std::size_t i = 0; i < head.size() && i <= max_title_rows; ++i) {
      plans.push_back(plan_header(head[i], i + 1 < head.size() ? &head[i + 1] : nullptr));
      if (plans.back().recognised > best_recognised) {
        best_recognised = plans.back().recognised;
        best = i;
      }
    }
    return *plans[best_recognised >= 2 ? best : 0].problem;
  }

  void use_header(header_plan& plan, const owned_record& row) {
    header_ = std::move(plan.columns);
    header_line_ = row.line;
    first_header_cell_ = row.fields.empty() ? std::string() : row.fields[0];
    for (const auto& n : plan.notices) note(severity::notice, where(row.line, 0), n);
    for (std::size_t i = 0; i < header_.size(); ++i) {
      const header_column& h = header_[i];
      if (h.kind == column::status_mark) has_marks_ = true;
      if (static_cast<std::size_t>(h.kind) < known_columns) index_[static_cast<std::size_t>(h.kind)] = i;
      else if (h.kind == column::extra && !h.name.empty())
        note(severity::notice, at(row.line, i),
             "a column pledgetrack does not know: kept as an extra column (map it with columns= or --column "
             "if it is one of " + std::string("id, project, status, department, field, …)"));
    }
  }

  std::optional<std::size_t> index(column c) const { return index_[static_cast<std::size_t>(c)]; }
  std::string_view cell(const csv_record& record, column c) const {
    const auto i = index(c);
    return i ? text::trim(record.fields[*i]) : std::string_view();
  }

  // -- rows ---------------------------------------------------------------------

  void read_row(const csv_record& record) {
    const std::size_t line = record.line;
    if (record.fields.size() != header_.size())
      throw parse_error(at(line, std::min(record.fields.size(), header_.size()) == 0 ? 0 : record.fields.size() - 1),
                        "expected " + std::to_string(header_.size()) + " fields as in the header, found " +
                            std::to_string(record.fields.size()),
                        std::string(text::truncate_utf8(record.fields.empty() ? std::string_view() : record.fields.back(), 60)));

    // The usual row, decided at a glance: a numbered id and a status label.
    if (const std::string_view raw_id = record.fields[*index(column::id)];
        !has_marks_ && !raw_id.empty() && raw_id[0] >= '0' && raw_id[0] <= '9') {
      const std::string_view raw_status = record.fields[*index(column::status)];
      if (!raw_status.empty() && raw_status[0] != ' ') return read_project(record);
    }
    // Rows that are not projects: totals, subtotals and field headings.
    const std::string_view id_cell = cell(record, column::id);
    const std::string_view title_cell = cell(record, column::project);
    // The word stands where the id goes, else in the title's place, else (no
    // id) in the field's: 소계 under 분야, the first column of many tables.
    std::size_t label_column = id_cell.empty() ? *index(column::project) : *index(column::id);
    total_kind t = total_of(id_cell.empty() ? title_cell : id_cell);
    if (t == total_kind::none && id_cell.empty())
      if (const auto field = index(column::field)) {
        t = total_of(cell(record, column::field));
        label_column = *field;
      }
    if (t != total_kind::none) {
      read_total(record, t, label_column);
      return;
    }
    // A heading: no status, and a text where the id goes (with no title
    // beside it, or the same text merged across), or, with no id, a
    // numbered text in the title's place ("Ⅰ. 경제도시").
    if (!marks_a_status(record)) {
      const bool in_id = !id_cell.empty() && (title_cell.empty() || title_cell == id_cell) &&
                         !project_id::try_parse(id_cell);
      const bool in_title = id_cell.empty() && !title_cell.empty() && split_heading(title_cell).number;
      if (in_id || in_title) {
        read_heading(record, in_id ? id_cell : title_cell, in_id ? *index(column::id) : *index(column::project));
        return;
      }
    }
    read_project(record);
  }

  /// Whether the row gives a status: a label in the status column, or a mark.
  bool marks_a_status(const csv_record& record) const {
    if (!has_marks_) return !cell(record, column::status).empty();
    for (std::size_t i = 0; i < header_.size(); ++i)
      if (header_[i].kind == column::status_mark && is_mark(read_text_cell(record.fields[i], nfd_))) return true;
    return false;
  }

  void read_project(const csv_record& record) {
    ++project_rows_;
    const std::size_t line = record.line;
    project p = fresh_project();
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
            else if (district.empty()) throw parse_error::unquoted({}, "empty district, and no district was given");
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
              throw parse_error::unquoted({}, "empty as_of date, and no as_of was given");
            }
            break;
          }
          case column::id:
            p.id = read_id(raw, line);
            // The duplicate check in add() looks the id up in a table that a
            // big snapshot spreads over megabytes: start loading it now.
            if (last_snapshot_ < snapshots_.size()) snapshots_[last_snapshot_].prefetch(p.id);
            break;
          case column::field:
            if (options_.keep_field) read_name(raw, line, i, p.field);
            break;
          case column::pledge:
            if (options_.keep_descriptions) read_name(raw, line, i, p.pledge);
            break;
          case column::project:
            // Not kept, the title is still checked: read_text_cell leaves a
            // text empty exactly when the trimmed cell is (the apostrophe it
            // may take off always has a character after it).
            if (options_.keep_descriptions) read_text_cell(raw, nfd_, p.title);
            if (options_.keep_descriptions ? p.title.empty() : text::trim(raw).empty())
              throw parse_error::unquoted({}, "empty project title");
            break;
          case column::department:
            if (keep_departments()) read_name(raw, line, i, p.department);
            break;
          case column::bureau:
            if (keep_departments()) read_name(raw, line, i, p.bureau);
            break;
          case column::status: {
            // The label as written is a description (keep_descriptions);
            // the status read from it always counts.
            std::string_view label = cell_text(raw);
            if (nfd_ && text::has_conjoining_jamo(label)) label = composed_label_ = text::compose_hangul(label);
            // An empty label is missing data, never a status of its own.
            if (label.empty()) throw parse_error::unquoted({}, "empty status label");
            if (options_.keep_descriptions) p.raw_status.assign(label);
            if (const label_meaning m = meaning_of(label); m.removed) {
              // Left the list by adjustment: scope, not status. The status
              // (폐기) is never counted, since the project is out of scope.
              p.scope = scope::removed;
              p.status = status::dropped;
              if (problems_ != nullptr)
                note_once(noted_removals_, std::string(label), at(line, i),
                          "status '" + std::string(label) +
                              "' read as removed from the list by adjustment (scope removed, out of every "
                              "denominator), not as a status");
            } else {
              p.status = m.status;
            }
            break;
          }
          case column::status_mark: {
            const std::string value = read_text_cell(raw, nfd_);
            if (is_unmark(value)) break;
            if (!is_mark(value))
              throw parse_error(
                  "not a status mark (○ O ● V ✓ 해당됨 mark a status; 해당안됨 미해당 X × - 0 or empty leave it unmarked)",
                  value);
            if (marked_column)
              throw parse_error("a second status marked (first: '" + header_[*marked_column].name + "')", value);
            marked_column = i;
            p.status = h.marked;
            if (options_.keep_descriptions) p.raw_status = h.name;
            break;
          }
          case column::progress: p.progress = read_progress(text::trim(raw)); break;
          case column::due: p.due = raw.empty() ? due::unknown : read_due(raw); break;
          case column::note:
            if (options_.keep_descriptions) read_text_cell(raw, nfd_, p.note);
            break;
          case column::scope:
            if (!raw.empty() && raw != "in") p.scope = read_scope(raw);
            break;
          case column::adjustment: read_text_cell(raw, nfd_, p.adjustment); break;
          case column::extra:
            if (options_.keep_descriptions) p.extra.emplace_back(h.name, read_text_cell(raw, nfd_));
            break;
        }
      } catch (const parse_error& e) {
        throw e.at(at(line, i));
      }
    }
    if (has_marks_ && !marked_column)
      throw parse_error(where(line, 0), "no status marked in any status column", p.id.to_string());

    number_within_section(p, line);
    fill_down(p, line);
    apply_org(p, line);
    if (!as_of) throw parse_error::unquoted(where(line, 0), "no as_of date for this row");
    if (!term_number) {
      // A file without terms: the regular term (민선 n기) of the as-of date.
      const auto t = term::of_date(*as_of);
      if (!t) throw parse_error(where(line, 0), "no term for the as_of date", format_date(*as_of));
      term_number = t->number();
    }
    previous_ = add(district, *term_number, *as_of, std::move(p), line);
    if (problems_ != nullptr) {  // the tallies serve only the checks validate reports
      const project& added = previous();
      whole_.add(added);
      since_subtotal_.add(added);
      if (section_) section_->rows.add(added);
    }
  }

  project_id read_id(std::string_view raw, std::size_t line) {
    const std::string_view trimmed = text::trim(raw);
    if (trimmed.empty()) throw parse_error::unquoted({}, "empty project id");
    project_id id = project_id::read(trimmed);
    if (id.is_text() && problems_ != nullptr && !noted_text_id_) {
      noted_text_id_ = true;
      note(severity::notice, at(line, *index(column::id)),
           "id '" + id.to_string() +
               "' is not a numbered id (2-3-④, 가-1, III-①-1): kept as written, its own pledge (and so are the "
               "other ids like it)");
    }
    return id;
  }

  /// The org checks every department: with one they are always read.
  bool keep_departments() const noexcept { return options_.keep_departments || options_.org.has_value(); }

  /// A name cell (field, pledge, department, bureau): a name printed with
  /// justification spaces is the name without them, said once per name.
  void read_name(std::string_view raw, std::size_t line, std::size_t index, std::string& out) {
    read_text_cell(raw, nfd_, out);
    if (!text::is_spaced_out(out)) return;
    std::string closed = text::remove_spaces(out);
    if (problems_ != nullptr)
      note_once(noted_spaced_, out, at(line, index),
              "'" + out + "' read as '" + closed + "' (the spaces of justified text closed up)");
    out = std::move(closed);
  }

  void note_once(std::vector<std::string>& seen, const std::string& key, const source_location& w,
                 const std::string& message) {
    if (problems_ == nullptr || std::find(seen.begin(), seen.end(), key) != seen.end()) return;
    seen.push_back(key);
    note(severity::notice, w, message);
  }

  /// Projects numbered 1, 2, 3 … again under each numbered heading: the id
  /// is the section's number and the row's (Ⅰ and 3 → 1-3).
  void number_within_section(project& p, std::size_t line) {
    if (!section_ || !section_->number || p.id.is_text() || p.id.size() != 1) return;
    const id_component s = (*section_->number)[0];
    // Ⅰ is written 1, as the ids under it are numbers; 가 stays 가.
    const std::string section_text =
        s.type == id_component::kind::hangul ? section_->number->to_string() : std::to_string(s.value);
    const project_id numbered = project_id::parse(section_text + "-" + p.id.to_string());
    if (!section_->numbered_ids_noted) {
      section_->numbered_ids_noted = true;
      note(severity::notice, at(line, *index(column::id)),
           "ids numbered within the section '" + section_->printed.label + "': '" + p.id.to_string() +
               "' read as " + numbered.to_string() + " (and so on for the section's rows)");
    }
    p.id = numbered;
  }

  /// A blank field or pledge: from the heading above, or from the row above
  /// when the row's id belongs to the same field or pledge (a merged cell).
  void fill_down(project& p, std::size_t line) {
    if (options_.keep_field && section_ && p.field.empty() && !section_->field.empty()) p.field = section_->field;
    if (!options_.fill_down) return;
    const project* above = previous_ ? &previous() : nullptr;
    const auto same_field = [&] {
      return above != nullptr && p.id.size() >= 2 && above->id.size() >= 2 && p.id[0] == above->id[0];
    };
    const auto same_pledge = [&] {
      return above != nullptr && p.id.size() >= 3 && above->id.size() >= 3 && p.id.pledge() == above->id.pledge();
    };
    if (options_.keep_field && index(column::field) && p.field.empty()) {
      if (same_field() && !above->field.empty()) {
        p.field = above->field;
        extend_fill(fills_[0], "field", above->field, previous_->line, line);
      } else if (problems_ != nullptr) {
        note(severity::warning, at(line, *index(column::field)),
             "blank field, and the row above is not of the same field by its id: left blank");
      }
    }
    if (index(column::pledge) && p.pledge.empty()) {
      if (same_pledge() && !above->pledge.empty()) {
        p.pledge = above->pledge;
        extend_fill(fills_[1], "pledge", above->pledge, previous_->line, line);
      } else if (problems_ != nullptr) {
        note(severity::warning, at(line, *index(column::pledge)),
             "blank pledge name, and the row above is not of the same pledge by its id: left blank");
      }
    }
  }

  struct fill_run {
    std::string column_name;
    std::string value;
    std::size_t source_line = 0, first = 0, last = 0, rows = 0;
  };

  /// Fills are said per run of rows filled with one value, not per cell.
  void extend_fill(fill_run& run, std::string_view what, const std::string& value, std::size_t source_line,
                   std::size_t line) {
    if (problems_ == nullptr) return;
    if (run.rows > 0 && run.value == value && run.column_name == what) {
      run.last = line;
      ++run.rows;
      return;
    }
    flush_fill(run);
    run = {std::string(what), value, source_line, line, line, 1};
  }

  void flush_fill(fill_run& run) {
    if (run.rows == 0) return;
    const column c = run.column_name == "field" ? column::field : column::pledge;
    std::string lines = std::to_string(run.first);
    if (run.last != run.first) lines += "–" + std::to_string(run.last);
    note(severity::notice, at(run.first, *index(c)),
         std::string(run.column_name) + " blank on " + line_word(run.rows > 1) + " " + lines + " (a merged cell): " +
             "filled down with '" + run.value + "' from " + line_word() + " " + std::to_string(run.source_line) +
             ", the ids being of the same " + run.column_name);
    run.rows = 0;
  }

  // -- heading, subtotal and total rows -----------------------------------------

  /// The figures a heading or total row prints: a count under each mark
  /// column, the mean progress, "65건" and "7개 분야" in its text.
  printed_figures read_figures(const csv_record& record, std::string_view label, std::size_t label_column) const {
    printed_figures f;
    f.line = record.line;
    f.label = std::string(label);
    f.label_column = label_column;
    if (has_marks_) {
      for (std::size_t i = 0; i < header_.size(); ++i) {
        if (header_[i].kind != column::status_mark) continue;
        const std::string_view c = text::trim(record.fields[i]);
        if (const auto n = read_count(c)) f.counts.emplace_back(i, *n);
      }
      // Only blanks and dashes: nothing printed.
      if (std::all_of(f.counts.begin(), f.counts.end(), [&](const auto& c) {
            const std::string_view t = text::trim(record.fields[c.first]);
            return t.empty() || t == "-" || t == "–";
          }))
        f.counts.clear();
    }
    if (const auto i = index(column::progress)) {
      const std::string_view c = text::trim(record.fields[*i]);
      if (!c.empty() && parse_decimal(c.ends_with('%') ? text::trim(c.substr(0, c.size() - 1)) : c))
        f.mean_progress = std::make_pair(*i, std::string(c));
    }
    // "7개 분야 65건": the cell that prints them is where a mismatch is shown.
    for (std::size_t i = 0; i < record.fields.size(); ++i) {
      const std::string_view c = record.fields[i];
      if (const auto projects = number_before(c, "건"); projects && !f.projects) {
        f.projects = projects;
        f.count_column = i;
      }
      auto n = number_before(c, "개 분야");
      if (!n) n = number_before(c, "개분야");
      if (n && !f.fields) {
        f.fields = n;
        f.count_column = i;
      }
    }
    return f;
  }

  void read_heading(const csv_record& record, std::string_view heading, std::size_t label_column) {
    close_section();
    const heading_text h = split_heading(read_text_cell(heading, nfd_));
    section s;
    s.field = h.name;
    s.number = h.number;
    s.printed = read_figures(record, read_text_cell(heading, nfd_), label_column);
    note(severity::notice, at(record.line, label_column),
         "a field heading, not a project: the rows below it are of the field '" + s.field + "'" +
             (s.number ? " (section " + s.number->to_string() + ")" : std::string()));
    section_ = std::move(s);
    since_subtotal_ = {};
  }

  void read_total(const csv_record& record, total_kind kind, std::size_t label_column) {
    printed_figures f = read_figures(record, read_text_cell(record.fields[label_column], nfd_), label_column);
    if (kind == total_kind::subtotal) {
      note(severity::notice, at(record.line, label_column),
           "a subtotal row, not a project: its figures are checked against the " +
               std::to_string(since_subtotal_.projects) + " rows above it");
      check(f, since_subtotal_, "the rows above it");
      since_subtotal_ = {};
      return;
    }
    note(severity::notice, at(record.line, label_column),
         "a total row, not a project: its figures are checked against every row of the file");
    totals_.push_back(std::move(f));
  }

  void close_section() {
    if (!section_) return;
    check(section_->printed, section_->rows, "the rows under it");
    section_.reset();
  }

  void finish() {
    close_section();
    for (const auto& f : totals_) check(f, whole_, "the file's rows");
    for (auto& run : fills_) flush_fill(run);
  }

  /// Every figure a heading or total row prints against the rows it covers;
  /// a difference is a warning with both figures.
  void check(const printed_figures& f, const tally& rows, std::string_view covered) {
    if (problems_ == nullptr) return;
    const std::string row_word = "the row '" + f.label + "'";
    for (const auto& [i, n] : f.counts) {
      const status s = header_[i].marked;
      if (n != rows.counts[index_of(s)])
        note(severity::warning, at(f.line, i),
             row_word + " prints " + std::to_string(n) + " for " + std::string(label_ko(s)) + ", but " +
                 std::string(covered) + " hold " + std::to_string(rows.counts[index_of(s)]));
    }
    if (f.mean_progress && rows.with_progress > 0) {
      const auto& [i, printed] = *f.mean_progress;
      const std::string_view number = std::string_view(printed).ends_with('%')
                                          ? text::trim(std::string_view(printed).substr(0, printed.size() - 1))
                                          : std::string_view(printed);
      const std::size_t point = number.find('.');
      const int decimals = point == std::string_view::npos ? 0 : static_cast<int>(number.size() - point - 1);
      const fraction mean = rows.progress_sum * fraction(1, rows.with_progress);
      const std::string computed = format_decimal(mean, rounding::half_up, std::min(decimals, 9));
      if (computed != number)
        note(severity::warning, at(f.line, i),
             row_word + " prints a mean progress of " + std::string(number) + ", but the mean of " +
                 std::string(covered) + " (" + std::to_string(rows.with_progress) + " projects) is " +
                 format_decimal(mean, rounding::half_up, 2) + ", " + computed + " rounded half up");
    }
    if (f.projects && *f.projects != rows.projects)
      note(severity::warning, at(f.line, f.count_column),
           row_word + " prints " + std::to_string(*f.projects) + " projects (건), but " + std::string(covered) +
               " are " + std::to_string(rows.projects));
    // Without the fields read (keep_field), they are not counted either.
    if (f.fields && options_.keep_field && *f.fields != static_cast<std::int64_t>(rows.fields.size()))
      note(severity::warning, at(f.line, f.count_column),
           row_word + " prints " + std::to_string(*f.fields) + " fields (개 분야), but " + std::string(covered) +
               " are of " + std::to_string(rows.fields.size()));
  }

  // -- statuses, org, snapshots ---------------------------------------------------

  /// What a status cell says: a status, or that the project left the list.
  struct label_meaning {
    pledgetrack::status status = status::dropped;
    bool removed = false;
  };

  label_meaning meaning_of(std::string_view label) {
    for (const auto& [seen, m] : seen_labels_)
      if (seen == label) return m;
    label_meaning m;
    if (status_labels::means_removal(label)) m.removed = true;
    else m.status = options_.labels.parse(label);
    if (seen_labels_.size() < 32) seen_labels_.emplace_back(label, m);
    return m;
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
    throw parse_error(at(line, index(column::department).value_or(0)),
                      "department not in the org file, and the row gives no bureau", p.department);
  }

  /// Adds a project to its snapshot; where it went.
  struct position {
    std::size_t snapshot = 0, index = 0, line = 0;
  };

  const project& previous() const { return snapshots_[previous_->snapshot].projects()[previous_->index]; }

  position add(std::string_view district, int term_number, date as_of, project&& p, std::size_t line) {
    // Rows of one snapshot mostly come together: try the last one first.
    std::size_t i = last_snapshot_;
    if (i >= snapshots_.size() || snapshots_[i].as_of() != as_of || snapshots_[i].term() != term_number ||
        snapshots_[i].district() != district) {
      snapshot_key key{std::string(district), term_number, as_of};
      const auto [it, inserted] = snapshot_index_.try_emplace(key, snapshots_.size());
      if (inserted) {
        // Room for the rows still to come, so that growing never moves every
        // project again; a later snapshot gets at most twice the size of the
        // one before it, and run() gives back what a snapshot did not use.
        std::size_t room = line < line_count_ ? line_count_ - line + 1 : 1;
        if (!snapshots_.empty()) {
          room = std::min(room, 2 * snapshots_.back().size() + 16);
          if (each_ != nullptr) hand_over(snapshots_.size() - 1);
        }
        snapshots_.emplace_back(key.district, key.term, key.as_of);
        lines_.emplace_back();
        snapshots_.back().reserve(room);
        lines_.back().reserve(room);
      } else if (it->second < handed_) {
        throw revisited{};  // rows interleaved: read_csv_bytes_each reads the file whole
      }
      i = last_snapshot_ = it->second;
    }
    snapshot& s = snapshots_[i];
    if (const project* first = s.try_add(std::move(p)))  // p stays as it was
      throw parse_error(at(line, index(column::id).value_or(0)),
                        "duplicate project id (first on " + line_word() + " " +
                            std::to_string(lines_[i][static_cast<std::size_t>(first - s.projects().data())]) + ")",
                        p.id.to_string());
    lines_[i].push_back(line);
    return {i, s.size() - 1, line};
  }

  /// Hands snapshot k (the last one, whose rows are over) to each_; only its
  /// key stays, to tell a row that comes back to it. The projects a sink
  /// leaves in it are kept, to read the next rows into their memory.
  void hand_over(std::size_t k) {
    snapshot done = std::move(snapshots_[k]);  // freed here, whatever each_ does with it
    (*each_)(k, std::move(done));
    if (done.size() > 0) *spare_ = done.take_projects();
    std::vector<std::size_t>().swap(lines_[k]);
    handed_ = k + 1;
  }

  /// A project to read a row into: every field at its default, its texts in
  /// the memory of a project already handed over when there is one. Reading
  /// a batch's millions of rows then allocates no string per cell.
  project fresh_project() {
    project p;
    if (spare_->empty()) return p;
    project& old = spare_->back();
    for (std::string project::*text : {&project::field, &project::pledge, &project::title, &project::department,
                                       &project::bureau, &project::raw_status, &project::note, &project::adjustment}) {
      (p.*text).swap(old.*text);
      (p.*text).clear();
    }
    spare_->pop_back();
    return p;
  }

  template <class T>
  struct cached {
    std::string text;
    T value{};
  };

  std::string name_;
  std::string sheet_;
  const read_options& options_;
  std::vector<problem>* problems_;
  const table* cells_ = nullptr;  // a table being read, else text_
  std::string district_buffer_;   // a district composed from NFD
  cached<int> last_term_;
  cached<date> last_as_of_;
  // The labels seen so far: a file uses a handful, in any order.
  std::vector<std::pair<std::string, label_meaning>> seen_labels_;
  std::string composed_label_;  // a status label composed from NFD
  std::string decoded_;         // the text, when it had to be decoded
  std::string_view text_;       // the UTF-8 text being read
  bool nfd_ = true;             // whether any conjoining jamo occur in it
  std::size_t line_count_ = 0;  // physical lines in it: a bound on the rows
  std::vector<header_column> header_;
  std::array<std::optional<std::size_t>, known_columns> index_{};  // column → its index in the header
  bool has_marks_ = false;
  std::size_t header_line_ = 1;
  std::string first_header_cell_;
  std::vector<snapshot> snapshots_;
  std::map<snapshot_key, std::size_t> snapshot_index_;
  std::vector<std::vector<std::size_t>> lines_;  // per snapshot, the line of each project
  std::size_t last_snapshot_ = static_cast<std::size_t>(-1);
  const snapshot_sink* each_ = nullptr;  // where snapshots go once read, if anywhere
  std::size_t handed_ = 0;               // snapshots_[0, handed_) went there
  std::vector<project> own_spare_;       // projects handed over, for fresh_project ...
  std::vector<project>* spare_ = &own_spare_;  // ... or the caller's (reuse)
  // Headings, totals and fill-down.
  std::optional<position> previous_;  // the last project read
  std::size_t project_rows_ = 0;      // rows read as projects, whether or not they read cleanly
  std::optional<section> section_;
  tally whole_, since_subtotal_;
  std::vector<printed_figures> totals_;
  std::array<fill_run, 2> fills_;  // field, pledge
  // Notices said once.
  std::vector<std::string> noted_spaced_, noted_removals_;
  bool noted_text_id_ = false;
};

template <class Read>
std::vector<problem> collect_problems(const std::string& name, Read&& read) {
  std::vector<problem> problems;
  try {
    read(&problems);
  } catch (const parse_error& e) {  // a problem that stops reading: encoding, header, quoting
    problems.push_back({e.where(), e.what()});
  } catch (const error& e) {
    problems.push_back({source_location{name, 0, 0, {}, {}}, e.what()});
  }
  return problems;
}

}  // namespace

std::vector<std::string_view> column_names() {
  std::vector<std::string_view> names(canonical_names.begin(), canonical_names.end());
  names.push_back("extra");
  return names;
}

std::vector<snapshot> read_csv_bytes(std::string_view bytes, const std::string& name, const read_options& options) {
  return reader(bytes, name, options, nullptr).run();
}

std::vector<snapshot> read_csv(const std::string& path, const read_options& options) {
  return read_csv_bytes(read_file_bytes(path, options.limits.max_file_bytes), path, options);
}

void read_csv_bytes_each(std::string_view bytes, const std::string& name, const read_options& options,
                         const snapshot_sink& each, read_scratch& scratch) {
  try {
    reader r(bytes, name, options, nullptr);
    r.hand_over_to(each);
    r.reuse(scratch);
    (void)r.run();
    return;
  } catch (const revisited&) {
  }
  std::vector<snapshot> all = read_csv_bytes(bytes, name, options);
  for (std::size_t k = 0; k < all.size(); ++k) each(k, std::move(all[k]));
}

void read_csv_bytes_each(std::string_view bytes, const std::string& name, const read_options& options,
                         const snapshot_sink& each) {
  read_scratch scratch;
  read_csv_bytes_each(bytes, name, options, each, scratch);
}

void read_csv_each(const std::string& path, const read_options& options, const snapshot_sink& each) {
  read_csv_bytes_each(read_file_bytes(path, options.limits.max_file_bytes), path, options, each);
}

std::vector<problem> validate_csv_bytes(std::string_view bytes, const std::string& name, const read_options& options) {
  return collect_problems(name, [&](std::vector<problem>* problems) { (void)reader(bytes, name, options, problems).run(); });
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

std::vector<snapshot> read_table(const table& cells, const read_options& options) {
  return reader(cells, options, nullptr).run();
}

std::vector<problem> validate_table(const table& cells, const read_options& options) {
  return collect_problems(cells.name, [&](std::vector<problem>* problems) { (void)reader(cells, options, problems).run(); });
}

}  // namespace pledgetrack::io
