"""Output folders: replaced whole, nothing stale left, nothing of the user's lost.

Runs write_outputs in-process on the shared sample document (real 学习时报
pairs and flags), so no model is loaded; tests/test_cli.py covers the same
guarantees through the command line once.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from sample_pairs import load_sample

import qa.export.xliff
from align.errors import InputError
from qa.export import atomic
from qa.fail_on import fail_on_message, failing_flags
from qa.model import Flag
from qa.outputs import FILES, write_outputs
from qa.pipeline import Report
from qa.run_folder import MARKER, read_marker
from qa.scoring_cli import score_runs

PAIRS, FLAGS = load_sample()
ALL = ["tmx", "jsonl", "tsv", "html", "xliff", "xlsx"]
SMALL = ["tsv", "jsonl"]


def _report(n: int = len(PAIRS)) -> Report:
    pairs = PAIRS[:n]
    ids = {p.id for p in pairs}
    return Report(pairs=pairs, flags=[f for f in FLAGS if f.pair_id in ids])


def _listing(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def _names(folder: Path) -> list[str]:
    return sorted(os.listdir(folder))


# ------------------------------------------------------------------ stale files


def test_rerun_with_fewer_formats_leaves_no_stale_file(tmp_path):
    # The reproduction: a.txt's TMX, sheet and report stayed beside b.txt's results.
    out = tmp_path / "X"
    write_outputs(_report(), out, ALL)
    assert "review.xlsx" in _names(out)
    written = write_outputs(_report(3), out, SMALL)
    assert _names(out) == sorted([MARKER, "flags.jsonl", "pairs.tsv"])
    assert written == [out / "pairs.tsv", out / "flags.jsonl"]
    marker = read_marker(out)
    assert marker is not None and set(marker.files) == {"pairs.tsv", "flags.jsonl"}
    assert marker.formats == tuple(SMALL) and marker.created
    assert _names(tmp_path) == ["X"]  # no scratch or backup sibling left


def test_users_own_files_are_carried_across(tmp_path):
    out = tmp_path / "X"
    write_outputs(_report(), out, ALL)
    (out / "notes.txt").write_text("第3句译文待定\n", encoding="utf-8")
    (out / "refs").mkdir()
    (out / "refs" / "glossary.csv").write_text("zh,en\n数实融合,digital-real integration\n",
                                               encoding="utf-8")
    write_outputs(_report(3), out, SMALL)
    assert _names(out) == sorted([MARKER, "flags.jsonl", "pairs.tsv", "notes.txt", "refs"])
    assert (out / "notes.txt").read_text(encoding="utf-8") == "第3句译文待定\n"
    assert (out / "refs" / "glossary.csv").is_file()


def test_relative_path_and_trailing_slash(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_outputs(_report(), Path("X"), ALL)
    write_outputs(_report(3), Path(os.path.join("X", "")), SMALL)  # 'X/' as typed
    assert _names(tmp_path / "X") == sorted([MARKER, "flags.jsonl", "pairs.tsv"])
    assert _names(tmp_path) == ["X"]


def test_current_directory_as_output_keeps_the_folder(tmp_path, monkeypatch):
    out = tmp_path / "X"
    write_outputs(_report(), out, ALL)
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    inode = out.stat().st_ino
    monkeypatch.chdir(out)
    write_outputs(_report(3), Path("."), SMALL)
    # Swapping the working directory away would strand the user's shell in a deleted folder.
    assert Path.cwd().stat().st_ino == inode == out.stat().st_ino
    assert _names(out) == sorted([MARKER, "flags.jsonl", "pairs.tsv", "notes.txt"])


def test_symlinked_folder_stays_a_symlink(tmp_path):
    real = tmp_path / "real"
    (tmp_path / "link").symlink_to(real, target_is_directory=True)
    write_outputs(_report(), tmp_path / "link", ALL)
    (real / "notes.txt").write_text("mine", encoding="utf-8")
    write_outputs(_report(3), tmp_path / "link", SMALL)
    assert (tmp_path / "link").is_symlink()
    assert os.path.realpath(tmp_path / "link") == str(real)
    assert _names(real) == sorted([MARKER, "flags.jsonl", "pairs.tsv", "notes.txt"])
    assert _names(tmp_path) == ["link", "real"]


def test_empty_folder_made_by_the_user_is_kept_not_swapped(tmp_path):
    out = tmp_path / "X"
    out.mkdir(mode=0o750)
    out.chmod(0o750)
    inode = out.stat().st_ino
    write_outputs(_report(), out, ALL)
    write_outputs(_report(3), out, SMALL)
    assert out.stat().st_ino == inode  # never removed: zhen did not create it
    assert out.stat().st_mode & 0o777 == 0o750
    assert _names(out) == sorted([MARKER, "flags.jsonl", "pairs.tsv"])
    assert read_marker(out).created is False


def test_folder_zhen_created_keeps_its_mode_across_the_swap(tmp_path):
    out = tmp_path / "X"
    write_outputs(_report(), out, ALL)
    out.chmod(0o700)
    write_outputs(_report(3), out, SMALL)
    assert out.stat().st_mode & 0o777 == 0o700


# ------------------------------------------------------------------ refusals


def test_non_empty_folder_without_marker_is_refused(tmp_path):
    out = tmp_path / "thesis"
    out.mkdir()
    (out / "chapter1.docx").write_bytes(b"PK\x03\x04 not ours")
    (out / "pairs.tsv").write_text("zh\ten\n", encoding="utf-8")
    before = _listing(out)
    with pytest.raises(InputError) as err:
        write_outputs(_report(), out, ALL)
    assert "not written by zhen" in str(err.value) and "--force" in str(err.value)
    assert "\n" not in str(err.value)
    assert _listing(out) == before and _names(tmp_path) == ["thesis"]


def test_force_keeps_the_users_files_and_replaces_zhen_names(tmp_path):
    out = tmp_path / "thesis"
    out.mkdir()
    inode = out.stat().st_ino
    (out / "chapter1.docx").write_bytes(b"PK\x03\x04 not ours")
    (out / "aligned.tmx").write_text("<tmx/> from an older zhen", encoding="utf-8")
    write_outputs(_report(3), out, SMALL, force=True)
    assert _names(out) == sorted([MARKER, "chapter1.docx", "flags.jsonl", "pairs.tsv"])
    assert (out / "chapter1.docx").read_bytes() == b"PK\x03\x04 not ours"
    assert out.stat().st_ino == inode


def test_edited_review_sheet_is_never_replaced_without_force(tmp_path):
    out = tmp_path / "X"
    write_outputs(_report(), out, ALL)
    sheet = out / "review.xlsx"
    sheet.write_bytes(sheet.read_bytes() + b"\0reviewer decisions")
    before = _listing(out)
    for formats in (ALL, SMALL):  # rewritten, or dropped as stale: both would lose it
        with pytest.raises(InputError) as err:
            write_outputs(_report(3), out, formats)
        message = str(err.value)
        assert str(sheet) in message and "changed since zhen wrote it" in message
        assert "--force" in message and "\n" not in message
        assert _listing(out) == before
    write_outputs(_report(3), out, ALL, force=True)
    assert (out / "review.xlsx").read_bytes() != before["review.xlsx"]


def test_users_file_under_a_zhen_name_is_not_overwritten(tmp_path):
    out = tmp_path / "X"
    write_outputs(_report(), out, SMALL)
    (out / "report.html").write_text("<p>my own report</p>", encoding="utf-8")
    write_outputs(_report(3), out, SMALL)  # not written this time: carried
    assert (out / "report.html").read_text(encoding="utf-8") == "<p>my own report</p>"
    with pytest.raises(InputError, match="not written by zhen"):
        write_outputs(_report(3), out, ["html", "tsv"])
    assert (out / "report.html").read_text(encoding="utf-8") == "<p>my own report</p>"


def test_an_input_inside_the_folder_is_never_replaced(tmp_path):
    out = tmp_path / "X"
    write_outputs(_report(), out, ALL)
    for force in (False, True):
        with pytest.raises(InputError, match="is an input of this run"):
            write_outputs(_report(3), out, SMALL, force=force, inputs=[out / "aligned.tmx"])
    assert (out / "aligned.tmx").is_file()
    (out / "source.txt").write_text("数实融合", encoding="utf-8")
    write_outputs(_report(3), out, SMALL, inputs=[out / "source.txt"])
    assert (out / "source.txt").read_text(encoding="utf-8") == "数实融合"


def test_output_path_that_is_a_file_is_refused(tmp_path):
    blocker = tmp_path / "X"
    blocker.write_text("a file", encoding="utf-8")
    with pytest.raises(InputError, match="not a directory"):
        write_outputs(_report(), blocker, SMALL)
    assert blocker.read_text(encoding="utf-8") == "a file"


# ------------------------------------------------------------------ crashes


def test_writer_crash_leaves_the_old_folder_intact(tmp_path, monkeypatch):
    out = tmp_path / "X"
    write_outputs(_report(), out, ALL)
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    before = _listing(out)

    def broken(*_args, **_kwargs):
        raise RuntimeError("disk went away")

    monkeypatch.setattr(qa.export.xliff, "write_xliff", broken)
    with pytest.raises(RuntimeError, match="disk went away"):
        write_outputs(_report(3), out, ["tsv", "xliff", "jsonl"])
    assert _listing(out) == before
    assert _names(tmp_path) == ["X"]


def test_failed_swap_puts_everything_back(tmp_path, monkeypatch):
    out = tmp_path / "X"
    write_outputs(_report(), out, ALL)
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    before = _listing(out)
    real_rename = os.rename

    def rename(src, dst):
        # The last step of the swap (scratch → X) fails, after the old folder moved aside.
        if Path(dst) == out and ".zhen-tmp-" in Path(src).name:
            raise OSError(errno.EIO, "I/O error")
        return real_rename(src, dst)

    monkeypatch.setattr(atomic.os, "rename", rename)
    with pytest.raises(InputError, match=f"cannot write to {out}"):
        write_outputs(_report(3), out, SMALL)
    monkeypatch.undo()
    assert _listing(out) == before
    assert _names(tmp_path) == ["X"]


# ------------------------------------------------------------------ permissions


NOBODY = 65534


def _as_unprivileged(fn) -> str:
    """Run ``fn`` as a user without root's override; its error text, or 'ok'."""
    if os.geteuid() != 0:
        try:
            fn()
        except InputError as exc:
            return str(exc)
        return "ok"
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # child: drop to nobody, report, exit without running pytest's teardown
        os.close(read_end)
        try:
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            fn()
            text = "ok"
        except InputError as exc:
            text = str(exc)
        except BaseException as exc:  # noqa: BLE001 — reported to the parent as text
            text = f"{type(exc).__name__}: {exc}"
        os.write(write_end, text.encode("utf-8"))
        os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as fh:
        text = fh.read().decode("utf-8")
    os.waitpid(pid, 0)
    return text


