"""The review's JSON API: what a browser tab (or a script) may read and change.

Routes (every one needs the session token; the server checks it):

* ``GET  /api/pairs[?since=SEQ]`` → ``{seq, title, order, pairs}``: every bead, or those
  changed after SEQ (a tab polls this to learn about other tabs' saves).
* ``GET  /api/pairs/ID`` → one bead.
* ``POST /api/pairs/ID`` ``{en?, decision?, comment?, version?}``: decide, fix, comment.
* ``POST /api/pairs/ID/merge`` ``{version?, next_version?}``: merge with the next bead.
* ``POST /api/pairs/ID/split`` ``{zh_at, en_at, version?}``: cut after that many sentences.
* ``POST /api/pairs/ID/move`` ``{side: zh|en, to: prev|next, version?, neighbour_version?}``.
* ``POST /api/flags/ID`` ``{status: open|confirmed|dismissed}``.
* ``POST /api/export`` ``{format: tmx|tsv|xlsx|csv}`` writes ``reviewed.FORMAT`` in the run
  folder; ``GET /api/export/reviewed.FORMAT`` downloads it.

A ``version`` is the bead's version the change was made from: if another tab
saved that bead since, the answer is 409 with the bead as it now is, and
nothing changes (a script that sends no version always wins).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from align.errors import InputError
from align.formats.unit import DEFAULT_LANGS, Languages

from . import edits
from .beads import DECISIONS, ReviewPair
from .edits import EditError
from .export import APP_EXPORTS, export_review
from .recheck import Rechecker
from .store import FLAG_STATUSES, Conflict, ReviewStore, StoredFlag

MAX_COMMENT = 10_000
MAX_TEXT = 100_000


class ApiError(Exception):
    """An answer other than 200: status and message (and the current bead for a 409)."""

    def __init__(self, status: int, message: str, pair: dict | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.pair = pair

    def payload(self) -> dict:
        out: dict[str, Any] = {"error": str(self)}
        if self.pair is not None:
            out["pair"] = self.pair
        return out


def _int(body: dict, name: str, default: int | None = None) -> int | None:
    value = body.get(name, default)
    if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
        raise ApiError(400, f"{name} must be a whole number")
    return value


def _text(body: dict, name: str, limit: int) -> str | None:
    value = body.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ApiError(400, f"{name} must be text")
    if len(value) > limit:
        raise ApiError(400, f"{name} is longer than {limit} characters")
    return value


def flag_json(f: StoredFlag, bead: ReviewPair, verdicts: dict[str, str]) -> dict:
    """A flag as the client shows it; spans only when they are offsets into this bead's text."""
    flag = f.flag
    own = flag.pair_id is not None
    return {
        "id": f.id, "check": flag.check, "category": flag.category, "severity": flag.severity,
        "message": flag.message, "suggestion": flag.suggestion,
        "status": verdicts.get(f.key, "open"), "document": not own,
        "zh_spans": [list(s) for s in flag.zh_spans] if own and flag.zh == bead.zh_text else [],
        "en_spans": [list(s) for s in flag.en_spans] if own and flag.en == bead.en_text else [],
    }


def pair_json(bead: ReviewPair, pos: int, flags: Sequence[StoredFlag],
              verdicts: dict[str, str]) -> dict:
    return {
        "id": bead.id, "pos": pos, "zh": bead.zh_text, "en": bead.en_text,
        "zh_sentences": [s.text for s in bead.zh], "en_sentences": [s.text for s in bead.en],
        "decision": bead.decision, "comment": bead.comment, "version": bead.version,
        "score": bead.score, "qe": bead.qe, "tags": bead.has_tags,
        "flags": [flag_json(f, bead, verdicts) for f in flags],
    }


