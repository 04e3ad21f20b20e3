"""Reading and writing pledge files: read_csv, read_snapshots, read_org, validate_csv,
write_csv, load_example."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import pledgetrack as pt
from pledgetrack import Status

from conftest import SEED_BUREAUS

HEADER = "district,as_of,id,project,department,bureau,status\n"


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def test_read_csv_gives_a_snapshot_for_a_file_of_one(example_dir, q1):
    snap = pt.read_csv(example_dir / "2024-03-31.csv")
    assert isinstance(snap, pt.Snapshot)
    assert snap == q1
    assert snap.bureau_order is None  # no org given
    assert pt.read_csv(str(example_dir / "2024-03-31.csv")) == q1


def test_read_csv_with_an_org_remembers_its_bureau_order(example_dir, q1):
    snap = pt.read_csv(example_dir / "2024-03-31.csv", org=example_dir / "org.csv")
    assert snap.bureau_order == tuple(SEED_BUREAUS)
    assert snap == q1
    org = pt.read_org(example_dir / "org.csv")
    assert pt.read_csv(example_dir / "2024-03-31.csv", org=org).bureau_order == tuple(SEED_BUREAUS)


def test_read_csv_gives_a_list_for_a_file_of_several(tmp_path, example):
    path = tmp_path / "both.csv"
    pt.write_csv(path, example)
    read = pt.read_csv(path)
    assert isinstance(read, list)
    assert read == example


def test_read_csv_reads_a_binary_stream(example_dir, q1):
    with open(example_dir / "2024-03-31.csv", "rb") as f:
        assert pt.read_csv(f) == q1


def test_read_snapshots_of_a_directory_sorts_by_date_and_uses_its_org(example_dir, tmp_path):
    snaps = pt.read_snapshots(example_dir)
    assert [s.as_of for s in snaps] == [dt.date(2023, 12, 31), dt.date(2024, 3, 31)]
    assert all(s.bureau_order == tuple(SEED_BUREAUS) for s in snaps)
    assert pt.read_snapshots(example_dir / "2024-03-31.csv") == [snaps[1]]
    with pytest.raises(pt.PledgeError, match=r"no pledge files"):
        pt.read_snapshots(tmp_path)


@pytest.mark.parametrize("workers", [None, 1, 2, 5])
def test_read_many_gives_every_files_snapshots_in_order_for_any_workers(example_dir, tmp_path, workers):
    both = tmp_path / "both.csv"  # a file of two snapshots keeps its own order too
    pt.write_csv(both, pt.load_example("gwangju-seogu"))
    paths = [example_dir / "2024-03-31.csv", example_dir / "2023-12-31.csv", both] * 7
    one_by_one = []
    for path in paths:
        read = pt.read_csv(path)
        one_by_one.extend(read if isinstance(read, list) else [read])
    assert len(one_by_one) == 28
    snaps = pt.read_many(paths, workers=workers)
    assert snaps == one_by_one
    # 2024-03-31.csv, 2023-12-31.csv, then both.csv, which holds 2023-12-31 and 2024-03-31
    q4, q1 = dt.date(2023, 12, 31), dt.date(2024, 3, 31)
    assert [s.as_of for s in snaps[:5]] == [q1, q4, q4, q1, q1]
    assert pt.read_many([], workers=workers) == []


def test_read_many_applies_the_options_to_every_file(example_dir):
    snaps = pt.read_many([str(example_dir / "2024-03-31.csv")] * 3, org=example_dir / "org.csv", workers=2)
    assert [s.bureau_order for s in snaps] == [tuple(SEED_BUREAUS)] * 3
    tmp = [example_dir / "2024-03-31.csv"]
    assert pt.read_many(tmp, district="무시됨") == [pt.read_csv(tmp[0])]  # the file's column wins


@pytest.mark.parametrize("workers", [1, 4])
def test_read_many_raises_the_first_failing_files_error(example_dir, tmp_path, workers):
    good = example_dir / "2024-03-31.csv"
    first = write(tmp_path / "first.csv", HEADER + "서구,2024-03-31,1-1,사업,과,국,완료됨\n")
    row = "서구,2024-03-31,1-1,사업,과,국,완료\n"
    later = write(tmp_path / "later.csv", HEADER + row + row)  # a duplicate id
    paths = [good] * 5 + [first] + [good] * 5 + [later, tmp_path / "missing.csv"]
    with pytest.raises(pt.PledgeError) as expected:
        pt.read_csv(first)
    assert "first.csv:2:7 (column 'status'): unknown status label" in str(expected.value)
    with pytest.raises(pt.PledgeError) as raised:
        pt.read_many(paths, workers=workers)
    assert str(raised.value) == str(expected.value)


def test_read_many_refuses_one_path_given_as_the_list(example_dir):
    for one in (example_dir / "2024-03-31.csv", str(example_dir / "2024-03-31.csv")):
        with pytest.raises(TypeError, match=r"read_many takes a list of paths, not one path .*use read_csv"):
            pt.read_many(one)


@pytest.mark.parametrize("workers", [0, -1, 1.5, True, "2"])
def test_read_many_refuses_a_worker_count_that_is_not_a_positive_whole_number(example_dir, workers):
    with pytest.raises(ValueError, match=r"workers must be a whole number of at least 1, or None"):
        pt.read_many([example_dir / "2024-03-31.csv"], workers=workers)


def test_load_example_is_the_bundled_data(example_dir):
    assert pt.example_names() == ["gwangju-seogu"]
    assert {p.name for p in example_dir.iterdir()} >= {"2023-12-31.csv", "2024-03-31.csv", "org.csv", "SOURCE.md"}
    assert "site-packages" in str(example_dir) or "dist-packages" in str(example_dir)
    with pytest.raises(pt.PledgeError, match=r"no bundled example named 'seoul' \(known: gwangju-seogu\)"):
        pt.load_example("seoul")


def test_caller_supplies_what_the_file_lacks(tmp_path):
    path = write(tmp_path / "bare.csv", "id,project,department,status\n1-1,가,건강증진과,완 료\n")
    snap = pt.read_csv(path, district="광주광역시 서구", as_of="2024. 3. 31.")
    assert (snap.district, snap.as_of) == ("광주광역시 서구", dt.date(2024, 3, 31))
    assert snap.term == 8  # 2024-03-31 lies in 민선8기 (2022-07-01 .. 2026-06-30)
    assert pt.read_csv(path, district="서구", as_of=dt.date(2024, 3, 31), term="민선 7기").term == 7
    # The org fills an empty bureau from the department.
    org = pt.Organization([("건강증진과", "보건소")])
    assert pt.read_csv(path, district="서구", as_of=dt.date(2024, 3, 31), org=org)["1-1"].bureau == "보건소"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp949", "utf-16"])
def test_encodings_are_detected(tmp_path, encoding):
    path = write(tmp_path / "enc.csv", HEADER + "광주광역시 서구,2024-03-31,1-1,가,경제과,문화경제국,정 상 추 진\n", encoding)
    snap = pt.read_csv(path)
    assert snap.district == "광주광역시 서구"
    assert snap["1-1"].status is Status.ON_TRACK


def test_an_encoding_can_be_forced_and_an_unknown_one_is_an_error(tmp_path):
    path = write(tmp_path / "enc.csv", HEADER + "서구,2024-03-31,1-1,가,경제과,문화경제국,완료\n", "cp949")
    assert pt.read_csv(path, encoding="cp949").district == "서구"
    with pytest.raises(pt.PledgeError, match=r"unknown encoding .*'latin-9'"):
        pt.read_csv(path, encoding="latin-9")


def test_aliases_add_the_sources_labels(tmp_path):
    path = write(tmp_path / "alias.csv", HEADER + "서구,2024-03-31,1-1,가,경제과,문화경제국,추진 중(지연)\n")
    with pytest.raises(pt.PledgeError, match=r"unknown status label"):
        pt.read_csv(path)
    assert pt.read_csv(path, aliases={"추진 중(지연)": Status.LAGGING})["1-1"].status is Status.LAGGING


def test_a_bad_file_is_a_pledge_error_naming_file_line_column_and_text(tmp_path):
    path = write(
        tmp_path / "bad.csv",
        HEADER + "서구,2024-03-31,1-1,가,경제과,문화경제국,완료\n서구,2024-03-31,1-2,나,경제과,문화경제국,몰라\n",
    )
    assert issubclass(pt.PledgeError, ValueError)
    expected = re.escape(f"{path}:3:7 (column 'status'): unknown status label") + r".*: '몰라'$"
    with pytest.raises(pt.PledgeError, match=expected):
        pt.read_csv(path)
    with pytest.raises(ValueError, match="몰라"):
        pt.read_csv(path)


def test_a_missing_file_is_a_pledge_error(tmp_path):
    with pytest.raises(pt.PledgeError, match=r"cannot open file '.*nothing\.csv'"):
        pt.read_csv(tmp_path / "nothing.csv")


def test_validate_csv_lists_every_problem(tmp_path):
    path = write(
        tmp_path / "bad.csv",
        HEADER
        + "서구,2024-03-31,1-1,가,경제과,문화경제국,몰라\n"
        + "서구,2024-03-31,1-2,나,경제과,문화경제국,완료\n"
        + "서구,2024-13-01,1-3,다,경제과,문화경제국,완료\n",
    )
    problems = pt.validate_csv(path)
    assert [(p.line, p.column_name) for p in problems] == [(2, "status"), (4, "as_of")]
    assert all(isinstance(p, pt.Problem) and p.file == str(path) for p in problems)
    assert "'몰라'" in problems[0].message
    assert "'2024-13-01'" in problems[1].message
    assert str(problems[0]) == problems[0].message
    clean = write(tmp_path / "clean.csv", HEADER + "서구,2024-03-31,1-1,가,경제과,문화경제국,완료\n")
    assert pt.validate_csv(clean) == []


@pytest.mark.parametrize("which", [0, 1])
def test_write_csv_then_read_csv_gives_the_same_snapshot(tmp_path, example, which):
    snap = example[which]
    path = tmp_path / "out.csv"
    snap.write_csv(path)
    assert pt.read_csv(path) == snap
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # the BOM Korean Excel needs


def test_write_csv_options(tmp_path, q1):
    path = tmp_path / "out.tsv"
    pt.write_csv(path, q1, bom=False, delimiter="\t")
    data = path.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    assert data.split(b"\n")[0].split(b"\t")[:4] == [b"district", b"term", b"as_of", b"id"]
    assert pt.read_csv(path) == q1


def test_formula_like_cells_are_neutralised_and_read_back(tmp_path):
    snap = pt.Snapshot("서구", 8, dt.date(2024, 3, 31), [pt.Project("1-1", "=SUM(A1)", "완료", note="+82 연락처")])
    path = tmp_path / "formula.csv"
    snap.write_csv(path)
    text = path.read_text(encoding="utf-8-sig")
    assert "'=SUM(A1)" in text
    assert "'+82 연락처" in text
    assert pt.read_csv(path) == snap


def test_extra_columns_survive_a_round_trip(tmp_path):
    path = write(tmp_path / "extra.csv", "district,as_of,id,project,status,예산(백만원)\n서구,2024-03-31,1-1,가,완료,120\n")
    snap = pt.read_csv(path)
    assert snap["1-1"].extra == {"예산(백만원)": "120"}
    out = tmp_path / "again.csv"
    snap.write_csv(out)
    assert pt.read_csv(out) == snap


def test_read_csv_on_several_python_threads_gives_each_the_same_snapshot(example_dir, q1):
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(pt.read_csv, [example_dir / "2024-03-31.csv"] * 8))
    assert all(r == q1 for r in results)


# The file is a FIFO that a Python thread fills: the read cannot end before that
# thread has run, so a reader that held the GIL would wait for ever. The child
# process turns that deadlock into a failure (the timeout bounds the failure
# only; a reader that lets the GIL go finishes at once). It calls the extension's
# readers, which hold the GIL release under test: pt.read_csv and pt.read_many
# first peek at each file for a workbook's signature, which would drain the FIFO.
_READ_WHILE_A_THREAD_WRITES = """
import sys, threading
from pledgetrack import _core