@pytest.fixture
def shared_dir():
    """A folder the unprivileged user can reach (pytest's tmp_path is private to root)."""
    base = Path(tempfile.mkdtemp(prefix="zhen-perm-"))
    base.chmod(0o755)
    yield base
    for root, dirs, _files in os.walk(base):
        for d in dirs:
            os.chmod(os.path.join(root, d), 0o755)
    base.chmod(0o755)
    shutil.rmtree(base)


def _give_away(path: Path) -> None:
    """Make ``path`` the unprivileged user's (a no-op when we are that user)."""
    if os.geteuid() == 0:
        for root, dirs, files in os.walk(path):
            for name in dirs + files:
                os.chown(os.path.join(root, name), NOBODY, NOBODY)
        os.chown(path, NOBODY, NOBODY)


def test_folder_without_write_permission_is_a_one_line_error(shared_dir):
    out = shared_dir / "X"
    write_outputs(_report(), out, ALL)
    out.chmod(0o555)
    before = _listing(out)
    text = _as_unprivileged(lambda: write_outputs(_report(3), out, SMALL))
    assert text == f"cannot write to {out}: permission denied"
    assert _listing(out) == before


def test_folder_in_an_unwritable_parent_is_replaced_entry_by_entry(shared_dir):
    out = shared_dir / "X"
    write_outputs(_report(), out, ALL)
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    _give_away(out)
    shared_dir.chmod(0o555)
    text = _as_unprivileged(lambda: write_outputs(_report(3), out, SMALL))
    assert text == "ok"
    assert _names(out) == sorted([MARKER, "flags.jsonl", "notes.txt", "pairs.tsv"])
    assert _names(shared_dir) == ["X"]


