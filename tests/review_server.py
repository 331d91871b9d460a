"""A ``zhen review OUTDIR`` server in its own process, as a user starts it, for the tests
of the review app (API and browser)."""

from __future__ import annotations

import json
import os
import selectors
import signal
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpora" / "xuexi-shibao-shushi-ronghe.txt"


def zhen(*args: object, timeout: int = 600) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "qa.cli", *map(str, args)], capture_output=True,
                          text=True, timeout=timeout, check=False)


class ReviewProcess:
    """``zhen review OUTDIR --no-browser``: waits for the URL line, talks JSON to it."""

    def __init__(self, outdir: Path, log: Path) -> None:
        self.log_path = log
        self.log = open(log, "ab")  # noqa: SIM115 - closed in stop()
        # PYTHONFAULTHANDLER: a server that stops answering can be made to write every
        # thread's stack to its log (``stacks``), the one clue a hung CI run leaves
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "qa.cli", "review", str(outdir), "--no-browser"],
            stdout=subprocess.PIPE, stderr=self.log,
            env={**os.environ, "PYTHONUNBUFFERED": "1", "PYTHONFAULTHANDLER": "1"})
        sel = selectors.DefaultSelector()
        sel.register(self.proc.stdout, selectors.EVENT_READ)
        if not sel.select(timeout=120):
            self.stop()
            raise RuntimeError(f"zhen review printed no URL in 120 s (see {log})")
        self.url = self.proc.stdout.readline().decode().strip()
        if not self.url.startswith("http://127.0.0.1:"):
            self.stop()
            raise RuntimeError(f"first line is not the URL: {self.url!r} (see {log})")
        parts = urlsplit(self.url)
        self.base = f"{parts.scheme}://{parts.netloc}"
        self.token = parts.query.removeprefix("token=")

    def call(self, method: str, path: str, body: dict | None = None, *, token: str | None = "",
             headers: dict[str, str] | None = None) -> tuple[int, dict, dict]:
        """(status, JSON answer, response headers); ``token=""`` sends the right one, None none."""
        sent = {"Content-Type": "application/json"} if body is not None else {}
        if token is not None:
            sent["X-Zhen-Token"] = token or self.token
        sent.update(headers or {})
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.base + path, data=data, method=method, headers=sent)
        try:
            with urllib.request.urlopen(request, timeout=120) as resp:
                raw, status, got = resp.read(), resp.status, dict(resp.headers)
        except urllib.error.HTTPError as exc:
            raw, status, got = exc.read(), exc.code, dict(exc.headers)
        try:
            payload = json.loads(raw)
        except ValueError:
            payload = {"_text": raw.decode("utf-8", "replace")}
        return status, payload, got

    def stacks(self) -> str:
        """Every thread's stack, written by the server as SIGABRT ends it (the end of its log)."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGABRT)
            self.proc.wait(timeout=30)
        self.log.flush()
        return self.log_path.read_text(encoding="utf-8", errors="replace")[-6000:]

    def kill(self) -> None:
        """SIGKILL: no chance to flush or close anything."""
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=30)
        self.log.close()

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=20)
        self.log.close()
