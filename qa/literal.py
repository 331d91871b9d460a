"""Evidence that an English phrase renders a Chinese expression by its parts.

Shared by ``idiom-literal`` (成语 and set phrases) and ``literal-term``
(figurative words such as 短板, 龙头企业): the glosses of the expression's
parts in a tight window of the English, the CEDICT meanings of the whole,
and the gloss words other Chinese words of the sentence already explain.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from align.script import HAN_RUN
from qa import lexicons as lx


def gloss_present(gloss: str, en_lemma_set: set[str]) -> bool:
    """A CEDICT meaning of the whole expression counts only if (nearly) all its content words appear.

    One shared word is no evidence: 'mechanical hand' (抓手) meets the literal
    "grasping hand" on 'hand', 'blessed by heaven' (得天独厚) meets "thick from
    heaven alone" on 'heaven'.  Glosses of one or two content words need all of
    them; longer ones may miss one.
    """
    words = set(lx.content_lemmas(lx.strip_gloss(gloss)))
    if not words:
        return False
    need = len(words) if len(words) <= 2 else len(words) - 1
    return len(words & en_lemma_set) >= need


def whole_glosses(expr: str) -> list[str]:
    out: list[str] = []
    for e in lx.cedict().get(lx.strip_zh_punct(expr)[0]) or lx.cedict().get(expr):
        out.extend(e.meanings)
    return [g for g in out if not lx.SKIP_GLOSS.match(g)]

@dataclass(frozen=True)
class Part:
    zh: str
    lemmas: frozenset[str]
    weak: bool  # only numbers: 'four', 'thousand'
    names: frozenset[str]  # lemmas of a proper-noun gloss ('kowloon')


def parts_of(expr: str, with_characters: bool = False) -> list[Part]:
    """The expression's sub-words with the English words that would betray each.

    ``with_characters`` adds, for a sub-word of two or more characters, the
    glosses of its characters too: 龙头企业 splits into 龙头 + 企业, and
    "dragon head" renders 龙头 by its characters, not by any gloss of 龙头.
    """
    key = lx.strip_zh_punct(expr)[0]
    parts = (_part(word, with_characters) for word in lx.cedict().segment(key, max_len=max(1, len(key) - 1)))
    return [p for p in parts if p is not None]


@lru_cache(maxsize=65536)  # pure, and the same characters and words are parts of many expressions
def _part(word: str, with_characters: bool) -> Part | None:
    """One sub-word of :func:`parts_of` (None when no gloss gives it a word)."""
    cd = lx.cedict()
    lemmas: set[str] = set()
    names: set[str] = set()
    for e in cd.get(word):
        glosses = [g for g in e.glosses if not lx.SKIP_GLOSS.match(g)]
        if len(word) == 1:
            # a character's words, not a description of its grammar: 得 "structural particle:
            # used after a verb …, linking it to following phrase indicating effect, degree,
            # possibility etc" names no English it is rendered by ("effect", "degree", "phrase")
            glosses = [g for g in glosses[:5] if not _GRAMMAR.search(g)]
        for g in glosses:
            clean = _agent_head(lx.strip_gloss(re.sub(r"^(lit\.|fig\.)\s*", "", g)))
            lemmas.update(lx.content_lemmas(clean))
            if e.proper and len(word) >= 2:
                names.update(lx.lemma(w) for w in re.findall(r"\b[A-Z][a-z]{2,}\b", clean))
    if with_characters and len(word) >= 2:
        for ch in word:
            lemmas.update(_character_lemmas(ch))
    if not lemmas:
        return None
    return Part(word, frozenset(lemmas), lemmas <= lx.NUMBER_WORDS, frozenset(names))


#: a gloss that describes a character's grammar (头 "noun suffix"), not a word it may be rendered by
_GRAMMAR = re.compile(r"\b(?:suffix|prefix|particle|classifier|used in|used after|used before)\b", re.IGNORECASE)


@lru_cache(maxsize=8192)
def _character_lemmas(ch: str) -> frozenset[str]:
    """What a character of a longer word may be rendered by: its first five glosses, and the first
    three of each of its readings.

    A polyphonic character lists one reading's glosses before the other's: 重 is first chóng 'to
    repeat; again; re-', and its zhòng 'heavy' comes sixth; "heavy drama" for 重头戏 renders the
    second reading as literally as "repeat" would the first.
    """
    cd = lx.cedict()
    glosses = list(cd.glosses(ch)[:5])
    for e in cd.get(ch):
        glosses += [g for g in e.glosses if not lx.SKIP_GLOSS.match(g) and not _GRAMMAR.search(g)][:3]
    out: set[str] = set()
    for g in glosses:
        out.update(lx.content_lemmas(_agent_head(lx.strip_gloss(g))))
    return frozenset(out)


#: a gloss that defines an agent noun by what the person does (手 "person engaged in certain
#: types of work", 虫 "person with a particular undesirable characteristic"): the sense of a
#: character used as an agent suffix (歌手 "singer", 水手 "sailor")
_AGENT_GLOSS = re.compile(r"^(?:a |the )?(person|people|one|someone)\s+(?:who|that|engaged|skilled|doing"
                          r"|working|having|with|in charge)\b", re.IGNORECASE)


def _agent_head(gloss: str) -> str:
    """``gloss`` itself, or only its head noun when it defines an agent noun (:data:`_AGENT_GLOSS`):
    the words of the definition ("work" of "person engaged in certain types of work") describe
    the person and are no word the character is rendered by ("need hard work" renders no 手)."""
    m = _AGENT_GLOSS.match(gloss)
    return m.group(1) if m else gloss


def split_hyphens(tokens: list[lx.Token]) -> list[lx.Token]:
    """Hyphenated tokens split into their words ("dragon-head" is "dragon" and "head")."""
    out: list[lx.Token] = []
    for t in tokens:
        if "-" not in t.text.strip("-"):
            out.append(t)
            continue
        for m in re.finditer(r"[^-]+", t.text):
            word = m.group()
            out.append(lx.Token(word, lx.lemma(word.lower()), t.start + m.start(), t.start + m.end()))
    return out


def sentence_ids(tokens: list[lx.Token], text: str) -> list[int]:
    """Sentence number of each token, so a literal rendering is never pieced together across sentences."""
    ids, n, prev = [], 0, 0
    for t in tokens:
        if re.search(r"[.!?;]", text[prev:t.start]):
            n += 1
        ids.append(n)
        prev = t.end
    return ids


def best_window(parts: list[Part], tokens: list[lx.Token], width: int,
                text: str, sentence: list[int] | None = None) -> tuple[int, int, dict[int, int]]:
    """The token window (≤ width) where the most distinct parts are rendered.

    ``sentence``: the tokens' :func:`sentence_ids`, when the caller has them (it asks for many words)."""
    if sentence is None:
        sentence = sentence_ids(tokens, text)
    hits: list[list[int]] = []
    for t in tokens:
        stop = t.text.lower() in lx.STOPWORDS  # read once per word, not once per part
        hits.append([] if stop else [k for k, p in enumerate(parts) if t.lemma in p.lemmas])
    best: tuple[int, int, dict[int, int]] = (0, 0, {})
    best_score: tuple[int, ...] = (0, 0, 0, 0)
    for i in range(len(tokens)):
        if not hits[i]:
            continue
        chosen: dict[int, int] = {}
        for j in range(i, min(len(tokens), i + width)):
            if sentence[j] != sentence[i]:
                break
            for k in hits[j]:  # one token renders one part: 'business' is not both 行 and 业
                if k not in chosen:
                    chosen[k] = j
                    break
        strong = sum(1 for k in chosen if not parts[k].weak)
        last = max(chosen.values())
        score = (len(chosen), min(strong, 1), -(last - i), strong)
        if score > best_score:
            best_score = score
            best = (i, last, chosen)
    return best


