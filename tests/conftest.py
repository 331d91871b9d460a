"""Shared fixtures: paths to the shipped corpus, and an isolated embedding cache."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpora" / "xuexi-shibao-shushi-ronghe.txt"


@pytest.fixture(scope="session", autouse=True)
def _isolated_cache(tmp_path_factory):
    """Every test run gets its own embedding cache: tests never depend on a warm one."""
    mp = pytest.MonkeyPatch()
    mp.setenv("ZHEN_CACHE_DIR", str(tmp_path_factory.mktemp("zhen-cache")))
    yield
    mp.undo()


CHROMIUM = Path("/usr/bin/chromium")
# Flags a sandboxed, offline machine needs: without the background-networking ones Chromium
# keeps dialling Google's hosts and the closed network refuses them, many at a time.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@pytest.fixture(scope="session")
def chromium():
    """A headless Debian Chromium driven by Playwright, shared by the browser tests.

    Skipped with the reason when Playwright or /usr/bin/chromium is missing (a user's machine
    without them); `.ci/run` installs both, so CI runs these tests. Nothing is downloaded:
    Playwright is pointed at the system browser.
    """
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright not installed (pip install '.[test]')")
    if not CHROMIUM.exists():
        pytest.skip("no /usr/bin/chromium (apt-get install chromium; .ci/run does)")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def corpus_run(tmp_path_factory):
    """One `zhen check` of the shipped corpus with the default outputs, as a user runs it.

    Several modules need a real run folder (the CLI summary, the OmegaT import, the review
    app, the report in Chromium); it embeds and aligns 108 pairs, so it is made once per
    session.  Treat it as read-only: a test that changes a run folder copies it first
    (:func:`copy_of_corpus_run`).  Returns the finished process and the folder.
    """
    import subprocess
    import sys

    out = tmp_path_factory.mktemp("corpus-run") / "out"
    proc = subprocess.run([sys.executable, "-m", "qa.cli", "check", str(CORPUS), "-o", str(out)],
                          capture_output=True, text=True, timeout=900, check=False)
    return proc, out


def copy_of_corpus_run(corpus_run, dest: Path) -> Path:
    """A private, writable copy of the session's corpus run folder at ``dest``."""
    import shutil

    proc, out = corpus_run
    assert proc.returncode == 0, proc.stderr
    shutil.copytree(out, dest)
    return dest


@pytest.fixture
def outdir(run_folder, tmp_path) -> Path:
    """A fresh copy of the module's ``run_folder`` (a zhen run it builds once): every test
    starts its own review.  Used by the review-app and review-export tests."""
    import shutil

    copy = tmp_path / "run"
    shutil.copytree(run_folder, copy)
    return copy
