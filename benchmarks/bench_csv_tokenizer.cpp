// Throughput of the input hot path: UTF-8 validation (decode_to_utf8) and
// CSV tokenizing, on a ~100 MB table shaped like the project's pledge CSVs.
//
//   bench_csv_tokenizer [megabytes]     (default 100)
//
// Prints MB/s (1 MB = 10^6 bytes of input), best of 5 runs, for validation
// alone, decoding alone, tokenizing alone and decoding + tokenizing.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "pledgetrack/io/csv_tokenizer.hpp"
#include "pledgetrack/io/encoding.hpp"

namespace {

using clock_type = std::chrono::steady_clock;

struct rng {
  std::uint64_t state;
  std::uint32_t next() {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::uint32_t>(state >> 33);
  }
  template <std::size_t N>
  const char* pick(const char* const (&choices)[N]) {
    return choices[next() % N];
  }
};

/// A table like the project's CSV exports: mostly unquoted Korean text,
/// some quoted fields (a few with doubled quotes), empty columns, CRLF.
std::string make_table(std::size_t target_bytes) {
  static const char* const districts[] = {"광주광역시 서구", "광주광역시 북구", "서울특별시 마포구",
                                          "부산광역시 해운대구", "경기도 수원시", "전라남도 순천시"};
  static const char* const terms[] = {"민선7기", "민선8기"};
  static const char* const dates[] = {"2023-12-31", "2024-03-31", "2024-06-30", "2024-09-30"};
  static const char* const areas[] = {"골목·경제", "복지·돌봄", "교육·문화", "안전·환경",
                                      "교통·도시"};
  static const char* const titles[] = {
      "소상공인 ‘다시서기’ 발판 마련", "어르신 일자리 2천개 확대", "공공 와이파이 전 지역 구축",
      "도심 공원 숲길 조성", "청년 월세 지원 확대"};
  static const char* const details[] = {
      "\"재기를 준비하는, 소상공인 재취업·재창업 컨설팅 지원 강화\"",
      "노인 일자리 사업 참여 인원 확대 및 처우 개선",
      "\"버스정류장, 공원, 복지관에 무료 와이파이 설치\"",
      "\"주민이 제안한 \"\"숲길\"\" 사업을 구청이 지원\"",
      "만 19~39세 무주택 청년 월세 월 20만원 지원"};
  static const char* const departments[] = {"일자리창업지원과", "노인장애인과", "정보통신과",
                                            "공원녹지과", "청년정책과"};
  static const char* const bureaus[] = {"문화경제국", "복지국", "행정지원국", "도시국"};
  static const char* const statuses[] = {"이행후계속추진", "정상추진", "완료", "일부추진", "보류"};
  static const char* const flags[] = {"in", "out", ""};

  rng r{12345};
  std::string t;
  t.reserve(target_bytes + 1024);
  t += "구역,임기,기준일,번호,분야,공약명,세부내용,담당부서,담당국,이행상태,예산,집행,비율,구분,비고\r\n";
  while (t.size() < target_bytes) {
    t += r.pick(districts);
    t += ',';
    t += r.pick(terms);
    t += ',';
    t += r.pick(dates);
    t += ',';
    t += std::to_string(1 + r.next() % 5) + "-" + std::to_string(1 + r.next() % 9) + "-" +
         std::to_string(1 + r.next() % 20);
    t += ',';
    t += r.pick(areas);
    t += ',';
    t += r.pick(titles);
    t += ',';
    t += r.pick(details);
    t += ',';
    t += r.pick(departments);
    t += ',';
    t += r.pick(bureaus);
    t += ',';
    t += r.pick(statuses);
    t += ',';
    if (r.next() % 3 == 0) t += std::to_string(r.next() % 100000);
    t += ",,";
    if (r.next() % 3 == 0) t += std::to_string(r.next() % 101) + "%";
    t += ',';
    t += r.pick(flags);
    t += ",\r\n";
  }
  return t;
}

template <class F>
double best_seconds(F&& f, int runs = 5) {
  double best = 1e30;
  for (int i = 0; i < runs; ++i) {
    const auto start = clock_type::now();
    f();
    const std::chrono::duration<double> d = clock_type::now() - start;
    best = std::min(best, d.count());
  }
  return best;
}

volatile std::uint64_t sink;

std::uint64_t tokenize_all(std::string_view text) {
  pledgetrack::io::csv_tokenizer tok(text, "bench.csv");
  pledgetrack::io::csv_record rec;
  std::uint64_t check = 0;
  while (tok.next(rec)) {
    check += rec.fields.size();
    for (const std::string_view f : rec.fields) check += f.size();
  }
  return check;
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t megabytes = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 100;
  const std::string table = make_table(megabytes * 1000 * 1000);
  const double mb = static_cast<double>(table.size()) / 1e6;

  std::size_t records = 0;
  {
    pledgetrack::io::csv_tokenizer tok(table, "bench.csv");
    pledgetrack::io::csv_record rec;
    while (tok.next(rec)) ++records;
  }
  std::printf("table: %.1f MB, %zu records, %.0f bytes/record\n", mb, records,
              static_cast<double>(table.size()) / static_cast<double>(records));

  const double validate = best_seconds(
      [&] { sink = pledgetrack::io::detail::is_valid_utf8_without_nul(table) ? 1 : 0; });
  const double validate_scalar = best_seconds(
      [&] { sink = pledgetrack::io::detail::is_valid_utf8_without_nul_scalar(table) ? 1 : 0; });
  const double decode = best_seconds([&] {
    const std::string text =
        pledgetrack::io::decode_to_utf8(table, pledgetrack::io::encoding::utf8, "bench.csv");
    sink = text.size();
  });
  const std::string decoded =
      pledgetrack::io::decode_to_utf8(table, pledgetrack::io::encoding::utf8, "bench.csv");
  const double tokenize = best_seconds([&] { sink = tokenize_all(decoded); });
  const double both = best_seconds([&] {
    const std::string text =
        pledgetrack::io::decode_to_utf8(table, pledgetrack::io::encoding::utf8, "bench.csv");
    sink = tokenize_all(text);
  });

  std::printf("UTF-8 validation (vector)   : %8.0f MB/s\n", mb / validate);
  std::printf("UTF-8 validation (scalar)   : %8.0f MB/s\n", mb / validate_scalar);
  std::printf("decode_to_utf8 (UTF-8)      : %8.0f MB/s\n", mb / decode);
  std::printf("tokenize                    : %8.0f MB/s\n", mb / tokenize);
  std::printf("decode_to_utf8 + tokenize   : %8.0f MB/s\n", mb / both);
  return 0;
}
