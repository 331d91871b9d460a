"""Markup in a cell's text (``<b>``, ``<span class="num">``, ``&amp;``,
``<br/>``): found once, hidden from the checks, and put back in their flags.

A TSV or plain cell exported from a CMS often carries HTML.  Checks that read
it as prose raise false alarms: the quotes of ``class="num"`` look unbalanced,
``amp`` is no English word, a sentence ending in ``</b>`` has "no full stop".
So the checks see a *plain view* of each pair — tags removed, entities
decoded — and every flag they raise is mapped back: its ``zh``/``en`` become
the original texts and its spans are moved to the original offsets.

Why remove instead of masking with same-length filler: any filler is text to
some check (spaces make "doubled space" flags between ``the <b>digital``,
any other character sits between a word and its full stop), while the
removed view is exactly the prose a reader sees.  Spans stay right through
an offset map kept per view.  A tag that separates words (``<br/>``,
``<p>``) becomes one space unless whitespace is already there.

Only unmistakable markup is touched: a tag is ``<name>``, ``</name>``,
``<name/>`` or a tag whose attributes all have values (``a="b"``), so a
comparison such as "x<y and z>w" stays text; an entity is one HTML knows.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from html.entities import html5

from align.model import Pair
from qa.model import Flag, Span

_ATTR = r"""\s+[A-Za-z_:][A-Za-z0-9_:.-]*\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|[^\s"'<>`=]+)"""
TAG_RE = re.compile(rf"<(/?)([A-Za-z][A-Za-z0-9_:.-]*)((?:{_ATTR})*)\s*(/?)>|<!--.*?-->", re.DOTALL)
ENTITY_RE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
#: tags that separate words when rendered
_BREAKING = {"br", "p", "div", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "hr"}
#: HTML elements that never take a closing tag
VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "col", "area", "base", "source"}


@dataclass(frozen=True)
class Tag:
    """One markup tag found in a text: where it is and what it is.

    ``kind`` is "open", "close" or "self" (``<br/>``, or a void element such
    as ``<br>``); comments have name "!--" and kind "self".
    """

    start: int
    end: int
    name: str
    kind: str

    @property
    def span(self) -> Span:
        return (self.start, self.end)


def find_tags(text: str) -> list[Tag]:
    """The markup tags in ``text``, in order."""
    if "<" not in text:
        return []
    tags = []
    for m in TAG_RE.finditer(text):
        if m.group(2) is None:
            tags.append(Tag(m.start(), m.end(), "!--", "self"))
            continue
        name = m.group(2).lower()
        if m.group(1):
            kind = "close"
        elif m.group(4) or name in VOID:
            kind = "self"
        else:
            kind = "open"
        tags.append(Tag(m.start(), m.end(), name, kind))
    return tags


def _entity(match: re.Match[str]) -> str | None:
    raw = match.group()
    if raw[1] != "#" and raw[1:] not in html5:
        return None
    decoded = html.unescape(raw)
    return decoded if decoded != raw else None


@dataclass(frozen=True)
class PlainText:
    """A text with its markup removed, and the way back to the original.

    ``starts[i]``/``ends[i]`` are where plain character ``i`` begins and
    ends in the original (an entity's one character covers the whole
    entity).
    """

    original: str
    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def span_back(self, span: Span) -> Span:
        """A span of the plain text as a span of the original."""
        s, e = span
        n = len(self.text)
        s, e = max(0, min(s, n)), max(0, min(e, n))
        start = self.starts[s] if s < n else len(self.original)
        if e <= s:
            return (start, start)
        return (start, self.ends[e - 1])


def plain_text(text: str) -> PlainText | None:
    """``text`` without markup, or None when it has none (the common case)."""
    if "<" not in text and "&" not in text:
        return None
    cuts: list[tuple[int, int, str]] = []  # (start, end, replacement)
    for tag in find_tags(text):
        cuts.append((tag.start, tag.end, " " if tag.name in _BREAKING else ""))
    for m in ENTITY_RE.finditer(text):
        decoded = _entity(m)
        if decoded is not None and not any(s <= m.start() < e for s, e, _ in cuts):
            cuts.append((m.start(), m.end(), decoded))
    if not cuts:
        return None
    cuts.sort()
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for start, end, repl in cuts:
        for i in range(pos, start):
            out.append(text[i])
            starts.append(i)
            ends.append(i + 1)
        before = out[-1] if out else ""
        after = text[end:end + 1]
        if repl == " " and (not before or before.isspace() or not after or after.isspace()):
            repl = ""
        for ch in repl:
            out.append(ch)
            starts.append(start)
            ends.append(end)
        pos = end
    for i in range(pos, len(text)):
        out.append(text[i])
        starts.append(i)
        ends.append(i + 1)
    return PlainText(text, "".join(out), tuple(starts), tuple(ends))


@dataclass(frozen=True)
class MarkupViews:
    """The pairs as the checks see them (markup removed) and the way back.

    ``pairs`` go to the checks; ``raw`` maps pair id → the pair as read, for
    the one check that reads markup itself (``tags``); :meth:`restore` gives
    a check's flag the original texts and spans.
    """

    pairs: list[Pair]
    raw: dict[int, Pair]
    plain: dict[int, tuple[PlainText | None, PlainText | None]]

    @classmethod
    def of(cls, pairs: Sequence[Pair]) -> MarkupViews:
        views: list[Pair] = []
        plain: dict[int, tuple[PlainText | None, PlainText | None]] = {}
        for pair in pairs:
            zh, en = plain_text(pair.zh), plain_text(pair.en)
            if zh is None and en is None:
                views.append(pair)
                continue
            plain[pair.id] = (zh, en)
            views.append(replace(pair, zh=zh.text if zh else pair.zh,
                                 en=en.text if en else pair.en))
        return cls(pairs=views, raw={p.id: p for p in pairs}, plain=plain)

    def restore(self, flag: Flag) -> Flag:
        """``flag`` with the original texts and its spans moved back onto them."""
        ids = (flag.pair_id,) if flag.pair_id is not None else flag.pair_ids
        if len(ids) != 1 or ids[0] not in self.plain:
            return flag
        zh, en = self.plain[ids[0]]
        changes: dict = {}
        if zh is not None and flag.zh == zh.text:
            changes.update(zh=zh.original, zh_spans=tuple(zh.span_back(s) for s in flag.zh_spans))
        if en is not None and flag.en == en.text:
            changes.update(en=en.original, en_spans=tuple(en.span_back(s) for s in flag.en_spans))
        return replace(flag, **changes) if changes else flag