# ------------------------------------------------------------------ zhen score


def test_score_reads_run_folders_and_their_marker(tmp_path):
    out = tmp_path / "X"
    write_outputs(_report(), out, ALL, inputs=[tmp_path / "a.txt"])
    data = json.loads(score_runs([out], None, as_json=True))
    doc = data["documents"][str(out)]
    assert doc["pairs"] == len(PAIRS) and doc["inputs"] == [str(tmp_path / "a.txt")]
    write_outputs(_report(), out, ["tmx", "html"])
    with pytest.raises(InputError, match="wrote only --formats tmx,html"):
        score_runs([out], None, as_json=False)


# ------------------------------------------------------------------ --fail-on


def test_fail_on_names_the_first_flag_in_document_order():
    major = failing_flags(FLAGS, "major")
    assert major and all(f.severity in {"major", "critical"} for f in major)
    line = fail_on_message(FLAGS, "major")
    first = major[0]
    assert line.startswith(f"zhen: --fail-on major: {len(major)} flag")
    assert f"first: {first.check} ({first.severity}) at pair {first.pair_id}: " in line
    assert "\n" not in line
    assert fail_on_message([f for f in FLAGS if f.severity == "minor"], "major") is None


def test_fail_on_clips_a_long_message_and_names_document_flags():
    flag = Flag(check="consistency", category="Terminology", severity="critical",
                message="“数实融合” is translated as " + "; ".join(
                    ["digital-real integration", "integration of data and reality"] * 5),
                pair_ids=(3, 9, 12, 20, 31, 40, 41))
    line = fail_on_message([flag], "minor")
    assert "at pairs 3, 9, 12, 20, 31, …:" in line
    assert line.endswith("…") and len(line.split("…: ", 1)[1]) == 80


