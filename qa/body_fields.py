"""A local body rendered as a body of another field: 省审计厅 → "the provincial department of finance".

A government body's name is a level, a field and a head: 省 + 审计 + 厅 is the province's
audit department, 市 + 市场监管 + 局 the city's market regulation bureau.  Local bodies are
seldom in any table, but their fields are those of the central bodies the institutions table
lists (审计署 "National Audit Office", 财政部 "Ministry of Finance", 工业和信息化部 "Ministry of
Industry and Information Technology", 国家药监局 "National Medical Products Administration").
An English body of a listed body's field ("department of finance", "medical products
administration") where the Chinese names a local body of another field is that other body,
however fluent.

The field of the Chinese body is read from the table first (a central body's name stem before a
body suffix: 审计 + 厅 is the audit field, ``qa.actor_names.institution_lemmas``), else from the
CC-CEDICT glosses of its words (通信管理局: "communication", "management").  Precision first: the
Chinese body must open with a level (省, 市, 县 …), its field must be known, the English field
must be no gloss of it, no body the Chinese names (listed or not) may have that field, and the
listed body whose field the English names must be nowhere in the Chinese.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from qa import lexicons as lx
from qa.actor_names import institution_lemmas
from qa.body_heads import LOCAL_SUFFIXES
from qa.phrase_match import ADMIN_UNITS, Found

#: the head nouns of government bodies' English names
_HEADS = r"(?:ministry|ministries|department|departments|bureau|bureaus|administration|administrations|" \
         r"commission|commissions|office|offices|agency|agencies|authority|authorities)"
_HEAD_WORD = re.compile(rf"\b{_HEADS}\b", re.IGNORECASE)
#: words of a standard name that say its level or kind, not its field
_NOT_FIELD = frozenset({"ministry", "department", "bureau", "administration", "commission", "office", "agency",
                        "authority", "national", "state", "general", "central", "china", "chinese", "the",
                        "of", "for", "and", "prc"})


@dataclass(frozen=True)
class Field:
    """A listed body's field: its Chinese names, the field phrase of its English names and its lemmas."""

    zh: tuple[str, ...]
    phrase: re.Pattern[str]  # "department of finance" / "finance department" …
    lemmas: frozenset[str]
    label: str  # the standard name the field comes from
    needle: str = ""  # the field's first word, lower-case: an English without it cannot match ``phrase``


@dataclass(frozen=True)
class FieldSwap:
    """A local body (``zh_found``) the English renders as a body of another listed body's field."""

    zh_found: Found
    en_found: Found
    other: Field


def _field_phrase(name: str) -> str:
    """The field words of a standard name: "Industry and Information Technology" of "Ministry of
    Industry and Information Technology", "Medical Products" of "National Medical Products
    Administration"; "" when the name has no government head."""
    if not re.search(rf"\b{_HEADS}\b", name, re.IGNORECASE):
        return ""
    words = name.split()
    while words and words[0].lower() in _NOT_FIELD:
        words.pop(0)
    while words and words[-1].lower() in _NOT_FIELD:
        words.pop()
    field = " ".join(words)
    return field if field and not re.search(rf"\b{_HEADS}\b", field, re.IGNORECASE) else ""


@lru_cache(maxsize=4)
def body_fields(names: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]) -> tuple[Field, ...]:
    """The fields of the listed bodies (``names``: each body's Chinese and standard English names)."""
    out = []
    for zh, standard in names:
        for name in standard:
            field = _field_phrase(name)
            lemmas = frozenset(lx.content_lemmas(field)) if field else frozenset()
            if not lemmas:
                continue
            words = r"\s+".join(re.escape(w) for w in field.split())
            phrase = re.compile(rf"\b(?:{_HEADS}\s+(?:of|for)\s+(?:the\s+)?{words}|{words}\s+{_HEADS})\b",
                                re.IGNORECASE)
            out.append(Field(zh, phrase, lemmas, name, field.split()[0].lower()))
    return tuple(out)


