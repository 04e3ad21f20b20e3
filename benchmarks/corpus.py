"""Realistic corpora for the batch benchmarks (benchmarks/engines.py), made on demand and
never committed.

    python benchmarks/corpus.py national build/bench/national   # 243 governments x 16 quarters
    python benchmarks/corpus.py large build/bench/large         # >= 10 million rows in 100 files

What makes them realistic (docs/data-format.md, /work/shared/domain.md):
- Korean names of governments, fields, pledges, projects and departments; 5-7 fields and
  30-140 unit projects per government; ids `field-pledge-project`.
- Statuses that move between quarters as real ones do: most projects go on track, then
  complete (완료) or done-and-continuing (이행후계속추진); a few lag, are put on hold or
  dropped, and a few move back (regressions).
- Labels as governments write them: justification spaces on some rows (`정 상 추 진`),
  aliases (`이행후계속`, `추진중`, `추진완료`).
- Korean headers (자치단체, 기준일, 관리번호, 추진상황 …); UTF-8 with a BOM, and some
  governments' files in CP949.

**national**: one file per snapshot, `<root>/<government>/<as_of>.csv`, 243 governments x 16
quarters of 민선8기 (2022Q3-2026Q2): about 3,900 files, 330,000 rows. About one government
in twenty writes CP949.

**large**: 100 files, each a regional dump of 75 governments x 16 quarters (about 100,000
rows, 21 MB), 7,500 governments in all: at least 10 million rows, about 2.1 GB. Five files
are CP949.

The output is the same for the same arguments (a fixed seed per government).
"""

from __future__ import annotations

import random
import sys
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path

HEADER = "자치단체,민선,기준일,관리번호,분야,공약명,단위사업명,주관부서,실국,추진상황,추진율,비고\n"

PROVINCES = [
    "서울특별시", "부산광역시", "대구광역시", "인천광역시", "광주광역시", "대전광역시", "울산광역시",
    "세종특별자치시", "경기도", "강원특별자치도", "충청북도", "충청남도", "전북특별자치도", "전라남도",
    "경상북도", "경상남도", "제주특별자치도",
]
SYLLABLES = list("가나다라마바사아자차카타파하강남동서북중청주천안양산성진영해광명화평원덕송포")
SUFFIXES = ["시", "군", "구"]
FIELDS = [
    "마을·자치", "골목·경제", "사람·복지", "생태·안전", "행복·문화", "교육·청소년", "교통·도시",
    "농업·농촌", "관광·체육", "행정·혁신",
]
TOPICS = [
    "주민자치", "청년 일자리", "어르신 돌봄", "아동 보육", "전통시장", "탄소중립", "도시재생", "공공도서관",
    "생활체육", "안전 도시", "스마트 교통", "공원 녹지", "문화 예술", "지역 축제", "소상공인", "평생학습",
]
ACTIONS = ["활성화", "확대", "지원", "조성", "강화", "구축", "개선", "육성"]
BUREAUS = {
    "기획실": "실·단", "감사담당관": "실·단", "경제과": "문화경제국", "일자리창업지원과": "문화경제국",
    "문화예술과": "문화경제국", "기후환경과": "환경교통국", "교통지도과": "환경교통국", "공원녹지과": "환경교통국",
    "아동청소년과": "통합복지국", "고령사회정책과": "통합복지국", "복지정책과": "통합복지국",
    "안전총괄과": "안전도시국", "건설과": "안전도시국", "주민자치과": "자치행정국", "행정지원과": "자치행정국",
    "건강증진과": "보건소", "보건행정과": "보건소",
}
DEPARTMENTS = list(BUREAUS)

# Quarter ends of 민선8기 (2022-07-01 .. 2026-06-30).
QUARTERS = [date(2022, 9, 30), date(2022, 12, 31)] + [
    d for y in (2023, 2024, 2025) for d in (date(y, 3, 31), date(y, 6, 30), date(y, 9, 30), date(y, 12, 31))
] + [date(2026, 3, 31), date(2026, 6, 30)]

# Canonical KMC labels, and how governments also write them.
LABELS = {
    "completed": ("완료", ["추진완료", "완 료"]),
    "ongoing": ("이행후계속추진", ["이행후계속", "이행 후 계속추진"]),
    "on_track": ("정상추진", ["정 상 추 진", "추진중"]),
    "lagging": ("일부추진", ["일 부 추 진"]),
    "on_hold": ("보류", ["보 류"]),
    "dropped": ("폐기", ["폐 기"]),
    "not_due": ("기타", ["기 타"]),
}
# Per quarter: where a project in each status goes (the rest stay). A few moves are
# regressions (ongoing -> lagging, on_track -> lagging / on hold), as in real reports.
MOVES = {
    "on_track": [("completed", 0.03), ("ongoing", 0.06), ("lagging", 0.02), ("on_hold", 0.004)],
    "lagging": [("on_track", 0.15), ("on_hold", 0.03), ("dropped", 0.01)],
    "on_hold": [("on_track", 0.10), ("dropped", 0.05)],
    "ongoing": [("lagging", 0.005), ("completed", 0.01)],
    "completed": [],
    "dropped": [],
    "not_due": [("on_track", 0.12)],
}


