"""Punctuation form of the English side.

Unbalanced or mismatched quotes and brackets, stray spacing around
punctuation, a missing full stop where the Chinese sentence ends, and a
mixture of straight and curly quotes.  Single quotes are left alone: ’ is
also the apostrophe, so their balance says nothing.
"""

from __future__ import annotations

import re

from align.model import Pair
from qa.model import Check, Context, Flag, Span
from qa.text import quote

_ZH_SENTENCE_END_RE = re.compile(r"[。！？!?…][”’」』）)]*\s*$")
# A full-width 。！？ also ends the sentence: the untranslated-punctuation
# check flags it (with "." as the fix), so it is no missing stop as well.
_EN_SENTENCE_END_RE = re.compile(r"[.!?…。！？][\"”’)\]]*\s*$")
_DOUBLE_SPACE_RE = re.compile(r"(?<=\S)[ \t]{2,}(?=\S)")
# After a word, or after a closing quote or bracket: `shopping" , strive`.
_SPACE_BEFORE_RE = re.compile(r"(?<=[\w\"”’)\]])[ \t]+([,.;:!?])(?![.\d])")
# An apostrophe cut off its word: "Iran’ s", "don ’t".
_SPLIT_APOSTROPHE_RE = re.compile(
    r"(?<![A-Za-z])[A-Za-z]+(?:['’][ \t]+|[ \t]+['’])(?:s|t|re|ve|ll|d|m)(?![A-Za-z0-9'’])")
_OPENERS = {"(": ")", "[": "]", "{": "}"}
_CLOSERS = {v: k for k, v in _OPENERS.items()}


def check_punctuation(pair: Pair, ctx: Context) -> list[Flag]:
    en = pair.en
    if not en.strip():
        return []
    found: list[tuple[Span, str, str | None]] = []
    found += _curly_quote_problems(en, pair.zh)
    found += _bracket_problems(en)
    for m in _DOUBLE_SPACE_RE.finditer(en):
        found.append((m.span(), "Doubled space.", " "))
    for m in _SPACE_BEFORE_RE.finditer(en):
        mark = m.group(1)
        found.append(((m.start(), m.end()), f"Space before {mark!r}.", mark))
    for m in _SPLIT_APOSTROPHE_RE.finditer(en):
        fixed = "".join(m.group().split())
        found.append((m.span(), f"Space inside {quote(en, m.span())}: the apostrophe belongs to the word.",
                      fixed))
    found += _missing_final_stop(pair)
    found.sort(key=lambda f: f[0])
    return [PUNCTUATION.flag(pair, message, en_spans=(span,), suggestion=suggestion)
            for span, message, suggestion in found]


def _double_quotes(en: str) -> list[tuple[int, str]]:
    """Every double quote as (position, "open"/"close").  Curly quotes say
    which they are; a straight one opens after a space or bracket (or at the
    start) and closes otherwise."""
    marks = []
    for i, ch in enumerate(en):
        if ch == "“":
            marks.append((i, "open"))
        elif ch == "”":
            marks.append((i, "close"))
        elif ch == '"':
            before, after = en[i - 1:i], en[i + 1:i + 2]
            opens = (not before or before.isspace() or before in "([{—–-") and after and not after.isspace()
            marks.append((i, "open" if opens else "close"))
    return marks


def _curly_quote_problems(en: str, zh: str) -> list[tuple[Span, str, str | None]]:
    """Match opening with closing double quotes.  A second opener before the
    first is closed means the first was never closed (English does not nest
    double quotes).  A quotation left open in the Chinese as well runs on into
    the next segment and is not reported."""
    problems: list[tuple[Span, str, str | None]] = []
    zh_open = zh.count("“") + zh.count("「") - zh.count("”") - zh.count("」")
    open_at: int | None = None
    for i, kind in _double_quotes(en):
        if kind == "open":
            if open_at is not None:
                problems.append(_unclosed(en, open_at, i))
            open_at = i
        else:
            if open_at is None and not zh_open < 0:
                problems.append(((i, i + 1),
                                 (f"Closing quote {en[i]} has no opening quote "
                                 f"(near {quote(en, _context(en, i))})."), None))
            open_at = None
    if open_at is not None and not zh_open > 0:
        problems.append(_unclosed(en, open_at, len(en)))
    straight = [i for i, ch in enumerate(en) if ch == '"']
    if straight and ("“" in en or "”" in en):
        for i in straight:
            problems.append(((i, i + 1),
                             'Straight quote " mixed with curly quotes “ ” in the same segment.',
                             "“" if dict(_double_quotes(en))[i] == "open" else "”"))
    return problems


def _unclosed(en: str, at: int, limit: int) -> tuple[Span, str, str | None]:
    end = _clause_end(en, at, limit)
    return ((at, at + 1),
            f"Opening quote {en[at]} is never closed: {quote(en, (at, end))}.",
            None)


def _clause_end(en: str, at: int, limit: int) -> int:
    """Where the quoted stretch plausibly ends, for the message only."""
    m = re.compile(r"[.;!?]").search(en, at, limit)
    return m.end() if m else min(limit, at + 60)


def _context(en: str, i: int) -> Span:
    return (max(0, i - 25), min(len(en), i + 25))


def _bracket_problems(en: str) -> list[tuple[Span, str, str | None]]:
    problems: list[tuple[Span, str, str | None]] = []
    stack: list[tuple[str, int]] = []
    for i, ch in enumerate(en):
        if ch in _OPENERS:
            stack.append((ch, i))
        elif ch in _CLOSERS:
            if stack and stack[-1][0] == _CLOSERS[ch]:
                stack.pop()
            else:
                problems.append(((i, i + 1),
                                 (f"Closing {ch!r} has no matching {_CLOSERS[ch]!r} "
                                 f"(near {quote(en, _context(en, i))})."), None))
    for ch, i in stack:
        problems.append(((i, i + 1),
                         f"Opening {ch!r} is never closed: {quote(en, (i, _clause_end(en, i, len(en))))}.",
                         None))
    return problems


def _missing_final_stop(pair: Pair) -> list[tuple[Span, str, str | None]]:
    """The Chinese ends a sentence (。！？) but the English just stops.
    Headings end without a stop on both sides and are skipped."""
    if pair.heading or not _ZH_SENTENCE_END_RE.search(pair.zh):
        return []
    en = pair.en.rstrip()
    if not en or _EN_SENTENCE_END_RE.search(en):
        return []
    last = re.search(r"(\S+)$", en)
    assert last is not None
    token = last.group(1)
    if token[-1] in ",;:":
        fixed = en[:-1] + "."
        return [((len(en) - 1, len(en)),
                 f"The Chinese sentence ends with a full stop but the English ends with {token[-1]!r}.",
                 fixed[last.start():])]
    return [((last.start(), last.end()),
             (f"The Chinese sentence ends with a full stop but the English ends without one, "
             f"after {quote(en, last.span())}."),
             token + ".")]


PUNCTUATION = Check(id="punctuation", category="Fluency/Punctuation", severity="minor",
                    description="Unbalanced quotes/brackets, spacing around punctuation, missing final stop, "
                                "mixed straight and curly quotes.",
                    run=check_punctuation)

CHECKS = [PUNCTUATION]
