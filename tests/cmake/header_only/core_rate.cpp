// The KMC completion rate of a snapshot built in code, with the core headers
// only (no file reading, no report): 2 of 3 projects done (완료, 이행후계속추진).
#include <iostream>

#include <pledgetrack/model/snapshot.hpp>
#include <pledgetrack/rates/completion.hpp>
#include <pledgetrack/rates/criteria.hpp>
#include <pledgetrack/model/date.hpp>

int main() {
  using namespace pledgetrack;
  snapshot s("광주광역시 서구", 8, parse_date("2024-03-31"));
  const std::pair<const char*, status> rows[] = {
      {"1-1", status::completed}, {"1-2", status::ongoing}, {"1-3", status::on_track}};
  for (const auto& [id, st] : rows) {
    project p;
    p.id = project_id::parse(id);
    p.status = st;
    s.add(std::move(p));
  }
  const auto c = criteria::kmc();
  const rate r = completion_rate(s, c);
  std::cout << s.district() << ' ' << format_date(s.as_of()) << ": " << c.name_ko << ' '
            << r.numerator().to_string() << '/' << r.denominator() << " = " << r.to_string() << '\n';
  return 0;
}
