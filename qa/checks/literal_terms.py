"""literal-term: a figurative word rendered by its characters (Chinglish).

软肋 is a 'weak spot', not a "soft rib"; 枪刺 a 'bayonet', not "gun thorns".
``idiom-literal`` catches this for 成语 and curated set phrases (短板, 抓手 are
in its table; its finds on terms are echoed here, see below); this check extends it to any
word of two to four characters (a jieba word, a CC-CEDICT headword or a
sub-word of one) whose meaning is known and is *not* the sum of its parts.

A word is a candidate only when more than half of its CC-CEDICT senses say
something its characters' glosses do not (瓶颈 'bottleneck' contains 'bottle':
the sum of its parts; compositional words such as 数据中心 are never
candidates), or CEDICT marks a figurative or literal sense, or the word's head is an animal no
sense names (拦路虎 'stumbling block': its tiger is the figure, see ``_image_head``).  A pair is flagged
when every part of the word is rendered by a gloss in a tight window of the
English, one of those words belongs to none of the word's figurative senses,
no other Chinese word of the sentence explains them, and no CEDICT sense of the
whole is in the English: an English that matches the word's own gloss ("step
by step" for 循序渐进) is never flagged.

Terms no 成语 list holds (curated set phrases such as 抓手, 牛鼻子, 千行百业, quoted coinages, and
three-character dictionary idioms such as 一刀切, 排头兵: 惯用语, not 成语) that ``idiom-literal``
finds rendered by their image are reported here too, as a mistranslation: for a term the image
is all the reader gets ("a grabbing hand" for 'a lever').

Any two-to-four-character dictionary word is also flagged (minor) when an English compound glosses
its characters one by one and shares no word with its senses: "stride-across" for 跨越式 'leap-
forward', "bottom seat" for 底座 'base' (``qa/calque.py`` has the evidence and its safeguards).

A word CEDICT marks figurative whose other sense is its literal reading in one field (擦边球 '(table
tennis) edge ball') is flagged when the English gives that sense in a sentence not about the field
("banks hitting edge balls"): the sense is the image, not the meaning (``_field_literal``).

A word that uses a character for its sound (饭圈 'fan club', 饭 '(loanword) fan') is flagged when the
English renders that character by its own meaning ("rice circles"): the pun's image, not the word.

Measured on WMT20, unmarked words are often plain synonyms in translation
(同期 "same period", 死亡率 "death rate", 奖金 "prize money"), so for them the
evidence must be stronger — single-character parts, every English word one of
the first two glosses of its character and foreign to all the word's senses —
and the flag is minor; CEDICT-marked words (软肋 "(fig.) weak spot") are major.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial

from align.model import Pair
from align.script import HAN_RUN
from align.zh_words import jieba_words
from qa import lexicons as lx
from qa import literal as lr
from qa.calque import Calque, hyphenated_calques, jieba_tag, word_by_word_calques
from qa.checks.idioms import (
    LiteralRendering,
    cue_span,
    detect_literal,
    find_expressions,
    is_listed_idiom,
    set_phrases_for,
    stripped_keys,
)
from qa.lexicons import StemSet
from qa.meaning_cues import next_word
from qa.model import Check, Context, Flag
from qa.zh_glosses import word_glosses


@dataclass(frozen=True)
class FigurativeWord:
    """A word whose CEDICT meaning is not the composition of its parts."""

    word: str
    senses: tuple[str, ...]  # usable CEDICT meanings of the whole word
    parts: tuple[lr.Part, ...]
    #: words of the senses the parts do not explain (and of CEDICT's "fig." senses):
    #: an English word outside them betrays a rendering by the characters
    reference: frozenset[str]
    #: CEDICT marks a figurative or literal sense (软肋 "(fig.) weak spot"): the
    #: strong evidence; unmarked opaque words (抓手, 龙头) are often plain
    #: synonyms in translation (同期 "same period"), so their flags are minor
    marked: bool
    primary: tuple[frozenset[str], ...]  # per part, the lemmas of its first glosses
    #: the head is an image no sense names (``_image_head``): 虎 of 拦路虎 'stumbling block'.  The
    #: other parts may then share a word with the senses ("road-blocking tigers": 'block')
    image: bool = False
    #: literal senses of one field, beside a figurative one (擦边球 '(table tennis) edge ball'): each
    #: (the field's words, the sense); right only where the sentence is about that field
    field_literal: tuple[tuple[frozenset[str], str], ...] = ()
    #: the parts the word uses for their sound (饭 '(loanword) fan' of 饭圈 'fan club'), by index:
    #: rendered by their own meaning ("rice circles") they give the image of a pun
    loans: frozenset[int] = frozenset()

    @property
    def sense_words(self) -> frozenset[str]:
        return frozenset().union(*(_content(s) for s in self.senses))


@dataclass(frozen=True)
class LiteralTerm:
    word: FigurativeWord
    zh_span: tuple[int, int]
    en_span: tuple[int, int]
    parts: tuple[tuple[str, str], ...]  # (Chinese part, English word it became)


@lru_cache(maxsize=65536)  # pure, and the same CC-CEDICT senses are read for every pair
def _content(gloss: str) -> frozenset[str]:
    return frozenset(lx.content_lemmas(lx.strip_gloss(gloss)))


#: the units a numeral ranks or counts by (二级 'grade 2', 三类 'category C', 五星 'five-star'):
#: "level-two" renders such a word as its parts, faithfully
_RANKING_UNITS = frozenset("级类等档星批期号次层代")


def _ranked(word: str) -> bool:
    """A numeral and a unit of rank or count (一级, 二类, 三星): compositional, whatever CC-CEDICT
    calls it ('grade 2', 'category B')."""
    return len(word) == 2 and word[0] in "一二三四五六七八九十两" and word[1] in _RANKING_UNITS


@lru_cache(maxsize=65536)
def figurative_word(word: str) -> FigurativeWord | None:
    """``word`` as a candidate, or None when its meaning is unknown or compositional."""
    if not 2 <= len(word) <= 4 or not lx.HAN.fullmatch(word[0]) or _ranked(word):
        return None
    entries = lx.cedict().get(word)
    if not entries or any(e.proper for e in entries):
        return None
    senses = [s for s in lr.whole_glosses(word) if _content(s)]
    parts = lr.parts_of(word, with_characters=True)
    if not senses or len(parts) < 2:
        return None
    field_literal = _field_literal(entries, senses, parts)
    senses = [s for s in senses if s not in {sense for _, sense in field_literal}]
    if any(len(p.zh) > 1 for p in parts):
        words = frozenset().union(*(p.lemmas for p in lr.parts_of(word)))
        if all(_content(s) <= words for s in senses):
            return None  # 突破瓶颈 'to make a breakthrough' is what 突破 says: the sum of its words
    figurative = [lx.strip_gloss(g) for e in entries for g in e.figurative]
    marked = any(e.figurative or e.literal for e in entries)
    image = _image_head(senses, parts)
    loans = _loan_parts(senses, parts)
    opaque = [s for s in senses if _opaque(s, _without_loans(parts, loans)) or image]
    if not (opaque or figurative) or (len(opaque) <= len(senses) / 2 and not marked):
        return None
    if not marked and any(len(p.zh) > 1 for p in parts) and not (image or _image_only(senses, parts)):
        return None  # 死亡率 'death rate', 建筑群 'building group': the sub-words' own senses, compositionally
    reference = frozenset().union(*(_content(s) for s in opaque + figurative))
    primary = tuple(_primary_lemmas(p.zh) for p in parts)
    return FigurativeWord(word, tuple(senses), tuple(parts), reference, marked, primary, image, field_literal,
                          loans)


#: a CEDICT gloss of a character borrowed for its sound: "(loanword) fan", "show (loanword)"
_LOAN_GLOSS = re.compile(r"\(loanword\)", re.IGNORECASE)


def _loan_parts(senses: Sequence[str], parts: Sequence[lr.Part]) -> frozenset[int]:
    """The single-character parts whose loanword gloss the word's senses use (饭 '(loanword) fan' in
    饭圈 'fan club', 秀 'show (loanword)' in 脱口秀 'talk show'): the character stands for an English
    sound, and its own meaning ('rice', 'elegant') is no part of the word."""
    out = set()
    for k, p in enumerate(parts):
        loan = _loan_lemmas(p.zh) if len(p.zh) == 1 else frozenset()
        if loan and any(_shares(_content(s), loan) for s in senses):
            out.add(k)
    return frozenset(out)


@lru_cache(maxsize=8192)  # asked for every character of every candidate word; most have none
def _loan_lemmas(char: str) -> frozenset[str]:
    """The lemmas of ``char``'s loanword glosses ('fan' of 饭 '(loanword) fan')."""
    return frozenset(w for g in lx.cedict().glosses(char) if _LOAN_GLOSS.search(g)
                     for w in _content(_LOAN_GLOSS.sub("", g)))


