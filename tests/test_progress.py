"""Progress on the terminal: bars with rate and ETA on a (pseudo-)terminal, nothing on a pipe."""

from __future__ import annotations

import fcntl
import io
import os
import pty
import re
import struct
import subprocess
import sys
import termios
import threading
from pathlib import Path

import pytest

from align.progress import SILENT, stage
from qa.terminal_progress import TerminalProgress

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpora" / "xuexi-shibao-shushi-ronghe.txt"


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def run_stage(progress: TerminalProgress) -> None:
    with progress.stage("embedding", 300, "text") as tick:
        for _ in range(3):
            tick(100)
    progress("read x.txt (utf-8)")
    progress.finish()


def test_bar_with_rate_and_eta_on_a_terminal():
    term = FakeTerminal()
    run_stage(TerminalProgress(stream=term, delay=0))
    out = term.getvalue()
    assert re.search(r"zhen: embedding +\d+%\|.*\| \d+/300 text \[.*, ETA .*text/s\]", out), out
    assert "read x.txt" not in out  # notes need -v
    assert re.search(r"zhen: done in [\d.]+ s \(embedding: 300 texts in [\d.]+ s\)\n$", out), out


def test_quiet_terminal_and_pipe_get_nothing():
    for stream, quiet in ((FakeTerminal(), True), (io.StringIO(), False)):
        run_stage(TerminalProgress(stream=stream, quiet=quiet, delay=0))
        assert stream.getvalue() == ""


def test_verbose_pipe_gets_notes_as_lines_and_the_summary():
    pipe = io.StringIO()
    run_stage(TerminalProgress(stream=pipe, verbose=True, delay=0))
    lines = pipe.getvalue().splitlines()
    assert lines[0] == "zhen: read x.txt (utf-8)" and lines[1].startswith("zhen: done in ")
    assert len(lines) == 2 and "%|" not in pipe.getvalue()


def test_plain_callables_and_silent_have_silent_stages():
    notes: list[str] = []
    for progress in (notes.append, SILENT, None):
        with stage(progress, "checks", 3) as tick:
            tick(3)
    assert notes == []


def _zhen(*args: str, stderr_tty: bool) -> tuple[int, str, str]:
    """Run the CLI with stderr on a pseudo-terminal (or a pipe); stdout is a pipe."""
    cmd = [sys.executable, "-m", "qa.cli", *args]
    if not stderr_tty:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600, check=False)
        return proc.returncode, proc.stdout, proc.stderr
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    chunks: list[bytes] = []

    def drain() -> None:
        while True:
            try:
                data = os.read(master, 4096)
            except OSError:  # EIO: the child closed the terminal
                return
            if not data:
                return
            chunks.append(data)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=slave)
    os.close(slave)
    stdout, _ = proc.communicate(timeout=600)
    reader.join(timeout=10)
    os.close(master)
    return proc.returncode, stdout.decode("utf-8"), b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.slow
def test_pseudo_terminal_shows_bars_and_a_pipe_none(tmp_path):
    """The shipped article, embedded afresh (--no-cache), with stderr on a pseudo-terminal of
    100 columns, then on a pipe; stdout is a pipe both times."""
    args = ("check", str(CORPUS), "--formats", "tsv", "--no-cache")
    code, stdout, stderr = _zhen(*args, "-o", str(tmp_path / "tty"), stderr_tty=True)
    assert code == 0, stderr
    # a stage shows a bar once it lasts longer than the delay: aligning and the checks do
    # here; the embedding calls, each under half a second since the checks pool their
    # clause windows, may not
    assert re.search(r"zhen: aligning +\d+%\|.*\| \d+/\d+ step \[.*, ETA .*step", stderr), stderr
    assert re.search(r"zhen: checks +\d+%\|.*ETA .*check/s", stderr), stderr
    last = re.split(r"[\r\n]", stderr.strip())[-1]  # bars are drawn over with \r
    assert re.fullmatch(r"zhen: done in [\d.]+ s \(embedding: [\d,]+ texts in [\d.]+ s; "
                        r"aligning: [\d.]+ s; checks: 2\d checks in [\d.]+ s\)", last), last
    assert stdout.startswith("108 pairs, ")  # the results summary stays on stdout
    code, stdout, stderr = _zhen(*args, "-o", str(tmp_path / "pipe"), stderr_tty=False)
    assert code == 0 and stderr == "" and stdout.startswith("108 pairs, ")
