"""Faults made for real, not mocked: a full file system (a 12 KiB tmpfs), a read-only
folder, two processes writing one target at once. Every writer (write_csv, the report in
every format, the CLI's -o, the batch table) must leave the previous file as it was, leave
no temporary file behind, and fail with one message naming the target and the reason.

The tmpfs tests mount a file system, so they run as root only (in a container: with
CAP_SYS_ADMIN); elsewhere they are skipped with that reason. Rerun them:
``sudo /path/to/venv/bin/python -m pytest tests/python/test_faults.py -v``.
"""

from __future__ import annotations

import contextlib
import errno
import gc
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import pledgetrack as pt

PREVIOUS = b"the previous file\n"


def _can_mount() -> str | None:
    """None when this process can mount a tmpfs, else why not."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return "mounting a tmpfs needs root"
    if shutil.which("mount") is None:
        return "no mount command"
    with tempfile.TemporaryDirectory() as d:
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=12k", "tmpfs", d], capture_output=True)
        if done.returncode != 0:
            return f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace').strip()}"
        subprocess.run(["umount", d], check=True)
    return None


_MOUNT_PROBLEM = _can_mount()
needs_mount = pytest.mark.skipif(_MOUNT_PROBLEM is not None, reason=str(_MOUNT_PROBLEM))


@contextlib.contextmanager
def _tmpfs(folder: Path) -> Iterator[Path]:
    folder.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=12k,mode=0755", "tmpfs", str(folder)], check=True)
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=True)


@pytest.fixture
def full_disk(tmp_path) -> Iterator[Path]:
    """A 12 KiB file system; the test writes the previous file, then fills it (_fill)."""
    with _tmpfs(tmp_path / "full") as folder:
        yield folder


@pytest.fixture
def read_only(tmp_path) -> Iterator[Path]:
    """A folder nobody can write in. As root (who ignores permissions) a tmpfs remounted
    read-only; otherwise a folder of mode 0555."""
    if _MOUNT_PROBLEM is None:
        with _tmpfs(tmp_path / "ro") as folder:
            yield folder
    else:
        folder = tmp_path / "ro"
        folder.mkdir()
        yield folder
        folder.chmod(0o755)


def _fill(folder: Path) -> None:
    """Takes every free block of the file system of ``folder``: any write of data then
    fails with ENOSPC (creating an empty file still works: tmpfs counts inodes apart)."""
    with open(folder / "filler", "wb", buffering=0) as f, contextlib.suppress(OSError):
        while True:
            f.write(b"x" * 512)


def _make_read_only(folder: Path) -> None:
    if _MOUNT_PROBLEM is None:
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
    else:
        folder.chmod(0o555)


# -- the writers ---------------------------------------------------------------------


def _writers(example: list[pt.Snapshot]) -> dict[str, Callable[[Path], None]]:
    made = pt.report(example[1], example[0])
    return {
        "write_csv": lambda p: pt.write_csv(p, example),
        "report.md": lambda p: made.write(p, "md"),
        "report.json": lambda p: made.write(p, "json"),
        "report.html": lambda p: made.write(p, "html"),
        "report.txt": lambda p: made.write(p, "text"),
        "report.xlsx": lambda p: made.to_xlsx(p),
    }


WRITERS = ["write_csv", "report.md", "report.json", "report.html", "report.txt", "report.xlsx"]


def _target(folder: Path, writer: str) -> Path:
    return folder / ("out.csv" if writer == "write_csv" else "out." + writer.split(".")[1])


@needs_mount
@pytest.mark.parametrize("writer", WRITERS)
def test_a_full_disk_names_the_target_and_keeps_the_previous_file(full_disk, example, writer, capfd):
    target = _target(full_disk, writer)
    target.write_bytes(PREVIOUS)
    _fill(full_disk)
    with pytest.raises(pt.WriteError) as raised:
        _writers(example)[writer](target)
    assert str(raised.value) == f"cannot write '{target}': no space left on device"
    assert isinstance(raised.value, OSError) and raised.value.errno == errno.ENOSPC
    assert raised.value.filename == str(target)
    assert target.read_bytes() == PREVIOUS
    assert sorted(p.name for p in full_disk.iterdir()) == sorted([target.name, "filler"])  # no temporary file
    gc.collect()  # openpyxl's ZipFile used to complain here ("Exception ignored in: ZipFile.__del__")
    out, err = capfd.readouterr()
    assert (out, err) == ("", "")


@pytest.mark.parametrize("writer", WRITERS)
def test_a_read_only_folder_names_the_target_and_keeps_the_previous_file(read_only, example, writer):
    target = _target(read_only, writer)
    target.write_bytes(PREVIOUS)
    _make_read_only(read_only)
    reason = "read-only file system" if _MOUNT_PROBLEM is None else "permission denied"
    with pytest.raises(pt.WriteError, match="^" + re.escape(f"cannot write '{target}': {reason}") + "$"):
        _writers(example)[writer](target)
    assert target.read_bytes() == PREVIOUS
    assert [p.name for p in read_only.iterdir()] == [target.name]


# -- the command line, as a process: stderr holds everything, garbage collection included --


def _cli(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pledgetrack", *argv], capture_output=True, text=True, encoding="utf-8", timeout=120
    )


@needs_mount
@pytest.mark.parametrize("name", ["r.md", "r.html", "r.xlsx"])
def test_the_cli_on_a_full_disk_prints_one_line_and_keeps_the_previous_report(full_disk, name):
    target = full_disk / name
    target.write_bytes(PREVIOUS)
    _fill(full_disk)
    done = _cli("demo", "-o", str(target))
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == f"pledgetrack: error: cannot write '{target}': no space left on device\n"
    assert target.read_bytes() == PREVIOUS


@needs_mount
@pytest.mark.parametrize("name", ["table.csv", "table.xlsx", "table.json", "table.md"])
def test_the_batch_table_on_a_full_disk_prints_one_line_and_keeps_the_previous_table(full_disk, example_dir, name):
    target = full_disk / name
    target.write_bytes(PREVIOUS)
    _fill(full_disk)
    done = _cli("batch", str(example_dir), "--quiet", "-o", str(target))
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == f"pledgetrack: error: cannot write '{target}': no space left on device\n"
    assert target.read_bytes() == PREVIOUS


def test_the_cli_in_a_read_only_folder_prints_one_line(read_only):
    target = read_only / "r.xlsx"
    target.write_bytes(PREVIOUS)
    _make_read_only(read_only)
    done = _cli("demo", "-o", str(target))
    reason = "read-only file system" if _MOUNT_PROBLEM is None else "permission denied"
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == f"pledgetrack: error: cannot write '{target}': {reason}\n"
    assert target.read_bytes() == PREVIOUS


# -- two processes writing one target at once ---------------------------------------------

_RACER = """
import sys
import pledgetrack as pt
example = pt.load_example()
snapshots = example if sys.argv[2] == "both" else example[:1]
for _ in range(int(sys.argv[3])):
    pt.write_csv(sys.argv[1], snapshots)