def _without_loans(parts: Sequence[lr.Part], loans: frozenset[int]) -> list[lr.Part]:
    """``parts`` with no lemma of the loan parts: a sense that shares only the borrowed sound with them
    ('fan' of 饭圈 'fan club') is not the sum of the characters' meanings."""
    if not loans:
        return list(parts)
    return [lr.Part(p.zh, frozenset(), p.weak, p.names) if k in loans else p for k, p in enumerate(parts)]


#: a sense's opening field label: "(table tennis) edge ball", "(sports) to go out of bounds"
_FIELD_LABEL = re.compile(r"^\(([^()]+)\)\s*(?=\w)")
#: labels that say a register or a place, not a field a sentence may be about
_REGISTER_LABELS = frozenset({"coll", "colloquial", "dialect", "literary", "old", "archaic", "slang", "tw", "taiwan",
                              "polite", "humble", "honorific", "loanword", "derog", "derogatory", "formal",
                              "informal", "abbr", "euphemism", "jocular", "jocularly", "cantonese", "of sth", "of sb"})


def _field_literal(entries: Sequence[lx.CedictEntry], senses: Sequence[str],
                   parts: Sequence[lr.Part]) -> tuple[tuple[frozenset[str], str], ...]:
    """The senses CC-CEDICT labels with a field (擦边球 '(table tennis) edge ball') in an entry that
    also has a figurative sense ('(fig.) actions that are technically legal but not respectable'),
    when the sense is what the parts say: the literal reading, in its field.

    Outside that field the same English ("hitting edge balls" in a report on bank regulation) is the
    image without its meaning; the word's figurative sense is the one a sentence elsewhere uses.
    A register or a place label ("(coll.)", "(Tw)") names no field, and a sense the parts do not
    make (惯性 '(physics) inertia') is a meaning of its own."""
    if not any(e.figurative for e in entries):
        return ()
    out: list[tuple[frozenset[str], str]] = []
    for sense in senses:
        m = _FIELD_LABEL.match(sense)
        label = m.group(1).strip().rstrip(".").lower() if m else ""
        if not m or label in _REGISTER_LABELS or label.startswith(("of ", "fig", "lit")):
            continue
        field = frozenset(lx.content_lemmas(label))
        if field and not _opaque(sense, parts):
            out.append((field, sense))
    return tuple(out)


