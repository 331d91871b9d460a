"""Inline codes and markup tags: the translation must carry the source's.

Like Xbench's tag check: a code of the Chinese (a TMX ``<bpt>``, an XLIFF
``<g>``/``<x/>``, or HTML in a plain cell: ``<b>``, ``<br/>``) missing from
the English, a code the English adds, a paired code left open or closed
out of order in the English while the Chinese has it balanced, and — minor
— the same codes in a different order (sometimes what English word order
needs, so only worth a look).

It reads the pairs as read (``ctx.resources["raw_pairs"]``): the other checks
see them with markup removed (qa/markup.py).  XML codes are compared by
their XML; HTML tags by name and kind (open, close, empty), not attributes,
which a translation may rightly change (``title="…"``).  A text without
codes or tags never gets a flag.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from align.model import InlineCode, Pair
from qa.markup import find_tags
from qa.model import Check, Context, Flag, Span

#: XML codes that pair with another code, and the attribute that pairs them
_PAIRED = re.compile(r"""^<(bpt|ept|sc|ec)\b[^>]*?\b(?:i|rid|startRef|id)=["']([^"']*)["']""")


@dataclass(frozen=True)
class Mark:
    """A code or tag on one side: what must match, how it pairs, where it is."""

    key: str  # compared across the sides
    kind: str  # "open", "close" or "self"
    pairing: str  # open and close with the same pairing belong together
    span: Span  # in the side's text ((i, i+1) next to a code that has no text)
    order: int  # position in the side's sequence

    @property
    def label(self) -> str:
        return _short(self.key)


def _short(key: str) -> str:
    return key if len(key) <= 40 else key[:39] + "…"


def _code_span(code: InlineCode, text: str) -> Span:
    """An XML code has no characters in the text: point at the one next to it."""
    if not text:
        return (0, 0)
    at = min(code.offset, len(text))
    return (at, at + 1) if at < len(text) else (at - 1, at)


def _code_mark(code: InlineCode, text: str, order: int) -> Mark:
    key = " ".join(code.xml.split())
    kind, pairing = {"open": "open", "close": "close"}.get(code.kind, "self"), ""
    m = _PAIRED.match(code.xml)
    if m:
        kind = "open" if m.group(1) in ("bpt", "sc") else "close"
        pairing = f"{m.group(1) in ('bpt', 'ept')}:{m.group(2)}"
    elif kind == "close":
        pairing = code.xml[2:-1]
    elif kind == "open":
        pairing = re.match(r"<([\w:.-]+)", code.xml).group(1)
    return Mark(key, kind, pairing, _code_span(code, text), order)


def marks(text: str, codes: tuple[InlineCode, ...]) -> list[Mark]:
    """The codes and HTML tags of one side, in text order."""
    found: list[tuple[int, int, Mark]] = []
    for i, code in enumerate(codes):
        found.append((code.offset, i, _code_mark(code, text, 0)))
    for tag in find_tags(text):
        if tag.name == "!--":
            continue
        slash = "/" if tag.kind == "close" else ""
        end = "/" if tag.kind == "self" else ""
        found.append((tag.start, len(codes), Mark(f"<{slash}{tag.name}{end}>", tag.kind, tag.name,
                                                 tag.span, 0)))
    found.sort(key=lambda f: (f[0], f[1]))
    return [Mark(m.key, m.kind, m.pairing, m.span, n) for n, (_, _, m) in enumerate(found)]


def unbalanced(side: list[Mark]) -> list[Mark]:
    """Paired marks left open, closed without an open, or closed across another."""
    stack: list[Mark] = []
    bad: list[Mark] = []
    for mark in side:
        if mark.kind == "open":
            stack.append(mark)
        elif mark.kind == "close":
            if stack and stack[-1].pairing == mark.pairing:
                stack.pop()
            else:
                bad.append(mark)
    return bad + stack


def check_tags(pair: Pair, ctx: Context) -> list[Flag]:
    raw = ctx.resources.get("raw_pairs", {}).get(pair.id, pair)
    if not (raw.zh.strip() and raw.en.strip()):
        return []  # a missing side is the unaligned check's
    zh, en = marks(raw.zh, raw.zh_codes), marks(raw.en, raw.en_codes)
    if not zh and not en:
        return []
    flags: list[Flag] = []
    zh_count, en_count = Counter(m.key for m in zh), Counter(m.key for m in en)
    missing, added = zh_count - en_count, en_count - zh_count
    if missing:
        flags.append(TAGS.flag(
            raw, f"Missing in the English: {_listing(missing)} (in the Chinese).",
            zh_spans=tuple(m.span for m in zh if m.key in missing), severity="major"))
    if added:
        flags.append(TAGS.flag(
            raw, f"Added in the English: {_listing(added)} (not in the Chinese).",
            en_spans=tuple(m.span for m in en if m.key in added), severity="major"))
    if flags:
        return flags
    broken = unbalanced(en)
    if broken and not unbalanced(zh):
        return [TAGS.flag(
            raw, "Unbalanced in the English: " + ", ".join(m.label for m in broken)
            + " (balanced in the Chinese).",
            en_spans=tuple(m.span for m in broken), severity="major")]
    if [m.key for m in zh] != [m.key for m in en]:
        moved = [e for z, e in zip(zh, en) if z.key != e.key]
        return [TAGS.flag(
            raw, "The English has the Chinese codes in another order: "
            + " ".join(m.label for m in en) + "; check they still wrap the right words.",
            en_spans=tuple(m.span for m in moved), severity="minor")]
    return []


def _listing(keys: Counter[str]) -> str:
    return ", ".join(f"{n}× {_short(k)}" if n > 1 else _short(k) for k, n in keys.items())


TAGS = Check(
    "tags", "Design/Markup", "major",
    "Inline codes and markup tags missing, added, unbalanced or reordered in the English.",
    check_tags, needs=frozenset({"raw_pairs"}))

CHECKS = [TAGS]
