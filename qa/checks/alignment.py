"""Alignment-level checks: segments with no counterpart, and doubtful beads.

They read only the pair (an empty side means a 1-0 or 0-1 bead, or an empty
cell in a pairs file), so they work the same on aligned documents and on
pairs imported from TSV/TMX.
"""

from __future__ import annotations

from dataclasses import dataclass

from align.model import Pair
from qa.model import Check, Context, Flag

#: beads below this confidence are worth a second look; tuned so that the
#: 学习时报 document's correct beads stay quiet (see tests/test_cli.py)
LOW_CONFIDENCE = 0.3


@dataclass(frozen=True)
class LowConfidenceOptions:
    #: beads whose posterior confidence is below this are flagged
    threshold: float = LOW_CONFIDENCE


def _whole(text: str) -> tuple[tuple[int, int], ...]:
    return ((0, len(text)),) if text else ()


def missing_translation(pair: Pair, ctx: Context) -> list[Flag]:
    if not pair.zh.strip() or pair.en.strip():
        return []
    return [UNALIGNED.flag(
        pair, f"No English translation for this Chinese text: '{_clip(pair.zh)}'.",
        zh_spans=_whole(pair.zh),
        suggestion="Translate the sentence, or confirm it was left out on purpose.",
    )]


def extra_english(pair: Pair, ctx: Context) -> list[Flag]:
    if pair.zh.strip() or not pair.en.strip():
        return []
    # the check reports two kinds: registered as Accuracy/Omission (text with
    # no translation), English with no Chinese is an Accuracy/Addition
    return [UNALIGNED.flag(
        pair, f"This English text has no Chinese source: '{_clip(pair.en)}'.",
        en_spans=_whole(pair.en), category="Accuracy/Addition",
        suggestion="Remove it, or check whether the source sentence is missing.",
    )]


def unaligned(pair: Pair, ctx: Context) -> list[Flag]:
    return missing_translation(pair, ctx) + extra_english(pair, ctx)


def low_confidence(pair: Pair, ctx: Context) -> list[Flag]:
    threshold = ctx.options_of(LOW_CONFIDENCE_CHECK).threshold
    if pair.score is None or pair.score >= threshold or not (pair.zh.strip() and pair.en.strip()):
        return []
    return [LOW_CONFIDENCE_CHECK.flag(
        pair, zh_spans=_whole(pair.zh), en_spans=_whole(pair.en),
        message=(f"The aligner is unsure these belong together (confidence {pair.score:.2f}): "
                 "the English may translate a different sentence, or only part of this one."),
    )]


def _clip(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


LOW_CONFIDENCE_CHECK = Check("low-confidence", "Accuracy/Mistranslation", "minor",
                             "Pairs the aligner matched with low confidence.", low_confidence,
                             options=LowConfidenceOptions)

UNALIGNED = Check("unaligned", "Accuracy/Omission", "major",
                  "Chinese text with no English (1-0 bead) or English with no Chinese (0-1 bead).",
                  unaligned)

CHECKS = [UNALIGNED, LOW_CONFIDENCE_CHECK]
