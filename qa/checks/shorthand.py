"""shorthand: policy shorthand and numbered abbreviations (缩略语) rendered without what they stand for.

三农 is "agriculture, rural areas and farmers", 两会 "the two sessions", 十四五
"the 14th Five-Year Plan".  A translation that gives the numeral and a literal
gloss of the rest ("the three rurals", "the two meetings", "fourteen five")
leaves the reader with a riddle: the meaning is lost even though every
character was translated.

Known abbreviations come from ``qa/data/shorthand.tsv`` (accepted renderings,
known literal renderings, what the term means).  For each one in a pair:

* an accepted rendering, or two content words of its meaning, in the English
  (or a neighbouring pair's English) settles it;
* otherwise a known literal rendering, or the numeral followed by a literal
  gloss of the rest, is a major flag.

Unknown numbered abbreviations — a jieba word of a numeral and one or two
characters that CC-CEDICT does not list (六稳, 三保), or a quoted "numeral
(+ 个/大/项) + word" term (“两个坚持”) — get a minor flag when the English is
only the numeral and a literal gloss of the characters, with nothing after it
that explains them (a colon, a dash, a bracket, "namely", "i.e.").  Hyphened to
the count, a one-word gloss counts even when it is a function word ("three-no"
for 三无, 无 'no'); in an echoed series, so does the particle of a phrasal-verb
gloss for a count of two or more ("the Two Ins and One Out" for 两进一出, 进 'to go in').
Unnumbered coordinate abbreviations (产学研用, 专精特新, 数实融合: two or more
characters that each stand for a word, which no dictionary lists) get a
minor flag when the English renders each character by its own common-noun
gloss, in order, as one list ("production, learning, research and use"), or
as one hyphenated compound ("number-wisdom" for 数智, found by ``qa/calque.py``).
Ordinary counted nouns are left alone: the term must not be a CEDICT word
whose own gloss is in the English (两国 "the two countries").

A count series (三重一大, 一利五率, 三去一降一补: numerals each with the characters they count) is
flagged when the English repeats it count by count, one word per count, as one list ("three
majors and one large", "one-profit-five-rates"): major for a listed one, minor otherwise.  A series
of counted things (“五险一金”, 两客一危) may be plain counting: it counts when the Chinese quotes it
or the English hyphenates every count ("two-passenger, one-hazard"), and an unquoted count of places
(三省一市) never does.  A quoted coinage of 一 and clipped words (“一网通办”) counts when the English
hyphenates 'one' to their glosses ("one-network-all-handling").  A
numeral jieba leaves bare before one character (两新 of 两新政策) is a numbered coinage too, and
so is a bare count of a character clipped from a longer word of the same sentence (两金 beside
资金) that the English counts by that word ("the two funds"), and a bare count of a suffix (四型
of 四型机场: 型 '-type' ends the words it stands for) glossed "four-type".  None of these when the
sentence spells the items out itself (the counted character recurs as often as the count, or a
demonstrative points back to them: 这“一湿一干”).

Also minor: a numbered dictionary word coined as the count hyphenated to a
literal gloss its senses do not share (三甲 "three-armour"); a quoted document
named by its number of 条 whose English keeps the number but no noun of what
it counts (数据二十条 'the "Data Twenty"'); a quoted coordinate of clipped pairs
rendered as a list of hyphenated coinages (上云用数赋智 "up-cloud, use-number,
give-wisdom").  An explanation may follow the noun the term qualifies, and one
explained count of a series (三定) explains the others (四定).

Minor too: a numeral of three or more bare before a two-character word that says an action or a
manner (三 + 同时: "the three simultaneities"); an unquoted count with 个 or 大 of a word CC-CEDICT
glosses only as a verb, rendered "the" + the count + that verb made a plural noun ("the three
reverences" for 三个敬畏, "the five major reforms" for 五大改造; not after 的, a demonstrative or
第); a series echoed by its counts alone ("the three-three review system" for 三审三校, "3+3"); a
four-character coinage rendered as a title-case name word by word ("East Number West Calculation");
a count of articles (数据二十条, no 第) read as the number of one article ("Article 20").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from align.cn_numerals import cn_int
from align.english import ALIGN_STOPWORDS
from align.errors import InputError
from align.model import Pair
from align.script import HAN_CLASS, HAN_RUN
from align.zh_words import jieba_words, loaded_jieba, pos_words, word_spans
from qa import lexicons as lx
from qa.calque import (
    FUNCTION_CHARS,
    NUMERAL_CHARS,
    attested,
    hyphenated_calques,
    jieba_tag,
    meaning_kept,
    own_senses,
    renders,
    unit_lemmas,
)
from qa.model import Check, Context, Flag
from qa.name_tables import read_name_table, split_cell
from qa.phrase_match import (
    ADMIN_UNITS,
    Found,
    find_chinese,
    find_english,
    neighbour_texts,
)

SHORTHAND_PATH = lx.DATA_DIR / "shorthand.tsv"

#: English words that say a count, by value
_COUNT_WORDS = {
    1: ("one", "single"), 2: ("two", "both", "double", "dual", "twin", "pair"),
    3: ("three", "triple", "trio"), 4: ("four",), 5: ("five",), 6: ("six",), 7: ("seven",),
    8: ("eight",), 9: ("nine",), 10: ("ten",),
}
_CLASSIFIERS = frozenset("个大项条种")
#: a numbered term: numeral, optional classifier, then the counted word
_NUMBERED = re.compile(f"^([一二两三四五六七八九十双]{{1,2}})([个大项条种])?([{HAN_CLASS}]{{1,4}})$")
HAN_RE = re.compile(f"[{HAN_CLASS}]")
_QUOTED = re.compile(f"[“\"「『]([{HAN_CLASS}]{{2,8}})[”\"」』]")
#: what follows a phrase that explains it
_EXPLAINED = re.compile(r"^\s*[”\"’']?\s*(?:[:(\[—–]|-\s|,?\s*(?:namely|i\.e\.|that is|which (?:are|is|refer|means?)|"
                        r"referring to|including|such as)|"
                        # the items as an of-list: "the four flows of energy, information, carbon and value"
                        r"of\s+[^.;:!?]{1,80}?,[^.;:!?]{1,80}?\band\b)", re.IGNORECASE)


@dataclass(frozen=True)
class Shorthand:
    """One row of the table."""

    zh: tuple[str, ...]
    accepted: tuple[str, ...]
    literal: tuple[str, ...]
    meaning: str
    source: str


def load_shorthand(source: str | Path | None = None) -> list[Shorthand]:
    """Read the shorthand table (see the header of qa/data/shorthand.tsv)."""
    path = Path(source) if source is not None else SHORTHAND_PATH
    rows: list[Shorthand] = []
    for n, c in read_name_table(path, ("zh", "accepted", "literal", "meaning", "source"), "shorthand"):
        if not c[1]:
            raise InputError(f"shorthand table {path} line {n}: no accepted rendering")
        rows.append(Shorthand(split_cell(c[0]), split_cell(c[1]), split_cell(c[2]), c[3], c[4]))
    return rows


@lru_cache(maxsize=4)
def _table(source: str | None) -> tuple[Shorthand, ...]:
    return tuple(load_shorthand(source))


@dataclass(frozen=True)
class Riddle:
    """An abbreviation whose English is a literal rendering."""

    zh_found: Found
    en_span: tuple[int, int]
    entry: Shorthand | None  # None for an unknown numbered abbreviation
    #: "known literal rendering" | "numeral and literal gloss" | "number without what it counts" |
    #: "counts without what they count" | "character by character" | "unexplained" (a listed one whose
    #: English gives neither an accepted rendering nor its meaning)
    how: str


@lru_cache(maxsize=4096)
def _gloss_lemmas(chars: str, whole_only: bool = False) -> frozenset[str]:
    """Content lemmas of the first CEDICT glosses of ``chars`` and of each of its characters.

    A one-word gloss counts even when it is a word too common to be content elsewhere: 高 is
    'high', 好 'good', 大 'big', and "the two highs" for 两高 is as literal as "the three rurals".
    ``whole_only``: the glosses of ``chars`` as one word, not of its characters."""
    cd = lx.cedict()
    out: set[str] = set()
    for piece in {chars} if whole_only else {chars, *chars}:
        glosses = cd.glosses(piece)
        for g in glosses[:6]:
            out.update(lx.content_lemmas(lx.strip_gloss(g)))
            word = lx.strip_gloss(g).strip().lower()
            if re.fullmatch(r"[a-z]{3,}", word) and word not in ALIGN_STOPWORDS:
                out.add(lx.lemma(word))
        # a character's combining form, wherever CEDICT lists it (微 'micro-' comes ninth, after a
        # proper name and five plain senses): an abbreviation uses the character as that prefix
        # (微博 'microblog'), so "the two micros" glosses it as literally as 'tiny' would
        out.update(lx.lemma(m.group(1)) for g in glosses[6:] if (m := _COMBINING_FORM.fullmatch(g.strip())))
    return frozenset(out)


#: a CEDICT gloss that is an English combining form: 'micro-', 'multi-'
_COMBINING_FORM = re.compile(r"([a-z]{3,})-")


def _count_value(numeral: str) -> int | None:
    if numeral == "双":
        return 2
    return cn_int(numeral)


#: the noun a quoted numbered term qualifies ("'three determinations' plans (which set …)"): the
#: explanation may follow it
_HEAD_NOUN = re.compile(r"^\s*[”\"’']?\s*[A-Za-z]+(?=\s*[\[(:—–])")


def _explained(en: str, end: int) -> bool:
    """Whether an explanation follows the phrase ending at ``end``, directly or after the one noun it
    qualifies ("the 'three determinations' plans (which set functions, bodies and staffing)")."""
    head = _HEAD_NOUN.match(en[end:])
    return bool(_EXPLAINED.match(en[end:]) or head and _EXPLAINED.match(en[end + head.end():]))


#: the words that link a hyphenated count to its noun ("four-in-one"), never a gloss of what is
#: counted; other short common words are ("three-set" for 三定)
_LINK_WORDS = frozenset({"a", "an", "the", "in", "on", "of", "to", "by", "for", "and", "or", "one", "with"})


def _count_and_gloss(en: str, value: int, counted: str) -> list[tuple[int, int, bool]]:
    """Every place the English says the count then a literal gloss of ``counted``: (start, end,
    whether an explanation follows)."""
    words = _COUNT_WORDS.get(value)
    glosses = _gloss_lemmas(counted)
    if not words or not glosses:
        return []
    tokens = lx.tokenize_en(en)
    pattern = re.compile(r"(?<![A-Za-z0-9])(?:" + "|".join(words) + rf"|{value})(?![A-Za-z0-9])",
                         re.IGNORECASE)
    out: list[tuple[int, int, bool]] = []
    for m in pattern.finditer(en):
        if en[m.end():m.end() + 1] == "-":  # "two-carbon", "four-in-one": one hyphenated word
            hyph = re.match(r"-([A-Za-z]+(?:-[A-Za-z]+)*)", en[m.end():])
            parts = hyph.group(1).split("-") if hyph else []
            content = [w for w in parts if w.lower() not in _LINK_WORDS]
            if hyph and content and (any(lx.same_stem(lx.lemma(w.lower()), g) for w in content for g in glosses)
                                     or any(w.lower() in _word_glosses(counted) for w in content)):
                end = m.end() + hyph.end()
                out.append((m.start(), end, _explained(en, end)))
            continue
        after = [t for t in tokens if t.start >= m.end()][:3]
        for k, t in enumerate(after):
            if re.search(r"[.;,!?]", en[m.end():t.start]):
                break
            if any(lx.same_stem(w, g) for w in _token_lemmas(t) for g in glosses) or _plural_of_gloss(t, counted):
                out.append((m.start(), t.end, _explained(en, t.end)))
            elif t.text.lower() in lx.STOPWORDS and k < 2:
                continue
            break
    return out


@lru_cache(maxsize=1024)
def _word_glosses(chars: str) -> frozenset[str]:
    """The one-word glosses of ``chars`` and of each of its characters, short and function words
    too (无 'no', 不 'not', 全 'all').

    :func:`_gloss_lemmas` leaves such words out, since spaced in an English sentence they are its
    own grammar ("three no older people" is no gloss of anything); hyphened to a count they are
    one coined word with it, and "three-no" glosses 三无 as literally as "the three rurals" glosses
    三农."""
    cd = lx.cedict()
    return frozenset(w for piece in {chars, *chars} for g in cd.glosses(piece)[:6]
                     # a verb's gloss is its one word without the "to" ("to have" for 有)
                     if re.fullmatch(r"[a-z]{2,}", w := lx.strip_gloss(g).strip().lower().removeprefix("to ")))


def _plural_of_gloss(t: lx.Token, counted: str) -> bool:
    """The token is a one-word gloss of ``counted`` made a plural noun, a function word too: "the
    four haves" for 四有 (有 'to have'), "the three nos" for 三不.  Spaced in a sentence such a word is
    its own grammar (:func:`_gloss_lemmas` leaves it out), but a plural 'haves' is no English verb
    form: the count made the gloss a thing."""
    low, glosses = t.text.lower(), _word_glosses(counted)
    return low.endswith("s") and (low[:-1] in glosses or low.endswith("es") and low[:-2] in glosses)


#: English prefixes written as a word before a hyphen ("pre-measures", "anti-s"), with the words of
#: their meaning, as a gloss would say them
_PREFIX_MEANINGS = {
    "pre": ("before", "beforehand", "advance", "prior"), "post": ("after",),
    "anti": ("against", "resist", "prevent", "oppose"), "counter": ("against", "oppose"),
    "co": ("together", "joint", "common"), "re": ("again", "return"), "multi": ("many", "multiple"),
    "inter": ("between", "mutual"), "non": ("not",), "de": ("remove", "reduce"),
}


def _token_lemmas(t: lx.Token) -> tuple[str, ...]:
    """The lemma of an English token, and of its first word when it is hyphenated: "the three
    cut-offs" glosses 断 'to cut off' by its first word, which the whole token ("cut-of") hides.
    Only the first: in "three third-prize winners" the count is the prize's rank, not a count of
    prizes.  A first word that is an English prefix stands for what the prefix means ("the four
    pre-measures" glosses 预 'in advance')."""
    if "-" not in t.text.strip("-"):
        return (t.lemma,)
    first = t.text.split("-")[0].lower()
    return t.lemma, lx.lemma(first), *_PREFIX_MEANINGS.get(first, ())


def _numeral_and_gloss(en: str, value: int, counted: str) -> tuple[int, int] | None:
    """Where the English first says the count then a literal gloss of ``counted``, unless an
    explanation follows it there."""
    found = _count_and_gloss(en, value, counted)
    return None if not found or found[0][2] else found[0][:2]


def _family_explained(en: str, counted: str) -> bool:
    """Whether the English explains a numbered term of the same counted word at any count: once
    "three determinations" is explained, "four determinations" (四定 beside 三定) is the same series
    with one more item, not a new riddle."""
    return any(explained for value in _COUNT_WORDS for *_, explained in _count_and_gloss(en, value, counted))


def _every_word_glossed(term: str, en_lemmas: set[str]) -> bool:
    """A shorthand with no numeral whose every word the English glosses (新发展理念 "new ideas of
    development"): a full rendering of its words, not a riddle and not another thing."""
    if NUMERAL_CHARS.search(term):
        return False
    words = [w for w in jieba_words(term) if HAN_RUN.match(w)]
    return bool(words) and all(any(lx.same_stem(g, e) for g in _gloss_lemmas(w) for e in en_lemmas) for w in words)


def _meaning_explained(entry: Shorthand, en_lemmas: set[str]) -> bool:
    """Two English words or more say words of the meaning: two meaning words that one English word
    stems like ("north" and "northwest", both like "northern") are one piece of evidence."""
    words = set(lx.content_lemmas(entry.meaning))
    return len({e for e in en_lemmas if any(lx.same_stem(w, e) for w in words)}) >= 2


def _listed_by_characters(en: str, entry: Shorthand) -> tuple[int, int] | None:
    """A listed coordinate shorthand of four or more characters and no numeral (专精特新) whose
    English lists its characters' glosses in order, one word each, all but one of them glossing
    their character ("specialization, fineness, specialness and newness"), with no explanation
    after: the known calques of the table cannot foresee every suffix a translator puts on them."""
    term = entry.zh[0]
    if len(term) < 4 or NUMERAL_CHARS.search(term):
        return None
    span = _rendered_as_list(en, list(term), slack=1)
    return None if span is None or _EXPLAINED.match(en[span[1]:]) else span


def _unexplained_literal(en: str, entry: Shorthand, accepted: list[Found]) -> tuple[int, int] | None:
    """A known literal rendering that no explanation follows and no accepted rendering contains.

    It settles the matter even when an accepted rendering occurs elsewhere in the sentence: in
    以国内大循环为主体、国内国际双循环相互促进 "the domestic circulation" renders 国内大循环, and
    "the double cycles" is still the riddle for 双循环.
    """
    for cue in _find_literal(en, entry.literal):
        if any(a.start <= cue.start and cue.end <= a.end for a in accepted) or _EXPLAINED.match(en[cue.end:]):
            continue
        return cue.start, cue.end
    return None


#: what may join the words of a literal rendering: "release, manage and serve", "release-manage-
#: serve" and "release/manage/serve" are one calque of 放管服
_WORD_JOIN = r"(?:\s*[,/\-–]\s*(?:and\s+)?|\s+(?:and|&)\s+|\s+)"


@lru_cache(maxsize=1024)
def _literal_pattern(rendering: str) -> re.Pattern[str]:
    """``rendering``'s words with any list punctuation between them (see :data:`_WORD_JOIN`)."""
    words = [w for w in re.findall(r"[A-Za-z0-9']+", rendering) if w.lower() not in ("and",)]
    body = _WORD_JOIN.join(re.escape(w) for w in words)
    return re.compile(r"(?<![A-Za-z0-9])" + body + r"(?:s|es)?(?![A-Za-z0-9])", re.IGNORECASE)


def _find_literal(en: str, renderings: tuple[str, ...]) -> list[Found]:
    """Every known literal rendering in ``en``, whatever joins its words (commas, hyphens, "and")."""
    hits = [Found(r, m.start(), m.end()) for r in renderings if re.search(r"[A-Za-z]", r)
            for m in _literal_pattern(r).finditer(en)]
    return sorted(hits, key=lambda h: (h.start, h.start - h.end))


def _known(zh: str, en: str, en_around: str, table: tuple[Shorthand, ...]) -> list[Riddle]:
    by_zh = {name: row for row in table for name in row.zh}
    out: list[Riddle] = []
    en_lemmas = {t.lemma for t in lx.tokenize_en(en)}
    seen: set[Shorthand] = set()
    for f in find_chinese(zh, by_zh):
        entry = by_zh[f.name]
        if entry in seen:
            continue
        seen.add(entry)
        accepted = find_english(en, entry.accepted)
        cue = _unexplained_literal(en, entry, accepted)
        if cue is not None:
            out.append(Riddle(f, cue, entry, "known literal rendering"))
            continue
        if accepted:
            continue
        # an echo or a character list in this English is a riddle here, as a known literal is,
        # whatever a neighbouring sentence says
        series = count_series(entry.zh[0])
        echo = _echoed_counts(en, series, need_gloss=False) if series else _listed_by_characters(en, entry)
        if echo is None and series:
            echo = _bare_counts(en, series)  # "the three-three review system": the counts alone
        if echo is not None and any(a.start < echo[1] and echo[0] < a.end for a in _find_literal(en, entry.accepted)):
            echo = None  # "One Belt and One Road": an accepted rendering, whatever joins its words
        if echo is not None:
            # the echo's own words ("three cuts, one reduction", "specialization ... newness") are no
            # explanation of the meaning
            rest = {t.lemma for t in lx.tokenize_en(en[:echo[0]] + " " + en[echo[1]:])}
            if not _meaning_explained(entry, rest):
                out.append(Riddle(f, echo, entry, "numeral and literal gloss" if series else "known literal rendering"))
            continue
        if en_around and find_english(en_around, entry.accepted):
            continue
        # "cutting carbon emissions and capturing carbon" for 双碳: no accepted rendering, and of the
        # meaning only the words that gloss the shorthand's own characters ("carbon" of 碳)
        if _meaning_explained(entry, en_lemmas):
            continue
        # "Four in All" for 四个全面: no accepted rendering, nothing of the meaning, no numeral and gloss
        unexplained = not _find_literal(en, entry.accepted) and not _every_word_glossed(f.name, en_lemmas)
        m = _NUMBERED.match(entry.zh[0])
        value = _count_value(m.group(1)) if m else None
        span = _numeral_and_gloss(en, value, m.group(3)) if m and value is not None else None
        if span is not None:
            out.append(Riddle(f, span, entry, "numeral and literal gloss"))
        elif unexplained:
            out.append(Riddle(f, (0, len(en)), entry, "unexplained"))
    return out


def _counts_an_action(counted: str, verbal_nouns: bool = False) -> bool:
    """Whether the counted characters are a verb or an adjective (维护, 稳, 保), not a thing.

    Ordinary counting counts things and units (三年, 两分钟, 三层, 两项, 双机场);
    a numbered abbreviation counts actions or qualities: 两个维护 "two upholds",
    六稳 "six stabilities".  jieba's part-of-speech tags tell them apart.  ``verbal_nouns``
    also counts an action named as a noun (双循环 "dual circulation": 循环 is tagged vn); it is
    set for numbered words jieba's dictionary lists, where the numeral is part of the word.
    """
    if counted in _CLASSIFIERS:
        return False
    tags = [f for _, f in pos_words(counted)]
    return bool(tags) and all(t[:1] in ("v", "a", "d") and (verbal_nouns or t != "vn") for t in tags)


def _unknown_candidates(zh: str, known: set[str]) -> list[tuple[Found, int, str]]:
    """Numbered terms no table lists: (where, the count, the counted characters)."""
    out: list[tuple[Found, int, str]] = []
    cd = lx.cedict()
    for w, start, _end in word_spans(zh):
        m = _NUMBERED.match(w)
        if not m or len(w) > 4 or m.group(2) or w in known or w in cd:
            continue
        value = _count_value(m.group(1))
        if value and value >= 2 and _gloss_lemmas(m.group(3)) and _counts_an_action(m.group(3), verbal_nouns=True):
            out.append((Found(w, start, start + len(w)), value, m.group(3)))
    for found, value, counted in _split_counts(zh):
        if found.name not in known and counted not in _CLASSIFIERS and _gloss_lemmas(counted) \
                and (_counts_an_action(counted, verbal_nouns=True) or _suffix(counted)) \
                and not _spelled_out(zh, found, value, counted):
            out.append((found, value, counted))
    out += [c for c in _counted_actions(zh) if c[0].name not in known]
    for q in _QUOTED.finditer(zh):
        m = _NUMBERED.match(q.group(1))
        if not m or q.group(1) in known:
            continue
        value = _count_value(m.group(1))
        counted = m.group(3)
        coined = (value is not None and value >= 2
                  and (_counts_an_action(counted) or m.group(2) == "个" or _clipped_head(counted)))
        if coined or value == 1 and _one_coinage(q.group(1), m):
            out.append((Found(q.group(1), q.start(1), q.end(1)), value, m.group(3)))
    return out


def _suffix(char: str) -> bool:
    """Whether jieba tags ``char`` a suffix ('k': 型 '-type', 式 '-style').

    Counted bare (四型 of 四型机场, 两型 of 两型社会), a suffix can only stand for the words it ends
    (平安型, 绿色型, 智慧型, 人文型), as an affix does (:func:`_affix`): the count and "type" tell the
    reader how many kinds there are and never which.  Plain counting of kinds takes a classifier
    (四种机场, 四类机场)."""
    return jieba_tag(char) == "k"


def _one_coinage(term: str, m: re.Match[str]) -> bool:
    """Whether a quoted term that opens with 一 is a coinage of 'one' and clipped words (“一网通办”
    'a single online platform for all services', “一网统管”): two or more characters after the
    numeral, no classifier, and no dictionary word as a whole (“一站式” 'one-stop' is one).

    'One' counts nothing a reader must unpack, so only an English that hyphenates it to glosses of
    the other characters ("one-network-all-handling", :func:`_hyphen_chain`) shows the riddle."""
    return m.group(2) is None and len(m.group(3)) >= 2 and not _is_word(term) and not _is_word(m.group(3))


def _hyphen_chain(en: str, start: int, end: int) -> bool:
    """Whether ``en[start:end]`` is one word of three or more hyphenated parts that CC-CEDICT's
    English never uses ("one-network-all-handling"; "one-stop" and "one-to-one" are English)."""
    words = en[start:end].split("-")
    return len(words) >= 3 and all(re.fullmatch(r"[A-Za-z]+", w) for w in words) and not attested(words)


#: a demonstrative before a term: it names what the sentence has just said (这“一湿一干” 'this wet
#: and dry', after 夏季多雨，冬季干燥)
_DEMONSTRATIVE = re.compile("(?:这|此|该|这种|这个|上述|以上)[“\"「『]?$")


def _refers_back(zh: str, start: int) -> bool:
    """Whether the term at ``start`` follows a demonstrative: the source has just spelled out its items,
    so the count is a short reference back, and a short English reference to it is no riddle."""
    return bool(_DEMONSTRATIVE.search(zh[max(0, start - 3):start]))


def _spelled_out(zh: str, term: Found, value: int, counted: str) -> bool:
    """Whether the sentence spells out the counted items itself: the counted character recurs in as
    many other words as the count says (三全 after 全员参与、全专业应用、全过程实施), or the term
    follows a demonstrative (see :func:`_refers_back`)."""
    elsewhere = zh[:term.start].count(counted) + zh[term.end:].count(counted)
    return elsewhere >= value or _refers_back(zh, term.start)


@lru_cache(maxsize=1024)  # asked twice per pair: for counted qualities and for clipped words
def _split_counts(zh: str) -> tuple[tuple[Found, int, str], ...]:
    """A numeral word jieba cut from the one character it counts (两新政策 is 两 / 新 / 政策, 两金压降
    两 / 金 / 压 / 降), where the two make no dictionary word: (where, the count, the character).

    jieba joins the numbered words its dictionary knows (两会, 三农); a coinage it does not know
    comes out as a bare numeral and a character, which plain Chinese counting never leaves bare
    (两个新政策, 两笔资金): the character is then an item's abbreviation.  A measure or a time
    word after the numeral (三年, 五次) is plain counting and is left out.
    """
    out: list[tuple[Found, int, str]] = []
    if not _SERIES_NUMERAL.search(zh):
        return ()
    words = jieba_words(zh)
    at = 0
    for w, nxt in zip(words, [*words[1:], ""]):
        start, at = at, at + len(w)
        if (len(nxt) != 1 or not _SERIES_NUMERAL.fullmatch(w) or not HAN_RE.fullmatch(nxt)
                or zh[start - 1:start] in ("第", *"一二两三四五六七八九十百千万零〇")
                or zh[at + 1:at + 2] in ("一二两三四五六七八九十双") or _measure(nxt) or _is_word(w + nxt)):
            continue
        value = _count_value(w)
        if value and value >= 2:
            out.append((Found(w + nxt, start, at + 1), value, nxt))
    return tuple(out)


#: a numeral character of three or more
_THREE_UP = re.compile("[三四五六七八九十]")
#: jieba's tags of a word that says an action, a quality or a manner, not a thing: verbs, adjectives,
#: adverbs, and conjunctions such as 同时 'at the same time'
_ACTION_TAGS = ("v", "a", "d", "c")


@lru_cache(maxsize=1024)
def _counted_actions(zh: str) -> tuple[tuple[Found, int, str], ...]:
    """A bare numeral before a two-character word that says an action or a manner, not a thing
    (三 / 同时 of 三同时制度 'design, build and commission safety facilities at the same time as the
    project', 两 / 同步, 三 / 到位): (where, the count, the counted word).

    Chinese counts things with a classifier (三个部门) or bare before a noun (三部门); a numeral
    never stands bare before a verb or an adverb except in a numbered coinage, where the word is
    the one the items share.  A measure or a time word after the numeral (三 / 年度) is plain
    counting, and an ordinal (第三) or a longer number is no count of items.  两 before a verb is
    'both' (供需两繁荣 'supply and demand both prosper', 两不误), so the count starts at three.
    """
    if not _THREE_UP.search(zh):
        return ()  # cheap: no numeral of three or more
    out: list[tuple[Found, int, str]] = []
    words = jieba_words(zh)
    at = 0
    for w, nxt in zip(words, [*words[1:], ""]):
        start, at = at, at + len(w)
        if (len(nxt) != 2 or not _SERIES_NUMERAL.fullmatch(w) or not all(HAN_RE.fullmatch(c) for c in nxt)
                or not jieba_tag(nxt).startswith(_ACTION_TAGS) or _measure(nxt[0])
                or zh[start - 1:start] in ("第", *"一二两三四五六七八九十百千万零〇")
                or _is_word(w + nxt) or _is_word(w + nxt[0])):
            continue
        value = _count_value(w)
        found = Found(w + nxt, start, at + 2)
        if value and value >= 3 and _gloss_lemmas(nxt, whole_only=True) and not _spelled_out(zh, found, value, nxt):
            out.append((found, value, nxt))
    return tuple(out)


#: a numeral of a count series (三去一降一补): one or two numeral characters
_SERIES_NUMERAL = re.compile("[一二两三四五六七八九十双]{1,2}")
#: a Han run cut into numerals and what lies between them
_SERIES_CHUNKS = re.compile("[一二两三四五六七八九十双百千万亿零〇]+|[^一二两三四五六七八九十双百千万亿零〇]+")


def count_series(term: str) -> tuple[tuple[int, str], ...] | None:
    """``term`` read as a series of counted items, numeral then one to three characters, at least
    two of them (三去一降一补 is (3, 去), (1, 降), (1, 补); 两不愁三保障 (2, 不愁), (3, 保障)); None
    when it is not one."""
    chunks = _SERIES_CHUNKS.findall(term)
    if "".join(chunks) != term or len(chunks) < 4 or len(chunks) % 2:
        return None
    out: list[tuple[int, str]] = []
    for numeral, counted in zip(chunks[::2], chunks[1::2]):
        value = _count_value(numeral) if _SERIES_NUMERAL.fullmatch(numeral) else None
        if value is None or not 1 <= len(counted) <= 3:
            return None
        out.append((value, counted))
    return tuple(out)


def _series_candidates(zh: str, known: set[str]) -> list[tuple[Found, tuple[tuple[int, str], ...], str]]:
    """Count series no table lists (三重一大, 一利五率, “五险一金”, 两客一危): two or more numerals each
    with the one to three characters it counts, that no dictionary joins into a word (一五一十,
    三心二意 are idioms), and what makes each a coinage: "action", "quoted" or "things".

    A series the Chinese quotes is a coinage, as a quoted numbered term is ("quoted"); so is one that
    counts an action or a quality (重 'major', 率 'rate' tagged a verb: "action").  An unquoted
    series of counted places is plain counting (三省一市 'three provinces and one municipality');
    one of other things ("things") only when the English hyphenates every count to its word, which
    no English count phrase does twice in one list (:func:`_echoed_counts`).  A count of a measure
    or a date (一年一度) is no term at all.
    """
    out: list[tuple[Found, tuple[tuple[int, str], ...], str]] = []
    if not _SERIES_NUMERAL.search(zh):
        return out
    for run in re.finditer(f"[{HAN_CLASS}]+", zh):
        chunks = [(m.start() + run.start(), m.group()) for m in _SERIES_CHUNKS.finditer(run.group())]
        k = 0
        while k + 3 < len(chunks):
            start = chunks[k][0]
            width = len(chunks[k + 1][1])
            if (not _SERIES_NUMERAL.fullmatch(chunks[k][1]) or zh[start - 1:start] == "第"
                    or width > 3 or k + 1 == len(chunks) - 1):
                k += 1
                continue
            end, i = chunks[k + 1][0] + width, k + 2
            while i + 1 < len(chunks) and _SERIES_NUMERAL.fullmatch(chunks[i][1]) and len(chunks[i + 1][1]) >= width:
                end = chunks[i + 1][0] + width
                if len(chunks[i + 1][1]) > width:
                    break
                i += 2
            term = zh[start:end]
            series = count_series(term)
            k = max(i, k + 1)
            if (series is None or len(series) < 2 or term in known or _is_word(term) or _refers_back(zh, start)
                    or any(_measure(c[0]) or c[0] in _NUMBER_LINKS for _, c in series)):
                continue
            if _QUOTES.get(zh[start - 1:start], "") == zh[end:end + 1] != "":
                kind = "quoted"
            elif any(_counts_an_action(c) for _, c in series):
                kind = "action"
            elif any(c[0] in _PLACES for _, c in series):
                continue  # 三省一市, 两岸三地: places, counted plainly
            else:
                kind = "things"
            out.append((Found(term, start, end), series, kind))
    return out


#: characters that join two numbers into one figure, never an item counted: a score (三比三), a range
#: (三至五), a fraction (三分之一), a sum (三加三)
_NUMBER_LINKS = frozenset("比至到分加减乘除或")
#: the characters that count places (省 province, 市 city, 岸 shore of the Strait …): an unquoted
#: series of them (三省一市 'three provinces and one municipality') is plain counting
_PLACES = ADMIN_UNITS | frozenset("国乡镇村岸城地洲")
#: an English acronym ("AC", "DC"): a name of what it stands for, no gloss of a character
_ACRONYM = re.compile(r"\b[A-Z]{2,}s?\b")
#: opening quotation marks and the marks that close them
_QUOTES = {"“": "”", "\"": "\"", "「": "」", "『": "』"}


def _count_mentions(en: str) -> list[tuple[int, int, int]]:
    """Every count word or figure of one to ten in ``en``: (start, end, value)."""
    out = []
    for value, words in _COUNT_WORDS.items():
        pattern = r"(?<![A-Za-z0-9.,])(?:" + "|".join(w for w in words if w != "pair") + rf"|{value})(?![A-Za-z0-9])"
        out += [(m.start(), m.end(), value) for m in re.finditer(pattern, en, re.IGNORECASE)]
    return sorted(out)


#: between a count and what it counts in an echoed series: a space or a hyphen
_COUNT_JOIN = re.compile(r"^[ -]([A-Za-z]+)")
#: between two items of an echoed series: list punctuation, "and", hyphens
_SERIES_GAP = re.compile(r"^(?:\s*[,/\-–]\s*(?:and\s+)?|\s+(?:and|&)\s+|-)$")


def _echoed_counts(en: str, series: tuple[tuple[int, str], ...], need_gloss: bool = True,
                   hyphenated: bool = False) -> tuple[int, int] | None:
    """Where the English repeats the series count by count, each count with one word, as one list
    ("three cuts, one reduction and one supplement", "one-profit-five-rates"), unless an explanation
    follows it: the reader gets the numbers and a word for each, never what the items are.

    ``need_gloss``: at least one of those words must gloss the characters it stands for (an
    unlisted series); a listed shorthand needs no such evidence.  ``hyphenated``: every count must
    be hyphenated to its word ("two-passenger, one-hazard"), a coinage whatever it counts.
    """
    mentions = _count_mentions(en)
    for i, (start, _, value) in enumerate(mentions):
        if value != series[0][0]:
            continue
        at, end, glossed = i, None, False
        for k, (want, counted) in enumerate(series):
            if at >= len(mentions) or mentions[at][2] != want:
                break
            s, e, _ = mentions[at]
            if k and not _SERIES_GAP.match(en[end:s]):
                break
            word = _COUNT_JOIN.match(en[e:])
            if word is None or hyphenated and en[e] != "-":
                break
            lemma = lx.lemma(word.group(1).lower())
            glossed = (glossed or any(lx.same_stem(lemma, g) for g in _gloss_lemmas(counted))
                       or want >= 2 and re.sub(r"'?s$", "", word.group(1).lower()) in _particles(counted))
            end, at = e + word.end(), at + 1
        else:
            if end is not None and (glossed or not need_gloss) and not _explained(en, end):
                return start, end
    return None


#: a phrasal verb's gloss: 'to go in', 'to come out', 'to take up'; the particle is group 1
_PHRASAL_GLOSS = re.compile(r"to [a-z]+ (in|out|up|down|off|back|over|away)")


@lru_cache(maxsize=1024)
def _particles(chars: str) -> frozenset[str]:
    """The particles of the phrasal verbs CC-CEDICT glosses ``chars`` by (进 'to go in', 出 'to go
    out': 'in', 'out').

    A directional verb counted in a series (两进一出 'into villages, into factories and out of the
    country') is echoed by its particle made a noun ("the Two Ins and One Out"): the particle is
    the whole of the English a reader gets for the character, a gloss as literal as any.  It is
    evidence only for a count of two or more: single opposite moves (一进一出 'in and out', "one
    in, one out") are how Chinese and English both say a coming and going."""
    return frozenset(m.group(1) for g in lx.cedict().glosses(chars)[:8]
                     if (m := _PHRASAL_GLOSS.fullmatch(lx.strip_gloss(g).strip())))


def _bare_counts(en: str, series: tuple[tuple[int, str], ...]) -> tuple[int, int] | None:
    """Where the English gives the series' counts in a row and nothing they count: "the three-three
    review system" for 三审三校 (three reviews, three proofreadings), "a 2+1 plan", "two-plus-one".

    English never joins bare counts so except to echo such a series, and the echo keeps the
    numbers and drops every item; an explanation after it ("three-three (three reviews …)")
    settles it."""
    if not _count_mentions_cheap(en):
        return None
    pattern = _bare_count_pattern(tuple(v for v, _ in series))
    m = pattern.search(en) if pattern is not None else None
    if m is None or _explained(en, m.end()):
        return None
    return m.start(), m.end()


@lru_cache(maxsize=1024)  # a series' counts recur in every pair that says it: built once per series
def _bare_count_pattern(values: tuple[int, ...]) -> re.Pattern[str] | None:
    """The English of the counts ``values`` joined in a row (:func:`_bare_counts`), or None when a
    count has no English word."""
    if not all(v in _COUNT_WORDS for v in values):
        return None
    words = ["(?:" + "|".join([*(w for w in _COUNT_WORDS[v] if w not in ("pair", "both")), str(v)]) + ")"
             for v in values]
    return re.compile(r"(?<![A-Za-z0-9.,-])" + r"(?:\s*[-+]\s*|-plus-|\s+plus\s+)".join(words)
                      + r"(?![A-Za-z0-9+]|-(?:year|day|month|week|hour|minute|time|fold|way|point|part|step)s?\b)",
                      re.IGNORECASE)


def _count_mentions_cheap(en: str) -> bool:
    """Whether ``en`` can hold a joined count at all: a hyphen or plus beside a count word or figure."""
    return bool(re.search(r"[-+]|\bplus\b", en))


def _clipped_head(counted: str) -> bool:
    """Whether a quoted count's counted part opens with a lone character that stands for a word:
    “三医” (医 for 医疗, 医保, 医药), “两山”, “三权分置”, “三线一单”.

    A quoted count of a whole noun is often plain counting (“双机场” 'twin airports'), and one of a
    measure or a date (“十日游” 'ten-day tour') always is; a character cut out of its word is what
    makes the term a coinage the reader cannot unpack from the count and a gloss.
    """
    first = lx.cedict().segment(counted, max_len=4)[0]
    return len(first) == 1 and not _measure(first)


def _measure(char: str) -> bool:
    """A character jieba tags as a numeral, classifier or time word (日 'day', 步 'step', 年 'year'):
    a count of it is plain counting ("a 10-day tour"), not a coinage."""
    return jieba_tag(char)[:1] in ("m", "q", "t")


def _unknown(zh: str, en: str, table: tuple[Shorthand, ...], taken: list[Found]) -> list[Riddle]:
    known = {name for row in table for name in row.zh}
    cd = lx.cedict()
    en_lemmas = {t.lemma for t in lx.tokenize_en(en)}
    out: list[Riddle] = []
    for f, series, kind in _series_candidates(zh, known):
        if any(f.start < k.end and k.start < f.end for k in taken):
            continue
        # a quoted series, or one hyphenated count by count, is a coinage whatever its words gloss
        # (“五险一金” "five insurances and one fund": 险 and 金 are clipped from 保险 and 公积金, so
        # no item's word is its character's gloss; 两客一危 "two-passenger, one-hazard")
        span = _echoed_counts(en, series, need_gloss=kind == "action", hyphenated=kind == "things")
        if span is not None and kind == "quoted" and _ACRONYM.search(en, *span):
            continue  # “一交一直” "one AC, one DC": an acronym names the item itself
        if span is not None:
            out.append(Riddle(f, span, None, "numeral and literal gloss"))
            taken.append(f)
            continue
        bare = _bare_counts(en, series)
        if bare is not None:
            out.append(Riddle(f, bare, None, "counts without what they count"))
            taken.append(f)
    for f, value, counted in _unknown_candidates(zh, known):
        if any(f.start < k.end and k.start < f.end or f.name == k.name for k in taken):
            continue
        whole = [g for g in cd.glosses(f.name)]
        if any(set(lx.content_lemmas(lx.strip_gloss(g))) <= en_lemmas for g in whole if lx.content_lemmas(g)):
            continue
        span = _numeral_and_gloss(en, value, counted)
        if value == 1 and span is not None and not _hyphen_chain(en, *span):
            continue  # "one network for all services": 'one' is no riddle unless coined
        if span is not None and not _family_explained(en, counted):
            out.append(Riddle(f, span, None, "numeral and literal gloss"))
            taken.append(f)
    out += _counted_clippings(zh, en, known, taken) + _counted_verbs(zh, en, known, taken)
    out += _numbered_words(zh, en, known, taken) + _counted_articles(zh, en, taken)
    return out + _count_as_ordinal(zh, en, taken + [r.zh_found for r in out])


def _affix(char: str) -> bool:
    """Whether CC-CEDICT glosses ``char`` as a word-forming affix (化 '-ization', 性 'suffix forming
    noun from adjective'): counted bare (两化 of 两化融合), it can only stand for the words it ends
    (工业化, 信息化), so whatever noun the English counts, the items are left out."""
    return any(g.startswith("-") or "suffix" in g for g in lx.cedict().glosses(char)[:8])


def _words_around(zh: str, char: str, term: Found) -> set[str]:
    """The CC-CEDICT words of two to four characters that hold ``char`` elsewhere in ``zh`` than in
    ``term`` (资金 of 加快资金周转 for the 金 of 两金)."""
    cd = lx.cedict()
    out: set[str] = set()
    for p in (m.start() for m in re.finditer(re.escape(char), zh)):
        if term.start <= p < term.end:
            continue
        out.update(zh[s:e] for s in range(max(0, p - 3), p + 1) for e in range(p + 1, min(len(zh), s + 4) + 1)
                   if e - s >= 2 and not (s < term.end and term.start < e) and zh[s:e] in cd)
    return out


def _counted_clippings(zh: str, en: str, known: set[str], taken: list[Found]) -> list[Riddle]:
    """A numeral with a character clipped from a longer word of the same sentence (两金 beside 资金
    'funds'), rendered as "the" + the count + that word's gloss ("the two funds"): the reader learns
    there are two kinds of funds, never which.  A counted affix (两化, see :func:`_affix`) is a
    clipping whatever noun the English counts ("the two integrations").

    Plain counting counts a thing by its own name (三省 'three provinces'); a character counted
    bare while the sentence spells out the longer word it stands for is a clipped item, and the
    English counting it by the longer word's gloss, not the character's, shows the translator read
    the clipping and left out what it counts.  The definite article says the English names a set
    the reader is meant to know, as a numbered abbreviation does.
    """
    out: list[Riddle] = []
    mentions = None
    for f, value, counted in _split_counts(zh):
        if (f.name in known or counted in _CLASSIFIERS or _counts_an_action(counted, verbal_nouns=True)
                or _spelled_out(zh, f, value, counted) or any(f.start < k.end and k.start < f.end or f.name == k.name for k in taken)):
            continue
        own = _gloss_lemmas(counted)
        affix = _affix(counted)
        longer = {g for w in _words_around(zh, counted, f) for g in _gloss_lemmas(w, whole_only=True)} - own
        if not longer and not affix:
            continue
        mentions = _count_mentions(en) if mentions is None else mentions
        for s, e, v in mentions:
            word = _COUNT_JOIN.match(en[e:])
            if (v != value or not word or not re.search(r"\bthe\s+$", en[max(0, s - 5):s], re.IGNORECASE)
                    or _explained(en, e + word.end())):
                continue
            lemma = lx.lemma(word.group(1).lower())
            if (affix and word.group(1).lower() not in lx.STOPWORDS
                    or any(lx.same_stem(lemma, g) for g in longer) and not any(lx.same_stem(lemma, g) for g in own)):
                out.append(Riddle(f, (s, e + word.end()), None, "numeral and literal gloss"))
                taken.append(f)
                break
    return out


#: a numeral with the classifier 个 or the 大 of numbered coinages: 三个, 五大
_COUNT_WITH = re.compile("([两三四五六七八九十]{1,2})([个大])")


@lru_cache(maxsize=4096)
def _verb_senses(word: str) -> frozenset[str]:
    """The lemmas of the verbs CC-CEDICT glosses ``word`` by ('to revere': 'revere'), when every one
    of its senses is a verb; empty when any is not (选择 'to select; choice', 建议 'to propose;
    proposal'): a word with a noun sense may be counted as the thing it names."""
    glosses = [lx.strip_gloss(g).strip() for g in lx.cedict().glosses(word)]
    if not glosses or not all(g.startswith("to ") for g in glosses):
        return frozenset()
    return frozenset(lx.lemma(g.split()[1].lower()) for g in glosses if len(g.split()) > 1)


def _plural(text: str) -> bool:
    """Whether an English word reads as a plural noun: "reverences", "upholds" (not "process")."""
    return bool(re.fullmatch(r"[A-Za-z]+[a-rt-zA-RT-Z]s", text))


def _counted_verbs(zh: str, en: str, known: set[str], taken: list[Found]) -> list[Riddle]:
    """An unquoted count of a word that is only a verb (三个敬畏, 五大改造) rendered as "the", the count
    and the verb made a plural noun ("the three reverences", "the five major reforms").

    Chinese counts things; 个 or 大 before a word that has no sense but a verb (敬畏 'to revere',
    改造 'to transform; to reform') makes each counted item a way of doing it, a numbered coinage
    whose items the count never names (三个敬畏: revering life, the rules and one's duty).  The
    English that turns the verb into a plural noun right after a definite count names a set the
    reader is meant to know and cannot.  Plain counting is left alone: a word with a noun sense
    (两个选择 'two choices'); a verb before the noun it qualifies (两个出发层 'two departure floors':
    the noun stays the English head); a count after 第, after a demonstrative (这三个, pointing back
    to items just named) or after 的 (他提到的三个发现 'the three discoveries he mentioned': the things
    a clause or an owner before it has); an indefinite count ("two discoveries"); a noun the count
    does not reach directly ("the two biggest changes"); and an explanation after it.
    """
    if not _COUNT_WITH.search(zh):
        return []
    out: list[Riddle] = []
    starts = {start: w for w, start, _end in word_spans(zh)}
    for m in _COUNT_WITH.finditer(zh):
        # jieba cuts the count as one word (三个, 五大) or two (三 / 大): either way its own words
        start, nxt = m.start(), starts.get(m.end(), "")
        found = Found(zh[start:m.end()] + nxt, start, m.end() + len(nxt))
        if (start not in starts or len(nxt) < 2 or not all(HAN_RE.fullmatch(c) for c in nxt) or found.name in known
                or zh[start - 1:start] in ("第", "的", *"一二两三四五六七八九十百千万零〇") or _refers_back(zh, start)
                or any(found.start < k.end and k.start < found.end or found.name == k.name for k in taken)):
            continue
        value, verbs = _count_value(m.group(1)), _verb_senses(nxt)
        between = _gloss_lemmas("大", whole_only=True) if m.group(2) == "大" else frozenset()
        span = _definite_count_of(en, value, verbs, between) if value and value >= 2 and verbs else None
        if span is not None:
            out.append(Riddle(found, span, None, "numeral and literal gloss"))
            taken.append(found)
    return out


def _definite_count_of(en: str, value: int, verbs: frozenset[str], between: frozenset[str]) -> tuple[int, int] | None:
    """Where the English says "the", the count, then a plural noun of one of ``verbs``' stems ("the
    three reverences"), with no explanation after it.  One word of ``between`` may stand between
    the count and the noun: the gloss of the coining 大 ("the five major reforms")."""
    tokens = lx.tokenize_en(en)
    for s, e, v in _count_mentions(en):
        if v != value or not re.search(r"\bthe\s+$", en[max(0, s - 5):s], re.IGNORECASE):
            continue
        after = [t for t in tokens if t.start >= e][:2]
        if not after or not re.fullmatch(r"\s+", en[e:after[0].start]):
            continue
        noun = after[0]
        if noun.lemma in between and len(after) == 2 and re.fullmatch(r"\s+", en[noun.end:after[1].start]):
            noun = after[1]  # "major" of "the five major reforms"
        if _plural(noun.text) and any(lx.same_stem(noun.lemma, g) for g in verbs) and not _explained(en, noun.end):
            return s, noun.end
    return None


def _numbered_words(zh: str, en: str, known: set[str], taken: list[Found]) -> list[Riddle]:
    """Dictionary words that open with a numeral (三甲 'grade A', of 三甲医院) coined into English as
    the count hyphenated to a literal gloss of the rest ("three-armour" hospitals).

    The numeral is part of the word, so the count alone says nothing; the hyphen makes the English
    a coinage.  A count and its measure (四点 "four-point", 三步 "three-step": jieba's numeral tag
    'm') is plain English counting.  Flagged only when the gloss shares no word with the word's own CC-CEDICT senses
    ("five-star" for 五星, "three-good" for 三好 keep their sense) and no explanation follows.
    """
    out: list[Riddle] = []
    for w, start, _end in word_spans(zh):
        m = _NUMBERED.match(w)
        if (not m or m.group(2) or not 2 <= len(w) <= 4 or w in known or not _is_word(w)
                or jieba_tag(w).startswith("m") or _measure(m.group(3)[0]) or any(e.proper for e in lx.cedict().get(w))
                or any(start < k.end and k.start < start + len(w) or k.name == w for k in taken)):
            continue
        value = _count_value(m.group(1))
        if not value or value < 2:
            continue
        senses = own_senses(w)
        for s, e, explained in _count_and_gloss(en, value, m.group(3)):
            words = re.findall(r"[A-Za-z]+", en[s:e])[1:]
            if "-" not in en[s:e] or explained or attested(re.findall(r"[A-Za-z]+", en[s:e])):
                continue
            if senses and meaning_kept(words, senses, set()):
                continue
            out.append(Riddle(Found(w, start, start + len(w)), (s, e), None, "numeral and literal gloss"))
            taken.append(out[-1].zh_found)
            break
    return out


#: a quoted policy document named by the number of its articles: “数据二十条”, “国十条”, “金融十六条”
_ARTICLES_TERM = re.compile(f"^[{HAN_CLASS}]{{0,6}}?([〇零一二两三四五六七八九十百]{{1,5}}|[0-9]{{1,3}})条$")
_QUOTED_TITLE = re.compile(f"[“\"「『《]([{HAN_CLASS}0-9]{{2,10}})[”\"」』》]")
#: what 条 counts in English
_ARTICLE_NOUN = re.compile(r"(?:measure|article|provision|point|rule|guideline|regulation|step|polic|item|clause|"
                           r"opinion|principle|stipulation|term|action)", re.IGNORECASE)


def _counted_articles(zh: str, en: str, taken: list[Found]) -> list[Riddle]:
    """A document named by its count of articles (数据二十条 'the 20 measures on data') whose English
    keeps the number but drops what it counts ('the "Data Twenty"').

    Chinese names policy packages by their number of 条 (articles, measures); the number alone
    tells the English reader nothing.  Flagged only when the English has the number and no noun
    of articles or measures within three words of any occurrence of it.
    """
    from qa.checks.numbers import en_numbers

    out: list[Riddle] = []
    numbers = None
    for q in _QUOTED_TITLE.finditer(zh):
        m = _ARTICLES_TERM.match(q.group(1))
        if not m or any(q.start(1) < k.end and k.start < q.end(1) for k in taken):
            continue
        value = int(m.group(1)) if m.group(1).isdigit() else cn_int(m.group(1))
        if not value or value < 2:
            continue
        numbers = en_numbers(en) if numbers is None else numbers
        here = [n for n in numbers if value in n.values]
        if not here or any(_counts_articles(en, *n.span) for n in here):
            continue
        start, end = _quoted_phrase(en, *here[0].span)
        out.append(Riddle(Found(q.group(1), q.start(1), q.end(1)), (start, end), None, "number without what it counts"))
    return out


#: a count of articles in the Chinese, not an ordinal (第二十条 'Article 20'): 二十条, 20条
_ARTICLE_COUNT = re.compile("(?<![第〇零一二两三四五六七八九十百0-9])([〇零一二两三四五六七八九十百]{1,5}|[0-9]{1,3})条")
#: an English reference to one numbered article: "Article 20", "Section 20", "Clause No. 20"
_ARTICLE_REF = re.compile(r"\b(?:Article|Section|Clause|Item|Paragraph|Point|Rule|No\.)\s+(?:No\.\s*)?([0-9]{1,3})\b")


def _count_as_ordinal(zh: str, en: str, taken: list[Found]) -> list[Riddle]:
    """A count of articles (数据二十条 'the 20 measures on data') that the English reads as the number
    of one article ("Article 20 of the Data Security Law").

    Chinese names a single article with 第 (第二十条); without it the number counts the articles
    of a package.  Flagged when the Chinese says N条 with no 第 before it and names no article by
    第 anywhere, and the English refers to an article numbered N without counting N of anything.
    """
    if "条" not in zh or "第" in zh and re.search("第[〇零一二两三四五六七八九十百0-9]+条", zh):
        return []
    refs = [m for m in _ARTICLE_REF.finditer(en)] if re.search(r"[0-9]", en) else []
    if not refs:
        return []
    out: list[Riddle] = []
    for m in _ARTICLE_COUNT.finditer(zh):
        value = int(m.group(1)) if m.group(1).isdigit() else cn_int(m.group(1))
        if not value or value < 2 or any(m.start() < k.end and k.start < m.end() for k in taken):
            continue
        hit = next((r for r in refs if int(r.group(1)) == value), None)
        if hit is None or re.search(rf"\b{value}\s+(?:[A-Za-z-]+\s+)?{_ARTICLE_NOUN.pattern}", en, re.IGNORECASE):
            continue
        start = m.start()
        before = jieba_words(zh[max(0, start - 6):start])
        if before and len(before[-1]) >= 2 and all(HAN_RE.fullmatch(c) for c in before[-1]):
            start -= len(before[-1])  # the name before the count: 数据 of 数据二十条
        out.append(Riddle(Found(zh[start:m.end()], start, m.end()), hit.span(), None, "count read as a number"))
    return out


def _counts_articles(en: str, start: int, end: int) -> bool:
    """A noun of articles or measures within three words after the number ("20 Data Measures",
    "the twenty measures on data") or two before it ("the Measures (20)")."""
    after = re.findall(r"[A-Za-z]+", en[end:end + 60])[:3]
    before = re.findall(r"[A-Za-z]+", en[max(0, start - 40):start])[-2:]
    return any(_ARTICLE_NOUN.match(w) for w in after + before)


def _quoted_phrase(en: str, start: int, end: int) -> tuple[int, int]:
    """The quoted English around a number ('"Data Twenty"'), or the number with the capitalised
    words before it."""
    left = re.search(r"[“\"‘']((?:[A-Z][\w-]*\s+){0,3})$", en[max(0, start - 40):start])
    if left:
        start -= len(left.group(0))
        close = re.match(r"[^”\"’.;!?]{0,40}[”\"’]", en[end:])
        return start, end + (close.end() if close else 0)
    caps = re.search(r"(?:[A-Z][\w-]*\s+){1,3}$", en[max(0, start - 40):start])
    return (start - len(caps.group(0)) if caps else start), end


#: what may stand between the words of a character-by-character list: commas, hyphens, slashes, "and"
_LIST_GAP = re.compile(r"^(?:\s*[,/\-–]\s*|\s+(?:and|&)\s+|\s*,\s*and\s+)$")


def _is_word(chars: str) -> bool:
    """A word of its own in CC-CEDICT or jieba's dictionary (低碳): not two abbreviated words."""
    return chars in lx.cedict() or bool(loaded_jieba().dt.FREQ.get(chars))


def _coordinate_candidates(zh: str, known: set[str]) -> list[tuple[Found, list[str]]]:
    """Unnumbered coordinate abbreviations: 产学研用, 专精特新.

    Three or four single characters in a row that no dictionary joins into a
    word, each standing for a word of its own (产 for 产业, 学 for 学术).
    """
    cd = lx.cedict()
    out: list[tuple[Found, list[str]]] = []
    for run in re.finditer(f"[{HAN_CLASS}]+", zh):
        segs = cd.segment(run.group())
        at = run.start()
        starts = []
        for seg in segs:
            starts.append(at)
            at += len(seg)
        k = 0
        while k < len(segs):
            j = k
            while (j < len(segs) and len(segs[j]) == 1 and segs[j] not in FUNCTION_CHARS
                   and not NUMERAL_CHARS.match(segs[j])
                   and not (j > k and _is_word(segs[j - 1] + segs[j]))):
                j += 1
            singles = segs[k:j]
            units = list(singles)
            text = "".join(units)
            if (len(units) >= 3 and 3 <= len(text) <= 4
                    and text not in cd and text not in known):
                out.append((Found(text, starts[k], starts[k] + len(text)), units))
            k = max(j, k + 1)
    return out


def _rendered_as_list(en: str, units: list[str], slack: int = 0) -> tuple[int, int] | None:
    """The English span that renders every unit by its own gloss, in order, as one list
    ("production, learning, research and use"; "number-reality fusion").

    ``slack``: how many items after the first may be words that gloss nothing of their unit (精
    'essence; perfect' as "fineness"): a listed shorthand is known to be one, so most of its
    characters glossed one by one in one list is evidence enough."""
    glosses = [unit_lemmas(u) for u in units]
    if not all(glosses):
        return None
    tokens = [t for t in lx.tokenize_en(en) if re.match(r"[A-Za-z]", t.text) and t.text.lower() != "and"]
    words = [(t.start, t.end, t.lemma) for t in tokens]
    for h in re.finditer(r"[A-Za-z]+", en):  # the tokenizer keeps "number-reality" whole
        if h.start() > 0 and en[h.start() - 1] == "-" or h.end() < len(en) and en[h.end()] == "-":
            words.append((h.start(), h.end(), lx.lemma(h.group().lower())))
    words = sorted(set(words))
    for i in range(len(words)):
        span, at, missed = [], i, 0
        for g in glosses:
            while at < len(words) and span and words[at][0] < span[-1][1]:
                at += 1  # skip the pieces inside a hyphenated token already used
            if at >= len(words):
                break
            if not any(renders(words[at][2], x) for x in g):
                missed += 1
                if not span or missed > slack or words[at][2] in lx.STOPWORDS:
                    break
            if span and not _LIST_GAP.match(en[span[-1][1]:words[at][0]]) \
                    and not (len(units) >= 4 and _title_case_run(en, span[-1], words[at])):
                break
            span.append(words[at])
            at += 1
        else:
            return span[0][0], span[-1][1]
    return None


def _title_case_run(en: str, before: tuple[int, int, str], word: tuple[int, int, str]) -> bool:
    """Whether two glosses stand side by side as words of one title-case name ("East Number West
    Calculation" for 东数西算): a coinage rendered character by character as a proper name, whose
    capitals join the words into one item where a plain phrase would need commas or hyphens.  Both
    words capitalised, one space apart; asked only of four units or more, as a three-character name
    rendered word by word is often the name's own English (州联委 "State Joint Committee")."""
    return en[before[1]:word[0]] == " " and en[before[0]].isupper() and en[word[0]].isupper()


_NOMINAL = re.compile(r"(?:tion|sion|ment|ness|ity|ing|ance|ence|er|or|s)$", re.IGNORECASE)


def _verbs_for_verbs(en_list: str, units: list[str]) -> bool:
    """Whether the list is bare verbs, each a 'to …' gloss of its character (学练训赛 "learn-
    practise-train-compete"): characters used as the verbs they are, not abbreviating nouns."""
    items = [w for w in re.findall(r"[A-Za-z]+", en_list) if w.lower() not in ("and",)]
    if len(items) != len(units):
        return False
    for item, unit in zip(items, units):
        verbs = [g[3:].split()[0] for g in lx.cedict().glosses(unit)[:10] if g.startswith("to ") and len(g) > 3]
        if _NOMINAL.search(item) or not any(lx.same_stem(lx.lemma(item.lower()), lx.lemma(v)) for v in verbs):
            return False
    return True


def _coordinate(zh: str, en: str, table: tuple[Shorthand, ...], taken: list[Found]) -> list[Riddle]:
    known = {name for row in table for name in row.zh}
    out: list[Riddle] = []
    for f, units in _coordinate_candidates(zh, known):
        if any(f.start < k.end and k.start < f.end for k in taken):
            continue
        span = _rendered_as_list(en, units)
        if span is not None and not _verbs_for_verbs(en[span[0]:span[1]], units):
            out.append(Riddle(f, span, None, "character by character"))
            taken = [*taken, f]
    out += _hyphenated(zh, en, known, taken + [r.zh_found for r in out])
    return out + _paired_calques(zh, en, known, taken + [r.zh_found for r in out])


def _hyphenated(zh: str, en: str, known: set[str], taken: list[Found]) -> list[Riddle]:
    """Clipped compounds of two or more characters (数智, 产教, 政产学研医) that a hyphenated English
    compound glosses character by character ("number-wisdom", "production-teaching")."""
    out: list[Riddle] = []
    for c in hyphenated_calques(zh, en):
        f = Found(zh[c.zh_span[0]:c.zh_span[1]], *c.zh_span)
        if c.word is not None or f.name in known or any(f.start < k.end and k.start < f.end for k in taken):
            continue
        if _verbs_for_verbs(en[c.en_span[0]:c.en_span[1]], list(f.name)):
            continue  # 学练训赛 "learn-practise-train-compete": the characters' own verbs
        out.append(Riddle(f, c.en_span, None, "character by character"))
    return out


#: a two-word hyphenated English compound, standing alone (not part of a longer chain)
_PAIR_COMPOUND = re.compile(r"(?<![A-Za-z-])([A-Za-z]{2,})-([A-Za-z]{2,})(?![A-Za-z-])")
#: what joins the compounds of one list: a comma, "and", a slash
_PAIR_GAP = re.compile(r"^(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*/\s*)$")
#: a second word that is a verb form makes an English object-verb compound ("cost-cutting")
_VERB_FORM = re.compile(r"(?:ing|ed)$", re.IGNORECASE)


def _paired_calques(zh: str, en: str, known: set[str], taken: list[Found]) -> list[Riddle]:
    """A quoted coordinate of clipped pairs (上云用数赋智 'moving to the cloud, using data and
    empowering with intelligence', 降本增效) rendered as a list of hyphenated coinages whose words
    gloss its characters in order ("up-cloud, use-number, give-wisdom").

    Evidence, all required: the quoted Chinese term is no dictionary word; the English list holds
    two or more two-word hyphenated compounds, none of them English (CC-CEDICT's English never
    uses them) nor an object-verb compound ("cost-cutting"); as many compounds as the term has
    character pairs; and the list's words render, in order, at least two thirds of the term's
    characters by their own glosses.
    """
    compounds = [m for m in _PAIR_COMPOUND.finditer(en)
                 if not _VERB_FORM.search(m.group(2)) and not attested([m.group(1), m.group(2)])]
    lists: list[list[re.Match[str]]] = []
    for m in compounds:
        if lists and _PAIR_GAP.match(en[lists[-1][-1].end():m.start()]):
            lists[-1].append(m)
        else:
            lists.append([m])
    out: list[Riddle] = []
    for q in _QUOTED.finditer(zh):
        term = q.group(1)
        if (len(term) < 4 or _is_word(term) or term in known
                or any(q.start(1) < k.end and k.start < q.end(1) for k in taken)):
            continue
        for run in lists:
            if len(run) < 2 or 2 * len(run) != len(term):
                continue
            words = [lx.lemma(w.lower()) for m in run for w in m.groups()]
            at, rendered = 0, 0
            for w in words:
                k = next((i for i in range(at, len(term)) if any(renders(w, g) for g in unit_lemmas(term[i]))), None)
                if k is not None:
                    at, rendered = k + 1, rendered + 1
            if 3 * rendered >= 2 * len(term):
                out.append(Riddle(Found(term, q.start(1), q.end(1)), (run[0].start(), run[-1].end()), None,
                                  "character by character"))
                break
    return out


def find_riddles(zh: str, en: str, table: tuple[Shorthand, ...], en_around: str = "",
                 unknown: bool = True) -> list[Riddle]:
    """Every abbreviation in ``zh`` that ``en`` renders only literally."""
    known = _known(zh, en, en_around, table)
    if not unknown:
        return known
    taken = [r.zh_found for r in known]
    found = known + _unknown(zh, en, table, taken)
    return found + _coordinate(zh, en, table, taken + [r.zh_found for r in found])


@dataclass(frozen=True)
class ShorthandOptions:
    #: a shorthand table (TSV, as qa/data/shorthand.tsv) to use instead of the shipped one
    table: str | None = None
    #: also flag (as minor) numbered abbreviations the table does not list
    unknown: bool = True
    #: look this many pairs either side for an accepted rendering before flagging
    neighbours: int = 1


#: what a minor flag says for each way an unlisted abbreviation loses its meaning (``Riddle.how``):
#: (message, with {zh} and {en} for the two texts; suggestion)
_MINOR_MESSAGES = {
    "number without what it counts": (
        ("'{zh}' names a document by its number of articles (条); the English '{en}' keeps the number but "
        "not what it counts"), "Say what is counted, e.g. 'the 20 measures', 'the ten articles'"),
    "count read as a number": (
        ("'{zh}' counts articles or measures (条, with no 第 before the number); the English '{en}' reads "
        "the count as the number of one article"), "Render the count, e.g. 'the 20 measures'"),
    "counts without what they count": (
        ("'{zh}' is a numbered abbreviation (缩略语) whose numbers each count something; the English '{en}' "
        "keeps the numbers but none of what they count"), "Say what each number counts, or spell out the items"),
    "character by character": (
        ("'{zh}' looks like an abbreviation (缩略语) whose characters each stand for a word; the English "
        "'{en}' renders the characters one by one instead of the words they stand for"),
        "Spell out the words the characters abbreviate"),
    "numeral and literal gloss": (
        ("'{zh}' looks like a numbered abbreviation (缩略语); the English '{en}' gives the number and a "
        "literal gloss but not what the items are"),
        "Spell out what the abbreviation counts, or add a short explanation"),
}


def _entry_flag_text(r: Riddle, zh_text: str, en_text: str) -> tuple[str, str, str]:
    """(message, suggestion, severity) of a listed shorthand's flag."""
    assert r.entry is not None
    accepted = r.entry.accepted[0].rstrip("*")
    if r.how == "unexplained":
        return ((f"'{zh_text}' is shorthand for {r.entry.meaning}; the English gives none of its accepted "
                f"renderings (such as '{accepted}') and does not say what it stands for: it may render "
                f"something else"),
                f"Use the accepted rendering, e.g. '{accepted}', or say what it stands for", "minor")
    return ((f"'{zh_text}' is shorthand for {r.entry.meaning}; the English '{en_text}' renders it literally "
            f"and does not say what it stands for"), f"Use the accepted rendering, e.g. '{accepted}'", "major")


def check_shorthand(pair: Pair, ctx: Context) -> list[Flag]:
    opts = ctx.options_of(SHORTHAND)
    if not pair.zh.strip() or not pair.en.strip():
        return []
    table = _table(opts.table)
    found = find_riddles(pair.zh, pair.en, table, unknown=opts.unknown)
    if found and opts.neighbours > 0:
        around = neighbour_texts(ctx.pairs, pair, "en", opts.neighbours)
        found = find_riddles(pair.zh, pair.en, table, around, unknown=opts.unknown)
    flags = []
    for r in found:
        zh_text = pair.zh[r.zh_found.start:r.zh_found.end]
        en_text = pair.en[r.en_span[0]:r.en_span[1]]
        if r.entry is not None:
            message, suggestion, severity = _entry_flag_text(r, zh_text, en_text)
        else:
            template, suggestion = _MINOR_MESSAGES.get(r.how, _MINOR_MESSAGES["numeral and literal gloss"])
            message = template.format(zh=zh_text, en=en_text)
            severity = "minor"
        flags.append(SHORTHAND.flag(pair, message, zh_spans=[(r.zh_found.start, r.zh_found.end)],
                                    en_spans=[r.en_span], suggestion=suggestion, severity=severity))
    return flags


SHORTHAND = Check(id="shorthand", category="Accuracy/Mistranslation", severity="major",
                  description="Policy shorthand and numbered abbreviations (三农, 十四五, 两会) rendered "
                              "as the numeral and a literal gloss ('three rurals'), and clipped compounds "
                              "glossed character by character ('number-wisdom' for 数智), instead of what "
                              "they stand for",
                  run=check_shorthand, options=ShorthandOptions)
CHECKS = [SHORTHAND]