def test_files_table_and_marker_name_do_not_collide():
    assert MARKER not in FILES.values() and atomic.is_scratch_name(".X.zhen-tmp-0a1b2c3d")


def test_align_formats_come_from_the_registry():
    """`zhen align --format` offers exactly the registry's alignment formats, each
    with a writer module."""
    from qa.cli import align as align_command
    from qa.export.registry import ALIGNMENT_FORMATS

    option = next(p for p in align_command.params if p.name == "fmt")
    assert list(option.type.choices) == list(ALIGNMENT_FORMATS) == ["beads", "tsv", "json", "tmx"]
    assert all(callable(f.writer()) for f in ALIGNMENT_FORMATS.values())


def test_files_written_on_worker_processes_are_those_written_here(tmp_path):
    """``zhen check --jobs``: the run's files written on the workers (qa.outputs.write_files),
    byte for byte the files and, in order, the notes of a run that writes them itself."""
    from qa.batch_partition import ProcessClient
    from qa.export.shared import ExportOptions

    options = ExportOptions(min_confidence=0.9, exclude_severity="major")  # notes from the TMX
    here, there = tmp_path / "here", tmp_path / "there"
    notes_here: list[str] = []
    notes_there: list[str] = []
    formats = ["tmx", "jsonl", "tsv", "xliff"]
    write_outputs(_report(), here, formats, options=options, notes=notes_here)
    with ProcessClient(2) as pool:
        write_outputs(_report(), there, formats, options=options, notes=notes_there, pool=pool)
    assert notes_there == notes_here and any("left out" in n for n in notes_here)
    import re

    def body(path: Path) -> bytes:  # the TMX header's creationdate is the moment it was written
        return re.sub(rb'creationdate="[^"]*"', b"", path.read_bytes())

    for fmt in formats:
        assert body(there / FILES[fmt]) == body(here / FILES[fmt]), fmt
