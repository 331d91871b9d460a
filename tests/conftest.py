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