def _own_field(name: str) -> lx.StemSet | None:
    """The field lemmas of a local body's Chinese name: the listed central body's it shares a stem
    with, else its words' CC-CEDICT glosses; None when neither says anything."""
    from qa.role_agency import gloss_lemmas

    words = institution_lemmas(name) or gloss_lemmas(name)
    words = frozenset(w for w in words if w not in _NOT_FIELD)
    return lx.StemSet(words) if words else None


def _local_body(zh: str, span: tuple[int, int]) -> bool:
    """A body whose name opens with a level and ends in a local government suffix (省审计厅, 市市场监管局)."""
    name = zh[span[0]:span[1]]
    return len(name) >= 4 and name[0] in ADMIN_UNITS and name.endswith(LOCAL_SUFFIXES)


def may_name_fields(zh: str, en: str) -> bool:
    """A cheap first test: a local body's last character in ``zh`` and a head noun in ``en``."""
    return any(s in zh for s in LOCAL_SUFFIXES) and _HEAD_WORD.search(en) is not None


def find_field_swaps(zh: str, en: str, bodies: Sequence[tuple[int, int]],
                     fields: tuple[Field, ...], zh_near: str,
                     named: Mapping[tuple[int, int], Sequence[tuple[int, int]]] | None = None) -> list[FieldSwap]:
    """Local bodies of ``zh`` (``bodies``: the spans of every body the Chinese names) that ``en``
    names by a listed body's field that is theirs and no other named body's.

    ``named``: the bodies (by span) the English names by a name of their own, with where (市人民检察院
    "the municipal people's procuratorate"): a sentence of two bodies, one rendered by its name
    away from the field's words, leaves only the other to be the body of the wrong field."""
    low = en.lower()  # a substring test per field first: a memory's pairs meet hundreds of fields
    hits = [(f, m) for f in fields if f.needle in low for m in f.phrase.finditer(en)]
    if not hits:
        return []
    owns = [(span, _own_field(zh[span[0]:span[1]])) for span in bodies]
    out: list[FieldSwap] = []
    for field, m in hits:
        open_bodies = [span for span in bodies if not any(
            b <= m.start() or m.end() <= a for a, b in (named or {}).get(span, ()))]
        if any(name in zh_near for name in field.zh) or any(
                own is not None and any(own.has(w) for w in field.lemmas) for _, own in owns):
            continue  # the Chinese names that body, or a body of that field
        local = [(span, own) for span, own in owns if own is not None and _local_body(zh, span)]
        if len(local) != 1 or open_bodies != [local[0][0]]:
            continue  # which body the English renders so is no longer clear
        span, own = local[0]
        if own is not None and _rendered(en, own):
            continue  # "the provincial communications administration under the MIIT": it is named too
        out.append(FieldSwap(Found(zh[span[0]:span[1]], *span), Found(m.group(), m.start(), m.end()), field))
        break
    return out



def _rendered(en: str, own: lx.StemSet) -> bool:
    """Whether a body of the field ``own`` is named in ``en``: a word of it within four words of a
    head noun, in one phrase ("the provincial communications administration")."""
    for m in _HEAD_WORD.finditer(en):
        before = re.split(r"[,;:()]", en[max(0, m.start() - 60):m.start()])[-1].split()[-4:]
        after = re.split(r"[,;:()]", en[m.end():m.end() + 60])[0].split()[:4]
        if any(own.has(lx.lemma(w.strip(".'’").lower())) for w in before + after):
            return True
    return False


def field_unrendered(name: str, en: str) -> bool:
    """Whether ``name`` is a local government body of a listed central body's field (司法厅: the stem
    of 司法部, justice) and no body of that field is named in ``en``: the English renders that body
    by no name of its field.  Only the table's fields count here, never loose glosses."""
    words = frozenset(w for w in institution_lemmas(name) if w not in _NOT_FIELD)
    return bool(words) and name.endswith(LOCAL_SUFFIXES) and not _rendered(en, lx.StemSet(words))
