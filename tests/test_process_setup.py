"""The command line sets the collector's pace (qa/process_setup.py); importing zhen does not."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

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


def _warm_state() -> tuple[int, int]:
    """In a worker: whether the model's weights and CC-CEDICT were loaded before the task."""
    from align.backends.usem3 import _load_network
    from qa import lexicons

    return _load_network.cache_info().currsize, lexicons.cedict.cache_info().currsize


@pytest.mark.skipif("forkserver" not in __import__("multiprocessing").get_all_start_methods(),
                    reason="no fork server on this platform: workers are spawned and load for themselves")
def test_workers_start_with_the_model_and_lexicons_loaded_and_the_server_is_stopped():
    """Workers come from a fork server that loaded the weights and tables once
    (qa/worker_warmup.py), and closing the pool stops it (its CPU then counts as the
    command's)."""
    from multiprocessing import forkserver

    from qa.batch_partition import ProcessClient

    client = ProcessClient(1)
    try:
        assert client.gather([client.submit(_warm_state)]) == [(1, 1)]
    finally:
        client.close()
    assert forkserver._forkserver._forkserver_pid is None


def test_the_warm_up_pair_is_checked_without_error():
    """The warm-up's own input runs through every default pair check (no model): a check
    that broke on it would leave the workers cold without a word."""
    from align.model import Pair
    from qa.checks import all_checks
    from qa.pipeline import check_locally, split_checks
    from qa.profile import Profile
    from qa.worker_warmup import SAMPLE_PAIRS

    local, _ = split_checks(all_checks(), Profile())
    checked = check_locally([Pair(id=i, zh=zh, en=en) for i, (zh, en) in enumerate(SAMPLE_PAIRS)],
                            local, Profile(), {})
    assert {f.check for f in checked.flags} >= {"institution", "polarity", "literal-term"}


_TABLES_LOADED_AFTER_WARM_UP = r"""
import sys
import qa.worker_warmup


def tables():
    # every lru_cache of zhen with room for a few entries at most: the tables
    out = {}
    for name, module in list(sys.modules.items()):
        if name.split(".")[0] not in ("qa", "align"):
            continue
        for attr, f in list(vars(module).items()):
            info = getattr(f, "cache_info", None)
            if callable(info) and info().maxsize is not None and info().maxsize <= 8:
                out[f"{name}.{attr}"] = info().currsize
    return out


before = tables()
from align.model import Pair
from qa.checks import all_checks
from qa.pipeline import check_locally, split_checks
from qa.profile import Profile

zh, en = (open(p, encoding="utf-8").read().splitlines() for p in sys.argv[1:3])
local, _ = split_checks(all_checks(), Profile())
check_locally([Pair(id=i, zh=z, en=e) for i, (z, e) in enumerate(zip(zh, en))], local, Profile(), {})
print(sorted(k for k, n in tables().items() if n != before.get(k, 0)))
"""


def test_after_the_warm_up_a_real_document_loads_no_further_table():
    """The warm-up (qa/worker_warmup.py) leaves no table for a worker to build on its first
    pairs: checking the labelled document after it fills no further table cache.  A new
    lazily built table shows up here, to be added to the warm-up's list."""
    doc = Path(__file__).resolve().parents[1] / "corpora" / "qa-labelled"
    out = subprocess.run([sys.executable, "-c", _TABLES_LOADED_AFTER_WARM_UP, str(doc / "zh.txt"),
                          str(doc / "en.txt")], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