def _image_only(senses: Sequence[str], parts: Sequence[lr.Part]) -> bool:
    """A concrete image whose senses its parts never say: every part a noun for jieba, one of them a
    single character, and no sense sharing a word with any part (牛鼻子 'key point; crux' of 牛 'ox'
    and 鼻子 'nose').

    A verb or modifier part (跨领域 'interdisciplinary', "across fields"), or two whole words
    (毕业证书 'diploma', "graduation certificate"), make a plain compound that a dictionary merely
    sums up in one word.
    """
    if not all(jieba_tag(p.zh).startswith("n") for p in parts) or all(len(p.zh) > 1 for p in parts):
        return False
    known = frozenset().union(*(p.lemmas for p in parts))
    return all(not _shares(_content(s), known) for s in senses)


#: CC-CEDICT's classifiers of animals: 只 (隻), 头 (頭), 匹
_ANIMAL_CLASSIFIER = re.compile(r"^CL:.*(?:隻\|只|頭\|头|匹)\[")


def _image_head(senses: Sequence[str], parts: Sequence[lr.Part]) -> bool:
    """A word of three or more characters whose head, its last character or two-character word, is
    an animal no sense mentions: 拦路虎 'stumbling block' (虎 'tiger'), 领头羊 'bellwether' (羊
    'sheep'), 秋老虎 'hot spell during autumn' (老虎 'tiger').

    Chinese puts the head of a compound last, and an animal at the head of a word that means no
    animal is the figure itself, however much of the rest the meaning keeps ('block' of 拦 'to
    block').  Any other head is too often the plain genus of the meaning (外交官 'diplomat' is an
    官 'official', 高速路 'highway' a 路 'road').  CC-CEDICT tells an animal by its classifier
    (虎 'CL:隻|只', 羊 'CL:頭|头,隻|只', 马 'CL:匹').
    """
    head = parts[-1]
    if len(head.zh) > 2 or sum(len(p.zh) for p in parts) < 3:
        return False
    if not any(_ANIMAL_CLASSIFIER.match(g) for e in lx.cedict().get(head.zh) for g in e.glosses):
        return False
    return all(not _shares(_content(s), head.lemmas) for s in senses)


