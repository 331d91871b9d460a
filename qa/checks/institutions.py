"""institution: a Chinese body or office rendered as a different body, or by a known wrong name.

The bodies are state and Party organs, the central SOEs on SASAC's list and the
universities of the Double First-Class list; 中国人民大学 → "Peking University"
and 中核集团 → "China General Nuclear Power Group" are as wrong as 全国政协 →
"National People's Congress".

全国政协 is the CPPCC, not the National People's Congress; 最高人民检察院 is the
Supreme People's Procuratorate, not the Supreme Court; 省委书记 is a provincial
Party secretary, not the governor.  Fluent English that names the wrong body
reads well and says something else, so nothing else in zhen sees it.

The table (``qa/data/institutions.tsv``) lists each body's Chinese names, its
standard English names, other accepted renderings and known wrong ones.  For
every listed Chinese name in a pair:

* an accepted rendering anywhere in the English (or in a neighbouring pair's
  English) settles it — paraphrase is the translator's business;
* otherwise a known wrong rendering of that body, or the standard name of a
  *different* body whose Chinese name is nowhere near, is a major flag;
* otherwise (a paraphrase such as "the ministry") the check stays silent.

A body the table does not list (中国企业联合会, 数字经济战略咨询委) cannot be
checked by name, but the English must not name a *listed* body the Chinese
does not mention in its place (minor: ``find_foreign``).  The Party's
numbered meetings (党的二十大, 二十届三中全会) are read by their grammar.

An English name that is accepted for another body the Chinese does name is
never held against the first (省委、省政府 → "the provincial Party committee
and government" says "government" for 省政府).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from align.errors import InputError
from align.model import Pair
from align.zh_words import jieba_words
from qa import body_heads as bh
from qa import lexicons as lx
from qa.actor_names import local_counterpart
from qa.admin_levels import level_units
from qa.body_fields import (
    Field,
    body_fields,
    field_unrendered,
    find_field_swaps,
    may_name_fields,
)
from qa.government_level import level_mismatches
from qa.lexicons import DATA_DIR
from qa.model import Check, Context, Flag
from qa.name_tables import read_name_table, split_cell
from qa.office_rank import rank_mismatches
from qa.office_titles import Offices, find_title_mismatches
from qa.phrase_match import (
    ADMIN_UNITS,
    ChineseTerms,
    EnglishNames,
    Found,
    find_chinese,
    find_english,
    neighbour_pairs,
    neighbour_texts,
)
from qa.zh_glosses import zh_content_words

INSTITUTIONS_PATH = DATA_DIR / "institutions.tsv"


@dataclass(frozen=True)
class Institution:
    """One row of the table: a body or an office and its English names."""

    zh: tuple[str, ...]
    standard: tuple[str, ...]
    accepted: tuple[str, ...]
    wrong: tuple[str, ...]
    kind: str  # "body" | "office"
    source: str

    @property
    def label(self) -> str:
        """The name the messages use: the standard English name, else the first accepted one."""
        return (self.standard or self.accepted or ("",))[0].rstrip("*")


def load_institutions(source: str | Path | None = None) -> list[Institution]:
    """Read the institutions table (see the header of qa/data/institutions.tsv)."""
    path = Path(source) if source is not None else INSTITUTIONS_PATH
    rows: list[Institution] = []
    for n, c in read_name_table(path, ("zh", "standard", "accepted", "wrong", "kind", "source"),
                                "institutions"):
        if c[4] not in ("body", "office"):
            raise InputError(f"institutions table {path} line {n}: kind must be 'body' or 'office', "
                             f"not {c[4]!r}")
        rows.append(Institution(split_cell(c[0]), split_cell(c[1]), split_cell(c[2]),
                                split_cell(c[3]), c[4], c[5]))
    return rows


@lru_cache(maxsize=4)
def _table(source: str | None) -> tuple[Institution, ...]:
    return tuple(load_institutions(source))


class Lookup:
    """The table's rows with what every pair asks of them built once: the bodies by Chinese name,
    the Chinese names and the English names indexed (``qa.phrase_match``), each body's specific
    names.  Rebuilding these per pair, and scanning the English once per name, was most of what
    the check cost."""

    def __init__(self, rows: Sequence[Institution]) -> None:
        self.rows = tuple(rows)
        self.by_zh = {name: body for body in self.rows for name in body.zh}
        self.zh_terms = ChineseTerms(self.by_zh)
        #: every English name of every row: standard, accepted and wrong
        self.names = EnglishNames(n for body in self.rows for n in (*body.standard, *body.accepted, *body.wrong))
        #: the bodies' names that single them out, in table order
        self.specific_sets = {body: frozenset(_specific_names(body)) for body in self.rows
                              if body.kind == "body"}
        self.specific_names = EnglishNames(n for ns in self.specific_sets.values() for n in ns)
        self.offices = Offices(self.rows)
        #: each ministry's minister titles ("Minister of Finance", "Finance Minister")
        self.minister_titles = {body: minister_titles(body) for body in self.rows if body.kind == "body"}
        self.minister_names = EnglishNames(n for ns in self.minister_titles.values() for n in ns)
        self._specialised: dict[int, tuple[str, ...]] = {}  # by id: the rows are this object's own
        self._fields: tuple[Field, ...] | None = None
        self._heads: bh.HeadMap | None = None

    def heads(self) -> bh.HeadMap:
        """The head nouns real names render each Chinese body suffix by (``qa.body_heads``)."""
        if self._heads is None:
            self._heads = bh.head_map(tuple((z, n) for b in self.rows for z in b.zh for n in b.standard))
        return self._heads

    def fields(self) -> tuple[Field, ...]:
        """The fields of the listed bodies (``qa.body_fields``), worked out when first asked."""
        if self._fields is None:
            self._fields = body_fields(tuple((b.zh, b.standard) for b in self.rows if b.kind == "body"))
        return self._fields

    def specialised_names(self, body: Institution) -> tuple[str, ...]:
        """:func:`_specialised_names` of ``body`` (one of the rows), worked out once."""
        if id(body) not in self._specialised:
            self._specialised[id(body)] = _specialised_names(body, self.rows)
        return self._specialised[id(body)]


def minister_titles(body: Institution) -> tuple[str, ...]:
    """The titles of a ministry's head, made from its standard names: "Ministry of Finance" is
    headed by the "Minister of Finance", the "Finance Ministry" by the "Finance Minister"."""
    return tuple(dict.fromkeys(re.sub(r"\bMinistry\b", "Minister", n) for n in body.standard
                               if re.search(r"\bMinistry\b", n)))


#: a ministry's head in Chinese: 财政部部长, 财政部长, 外交部副部长
_ZH_MINISTER = re.compile(r"(?:副)?部?长")


def _wrong_minister(body: Institution, f: Found, zh: str, en: str, table: Lookup,
                    zh_near: str) -> tuple[Found, Institution] | None:
    """The minister of another ministry, which the Chinese nowhere names, where the Chinese
    names the head of ``body`` (财政部部长 → "the Minister of Commerce")."""
    if not table.minister_titles.get(body) or not _ZH_MINISTER.match(zh, f.end):
        return None
    own = set(table.minister_titles[body])
    said = find_english(en, table.minister_names)
    if any(h.names & own for h in said):
        return None
    for h in said:
        for other, titles in table.minister_titles.items():
            if other is not body and h.names & set(titles) and not _present(other, zh_near):
                return h, other
    return None


@lru_cache(maxsize=4)
def _lookup(source: str | None) -> Lookup:
    return Lookup(_table(source))


@dataclass(frozen=True)
class Misnamed:
    """A body named in the Chinese that the English calls something else."""

    body: Institution
    zh_found: Found
    en_found: Found
    other: Institution | None  # the body the English names instead, when it is a listed one
    listed: bool = True  # False: the English name is in no table row (weaker evidence, minor)
    #: "" for a wrong name or a different body; "owner": a rendering of the body said to belong
    #: to a different body ("plenary session of the CCDI"); "level": a central body made local;
    #: "national": a local body (省卫健委) given the central body's name;
    #: "title": a person's office rendered as another office; "minister": the head of a
    #: ministry rendered as the minister of another
    why: str = ""


def _present(body: Institution, zh: str) -> bool:
    """Whether ``zh`` names ``body``, by a listed name or a numbered meeting (二十届三中全会)."""
    return any(name in zh for name in body.zh) or any(f.name in body.zh for f in numbered_meetings(zh))


#: an ordinal before the name of a numbered Party body ("the 20th Central Committee", "the
#: Nineteenth CPC National Congress"): the table lists the names without it
_ORDINAL_WORDS = ("first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
                  "thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|"
                  "twentieth|twenty-first|twenty-second")
_MEETING_ORDINAL = re.compile(rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)|{_ORDINAL_WORDS})(?=[\s\-]+(?:(?:CPC|CCP)[\s\-]+)?"
                              r"(?:Central\s+Committee|National\s+Congress|Party\s+Congress)\b)",
                              re.IGNORECASE)


def without_meeting_ordinals(en: str) -> str:
    """``en`` with the ordinal of a numbered Party body blanked out, offsets kept.

    "the Third Plenary Session of the 20th Central Committee" then matches the
    table's "plenary session of the Central Committee" (names match across any
    run of spaces), so a congress rendered as a plenum, or the reverse, is a
    different body like any other.
    """
    return _MEETING_ORDINAL.sub(lambda m: " " * len(m.group()), en)


def _own_renderings(body: Institution, own: tuple[str, ...], around: Sequence[tuple[str, str]]) -> bool:
    """Whether a neighbouring pair's English renders ``body`` where that pair's Chinese does not name it.

    An aligner may put a name's translation one bead away; but a neighbour that
    names the body itself (the speaker line above with the company's full name)
    uses its rendering for its own mention.  A loose word ("data" for 国家数据局)
    counts there only as a body's name ("the data bureau").
    """
    loose = _loose_names(body)
    for zh, en in around:
        if _present(body, zh):
            continue
        en = without_meeting_ordinals(en)
        if any(not h.names <= loose or _body_like(en, h) for h in find_english(en, own)):
            return True
    return False


def find_misnamed(zh: str, en: str, table: Lookup,
                  zh_around: str = "", around: Sequence[tuple[str, str]] = (),
                  unlisted: bool = True) -> list[Misnamed]:
    """Every listed body in ``zh`` that ``en`` renders as a wrong name or as a different body.

    ``zh_around`` is the neighbouring pairs' Chinese and ``around`` those pairs
    as (zh, en): the other body's Chinese name found there, or a rendering in a
    neighbour's English that is not that neighbour's own, stops a flag.
    """
    by_zh = table.by_zh
    in_zh = find_chinese(zh, table.zh_terms)
    in_zh = sorted(in_zh + [f for f in numbered_meetings(zh) if f.name in by_zh
                            and not any(f.start < k.end and k.start < f.end for k in in_zh)],
                   key=lambda f: f.start)
    if not in_zh:
        return []
    en = without_meeting_ordinals(en)
    in_en = find_english(en, table.names)
    named = {by_zh[f.name] for f in in_zh}
    accepted_here = {n for body in named for n in (*body.standard, *body.accepted)}
    out: list[Misnamed] = []
    seen: set[Institution] = set()
    for f in in_zh:
        body = by_zh[f.name]
        if body in seen:
            continue
        seen.add(body)
        own = (*body.standard, *body.accepted)
        local = _local(zh, f.start)
        if not local:
            own += table.specialised_names(body)
        zh_near = zh + "\n" + zh_around
        minister = _wrong_minister(body, f, zh, en, table, zh_near)
        if minister is not None:
            out.append(Misnamed(body, f, minister[0], minister[1], why="minister"))
            continue
        rendering = _rendering_hits(en, own, in_en)
        if body.kind == "body":
            # every own name, even inside a longer one: "provincial government" for 国务院 is a level
            owned = _wrong_owner(body, en, find_english(en, own), accepted_here | set(own), table,
                                 zh_near, local)
            if owned is not None:
                out.append(Misnamed(body, f, owned[0], owned[1], why=owned[2]))
                continue
        if body.kind == "office":
            owned = _office_owner(body, f, en, own, accepted_here, table, zh_near)
            if owned is not None:
                out.append(Misnamed(body, f, owned[0], owned[1], why="owner"))
                continue
        if local and body.kind == "body":
            national = _national_rendering(body, zh, en, zh_around, table)
            if national is not None:
                out.append(Misnamed(body, f, national, None, why="national"))
                continue
        if _own_renderings(body, own, around):
            continue
        if rendering and _said_by_other_words(body, en, rendering, in_en, accepted_here):
            rendering = []
        if rendering and (body.kind != "body" or not body.standard or not _loose_only(body, rendering, own)):
            continue
        # a loose word that names a body ("procuratorates" for 最高人民检察院) settles it unless the
        # English names this body by another body's own name: "The Supreme People's Court recently
        # released cases of procuratorates …" uses the loose word for the procuratorates at large
        generic = bool(rendering) and any(_body_like(en, h) for h in rendering)
        hit = None if rendering and not generic else _wrong_name(body, in_en, accepted_here)
        if generic and hit is not None and not _specific(en[hit.start:hit.end]):
            hit = None
        other = None
        if hit is None and body.kind == "body":
            hit, other = _other_body(body, in_en, accepted_here | set(own), table.rows, zh_near)
        if hit is None and not rendering:
            hit = _wrong_inside(body, in_en, accepted_here, zh_near, table)
        if generic and hit is not None and not all(_apart(en, hit, h) for h in rendering):
            hit = other = None  # "the Information Office of the State Council": one name
        if rendering and hit is None:
            other_head = _other_head(body, zh, en, rendering, table) if generic else None
            if other_head is not None:  # "National Meteorological Center" for 中国气象局
                out.append(Misnamed(body, f, other_head, None, listed=False, why="head"))
            continue
        if hit is None and body.kind == "body" and not local and f.name.startswith(_CENTRAL):
            lowered = _lowered_level(zh, en, table)
            if lowered is not None:
                out.append(Misnamed(body, f, lowered, None, why="level"))
                continue
        if hit is not None:
            out.append(Misnamed(body, f, hit, other))
        elif body.kind == "body" and body.standard and unlisted:
            name = _unlisted_name(en, in_en, own)
            if name is not None and not _other_bodies_in(zh, in_zh):
                out.append(Misnamed(body, f, name, None, listed=False))
    return out


#: the head word of an English name of a body: "Ministry of Economy", "Development Committee"
_HEADS = ("Ministry|Ministries|Department|Commission|Committee|Bureau|Administration|Office|Agency|"
          "Council|Court|Procuratorate|Authority|Bank")
_CAP = r"[A-Z][A-Za-z'’\-]*"
_UNLISTED = re.compile(rf"(?:{_CAP}\s+(?:(?:and|&)\s+)?)*(?:{_HEADS})\b"
                       rf"(?:\s+(?:of|for|on)\s+(?:the\s+)?{_CAP}(?:\s+(?:(?:and|&|of)\s+)?{_CAP})*)?")
#: words of a body's name that say nothing about which body it is
_GENERIC = frozenset(_HEADS.lower().split("|")) | {"of", "for", "on", "the", "and", "state", "national",
                                                   "china", "chinese", "general", "central", "prc"}


def _unlisted_name(en: str, in_en: list[Found], own: tuple[str, ...]) -> Found | None:
    """A capitalised body name in ``en`` that is in no table row and shares no word with ``own``.

    "Ministry of Economy" for 财政部 names some body, and not the one the
    Chinese names; "the ministry" names none and is left alone.
    """
    own_words = {w.lower() for n in own for w in re.findall(r"[A-Za-z]+", n)} - _GENERIC
    for m in _UNLISTED.finditer(en):
        words = re.findall(r"[A-Za-z]+", m.group())
        if len([w for w in words if w[:1].isupper()]) < 2:
            continue
        if any(m.start() < k.end and k.start < m.end() for k in in_en):
            continue
        if {w.lower() for w in words} & own_words:
            continue
        return Found(m.group(), m.start(), m.end())
    return None


_SPECIFIC = re.compile(rf"\b(?:{_HEADS}|Federation|Confederation|Association|League|Union|Congress|Academy)\b")


def _specific_names(body: Institution) -> tuple[str, ...]:
    """Names that single this body out: its standard ones, and accepted ones that are capitalised
    names with a body head ("Development and Reform Commission"); never loose words ("government")."""
    return (*body.standard, *(n for n in body.accepted if _specific(n)))


def unlisted_bodies(zh: str, in_zh: list[Found]) -> Iterator[tuple[int, int]]:
    """The spans of the bodies the Chinese names that no table row lists, in order.

    A jieba word of three or more characters ending in a body's head
    (商务局, 国家电网公司, 中国企业联合会), or a one-character head right after a
    word of two or more (咨询 + 委: 数字经济战略咨询委).
    """
    at = 0
    words = jieba_words(zh)
    starts = []
    for w in words:
        starts.append(at)
        at += len(w)

    def back(k: int) -> int:
        while k > 0 and len(words[k - 1]) >= 2 and lx.HAN.fullmatch(words[k - 1][0]) \
                and not any(f.start <= starts[k - 1] < f.end for f in in_zh):
            k -= 1
        return k

    def name_start(k: int) -> int:
        """Back over the words of two or more characters that make the name (中国/电子/信息/行业/),
        and over a first field joined by 和 when a level opens the name: a local body of two
        merged fields (市 + 规划和自然资源局, 市 + 文化广电和旅游局), not two bodies (市财政局和税务局)."""
        k = back(k)
        if k >= 3 and words[k - 1] == "和" and len(words[k - 2]) >= 2 and not words[k - 2].endswith(bh.NAME_SUFFIXES):
            j = back(k - 1)
            if j > 0 and j < k - 1 and words[j - 1] in ADMIN_UNITS:
                k = j
        return starts[k]

    for k, w in enumerate(words):
        start, end = starts[k], starts[k] + len(w)
        if any(f.start <= start and end <= f.end for f in in_zh):
            continue
        if len(w) >= 3 and w.endswith(bh.NAME_SUFFIXES):
            yield name_start(k), end
            continue
        if (w in bh.HEAD_CHARS and k > 0 and len(words[k - 1]) >= 2 and lx.HAN.fullmatch(words[k - 1][0])
                and not any(f.start <= start < f.end for f in in_zh)):
            yield name_start(k), end
        elif w in bh.HEAD_CHARS and _abbreviated(words, k) and not any(f.start <= starts[k - 2] < f.end for f in in_zh):
            yield name_start(k - 2), end


#: characters that are grammar, never part of a body's abbreviated name
_GRAMMAR_CHARS = frozenset("的了是在和与及对为向由把被将等并或就也都各该本其这那")


def _abbreviated(words: Sequence[str], k: int) -> bool:
    """Whether the head character at ``k`` closes an abbreviation the dictionary lacks, cut into its
    characters after a word of two or more (国家/疾/控/局: 国家疾控局)."""
    return k >= 3 and all(len(words[j]) == 1 and lx.HAN.fullmatch(words[j]) and words[j] not in _GRAMMAR_CHARS
                          for j in (k - 2, k - 1)) and len(words[k - 3]) >= 2 and lx.HAN.fullmatch(words[k - 3][0]) is not None


def unlisted_body(zh: str, in_zh: list[Found]) -> tuple[int, int] | None:
    """The span of the first body the Chinese names that no table row lists, or None."""
    return next(unlisted_bodies(zh, in_zh), None)


#: words that make a body's English name a central one ("Ministry of Justice", "National …")
_NATIONAL_NAME = re.compile(r"\b(?:Ministry|Ministries|National|State|Central|China|Chinese|PRC)\b")


def find_foreign(zh: str, en: str, table: Lookup, zh_around: str = "") -> list[Misnamed]:
    """A listed body the English names by one of its own names, which the Chinese does not name,
    where the Chinese names an unlisted body instead (中国企业联合会 → "All-China Federation of
    Industry and Commerce"; 数字经济战略咨询委 → "Development and Reform Commission").

    A body the Chinese (or a neighbouring pair) names, and a name accepted for one
    the Chinese names, are never held against it.
    """
    by_zh = table.by_zh
    in_zh = find_chinese(zh, table.zh_terms) + numbered_meetings(zh)
    named = {by_zh[f.name] for f in in_zh if f.name in by_zh}
    accepted_here = {n for body in named for n in (*body.standard, *body.accepted)}
    specific = table.specific_sets
    en = without_meeting_ordinals(en)
    hits = find_english(en, table.specific_names)
    starts = {h.start for h in hits}
    for h in hits:
        if h.names & accepted_here:
            continue
        longer = _NAME_GOES_ON.match(en, h.end)
        if longer and longer.end() - 1 not in starts:
            continue  # "Chinese Academy of Science and Technology for Development": a longer name
        bodies = [b for b, ns in specific.items() if h.names & ns]
        inside = table.specific_names.matching(en[h.start:h.end])
        within = [b for b, ns in specific.items() if ns & inside]
        # a body any name inside the hit belongs to may be the one the Chinese means
        # (中央党校 "Party School of the CPC Central Committee": 中央 is "Central Committee")
        if not bodies or any(_present(b, zh + "\n" + zh_around) for b in bodies + within):
            continue
        if not _NATIONAL_NAME.search(en[h.start:h.end]) and any(local_counterpart(b.zh, zh)
                                                                or _local_party_department(b.zh, zh) for b in bodies):
            continue  # 省司法厅 "the Provincial Department of Justice": the ministry's field, at its level
        span = unlisted_body(zh, in_zh)
        if span is None:
            return []
        if _OWNED_BY.search(en, 0, h.start) and any(_branch_of(b, zh[span[0]:span[1]]) for b in bodies):
            continue  # 民航华东地区管理局 "the East China Regional Administration of the CAAC"
        unlisted = Institution((zh[span[0]:span[1]],), (), (), (), "body", "the Chinese text")
        return [Misnamed(unlisted, Found(unlisted.zh[0], *span), h, bodies[0], listed=False)]
    return []


#: a proper name that goes on after a listed one ("Academy of Science" + " and Technology for
#: Development"): a capitalised word after "and" or "for", unless a listed name starts there
#: ("the Ministry of Commerce and Ministry of Finance" names two)
_NAME_GOES_ON = re.compile(r"\s+(?:and|for|&)\s+[A-Z]")
#: the English names a body as the owner of the one before: "… Administration of the CAAC"
_OWNED_BY = re.compile(r"\b(?:of|under)\s+(?:the\s+)?$", re.IGNORECASE)


def _branch_of(body: Institution, name: str) -> bool:
    """Whether the Chinese ``name`` is a branch of ``body``, named by its stem: the body's own name
    without its head opens it (民航 of 民航局 in 民航华东地区管理局, 海关 of 海关总署 in 海关缉私局).

    A branch carries its parent's name first, and an English that names the parent as the branch's
    owner ("… Administration of the CAAC", :data:`_OWNED_BY`) names the right body.  Only a
    government body's stem counts (its head 局, 署, 部 …): a company's (邮政 of 邮政公司) is a field
    word that a regulator's name opens too (省邮政管理局 is no branch of China Post)."""
    for zh in body.zh:
        if zh[-1] not in bh.GOVERNMENT_CHARS:
            continue
        stem = zh[:-2] if zh[-2:-1] == "总" else zh[:-1]  # 海关总署, 国家税务总局: the head is 总署, 总局
        if len(stem) >= 2 and name.startswith(stem) and len(name) > len(zh):
            return True
    return False



def _head_words(en: str) -> set[str]:
    """The words of ``en`` as head nouns: lower-cased, singular, one spelling ("Centres" → "center")."""
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", en)}
    words |= {w[:-1] for w in words if w.endswith("s")}
    return {bh.SPELLINGS.get(w, w) for w in words}


#: the Central Committee's prefix of its departments' names (中共中央组织部, 中央宣传部)
_CENTRAL_PARTY = re.compile("^(?:中共中央|中央)")
#: a local Party committee, whose departments bear the central departments' names (市委组织部)
_LOCAL_PARTY = re.compile("(?:[省市县区州旗盟]委|党委|党工委)$")


def _local_party_department(names: tuple[str, ...], zh: str) -> bool:
    """Whether ``zh`` names a local Party committee's department of the same name as the central one
    called ``names``: 市委组织部 is the city's organization department, as 中共中央组织部 is the
    Central Committee's, so "the organization department of the municipal Party committee" names it.
    Party departments keep their suffix at every level, where a ministry's changes (部 → 厅, see
    ``local_counterpart``)."""
    for name in names:
        stem = _CENTRAL_PARTY.sub("", name)
        if stem == name or len(stem) < 3:
            continue
        at = zh.find(stem)
        while at >= 0:
            if _LOCAL_PARTY.search(zh[max(0, at - 4):at]):
                return True
            at = zh.find(stem, at + 1)
    return False


def find_other_kind(zh: str, en: str, table: Lookup, zh_around: str = "",
                    source: str | None = None) -> list[Misnamed]:
    """A body no table row lists, which the English replaces by a body of another kind.

    作者:周民 国家信息中心副主任 → "Deputy Director of the China Academy of
    Information and Communications Technology": 国家信息中心 is a centre, and
    no English word renders a centre; "Academy" renders 学院 / 科学院 / 工程院,
    none of which the Chinese (or a neighbour's) holds, and no Chinese word there
    has "academy" among its CC-CEDICT glosses.  Both sides are read by their
    heads only (``qa.body_heads``), so the flag is minor.
    """
    capitalised = bh.english_bodies(en)
    bodies = capitalised + [b for b in bh.level_bodies(en)
                            if not any(b.start < c.end and c.start < b.end for c in capitalised)]
    if not bodies:  # first, as it is cheap: no body in the English, nothing to replace one
        return []
    by_zh = table.by_zh
    in_zh = find_chinese(zh, table.zh_terms) + numbered_meetings(zh)
    spans = list(unlisted_bodies(zh, in_zh))
    named = {by_zh[f.name] for f in in_zh if f.name in by_zh}
    # a listed body the English renders by none of its names is read by its head as an unlisted one
    # is: 国家疾控局 "the Chinese Center for Disease Control" names a centre, another kind of body
    unrendered = [(f.start, f.end) for f in in_zh if f.name in by_zh and by_zh[f.name].kind == "body"
                  and not find_english(en, tuple(n for n in (*by_zh[f.name].standard, *by_zh[f.name].accepted)
                                                 if n.strip()))]
    if not spans and not unrendered:
        return []
    heads = table.heads()
    words = _head_words(en)
    accepted = find_english(en, {n for body in named for n in (*body.standard, *body.accepted)})
    near = zh + "\n" + zh_around
    glossed: set[str] | None = None  # the glosses of the Chinese near by, read when first needed
    for e in bodies:
        if any(e.start < k.end and k.start < e.end for k in accepted):
            continue
        if glossed is None:
            glossed = set()
            for _, glosses in zh_content_words(near):
                glossed |= glosses
        # the head renders some word of the Chinese (基金 'fund', 小组 'group', 学院 'institute')
        if e.head in glossed or lx.lemma(e.head) in glossed:
            continue
        suffixes = heads.suffixes_for(e.head)
        if not suffixes or any(s in near for s in suffixes):
            continue
        # a local body of unknown kind (厅: too few real names) after its level counts when the English
        # has fewer other bodies than the Chinese names and its field is rendered nowhere (省司法厅 →
        # "Higher People's Court" beside "Department of Finance" for 省财政厅); a known kind is read
        # by its heads alone
        fewer = len(bodies) - 1 < len(spans) + len(named)
        for a, b in spans + unrendered:
            kinds = heads.of_chinese(zh[a:b])
            if (kinds and not kinds & words) or (not kinds and fewer and a > 0 and zh[a - 1] in ADMIN_UNITS
                                                 and field_unrendered(zh[a:b], en)):
                body = Institution((zh[a:b],), (), (), (), "body", "the Chinese text")
                return [Misnamed(body, Found(zh[a:b], a, b), Found(en[e.start:e.end], e.start, e.end), None,
                                 listed=False, why="kind")]
    return []


def find_other_field(zh: str, en: str, table: Lookup, zh_around: str = "") -> list[Misnamed]:
    """A local body the English names by a listed body's field that is not its own (省审计厅 → "the
    provincial department of finance": ``qa.body_fields``); the only body the Chinese names."""
    if not may_name_fields(zh, en):
        return []  # cheap: no local body, or no English body
    in_zh = find_chinese(zh, table.zh_terms) + numbered_meetings(zh)
    spans = [(f.start, f.end) for f in in_zh]
    for a, b in unlisted_bodies(zh, in_zh):
        spans.append((a - 1 if a > 0 and zh[a - 1] in ADMIN_UNITS else a, b))  # 省 + 通信管理局
    out = []
    for s in find_field_swaps(zh, en, spans, table.fields(), zh + "\n" + zh_around, _named_in(en, in_zh, table)):
        body = Institution((s.zh_found.name,), (), (), (), "body", "the Chinese text")
        other = next((b for b in table.rows if b.zh == s.other.zh), None)
        out.append(Misnamed(body, s.zh_found, s.en_found, other, why="field"))
    return out


def _named_in(en: str, in_zh: list[Found], table: Lookup) -> dict[tuple[int, int], list[tuple[int, int]]]:
    """The listed bodies of ``in_zh`` (by span) that ``en`` names by one of their own names, and where."""
    out: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for f in in_zh:
        body = table.by_zh.get(f.name)
        hits = find_english(en, tuple(n for n in (*body.standard, *body.accepted) if n.strip())) if body else []
        if hits:
            out[(f.start, f.end)] = [(h.start, h.end) for h in hits]
    return out


def _other_bodies_in(zh: str, in_zh: list[Found]) -> bool:
    """Whether ``zh`` names a body the table does not list (商务局, 国家电网公司): the English may be its name."""
    at = 0
    for w in jieba_words(zh):
        start, at = at, at + len(w)
        if (len(w) >= 3 and w.endswith(bh.NAME_SUFFIXES)
                and not any(k.start <= start and at <= k.end for k in in_zh)):
            return True
    return False


_NUMERAL = "[一二三四五六七八九十]"
#: 党的二十大, 中共十九大, 十八大: a numbered National Congress of the CPC (its own row's first name)
_CONGRESS = re.compile(rf"(?:党的|中共|中国共产党)?第?(?:十{_NUMERAL}|二十{_NUMERAL}?|{_NUMERAL})(?:次全国代表)?大(?![学会厦道])")
#: 二十届三中全会, 十九届六中全会: a numbered plenary session of the CPC Central Committee
_PLENUM = re.compile(rf"(?:党的|中共)?(?:第?{_NUMERAL}+届(?:中央委员会)?)?(?:第?{_NUMERAL}+中全会|"
                     rf"{_NUMERAL}+次全体会议)")
CONGRESS_NAME = "中国共产党全国代表大会"
PLENUM_NAME = "中国共产党中央委员会全体会议"


def numbered_meetings(zh: str) -> list[Found]:
    """The Party's numbered meetings in ``zh`` (党的二十大, 二十届三中全会), named by their table rows.

    The Chinese numbers the congress and the plenum instead of naming them,
    so no fixed list holds every form; the grammar is regular (ordinal +
    大 for a congress, ordinal + 届 + ordinal + 中全会 for a plenary session of
    that congress's Central Committee).  A bare 十大 ("ten great …") or an
    ordinal before 大学 / 大会 is no congress: the congress needs 党的 / 中共
    or a number of two characters.
    """
    out: list[Found] = []
    for m in _PLENUM.finditer(zh):
        if "中全会" in m.group() or "届" in m.group():
            out.append(Found(PLENUM_NAME, m.start(), m.end()))
    for m in _CONGRESS.finditer(zh):
        text = m.group()
        party = text.startswith(("党的", "中共", "中国共产党"))
        digits = re.sub(r"^(?:党的|中共|中国共产党)?第?|(?:次全国代表)?大$", "", text)
        if not (party or len(digits) >= 2) or any(m.start() < f.end and f.start < m.end() for f in out):
            continue
        out.append(Found(CONGRESS_NAME, m.start(), m.end()))
    return sorted(out, key=lambda f: f.start)


_ORDINAL_SESSION = re.compile(r"第?[一二三四五六七八九十]+届$")
#: 级 after a level unit: 县级残联, 各省级妇联 name the level as 县残联 and 省妇联 do
_LEVEL_SUFFIX = re.compile(r"(?<=[" + "".join(sorted(ADMIN_UNITS)) + r"])级$")


def _before_name(zh: str, start: int) -> str:
    """What stands before the name at ``start``, without a session ordinal or a level's 级."""
    return _LEVEL_SUFFIX.sub("", _ORDINAL_SESSION.sub("", zh[:start].rstrip()))


def _local(zh: str, start: int) -> bool:
    """Whether the name at ``start`` follows a place or a level (西宁市人大常委会,
    自治区十二届人大常委会, 县级残联).

    A local body is not its national namesake, so the national body's name is
    then no rendering of it.
    """
    before = _before_name(zh, start)
    return bool(before) and before[-1] in ADMIN_UNITS


def _specialised_names(body: Institution, table: tuple[Institution, ...]) -> tuple[str, ...]:
    """English names of the bodies whose Chinese name contains this one's (人大 → 全国人大 → NPC).

    A bare 人大 or 政协 usually means the national one, so "National People's
    Congress" renders 人大 unless a place name stands before it.
    """
    out: list[str] = []
    for other in table:
        if other is not body and any(b in o for o in other.zh for b in body.zh if b != o):
            out.extend(other.standard)
    return tuple(out)


def _rendering_hits(en: str, own: tuple[str, ...], in_en: list[Found]) -> list[Found]:
    """The ``own`` names in ``en`` that stand on their own, not inside a longer listed name.

    "Bank of" accepts 央行 in "the Bank of Japan" but not in "the Bank of
    China", a listed name of a different body.
    """
    out = []
    for h in find_english(en, own):
        inside = [k for k in in_en if k.start <= h.start and h.end <= k.end
                  and (k.end - k.start) > (h.end - h.start)]
        if not inside or any(k.names & set(own) for k in inside):
            out.append(h)
    return out


def _loose_only(body: Institution, hits: list[Found], own: tuple[str, ...]) -> bool:
    """Whether every rendering found is a loose word of the accepted column ("data", "plenary session").

    A standard name, a capitalised name with a body head, or the name of a
    body that contains this one (NPC for 人大) singles the body out; a loose
    word may be any noun of the sentence ("data barriers" for 国家数据局).
    """
    loose = _loose_names(body)
    return all(h.names <= loose for h in hits)


def _loose_names(body: Institution) -> set[str]:
    """The accepted renderings of ``body`` that do not single it out ("data", "plenum*", "government")."""
    return set(body.accepted) - set(_specific_names(body))


#: nouns that make a loose word name a body ("the data bureau", "the statistics authority")
_BODY_NOUNS = re.compile(rf"\b(?:{_HEADS.lower()}|federation|association|league|union|congress|academy|institute|"
                         r"cent(?:er|re)|school|university|group|corporation|company|regulators?|watchdogs?|"
                         r"authorities|government|cabinet|planners?|legislature|lawmakers|body|organ|agenc(?:y|ies)|"
                         r"officials?|spokes(?:man|woman|person)|session|plenum)s?\b", re.IGNORECASE)


def _body_like(en: str, h: Found) -> bool:
    """Whether the loose rendering ``h`` is a name of a body: it holds a body noun, or one is next to it.

    "the data regulator", "statistics authorities" and "the legislature" name
    a body; "data barriers" and "big data" do not.
    """
    before = en[max(0, h.start - 60):h.start].split()
    near = before[-1:]
    if en[h.start:h.start + 1].isupper():  # "Ministry of Agriculture, Rural Affairs …": the whole name
        for w in reversed(before[:-1]):
            if not (w[:1].isupper() or w.strip(",") in ("of", "and", "for", "the", "&")):
                break
            near.insert(0, w)
    after = en[h.end:h.end + 40].split()[:2]
    return bool(_BODY_NOUNS.search(" ".join([*near, en[h.start:h.end], *after])))


#: what a rendering of a body may be said to belong to: "… of the (20th) Central Commission for …"
_OWNER = re.compile(r"\s+of\s+(?:the\s+)?((?:(?!\s[-–—])[^,;:.()\[\]\"“”—–]){3,90})")
#: how far before a rendering its modifying owner's name may start
_LEAD_CHARS = 90
#: what may stand between a modifying owner's name and the rendering it owns ("NPC's Office")
_MODIFIER_GAP = re.compile(r"(?:['’]s)?[ \t]+")
#: a level below the centre, before a body's name or in its owner ("Beijing Municipal Party School")
_LEVEL = re.compile(r"\b(?:municipal|provincial|province|city|county|prefectural|prefecture|district|"
                    r"township)\b", re.IGNORECASE)


def _wrong_owner(body: Institution, en: str, hits: list[Found], accepted: set[str],
                 table: Lookup, zh_near: str,
                 local: bool) -> tuple[Found, Institution | None, str] | None:
    """A rendering of ``body`` that the English gives to a different body or to a lower level.

    "the Third Plenary Session of the 20th Central Commission for Discipline
    Inspection" renders 三中全会 by "plenary session" and makes it the CCDI's,
    a listed body the Chinese does not name; "Party School of the Beijing
    Municipal Committee" makes the central Party school (中央党校) a city's.
    """
    own_full = " ".join(body.standard).lower()
    inside: set[str] | None = None
    for h in hits:
        m = _OWNER.match(en, h.end)
        # the owner after the rendering ("… of the CCDI") or right before it, as its modifier
        # ("the National People's Congress Information Office" for 国务院新闻办公室)
        windows = [(m.start(1), m.group(1))] if m is not None else []
        lead = max(0, h.start - _LEAD_CHARS)
        windows.append((lead, en[lead:h.start]))
        for at, owner_text in windows:
            if inside is None:
                inside = {n for b in table.rows if any(z in zh_near for z in b.zh)
                          for n in (*b.standard, *b.accepted)}
            for k in find_english(owner_text, table.specific_names):
                if at == lead and not _MODIFIER_GAP.fullmatch(owner_text[k.end:]):
                    continue
                # "plenum of the CPC Central Committee" names the owner the body's own name holds;
                # 中央统战部 "… Department of the CPC Central Committee": 中央 is its owner
                said = owner_text[k.start:k.end].lower()
                # a plural owner is the same body: "all the third plenary sessions of the CPC
                # Central Committees" (历次三中全会, in a published translation)
                if (k.names & accepted or said in own_full or said.endswith("s") and said[:-1] in own_full
                        or find_english(owner_text[k.start:k.end], inside)):
                    continue
                others = [b for b, ns in table.specific_sets.items() if k.names & ns]
                if others and not any(_present(b, zh_near) for b in others):
                    return Found(k.name, at + k.start, at + k.end, k.names), others[0], "owner"
        if local or not body.standard:
            continue
        pre = _PREMODIFIERS.search(en, 0, h.start)
        level = _LEVEL.search(en, pre.start(), h.start) if pre is not None else None
        if level is None and m is not None:
            level = _LEVEL.search(en, m.start(1), m.end(1))
        # 国家税务总局福建省税务局 "the Fujian Provincial Tax Bureau of the State Taxation
        # Administration": the Chinese names the province's office too
        if level is not None and not _names_level(zh_near.split("\n")[0], level_units()[level.group().lower()],
                                                  table):
            return Found(level.group(), level.start(), level.end()), None, "level"
    return None


def _office_owner(office: Institution, f: Found, en: str, own: tuple[str, ...], accepted_here: set[str],
                  table: Lookup, zh_near: str) -> tuple[Found, Institution | None] | None:
    """An office whose Chinese name holds its body (国务院副总理) rendered as the office of another
    listed body that the Chinese does not name ("Vice Premier of the National People's Congress").

    Only such offices: a bare 总理 says nothing of its body, so "Premier of the State Council"
    is explicitation, not a wrong owner."""
    holders = [b for b in table.rows if b.kind == "body" and any(z in f.name and z != f.name for z in b.zh)]
    if not holders:
        return None
    accepted = accepted_here | set(own) | {n for b in holders for n in (*b.standard, *b.accepted)}
    hits = find_english(en, own)
    owned = _wrong_owner(office, en, hits, accepted, table, zh_near, local=True)
    if owned is None or owned[2] != "owner":
        return None
    name = owned[0]
    # the owner must be the office's own: "Vice Premier of the NPC", "the NPC's Vice Premier";
    # not a body further on ("Party secretary of Changsha and Standing Committee member of …")
    if not any(re.fullmatch(r"\s+of\s+(?:the\s+)?", en[h.end:name.start])
               or _MODIFIER_GAP.fullmatch(en[name.end:h.start]) for h in hits):
        return None
    return name, owned[1]


#: a word of a standard name that says the body is the central one ("National Health Commission")
_NATIONAL = re.compile(r"\b(?:National|State|Central|All-China)\b")


def _national_rendering(body: Institution, zh: str, en: str, zh_around: str, table: Lookup) -> Found | None:
    """The national standard name of ``body`` where the Chinese names only a local one.

    省卫健委 is a province's health commission; "the National Health Commission" makes it the
    central one, a different body.  Only when every mention of the body in the pair and its
    neighbours follows a place or level (省, 市, 县 …), and no level word or capitalised place
    stands right before the English name ("the Hubei Provincial National …" is not a claim).
    """
    for text in (zh, zh_around):
        for f in find_chinese(text, table.zh_terms):
            if table.by_zh.get(f.name) is body and not _local(text, f.start):
                return None
    for h in find_english(en, body.standard):
        if not _NATIONAL.search(en[h.start:h.end]):
            continue
        pre = _PREMODIFIERS.search(en, 0, h.start)
        before = en[pre.start():h.start] if pre is not None else ""
        if _LEVEL.search(before) or re.search(r"[A-Z][a-z]+\s+$", before) and not re.search(r"\bThe\s+$", before):
            continue
        return h
    return None


#: how the Chinese name of a central body begins
_CENTRAL = ("中央", "国家", "全国")
#: a level adjective below the centre (the nouns "province", "city" are often a place's name)
_LEVEL_ADJECTIVE = re.compile(r"\b(?:provincial|municipal|county|prefectural|township)\b", re.IGNORECASE)


def _lowered_level(zh: str, en: str, table: Lookup) -> Found | None:
    """A level adjective in an English that renders a central body by nothing of its own.

    中央生态环境保护督察组 → "a provincial environmental inspection team": no word of the centre
    is left and a level the Chinese gives no body of (a province's name, 江西省, is a place, not
    a body of that level) stands in its place."""
    for m in _LEVEL_ADJECTIVE.finditer(en):
        unit = level_units()[m.group().lower()]  # a level the Chinese names is no error
        if re.search(rf"{unit}(?:委|政府|人大|政协|级|直|属)", zh) or _local_body_of_level(zh, unit, table):
            continue
        return Found(m.group(), m.start(), m.end())
    return None


def _names_level(zh: str, unit: str, table: Lookup | None = None) -> bool:
    """Whether ``zh`` names a place, level or body of the level ``unit`` (福建省, 北京市委, 柯桥区委,
    省级; not 市场),
    or, given the ``table``, a listed body of that level (省卫健委: "the provincial health
    commission" beside 国家卫健委's "National Health Commission" renders the local one)."""
    # jieba keeps a place's government or congress as one word (四川省人民政府)
    level = re.compile(rf"{unit}(?:委|政府|人民政府|人大|人民代表大会|政协|级)?$")
    if any(len(w) >= 2 and level.search(w) for w in jieba_words(zh)):
        return True
    return table is not None and _local_body_of_level(zh, unit, table)


def _local_body_of_level(zh: str, unit: str, table: Lookup) -> bool:
    """Whether ``zh`` names a listed body after the level ``unit`` (省卫健委, 省级卫健委 for 省)."""
    return any(_local(zh, f.start) and _before_name(zh, f.start).endswith(unit)
               for f in find_chinese(zh, table.zh_terms))


#: the one or two words right before a name, in the same noun phrase ("the Beijing Municipal …")
_PREMODIFIERS = re.compile(r"(?:[\w'’\-]+[ \t]+){1,2}$")


#: the words that may join the parts of one body's name ("Third Plenum of the 20th CPC Central Committee")
_NAME_LINKS = frozenset({"of", "the", "and", "for", "on", "in", "at", "&"})


def _apart(en: str, a: Found, b: Found) -> bool:
    """Whether two names stand in different phrases: a lower-case word other than a link between
    them ("The Supreme People's Court recently released … cases of procuratorates"), and the
    second no "of"-phrase of the first."""
    if a.start < b.end and b.start < a.end:
        return False
    gap = en[min(a.end, b.end):max(a.start, b.start)]
    if re.match(r"\s*(?:of|['’]s)\b", gap):
        return False  # "the third plenary sessions of past CPC central committees": its owner
    return any(w[:1].islower() and w not in _NAME_LINKS for w in re.findall(r"[A-Za-z][A-Za-z'’\-]*", gap))


def _other_head(body: Institution, zh: str, en: str, rendering: list[Found], table: Lookup) -> Found | None:
    """A capitalised English body name that holds a loose word of ``body`` but ends in a head none of
    its names has, and no real name renders its Chinese suffix by (中国气象局 "China Meteorological
    Administration" → "National Meteorological Center": the core noun makes it another body)."""
    heads = table.heads()
    own = {h for n in (*body.standard, *body.accepted) if (h := bh.head_of(n))}
    for z in body.zh:
        own |= heads.of_chinese(z)
    for e in bh.english_bodies(en):
        if e.head in own or any(s in zh for s in heads.suffixes_for(e.head)) or _glossed(e.head, zh):
            continue  # the Chinese names a body of that kind too (南开区…管委会 "… Committee of Nankai District")
        name = en[e.start:e.end]
        front = e.start + len(re.split(r"\s+(?:of|for|on)\s+", name, maxsplit=1)[0])
        if any(e.start <= h.start and h.end <= front for h in rendering):  # the body's word before the head
            return Found(name, e.start, e.end)
    return None


def _glossed(head: str, zh: str) -> bool:
    """Whether a word of ``zh`` has ``head`` among its CC-CEDICT glosses (基金 'fund', 小组 'group'):
    the English body's head then renders the Chinese."""
    return any(head in glosses or lx.lemma(head) in glosses for _, glosses in zh_content_words(zh))


def _specific(name: str) -> bool:
    """A capitalised name with a body head ("Supreme People's Court"), not a loose word ("court")."""
    return bool(_SPECIFIC.search(name)) and sum(w[:1].isupper() for w in name.split()) >= 2


def _said_by_other_words(body: Institution, en: str, rendering: list[Found], in_en: list[Found],
                         accepted_here: set[str]) -> bool:
    """Whether the loose words that seemed to render ``body`` say what it does, not who it is, while
    the English names it by a known wrong name of a body: in 该市人民检察院…提起公诉 "The municipal
    people's court has filed public prosecutions", "prosecutions" is the act (公诉), and the body
    that filed them is named as a court.

    A wrong name counts only when it is a name of two words or more ("people's court"; a bare
    "court" may be the venue the body appears before), and a loose word only when it is no name of
    the body either: not capitalised with a body head, not beside a body noun ("the prosecutors'
    office"), and no agent noun ("prosecutors" are the body's people).  The wrong name is looked
    for first, as it is cheap."""
    if body.kind != "body":
        return False
    wrong = _wrong_name(body, in_en, accepted_here)
    if wrong is None or len(re.findall(r"[A-Za-z]+", en[wrong.start:wrong.end])) < 2:
        return False
    return all(not (_specific(h.name) or _body_like(en, h) or _AGENT_NOUN.search(en[h.start:h.end]))
               for h in rendering)


#: an English agent noun: the people of a body ("prosecutors", "lawmakers", "legislators")
_AGENT_NOUN = re.compile(r"(?:or|er|ist|ors|ers|ists)$", re.IGNORECASE)


def _wrong_name(body: Institution, in_en: list[Found], accepted_here: set[str]) -> Found | None:
    for h in in_en:
        if h.names & set(body.wrong) and not h.names & accepted_here:
            return h
    return None


def _wrong_inside(body: Institution, in_en: list[Found], accepted_here: set[str], zh: str,
                  table: Lookup) -> Found | None:
    """A known wrong name of two words or more inside a longer listed name the English gives ("the
    Provincial People's Government" for 省人大常委会: the matcher keeps the longest name, 省人民政府's),
    when no body whose name that is stands in the Chinese (赣州市委 makes "Municipal Party Committee"
    its own rendering, not a wrong name of 党组)."""
    phrases = [w.lower() for w in body.wrong if " " in w and not w.endswith("*")]
    if not phrases:
        return None
    for h in in_en:
        if h.names & accepted_here or not any(re.search(rf"\b{re.escape(p)}\b", n.lower())
                                              for n in h.names for p in phrases):
            continue
        owners = [b for b in table.rows if h.names & {*b.standard, *b.accepted}]
        if not any(z in zh for b in owners for z in b.zh):
            return h
    return None


def _other_body(body: Institution, in_en: list[Found], accepted_here: set[str],
                table: tuple[Institution, ...], zh_near: str) -> tuple[Found | None, Institution | None]:
    """The standard name of another listed body that the Chinese nowhere names."""
    for h in in_en:
        if h.names & accepted_here:
            continue
        for other in table:
            if other is body or other.kind != "body" or not h.names & set(other.standard):
                continue
            if _present(other, zh_near) and _named_apart(other, zh_near, table):
                continue
            return h, other
    return None, None


def _named_apart(body: Institution, zh: str, table: tuple[Institution, ...]) -> bool:
    """Whether ``zh`` names ``body`` somewhere other than inside a longer name of another body.

    全国人大常委会 holds 全国人大, but it names the Standing Committee, not the Congress: "the
    National People's Congress" for it drops the body the Chinese means and names its parent.
    An office's name does name its body: 国务院副总理 is the State Council's vice premier.
    """
    longer = [(m.start(), m.end()) for other in table if other is not body and other.kind == "body" for y in other.zh
              if any(z in y and z != y for z in body.zh) for m in re.finditer(re.escape(y), zh)]
    return any(not any(s <= m.start() and m.end() <= e for s, e in longer)
               for z in body.zh for m in re.finditer(re.escape(z), zh)) or any(
        f.name in body.zh for f in numbered_meetings(zh))


def _message(pair: Pair, m: Misnamed) -> tuple[str, str]:
    zh_text = pair.zh[m.zh_found.start:m.zh_found.end]
    en_text = pair.en[m.en_found.start:m.en_found.end]
    if not m.body.standard and not m.body.accepted and m.other is not None:  # find_foreign
        return ((f"The English names '{en_text}' ({m.other.zh[0]}), which the Chinese does not "
                f"mention; the Chinese names '{zh_text}' here, a different body"),
                f"Name the body the Chinese names: '{zh_text}'")
    what = f"'{zh_text}' is the {m.body.label}" if m.body.standard else (
        f"'{zh_text}' means '{m.body.label}'")
    if m.why == "kind":
        kind = bh.suffix_of(zh_text) or zh_text
        message = (f"The Chinese names '{zh_text}' (a {kind}); the English names '{en_text}' instead, a "
                   f"different kind of body, and nothing that renders {zh_text}")
        return message, f"Name the body the Chinese names: '{zh_text}'"
    if m.why == "head":
        message = (f"{what}; the English calls it '{en_text}', a body of another kind (a "
                   f"{bh.head_of(en_text)}), which is a different body")
        return message, f"Name the body the Chinese names: '{m.body.label}'"
    if m.why == "title":
        message = (f"{what}; the English gives the same person the title '{en_text}', which is "
                   f"another office ({m.other.zh[0]})")
        return message, f"Give the office the Chinese names: '{m.body.label}'"
    if m.why == "minister":
        message = (f"{what}, and the Chinese names its head; the English says '{en_text}', the head "
                   f"of a different body ({m.other.zh[0]}) that the Chinese does not name")
        return message, f"Name the head of the body the Chinese names: the {m.body.label}'s"
    if m.why == "owner":
        message = (f"{what}; the English makes it the {en_text}'s, a different body "
                   f"({m.other.zh[0]}) that the Chinese does not name")
    elif m.why == "national":
        message = (f"'{zh_text}' is a local body (its place or level comes first); the English "
                   f"'{en_text}' names the national {m.body.label} instead")
        return message, f"Give the level the Chinese gives, e.g. 'the provincial/municipal {_local_label(m.body)}'"
    elif m.why == "level":
        message = (f"{what}, a central body; the English makes it a {en_text.lower()} one, "
                   f"which the Chinese does not say")
    elif m.other is not None:
        other_zh = m.other.zh[0]
        message = (f"{what}; the English says '{en_text}', which is a different body "
                   f"({other_zh}), and gives no rendering of {zh_text}")
    elif not m.listed:
        message = (f"{what}; the English gives no rendering of {zh_text} and names "
                   f"'{en_text}' instead, which is not a name of it")
    else:
        message = f"{what}; the English calls it '{en_text}', a wrong name for it"
    suggestion = f"Name the body the Chinese names: '{m.body.label}'" if m.body.label else None
    return message, suggestion


def _local_label(body: Institution) -> str:
    """The body's name without its national word: "Health Commission" of "National Health Commission"."""
    return re.sub(r"\s+", " ", _NATIONAL.sub("", body.label)).strip()


@dataclass(frozen=True)
class InstitutionOptions:
    #: an institutions table (TSV, as qa/data/institutions.tsv) to use instead of the shipped one
    table: str | None = None
    #: look this many pairs either side for the rendering before flagging (alignment slack)
    neighbours: int = 1
    #: also flag (as minor) a capitalised body name that no table row lists ("Ministry of Economy")
    unlisted: bool = True
    #: also flag (as minor) a listed body the English names that the Chinese does not, where the
    #: Chinese names an unlisted body instead (中国企业联合会 → "All-China Federation of Industry …")
    foreign: bool = True
    #: also flag a leader's English title that is another office than the Chinese gives the
    #: same person (习近平总书记 → "President Xi Jinping")
    titles: bool = True
    #: also flag a deputy made the head (副局长 → "the director") or the reverse: ``qa/office_rank.py``
    rank: bool = True
    #: also flag a government named by its level alone given another level (乡镇人民政府 → "the county
    #: people's government"): ``qa/government_level.py``
    level: bool = True


def check_institutions(pair: Pair, ctx: Context) -> list[Flag]:
    opts = ctx.options_of(INSTITUTION)
    table = _lookup(opts.table)
    if not pair.zh.strip() or not pair.en.strip():
        return []
    found = find_misnamed(pair.zh, pair.en, table, unlisted=opts.unlisted)
    zh_around = neighbour_texts(ctx.pairs, pair, "zh", opts.neighbours) if found or opts.foreign else ""
    if found and opts.neighbours > 0:
        around = [(p.zh, p.en) for p in neighbour_pairs(ctx.pairs, pair, opts.neighbours)]
        found = find_misnamed(pair.zh, pair.en, table, zh_around, around, opts.unlisted)
    if not found and opts.foreign:
        found = find_foreign(pair.zh, pair.en, table, zh_around)
    if not found and opts.foreign:
        found = find_other_kind(pair.zh, pair.en, table, zh_around, opts.table)
    if not found:
        found = find_other_field(pair.zh, pair.en, table, zh_around)
    if opts.titles:
        found += [Misnamed(t.office, t.zh_found, t.en_found, t.other, why="title")
                  for t in find_title_mismatches(pair.zh, pair.en, table.offices)
                  if not any(t.zh_found.start < m.zh_found.end and m.zh_found.start < t.zh_found.end
                             for m in found)]
    flags = []
    for m in found:
        message, suggestion = _message(pair, m)
        flags.append(INSTITUTION.flag(pair, message, zh_spans=[(m.zh_found.start, m.zh_found.end)],
                                      en_spans=[(m.en_found.start, m.en_found.end)],
                                      suggestion=suggestion, severity=None if m.listed else "minor"))
    if not found:
        # a deputy made the head (qa/office_rank.py), a government given another level
        # (qa/government_level.py): one Mismatch each, flagged alike
        mismatches = ((rank_mismatches(pair.zh, pair.en) if opts.rank else [])
                      + (level_mismatches(pair.zh, pair.en) if opts.level else []))
        flags += [INSTITUTION.flag(pair, x.message, zh_spans=[x.zh_span], en_spans=[x.en_span],
                                   suggestion=x.suggestion) for x in mismatches]
    return flags


INSTITUTION = Check(id="institution", category="Accuracy/Mistranslation", severity="major",
                    description="A Chinese state or Party body, central SOE, university or office rendered "
                                "as a different body or by a known wrong name (全国政协 → 'National People's "
                                "Congress', 中核集团 → 'China General Nuclear Power Group')",
                    run=check_institutions, options=InstitutionOptions)
CHECKS = [INSTITUTION]
