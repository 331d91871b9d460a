"""The HTTP side of ``zhen review OUTDIR``: loopback only, one token, strict headers.

Every request must carry the token printed at start (``X-Zhen-Token`` header
or ``token`` query parameter): none → 401, a wrong one → 403, and so does a
``Host`` other than the loopback address (a DNS-rebinding page).  GET never
changes anything; POST takes JSON only, so a form on another site cannot
post.  Every answer forbids caching, referrers (the token is in the URL) and
framing, and the Content-Security-Policy lets the page load only zhen's own
script and style: document text reaches the page only through ``textContent``.
"""

from __future__ import annotations

import hmac
import json
import os
import secrets
import sys
import threading
import webbrowser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib.resources import files
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from align.errors import InputError
from align.formats.unit import DEFAULT_LANGS, Languages
from qa.export import registry

from .api import ApiError, ReviewApp

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
       "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
STATIC = {"app.js": "text/javascript; charset=utf-8", "app.css": "text/css; charset=utf-8"}
MAX_BODY = 2_000_000


def _asset(name: str) -> bytes:
    return files("qa.review_app").joinpath("static", name).read_bytes()


class ReviewServer(ThreadingHTTPServer):
    """A threading HTTP server on 127.0.0.1 holding the app and its token."""

    daemon_threads = True

    def __init__(self, app: ReviewApp, port: int = 0, token: str | None = None) -> None:
        self.app = app
        self.token = token or secrets.token_urlsafe(24)
        super().__init__(("127.0.0.1", port), Handler)

    @property
    def port(self) -> int:
        return self.server_address[1]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/?token={self.token}"


