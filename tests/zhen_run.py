"""``zhen`` run in this process, its output captured, for tests that share a loaded model.

Module-scoped fixtures cannot use ``capsys``; this swaps the streams instead.
"""

from __future__ import annotations

import contextlib
import io

import pytest

from qa.cli import main


def zhen_run(*args) -> tuple[int, str, str]:
    """``zhen ARGS…`` in-process: (exit status, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), \
            pytest.raises(SystemExit) as exc:
        main([str(a) for a in args])
    return exc.value.code, out.getvalue(), err.getvalue()
