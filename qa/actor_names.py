"""The English words that name a party of a who-does-what construction, beyond its word glosses.

The `roles` check finds each party (由A牵头、B配合, 在A的领导下B…, A向B报告) in the English by the
CC-CEDICT glosses of its words (``qa.role_agency.gloss_lemmas``).  Government bodies defeat that
in two ordinary ways:

* their names are abbreviations CC-CEDICT lacks or glosses by a loose sense (卫健委, 人社局, 医保局
  "medical insurance" for the Healthcare Security Administration), while ``qa/data/institutions.tsv``
  holds the bodies' own English names; a local body shares the name stem of the central one
  (市人社局 and 人社部 are both 人社 + a body suffix), so the stem finds it too;
* two parties often differ only by their level (县级河长 / 乡级河长, 省 / 市 bodies), and the level
  character alone is glossed by another sense first (省 "to save"); ``qa/data/admin_levels.tsv``
  gives its English level words.

``actor_lemmas`` is ``gloss_lemmas`` plus both; the other checks keep ``gloss_lemmas`` as it is.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from align.errors import InputError
from qa import lexicons as lx
from qa.admin_levels import load_levels
from qa.body_heads import GOVERNMENT_CHARS
from qa.data_table import data_lines

#: the level of a central body's name ("National Health Commission"): a provincial 卫健委 is none
_LEVEL_WORDS = frozenset({"national", "state", "central", "china", "chinese"})
#: the head nouns of a central body's name: a local body found by the name stem (市人社局) is no ministry
_HEAD_WORDS = frozenset({"ministry", "commission", "administration", "bureau", "department", "office", "general"})


def level_lemmas(text: str) -> frozenset[str]:
    """The level words of every level character that stands as a word of its own in ``text`` (市 of
    市教育局, 县 of 县卫健局; not 市 of 市场, which is a word of its own)."""
    levels = load_levels()
    out: set[str] = set()
    words = lx.cedict().segment(text)
    for k, word in enumerate(words):
        if word in levels:
            out |= levels[word]
            if k + 1 < len(words) and words[k + 1].startswith("级"):
                out.add("level")  # 乡 级: "township-level"
        elif len(word) == 2 and word[0] in levels and word[1] == "级":  # 县级, 省级: "county-level"
            out |= levels[word[0]] | {"level"}
    return frozenset(out)


@lru_cache(maxsize=1)
def _body_names() -> tuple[tuple[str, bool, frozenset[str]], ...]:
    """(Chinese name or name stem, whether it is a stem, lemmas of the body's standard English
    names), longest first.  A stem (人社 of 人社部) names a body only before a body suffix."""
    # the institution table and its reader (imported here: the checks package is heavy to load)
    from qa.checks.institutions import load_institutions

    out: dict[tuple[str, bool], set[str]] = {}
    for body in load_institutions():
        if body.kind != "body" or not body.standard:
            continue
        words: set[str] = set()
        for name in body.standard:
            words.update(w for w in lx.content_lemmas(name) if w not in _LEVEL_WORDS)
        for zh in body.zh:
            out.setdefault((zh, False), set()).update(words)
            if len(zh) >= 3 and zh[-1] in GOVERNMENT_CHARS:
                out.setdefault((zh[:-1], True), set()).update(words - _HEAD_WORDS)
    return tuple(sorted(((k, stem, frozenset(v)) for (k, stem), v in out.items()), key=lambda r: -len(r[0])))


@lru_cache(maxsize=1)
def _names_by_start() -> dict[str, tuple[int, ...]]:
    """The rows of :func:`_body_names` by their first two characters: a text is looked up by its
    own character pairs, not against every name the table holds (every name has two or more)."""
    out: dict[str, list[int]] = {}
    for k, (name, _, _) in enumerate(_body_names()):
        out.setdefault(name[:2], []).append(k)
    return {pair: tuple(ks) for pair, ks in out.items()}


def institution_lemmas(text: str) -> frozenset[str]:
    """The lemmas of the standard English names of the bodies named in ``text``: by a full name
    (卫健委), or by a central body's name stem followed by a body suffix (市人社局 → 人社部); a
    longer name wins over the shorter ones inside it."""
    out: set[str] = set()
    taken = [False] * len(text)
    index = _names_by_start()
    held = {k for at in range(len(text) - 1) for k in index.get(text[at:at + 2], ())}
    for name, stem, words in (_body_names()[k] for k in sorted(held)):  # longest first, as listed
        start = text.find(name)
        while start >= 0:
            end = start + len(name)
            if (not stem or text[end:end + 1] in GOVERNMENT_CHARS) and not any(taken[start:end]):
                out |= words
                taken[start:end] = [True] * (end - start)
            start = text.find(name, start + 1)
    return frozenset(out)


def local_counterpart(names: tuple[str, ...], text: str) -> bool:
    """Whether ``text`` names a body of the same field as the central body called ``names`` at
    another level: its name stem before another body suffix (司法部 and 省司法厅, 商务部 and
    市商务局).  The standard English of such a local body ("Department of Justice") is also one of
    the central body's names, so it is no other body."""
    for zh in names:
        if len(zh) < 3 or zh[-1] not in GOVERNMENT_CHARS:
            continue
        at = text.find(zh[:-1])
        while at >= 0:
            after = text[at + len(zh) - 1:at + len(zh)]
            if after and after in GOVERNMENT_CHARS and after != zh[-1]:
                return True
            at = text.find(zh[:-1], at + 1)
    return False


