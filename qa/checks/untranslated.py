"""Source text left in the translation.

Three symptoms, each with its own check id so a translator can silence one:
Han characters in the English, an English side identical to the Chinese, and
full-width (Chinese) punctuation in the English.
"""

from __future__ import annotations

import re
import unicodedata

from align.model import Pair
from align.script import has_han
from qa.model import Check, Context, Flag
from qa.text import han_runs, quote

# Full-width punctuation that has an ASCII counterpart in English.  “ ” ‘ ’ —
# and … are proper English typography and are left alone.
FULLWIDTH_TO_ASCII = {
    "，": ",", "。": ".", "：": ":", "；": ";", "！": "!", "？": "?",
    "（": "(", "）": ")", "【": "[", "】": "]", "、": ",", "「": "“", "」": "”",
    "『": "“", "』": "”", "《": "“", "》": "”", "％": "%", "　": " ",
}
_FULLWIDTH_RE = re.compile("[" + re.escape("".join(FULLWIDTH_TO_ASCII)) + "]+")


def han_in_english(pair: Pair, ctx: Context) -> list[Flag]:
    flags = []
    for span in han_runs(pair.en):
        text = pair.en[span[0]:span[1]]
        glossed = _in_brackets(pair.en, span)
        flags.append(UNTRANSLATED.flag(
            pair, (f"Chinese text {quote(pair.en, span)} kept in brackets in the English; "
                   f"check that the gloss is intended." if glossed else
                   f"Chinese text {quote(pair.en, span)} is left untranslated in the English."),
            zh_spans=_locate(pair.zh, text), en_spans=(span,),
            # graded: "lying flat (躺平)", a deliberate gloss, is worth a look, not an error
            severity="minor" if glossed else None,
        ))
    return flags


def identical_to_source(pair: Pair, ctx: Context) -> list[Flag]:
    """A target equal to its source is a copy, not a translation — unless it
    is something language-neutral (a URL, a number, an acronym)."""
    zh, en = pair.zh.strip(), pair.en.strip()
    if not zh or not has_han(zh) or comparable(zh) != comparable(en):
        return []
    start = pair.en.index(en)
    return [UNTRANSLATED_COPY.flag(
        pair, "The English is identical to the Chinese source: this segment was not translated.",
        zh_spans=((pair.zh.index(zh), pair.zh.index(zh) + len(zh)),),
        en_spans=((start, start + len(en)),),
    )]


def comparable(text: str) -> str:
    """The text as a copy check should see it: NFKC folds width (Ａ→A, full-width
    digits and ideographic space) and every whitespace run becomes one space, so
    a copy whose no-break spaces became plain spaces on the way is still a copy."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def fullwidth_punctuation(pair: Pair, ctx: Context) -> list[Flag]:
    """Full-width marks in English text: usually a copy-paste from the
    source, and they render with odd spacing.  Marks touching a Han run are
    part of the untranslated Chinese, which the Han check reports."""
    flags = []
    for m in _FULLWIDTH_RE.finditer(pair.en):
        if _inside_han(pair.en, m.start(), m.end()):
            continue
        replacement = "".join(FULLWIDTH_TO_ASCII[c] for c in m.group())
        flags.append(UNTRANSLATED_PUNCTUATION.flag(
            pair, f"Full-width punctuation {quote(pair.en, m.span())} in the English; "
                  f"use {replacement!r}.",
            en_spans=(m.span(),), suggestion=replacement,
        ))
    return flags


def _in_brackets(text: str, span: tuple[int, int]) -> bool:
    before = text[:span[0]].rstrip()[-1:]
    after = text[span[1]:].lstrip()[:1]
    return before in "(（[" and before != "" and after in ")）]" and after != ""


def _inside_han(text: str, start: int, end: int) -> bool:
    before = text[start - 1:start]
    after = text[end:end + 1]
    return has_han(before) or has_han(after)


def _locate(zh: str, piece: str) -> tuple[tuple[int, int], ...]:
    at = zh.find(piece)
    return ((at, at + len(piece)),) if at >= 0 else ()


UNTRANSLATED = Check(id="untranslated", category="Accuracy/Untranslated", severity="major",
                     description="Chinese characters left in the English translation.",
                     run=han_in_english)
UNTRANSLATED_COPY = Check(id="untranslated-copy", category="Accuracy/Untranslated", severity="critical",
                          description="English side identical to the Chinese source.",
                          run=identical_to_source)
UNTRANSLATED_PUNCTUATION = Check(id="untranslated-punctuation", category="Fluency/Punctuation",
                                 severity="minor", description="Full-width Chinese punctuation in the English.",
                                 run=fullwidth_punctuation)

CHECKS = [UNTRANSLATED, UNTRANSLATED_COPY, UNTRANSLATED_PUNCTUATION]
