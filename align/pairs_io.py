"""Read already-aligned segment pairs: TSV/CSV, TMX, XLIFF 1.2 and 2.0.

Teams that align in a CAT tool still want zhen's QA, so these formats enter
the pipeline after the align stage as ready-made :class:`Pair` lists.  The
formats themselves are read by the modules of :mod:`align.formats` (chosen
by content or extension); this module turns their units into pairs: zhen's
own props (segment ids, paragraph, heading, confidence) back into fields,
ids made unique, and every unit accounted for as a pair or a skip.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from align.errors import InputError
from align.formats import for_input
from align.formats.unit import SkippedUnit, Unit
from align.model import Pair
from align.read import read_file_bytes

__all__ = ["PairsInput", "SkippedUnit", "read_pairs", "unit_pair"]


@dataclass(frozen=True)
class PairsInput:
    """What :func:`read_pairs` read: every unit is a pair or a skip.

    ``renamed`` lists (input id, id used) for units whose id repeated an
    earlier one and was made unique; ``encoding`` is the detected encoding.
    """

    pairs: list[Pair]
    skipped: tuple[SkippedUnit, ...] = ()
    encoding: str = "utf-8"
    renamed: tuple[tuple[str, str], ...] = ()

    @property
    def units(self) -> int:
        """Units in the input: pairs out + skipped, by construction."""
        return len(self.pairs) + len(self.skipped)


def read_pairs(path: str | Path) -> PairsInput:
    """Read aligned pairs from a TSV/CSV, TMX or XLIFF file.

    The format is taken from the content when it is XML (so a TMX saved as
    .xml works) and from the suffix otherwise.  Pair ids are 0-based in file
    order; the file's own unit ids go to ``Pair.unit_id`` (made unique, see
    ``PairsInput.renamed``).  A unit with a source and no translation is a
    pair with an empty side; a unit with nothing zhen can use is listed in
    ``PairsInput.skipped``, never dropped silently.
    """
    path = Path(path)
    data = read_file_bytes(path)
    if not data.strip():
        raise InputError(f"{path}: file is empty or blank")
    read = for_input(path, data).read(data, path)
    pairs: list[Pair] = []
    skipped: list[SkippedUnit] = []
    for got in read.units:
        if isinstance(got, SkippedUnit):
            skipped.append(got)
        else:
            pairs.append(unit_pair(got, len(pairs)))
    pairs, renamed = _unique_unit_ids(pairs)
    return PairsInput(pairs, tuple(skipped), read.encoding, renamed)


def unit_pair(unit: Unit, index: int) -> Pair:
    """The unit as pair number ``index``: zhen's own props (x-zhen-zh-ids,
    x-zhen-en-ids, x-zhen-para, x-zhen-heading) give back what zhen wrote;
    the first prop whose type names a score or confidence is the score."""
    return Pair(
        id=index,
        zh=unit.zh,
        en=unit.en,
        zh_ids=_int_tuple(unit.prop("x-zhen-zh-ids")),
        en_ids=_int_tuple(unit.prop("x-zhen-en-ids")),
        score=_score(unit),
        para=_int_or(unit.prop("x-zhen-para"), 0),
        heading=unit.prop("x-zhen-heading").lower() == "true",
        unit_id=unit.id or None,
        zh_codes=unit.zh_codes,
        en_codes=unit.en_codes,
    )


def _unique_unit_ids(
    pairs: list[Pair],
) -> tuple[list[Pair], tuple[tuple[str, str], ...]]:
    """Keep the first of each repeated unit id; later ones get "-2", "-3"…
    (the first free suffix), so outputs never hold two units with one id."""
    used = {p.unit_id for p in pairs if p.unit_id is not None}
    seen: set[str] = set()
    renamed: list[tuple[str, str]] = []
    out: list[Pair] = []
    for pair in pairs:
        uid = pair.unit_id
        if uid is not None and uid in seen:
            n = 2
            while f"{uid}-{n}" in used:
                n += 1
            new = f"{uid}-{n}"
            used.add(new)
            renamed.append((uid, new))
            pair = replace(pair, unit_id=new)
        if pair.unit_id is not None:
            seen.add(pair.unit_id)
        out.append(pair)
    return out, tuple(renamed)


def _int_tuple(text: str) -> tuple[int, ...]:
    try:
        return tuple(int(i) for i in text.split())
    except ValueError:
        return ()


def _int_or(text: str, default: int) -> int:
    try:
        return int(text)
    except ValueError:
        return default


def _score(unit: Unit) -> float | None:
    for kind, value in unit.props:
        if "score" in kind or "confidence" in kind:  # zhen writes x-zhen-confidence
            try:
                return float(value)
            except ValueError:
                return None
    return None