def _primary_lemmas(part: str) -> frozenset[str]:
    """What a part first means: the first two glosses of the part and of each of its characters.

    A character-by-character rendering uses the characters' first senses (龙
    'dragon', 板 'board'); a later gloss turning up ('computing' for 算, whose
    first glosses are 'to regard as', 'to figure') is a translation, not a calque.
    """
    cd = lx.cedict()
    out: set[str] = set()
    for piece in {part, *part}:
        for g in cd.glosses(piece)[:2]:
            out.update(_content(g))
    return frozenset(out)


def _opaque(sense: str, parts: Sequence[lr.Part]) -> bool:
    """Whether ``sense`` is more than its parts say.

    Two characters: the sense shares no word with their glosses (瓶颈
    'bottleneck' shares 'bottle', so it is the sum of its parts; 经济 'economy'
    is not).  Longer words: some word of the sense is explained by no part
    (龙头企业 'key enterprises': nothing says 'key').
    """
    words = _content(sense)
    known = frozenset().union(*(p.lemmas for p in parts))
    if all(len(p.zh) == 1 for p in parts):
        return not _shares(words, known)
    return any(not _shares({w}, known) for w in words)


def _shares(words: set[str] | frozenset[str], other: set[str] | frozenset[str]) -> bool:
    """A word in common, one inside the other ('sandbag' and 'sand'), or one stem ('expansion', 'expand')."""
    return any(a == b or (min(len(a), len(b)) >= 4 and (a in b or b in a))
               or lx.same_stem(a, b) for a in words for b in other)


def _candidates(zh: str) -> list[tuple[int, int]]:
    """Spans of 2–4-character words: jieba's words, CEDICT's longest-match words and their sub-words."""
    spans: set[tuple[int, int]] = set()
    pos = 0
    for w in jieba_words(zh, hmm=True):
        if 2 <= len(w) <= 4:
            spans.add((pos, pos + len(w)))
        pos += len(w)
    cd = lx.cedict()
    for m in HAN_RUN.finditer(zh):
        at = m.start()
        for w in cd.segment(m.group(), max_len=4):
            if len(w) >= 2:
                spans.add((at, at + len(w)))
            if len(w) >= 3:  # 龙头 inside 龙头企业: the figurative part of a longer word
                inner = at
                for sub in cd.segment(w, max_len=len(w) - 1):
                    if len(sub) >= 2:
                        spans.add((inner, inner + len(sub)))
                    inner += len(sub)
            at += len(w)
    return sorted(spans, key=lambda s: (s[0], s[0] - s[1]))