fifo, source, reader = sys.argv[1], sys.argv[2], sys.argv[3]
data = open(source, "rb").read()


def fill():
    with open(fifo, "wb") as f:
        f.write(data)


writer = threading.Thread(target=fill)
writer.start()
if reader == "read_csv":
    per_file = [_core.read_csv(fifo), _core.read_csv(source)]
else:
    per_file = _core.read_csv_files([source, fifo, source], threads=2)
writer.join()
print(*[len(s) for snapshots in per_file for s in snapshots], per_file[0] == per_file[1])
"""


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes (POSIX)")
@pytest.mark.parametrize("reader", ["read_csv", "read_many"])
def test_readers_let_other_python_threads_run_while_they_read(tmp_path, example_dir, reader):
    fifo = tmp_path / "filled-by-a-thread.csv"
    os.mkfifo(fifo)
    done = subprocess.run(
        [sys.executable, "-c", _READ_WHILE_A_THREAD_WRITES, str(fifo), str(example_dir / "2024-03-31.csv"), reader],
        capture_output=True, text=True, timeout=300, check=True,
    )
    # One snapshot of 49 projects per file read; the FIFO's equals the file's.
    files = 2 if reader == "read_csv" else 3
    assert done.stdout.split() == ["49"] * files + ["True"]
