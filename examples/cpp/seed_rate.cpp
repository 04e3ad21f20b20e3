// Prints the KMC completion rate of a pledge file (by default the bundled
// Gwangju Seo-gu 2024 Q1 example, given as the first argument).
//
//     seed_rate examples/data/gwangju-seogu/2024-03-31.csv
//     광주광역시 서구 2024-03-31: 공약이행완료율 33/49 = 67.3%
#include <iostream>

#include <pledgetrack/io/csv.hpp>
#include <pledgetrack/pledgetrack.hpp>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: seed_rate FILE.csv\n";
    return 2;
  }
  try {
    for (const pledgetrack::snapshot& s : pledgetrack::io::read_csv(argv[1])) {
      const auto c = pledgetrack::criteria::kmc();
      const pledgetrack::rate r = pledgetrack::completion_rate(s, c);
      std::cout << s.district() << ' ' << pledgetrack::format_date(s.as_of()) << ": " << c.name_ko << ' '
                << r.numerator().to_string() << '/' << r.denominator() << " = " << r.to_string() << '\n';
    }
  } catch (const pledgetrack::error& e) {
    std::cerr << e.what() << '\n';
    return 1;
  }
  return 0;
}