def _rendered_by_parts(fig: FigurativeWord, tokens: list[lx.Token], text: str,
                       accounted: Callable[[], frozenset[str]], sentence: list[int] | None = None,
                       ) -> tuple[int, int, dict[int, int]] | None:
    """The English window rendering every part of ``fig`` by a gloss, if the evidence is strong.

    ``accounted`` gives the words the sentence's other Chinese words explain (asked only
    once the window is found, as reading them is dear); ``sentence``: the tokens' sentence
    numbers (``lr.sentence_ids``), worked out once per pair."""
    parts = list(fig.parts)
    shown = [k for k, p in enumerate(parts) if not _unseen(p)]
    i, j, chosen = lr.best_window(parts, tokens, len(parts) + 1, text, sentence)
    if any(k not in chosen for k in shown) and fig.image:
        # "the tigers in the road": an of-phrase puts its function words between the parts
        i, j, chosen = lr.best_window(parts, tokens, len(parts) + 3, text, sentence)
        if sum(1 for t in tokens[i:j + 1] if t.text.lower() not in lx.STOPWORDS) > len(parts) + 1:
            return None
    elif j - i + 1 > len(parts) + 1:
        return None
    if any(k not in chosen for k in shown) or len(chosen) < 2:
        return None
    used = [tokens[tj].lemma for tj in chosen.values()]
    if all(parts[k].weak for k in chosen) or not accounted().isdisjoint(used):
        return None  # another word of the sentence explains the English
    if any(set(used) <= _content(s) for s in fig.senses):
        return None  # the words are one of the word's own senses: an accepted rendering
    if not any(not _shares({tokens[tj].lemma}, fig.reference) for tj in chosen.values()):
        return None  # no English word foreign to the word's figurative senses
    head = len(parts) - 1
    if fig.loans:
        # a pun rendered by its character's own meaning: the loan part's English is its native
        # gloss, foreign to every sense ("rice" for the 饭 of 饭圈 'fan club')
        if not any(k in fig.loans and not _shares({tokens[tj].lemma}, fig.sense_words) for k, tj in chosen.items()):
            return None
    elif not fig.marked and not all(tokens[tj].lemma in fig.primary[k]
                                  and (not _shares({tokens[tj].lemma}, fig.sense_words) or fig.image and k != head)
                                  for k, tj in chosen.items()):
        return None  # unmarked: every English word a character's first sense and foreign to the word's senses
    hit = {lemma for p in parts for lemma in p.lemmas}
    while i > 0 and tokens[i - 1].lemma in hit and tokens[i - 1].text.lower() not in lx.STOPWORDS:
        i -= 1  # 'dragon' of "dragon head" also glosses 龙头: show the whole literal phrase
    return i, j, chosen


def _outside_field(fig: FigurativeWord, zh: str, start: int, end: int, tokens: list[lx.Token],
                   en_set: set[str]) -> tuple[tuple[int, int], tuple[tuple[str, str], ...]] | None:
    """The English span of a literal sense of one field (擦边球 '(table tennis) edge ball') in a
    sentence not about that field, with the sense's words: (span, ((the word, English word), …)).

    The sense is CC-CEDICT's own literal reading, so its words in the English, side by side, are
    the evidence; the sentence is about the field when the field's words are in the English ("table
    tennis") or in the glosses of the other Chinese words (乒乓球 'ping-pong; table tennis')."""
    for field, sense in fig.field_literal:
        if not lr.gloss_present(sense, en_set):
            continue
        if field & en_set or field & lr.accounted_lemmas(zh, start, end):
            return None
        words = _content(sense)
        at = [k for k, t in enumerate(tokens) if t.lemma in words]
        for k in at:
            near = [j for j in at if k <= j <= k + len(words)]
            if {tokens[j].lemma for j in near} >= words:
                return ((tokens[k].start, tokens[near[-1]].end),
                        tuple((fig.word, tokens[j].text) for j in near))
    return None


def _unseen(part: lr.Part) -> bool:
    """A part no English window can show: the numeral 一, whose 'one' and 'a' are stop words.

    一刀切 rendered "one-knife cut" shows its knife and its cut; the 'one' is there too, but it is
    no evidence either way, so the word's other parts must carry it."""
    return part.zh == "一"


def _inside_compound(fig: FigurativeWord, zh: str, start: int, end: int,
                     candidates: Sequence[tuple[int, int]]) -> FigurativeWord:
    """``fig`` judged by the senses of the dictionary compound it is part of, when there is one.

    龙头 has a literal sense ("figurehead on prow of dragon boat") that makes
    "dragon head" one of its own renderings; inside 龙头企业 ("leading
    enterprises") it has none, so there the compound's senses decide what is
    foreign.  The parts stay the word's own.
    """
    outer = [(s, e) for s, e in candidates if s <= start and end <= e and e - s > end - start
             and figurative_word(zh[s:e]) is None and lx.cedict().get(zh[s:e])]
    if not outer:
        return fig
    s, e = max(outer, key=lambda se: se[1] - se[0])
    senses = tuple(g for g in lr.whole_glosses(zh[s:e]) if _content(g))
    if not senses:
        return fig
    words = frozenset().union(*(_content(g) for g in senses))
    return FigurativeWord(fig.word, senses, fig.parts, words, fig.marked, fig.primary, fig.image, fig.field_literal,
                          fig.loans)


