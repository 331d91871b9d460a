"""Small text helpers shared by the form checks.

They work on plain strings and return character spans ``(start, end)`` so
every check reports offsets the same way.  Nothing here loads data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from align.english import FORM_WORD
from align.script import HAN_RUN, has_han
from qa.model import Span

# A word for English-side checks: letters, digits, inner apostrophes and
# hyphens; align.english keeps every definition of an English word.
WORD_RE = FORM_WORD

# URLs, e-mail addresses and bare domains: never judged as prose.
URL_RE = re.compile(
    r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|cn|org|net|gov|edu|ai|io)\b\S*")

# Tokens that end with a period but do not end a sentence.
ABBREVIATIONS = frozenset({
    "e.g", "i.e", "etc", "vs", "mr", "mrs", "ms", "dr", "prof", "no", "st",
    "fig", "approx", "inc", "ltd", "co", "jr", "sr", "u.s", "u.k", "p.m", "a.m",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
})

_INITIALS_RE = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$")  # D.C, U.S, e.g

# Sentence-final punctuation optionally followed by closing quotes/brackets.
_SENTENCE_END_RE = re.compile(r"[.!?…]+[\"”’)\]]*")


@dataclass(frozen=True)
class Token:
    """A word of the English side with its offsets."""

    text: str
    start: int
    end: int

    @property
    def span(self) -> Span:
        return (self.start, self.end)


def han_runs(text: str) -> list[Span]:
    """Spans of each maximal run of Han characters."""
    return [m.span() for m in HAN_RUN.finditer(text)]


def words(text: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end()) for m in WORD_RE.finditer(text)]


def url_spans(text: str) -> list[Span]:
    return [m.span() for m in URL_RE.finditer(text)]


def quote(text: str, span: Span, limit: int = 60) -> str:
    """The spanned text for a message, shortened in the middle if long."""
    piece = " ".join(text[span[0]:span[1]].split())
    if len(piece) > limit:
        half = (limit - 1) // 2
        piece = piece[:half].rstrip() + "…" + piece[-half:].lstrip()
    return f"“{piece}”"


def sentence_spans(text: str) -> list[Span]:
    """Rough English sentence spans (no surrounding whitespace).

    Splits at line breaks and after . ! ? … (plus closing quotes) when the
    next word starts with a capital, digit or opening quote — and not after a
    known abbreviation or a single initial.  Good enough for the form checks,
    which only need sentence starts and ends; the real segmenter lives in
    ``align``.
    """
    spans: list[Span] = []
    for line in re.finditer(r"[^\n]+", text):
        base = line.start()
        body = line.group()
        start = 0
        for m in _SENTENCE_END_RE.finditer(body):
            end = m.end()
            rest = body[end:]
            if not rest.strip():
                continue
            if not rest[:1].isspace():
                continue
            nxt = rest.lstrip()
            if not (nxt[:1].isupper() or nxt[:1].isdigit() or nxt[:1] in "“\"‘'([" or has_han(nxt[:1])):
                continue
            if body[m.start()] == ".":
                prev = re.search(r"([A-Za-z.]+)$", body[:m.start()])
                if prev and (prev.group(1).lower() in ABBREVIATIONS or len(prev.group(1)) == 1
                             or _INITIALS_RE.match(prev.group(1))):
                    continue
            if body.count("(", start, m.start()) > body.count(")", start, m.start()):
                continue  # "(603716. SH)": inside brackets
            _append_trimmed(spans, body, base, start, end)
            start = end
        _append_trimmed(spans, body, base, start, len(body))
    return spans


def _append_trimmed(spans: list[Span], body: str, base: int, start: int, end: int) -> None:
    piece = body[start:end]
    stripped = piece.strip()
    if not stripped:
        return
    lead = len(piece) - len(piece.lstrip())
    spans.append((base + start + lead, base + start + lead + len(stripped)))
