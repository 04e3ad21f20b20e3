// Reading the small CSV files of an audit: the stated figures
// (figure,value,status,dimension,group,label) and counts per status
// (status,count). Encodings and quoting as for pledge files; every problem
// names the file, line, column and text.
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pledgetrack/audit/audit.hpp"
#include "pledgetrack/io/csv_tokenizer.hpp"
#include "pledgetrack/io/encoding.hpp"
#include "pledgetrack/model/status_labels.hpp"

namespace pledgetrack::audit {

namespace {

enum class stated_column : std::size_t { figure, value, status, dimension, group, period, label };
constexpr std::size_t stated_column_count = 7;
/// The names make_stated_figure gives the columns in its errors.
constexpr std::array<std::string_view, stated_column_count> stated_column_names = {
    "figure", "value", "status", "dimension", "group", "period", "label"};

/// The headers each column of a stated file answers to (normalised: no
/// spaces, lower case).
const std::array<std::vector<std::string_view>, stated_column_count>& stated_headers() {
  static const std::array<std::vector<std::string_view>, stated_column_count> headers = {{
      {"figure", "구분", "항목"},
      {"value", "값", "표시값", "수치"},
      {"status", "추진상황", "상태"},
      {"dimension", "차원", "기준"},
      {"group", "집단", "그룹"},
      {"period", "시점", "기간"},
      {"label", "비고", "note"},
  }};
  return headers;
}

std::optional<std::size_t> stated_column_of(std::string_view header) {
  const std::string h = status_labels::normalise(header);
  for (std::size_t c = 0; c < stated_column_count; ++c)
    for (const std::string_view name : stated_headers()[c])
      if (h == name) return c;
  return std::nullopt;
}

constexpr std::array<std::string_view, 4> status_header_names = {"status", "추진상황", "상태", "구분"};
constexpr std::array<std::string_view, 4> count_header_names = {"count", "건수", "개수", "n"};

template <std::size_t N>
bool is_one_of(std::string_view header, const std::array<std::string_view, N>& names) {
  const std::string h = status_labels::normalise(header);
  for (const std::string_view name : names)
    if (h == name) return true;
  return false;
}

source_location at(const std::string& file, std::size_t line, std::size_t column, std::string name) {
  return source_location{file, line, column, std::move(name)};
}

}  // namespace

std::vector<stated_figure> read_stated_csv_text(const std::string& text, const std::string& file) {
  io::csv_tokenizer tokens(text, file);
  io::csv_record record;
  if (!tokens.next(record)) throw parse_error(at(file, 1, 0, ""), "no header in the stated file", "");
  std::array<std::optional<std::size_t>, stated_column_count> where{};
  const std::size_t width = record.fields.size();
  for (std::size_t i = 0; i < width; ++i) {
    const auto c = stated_column_of(record.fields[i]);
    if (!c)
      throw parse_error(at(file, record.line, i + 1, std::string(record.fields[i])),
                        "unknown column in the stated file (known: figure, value, status, dimension, group, period, label)",
                        std::string(record.fields[i]));
    if (where[*c])
      throw parse_error(at(file, record.line, i + 1, std::string(record.fields[i])), "column given twice",
                        std::string(record.fields[i]));
    where[*c] = i;
  }
  for (const stated_column required : {stated_column::figure, stated_column::value})
    if (!where[static_cast<std::size_t>(required)])
      throw parse_error(at(file, record.line, 0, ""), "the stated file needs the columns figure and value",
                        std::string(text::trim(text.substr(0, text.find('\n')))));
  const std::vector<std::string> header(record.fields.begin(), record.fields.end());

  std::vector<stated_figure> out;
  while (tokens.next(record)) {
    if (record.fields.size() != width)
      throw parse_error(at(file, record.line, 0, ""),
                        "a row of " + std::to_string(record.fields.size()) + " fields under a header of " +
                            std::to_string(width),
                        std::string(record.fields.empty() ? std::string_view() : record.fields[0]));
    auto field = [&](stated_column c) -> std::string_view {
      const auto i = where[static_cast<std::size_t>(c)];
      return i ? record.fields[*i] : std::string_view();
    };
    // Errors name the row's line; make_stated_figure adds the column's name,
    // and the column number is filled in here.
    const source_location row = at(file, record.line, 0, "");
    try {
      out.push_back(make_stated_figure(field(stated_column::figure), field(stated_column::value),
                                       field(stated_column::status), field(stated_column::dimension),
                                       field(stated_column::group), field(stated_column::period),
                                       field(stated_column::label), row));
    } catch (const parse_error& e) {
      source_location located = e.where();
      for (std::size_t c = 0; c < stated_column_count; ++c)
        if (where[c] && stated_column_names[c] == located.column_name) {
          located.column = *where[c] + 1;
          located.column_name = header[*where[c]];
        }
      throw e.at(located);
    }
  }
  if (out.empty()) throw parse_error(at(file, 0, 0, ""), "no figures in the stated file", file);
  return out;
}

std::vector<stated_figure> read_stated_csv(const std::string& path) {
  return read_stated_csv_text(io::read_text(io::read_file_bytes(path), std::nullopt, path), path);
}

std::optional<status_counts> read_counts_csv_text(const std::string& text, const std::string& file) {
  io::csv_tokenizer tokens(text, file);
  io::csv_record record;
  if (!tokens.next(record) || record.fields.size() != 2) return std::nullopt;
  if (!is_one_of(record.fields[0], status_header_names) || !is_one_of(record.fields[1], count_header_names))
    return std::nullopt;
  const std::string count_header(record.fields[1]);
  const std::string status_header(record.fields[0]);
  const status_labels labels = status_labels::kmc();
  status_counts counts;
  status_set seen;
  while (tokens.next(record)) {
    if (record.fields.size() != 2)
      throw parse_error(at(file, record.line, 0, ""), "a counts file has two columns, status and count",
                        std::string(record.fields.empty() ? std::string_view() : record.fields[0]));
    const std::string_view label = text::trim(record.fields[0]);
    if (label.find('+') != std::string_view::npos)
      throw parse_error(at(file, record.line, 1, status_header),
                        "a combined column cannot be split into its statuses: give a count per status",
                        std::string(label));
    const auto s = labels.find(label);
    if (!s)
      throw parse_error(at(file, record.line, 1, status_header),
                        "unknown status label (known: 완료, 이행후계속추진, 정상추진, 일부추진, 보류, 폐기, 기타, and their aliases)",
                        std::string(label));
    if (seen.contains(*s))
      throw parse_error(at(file, record.line, 1, status_header), "a status given twice", std::string(label));
    seen.insert(*s);
    printed_value n;
    try {
      n = parse_printed(record.fields[1]);
    } catch (const parse_error& e) {
      throw e.at(at(file, record.line, 2, count_header));
    }
    if (n.unit != printed_unit::none || n.decimals != 0 || n.sign < 0)
      throw parse_error(at(file, record.line, 2, count_header), "a count is a whole number of projects",
                        std::string(record.fields[1]));
    counts.add(*s, n.magnitude.numerator());
  }
  return counts;
}

std::optional<status_counts> read_counts_csv(const std::string& path) {
  return read_counts_csv_text(io::read_text(io::read_file_bytes(path), std::nullopt, path), path);
}

}  // namespace pledgetrack::audit
