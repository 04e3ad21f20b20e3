// Character encodings of the tables pledgetrack reads: UTF-8 (with or without
// a byte-order mark), CP949 (the Windows superset of EUC-KR that Korean
// spreadsheets still export) and UTF-16 with a byte-order mark (Excel's
// "Unicode text"). Everything is decoded to UTF-8 in memory; errors name the
// file, line and column and show the offending bytes in hex ('xC9 x22').
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace pledgetrack::io {

enum class encoding { utf8, cp949, utf16le, utf16be };

/// Canonical name: "utf-8", "cp949", "utf-16le", "utf-16be".
[[nodiscard]] std::string_view encoding_name(encoding enc) noexcept;

/// Accepts utf-8, utf8, utf-8-sig, cp949, euc-kr, uhc, ms949, utf-16,
/// utf-16le, utf-16be: case-insensitive, '-' and '_' optional. "utf-16"
/// gives utf16le (a byte-order mark in the data decides anyway, see
/// `decode_to_utf8`). nullopt when the name is unknown.
[[nodiscard]] std::optional<encoding> parse_encoding_name(std::string_view name) noexcept;

/// Detection: a UTF-16 byte-order mark (FF FE / FE FF) gives utf16le /
/// utf16be; a UTF-8 byte-order mark, or bytes that are valid UTF-8, give utf8;
/// otherwise bytes valid as CP949 give cp949. Otherwise throws parse_error
/// "bytes invalid in every supported encoding (UTF-8, CP949, UTF-16)" naming
/// file, line and byte column (both 1-based) of the offending bytes, shown in
/// hex. The position is the later of the two places where UTF-8 and CP949
/// decoding fail (the bytes before it are valid in one of them).
/// Two more refusals name the likely cause: "NUL bytes: UTF-16 text without
/// a byte-order mark? …" (NUL in most of the first byte pairs), and "mixed
/// encodings: line N is UTF-8, this line is not (CP949?) …" when a line is
/// valid UTF-8 holding Hangul but other bytes are not UTF-8 (decoding it all
/// as CP949 would garble the UTF-8 lines). Empty input is utf8.
[[nodiscard]] encoding detect_encoding(std::string_view bytes, const std::string& file);

/// Decodes `bytes` to UTF-8, removing a leading byte-order mark (EF BB BF for
/// utf8; FF FE / FE FF for UTF-16, where the mark, when present, also decides
/// the byte order). Throws parse_error with file, line (1-based, counting LF
/// in the source), column (1-based character within that line) and the
/// offending bytes in hex, e.g. "input.csv:3:7: invalid CP949 bytes: 'xC9 x22'".
/// Problems: "invalid UTF-8 bytes", "invalid CP949 bytes", "NUL byte in text",
/// "odd number of bytes in UTF-16 text", "unpaired surrogate in UTF-16 text".
/// Valid UTF-8 is the fast path: one vectorised validation pass and a copy.
[[nodiscard]] std::string decode_to_utf8(std::string_view bytes, encoding enc,
                                         const std::string& file);

/// Encoding detection and decoding in one (each byte is decoded once). With
/// `forced`, no detection. When `used` is not null it receives the encoding.
[[nodiscard]] std::string read_text(std::string_view bytes, std::optional<encoding> forced,
                                    const std::string& file, encoding* used = nullptr);

/// The largest file read_file_bytes reads by default: 1 GiB, as
/// csv_limits::max_file_bytes.
inline constexpr std::size_t default_max_file_bytes = std::size_t(1) << 30;

/// Reads a whole file into memory as bytes (binary). Throws pledgetrack::error
/// "cannot open file 'path': reason", and parse_error "path: file larger than
/// the limit of N bytes: 'M bytes'" for a file above `max_bytes` (checked
/// before reading when the size is known, else while reading).
[[nodiscard]] std::string read_file_bytes(const std::string& path,
                                          std::size_t max_bytes = default_max_file_bytes);
/// The same into `data`, replacing what it held and keeping its room: a
/// caller reading file after file into one buffer takes fresh memory (whose
/// pages the system must clear) only for a file larger than any before.
void read_file_bytes(const std::string& path, std::size_t max_bytes, std::string& data);

namespace detail {
/// True when `bytes` is well-formed UTF-8 (no overlongs, surrogates or values
/// above U+10FFFF) and holds no NUL byte. AVX2 when the CPU has it, otherwise
/// scalar with an 8-bytes-at-a-time ASCII path.
[[nodiscard]] bool is_valid_utf8_without_nul(std::string_view bytes) noexcept;
/// The scalar implementation of the same check (fallback and test reference).
[[nodiscard]] bool is_valid_utf8_without_nul_scalar(std::string_view bytes) noexcept;
}  // namespace detail

}  // namespace pledgetrack::io