class ReviewApp:
    """The API over one store; changes are made one at a time."""

    def __init__(self, store: ReviewStore, rechecker: Rechecker, outdir: Path,
                 langs: Languages = DEFAULT_LANGS) -> None:
        self.store = store
        self.langs = langs
        self.rechecker = rechecker
        self.outdir = outdir
        self._lock = threading.Lock()

    # ------------------------------------------------------------------ reading

    def state(self, since: int | None = None, only: set[int] | None = None) -> dict:
        seq = self.store.seq
        beads = self.store.beads()
        wanted = only if only is not None else (
            None if since is None else self.store.changed_since(since))
        flags = self.store.flags()
        verdicts = self.store.verdicts()
        by_pair: dict[int, list[StoredFlag]] = {}
        for f in flags:
            for pid in dict.fromkeys(f.pair_ids):
                by_pair.setdefault(pid, []).append(f)
        pairs = [pair_json(b, pos, by_pair.get(b.id, []), verdicts)
                 for pos, b in enumerate(beads) if wanted is None or b.id in wanted]
        return {"seq": seq, "title": self.store.meta("title") or "", "order": [b.id for b in beads],
                "pairs": pairs}

    def pair(self, pid: int) -> dict:
        found = self.state(only={pid})["pairs"]
        if not found:
            raise ApiError(404, f"no pair {pid}")
        return found[0]

    # ------------------------------------------------------------------ changing

    def _bead(self, pid: int) -> ReviewPair:
        bead = self.store.bead(pid)
        if bead is None:
            raise ApiError(404, f"no pair {pid} (merged away or never there)")
        return bead

    def _neighbour(self, order: list[int], pid: int, step: int) -> ReviewPair:
        at = order.index(pid) + step
        if not 0 <= at < len(order):
            raise ApiError(400, f"pair {pid} has no {'next' if step > 0 else 'previous'} pair")
        return self._bead(order[at])

    def _expect(self, body: dict, name: str, bead: ReviewPair) -> tuple[int, int]:
        version = _int(body, name)
        if version is not None and version != bead.version:
            raise Conflict(bead.id)
        return bead.id, bead.version

    def _commit(self, op: str, detail: dict, expect: dict[int, int], beads: list[ReviewPair],
                changed: set[int], order: list[int], remove: Sequence[int] = ()) -> dict:
        """Save a text or alignment change with the changed beads' checks run again."""
        by_id = {b.id: b for b in self.store.beads()}
        by_id.update({b.id: b for b in beads})
        document = [by_id[i] for i in order]
        flags = self.rechecker.flags_after(document, changed, self.store.flags())
        before = self.store.seq
        self.store.save(op, detail, beads=beads, expect=expect, remove=remove, order=order,
                        flags=flags)
        return self.state(since=before)

    def change(self, pid: int, action: str | None, body: dict) -> dict:
        """Run one change; a 409 (with the bead as it is) when it was made from an old version."""
        with self._lock:
            try:
                if action is None:
                    return self._update(pid, body)
                if action == "merge":
                    return self._merge(pid, body)
                if action == "split":
                    return self._split(pid, body)
                if action == "move":
                    return self._move(pid, body)
            except Conflict as exc:
                current = self.state(only={exc.pair_id})["pairs"]
                raise ApiError(409, f"{exc}: reload it and save again",
                               current[0] if current else None) from None
            except EditError as exc:
                raise ApiError(400, str(exc)) from None
        raise ApiError(404, f"no such action '{action}'")

    def _update(self, pid: int, body: dict) -> dict:
        bead = self._bead(pid)
        expect = dict([self._expect(body, "version", bead)])
        en = _text(body, "en", MAX_TEXT)
        decision = _text(body, "decision", 20)
        comment = _text(body, "comment", MAX_COMMENT)
        new = bead
        text_changed = False
        if en is not None:
            sentences = edits.fix_english(bead, en)
            if [s.text for s in sentences] != [s.text for s in bead.en]:
                new, text_changed = replace(new, en=sentences, qe=None), True
        if decision is not None:
            if decision not in DECISIONS:
                raise ApiError(400, f"decision must be one of {', '.join(DECISIONS)}")
            if text_changed and decision == "accept":
                raise ApiError(400, "the English was edited: that is a fix, not accept")
            new = replace(new, decision=decision)
        elif text_changed and bead.decision != "reject":
            new = replace(new, decision="fix")
        if new.decision == "fix" and not new.en:
            raise ApiError(400, "fix needs English (to leave the pair out, reject it)")
        if comment is not None:
            new = replace(new, comment=comment.strip())
        if new == bead:
            return self.state(only={pid})
        new = replace(new, version=bead.version + 1)
        detail = {"id": pid, "decision": new.decision, "en": en if text_changed else None,
                  "comment": comment}
        if not text_changed:
            before = self.store.seq
            self.store.save("pair", detail, beads=[new], expect=expect)
            return self.state(since=before)
        order = [b.id for b in self.store.beads()]
        return self._commit("fix", detail, expect, [new], {pid}, order)

    def _merge(self, pid: int, body: dict) -> dict:
        bead = self._bead(pid)
        order = [b.id for b in self.store.beads()]
        nxt = self._neighbour(order, pid, 1)
        expect = dict([self._expect(body, "version", bead),
                       self._expect(body, "next_version", nxt)])
        merged = edits.merge(bead, nxt)
        order.remove(nxt.id)
        return self._commit("merge", {"id": pid, "next": nxt.id}, expect, [merged],
                            {pid, nxt.id}, order, remove=[nxt.id])

    def _split(self, pid: int, body: dict) -> dict:
        bead = self._bead(pid)
        expect = dict([self._expect(body, "version", bead)])
        zh_at, en_at = _int(body, "zh_at"), _int(body, "en_at")
        if zh_at is None or en_at is None:
            raise ApiError(400, "split needs zh_at and en_at (sentences kept in the first part)")
        first, second = edits.split(bead, zh_at, en_at, self.store.next_id())
        order = [b.id for b in self.store.beads()]
        order.insert(order.index(pid) + 1, second.id)
        return self._commit("split", {"id": pid, "new": second.id, "zh_at": zh_at,
                                      "en_at": en_at}, expect, [first, second],
                            {pid, second.id}, order)

    def _move(self, pid: int, body: dict) -> dict:
        bead = self._bead(pid)
        side, to = _text(body, "side", 2), _text(body, "to", 4)
        order = [b.id for b in self.store.beads()]
        other = self._neighbour(order, pid, 1 if to == "next" else -1)
        expect = dict([self._expect(body, "version", bead),
                       self._expect(body, "neighbour_version", other)])
        moved, grown = edits.move(bead, other, side or "", to or "")
        remove = [] if (moved.zh or moved.en) else [pid]
        if remove:
            order.remove(pid)
        keep = [grown] + ([] if remove else [moved])
        return self._commit("move", {"id": pid, "side": side, "to": to, "neighbour": other.id},
                            expect, keep, {pid, other.id}, order, remove=remove)

    def set_flag(self, fid: int, body: dict) -> dict:
        status = _text(body, "status", 20)
        if status not in FLAG_STATUSES:
            raise ApiError(400, f"status must be one of {', '.join(FLAG_STATUSES)}")
        with self._lock:
            flag = self.store.flag(fid)
            if flag is None:
                raise ApiError(404, f"no flag {fid} (the checks ran again since: reload)")
            before = self.store.seq
            self.store.set_verdict(flag, status)
            return self.state(since=before)

    def export(self, body: dict) -> dict:
        fmt = _text(body, "format", 10) or "tmx"
        if fmt not in APP_EXPORTS:
            raise ApiError(400, f"format must be one of {', '.join(APP_EXPORTS)}")
        name = APP_EXPORTS[fmt]
        with self._lock:
            try:
                summary = export_review(self.store, self.outdir / name, langs=self.langs)
            except InputError as exc:
                raise ApiError(400, str(exc)) from None
        return {"file": name, "download": f"/api/export/{name}", "summary": summary}

    def exported(self, name: str) -> Path:
        if name not in APP_EXPORTS.values() or not (self.outdir / name).is_file():
            raise ApiError(404, f"{name} has not been exported yet")
        return self.outdir / name