class Handler(BaseHTTPRequestHandler):
    server: ReviewServer
    server_version = "zhen-review"
    sys_version = ""

    def log_message(self, format: str, *args) -> None:
        pass  # the reviewer's terminal shows the URL, not a line per request

    # ------------------------------------------------------------------ plumbing

    def _send(self, status: int, body: bytes, content_type: str,
              extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Content-Security-Policy", CSP)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("X-Frame-Options", "DENY")
        self.send_header("Cache-Control", "no-store")
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _json(self, status: int, payload: dict) -> None:
        body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        self._send(status, body, "application/json; charset=utf-8")

    def _authorised(self, query: dict[str, list[str]]) -> bool:
        host = (self.headers.get("Host") or "").strip().lower()
        allowed = {f"127.0.0.1:{self.server.port}", f"localhost:{self.server.port}"}
        given = self.headers.get("X-Zhen-Token") or (query.get("token") or [""])[0]
        if host not in allowed:
            self._json(403, {"error": "the review answers only on 127.0.0.1"})
            return False
        if not given:
            self._json(401, {"error": "this review needs its token (the URL zhen review printed)"})
            return False
        if not hmac.compare_digest(given.encode(), self.server.token.encode()):
            self._json(403, {"error": "wrong token (the server was restarted? use its new URL)"})
            return False
        return True

    def _route(self) -> tuple[list[str], dict[str, list[str]]] | None:
        url = urlsplit(self.path)
        query = parse_qs(url.query)
        if not self._authorised(query):
            return None
        return [p for p in url.path.split("/") if p], query

    def _run(self, call) -> None:
        try:
            self._json(200, call())
        except ApiError as exc:
            self._json(exc.status, exc.payload())
        except Exception as exc:
            if os.environ.get("ZHEN_DEBUG"):
                raise
            self._json(500, {"error": f"internal error: {type(exc).__name__}: {exc}"})

    # ------------------------------------------------------------------ methods

    def do_GET(self) -> None:
        routed = self._route()
        if routed is None:
            return
        parts, query = routed
        app = self.server.app
        if not parts:
            page = _asset("index.html").replace(b"{{TOKEN}}", self.server.token.encode())
            self._send(200, page, "text/html; charset=utf-8")
        elif parts[0] == "static" and len(parts) == 2 and parts[1] in STATIC:
            self._send(200, _asset(parts[1]), STATIC[parts[1]])
        elif parts == ["api", "pairs"]:
            since = (query.get("since") or [None])[0]
            self._run(lambda: app.state(int(since) if since and since.isdigit() else None))
        elif parts[:2] == ["api", "pairs"] and len(parts) == 3 and parts[2].isdigit():
            self._run(lambda: app.pair(int(parts[2])))
        elif parts[:2] == ["api", "export"] and len(parts) == 3:
            self._download(parts[2])
        else:
            self._json(404, {"error": f"no such page: {urlsplit(self.path).path}"})

    do_HEAD = do_GET

    def _download(self, name: str) -> None:
        try:
            path = self.server.app.exported(name)
        except ApiError as exc:
            self._json(exc.status, exc.payload())
            return
        tmx = registry.by_extension(Path(name), ("tmx",)) is not None
        kind = "application/x-tmx+xml" if tmx else "application/octet-stream"
        self._send(200, path.read_bytes(), kind,
                   {"Content-Disposition": f'attachment; filename="{name}"'})

    def do_POST(self) -> None:
        routed = self._route()
        if routed is None:
            return
        parts, _ = routed
        if (self.headers.get("Content-Type") or "").split(";")[0].strip() != "application/json":
            self._json(415, {"error": "send JSON (Content-Type: application/json)"})
            return
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if not 0 <= length <= MAX_BODY:
            self._json(413, {"error": "request too large (or no valid Content-Length)"})
            return
        try:
            body = json.loads(self.rfile.read(length) or b"{}")
        except (ValueError, UnicodeDecodeError):
            self._json(400, {"error": "the body is not JSON"})
            return
        if not isinstance(body, dict):
            self._json(400, {"error": "the body must be a JSON object"})
            return
        app = self.server.app
        if parts[:2] == ["api", "pairs"] and len(parts) in (3, 4) and parts[2].isdigit():
            action = parts[3] if len(parts) == 4 else None
            self._run(lambda: app.change(int(parts[2]), action, body))
        elif parts[:2] == ["api", "flags"] and len(parts) == 3 and parts[2].isdigit():
            self._run(lambda: app.set_flag(int(parts[2]), body))
        elif parts == ["api", "export"]:
            self._run(lambda: app.export(body))
        else:
            self._json(404, {"error": f"no such endpoint: POST {urlsplit(self.path).path}"})

    def _refuse(self) -> None:
        self._json(405, {"error": f"{self.command} is not used here"})

    do_PUT = do_DELETE = do_PATCH = _refuse


def has_display() -> bool:
    """Whether opening a browser can show anything (not on a headless Linux server)."""
    if sys.platform in ("darwin", "win32"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def serve(outdir: Path, *, port: int, open_browser: bool, profile: Path | None = None,
          glossary: Path | None = None, langs: Languages = DEFAULT_LANGS) -> None:
    """Start the review of ``outdir``; the URL is the first line on stdout. Runs until Ctrl-C."""
    from qa.checks import all_checks
    from qa.profile import load_profile

    from .recheck import Rechecker
    from .store import ReviewStore

    checks = all_checks()
    resources = {}
    if glossary is not None:
        from qa.glossary import load_glossary

        resources["glossary"] = load_glossary(glossary)
    rechecker = Rechecker(checks, load_profile(profile, checks), resources)
    store = ReviewStore.open(outdir)
    app = ReviewApp(store, rechecker, outdir, langs)
    try:
        server = ReviewServer(app, port)
    except OSError as exc:
        store.close()
        raise InputError(f"cannot listen on 127.0.0.1:{port}: {exc.strerror or exc} "
                         "(choose another --port, or 0 for any free one)") from None
    print(server.url, flush=True)
    beads = store.beads()
    print(f"zhen: reviewing {outdir} ({len(beads)} pairs, saved in {store.path}); "
          "Ctrl-C to stop", file=sys.stderr, flush=True)
    threading.Thread(target=rechecker.warm, args=(beads,), daemon=True).start()
    if open_browser and has_display():
        webbrowser.open(server.url)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("zhen: review stopped (everything is saved)", file=sys.stderr)
    finally:
        server.server_close()
        store.close()