def detect_literal_terms(zh: str, en: str, skip: Sequence[tuple[int, int]] = ()) -> list[LiteralTerm]:
    """Figurative words of ``zh`` rendered by their characters in ``en``.

    ``skip`` holds Chinese spans another check owns (idiom-literal's expressions).
    """
    tokens = lr.split_hyphens(lx.tokenize_en(en))
    if not tokens:
        return []
    en_set = {t.lemma for t in tokens}
    sentence = lr.sentence_ids(tokens, en)
    out: list[LiteralTerm] = []
    candidates = _candidates(zh)
    for start, end in candidates:
        if any(s < end and start < e for s, e in [*skip, *(h.zh_span for h in out)]):
            continue
        fig = figurative_word(zh[start:end])
        if fig is not None:
            fig = _inside_compound(fig, zh, start, end, candidates)
        if fig is None or any(lr.gloss_present(s, en_set) for s in fig.senses):
            continue
        if fig.field_literal:
            outside = _outside_field(fig, zh, start, end, tokens, en_set)
            if outside is not None:
                out.append(LiteralTerm(fig, (start, end), outside[0], outside[1]))
                continue
        found = _rendered_by_parts(fig, tokens, en, partial(lr.accounted_lemmas, zh, start, end), sentence)
        if found is None:
            continue
        i, j, chosen = found
        if _closed_compound(fig, [tokens[tj].text for tj in sorted(chosen.values())]):
            continue
        if _coordinate_modifier(fig.word, zh, end, tokens, sorted(chosen.values())):
            continue
        words = tuple((fig.parts[k].zh, tokens[tj].text) for k, tj in sorted(chosen.items(), key=lambda kv: kv[1]))
        out.append(LiteralTerm(fig, (start, end), (tokens[i].start, tokens[j].end), words))
    return out


#: the shortest listed idiom idiom-literal keeps to itself when it does not flag it: 成语 have four
#: characters or more; three-character ones (敲门砖, 试金石, 重头戏: 惯用语) are terms
IDIOM_MIN_CHARS = 4


#: the words that join the two halves of a coordinate compound's rendering ("cold and warm")
_COORDINATORS = frozenset({"and", "or", "&"})
#: how many English words the modified noun's gloss may stand after the rendering
_HEAD_REACH = 2


def _coordinate_modifier(word: str, zh: str, end: int, tokens: Sequence[lx.Token],
                         chosen: Sequence[int]) -> bool:
    """A two-character coordinate word rendered "A and B" right before a gloss of the Chinese word
    after it (冷暖空气 "cold and warm air", 大小企业 "large and small enterprises"): the word modifies
    that noun, where only its parts' reading can (CC-CEDICT 冷暖 "well-being" is a noun's sense; 关心
    冷暖 "the cold and warmth of the people", with no noun after it, stays a literal rendering)."""
    if len(word) != 2 or len(chosen) != 2:
        return False
    first, second = chosen
    if second - first != 2 or tokens[first + 1].text.lower() not in _COORDINATORS:
        return False
    nxt = next_word(zh, end)
    if not nxt or not HAN_RUN.match(nxt):
        return False
    heads = StemSet(word_glosses(nxt) - lx.STOPWORDS)
    return any(heads.has(t.lemma) for t in tokens[second + 1:second + 1 + _HEAD_REACH])


def _open_term(word: str) -> bool:
    """A dictionary idiom idiom-literal leaves to this check when it does not flag it: a
    three-character term (惯用语) whose meaning is its figure (``_literal_first``), as a
    candidate of this check."""
    return len(word) < IDIOM_MIN_CHARS and figurative_word(word) is not None and not _literal_first(word)


