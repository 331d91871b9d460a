"""Capitalisation in the English: sentences that start in lowercase and
acronyms written in lowercase ("smes", "ai").

MQM counts capitalisation under Fluency/Spelling, so both report there.
"""

from __future__ import annotations

import re

from align.model import Pair
from align.segment import en_sentence_spans, is_en_heading, is_zh_heading
from qa.english_lexicon import is_known
from qa.model import Check, Context, Flag
from qa.text import url_spans

# Acronyms whose lowercase form is not an English word, so "ai" or "smes" in
# running text is always a capitalisation slip.  Lowercase → correct form.
LOWERCASE_ACRONYMS: dict[str, str] = {
    "ai": "AI", "sme": "SME", "smes": "SMEs", "msme": "MSME", "msmes": "MSMEs", "eda": "EDA",
    "gdp": "GDP", "ict": "ICT", "iot": "IoT", "iiot": "IIoT", "cpc": "CPC", "ccp": "CCP",
    "npc": "NPC", "cppcc": "CPPCC", "soe": "SOE", "soes": "SOEs", "ceo": "CEO", "ceos": "CEOs",
    "cpu": "CPU", "cpus": "CPUs", "gpu": "GPU", "gpus": "GPUs", "erp": "ERP", "api": "API",
    "apis": "APIs", "saas": "SaaS", "paas": "PaaS", "iaas": "IaaS", "ipo": "IPO", "ipos": "IPOs",
    "rmb": "RMB", "wto": "WTO", "fdi": "FDI", "esg": "ESG", "rcep": "RCEP", "asean": "ASEAN",
    "apec": "APEC", "brics": "BRICS", "nlp": "NLP", "llm": "LLM", "llms": "LLMs", "gpt": "GPT",
    "vr": "VR", "evs": "EVs", "plc": "PLC", "cnc": "CNC", "mes": "MES", "ucc": "UCC",
    "prc": "PRC", "usa": "USA", "eu": "EU", "un": "UN", "imf": "IMF", "oecd": "OECD",
}
# Lowercase forms that are also ordinary English words: only flagged when the
# Chinese source itself has the acronym in capitals.
_ALSO_WORDS = {"mes", "un"}

_LATIN_CAPS_RE = re.compile(r"(?<![A-Za-z])[A-Z]{2,}(?![A-Za-z])")
_WORD_RE = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
_OPENING = "“\"‘'(["
# Words no heading ends with: an English line ending in one was cut mid-sentence.
_DANGLING = {"the", "a", "an", "of", "and", "or", "to", "in", "on", "for", "with", "by", "from", "that",
             "as", "at", "into", "its", "their", "our", "is", "are", "was", "were", "be", "will"}
_REPORTING_VERBS = {"said", "says", "added", "noted", "asked", "told", "wrote", "explained", "stressed"}


def lowercase_sentence_start(pair: Pair, ctx: Context) -> list[Flag]:
    en = pair.en
    urls = url_spans(en)
    flags = []
    for index, (start, end) in enumerate(en_sentence_spans(en, keep_quotations=False)):
        i = start
        while i < end and en[i] in _OPENING:
            i += 1
        m = _WORD_RE.match(en, i)
        if not m or not m.group()[0].islower():
            continue
        word = m.group()
        if any(c.isupper() for c in word[1:]) or any(a <= m.start() < b for a, b in urls):
            continue  # iPhone, eBay, www.chinanews.com keep their lowercase start
        if index == 0 and start == len(en) - len(en.lstrip()) and (
                _continues_previous(pair, ctx) or word in _REPORTING_VERBS):
            continue  # the segmenter split a sentence ("…,” said X.); not a capitalisation slip
        fixed = LOWERCASE_ACRONYMS.get(word, word[0].upper() + word[1:])
        flags.append(CAPITALISATION.flag(
            pair, f"Sentence starts with a lowercase letter: {word!r}.",
            en_spans=(m.span(),), suggestion=fixed,
        ))
    return flags


def _continues_previous(pair: Pair, ctx: Context) -> bool:
    """The previous pair's English stops mid-sentence, so this pair's lowercase
    start carries on that sentence.  A heading, title or speaker byline before
    it ends without a full stop too, but what follows it starts afresh."""
    pairs = list(ctx.pairs)
    for k, other in enumerate(pairs):
        if other is pair or other.id == pair.id:
            if k == 0:
                return False
            before = pairs[k - 1]
            previous = before.en.rstrip()
            if not previous or looks_like_heading(before):
                return False
            return not re.search(r"[.!?…:][\"”’)\]]*$", previous)
    return False


def looks_like_heading(pair: Pair) -> bool:
    """A heading or byline pair: marked so, or shaped like one on both sides
    (the segmenter's own tests, as if the pair were a paragraph of its own).
    Pairs from the pipeline are only marked when every segment is a heading."""
    if pair.heading:
        return True
    zh, en = pair.zh.strip(), pair.en.strip()
    last_word = en.split()[-1].lower() if en else ""
    if last_word in _DANGLING:
        return False  # "… the construction of": a sentence cut short, not a title
    return bool(zh) and is_zh_heading(zh, True) and (not en or is_en_heading(en, True))


def lowercase_acronyms(pair: Pair, ctx: Context) -> list[Flag]:
    en = pair.en
    source_caps: dict[str, str] = {}
    for m in _LATIN_CAPS_RE.finditer(pair.zh):
        source_caps[m.group().lower()] = m.group()
        source_caps[m.group().lower() + "s"] = m.group() + "s"
    urls = url_spans(en)
    flags = []
    for m in _WORD_RE.finditer(en):
        word = m.group()
        if not word.islower() or en[m.start() - 1:m.start()] == "." or any(a <= m.start() < b for a, b in urls):
            continue  # Pony.ai, chinanews.com
        proper = source_caps.get(word) or LOWERCASE_ACRONYMS.get(word)
        if proper is None:
            continue
        if word in _ALSO_WORDS and word not in source_caps:
            continue
        if word in source_caps and word not in LOWERCASE_ACRONYMS and _is_word(word):
            continue  # "app" for APP, "apps" for APPs: ordinary English words
        flags.append(CAPITALISATION_ACRONYM.flag(
            pair, f"Acronym written in lowercase: {word!r} should be {proper!r}.",
            en_spans=(m.span(),), suggestion=proper,
        ))
    return flags


def _is_word(word: str) -> bool:
    return is_known(word)


CAPITALISATION = Check(id="capitalisation", category="Fluency/Spelling", severity="minor",
                       description="Sentence starting with a lowercase letter.",
                       run=lowercase_sentence_start)
CAPITALISATION_ACRONYM = Check(id="capitalisation-acronym", category="Fluency/Spelling", severity="minor",
                               description="Acronym written in lowercase (smes, ai, eda).",
                               run=lowercase_acronyms)

CHECKS = [CAPITALISATION, CAPITALISATION_ACRONYM]