def government_names(count: int, seed: int) -> list[str]:
    """`count` distinct Korean government names: province + a two-syllable 시/군/구."""
    rng = random.Random(seed)
    names: list[str] = []
    seen: set[str] = set()
    while len(names) < count:
        name = f"{rng.choice(PROVINCES)} {rng.choice(SYLLABLES)}{rng.choice(SYLLABLES)}{rng.choice(SUFFIXES)}"
        if name not in seen:
            seen.add(name)
            names.append(name)
    return names


def label(rng: random.Random, status: str) -> str:
    canonical, others = LABELS[status]
    return rng.choice(others) if rng.random() < 0.15 else canonical


def government_rows(name: str, seed: int) -> list[list[str]]:
    """Every row of one government, quarter by quarter: one list of CSV lines per quarter."""
    rng = random.Random(seed)
    fields = rng.sample(FIELDS, rng.randint(5, 7))
    projects = []
    count = rng.randint(30, 140)
    for n in range(count):
        f = n % len(fields)
        pledge = n // (len(fields) * 3) + 1
        topic = rng.choice(TOPICS)
        department = rng.choice(DEPARTMENTS)
        title = f"{topic} {rng.choice(ACTIONS)} 사업"
        projects.append((f"{f + 1}-{pledge}-{n + 1}", fields[f], f"{topic} {rng.choice(ACTIONS)}", title, department))
    status = [rng.choices(["on_track", "not_due", "completed"], [0.85, 0.1, 0.05])[0] for _ in projects]
    progress = [rng.randint(0, 40) for _ in projects]
    quarters: list[list[str]] = []
    for as_of in QUARTERS:
        lines = []
        for i, (pid, field, pledge, title, department) in enumerate(projects):
            lines.append(
                f"{name},민선8기,{as_of.isoformat()},{pid},{field},{pledge},{title},{department},"
                f"{BUREAUS[department]},{label(rng, status[i])},{progress[i]},\n"
            )
        quarters.append(lines)
        for i, s in enumerate(status):  # the next quarter
            r = rng.random()
            for target, p in MOVES[s]:
                if r < p:
                    status[i] = target
                    break
                r -= p
            if status[i] in ("completed", "ongoing"):
                progress[i] = 100
            elif status[i] in ("on_track", "lagging"):
                progress[i] = min(99, progress[i] + rng.randint(0, 8))
    return quarters


def write(path: Path, text: str, cp949: bool) -> int:
    data = text.encode("cp949") if cp949 else b"\xef\xbb\xbf" + text.encode("utf-8")
    path.write_bytes(data)
    return len(data)


def national(root: Path) -> None:
    names = government_names(243, seed=8)
    total = rows = 0
    for g, name in enumerate(names):
        folder = root / name.replace(" ", "_")
        folder.mkdir(parents=True, exist_ok=True)
        cp949 = g % 20 == 7
        for as_of, lines in zip(QUARTERS, government_rows(name, seed=1000 + g)):
            total += write(folder / f"{as_of.isoformat()}.csv", HEADER + "".join(lines), cp949)
            rows += len(lines)
    print(f"national: {len(names)} governments x {len(QUARTERS)} quarters, {rows:,} rows, {total / 1e6:.1f} MB in {root}")


def large_file(args: tuple[Path, int, list[str]]) -> tuple[int, int]:
    root, k, names = args
    parts: list[str] = [HEADER]
    rows = 0
    for g, name in enumerate(names):
        for lines in government_rows(name, seed=100_000 + k * 1000 + g):
            parts.extend(lines)
            rows += len(lines)
    size = write(root / f"region-{k:03d}.csv", "".join(parts), cp949=k % 20 == 3)
    return rows, size


def large(root: Path, files: int = 100, per_file: int = 75) -> None:
    root.mkdir(parents=True, exist_ok=True)
    names = government_names(files * per_file, seed=9)
    jobs = [(root, k, names[k * per_file : (k + 1) * per_file]) for k in range(files)]
    with ProcessPoolExecutor(2) as pool:
        done = list(pool.map(large_file, jobs))
    rows = sum(r for r, _ in done)
    total = sum(s for _, s in done)
    print(f"large: {files} files, {files * per_file:,} governments, {rows:,} rows, {total / 1e9:.2f} GB in {root}")


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("national", "large"):
        print("usage: corpus.py national|large OUTPUT_DIR", file=sys.stderr)
        return 2
    root = Path(argv[1])
    if root.exists() and any(root.iterdir()):
        print(f"{root} is not empty: remove it first", file=sys.stderr)
        return 2
    (national if argv[0] == "national" else large)(root)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