def _literal_first(word: str) -> bool:
    """Whether the first unmarked CC-CEDICT sense of ``word`` shares a word with its parts: the
    literal reading is its main meaning.

    盐碱地 is first 'saline soil' and only figuratively 'infertile woman', 聚宝盆 first a 'treasure
    bowl': "saline-alkali land" says what the word mostly means.  敲门砖 is first 'a temporary
    expedient' (its brick is marked "lit."), 一刀切 'to impose uniformity'; 擦边球 is first '(table
    tennis) edge ball', a literal sense of one field beside its figurative one (``_field_literal``)."""
    parts = lr.parts_of(word, with_characters=True)
    entries = lx.cedict().get(word)
    field = {sense for _, sense in _field_literal(entries, [s for e in entries for s in e.senses], parts)}
    # a literal sense of one field (擦边球 '(table tennis) edge ball') is no main meaning outside it
    plain = [s for e in entries for s in e.senses if _content(s) and s not in field]
    known = frozenset().union(*(p.lemmas for p in parts))
    return bool(plain) and _shares(_content(plain[0]), known)


def _closed_compound(fig: FigurativeWord, words: Sequence[str]) -> bool:
    """Whether the English words, written as one, are a word of the term's own senses: "road map"
    is 路线图's 'roadmap', "bottle neck" 瓶颈's 'bottleneck', "touch stone" a 'touchstone'.

    English writes many compounds open, hyphenated or closed; that is spelling, not a literal
    rendering."""
    joined = "".join(w.lower().replace("-", "") for w in words)
    if len(joined) < 5:
        return False
    senses = {w.lower() for s in fig.senses for w in re.findall(r"[A-Za-z]+", s)}
    return joined in senses or lx.lemma(joined) in {lx.lemma(w) for w in senses}


def _idiom_spans(pair: Pair, ctx: Context) -> tuple[list[tuple[int, int]], list[LiteralRendering]]:
    """Chinese spans idiom-literal judges, and its literal renderings of *terms*: expressions no
    idiom list holds.

    It judges its curated set phrases (their accepted renderings are a decision), the 成语 of
    its lists, and whatever it flags.  A three-character dictionary idiom it does not flag stays
    open to this check's own evidence (``_open_term``): idiom-literal reads whole English words,
    so "door-knocking brick" for 敲门砖 gives it one part, where the character glosses here give
    two.
    """
    table = set_phrases_for(ctx)
    exprs = find_expressions(pair.zh, table)
    spans = [(e.start, e.end) for e in exprs if e.source == "curated"
             or (e.source == "lexicon" and not _open_term(lx.strip_zh_punct(e.text)[0]))]
    if not exprs:
        return spans, []
    hits = detect_literal(pair.zh, pair.en, table)
    spans += [(h.expression.start, h.expression.end) for h in hits if h.expression.source != "curated"]
    terms = [h for h in hits if not _chengyu(h.expression.text) and not h.simile]
    return spans, [h for h in terms if h.parts or not _cue_explained(pair, h, table)]


def _chengyu(text: str) -> bool:
    """A listed idiom that stays idiom-literal's (Style): a 成语 of four characters or more, or a
    shorter one whose main meaning is its literal reading (盐碱地 'saline soil')."""
    key = lx.strip_zh_punct(text)[0]
    return is_listed_idiom(text) and (len(key) >= IDIOM_MIN_CHARS or _literal_first(key))


def _cue_explained(pair: Pair, hit: LiteralRendering, table: dict[str, lx.SetPhrase]) -> bool:
    """Whether the literal cue idiom-literal met ("sheep" for 领头羊) is said by other words of the
    Chinese (肉羊, 羊群 of the same sentence): then it is no image of the term, only the topic."""
    key = stripped_keys(table).get(lx.strip_zh_punct(hit.expression.text)[0])
    phrase = table[key] if key is not None else None
    cue = cue_span(phrase, lx.tokenize_en(pair.en))
    if cue is None:
        return False
    words = set(lx.content_lemmas(pair.en[cue[0]:cue[1]]))
    return words <= lr.accounted_lemmas(pair.zh, hit.expression.start, hit.expression.end)


