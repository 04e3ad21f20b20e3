// Reading and writing pledge files (docs/data-format.md). File work runs with
// the GIL released: every argument is converted to C++ before the call.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common.hpp"
#include "interrupt.hpp"
#include "pledgetrack/io/atomic_file.hpp"
#include "pledgetrack/io/batch.hpp"
#include "pledgetrack/io/csv.hpp"

namespace pledgetrack::python {

namespace {

std::optional<io::encoding> to_encoding(const std::optional<std::string>& name) {
  if (!name) return std::nullopt;
  if (const auto enc = io::parse_encoding_name(*name)) return enc;
  throw parse_error("unknown encoding (known: utf-8, utf-8-sig, cp949, euc-kr, utf-16, utf-16le, utf-16be)", *name);
}

char to_delimiter(const std::optional<std::string>& text) {
  if (!text) return 0;
  if (text->size() != 1) throw parse_error("a delimiter is one ASCII character", *text);
  return (*text)[0];
}

}  // namespace

io::read_options make_read_options(const std::optional<std::string>& encoding_name,
                                   const std::optional<std::string>& delimiter, const std::string& district, int term,
                                   const std::optional<date>& as_of, const std::optional<organization>& org,
                                   const aliases_t& aliases, const columns_t& columns, bool fill_down) {
  io::read_options options;
  options.encoding = to_encoding(encoding_name);
  options.delimiter = to_delimiter(delimiter);
  options.district = district;
  options.term = term;
  options.as_of = as_of;
  options.org = org;
  for (const auto& [label, s] : aliases) options.labels.add_alias(label, s);
  options.columns = columns;
  options.fill_down = fill_down;
  return options;
}

namespace {

void register_problem(py::module_& m) {
  py::class_<io::problem> cls(m, "Problem", "One problem found in a file by validate_csv.");
  cls.def_readonly("message", &io::problem::message, "The full message, location included.");
  cls.def_property_readonly("file", [](const io::problem& p) { return p.where.file; }, "The file's path.");
  cls.def_property_readonly("line", [](const io::problem& p) { return p.where.line; }, "1-based; 0 if not known.");
  cls.def_property_readonly("column", [](const io::problem& p) { return p.where.column; },
                            "1-based field number; 0 if not known.");
  cls.def_property_readonly("column_name", [](const io::problem& p) { return p.where.column_name; },
                            "The header of the column, when known.");
  cls.def_property_readonly("sheet", [](const io::problem& p) { return p.where.sheet; },
                            "The workbook's sheet ('' for a text file); line and column are then its cell.");
  cls.def_property_readonly(
      "severity", [](const io::problem& p) { return std::string(io::to_string(p.severity)); },
      "'error' (reading stops), 'warning' (data that may be wrong) or 'notice' (how something was read).");
  cls.def("__str__", [](const io::problem& p) { return p.message; });
  cls.def("__repr__", [](const io::problem& p) { return python_repr(p, "Problem"); });
  cls.def("__eq__", [](const io::problem& a, const io::problem& b) { return a == b; }, py::is_operator());
  def_pickle(
      cls,
      [](const io::problem& p) {
        return py::make_tuple(p.where.file, p.where.line, p.where.column, p.where.column_name, p.message,
                              p.where.sheet, static_cast<int>(p.severity));
      },
      [](const py::tuple& t) {
        return io::problem{source_location{t[0].cast<std::string>(), t[1].cast<std::size_t>(),
                                           t[2].cast<std::size_t>(), t[3].cast<std::string>(),
                                           t[5].cast<std::string>()},
                           t[4].cast<std::string>(), static_cast<io::severity>(t[6].cast<int>())};
      });
}

}  // namespace

void register_io(py::module_& m) {
  register_problem(m);

  const auto release = py::call_guard<py::gil_scoped_release>();
  m.def(
      "read_csv",
      [](const std::string& path, const std::optional<std::string>& encoding_name,
         const std::optional<std::string>& delimiter, const std::string& district, int term,
         const std::optional<date>& as_of, const std::optional<organization>& org, const aliases_t& aliases,
         const columns_t& columns, bool fill_down) {
        return io::read_csv(path, make_read_options(encoding_name, delimiter, district, term, as_of, org, aliases, columns, fill_down));
      },
      py::arg("path"), py::kw_only(), py::arg("encoding") = py::none(), py::arg("delimiter") = py::none(),
      py::arg("district") = "", py::arg("term") = 0, py::arg("as_of") = py::none(), py::arg("org") = py::none(),
      py::arg("aliases") = aliases_t{}, py::arg("columns") = columns_t{}, py::arg("fill_down") = true, release,
      "Every snapshot in a pledge file, one per (district, term, as_of), in order of first\n"
      "appearance. The first problem is raised as PledgeError naming file, line, column, text.");
  m.def(
      "read_csv_files",
      [](const std::vector<std::string>& paths, unsigned threads, const std::optional<std::string>& encoding_name,
         const std::optional<std::string>& delimiter, const std::string& district, int term,
         const std::optional<date>& as_of, const std::optional<organization>& org, const aliases_t& aliases,
         const columns_t& columns, bool fill_down) {
        const io::read_options options =
            make_read_options(encoding_name, delimiter, district, term, as_of, org, aliases, columns, fill_down);
        return run_interruptibly<std::vector<std::vector<snapshot>>>(
            [&](std::stop_token stop) { return io::read_csv_files(paths, options, threads, std::move(stop)); });
      },
      py::arg("paths"), py::kw_only(), py::arg("threads") = 0, py::arg("encoding") = py::none(),
      py::arg("delimiter") = py::none(), py::arg("district") = "", py::arg("term") = 0,
      py::arg("as_of") = py::none(), py::arg("org") = py::none(), py::arg("aliases") = aliases_t{}, py::arg("columns") = columns_t{}, py::arg("fill_down") = true,
      "The snapshots of every file, a list per file in the order of ``paths``, read on ``threads``\n"
      "threads (0: one per core). The first failing file in that order raises its PledgeError.\n"
      "Ctrl-C stops the threads after the files being read and raises KeyboardInterrupt.");
  m.def(
      "read_csv_bytes",
      [](const py::bytes& data, const std::string& name, const std::optional<std::string>& encoding_name,
         const std::optional<std::string>& delimiter, const std::string& district, int term,
         const std::optional<date>& as_of, const std::optional<organization>& org, const aliases_t& aliases,
         const columns_t& columns, bool fill_down) {
        const std::string bytes = data;  // a copy, so that the GIL can go
        const io::read_options options =
            make_read_options(encoding_name, delimiter, district, term, as_of, org, aliases, columns, fill_down);
        py::gil_scoped_release unlocked;
        return io::read_csv_bytes(bytes, name, options);
      },
      py::arg("data"), py::arg("name") = "<bytes>", py::kw_only(), py::arg("encoding") = py::none(),
      py::arg("delimiter") = py::none(), py::arg("district") = "", py::arg("term") = 0,
      py::arg("as_of") = py::none(), py::arg("org") = py::none(), py::arg("aliases") = aliases_t{}, py::arg("columns") = columns_t{}, py::arg("fill_down") = true,
      "The same as read_csv for bytes in memory; ``name`` stands for the file in messages.");
  m.def(
      "read_text",
      [](const py::bytes& data, const std::string& name, const std::optional<std::string>& encoding_name) {
        const std::string bytes = data;  // a copy, so that the GIL can go
        const std::optional<io::encoding> forced = to_encoding(encoding_name);
        py::gil_scoped_release unlocked;
        return io::read_text(bytes, forced, name);
      },
      py::arg("data"), py::arg("name") = "<bytes>", py::kw_only(), py::arg("encoding") = py::none(),
      "Text bytes decoded as pledge files are (UTF-8, CP949 or UTF-16: detected, a byte-order mark\n"
      "removed); a PledgeError names ``name``, line, column and the offending bytes.");
  m.def(
      "validate_csv",
      [](const std::string& path, const std::optional<std::string>& encoding_name,
         const std::optional<std::string>& delimiter, const std::string& district, int term,
         const std::optional<date>& as_of, const std::optional<organization>& org, const aliases_t& aliases,
         const columns_t& columns, bool fill_down) {
        return io::validate_csv(path,
                                make_read_options(encoding_name, delimiter, district, term, as_of, org, aliases, columns, fill_down));
      },
      py::arg("path"), py::kw_only(), py::arg("encoding") = py::none(), py::arg("delimiter") = py::none(),
      py::arg("district") = "", py::arg("term") = 0, py::arg("as_of") = py::none(), py::arg("org") = py::none(),
      py::arg("aliases") = aliases_t{}, py::arg("columns") = columns_t{}, py::arg("fill_down") = true, release, "Every problem in a file at once (empty when it reads cleanly).");
  m.def(
      "read_table",
      [](std::vector<std::vector<std::string>> rows, const std::string& name, const std::string& sheet,
         const std::optional<std::string>& encoding_name, const std::optional<std::string>& delimiter,
         const std::string& district, int term, const std::optional<date>& as_of,
         const std::optional<organization>& org, const aliases_t& aliases, const columns_t& columns, bool fill_down) {
        const io::table cells{name, sheet, std::move(rows)};
        return io::read_table(
            cells, make_read_options(encoding_name, delimiter, district, term, as_of, org, aliases, columns, fill_down));
      },
      py::arg("rows"), py::arg("name"), py::arg("sheet"), py::kw_only(), py::arg("encoding") = py::none(),
      py::arg("delimiter") = py::none(), py::arg("district") = "", py::arg("term") = 0,
      py::arg("as_of") = py::none(), py::arg("org") = py::none(), py::arg("aliases") = aliases_t{},
      py::arg("columns") = columns_t{}, py::arg("fill_down") = true, release,
      "A sheet's cells (a list of rows of text, row 1 first) read by the rules of read_csv;\n"
      "messages name the sheet's cells (2024Q1!F7).");
  m.def(
      "validate_table",
      [](std::vector<std::vector<std::string>> rows, const std::string& name, const std::string& sheet,
         const std::optional<std::string>& encoding_name, const std::optional<std::string>& delimiter,
         const std::string& district, int term, const std::optional<date>& as_of,
         const std::optional<organization>& org, const aliases_t& aliases, const columns_t& columns, bool fill_down) {
        const io::table cells{name, sheet, std::move(rows)};
        return io::validate_table(
            cells, make_read_options(encoding_name, delimiter, district, term, as_of, org, aliases, columns, fill_down));
      },
      py::arg("rows"), py::arg("name"), py::arg("sheet"), py::kw_only(), py::arg("encoding") = py::none(),
      py::arg("delimiter") = py::none(), py::arg("district") = "", py::arg("term") = 0,
      py::arg("as_of") = py::none(), py::arg("org") = py::none(), py::arg("aliases") = aliases_t{},
      py::arg("columns") = columns_t{}, py::arg("fill_down") = true, release,
      "Every problem, warning and notice of a sheet's cells, as validate_csv.");
  m.def("column_names", [] {
    std::vector<std::string> names;
    for (const auto n : io::column_names()) names.emplace_back(n);
    return names;
  }, "The column names a header can be mapped to with columns= (read_csv).");
  m.def(
      "check_encoding", [](const std::string& name) { to_encoding(name); }, py::arg("name"),
      "Raises PledgeError when the readers do not know the encoding ``name`` (the command\n"
      "line checks --encoding with it before reading anything).");
  m.def("is_org_file_name", &io::is_org_file_name, py::arg("name"),
        "Whether a file of this name is an org file (org.csv, in any case), not a pledge file.");
  m.def("batch_files", &io::batch_files, py::arg("folder"), release,
        "The pledge files of a folder, as a batch takes one: *.csv at any depth but org.csv,\n"
        "sorted by path component by component (io::batch_files).");
  m.def(
      "read_org_csv",
      [](const std::string& path, const std::optional<std::string>& encoding_name) {
        return io::read_org_csv(path, to_encoding(encoding_name));
      },
      py::arg("path"), py::kw_only(), py::arg("encoding") = py::none(), release,
      "Reads an org file: department and bureau (부서, 실국), optional renamed_from and parent.");
  m.def(
      "write_csv",
      [](const std::string& path, const std::vector<snapshot>& snapshots, bool bom,
         const std::optional<std::string>& delimiter, bool neutralise_formulas) {
        io::write_options options;
        options.bom = bom;
        if (const char d = to_delimiter(delimiter)) options.delimiter = d;
        options.neutralise_formulas = neutralise_formulas;
        io::write_csv(path, snapshots, options);
      },
      py::arg("path"), py::arg("snapshots"), py::kw_only(), py::arg("bom") = true, py::arg("delimiter") = ",",
      py::arg("neutralise_formulas") = true, release,
      "Writes snapshots in the documented format (UTF-8, with a BOM for Korean Excel by\n"
      "default), atomically.");
  m.def(
      "write_file_atomically",
      [](const std::string& path, const py::bytes& data) {
        const std::string bytes = data;  // copied with the GIL held
        const py::gil_scoped_release unlocked;
        io::write_file_atomically(path, bytes);
      },
      py::arg("path"), py::arg("data"),
      "Writes ``data`` to ``path`` atomically (a unique temporary file beside it, synced, then\n"
      "renamed). Every file the package writes goes through here. WriteError names ``path``\n"
      "and the system's reason.");
}

}  // namespace pledgetrack::python