"""


def test_two_processes_writing_one_target_leave_one_whole_file(tmp_path, example):
    # Two different contents (both snapshots, or the first only), written 30 times each by two
    # processes at once: with a shared temporary name one could rename the other's half-written
    # file into place. Whatever the interleaving, the target is one of the two, whole.
    target = tmp_path / "out.csv"
    pt.write_csv(tmp_path / "both.csv", example)
    pt.write_csv(tmp_path / "first.csv", example[:1])
    expected = {(tmp_path / "both.csv").read_bytes(), (tmp_path / "first.csv").read_bytes()}
    racers = [
        subprocess.Popen([sys.executable, "-c", _RACER, str(target), which, "30"]) for which in ("both", "first")
    ]
    assert [r.wait(timeout=120) for r in racers] == [0, 0]
    assert target.read_bytes() in expected
    assert sorted(p.name for p in tmp_path.iterdir()) == ["both.csv", "first.csv", "out.csv"]


# -- Ctrl-C -------------------------------------------------------------------------------


def _corpus(folder: Path, example_dir: Path, n: int) -> Path:
    """``n`` pledge files (hard links to the example's 2024-03-31.csv: no space taken),
    100 to a folder."""
    source = example_dir / "2024-03-31.csv"
    for i in range(n):
        sub = folder / f"d{i // 100:04d}"
        if i % 100 == 0:
            sub.mkdir(parents=True)
        try:
            os.link(source, sub / f"{i:06d}.csv")
        except OSError:  # another file system: copy
            shutil.copyfile(source, sub / f"{i:06d}.csv")
    return folder


def _threads_of_this_process() -> int:
    return len(os.listdir("/proc/self/task"))


needs_proc = pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux's /proc")


@needs_proc
@pytest.mark.parametrize("call", ["evaluate", "read_many"])
def test_ctrl_c_in_python_stops_the_cpp_threads_and_raises_keyboard_interrupt(tmp_path, example_dir, call):
    import signal

    # Enough files that the batch cannot end before the first progress call (50 ms in):
    # 3,000 were read within it once the reader got faster.
    corpus = _corpus(tmp_path / "corpus", example_dir, 20000)
    files = sorted(corpus.rglob("*.csv"))
    before = _threads_of_this_process()
    seen: list[int] = []

    def interrupt(done: int, total: int) -> None:
        # Called on this thread while the C++ threads work: Ctrl-C, as the terminal sends it.
        seen.append(done)
        if len(seen) == 1:
            os.kill(os.getpid(), signal.SIGINT)

    with pytest.raises(KeyboardInterrupt):
        if call == "evaluate":
            pt.evaluate(files, workers=2, progress=interrupt)
        else:
            # read_many has no progress callback: a watcher thread sends the signal once the
            # C++ threads run (this process then has the watcher, the waiting worker and a
            # second reader more than before).
            import threading

            stop_watching = threading.Event()

            def watch() -> None:
                while not stop_watching.is_set():
                    if _threads_of_this_process() >= before + 3:
                        os.kill(os.getpid(), signal.SIGINT)
                        return
                    stop_watching.wait(0.005)

            watcher = threading.Thread(target=watch)
            watcher.start()
            try:
                pt.read_many(files * 10, workers=2)
            finally:
                stop_watching.set()
                watcher.join()
    # The threads were told to stop and joined before the exception came out.
    assert _threads_of_this_process() == before
    if call == "evaluate":
        assert len(seen) == 1 and seen[0] < len(files)  # stopped long before the end


@needs_proc
def test_ctrl_c_stops_a_cli_batch_with_130_and_no_output_file(tmp_path, example_dir):
    import signal
    import time

    corpus = _corpus(tmp_path / "corpus", example_dir, 40000)
    out = tmp_path / "out"
    out.mkdir()
    target = out / "table.csv"
    batch = subprocess.Popen(
        [sys.executable, "-m", "pledgetrack", "batch", str(corpus), "--quiet", "--workers", "2", "-o", str(target)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    try:
        # Wait until the C++ threads read pledge files (an open .csv under the corpus), so
        # that the signal falls in the batch, not in Python's start-up.
        while batch.poll() is None and not _reads_csv(batch.pid):
            time.sleep(0.01)
        assert batch.poll() is None, "the batch ended before it could be interrupted: give it more files"
        sent = time.monotonic()
        batch.send_signal(signal.SIGINT)
        out_text, err_text = batch.communicate(timeout=10)
        took = time.monotonic() - sent
    finally:
        if batch.poll() is None:
            batch.kill()
            batch.wait()
    assert (batch.returncode, out_text, err_text) == (130, "", "pledgetrack: error: interrupted\n")
    assert took < 1.0, f"took {took:.2f} s to stop"
    assert list(out.iterdir()) == []  # no output file, no temporary file


def _reads_csv(pid: int) -> bool:
    """Whether process ``pid`` has a .csv file open."""
    try:
        fds = list(Path(f"/proc/{pid}/fd").iterdir())
    except OSError:  # the process is gone
        return False
    for fd in fds:
        with contextlib.suppress(OSError):  # closed in between
            if os.readlink(fd).endswith(".csv"):
                return True
    return False


# -- reads that fail midway (issue #15) ----------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes (mkfifo)")
def test_files_deleted_cut_short_or_replaced_while_a_batch_runs_are_reported_and_the_rest_is_read(
    tmp_path, example_dir
):
    """The batch reads its files in order on one worker, and its first file is a named pipe:
    the batch is then inside its first read until this test writes into the pipe. Opening the
    pipe for writing returns only once the batch has opened it for reading, so the faults
    below happen, for certain, after the batch started and before it reaches their files:
    one file is deleted, one is cut short in the middle of a row, one is replaced by a folder.
    Each is reported with its reason; the files around them are evaluated."""
    import threading

    source = (example_dir / "2024-03-31.csv").read_bytes()
    district = "광주광역시 서구".encode()

    def copy_as(name: str) -> bytes:  # the example under a district of its own
        return source.replace(district, name.encode())

    first = tmp_path / "0-first.csv"
    os.mkfifo(first)
    kept = tmp_path / "1-kept.csv"
    deleted = tmp_path / "2-deleted.csv"
    cut = tmp_path / "3-cut.csv"
    replaced = tmp_path / "4-replaced.csv"
    last = tmp_path / "5-last.csv"
    for path, name in [(kept, "나구"), (deleted, "다구"), (cut, "라구"), (replaced, "마구"), (last, "바구")]:
        path.write_bytes(copy_as(name))
    # 라구's file ends after its first 10 rows and the start of the 11th (line 12): its
    # district, term and as_of, 3 of the header's 15 columns.
    lines = copy_as("라구").split(b"\n")
    cut_text = b"\n".join(lines[:11]) + b"\n" + b",".join(lines[11].split(b",")[:3])

    def sabotage() -> None:
        with open(first, "wb") as pipe:  # returns once the batch has opened its first file
            deleted.unlink()
            with open(cut, "r+b") as f:
                f.truncate(len(cut_text))
            replaced.unlink()
            replaced.mkdir()
            pipe.write(copy_as("가구"))

    saboteur = threading.Thread(target=sabotage, daemon=True)  # never keeps pytest from ending
    saboteur.start()
    try:
        with pytest.warns(UserWarning, match="3 of 6 files failed"):
            result = pt.evaluate([first, kept, deleted, cut, replaced, last], workers=1)
    finally:
        saboteur.join(timeout=10)

    # The files around the faults: the example's 49 projects and 67.3% each.
    table = result.table
    assert list(table["district"]) == ["가구", "나구", "바구"]
    assert list(table["projects"]) == [49, 49, 49]
    assert list(table["kmc_text"]) == ["67.3%"] * 3
    # Each fault, for its own file, with its reason (strerror's words, the reader's message).
    assert [p.file for p in result.problems] == [str(deleted), str(cut), str(replaced)]
    gone, short, folder = (p.message for p in result.problems)
    assert gone == f"cannot open file '{deleted}': No such file or directory"
    assert short == f"{cut}:12:3 (column 'as_of'): expected 15 fields as in the header, found 3: '2024-03-31'"
    assert folder == f"cannot open file '{replaced}': Is a directory"
