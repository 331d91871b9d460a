"""The plain records every format module reads and writes.

A :class:`Unit` is one translation unit as a file holds it: its id, the
Chinese and the English with their inline codes, typed properties and
notes.  Readers yield units (or a :class:`SkippedUnit` saying why one could
not be used); writers take units.  What a unit *means* to zhen (segment ids,
alignment score, QA flags) is mapped to and from props and notes outside
this package, so each format module knows its container and nothing else.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from align.errors import InputError
from align.model import InlineCode


@dataclass(frozen=True)
class Note:
    """A note on a unit.  ``author`` is XLIFF's ``from`` (TMX notes have
    none); ``priority`` is XLIFF's 1 (highest) … 10, None for none."""

    text: str
    author: str = ""
    priority: int | None = None
    annotates: str = ""  # XLIFF 1.2: "general", "source" or "target"; '' for none


@dataclass(frozen=True)
class Unit:
    """One translation unit, in whichever container it came from or goes to.

    ``props`` are (type, value) pairs in file order (TMX ``<prop>``; a
    table's extra columns).  ``state``/``state_qualifier`` are the XLIFF 1.2
    target state and its qualifier ('' lets the writer choose); ``approved``
    is a human sign-off (XLIFF ``approved="yes"``).
    """

    id: str
    zh: str
    en: str
    zh_codes: tuple[InlineCode, ...] = ()
    en_codes: tuple[InlineCode, ...] = ()
    props: tuple[tuple[str, str], ...] = ()
    notes: tuple[Note, ...] = ()
    state: str = ""
    state_qualifier: str = ""
    approved: bool = False

    def prop(self, kind: str, default: str = "") -> str:
        """The first prop of type ``kind`` (case-insensitive)."""
        kind = kind.lower()
        return next((v for k, v in self.props if k.lower() == kind), default)


@dataclass(frozen=True)
class SkippedUnit:
    """A unit of the input zhen could not turn into a pair, and why.

    ``unit_id`` is the input's own id when it has one, else where the unit
    is ("row 7", "<tu> #3"), so the user can find it in the file.
    """

    unit_id: str
    reason: str


@dataclass(frozen=True)
class ReadUnits:
    """What a format's ``read`` returns: the detected text encoding and the
    units, streamed (a reader may raise InputError once they are consumed)."""

    encoding: str
    units: Iterator[Unit | SkippedUnit]


@dataclass(frozen=True)
class Languages:
    """The language codes written into a file (TMX ``xml:lang``, XLIFF
    ``source-language``…), checked once by :func:`languages`."""

    src: str = "zh-CN"
    tgt: str = "en-US"


#: zh-CN → en-US, the default of every writer and of --src-lang/--tgt-lang
DEFAULT_LANGS = Languages()


@dataclass
class WriteStats:
    """What a writer did: units written and characters XML 1.0 cannot carry
    that it removed (counted so the summary can say so)."""

    units: int = 0
    removed_chars: int = 0


# BCP 47 shape: language (2-3 letters, or 4-8 for registered ones), optional
# extlang, script, region, variants, extensions and private use.  Shape only:
# the registry of subtags is not shipped, and CAT tools accept any well-formed tag.
_BCP47 = re.compile(
    r"^[a-z]{2,3}(-[a-z]{3}){0,3}"
    r"(-[a-z]{4})?"
    r"(-([a-z]{2}|\d{3}))?"
    r"(-([a-z\d]{5,8}|\d[a-z\d]{3}))*"
    r"(-[\da-wyz](-[a-z\d]{2,8})+)*"
    r"(-x(-[a-z\d]{1,8})+)?$",
    re.IGNORECASE,
)
_ZH = {"cmn", "zho", "chi", "yue"}
_EN = {"en", "eng"}


def is_zh(lang: str) -> bool:
    """A code for Chinese (zh*, cmn, yue… ; '_' accepted for '-')."""
    lang = lang.strip().lower().replace("_", "-")
    return lang.startswith("zh") or lang.split("-")[0] in _ZH


def is_en(lang: str) -> bool:
    lang = lang.strip().lower().replace("_", "-")
    return lang.split("-")[0] in _EN


def languages(src: str = "zh-CN", tgt: str = "en-US") -> Languages:
    """Checked codes for the Chinese and the English side.

    A code that is not BCP 47 in shape, or names another language than the
    side holds (the source is Chinese, the target English, whatever the
    file), is an InputError: a TMX with a wrong code imports into the wrong
    language pair or not at all, and nothing would say why.
    """
    for option, code, ok, language, example in (
        ("--src-lang", src, is_zh, "Chinese", "zh-CN, zh-TW, zh-Hans"),
        ("--tgt-lang", tgt, is_en, "English", "en-US, en-GB"),
    ):
        if not _BCP47.match(code or ""):
            raise InputError(f"{option} {code!r} is not a BCP 47 language code (e.g. {example})")
        if not ok(code):
            raise InputError(f"{option} {code}: that side is {language}; use a code such as {example}")
    return Languages(src, tgt)
