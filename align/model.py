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
class InlineCode:
    """One inline code of a CAT segment (TMX ``<bpt>``, XLIFF ``<g>``…), kept
    out of the text checks read but never lost.

    ``offset`` is where it sits in the pair's plain text; ``xml`` is the code
    as it was written (no namespace declarations); ``kind`` says whether it
    opens a paired code (a ``<g>`` start tag), closes one, or stands alone (a
    whole ``<bpt>…</bpt>`` or ``<x/>`` element).  ``text`` is plain text the
    code also contributes to the segment (a placeholder ``<ph>{0}</ph>``
    whose ``{0}`` checks should see): a writer puts ``xml`` in its place.
    ``origin`` is the format that wrote it ("tmx", "xliff1", "xliff2"):
    writers insert codes of their own format as they are and wrap foreign
    ones in their own generic codes, so every file stays valid.
    """

    offset: int
    xml: str
    kind: str = "standalone"  # "open" | "close" | "standalone"
    text: str = ""
    origin: str = "tmx"


@dataclass(frozen=True)
class Pair:
    """An aligned pair as QA sees it: joined texts plus where they came from.

    ``unit_id`` is the id the input gave the unit (TMX ``tuid``, XLIFF
    ``id``, a TSV ``id`` column), kept so every flag and output unit can be
    traced back to the CAT segment; ``id`` stays zhen's 0-based position.
    ``zh_codes``/``en_codes`` are the inline codes removed from the texts.
    """

    id: int
    zh: str
    en: str
    zh_ids: tuple[int, ...] = ()
    en_ids: tuple[int, ...] = ()
    score: float | None = None
    para: int = 0
    heading: bool = False
    unit_id: str | None = None
    zh_codes: tuple[InlineCode, ...] = ()
    en_codes: tuple[InlineCode, ...] = ()
    #: quality estimate in [0, 100] (qa/qe.py), filled in after the checks
    qe: float | None = None


@dataclass
class Alignment:
    """The result of aligning one bitext: both segment lists and the beads."""

    zh: list[Segment]
    en: list[Segment]
    beads: list[Bead] = field(default_factory=list)