def _term_flag(pair: Pair, hit: LiteralRendering) -> Flag:
    """A figurative term (抓手, 牛鼻子, 千行百业: a set phrase no 成语 list holds) rendered by its parts.

    idiom-literal reports the image (Style/Literal idiom); for a term the image is all the reader
    gets, "a grabbing hand" for 'a lever': the meaning is lost, a mistranslation.  An image kept
    as a simile ("like water without a source") is left to idiom-literal: the comparison tells
    the reader it is a figure, so the sense survives.
    """
    e = hit.expression
    en_text = pair.en[hit.en_span[0]:hit.en_span[1]]
    how = " (" + ", ".join(f"{zh} → '{w}'" for zh, w in hit.parts) + ")" if hit.parts else ""
    meaning = f" means '{hit.meaning}'" if hit.meaning else " is a figurative term"
    return LITERAL_TERM.flag(
        pair, f"'{e.text}'{meaning}; the English '{en_text}' gives its literal image{how}, not its meaning",
        zh_spans=((e.start, e.end),), en_spans=(hit.en_span,),
        suggestion=f"Translate the meaning, e.g. '{hit.suggestion}'" if hit.suggestion else
        "Translate the meaning rather than the characters")


def _sense(fig: FigurativeWord) -> str:
    """The sense to suggest: a figurative one when CEDICT marks it, else the first opaque one."""
    for e in lx.cedict().get(fig.word):
        for s in e.figurative:
            if _content(s):
                return lx.strip_gloss(s)
    return lx.strip_gloss(fig.senses[0])


def _calque_flag(pair: Pair, hit: Calque) -> Flag:
    """A dictionary word whose characters an English compound glosses one by one."""
    assert hit.word is not None
    zh_text = pair.zh[hit.zh_span[0]:hit.zh_span[1]]
    en_text = pair.en[hit.en_span[0]:hit.en_span[1]]
    how = ", ".join(f"{zh} → '{w}'" for zh, w in hit.pieces)
    senses = "; ".join(f"'{lx.strip_gloss(s)}'" for s in hit.senses[:3])
    which = f"'{zh_text}'" if zh_text == hit.word else f"'{zh_text}' ({hit.word})"
    return LITERAL_TERM.flag(
        pair, f"{which} means {senses} (CC-CEDICT); the English '{en_text}' glosses its characters "
              f"one by one ({how}) and loses the word's meaning",
        zh_spans=(hit.zh_span,), en_spans=(hit.en_span,),
        suggestion=f"Translate the meaning, e.g. '{lx.strip_gloss(hit.senses[0])}'", severity="minor")


def check_literal_terms(pair: Pair, ctx: Context) -> list[Flag]:
    skip, terms = _idiom_spans(pair, ctx)
    flags = [_term_flag(pair, t) for t in terms]
    hits = detect_literal_terms(pair.zh, pair.en, skip)
    taken = [*skip, *(h.zh_span for h in hits)]
    for calque in [*hyphenated_calques(pair.zh, pair.en), *word_by_word_calques(pair.zh, pair.en)]:
        if calque.word is not None and not any(s < calque.zh_span[1] and calque.zh_span[0] < e for s, e in taken):
            taken.append(calque.zh_span)
            flags.append(_calque_flag(pair, calque))
    for hit in hits:
        fig = hit.word
        en_text = pair.en[hit.en_span[0]:hit.en_span[1]]
        how = ", ".join(f"{zh} → '{w}'" for zh, w in hit.parts)
        senses = "; ".join(f"'{lx.strip_gloss(s)}'" for s in fig.senses[:3])
        flags.append(LITERAL_TERM.flag(
            pair, f"'{fig.word}' means {senses} (CC-CEDICT); the English '{en_text}' renders "
                  f"its characters literally ({how})",
            zh_spans=(hit.zh_span,), en_spans=(hit.en_span,),
            suggestion=f"Translate the meaning, e.g. '{_sense(fig)}'",
            severity="major" if fig.marked else "minor"))
    return flags


LITERAL_TERM = Check(id="literal-term", category="Accuracy/Mistranslation", severity="major",
                     description="Words whose meaning is not the sum of their characters rendered "
                                 "character by character (软肋 → 'soft rib')",
                     run=check_literal_terms, scope="pair",
                     # a term rendered by its image: idiom-literal's flag on it is the same error
                     supersedes=frozenset({"idiom-literal"}))
CHECKS = [LITERAL_TERM]
