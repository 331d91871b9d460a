"""Checks read Traditional Chinese through a Simplified view; flags keep the original.

The checks' lexicons are Simplified (see align/script_convert.py), so a pair
whose Chinese is Traditional is handed to them with its ``zh`` converted.  The
conversion keeps the text's length, so every ``zh_spans`` a check reports on
the view points at the same characters of the original.  What a flag *shows*
is then put back: ``flag.zh`` becomes the original text, and Chinese the
message or suggestion quotes from the pair (九龙治水, 百分之三十九点八) is
replaced by the characters the user wrote at that place.

Pairs without Traditional-only characters pass through untouched, and a run
over Simplified text restores nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from align.model import Pair
from align.script import HAN_RUN
from align.script_convert import to_simplified
from qa.model import Flag, Span


@dataclass(frozen=True)
class Converted:
    """One pair's Chinese as written and as the checks read it (same length)."""

    original: str
    simplified: str


@dataclass
class SimplifiedView:
    """The pairs as checks see them, and what to put back into their flags."""

    pairs: list[Pair]
    by_id: dict[int, Converted] = field(default_factory=dict)
    by_text: dict[str, Converted] = field(default_factory=dict)

    def restore(self, flags: Iterable[Flag]) -> list[Flag]:
        """Flags as if the checks had read the original text."""
        if not self.by_id:
            return list(flags)
        return [self._restore(f) for f in flags]

    def _restore(self, flag: Flag) -> Flag:
        sources = self._sources(flag)
        if not sources:
            return flag
        # A pair's whole text comes back as written; a term a document check
        # names (数实融合 across several pairs) is put back like a quotation.
        whole = next((c.original for c in sources if c.simplified == flag.zh), None)
        zh = whole if whole is not None else _put_back(flag.zh, sources, ())
        return replace(flag, zh=zh,
                       message=_put_back(flag.message, sources, flag.zh_spans),
                       suggestion=(None if flag.suggestion is None
                                   else _put_back(flag.suggestion, sources, flag.zh_spans)))

    def _sources(self, flag: Flag) -> list[Converted]:
        """The converted texts a flag may quote: its pair's, its pairs', or
        (for a flag that names no pair) the one whose text it carries."""
        ids = [flag.pair_id] if flag.pair_id is not None else list(flag.pair_ids)
        found = [self.by_id[i] for i in ids if i in self.by_id]
        if not found and flag.zh in self.by_text:
            found = [self.by_text[flag.zh]]
        return found


def simplified_view(pairs: Sequence[Pair]) -> SimplifiedView:
    """``pairs`` with each Traditional ``zh`` read as Simplified (len-preserving)."""
    view = SimplifiedView(pairs=[])
    for pair in pairs:
        simplified = to_simplified(pair.zh)
        if simplified == pair.zh:
            view.pairs.append(pair)
            continue
        converted = Converted(original=pair.zh, simplified=simplified)
        view.by_id[pair.id] = converted
        view.by_text[simplified] = converted
        view.pairs.append(replace(pair, zh=simplified))
    return view


def _put_back(text: str, sources: Sequence[Converted], spans: Sequence[Span]) -> str:
    """Each run of Han characters in ``text`` found in a pair's Simplified view
    replaced by what the original has there (inside a flagged span first:
    发 may be 發 in one place and 髮 in another).  A run the pair does not
    hold as written (an idiom quoted without the text's comma) is put back
    character by character."""
    def found(run: str) -> str | None:
        for c in sources:
            for start, end in (*spans, (0, len(c.simplified))):
                at = c.simplified.find(run, start, end)
                if at >= 0:
                    return c.original[at:at + len(run)]
        return None

    def original_of(run: str) -> str:
        whole = found(run)
        return whole if whole is not None else "".join(found(ch) or ch for ch in run)

    return HAN_RUN.sub(lambda m: original_of(m.group()), text)