PARTY_NOUNS_PATH = lx.DATA_DIR / "party_nouns.tsv"


@lru_cache(maxsize=2)
def load_party_nouns(path: Path = PARTY_NOUNS_PATH) -> tuple[tuple[str, frozenset[str]], ...]:
    """(head noun, lemmas of its English words) per row of ``qa/data/party_nouns.tsv``."""
    rows = []
    for n, line in data_lines(path, "party-noun"):
        cols = line.split("\t")
        if len(cols) != 2 or not cols[0] or not cols[1].strip():
            raise InputError(f"party-noun table {path} line {n}: expected 'head noun<TAB>words'")
        rows.append((cols[0], frozenset(lx.lemma(w.strip().lower()) for w in cols[1].split("|") if w.strip())))
    return tuple(rows)


def head_noun_lemmas(text: str) -> frozenset[str]:
    """The English words of the party nouns that end a word of ``text`` (被审计单位 → "entity" …):
    the usage of official translations that CC-CEDICT's glosses of 单位 or 机关 lack."""
    out: set[str] = set()
    for word in lx.cedict().segment(text):
        for noun, words in load_party_nouns():
            if word.endswith(noun):
                out |= words
    return frozenset(out)


@lru_cache(maxsize=8192)
def actor_lemmas(actor: str) -> frozenset[str]:
    """The lemmas that name ``actor`` in English: its word glosses, the standard names of the bodies
    it names, its level words and its head noun's official renderings."""
    from qa.role_agency import gloss_lemmas

    return (gloss_lemmas(actor) - name_description_lemmas(actor)) | institution_lemmas(actor) | level_lemmas(actor) \
        | head_noun_lemmas(actor)


#: where the description of a place in a CC-CEDICT name gloss begins ("Jiangsu Province (Kiangsu) in
#: southeast China, abbr. 苏, capital Nanjing"; "Nanjing subprovincial city on the Changjiang, capital
#: of Jiangsu province")
_DESCRIPTION = re.compile(r",|;| in | on | near | capital ")


#: a comma and another capitalised spelling of the name ("Yangtze River, or Chang Jiang")
_ALTERNATIVE = re.compile(r",\s*(?:or\s+)?([A-Z].*)")


@lru_cache(maxsize=8192)
def name_description_lemmas(actor: str) -> frozenset[str]:
    """The lemmas that only the descriptions in the name glosses of ``actor``'s words give: 江苏's
    gloss names Nanjing, its capital, and 南京's names Jiangsu, so without this cut 江苏省人民政府 and
    南京市人民政府 would share every word and neither could be found apart from the other."""
    names: set[str] = set()
    described: set[str] = set()
    for word in lx.cedict().segment(actor):
        own, tail = _word_description(word)
        names |= own
        described |= tail
    return frozenset(described - names)  # 江苏省南京市 names Nanjing itself


@lru_cache(maxsize=16384)
def _word_description(word: str) -> tuple[frozenset[str], frozenset[str]]:
    """(the lemmas of the names, those of the descriptions) in one CC-CEDICT word's name glosses,
    read once per word."""
    names: set[str] = set()
    described: set[str] = set()
    for g in lx.cedict().glosses(word):
        if not g[:1].isupper():
            continue
        cut = _DESCRIPTION.search(g)
        head, tail = (g[:cut.start()], g[cut.start():]) if cut else (g, "")
        if (other := _ALTERNATIVE.match(tail)) is not None:
            # "Qeshqer wilayiti, Kashgar or Kāshí prefecture in west Xinjiang": the name's other spelling
            # after the comma is a name too, its description starts later
            alternative = other.group(1)
            end = _DESCRIPTION.search(alternative)
            alternative = alternative[:end.start()] if end else alternative
            names.update(lx.content_lemmas(lx.strip_gloss(alternative)))
            tail = tail[other.start(1) + len(alternative):]
        names.update(lx.content_lemmas(lx.strip_gloss(head)))
        described.update(lx.content_lemmas(lx.strip_gloss(tail)))
    return frozenset(names), frozenset(described)
