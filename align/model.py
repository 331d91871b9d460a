"""Plain dataclasses passed between the stages read → segment → embed → align.

They carry data only; each stage lives in its own module and returns new
values instead of mutating these.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Bitext:
    """A Chinese source and its English translation as read from disk.

    ``zh`` and ``en`` are normalised text (NFC, no control characters, LF line
    ends); one line is one paragraph.  ``trailer`` holds boilerplate found after
    the translation (reprint notices, disclaimers): kept for the report but
    never aligned.
    """

    zh: str
    en: str
    source: str = ""
    encoding: str = "utf-8"
    trailer: str = ""


@dataclass(frozen=True)
class Segment:
    """One sentence (or heading) of one side.

    ``id`` is its 0-based position on its side; ``para`` the 0-based paragraph
    it belongs to, so paragraph boundaries survive segmentation.
    """

    id: int
    text: str
    para: int = 0
    heading: bool = False


@dataclass(frozen=True)
class Bead:
    """An alignment unit: zero or more zh segments with zero or more en segments.

    ``confidence`` is in [0, 1]; 1-0 and 0-1 beads carry the confidence that
    the segment really has no counterpart.
    """

    zh: tuple[int, ...]
    en: tuple[int, ...]
    confidence: float = 1.0

    @property
    def kind(self) -> str:
        return f"{len(self.zh)}-{len(self.en)}"


@dataclass(frozen=True)
class Pair:
    """An aligned pair as QA sees it: joined texts plus where they came from."""

    id: int
    zh: str
    en: str
    zh_ids: tuple[int, ...] = ()
    en_ids: tuple[int, ...] = ()
    score: float | None = None
    para: int = 0
    heading: bool = False
    #: quality estimate in [0, 100] (qa/qe.py), filled in after the checks
    qe: float | None = None


@dataclass
class Alignment:
    """The result of aligning one bitext: both segment lists and the beads."""

    zh: list[Segment]
    en: list[Segment]
    beads: list[Bead] = field(default_factory=list)