def accounted_lemmas(zh: str, start: int, end: int) -> frozenset[str]:
    """Content words of the glosses of the *other* Chinese words in the sentence.

    An accepted rendering that another source word explains is no rendering of
    the expression: in 抓住关键核心技术这个“牛鼻子” the 'key' and 'core' of "key
    core technologies" belong to 关键 and 核心, not to 牛鼻子.  Only words of two
    or more characters count; single characters gloss almost anything.
    """
    cd = lx.cedict()
    out: set[str] = set()
    for piece in (zh[:start], zh[end:]):
        for run in HAN_RUN.findall(piece):
            for word in cd.segment(run, max_len=8):
                if len(word) >= 2:
                    out.update(_gloss_lemmas(word))
    return frozenset(out)


@lru_cache(maxsize=65536)  # pure, and the same words come back for every expression of a sentence
def _gloss_lemmas(word: str) -> frozenset[str]:
    """Content words of all of ``word``'s CC-CEDICT glosses (cross-references and classifiers dropped)."""
    out: set[str] = set()
    for e in lx.cedict().get(word):
        for g in e.glosses:
            if not lx.SKIP_GLOSS.match(g):
                out.update(lx.content_lemmas(lx.strip_gloss(g)))
    return frozenset(out)


def clause_around(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a short hit to its quoted phrase or clause, so the message quotes readable English."""
    for stops in ("“”\".;!?", "“”\".;!?,"):
        left = max((text.rfind(c, 0, start) for c in stops), default=-1) + 1
        rights = [k for k in (text.find(c, end) for c in stops) if k >= 0]
        right = min(rights) if rights else len(text)
        while left < start and text[left] in " \t":
            left += 1
        if len(text[left:right].split()) <= 12:
            return left, right
    return start, end
