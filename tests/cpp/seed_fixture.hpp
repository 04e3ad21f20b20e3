// The seed report's 49 unit projects (광주광역시 서구, 2024-03-31), typed by
// hand from ../shared/seed (공약사업별 추진현황) independently of the bundled
// CSV, so that the core's figures are checked against the source itself.
#pragma once

#include <string_view>
#include <utility>

#include "pledgetrack/pledgetrack.hpp"

namespace seed {

struct row {
  std::string_view id;          // as printed, circled numbers included
  int field;                    // 1..5
  std::string_view department;  // OCR corrected
  std::string_view status;      // the label as printed
};

inline constexpr std::string_view fields[] = {"마을·자치", "골목·경제", "사람·복지", "생태·안전", "행복·문화"};

inline constexpr row rows[] = {
    {"1-1 ①", 1, "주민자치과", "정상추진"},
    {"1-1 ②", 1, "주민자치과", "이행후계속"},
    {"1-2", 1, "행정지원과", "이행후계속"},
    {"1-3", 1, "행정지원과", "이행후계속"},
    {"1-4", 1, "민원봉사과", "이행후계속"},
    {"2-1", 2, "경제과", "이행후계속"},
    {"2-2 ①", 2, "경제과", "이행후계속"},
    {"2-2 ②", 2, "일자리창업지원과", "이행후계속"},
    {"2-3 ①", 2, "감사담당관", "이행후계속"},
    {"2-3 ②", 2, "경제과", "이행후계속"},
    {"2-3 ③", 2, "일자리창업지원과", "정 상 추 진"},
    {"2-3 ④", 2, "경제과", "이행후계속"},
    {"2-3 ⑤", 2, "경제과", "이행후계속"},
    {"2-3 ⑥", 2, "경제과", "이행후계속"},
    {"2-4 ①", 2, "일자리창업지원과", "이행후계속"},
    {"2-4 ②", 2, "일자리창업지원과", "이행후계속"},
    {"3-1", 3, "아동청소년과", "이행후계속"},
    {"3-2 ①", 3, "장애인희망복지과", "이행후계속"},
    {"3-2 ②", 3, "장애인희망복지과", "정 상 추 진"},
    {"3-3 ①", 3, "스마트통합돌봄단", "이행후계속"},
    {"3-3 ②", 3, "치매안심센터", "이행후계속"},
    {"3-3 ③", 3, "고령사회정책과", "이행후계속"},
    {"3-3 ④", 3, "스마트통합돌봄단", "이행후계속"},
    {"3-4 ①", 3, "일자리창업지원과", "이행후계속"},
    {"3-4 ②", 3, "복지정책과", "이행후계속"},
    {"3-5 ①", 3, "건강증진과", "이행후계속"},
    {"3-5 ②", 3, "보건위생과", "이행후계속"},
    {"3-5 ③", 3, "보건행정과", "이행후계속"},
    {"4-1 ①", 4, "기후환경과", "정 상 추 진"},
    {"4-1 ②", 4, "기후환경과", "일 부 추 진"},
    {"4-1 ③", 4, "기후환경과", "이행후계속"},
    {"4-1 ④", 4, "기후환경과", "정 상 추 진"},
    {"4-1 ⑤", 4, "청소행정과", "정 상 추 진"},
    {"4-1 ⑥", 4, "청소행정과", "정 상 추 진"},
    {"4-2", 4, "교통지도과", "정 상 추 진"},
    {"4-3", 4, "건설과", "이행후계속"},
    {"4-4 ①", 4, "안전총괄과", "정 상 추 진"},
    {"4-4 ②", 4, "안전총괄과", "이행후계속"},
    {"4-4 ③", 4, "안전총괄과", "이행후계속"},
    {"4-5. ①", 4, "안전총괄과", "이행후계속"},
    {"4-5. ②", 4, "안전총괄과", "이행후계속"},
    {"4-5. ③", 4, "사고수습지원단", "정 상 추 진"},
    {"4-5. ④", 4, "건강생활지원센터", "이행후계속"},
    {"5-1. ①", 5, "공원녹지과", "정 상 추 진"},
    {"5-1. ②", 5, "공원녹지과", "정 상 추 진"},
    {"5-1. ③", 5, "공원녹지과", "정 상 추 진"},
    {"5-2.", 5, "문화예술과", "정 상 추 진"},
    {"5-3. ①", 5, "기획실", "완 료"},
    {"5-3. ②", 5, "일자리창업지원과", "정 상 추 진"},
};

// The department -> bureau table of ../shared/domain.md, in the seed's column order.
inline constexpr std::pair<std::string_view, std::string_view> org[] = {
    {"기획실", "실·단"}, {"감사담당관", "실·단"}, {"스마트통합돌봄단", "실·단"}, {"사고수습지원단", "실·단"},
    {"경제과", "문화경제국"}, {"일자리창업지원과", "문화경제국"}, {"문화예술과", "문화경제국"},
    {"기후환경과", "환경교통국"}, {"청소행정과", "환경교통국"}, {"교통지도과", "환경교통국"},
    {"공원녹지과", "환경교통국"},
    {"아동청소년과", "통합복지국"}, {"장애인희망복지과", "통합복지국"}, {"고령사회정책과", "통합복지국"},
    {"복지정책과", "통합복지국"},
    {"안전총괄과", "안전도시국"}, {"건설과", "안전도시국"},
    {"주민자치과", "자치행정국"}, {"행정지원과", "자치행정국"}, {"민원봉사과", "자치행정국"},
    {"치매안심센터", "보건소"}, {"건강증진과", "보건소"}, {"보건위생과", "보건소"}, {"보건행정과", "보건소"},
    {"건강생활지원센터", "보건소"},
};

inline constexpr std::string_view bureaus[] = {"실·단",       "문화경제국", "환경교통국", "통합복지국",
                                               "안전도시국", "자치행정국", "보건소"};

inline std::string_view bureau_of(std::string_view department) {
  for (const auto& [d, b] : org)
    if (d == department) return b;
  return {};
}

/// The 2024-03-31 snapshot built from `rows`.
inline pledgetrack::snapshot snapshot_2024q1() {
  using namespace pledgetrack;
  const auto labels = status_labels::kmc();
  snapshot s("광주광역시 서구", 8, date(2024, 3, 31));
  for (const row& r : rows) {
    project p;
    p.id = project_id::parse(r.id);
    p.field = std::string(fields[r.field - 1]);
    p.department = std::string(r.department);
    p.bureau = std::string(bureau_of(r.department));
    p.raw_status = std::string(r.status);
    p.status = labels.parse(r.status);
    s.add(std::move(p));
  }
  return s;
}

}  // namespace seed
