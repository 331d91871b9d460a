"""The command line sets the collector's pace (qa/process_setup.py); importing zhen does not."""

from __future__ import annotations

import gc
import subprocess
import sys

import pytest

from qa.process_setup import GC_THRESHOLDS


def test_importing_zhen_keeps_the_callers_collector_settings():
    code = ("import gc; before = gc.get_threshold(); import qa.cli, qa.pipeline, qa.batch_partition; "
            "print(gc.get_threshold() == before)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"


def test_the_command_line_sets_the_collectors_pace():
    from qa.cli import main

    before = gc.get_threshold()
    try:
        with pytest.raises(SystemExit) as exit_:
            main(["checks"])
        assert exit_.value.code == 0
        assert gc.get_threshold() == GC_THRESHOLDS
    finally:
        gc.set_threshold(*before)


def test_worker_processes_set_the_collectors_pace():
    from qa.batch_partition import ProcessClient

    client = ProcessClient(1)
    try:
        future = client.submit(gc.get_threshold)
        assert tuple(client.gather([future])[0]) == GC_THRESHOLDS
    finally:
        client.close()


def _exit_with_teardown_work() -> str:
    """Leave, in a worker, an object whose teardown would print: it must not get the chance."""
    import builtins

    class Loud:
        def __del__(self) -> None:
            print("torn down", flush=True)

    builtins._zhen_loud = Loud()  # lives until the interpreter's teardown
    return "sent"


def test_worker_processes_exit_without_teardown(capfd):
    """A worker's result arrives, the pool closes, and the worker skips the teardown that
    frees its objects one by one (qa.process_setup._exit_at_once)."""
    from qa.batch_partition import ProcessClient

    client = ProcessClient(1)
    future = client.submit(_exit_with_teardown_work)
    assert client.gather([future]) == ["sent"]
    client.close()
    assert "torn down" not in capfd.readouterr().out


def _zhen_script(*args: str) -> subprocess.CompletedProcess:
    """``zhen ARGS…`` as the console script runs it (``main()`` with the process's arguments),
    with an exit handler that prints if the interpreter's teardown runs."""
    code = ("import atexit, sys; atexit.register(lambda: print('torn down', flush=True)); "
            f"sys.argv = ['zhen', *{list(args)!r}]; from qa.cli import main; main()")
    return subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True)


def test_the_zhen_script_exits_without_teardown_and_keeps_its_output_and_status(tmp_path):
    done = _zhen_script("checks")
    assert done.returncode == 0
    assert "term-consistency" in done.stdout and "torn down" not in done.stdout
    bad = _zhen_script("check", str(tmp_path / "missing.txt"), "-o", str(tmp_path / "out"))
    assert bad.returncode == 2
    assert bad.stderr.startswith("zhen: error:") and "torn down" not in bad.stdout


def test_exit_status_is_the_interpreters():
    from qa.process_setup import exit_status

    assert exit_status(SystemExit()) == 0
    assert exit_status(SystemExit(3)) == 3
    assert exit_status(SystemExit("zhen: stop")) == 1
