"""What every benchmark needs: where the shared evaluation data is, and the `zhen` script.

The evaluation data (MAC, WMT MQM) lives outside the repository in
``shared/eval``: ``$ZHEN_SHARED``, else ``../shared`` beside the checkout,
else ``/work/shared``.  Benchmarks print a line and exit 0 without it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def shared_eval(name: str) -> Path | None:
    """shared/eval/NAME, wherever this checkout finds it."""
    env = os.environ.get("ZHEN_SHARED")
    for cand in ([Path(env)] if env else []) + [REPO.parent / "shared", Path("/work/shared")]:
        found = cand / "eval" / name
        if found.is_dir():
            return found
    return None


def mac_or_skip(script: str) -> Path | None:
    """shared/eval/mac, or None after saying that ``script`` skips without it."""
    mac = shared_eval("mac")
    if mac is None:
        print(f"{script}: shared/eval/mac not found (set ZHEN_SHARED); skipping benchmark")
    return mac


def zhen_exe() -> str | None:
    """The `zhen` script beside this Python if it has `align --presegmented`, else None."""
    exe = shutil.which("zhen") or str(Path(sys.executable).parent / "zhen")
    if not Path(exe).exists():
        return None
    try:
        r = subprocess.run([exe, "align", "--help"], check=False, capture_output=True,
                           text=True, timeout=120)
    except (OSError, subprocess.SubprocessError):
        return None
    return exe if r.returncode == 0 and "--presegmented" in r.stdout else None
