"""Small text helpers shared by the form checks.

They work on plain strings and return character spans ``(start, end)`` so
every check reports offsets the same way.  Nothing here loads data.
English sentences come from the one splitter, ``align.segment.en_sentence_spans``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from align.english import FORM_WORD
from align.script import HAN_RUN
from qa.model import Span

# A word for English-side checks: letters, digits, inner apostrophes and
# hyphens; align.english keeps every definition of an English word.
WORD_RE = FORM_WORD

# URLs, e-mail addresses and bare domains: never judged as prose.
URL_RE = re.compile(
    r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|cn|org|net|gov|edu|ai|io)\b\S*")

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


#: what every match of URL_RE holds: its scan backtracks over each run of non-spaces at every
#: position, so a text without any of these (most prose) is not scanned by it
_URL_HINT = re.compile(r"@|://|www\.|\.(?:com|cn|org|net|gov|edu|ai|io)\b")


def url_spans(text: str) -> list[Span]:
    if _URL_HINT.search(text) is None:
        return []
    return [m.span() for m in URL_RE.finditer(text)]


def quote(text: str, span: Span, limit: int = 60) -> str:
    """The spanned text for a message, shortened in the middle if long."""
    piece = " ".join(text[span[0]:span[1]].split())
    if len(piece) > limit:
        half = (limit - 1) // 2
        piece = piece[:half].rstrip() + "…" + piece[-half:].lstrip()
    return f"“{piece}”"
