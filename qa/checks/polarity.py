"""polarity: a negation on one side that the other side does not have.

严禁截留 rendered "retention is strictly allowed", 未达到 rendered "reached":
fluent English that says the opposite of the Chinese, which no form check
sees.  Negation cues come from ``qa/data/negators.tsv`` (a jieba word must
*be* a cue: 不断, 非常, 无论, 未来 are words of their own and negate nothing).

Chinese negation, English none: the English that renders the clause
(``qa.clause_match``) must hold some negation, explicit ("not", "never",
"no"), negative-polarity ("fail to", "without", "lack", "prohibit") or a
prefixed antonym ("unreasonable" for 不合理).  When the whole English has
none, the flag is major; when only the clause's confidently matched window
lacks it, minor (the negation may have moved to another clause).  Clauses
with two negations (非…不可, 不…不) or a rhetorical question are not read.
A 不 inside a verb compound (达不到 "cannot reach", 离不开 "cannot do
without": a potential complement, ``qa.potential_complement``) is a negation
too; 离不开-type compounds of necessity are also rendered by "depends on",
"is essential to" (English rows of kind ``necessity``).

A cessation (不再, 再也不, 不复 "no longer") is reversed, not rendered, when
its English says the state goes on ("remain", "still", "continue": English
rows of kind ``continuation``) with no explicit negation: 不再是相互隔离,而是
密切关联 rendered "remain isolated rather than closely linked" holds "rather
than", which would otherwise count.

A "not yet" (尚未, 还未, 还不, 有待, 还需: a persistence adverb before a negation)
rendered with "already" and no negation ("have already formed") is reversed:
"already" is the assertive counterpart of "not yet"; so is a statement that the pending
action is done, with or without "already" (有待完善 rendered "has been perfected" or "the rules
are improved", 尚待实现 "has been achieved", "is complete": a perfect or a simple passive of the
Chinese verb's own gloss or of a verb of completion, or a finished state; not a progressive or
prospective passive, "is being improved", "is set to be improved", nor one in a purpose or
condition clause, "so that it is improved", "once it is improved").  A negated word (不充分,
不够) is read against its positive English word ("enough") in the confident
window (major) or, when the match is unsure, the clause's best window
(minor); the items of an enumeration (认识不清、…、作用不够明显) are read one
by one.

English negation, Chinese none: an explicit "not"/"never"/"no" in an English
pair whose Chinese has no negator character and no implicitly negative word
(缺乏 "lack", 避免 "avoid", 仅 "only" …) at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import Literal

from align.model import Pair
from align.script import HAN
from align.zh_words import jieba_words, loaded_jieba
from qa import lexicons as lx
from qa.antonyms import antonyms
from qa.clause_match import PairLinks, document_clauses
from qa.clause_split import Clause, en_clauses, zh_clauses
from qa.english_lexicon import is_known
from qa.lexical_negation import (
    LATIN_NEGATIVE_PREFIXES,
    UN_PREFIX,
    LexicalNegation,
    en_root,
    lexical_negations,
    renders_base,
    syllables,
)
from qa.lexicons import StemSet
from qa.meaning_cues import (
    CueRow,
    EnglishCues,
    ZhHit,
    cedict_join,
    cue_rows,
    next_word,
    quote,
    scopes,
    zh_glued_cues,
    zh_word_cues,
    zh_words,
)
from qa.model import Check, Context, Flag
from qa.negated_modifiers import positive_participle, unnegated_noun
from qa.potential_complement import potential_negations
from qa.zh_glosses import word_glosses

TABLE = "negators.tsv"
#: characters that negate in any word they start (the reverse direction stays silent on them)
NEGATOR_CHARS = frozenset("不没无非未否莫勿别甭毋弗")
#: un-/non- antonyms always render a negation; in-/im-/ir-/il-/dis- ones only a 不+adjective word
_UN = re.compile(rf"\b(?:{UN_PREFIX}[a-z]{{4,}}|non-?[a-z]{{3,}}|anti-?[a-z]{{3,}}"
                 r"|[a-z]{3,}less(?:ly|ness)?)\b", re.IGNORECASE)
#: a sub- word ("substandard", "suboptimal"): below what its base names, a negation only where
#: the base glosses the negated word (not "subject", "submit")
_SUB = re.compile(r"\bsub-?([a-z]{4,})\b", re.IGNORECASE)
_PREFIXED = re.compile(rf"\b{LATIN_NEGATIVE_PREFIXES}[a-z]{{4,}}\b|\b[a-z]{{3,}}less(?:ly|ness)?\b",
                       re.IGNORECASE)
#: the Latinate negative prefix at a word's start, to strip it ("adequate" of "inadequate")
_NEGATIVE_PREFIX = re.compile(rf"^{LATIN_NEGATIVE_PREFIXES}")

_DO_WITHOUT = re.compile(r"\b(?:do|does|did|done|doing|go|goes|went|gone|going)\s+without$", re.IGNORECASE)
#: a verb of holding back with its object and "from": "keep us from being self-abased" renders
#: 不妄自菲薄 (the table's one-word cues cannot hold the object between verb and "from")
_HOLD_FROM = re.compile(r"\b(?:keep|keeps|kept|keeping|restrain|restrains|restrained|restraining|deter|"
                        r"deters|deterred|deterring|refrain|refrains|refrained|refraining)"
                        r"(?:\s+[A-Za-z’']+){0,3}?\s+from\b", re.IGNORECASE)
#: a negative adjective of possibility, "cannot be V-ed": invincible, irreplaceable, inseparable
#: (the base after the prefix must be an English word, so "imaginable" is none)
_NEGATIVE_POTENTIAL = re.compile(r"^(?:in|im|ir|il)([a-z]{3,}(?:ib|ab|ub))(?:le|ly|ility)$")
#: "too general to assist" (太概括而起不到辅助作用): too + adjective + to-infinitive says "cannot"
_TOO_TO = re.compile(r"\btoo\s+[a-z]+(?:\s+(?:and|or)\s+(?:too\s+)?[a-z]+)?\s+(?:to|for)\b", re.IGNORECASE)
#: the verb "end" with its object ("resolutely end the practice of", "end all such fees"): 杜绝 "put an
#: end to" said with the bare verb; the word before it (a modal, "to", an adverb of manner) keeps out
#: the noun ("by the end the", "year-end the")
_END_VERB = re.compile(r"\b(?:to|and|must|shall|will|should|would|we|resolutely|firmly|completely|"
                       r"thoroughly|strictly|effectively|fully)\s+(end)\s+(?:the|all|any|such|this|these|those|"
                       r"its|their)\b", re.IGNORECASE)
#: in-…-able words that are not negative (Quirk et al. 1985, App. I.22 note): "very valuable"
_NOT_NEGATIVE = frozenset({"invaluable", "inflammable"})


@dataclass(frozen=True)
class PolarityOptions:
    """``min_clause_chars``: Chinese clauses shorter than this are not read (list items, particles).
    ``lexical``: also flag a word the Chinese negates (不可逆转, 还不充分) whose positive
    English word stands in its clause with no negation (``qa.lexical_negation``), and a
    "not yet" (尚未, 还不, 有待) whose English says "already" with no negation.
    ``reverse``: also flag an English negation the Chinese does not have, with
    ``reverse_severity`` (minor: on WMT20 most are paraphrases, "the old rule
    continues" rendered "the new rule will not apply")."""

    min_clause_chars: int = 3
    lexical: bool = True
    reverse: bool = True
    reverse_severity: Literal["minor", "major"] = "minor"


def _en_cues() -> EnglishCues:
    return EnglishCues(cue_rows(TABLE))


def english_negations(text: str, cues: EnglishCues, strict: bool) -> list[tuple[int, int, str]]:
    """(start, end, word) of the negations in ``text``.

    ``strict`` keeps only explicit ones ("not", "no", "never" …); otherwise
    negative-polarity words, un-/non- antonyms and the fixed phrases with a
    negator ("no less than" for 不低于) count too.  In strict mode phrases
    such as "not only" and "no less than" never count.
    """
    hits = cues.find(text)
    loose = ("polarity", "silent")  # "no less than" renders 不低于
    out = [(h.start, h.end, h.text) for h in hits
           if h.label == "negation" or (not strict and h.label in loose)]
    out = [h for h in out if not (h[2].lower() == "no" and re.match(r"\s*(?:\.|\d)", text[h[1]:]))]
    if not strict:
        out += [(m.start(), m.end(), m.group()) for m in _UN.finditer(text)]
        out += [(m.start(), m.end(), m.group()) for m in _HOLD_FROM.finditer(text)]
        out += [(m.start(), m.end(), m.group()) for m in _TOO_TO.finditer(text)]
        out += [(m.start(1), m.end(1), m.group(1)) for m in _END_VERB.finditer(text)]
    return sorted(out)


def _clause_negations(pair: Pair, start: int, end: int) -> tuple[list[ZhHit], bool]:
    """The negation cues of one Chinese clause, and whether the clause can be read at all.

    jieba splits some 不+adjective words (不 平衡): a bare 不/无/非 whose next
    word makes a CC-CEDICT headword with it reads as that word (a lexical cue).
    """
    hits = [_joined(pair.zh, h) for h in zh_word_cues(pair.zh, cue_rows(TABLE), (start, end))]
    hits += (_leading_cues(pair.zh, start, end) + _glued_negators(pair.zh, start, end)
             + _trailing_negators(pair.zh, start, end))
    inner = [ZhHit(CueRow("zh", p.word, p.kind, (p.gloss,)), p.start, p.end)
             for p in potential_negations(pair.zh, start, end)
             if not any(h.start <= p.start and p.end <= h.end and h.row.kind != "negation"
                        for h in hits)]  # a table word holding it (不得不, 毫不犹豫) decides
    hits = [h for h in hits if not any(p.start <= h.start < p.end for p in inner)] + inner
    if (any(h.row.kind == "skip" or _a_not_a(pair.zh, h) for h in hits)
            or "？" in pair.zh[start:end + 1]):
        return [], False
    neg = sorted((h for h in hits if h.row.kind in ("negation", "prohibition", "lexical", "necessity")),
                 key=lambda h: h.start)
    if len(neg) > 1:
        # 非本市户籍家庭不再需要 "households without local hukou no longer need": a 非 before a noun
        # negates that noun ("non-local"), not the clause; the clause's own negation is read
        neg = [h for h in neg if not _attributive(pair.zh, h)] or neg
    return neg, len(neg) <= 1 or _apart(pair.zh, neg)


def _attributives(zh: str, clause: Clause) -> int:
    """How many attributive 非 (:func:`_attributive`) the clause holds; read when its negation to
    find is another one, whose English their renderings are not."""
    if "非" not in clause.text:
        return 0
    hits = [h for h in zh_word_cues(zh, cue_rows(TABLE), (clause.start, clause.end)) if h.row.cue == "非"]
    return sum(1 for h in hits if _attributive(zh, h))


#: the English of an attributive 非: "without" + its noun, or a non- word ("non-local")
_NON_NOUN = re.compile(r"\bwithout\b|\bnon-?[a-z]{3,}", re.IGNORECASE)


def _without_prefixes(en: str, n: int) -> str:
    """``en`` with the first ``n`` renderings of an attributive 非 blanked ("households without local
    hukou" of 非本市户籍家庭): they render that 非, not the clause's negation (不再 "no longer" is
    still to be found).  Blanked with spaces, so that offsets hold."""
    if not n:
        return en
    return _NON_NOUN.sub(lambda m: " " * len(m.group()), en, count=n)


def _attributive(zh: str, hit: ZhHit) -> bool:
    """A bare 非 before a word that CC-CEDICT glosses as no verb (非本市户籍 "non-local", 非公有制
    "non-public"): the prefix "non-" of a noun phrase (现代汉语八百词 非: 非 + noun), not a
    negation of the clause's predicate."""
    if hit.row.cue != "非":
        return False
    nxt = next_word(zh, hit.end)
    return bool(nxt) and bool(HAN.match(nxt)) and nxt != "是" and not _verbal(nxt) and nxt not in _zh_rows()


def _leading_cues(zh: str, start: int, end: int) -> list[ZhHit]:
    """Negation cues jieba joined with the word they negate (未经许可 = 未经 + 许可 "without
    permission", 可不予 = 可 + 不予): a negation, prohibition or double-negation row of two
    characters or more read inside a longer jieba word (:func:`qa.meaning_cues.zh_glued_cues`;
    不无道理 = 不无 + 道理 "not without merit")."""
    return [h for h in zh_glued_cues(zh, cue_rows(TABLE), (start, end))
            if h.row.kind in ("negation", "prohibition", "skip")]


#: negators of an event that jieba glues to its verb in a two-character word no dictionary lists
#: (未获 "not obtained", 未按 "not according to", 没做 "did not do"; and 无 before a noun, 无证
#: "without a licence", :func:`_glued_negators_in`); not 不, whose glued words
#: are as often adjectives or set phrases a translator renders by a word of their own (不宁
#: "restless", 不属 "lies beyond")
_VERB_NEGATORS = frozenset("未没")


def _glued_negators(zh: str, start: int, end: int) -> list[ZhHit]:
    """A negator glued to the verb it negates in a two-character jieba word that neither the
    table nor CC-CEDICT lists (未获通过 = 未 + 获 "to obtain" + 通过), read as the bare negator;
    the second character must be a verb in CC-CEDICT ("to obtain")."""
    return [h for h in _glued_negators_in(zh) if start <= h.start and h.end < end]


@lru_cache(maxsize=8192)  # pure: read once per clause of the pair
def _glued_negators_in(zh: str) -> tuple[ZhHit, ...]:
    rows = _zh_rows()
    words = zh_words(zh)
    return tuple(ZhHit(rows[w[0]], s, s + 1) for k, (w, s, e) in enumerate(words)
                 if len(w) == 2 and w not in rows and (
                     w[0] in _VERB_NEGATORS
                     and (w not in lx.cedict() and _verbal(w[1]) or _split_verb(w, words[k + 1][0] if k + 1 < len(words) else ""))
                     or w[0] == "无" and w not in lx.cedict() and _nominal(w[1])))


def _nominal(char: str) -> bool:
    """One of CC-CEDICT's first senses of ``char`` is a noun's ("certificate" of 证): 无 before it says
    "without" it (无证 "without a licence", a jieba word CC-CEDICT lacks)."""
    return any(not g.startswith("to ") for g in lx.cedict().glosses(char)[:3])


def _trailing_negators(zh: str, start: int, end: int) -> list[ZhHit]:
    """A negator that jieba's guesser for unknown words glued to the word before it (其中3家未通过 =
    家未 + 通过): the last character of a two-character word that neither CC-CEDICT nor jieba's
    dictionary lists, before a verb, read as the bare negator."""
    return [h for h in _trailing_negators_in(zh) if start <= h.start and h.end < end]


@lru_cache(maxsize=8192)  # pure: read once per clause of the pair
def _trailing_negators_in(zh: str) -> tuple[ZhHit, ...]:
    rows = _zh_rows()
    known = loaded_jieba().dt.FREQ
    words = zh_words(zh)
    return tuple(ZhHit(rows[w[1]], e - 1, e) for k, (w, s, e) in enumerate(words)
                 if len(w) == 2 and w[1] in _VERB_NEGATORS and w not in lx.cedict() and not known.get(w)
                 and k + 1 < len(words) and _verbal(words[k + 1][0]))


def _split_verb(word: str, after: str) -> bool:
    """The negator's second character opens a verb that jieba cut off (逾期未报到 = 未报 + 到, read as
    未 + 报到 "to report for duty"; 未报 "unavenged" is a rare word of its own): the character
    and the next word's first one make a CC-CEDICT verb."""
    verb = word[1] + after[:1]
    return bool(after) and HAN.match(after[:1]) is not None and verb in lx.cedict() and _verbal(verb)


def _apart(zh: str, hits: list[ZhHit]) -> bool:
    """Each negation stands in its own item of an enumeration (认识不清、…、作用不够明显):
    independent negations, not a double one.  ``hits`` are sorted by start."""
    return all(_ENUMERATION in zh[a.end:b.start] for a, b in pairwise(hits))


#: the mark between the items of a Chinese enumeration (认识不清、供需失衡、作用不够明显)
_ENUMERATION = "、"
#: words that say "not yet": a state still to come (吕叔湘《现代汉语八百词》 尚, 还, 仍; CC-CEDICT
#: 尚未 "not yet", 有待 "not yet; to be done later", 尚待 "remain to be", 暂未 "not yet")
_NOT_YET = frozenset("尚未 尚无 暂未 有待 有待于 尚待 亟待 尚需 仍需 还需 仍须 还须".split())
#: adverbs of persistence ("still", "so far") that make the negation after them a "not yet"
_STILL = frozenset("还 尚 仍 仍然 依然 依旧 至今 迄今".split())
#: the negations and needs a persistence adverb turns into a "not yet" (还未, 仍没有, 还不够, 还需)
_STILL_NEGATED = frozenset("不 未 没 没有 无 不够 不足 需 需要 须".split())

#: bare negators that, before an adjective, English renders by an antonym (不容易 "difficult")
_ADJECTIVAL = ("不", "无", "非")
#: bare negators jieba leaves apart from the word they make with the next one
_BARE = ("不", "无", "非", "没", "未")


def _a_not_a(zh: str, hit: ZhHit) -> bool:
    """能不能, 会不会, 有没有: a yes-no question, not a negation (same character either side of 不/没)."""
    i = hit.start
    return (hit.row.cue[0] in "不没" and i > 0 and i + 1 < len(zh)
            and zh[i - 1] == zh[i + 1])


def _joined(zh: str, hit: ZhHit) -> ZhHit:
    """A bare negator read together with its next word when the two are one word, or with the
    character before it when the table lists the two (jieba's 拒|不: 拒不 "refuse to", implicit).

    jieba splits 不超过, 没那么, 不平衡: the text from the negator on is
    looked up in the negator table first (不超过 is a bound, silent), then
    the negator and its next word in CC-CEDICT (不平衡, a lexical negation).
    """
    if hit.row.cue not in _BARE:
        return hit
    before = _zh_rows().get(zh[hit.start - 1:hit.end]) if hit.start > 0 else None
    if before is not None:  # jieba's 拒|不: the table's 拒不 "refuse to" is one word
        return ZhHit(before, hit.start - 1, hit.end)
    longer = [r for w, r in _zh_rows().items() if len(w) > 1 and zh.startswith(w, hit.start)]
    if longer:
        row = max(longer, key=lambda r: len(r.cue))
        return ZhHit(row, hit.start, hit.start + len(row.cue))
    word = cedict_join(zh, hit)
    if hit.row.cue not in _ADJECTIVAL or word is None:
        return hit
    gloss = (lx.cedict().glosses(word)[:1] or ["not"])[0]
    return ZhHit(CueRow("zh", word, "lexical", (gloss,)), hit.start, hit.start + len(word))


@lru_cache(maxsize=1)
def _zh_rows() -> dict[str, CueRow]:
    return {r.cue: r for r in cue_rows(TABLE) if r.lang == "zh"}


def _verbal(word: str) -> bool:
    """CC-CEDICT glosses ``word`` as a verb ("to reach"): 不+verb has no antonym to hide in."""
    return any(g.startswith("to ") for g in lx.cedict().glosses(word))


def _strength(zh: str, cue: ZhHit) -> str:
    """major for a negation English must show as one; minor where an antonym may render it.

    Lexical cues (不合理) and a bare 不/无/非 before a non-verb (不容易 "difficult",
    无法律 …) are often rendered by an antonym the tables cannot list.
    """
    if cue.row.kind == "lexical":
        return "minor"
    if cue.row.cue in _ADJECTIVAL and not _verbal(next_word(zh, cue.end)):
        return "minor"
    return "major"


#: gloss lemmas that say the negation itself, not what is negated (不得 "not allowed": "not")
_NEGATION_GLOSSES = frozenset({"not", "no", "never", "cannot", "without", "non", "doesn", "hasn",
                               "haven", "t", "don", "isn", "aren", "won"})


def _negated_content(zh: str, cue: ZhHit) -> tuple[StemSet, StemSet]:
    """(what the negation negates, what the pair's other Chinese words say) as gloss lemmas.

    The negated content is the cue's own content glosses (不得 "allow", 严禁 "prohibit" with
    its WordNet antonyms "allow", "permit"), those of the words it overlaps (处理 of 理不好)
    and of the word after it (允许 of 不允许).  The other words' glosses explain English
    words that are not the negated one (适应 twice: "adapt" renders the unnegated one)."""
    words = zh_words(zh)
    nxt = next((s for _, s, _ in words if s >= cue.end), len(zh))
    near = [w for w, s, e in words if s < cue.end and cue.start < e or s == nxt]
    content = {g for w in near for g in word_glosses(w)} - _NEGATION_GLOSSES
    if cue.row.kind == "prohibition":  # 严禁 "prohibit": "allowed" says what it forbids is free
        content |= {lx.lemma(a.antonym) for g in word_glosses(cue.row.cue) for a in antonyms(g, frozenset("v"))}
    others = StemSet(g for w, s, e in words if not (s < cue.end and cue.start < e or s == nxt)
                     for g in word_glosses(w))
    return StemSet(content - lx.STOPWORDS), others


def _reversal_evidence(zh: str, cue: ZhHit, en: str) -> bool:
    """The English says the thing the Chinese negates: a gloss of the negated word (不忘回馈
    "has always forgotten to give back": 忘 "forget"), or the opposite of a prohibition's
    verb (严禁截留 "retention is strictly allowed"), that no other word of the Chinese
    explains.  Without it, an English with no negation has paraphrased or left out the
    negated clause ("the hull held" for 船体没有坏, "outdated systems" for 不适应…的体制):
    a negation may be lost, but nothing English says is shown reversed, so the flag is
    minor; with it, the English asserts what the Chinese denies, and the flag is major."""
    from qa.english_verb_forms import verb_lemma

    content, others = _negated_content(zh, cue)
    for t in lx.tokenize_en(en):
        if t.text.lower() in lx.STOPWORDS:
            continue
        lemmas = {t.lemma, lx.lemma(verb_lemma(t.text.lower()))}  # "forgotten" is "forget"
        if any(content.has(w) for w in lemmas) and not any(others.has(w) for w in lemmas):
            return True
    return False


#: words that negate a state from now on ("no longer"): their opposite is continuation
CESSATION = ("不再", "再也不", "不复", "再不")


def _continuation(en: str, zh: str, cue: ZhHit, cues: EnglishCues) -> str | None:
    """The English word that says a ceased state goes on (不再 → "remain"), or None.

    None unless ``cue`` is a cessation and the English has no explicit negation.
    """
    if not zh[max(0, cue.start - 2):cue.end + 1].endswith(CESSATION) and cue.row.cue not in CESSATION:
        return None
    if english_negations(en, cues, strict=True):
        return None
    goes_on = [h for h in cues.find(en) if h.label == "continuation"]
    return goes_on[0].text if goes_on else None


def _rendered(en: str, zh: str, cue: ZhHit, cues: EnglishCues,
              within: tuple[int, int] | None = None) -> bool:
    """The English holds something that can render the negation ``cue``.

    Any negation or negative-polarity word does ("keep us from" too); so does an
    in-/im-/dis- antonym after a lexical cue, or after a bare negator when the rest of
    the English word is a gloss of the negated word (不合适 "inappropriate"), the whole
    word a gloss of the cue's own word (看不见 "invisible"), or a CC-CEDICT negative whose
    base glosses a later word of the clause (不符合公平正义 "injustice"); a negative
    adjective of possibility ("invincible" for 不可战胜); the positive of a negative
    word (决不辜负 "live up to": :func:`_litotes`); and an opposite manner word beside the
    negated verb (没有善待 "treated badly": :func:`_manner_rendered`).
    """
    nxt = next_word(zh, cue.end)
    if cue.row.cue in _UNIVERSAL_NEGATORS and _UNIVERSAL.search(en):
        return True  # 无一超标 "all … met the standards": not one failed, every one passed
    if cue.row.kind == "lexical" and (_note_rendered(en, cue.row) or _LESS_ADJECTIVE.search(en)):
        # 不到位 "shortcomings": a one-word rendering the table's note gives; 更不清楚 "less certain":
        # the comparative of inferiority of the adjective's antonym
        return True
    said = [n for n in english_negations(en, cues, strict=False)
            if n[2].lower() not in _ADDITIVE or _restricted(zh, cue)]
    negations = _not_owned(said, zh, cue, within)
    if cue.row.kind == "necessity":  # "can do without" is the opposite of 离不开, not its negation
        negations = [n for n in negations if not _DO_WITHOUT.search(en[:n[1]])]
    if negations:
        return True
    if cue.row.kind == "negation" and said and _negates_what_follows(en, said, zh, nxt):
        return True
    if cue.row.cue in _OBJECT_NEGATORS and said and any(
            _negates_what_follows(en, said, zh, w) for w in _object_words(zh, cue.end)):
        return True  # 未经气象主管机构许可 "without the permission of the … authority"
    if nxt in _DEGREE and _LESS.search(en):
        return True  # 没有这样幸运 "less fortunate": a negated degree is a comparative of inferiority
    if _NEGATED_FIGURE.match(zh, cue.end) and _EN_BOUND.search(en):
        return True  # 未满50人 "fewer than 50", 不到三成 "under 30%": a negated figure is a bound
    if cue.row.kind == "necessity" and any(h.label == "necessity" for h in cues.find(en)):
        return True  # 离不开 "cannot do without" rendered "depends on"
    if cue.row.kind == "negation" and _antonym_rendered(en, nxt):
        return True
    if _litotes(en, nxt):
        return True
    if cue.row.kind == "negation" and _manner_rendered(en, nxt):
        return True
    nearest = StemSet(word_glosses(nxt))
    if any(nearest.has(lx.lemma(m.group(1).lower())) for m in _SUB.finditer(en)):
        return True  # 不合格产品 "substandard products": sub- + a gloss of 合格 "meeting a standard"
    prefixed = list(_PREFIXED.finditer(en))
    if not prefixed:
        return False
    if any(_negative_potential(m.group()) for m in prefixed):
        return True
    if cue.row.kind == "lexical" and any(_prefixed_antonym(m.group()) for m in prefixed):
        return True  # 不到位 "inadequately": not "involved" or "investigation", which negate nothing
    own = StemSet(word_glosses(zh[cue.start:cue.end])) if cue.end - cue.start > 1 else None
    later = None
    for m in prefixed:
        word = m.group().lower()
        base = lx.lemma(_NEGATIVE_PREFIX.sub("", word))
        if (own is not None and own.has(lx.lemma(word))) or nearest.has(base):
            return True
        if word in _negative_glosses():
            later = _later_glosses(zh, cue) if later is None else later
            if later.has(base):
                return True
    return False


#: negators whose verb takes the negated act as its object, a noun phrase ending in it (未经 "not
#: having undergone": 未经主管部门批准 "without the approval of the competent department"): English puts
#: the act first, so the word after the negation is the body, not what "without" is followed by
_OBJECT_NEGATORS = frozenset({"未经"})
#: how many words of the object the act may end
_OBJECT_WORDS = 8


def _object_words(zh: str, start: int) -> list[str]:
    """The words of the noun phrase from ``start`` to the clause's end (at most eight)."""
    out = []
    for w in jieba_words(zh[start:], hmm=True):
        if not HAN.search(w) or len(out) == _OBJECT_WORDS:
            break
        out.append(w)
    return out


#: a negation of reaching a figure (未满50人 "fewer than 50", 不足三成, 不到18岁, 不超过5%): a bound
#: (现代汉语八百词 满, 足, 到 with a quantity), which English says without a negation
_NEGATED_FIGURE = re.compile(r"(?:满|足|到|够|及|超过|超出|高于|多于)?[\d０-９零〇一二两三四五六七八九十百千万半]")
#: English bounds below or up to a figure, with the figure ("under 18", "fewer than 50", "below
#: 30%", "under the age of eighteen"): "under these measures" bounds nothing
_EN_BOUND = re.compile(r"\b(?:under|below|fewer than|less than|up to|no more than|at most|younger than|"
                       r"short of)\s+(?:the age of\s+|about\s+)?(?:[$€£¥]?\d|(?:one|two|three|four|five|six|"
                       r"seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|twenty|thirty|fifty|a hundred|"
                       r"half)\b)", re.IGNORECASE)


#: the correlative "not only … but (also)" (Quirk et al. 1985 §13.38): it adds to what it names,
#: "not only A but B" says A; only a negated restriction (不只, 不仅仅是, 并非只有
#: "not only") is rendered by it, never a 不是/并非 A，而是 B "not A but B", which denies A
_ADDITIVE = frozenset({"not only"})
#: characters of the restrictive words ("only", "merely": 只, 仅仅, 单纯, 简单, 光) whose negation
#: is the additive "not only"
_RESTRICTIVE = frozenset("只仅单光止")
#: how many characters after the negation its restrictive word may start (不是单纯的 "not only")
_RESTRICT_REACH = 3


def _restricted(zh: str, cue: ZhHit) -> bool:
    """The negation ``cue`` stands on a restrictive word (不只, 并非仅仅, 不是简单地): "not only"."""
    return bool(_RESTRICTIVE.intersection(zh[cue.start:cue.end + _RESTRICT_REACH]))


#: degree adverbs a negation may stand before (不那么, 没有这样, 并没有过多, 不太): the negation
#: of a degree is partial (吕叔湘《现代汉语八百词》 不 with 太, 很, 怎么), and English says it
#: with a comparative of inferiority ("less anxious", "less fortunate", "less elaborate")
_DEGREE = frozenset("那么 这么 那样 这样 如此 太 太过 过于 过多 过分 很 十分 怎么".split())
_LESS = re.compile(r"\b(?:less|fewer)\b", re.IGNORECASE)
#: negations of "one" (无一 "not a single one"), which English says as often by a universal: "all 32
#: plants met the standards", "covering every single one" (Quirk et al. 1985 §6.62, universal and
#: negative pronouns)
_UNIVERSAL_NEGATORS = frozenset({"无一"})
_UNIVERSAL = re.compile(r"\b(?:all|every|each|none)\b", re.IGNORECASE)
_LESS_ADJECTIVE = re.compile(r"\bless\s+[a-z]{4,}\b", re.IGNORECASE)
#: how many English words after a negative word its object may stand
_OBJECT_REACH = 4


def _negates_what_follows(en: str, said: list[tuple[int, int, str]], zh: str, word: str) -> bool:
    """An English negative word whose next few words, in its phrase, gloss the word the Chinese
    negation stands before (没有言论自由 "without that freedom": 自由 "freedom"): it negates the
    same thing, so it renders this negation, whichever other Chinese word's gloss begins with it
    (顺利 "without a hitch").  Not the word of an implicit negative of the Chinese (拒不 "refuses,
    even with good reason": "refuses" is 拒不's, and the comma ends its phrase)."""
    stems = StemSet(word_glosses(word) - lx.STOPWORDS) if word and HAN.search(word) else None
    if stems is None:
        return False
    implicit = frozenset().union(*(_implicit_words(w) for w in jieba_words(zh, hmm=True)))
    for _, e, neg in said:
        if lx.lemma(neg.lower()) in implicit:
            continue
        phrase = _PHRASE_END.split(en[e:e + 60], maxsplit=1)[0]
        if any(stems.has(t.lemma) for t in lx.tokenize_en(phrase)[:_OBJECT_REACH]
               if t.text.lower() not in lx.STOPWORDS):
            return True
    return False


_PHRASE_END = re.compile(r"[,;:.!?—()]")


def _rather_than(zh: str, start: int) -> bool:
    """The 非 at ``start`` follows 而: the conjunction 而非 "rather than" (an ``implicit`` row),
    which contrasts two things; English says it with "than" as often as with a negation."""
    return zh.startswith("非", start) and zh[start - 1:start] == "而"


def _negative_potential(word: str) -> bool:
    """``word`` is a negative adjective of possibility ("invincible", "irreplaceable",
    "inseparable"): it says "cannot be V-ed", the English of 不可/不能/V不C + verb."""
    w = word.lower()
    m = _NEGATIVE_POTENTIAL.match(w)
    return m is not None and w not in _NOT_NEGATIVE and is_known(m.group(1) + "le")


def _later_glosses(zh: str, cue: ZhHit) -> StemSet:
    """Glosses of the words after ``cue`` in its clause: English may move the negation onto
    the object (不符合公平正义 "injustice")."""
    end = next((c.end for c in zh_clauses(zh) if c.start <= cue.start < c.end), len(zh))
    rest = zh[cue.end:end]
    return StemSet(frozenset().union(*(word_glosses(w) for w, _, _ in zh_words(rest) if HAN.search(w))))


@lru_cache(maxsize=1)
def _negative_glosses() -> frozenset[str]:
    """The prefixed English words (in-/im-/ir-/il-/dis-/un-/non-) CC-CEDICT uses to gloss Chinese
    words that begin with a negator (不公正 "injustice", 不平等 "inequality"): a prefixed word
    of this set is a negation; "information" or "industry" is none."""
    out: set[str] = set()
    for head in lx.cedict().entries:
        if head[0] in NEGATOR_CHARS:
            for e in lx.cedict().get(head):
                for g in e.glosses:
                    out.update(w.lower() for w in re.findall(r"[A-Za-z-]+", lx.strip_gloss(g))
                               if _AFFIXED.match(w.lower()))
    return frozenset(out)


#: a word with a negative prefix and the base after it
_AFFIXED = re.compile(r"(?:non-?|un|in|im|il|ir|dis)([a-z]{3,})$")


def _note_rendered(en: str, row: CueRow) -> bool:
    """The English holds one of the one-word renderings of a lexical row's note."""
    words = {lx.lemma(w.strip()) for w in (row.extra[0] if row.extra else "").split(";") if w.strip().isalpha()}
    return bool(words) and any(t.lemma in words for t in lx.tokenize_en(en))


@lru_cache(maxsize=4096)
def _prefixed_antonym(word: str) -> bool:
    """An in-/im-/dis- … word that WordNet makes the antonym of its base ("inadequate" of "adequate",
    "imbalanced" of "balance"), or a -less word ("careless"): a negative word, not one that only
    starts like one ("involved", "investigation", "increase")."""
    low = word.lower()
    if low.endswith(("less", "lessly", "lessness")):
        return True
    base = _NEGATIVE_PREFIX.sub("", low)
    if base == low:
        return False
    return any(a.antonym == base or base.startswith(a.antonym) for a in antonyms(lx.lemma(low)))


def _prefixed_base(word: str) -> bool:
    """Whether the base after the negative prefix is an English word ("sufficient" of
    "insufficient"): "insurance", "interest" or "district" say no absence, though some CC-CEDICT
    negator word has them in a gloss."""
    m = _AFFIXED.match(word.lower())
    return m is not None and is_known(m.group(1))


#: gloss words that make a Chinese word negative in itself (辜负 "to fail to live up to")
_NEGATIVE_GLOSS_HEADS = frozenset({"fail", "not", "no", "never", "lack"})


def _litotes(en: str, word: str) -> bool:
    """The negated word is negative itself and the English says its positive: 决不辜负 ("to
    fail to live up to") rendered "live up to".  Two negations make a positive, so the English
    needs no negation; it must hold a content word of the gloss after its negative head."""
    if not word or not HAN.search(word):
        return False
    rest: set[str] = set()
    for g in lx.cedict().glosses(word, per_entry=3) if word in lx.cedict() else ():
        words = [w.lower() for w in re.findall(r"[A-Za-z]+", lx.strip_gloss(g))]
        if words[:1] == ["to"]:
            words = words[1:]
        if words and words[0] in _NEGATIVE_GLOSS_HEADS:
            rest.update(lx.lemma(w) for w in words[1:] if w not in lx.STOPWORDS and w != "to")
    return bool(rest) and any(t.lemma in rest for t in lx.tokenize_en(en))


@lru_cache(maxsize=16384)
def _gloss_heads(word: str) -> frozenset[str]:
    """The first word of each CC-CEDICT gloss of ``word`` (擅自 "without permission": "without"),
    or of its dictionary parts when CEDICT lacks it (jieba's 擅自改变)."""
    cd = lx.cedict()
    heads = set()
    for part in ([word] if word in cd else cd.segment(word)):
        for g in cd.glosses(part, per_entry=8) if part in cd else ():
            heads.update(w.lower() for w in lx.strip_gloss(g).split()[:1])
        for e in cd.get(part):
            # the verb of an entry's first sense: 滞后 "to lag behind" says "lag"; a later sense
            # (逾期 "to be overdue; to fail to meet a deadline") does not own its "fail"
            words = lx.strip_gloss(e.glosses[0]).split() if e.glosses else []
            if words[:1] == ["to"] and len(words) > 1:
                heads.add(words[1].lower())
    return frozenset(heads)


#: the English verbs of ceasing, one family (WordNet: stop, cease, halt, discontinue, suspend "stop
#: temporarily", close down, terminate, end): a Chinese word glossed by one of them (停业 "to cease
#: trading", 停产 "to stop production") is rendered by any, so none renders another negation
_CESSATION = frozenset({"stop", "cease", "halt", "suspend", "discontinue", "terminate", "end", "close"})
#: negations that always count, whatever another word's gloss begins with (未经 "not having …")
_CORE_NEGATIONS = frozenset({"not", "no", "never", "n't", "neither", "nor", "none", "nothing", "nobody",
                             "nowhere", "cannot"})


def _not_owned(negations: list[tuple[int, int, str]], zh: str, cue: ZhHit,
               within: tuple[int, int] | None = None) -> list[tuple[int, int, str]]:
    """``negations`` without the negative-polarity words another Chinese word of the pair says.

    任何单位不得擅自改变用途 → "Any unit may change the use without authorization":
    "without" is 擅自's ("without permission"), so it cannot render 不得.  An implicitly
    negative word (拒不 "refuse to", 禁烧 "burning ban": ``implicit`` rows) owns one English
    word of its meaning (:func:`_implicit_words`): "refuses, even with good reason" leaves
    没有正当理由 unrendered; only one inside ``within`` (the Chinese the English answers for:
    a clause's window holds no English of the next clause's 禁用).  The core negations
    ("not", "no", "never") always count.
    """
    if not any(n[2].lower() not in _CORE_NEGATIONS for n in negations):
        return negations
    owned: set[str] = set()
    owners: list[frozenset[str]] = []  # implicit negatives: each owns one English word
    at = 0
    for w in jieba_words(zh, hmm=True):
        # another negation of the Chinese (不足 "insufficient") is no owner: it is to be rendered too
        if not (at < cue.end and cue.start < at + len(w)) and HAN.search(w) and not _negating(w):
            if not _implicit_words(w):
                owned |= _gloss_heads(w)
            elif within is None or within[0] <= at < within[1]:
                owners.append(_implicit_words(w))
        at += len(w)
    if owned & _CESSATION:  # 停业 "to cease trading" says "suspend operations" too
        owned |= _CESSATION
    kept = []
    for n in negations:
        word = n[2].lower()
        if word in _CORE_NEGATIONS:
            kept.append(n)
            continue
        if word in owned or lx.lemma(word) in owned:
            continue
        owner = next((o for o in owners if lx.lemma(word) in o), None)
        if owner is None:
            kept.append(n)
        else:
            owners.remove(owner)  # 禁用 owns one "banned"; a second one may render 禁止
    return kept


#: the kinds of negators.tsv that make a word say "not" (the others negate nothing, or only by
#: their meaning: 拒 "refuse", 禁 "forbid")
_NEGATING_KINDS = frozenset({"negation", "prohibition", "lexical", "necessity"})
#: the kind whose word holds a negator character and negates only by its meaning (拒不
#: "refuse to"); a silent or skip word (不仅 "not only", 不得不 "cannot but") owns nothing
_COVERING_KINDS = frozenset({"implicit"})


@lru_cache(maxsize=16384)
def _negating(word: str) -> bool:
    """The jieba word holds a negation of the table that no implicit row of it covers:
    拒不执行 "refuse to carry out" holds 不, but inside 拒不 "refuse to", an implicit negative
    whose English ("refuse") is its own rendering, not that of another negation.  An implicit
    row that starts with a negator (不足 "not enough") negates: it is to be rendered too."""
    rows = _zh_rows()
    spans = [(i, j, rows[word[i:j]].kind) for i in range(len(word)) for j in range(i + 1, len(word) + 1)
             if word[i:j] in rows]
    covers = [(i, j) for i, j, kind in spans
              if kind in _COVERING_KINDS and word[i] not in NEGATOR_CHARS]  # 不足 "not enough" negates
    return any(kind in _NEGATING_KINDS and not any(a <= i and j <= b and (a, b) != (i, j) for a, b in covers)
               for i, j, kind in spans)


@lru_cache(maxsize=16384)
def _implicit_words(word: str) -> frozenset[str]:
    """The English negative-polarity words an implicitly negative word of the Chinese may be
    rendered by (禁烧 "burning ban": "ban"): the table's English polarity words among the
    CC-CEDICT glosses of the words that start with its implicit row (禁止 "to prohibit; to
    forbid; to ban"), as lemmas.  Such an English word is that word's, not another negation's."""
    rows = _zh_rows()
    found: set[str] = set()
    for j in range(1, len(word) + 1):  # a row the word starts with (惩戒 "to discipline" is no 戒)
        row = rows.get(word[:j])
        if row is not None and row.kind == "implicit":
            found |= _implicit_glosses(row.cue)
    return frozenset(found)


@lru_cache(maxsize=256)
def _implicit_glosses(cue: str) -> frozenset[str]:
    """An implicit row's English polarity lemmas (see :func:`_implicit_words`): of its own note
    ("refuse to") and of the glosses of the CC-CEDICT words of up to four characters it starts."""
    polarity = _polarity_lemmas()
    found = {lx.lemma(w) for w in re.findall(r"[a-z]+", " ".join(_zh_rows()[cue].extra).lower())}
    cd = lx.cedict()
    for head in _headwords_by_first().get(cue[0], ()):
        if head.startswith(cue):
            found |= {lx.lemma(w) for g in cd.glosses(head) for w in re.findall(r"[a-z]+", g.lower())}
    return frozenset(found & polarity)


@lru_cache(maxsize=1)
def _polarity_lemmas() -> frozenset[str]:
    return frozenset(lx.lemma(r.cue) for r in cue_rows(TABLE)
                     if r.lang == "en" and r.kind == "polarity" and " " not in r.cue)


@lru_cache(maxsize=1)
def _headwords_by_first() -> dict[str, tuple[str, ...]]:
    """CC-CEDICT headwords of two to four characters by their first character."""
    out: dict[str, list[str]] = {}
    for head in lx.cedict().entries:
        if 2 <= len(head) <= 4:
            out.setdefault(head[0], []).append(head)
    return {k: tuple(v) for k, v in out.items()}


def _antonym_rendered(en: str, word: str) -> bool:
    """A WordNet adjective antonym of a gloss of the negated adjective stands in the English:
    不容易 "not easy" rendered "difficult".  Verbs are left out: 不会改变 "will not change"
    is not rendered by "rest", nor 无法恢复 "cannot recover" by "declines"."""
    if not word or _verbal(word):
        return False
    opposite = {lx.lemma(a.antonym) for g in word_glosses(word) if g not in lx.STOPWORDS
                for a in antonyms(g, _ANTONYM_POS) if a.antonym not in lx.STOPWORDS}
    return bool(opposite) and any(t.lemma in opposite for t in lx.tokenize_en(en))


#: adjectives: a noun's or a verb's antonym says another thing, not the negation
_ANTONYM_POS = frozenset("a")


def _clause_window(pc: PairLinks, clause: Clause) -> tuple[int, int] | None:
    """The English that renders ``clause``: the whole English when the pair is one clause on a
    side, the confidently matched window otherwise, None when the match is unsure."""
    if pc.whole:
        return 0, len(pc.pair.en)
    link = pc.link_at(clause.start)
    return link.en_span if link is not None and link.confident else None


def _explained(pair: Pair, neg: LexicalNegation) -> tuple[frozenset[str], frozenset[str]]:
    """(lemmas, roots) of the glosses of every other Chinese word of the pair: an English word
    they explain renders them, not the negated one (不足 … 足以 "enough")."""
    others = [w for w, s, e in zh_words(pair.zh) if e <= neg.start or s >= neg.end]
    lemmas = {g for w in others for g in word_glosses(w)}
    # another word that holds the negated stem says the stem's English too: 民主党派 "other
    # political parties" beside 无党派 (党派 "political party")
    for stem in {neg.word[1:], neg.word[2:]}:
        if len(stem) >= 2 and any(stem in w and w != stem for w in others):
            lemmas |= word_glosses(stem)
    return frozenset(lemmas), frozenset(en_root(g) for g in lemmas)


def _in_a_name(pair: Pair, neg: LexicalNegation) -> bool:
    """The negator's pinyin is a capitalised English word (余非 "Yu Fei", "Yufei"): a name."""
    sounds = syllables(neg.word[0])
    names = {t.text.lower() for t in lx.tokenize_en(pair.en) if t.text[:1].isupper()}
    return any(n == s or (len(n) > len(s) + 1 and n.endswith(s)) for n in names for s in sounds)


def _affixed_base(token: str, neg: LexicalNegation) -> bool:
    """``token`` is a negative-affix form of a base ("inability" for "able", "unrelated")."""
    m = _AFFIXED.match(token.lower())
    return m is not None and (en_root(m.group(1)) in neg.bases or lx.lemma(m.group(1)) in neg.lemmas
                              or en_root(m.group(1))[:4] in {b[:4] for b in neg.bases if len(b) >= 4})


def _unnegated(text: str, cues: EnglishCues) -> bool:
    """An English clause that says its statement outright: no negation, no negative-polarity
    word, no non-assertive context ("should", "if") or word of necessity ("needs to be").  A bare "yet" is no
    negation ("could yet be reversed"); "not yet" and "yet to" are."""
    if "?" in text:
        return False
    if any(w.lower() != "yet" for _, _, w in english_negations(text, cues, strict=False)):
        return False
    return not any(h.label in ("unasserted", "necessity") for h in cues.find(text))


#: words before a positive word whose negation reaches it across a comma
_REACH = 4
#: a negation after the positive word reaches it only up to the next coordinated clause
#: ("have a natural endowment … and lack initiative": "lack" is the next clause's)
_COORDINATOR = re.compile(r"\b(?:and|but|while|whereas)\b")


def _outright(en: str, s: int, clause: str, t: lx.Token, cues: EnglishCues) -> bool:
    """The word ``t`` of the English ``clause`` (at offset ``s`` of ``en``) is said outright: no
    negation or non-assertive word before it in its clause or among the few words before it
    (a negation reaches across a comma), none after it up to the next coordinated clause."""
    before = " ".join(x.text for x in lx.tokenize_en(en[:s])[-_REACH:])
    after = _COORDINATOR.split(clause[t.end:], maxsplit=1)[0]
    return _unnegated(clause[:t.start], cues) and _unnegated(before, cues) and _unnegated(after, cues)


def _lexical_window(pc: PairLinks, clause: Clause) -> tuple[int, int, bool] | None:
    """(start, end, sure) of the English a negated word is read in: the confident window
    (:func:`_clause_window`), else the clause's unsure link, read for minor flags only (a
    positive English word that a negated Chinese one names is evidence enough to point at,
    not to assert), else None."""
    window = _clause_window(pc, clause)
    if window is not None:
        return window[0], window[1], True
    link = pc.link_at(clause.start)
    return (link.en_span[0], link.en_span[1], False) if link is not None else None


def _item(zh: str, clause: Clause, start: int) -> tuple[int, int]:
    """The span of the enumerated item (between 、 marks) of ``clause`` that holds ``start``."""
    lo = zh.rfind(_ENUMERATION, clause.start, start) + 1 or clause.start
    hi = zh.find(_ENUMERATION, start, clause.end)
    return max(lo, clause.start), clause.end if hi < 0 else hi


def _reversed_word(pair: Pair, pc: PairLinks, clause: Clause, table_negs: list[ZhHit],
                   cues: EnglishCues) -> Flag | None:
    """A word the Chinese negates (不可逆转, 还不充分, 无法完成) whose positive English word
    ("reversed", "sufficient", "completed") stands in its English clause with no negation.

    Each negated word is read on its own when it is the only negation of its enumerated
    item (认识不清、…、作用不够明显: two independent negations); two in one item are a
    double negation and are not read."""
    negs = lexical_negations(pair.zh, clause.start, clause.end)
    if not negs:
        return None
    found = _lexical_window(pc, clause)  # read only now: links cost the model
    if found is None:
        return None
    en_s, en_e, sure = found
    for neg in negs:
        lo, hi = _item(pair.zh, clause, neg.start)
        others = [(h.start, h.end) for h in table_negs] + [(n.start, n.end) for n in negs if n is not neg]
        if _in_a_name(pair, neg) or any(lo <= s < hi and (e <= neg.start or s >= neg.end)
                                        for s, e in others):
            continue  # a second negation of the same item: a double negation is not read
        if _rather_than(pair.zh, neg.start):
            continue  # 而非严肃的学术研究 "than serious scholarship": a contrast, not a negated word
        if _concessive_if_not(pair, clause, neg.start):
            continue  # 即便不能改变我的生活 "will change, if not my life, …": the concession says the negation
        shared = frozenset().union(*(n.forms for n in negs if n is not neg))
        flag = _positive_word(pair, neg, clause, (en_s, en_e), cues, "major" if sure else "minor",
                              shared, _parallel(pc, clause, neg.word[0]))
        if flag is not None:
            return flag
    return None


def _parallel(pc: PairLinks, clause: Clause, negator: str) -> bool:
    """``clause`` opens with ``negator`` as the clause before it does: a run of parallel negated
    clauses (不坚持社会主义，不改革开放，不发展经济), which English renders as one negation over a
    list ("if we did not adhere to socialism, …, develop the economy")."""
    k = next((i for i, c in enumerate(pc.zh) if c.start == clause.start), 0)
    if k == 0 or not clause.text.lstrip().startswith(negator):
        return False
    return pc.zh[k - 1].text.lstrip().startswith(negator)


def _sentence_before(en: str, s: int) -> str:
    """The English of the sentence that holds offset ``s``, up to ``s``."""
    start = max(en.rfind(". ", 0, s), en.rfind("; ", 0, s), en.rfind("? ", 0, s), en.rfind("! ", 0, s))
    return en[start + 1 if start >= 0 else 0:s]


#: the concessive conjunctions before a negated word (即便/即使/哪怕/纵然 …不能: "even if … not")
_CONCESSIVE = ("即便", "即使", "哪怕", "纵然", "纵使", "就算")
#: the English concessive negation between commas ("will change, if not my life, certainly my attitude")
_IF_NOT = re.compile(r",\s*if not\b", re.IGNORECASE)


def _concessive_if_not(pair: Pair, clause: Clause, start: int) -> bool:
    """Whether a concessive conjunction opens the clause before the negated word at ``start`` and
    the English says the concession with "…, if not X, …": "if not" is otherwise read as no
    negation ("if not, the fee is refunded"), but after a concession it is one."""
    return any(c in pair.zh[clause.start:start] for c in _CONCESSIVE) and _IF_NOT.search(pair.en) is not None


def _positive_word(pair: Pair, neg: LexicalNegation, clause: Clause, window: tuple[int, int],
                   cues: EnglishCues, severity: str, shared: frozenset[str] = frozenset(),
                   parallel: bool = False) -> Flag | None:
    """The flag for the first positive English word of ``neg`` in ``window`` with no negation
    around it, or None (also when the negative word itself is there).  A negative word that
    ``shared`` holds (the forms of the clause's other negated words: "insufficient" for both
    不足 and 不够) may render the other one, so it does not show that ``neg`` is rendered.
    With ``parallel`` (:func:`_parallel`), a negation earlier in the English sentence may be
    the one the list of parallel clauses shares."""
    en_s, en_e = window
    tokens = lx.tokenize_en(pair.en[en_s:en_e])
    if any((en_root(t.text) in neg.forms or lx.lemma(t.text) in neg.forms or _affixed_base(t.text, neg))
           and en_root(t.text) not in shared and lx.lemma(t.text) not in shared
           for t in tokens):
        return None  # the negative word itself ("irreversible", "inability") is there
    if any(c in neg.word for c in _prohibitions()) and _FORBIDDING.search(pair.en, en_s, en_e):
        return None  # 严禁利用 "the use of … is strictly prohibited": the prohibition is said on the act
    lemmas, roots = _explained(pair, neg)
    for part in en_clauses(pair.en[en_s:en_e]):
        if "?" in part.text:
            continue
        words = lx.tokenize_en(part.text)
        for k, t in enumerate(words):
            following = words[k + 1].text if k + 1 < len(words) else ""
            if (not renders_base(t.text, neg, following) or lx.lemma(t.text) in lemmas
                    or en_root(t.text) in roots):
                continue
            s = en_s + part.start + t.start
            if not _outright(pair.en, s, part.text, t, cues):
                continue  # "not, in truth, related": a negation before it reaches across a comma
            if parallel and english_negations(_sentence_before(pair.en, s), cues, strict=True):
                continue  # the parallel clauses' one English negation reaches this item
            if _opposite_modifier(words, k, word_glosses(neg.word)):
                continue  # 没有善待 "badly treated": the negation is said on the manner word
            word = t.text
            return POLARITY.flag(
                pair, f"The Chinese says {neg.word} ('{neg.gloss}') in '{quote(clause.text)}' but "
                      f"the English says '{word}' with no negation: the meaning is reversed",
                zh_spans=[(neg.start, neg.end)], en_spans=[(s, s + len(word))],
                suggestion=f"Negate '{word}' (e.g. 'not {word}') or use a negative word "
                           f"('{neg.gloss}') as {neg.word} says",
                severity=severity)
    return None


#: negators that forbid (the table's prohibitions): a verb they negate is forbidden, and English may
#: say so with a word of prohibition anywhere in the clause, after the act ("its use is prohibited")
@lru_cache(maxsize=1)
def _prohibitions() -> tuple[str, ...]:
    """The table's prohibition words (严禁, 禁止, 不得 …): a lexical negation that holds one (严格禁止,
    一律不得) forbids."""
    return tuple(r.cue for r in cue_rows(TABLE) if r.lang == "zh" and r.kind == "prohibition")


_FORBIDDING = re.compile(r"\b(?:prohibit\w*|ban|bans|banned|banning|forbid\w*|outlaw\w*|barred|"
                         r"not (?:be )?(?:allowed|permitted))\b", re.IGNORECASE)


#: how many words either side of the positive word a modifier that carries the negation stands
_MODIFIER_REACH = 2


def _opposite_modifier(words: list[lx.Token], k: int, glosses: frozenset[str]) -> bool:
    """A word next to ``words[k]`` is a WordNet antonym of a gloss word of the negated word: 没有
    善待 ("to treat well") rendered "badly treated" says "not well" on the adverb, 不够合理
    "poorly reasoned" on the manner; the positive verb is no reversal then."""
    near = {w.lemma for w in words[max(0, k - _MODIFIER_REACH):k] + words[k + 1:k + 1 + _MODIFIER_REACH]}
    return any(lx.lemma(a.antonym) in near for g in glosses - lx.STOPWORDS - _NEGATION_GLOSSES
               for a in antonyms(g, _MODIFIER_POS))


def _manner_rendered(en: str, word: str) -> bool:
    """The English says the negated word with an opposite manner word beside it (没有善待 "treated
    workers badly"): :func:`_opposite_modifier` at any English word that glosses ``word``."""
    glosses = word_glosses(word) if word and HAN.search(word) else frozenset()
    if len(glosses) < 2:
        return False
    stems = StemSet(glosses)
    words = lx.tokenize_en(en)
    return any(stems.has(t.lemma) and _opposite_modifier(words, k, glosses) for k, t in enumerate(words))


#: modifiers: an adverb or adjective antonym ("badly", "poorly", "ill")
_MODIFIER_POS = frozenset("ra")


def _not_yet(zh: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of a "not yet" in ``zh[start:end]`` (尚未, 有待, 还 + 不/未/没有/需), or None."""
    words = [w for w in zh_words(zh) if start <= w[1] and w[2] <= end]
    for i, (w, s, e) in enumerate(words):
        if w in _NOT_YET:
            return s, e
        if w in _STILL and i + 1 < len(words) and words[i + 1][0] in _STILL_NEGATED:
            return s, words[i + 1][2]
    return None


def _unnegated_already(en: str, window: tuple[int, int], cues: EnglishCues) -> int | None:
    """The offset of an "already" in ``en[window]`` said outright (:func:`_outright`: "are
    already sound and must not become a formality" is read), or None."""
    for part in en_clauses(en[window[0]:window[1]]):
        for t in lx.tokenize_en(part.text):
            if t.text.lower() != "already":
                continue
            s = window[0] + part.start + t.start
            if _outright(en, s, part.text, t, cues):
                return s
    return None


#: verbs that say an action reached its end whatever the action (Vendler's accomplishments:
#: "has been completed / achieved / perfected" reports the end point itself)
_DONE_VERBS = frozenset(lx.lemma(w) for w in
                        "complete finish accomplish achieve perfect fulfil fulfill conclude".split())
#: adjectives that say a thing is finished ("the system is complete", "are now in place")
_DONE_STATES = "complete|completed|finished|done|perfect|perfected|accomplished|achieved|fulfilled|in place"
#: a perfect ("has been perfected", "have now been further improved"): the participle is group v
_PERFECT = re.compile(r"\b(?:has|have|had)\s+(?:(?:\w+ly|already|now|further|also|since|been)\s+)*"
                      r"(?P<v>[a-z]+)\b", re.IGNORECASE)
#: a finished state said by a copula ("is complete", "are now fully in place")
_DONE_STATE = re.compile(r"\b(?:is|are|was|were|has been|have been|had been)\s+(?:(?:\w+ly|already|now)\s+)*"
                         rf"(?P<v>{_DONE_STATES})\b", re.IGNORECASE)
#: a simple passive stated as a fact ("the rules are improved", "the system is now further
#: perfected"): a finite be-verb right before the participle (group v), so the progressive
#: ("is being improved"), the prospective ("is to be improved") and a modal or a need ("should
#: be", "needs to be", "remains to be": a bare "be") never match
_PASSIVE = re.compile(r"\b(?:is|are|was|were)\s+(?:(?:\w+ly|already|now|further|also)\s+)*"
                      r"(?P<v>[a-z]+)\b", re.IGNORECASE)
#: a participle that heads what follows ("is set to be", "is expected to", "it is found that"):
#: a prospective or a report, not the action done
_HEADS = re.compile(r"\s+(?:to|that)\b", re.IGNORECASE)
#: subordinators that make their clause a purpose, a condition or a time still to come, not a
#: statement of fact ("so that the system is perfected", "once it is improved"; Quirk et al. 1985,
#: ch. 15 on adverbial clauses of condition, purpose and time): what they introduce is not said done
_PREMISE = re.compile(r"\b(?:if|unless|until|till|once|when|whenever|before|after|so that|in order that"
                      r"|provided|providing|as long as|so long as|as soon as|in case|lest)\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _generic_lemmas() -> frozenset[str]:
    """Lemmas of the generic words (``lx.STOPWORDS``: make, set, get, take …) a CC-CEDICT gloss
    may hold ("to make better" for 改进): "efforts are made" reports no pending action done."""
    return frozenset(lx.lemma(w) for w in lx.STOPWORDS)


def _pending_glosses(zh: str, span: tuple[int, int], end: int) -> frozenset[str]:
    """Gloss lemmas of the (up to three) words after a "not yet" (有待 *进一步完善*, 尚未 *形成*):
    the action it says is still to come."""
    words = [w for w, s, _ in zh_words(zh) if span[1] <= s < end][:3]
    return frozenset(g for w in words for g in word_glosses(w))


def _said_done(en: str, window: tuple[int, int], cues: EnglishCues,
               pending: frozenset[str]) -> tuple[int, int] | None:
    """The span of an English statement, said outright, that the pending action is done: a
    perfect or a simple passive of its own verb ("has been improved", "the rules are improved"
    for 有待完善 'to improve') or of a verb of completion ("has been perfected", "is
    achieved"), or a finished state ("is complete").  None when the clause keeps it pending
    ("is yet to be perfected", "is being improved", "remains to be improved", "needs further
    improvement") or makes it a purpose or a condition ("so that it is improved", "once it
    has been perfected")."""
    from qa.english_verb_forms import is_past_participle, verb_lemma

    verbs = StemSet(pending)

    def done(m: re.Match[str]) -> bool:
        verb = m.group("v")
        if not is_past_participle(verb) or _HEADS.match(m.string, m.end()):
            return False
        lemma = verb_lemma(verb)
        return lemma in _DONE_VERBS or (lemma not in _generic_lemmas() and verbs.has(lemma))

    for part in en_clauses(en[window[0]:window[1]]):
        found = [m for regex in (_PERFECT, _PASSIVE) for m in regex.finditer(part.text) if done(m)]
        found += list(_DONE_STATE.finditer(part.text))
        for m in sorted(found, key=lambda m: m.start()):
            if _PREMISE.search(part.text, 0, m.start()):
                continue
            token = lx.Token(m.group("v"), lx.lemma(m.group("v")), m.start("v"), m.end("v"))
            s = window[0] + part.start + m.start()
            if _outright(en, s, part.text, token, cues):
                return s, window[0] + part.start + m.end()
    return None


def _already(pair: Pair, pc: PairLinks, clause: Clause, cues: EnglishCues) -> Flag | None:
    """A "not yet" (尚未形成, 还不充分, 有待完善) whose English clause says "already" and no negation.

    "already" is the assertive counterpart of "not yet" (Quirk et al. 1985, §8.94, §10.60):
    "has already formed" for 尚未形成 says the state has come, the opposite of the Chinese.
    Read only in the clause's confident window; any negation, need or non-assertive word
    there ("not", "yet to", "still needs", "should") leaves it alone."""
    span = _not_yet(pair.zh, clause.start, clause.end)
    if span is None:
        return None
    window = _clause_window(pc, clause)
    if window is None:
        return None
    s = _unnegated_already(pair.en, window, cues)
    cue = pair.zh[span[0]:span[1]]
    if s is None:
        done = _said_done(pair.en, window, cues, _pending_glosses(pair.zh, span, clause.end))
        if done is None:
            return None
        return POLARITY.flag(
            pair, f"The Chinese says {cue} (still to be done) in '{quote(clause.text)}' but the English "
                  f"says '{pair.en[done[0]:done[1]]}' (done) with no negation: the meaning is reversed",
            zh_spans=[span], en_spans=[done],
            suggestion=f"Render {cue} as 'remains to be', 'has yet to' or 'still needs to be', "
                       "not as done", severity="major")
    return POLARITY.flag(
        pair, f"The Chinese says {cue} (not yet) in '{quote(clause.text)}' but the English says "
              "'already' with no negation: the meaning is reversed",
        zh_spans=[span], en_spans=[(s, s + len("already"))],
        suggestion=f"Render {cue} as 'not yet', 'has yet to' or 'remains to be', not 'already'",
        severity="major")


def _may_read_links(pair: Pair, opts: PolarityOptions, cues: EnglishCues) -> bool:
    """Whether :func:`_forward` or :func:`_reverse` may read the pair's clause links: a
    negation cue anywhere in the Chinese, a word it negates (``lexical``), or (reverse) an
    English negation the Chinese lacks."""
    if (zh_word_cues(pair.zh, cue_rows(TABLE)) or potential_negations(pair.zh)
            or zh_glued_cues(pair.zh, cue_rows(TABLE))):
        return True
    if opts.lexical and (lexical_negations(pair.zh) or _not_yet(pair.zh, 0, len(pair.zh))):
        return True
    return bool(opts.reverse and not _zh_has_negation(pair.zh)
                and english_negations(pair.en, cues, strict=True))


#: conjunctions that join two conditions or statements of one clause (现代汉语八百词 或者, 以及,
#: 并且): a negation on each side is two negations, not a double one (未经审查或者审查未获通过的)
_CONJUNCTIONS = ("或者", "或是", "以及", "并且", "而且", "或", "及", "且")


def _window_negatives(pair: Pair, pc: PairLinks, clause: Clause, cues: EnglishCues
                      ) -> tuple[tuple[int, int], str, list[tuple[int, int, str]]] | None:
    """The clause's confident English window, its text and the negative words in it
    (:func:`_negative_words`), or None without a confident window: what the rules that count a
    clause's negations (:func:`_coordinated`, :func:`_litotes_reversed`) read."""
    window = _clause_window(pc, clause)
    if window is None:
        return None
    en = pair.en[window[0]:window[1]]
    return window, en, _negative_words(en, cues)


def _coordinated(pair: Pair, pc: PairLinks, clause: Clause, negs: list[ZhHit],
                 cues: EnglishCues) -> list[Flag]:
    """Two different negations joined by a conjunction in one clause (未经节能审查或者节能审查未获
    通过的 "that have not undergone a review, or that have failed one") whose English window holds
    fewer negative words than two: one of them is lost ("that have undergone …, or that have failed
    such a review" spends its one "failed" on both).  Such a clause is no double negation, but a
    single English negation may render either, so each must be counted; a minor flag, read in the
    clause's confident window only.  The same negator twice (不A或不B) may share one English "not"
    ("not A or B") and is not read."""
    if (len(negs) != 2 or negs[0].row.cue == negs[1].row.cue
            or not any(c in pair.zh[negs[0].end:negs[1].start] for c in _CONJUNCTIONS)
            or any(h.row.kind not in ("negation", "prohibition") for h in negs)):
        return []
    read = _window_negatives(pair, pc, clause, cues)
    if read is None:
        return []
    window, en, said = read
    if len(said) >= len(negs):
        return []
    listed = "、".join(h.row.cue for h in negs)
    return [POLARITY.flag(
        pair, f"The Chinese says two negations ({listed}) joined in '{quote(clause.text)}' but its English "
              f"'{quote(en)}' has {len(said) or 'no'} negative word{'' if len(said) == 1 else 's'}: "
              "one of them may be lost",
        zh_spans=[(h.start, h.end) for h in negs], en_spans=[window],
        suggestion=f"Render each negation ({listed}), e.g. 'have not undergone … or have failed …'",
        severity="minor")]


#: double negations that say a positive (litotes, Quirk et al. 1985 §10.68: "not without merit" is
#: "with some merit"; 无不 "all without exception"): English says them with no negation or two,
#: so one negation alone ("is without merit", "no one praised") reverses them.  Not 不得不 "have
#: to", which English says with one ("have no choice but to")
_LITOTES = frozenset({"不无", "无不", "莫不", "并非不"})


def _litotes_reversed(pair: Pair, pc: PairLinks, clause: Clause, cues: EnglishCues) -> list[Flag]:
    """A litotes (不无道理 "not without merit", 无不称赞 "all praised") whose English window holds
    exactly one negative word ("is without merit", "no one praised"): a minor flag, read in the
    clause's confident window only (the whole English when the pair is one clause)."""
    span = (clause.start, clause.end)
    rows = cue_rows(TABLE)
    hits = [h for h in zh_word_cues(pair.zh, rows, span) + zh_glued_cues(pair.zh, rows, span)
            if h.row.cue in _LITOTES]
    if len(hits) != 1:
        return []
    read = _window_negatives(pair, pc, clause, cues)
    if read is None:
        return []
    window, _en, said = read
    if len(said) != 1 or _negations_in_chinese(pair.zh, span) > 1:
        return []
    cue, word = hits[0], said[0][2]
    return [POLARITY.flag(
        pair, f"The Chinese says {cue.row.cue} (two negations: a positive) in '{quote(clause.text)}' but "
              f"its English says '{word}', one negation: the meaning may be reversed",
        zh_spans=[(cue.start, cue.end)], en_spans=[(window[0] + said[0][0], window[0] + said[0][1])],
        suggestion=f"Say {cue.row.cue} as a positive ('some', 'all') or with both negations ('not without')",
        severity="minor")]


def _negative_words(en: str, cues: EnglishCues) -> list[tuple[int, int, str]]:
    """The negative words of ``en`` (:func:`english_negations`, loosely), one per span, in order,
    without the additive "not only": what the coordinated-negation and litotes rules count."""
    return sorted({n[:2]: n for n in english_negations(en, cues, strict=False)
                   if n[2].lower() not in _ADDITIVE}.values())


def _negator_words(zh: str, span: tuple[int, int]) -> list[str]:
    """The jieba words of ``zh[span]`` that hold a negator character (不, 没, 无, 未, 非 …)."""
    return [w for w, s, e in zh_words(zh) if span[0] <= s and e <= span[1]
            and any(ch in NEGATOR_CHARS for ch in w)]


def _negations_in_chinese(zh: str, span: tuple[int, int]) -> int:
    """How many words of ``zh[span]`` hold a negator character (the litotes itself counts one)."""
    return len(_negator_words(zh, span))


def _negations_elsewhere(pair: Pair, pc: PairLinks, opts: PolarityOptions, cues: EnglishCues) -> bool:
    """Whether the pair's English says at least as many explicit negations as its Chinese has
    clauses with one: a clause window that finds none has then only been matched to the wrong
    words ("Kolb's account, like that of La Condamine, was not." for 并不科学: the clause window
    ends before "was not").  A window is a guess; the count over the pair is not.  Each absence
    the Chinese says without a negator (缺乏, 拒绝, 避免) takes one more English negative word."""
    clauses = sum(1 for c in pc.zh if len(c.text) >= opts.min_clause_chars
                  and _clause_negations(pair, c.start, c.end)[0])
    if clauses == 0 or len(english_negations(pair.en, cues, strict=True)) < clauses:
        return False
    # an absence or refusal said in another clause (缺乏事实依据 "no factual basis", 拒绝 "reject")
    # takes an English negation or negative word of its own, which cannot be this clause's
    absences = len(_implicit_hits(pair.zh, (0, len(pair.zh))))
    return not absences or len(english_negations(pair.en, cues, strict=False)) >= clauses + absences


#: negators of an act that a relative clause puts before its noun (未经核实的数据 "unverified data",
#: 没有登记的车辆 "unregistered vehicles")
_ACT_NEGATORS = frozenset({"未经", "未", "没有", "没"})


def _spare_negation(pair: Pair, at: int) -> bool:
    """The English says more explicit negations than the Chinese has besides the one at ``at``: one
    is free to render it where English moves it to the verb (非意外致死 "was not the result of an
    accident")."""
    others = [h for h in zh_word_cues(pair.zh, cue_rows(TABLE), (0, len(pair.zh)))
              if h.row.kind in _NEGATING_KINDS and h.start != at]
    return len(english_negations(pair.en, _en_cues(), strict=True)) > len(others)


def _lost_modifier(pair: Pair, clause: Clause) -> Flag | None:
    """A noun's negated modifier whose English names the noun without the negation
    (:mod:`qa.negated_modifiers`): an attributive 非 before a noun (非汛期 "the flood season"), or a
    negated act before 的 and its noun (未经核实的数据 "verified data")."""
    words = zh_words(pair.zh)
    inside = [(k, w, s, e) for k, (w, s, e) in enumerate(words) if clause.start <= s and e <= clause.end]
    for k, w, s, e in inside:
        if k + 1 >= len(words):
            break
        nxt = words[k + 1][0]
        span, end = None, e
        if (w == "非" and not _rather_than(pair.zh, s) and _attributive(pair.zh, ZhHit(_zh_rows()["非"], s, e))
                and not any(pair.zh[s:s + n] in lx.cedict() for n in (2, 3, 4)) and not _spare_negation(pair, s)):
            # 非遗工坊: 非遗 "intangible cultural heritage" is a word of its own that jieba cut
            span, end = unnegated_noun(pair.en, nxt, pair.zh.count(nxt)), words[k + 1][2]
        elif (w in _ACT_NEGATORS and k + 3 < len(words) and words[k + 2][0] == "的"
              and HAN.match(nxt) and _verbal(nxt) and HAN.match(words[k + 3][0])):
            span, end = positive_participle(pair.en, nxt, words[k + 3][0]), words[k + 3][2]
        if span is None:
            continue
        said = pair.zh[s:end]
        return POLARITY.flag(
            pair, f"The Chinese says {said}, negating what it says of the noun, but the English says "
                  f"'{pair.en[span[0]:span[1]]}' with no negation: the meaning is reversed",
            zh_spans=[(s, end)], en_spans=[span],
            suggestion=f"Keep the negation of {said} at its noun (e.g. 'non-', 'un-', 'outside', 'without')",
            severity="major")
    return None


def _forward(pair: Pair, pc: PairLinks, opts: PolarityOptions, cues: EnglishCues) -> list[Flag]:
    flags = []
    for clause in pc.zh:
        if len(clause.text) < opts.min_clause_chars:
            continue
        lost = _lost_modifier(pair, clause)
        if lost is not None:
            flags.append(lost)
            continue
        negs, readable = _clause_negations(pair, clause.start, clause.end)
        if not readable:
            flags += _coordinated(pair, pc, clause, negs, cues) or _litotes_reversed(pair, pc, clause, cues)
            continue
        if opts.lexical:
            found = _reversed_word(pair, pc, clause, negs, cues)
            if found is not None:
                flags.append(found)
                continue
        if opts.lexical:
            found = _already(pair, pc, clause, cues)
            if found is not None:
                flags.append(found)
                continue
        if opts.lexical:
            flags += _dropped_implicit(pair, pc, clause, cues)
        if not negs:
            continue
        cue = negs[0]
        prefixes = 0 if _attributive(pair.zh, cue) else _attributives(pair.zh, clause)
        for scope in scopes(pc, clause):
            en = _without_prefixes(pair.en[scope.en_start:scope.en_end], prefixes)
            goes_on = _continuation(en, pair.zh, cue, cues)
            if goes_on is None and _rendered(en, pair.zh, cue, cues, (scope.zh_start, scope.zh_end)):
                continue
            if (goes_on is None and not scope.sentence and _parallel(pc, clause, cue.row.cue[0])
                    and english_negations(_sentence_before(pair.en, scope.en_start), cues, strict=True)):
                continue  # 不坚持…，不改革开放: the parallel clauses' one English negation
            if goes_on is None and not scope.sentence and _negations_elsewhere(pair, pc, opts, cues):
                continue  # the window missed where the English says it: 'was not.' at the sentence's end
            if goes_on is None and not scope.sentence and cue.row.kind == "lexical" and _rendered(
                    pair.en, pair.zh, cue, cues):
                continue  # 制度不健全 "inadequate … systems" outside the window the clause links chose
            severity = _strength(pair.zh, cue) if scope.sentence else "minor"
            if severity == "major" and goes_on is None and not _reversal_evidence(pair.zh, cue, en):
                severity = "minor"  # the negated clause is paraphrased or left out, not reversed
            if severity == "major" and _restricted(pair.zh, cue):
                # 绝非仅限于 "by no means limited to": a negated restriction is as often said by an
                # addition or a contrast ("beyond", "move from this limited view") as by "not only"
                severity = "minor"
            where = "the English" if scope.sentence else f"its English '{quote(en)}'"
            said = f"says '{goes_on}' (it goes on)" if goes_on else "has no negation"
            flags.append(POLARITY.flag(
                pair, f"The Chinese says {cue.row.cue} ({cue.row.extra[0] if cue.row.extra else 'not'}) "
                      f"in '{quote(clause.text)}' but {where} {said}: "
                      "the meaning may be reversed",
                zh_spans=[(cue.start, cue.end)], en_spans=[(scope.en_start, scope.en_end)],
                suggestion=(f"Render {cue.row.cue} as 'no longer', not '{goes_on}'" if goes_on else
                            f"Render the negation of {cue.row.cue} (e.g. 'not', 'no', 'never', "
                            "'fail to', 'without', 'prohibit')"),
                severity=severity))
            break
    return flags


#: the negative senses of ``implicit`` rows (their note's first English) that English must say:
#: an absence, an inability or a refusal (缺乏 "lack", 拒绝 "refuse", 难以 "hard to", 免于 "free
#: from"); not a restriction ("only", "until"), nor an action against something ("oppose",
#: "eliminate", "prevent"), which English says with too many verbs of its own (combat, resist,
#: push aside) to ask for one
_NEGATIVE_SENSES = frozenset({"lack", "refuse", "refuse to", "avoid", "fail", "free from", "hard to",
                              "insufficient", "exempt", "rarely"})


_COMPARATIVE = re.compile(r"(?<=[a-z]{3})(?:er|est)$")
#: characters that make a verb before them an agent noun (否认者 "deniers", 反对派 "the opposition")
_AGENT_SUFFIXES = frozenset("者派方")


@lru_cache(maxsize=1)
def _negative_implicit_rows() -> tuple[CueRow, ...]:
    return tuple(r for r in cue_rows(TABLE) if r.lang == "zh" and r.kind == "implicit" and r.extra
                 and r.extra[0].split(";")[0].strip() in _NEGATIVE_SENSES)


def _negated_words(zh: str, span: tuple[int, int]) -> int:
    """How many words of ``zh[span]`` hold a negator (不, 没, 无, 未, 非 …) and negate something:
    a table negation, or a word the table does not know (jieba's 数不清), but no ``silent`` row
    (不断, 非常, 无论, 未来) and no implicit one (拒不)."""
    rows = _zh_rows()
    return sum(1 for w in _negator_words(zh, span) if w not in rows or rows[w].kind in _NEGATING_KINDS)


@lru_cache(maxsize=256)
def _char_heads(char: str) -> frozenset[str]:
    """The head word of each CC-CEDICT gloss of one character (难 "difficult", "difficulty"; 免
    "exempt", "avoid"), as lemmas: what the character says, without the other words of its
    glosses (免 "to dismiss from *office*" would let "officials" render 免于)."""
    out = set()
    for g in lx.cedict().glosses(char, per_entry=8) if char in lx.cedict() else ():
        words = [w.lower() for w in re.findall(r"[A-Za-z]+", lx.strip_gloss(g))]
        while words[:1] in (["to"], ["be"]):
            words = words[1:]
        if words and words[0] not in lx.STOPWORDS:
            out.add(lx.lemma(words[0]))
    return frozenset(out)


def _says_implicit(en: str, word: str, note: str, cues: EnglishCues, taken: int = 0) -> bool:
    """The English says the absence ``word`` means: a negation or negative-polarity word, a
    prefixed antonym ("insufficient") — more of them than the ``taken`` the clause's other
    negations need (资产底数不清、制度缺乏约束力: "unclear" is 不清's) — or a word of the
    CC-CEDICT glosses of the word or of its first character, or of the table's note (缺乏
    "shortage", 缺 "deficiency", 难 "difficult")."""
    said = english_negations(en, cues, strict=False)
    if not note.startswith("insufficient"):
        said = [n for n in said if not _figure_bound(en, n)]
    negative = len({n[:2] for n in said}) + sum(
        1 for m in _PREFIXED.finditer(en) if m.group().lower() in _negative_glosses() and _prefixed_base(m.group()))
    if negative > taken:
        return True
    own = {g for g in word_glosses(word) if g not in lx.STOPWORDS} | {  # 免于 "saved from": not "from"
        lx.lemma(w) for w in re.findall(r"[a-z]+", note.lower()) if w not in lx.STOPWORDS and w != "to"}
    meaning = own | _char_heads(word[0])
    # a comparative says it too ("harder still to keep optimizing" for 更难以持续优化), and a
    # derived word shares its stem's first five letters ("opponents" of 反对 "to oppose"); only
    # a stem of the word's own glosses: the first character's other readings (难 nàn "distress")
    # would let "districts" say 难以
    stems = {m[:5] for m in own if len(m) >= 5}
    return any(t.lemma in meaning or _COMPARATIVE.sub("", t.lemma) in meaning
               or (len(t.lemma) >= 5 and t.lemma[:5] in stems) for t in lx.tokenize_en(en))


#: a bound before a figure ("less than 5 million", "fewer than 20"): the rendering of 以下, 不足, 不到
_FIGURE_BOUND = re.compile(r"\s+(?:about\s+|some\s+)?[$€£¥]?\d")


def _figure_bound(en: str, negation: tuple[int, int, str]) -> bool:
    """Whether an English negative word is a bound of a figure ("exports of less than 5 million
    dollars"): it renders a bound (以下, 不到), never an absence, refusal or exemption (免于 "exempt
    from" rendered "responsible for paying" beside it is still unrendered)."""
    return negation[2].lower() in ("less than", "fewer than") and bool(_FIGURE_BOUND.match(en, negation[1]))


def _implicit_hits(zh: str, span: tuple[int, int]) -> list[ZhHit]:
    """The absences and refusals (:func:`_negative_implicit_rows`) of ``zh[span]``, whole jieba
    words or glued into one (难以获得 = 难以 + 获得), not an agent noun (否认者 "deniers")."""
    return [h for h in _implicit_in(zh) if span[0] <= h.start and h.end <= span[1]]


@lru_cache(maxsize=8192)  # pure: read per clause of the pair, and for the whole pair
def _implicit_in(zh: str) -> tuple[ZhHit, ...]:
    rows = _negative_implicit_rows()
    return tuple(h for h in zh_word_cues(zh, rows) + zh_glued_cues(zh, rows)
                 if zh[h.end:h.end + 1] not in _AGENT_SUFFIXES)


def _sharing(pc: PairLinks, clause: Clause, window: tuple[int, int]) -> list[Clause]:
    """The other Chinese clauses whose confident English window lies inside ``window``: their
    negations are rendered there too, and take English negative words of it.  Not a clause whose
    window only overlaps this one: its negations may stand in its other part."""
    out = []
    for other in pc.zh:
        if other is clause or pc.whole:
            continue
        link = pc.link_at(other.start)
        if link is not None and link.confident and window[0] <= link.en_span[0] and link.en_span[1] <= window[1]:
            out.append(other)
    return out


def _dropped_implicit(pair: Pair, pc: PairLinks, clause: Clause, cues: EnglishCues) -> list[Flag]:
    """A Chinese word whose meaning is an absence or a refusal (缺乏 "lack", 难以 "hard to", 免于
    "be exempt from", 拒不 "refuse to") of which the English that renders its clause says
    nothing: "rules that carried binding force" for 制度缺乏约束力, "were able to bring capacity
    on stream" for 产能难以释放.  Minor: a paraphrase ("weak rules") may say it without any word
    this test knows.  Read in the confident window and the English sentence before it, where a
    negation shared over a list stands (难以形成…，…也是难以推进的 "it will be difficult to
    establish …, transform … and adjust …").  On an unsure link the whole English is read for
    the cues of two characters or more, and every other negation and absence of the whole
    Chinese takes one English negative word (可免于
    追究责任 "may be held accountable" beside 未能 "unable" and 不影响 "will not be affected").  An
    agent noun (否认者 "deniers") says no absence.  The clause's other negated words
    (:func:`_negated_words`) take as many English negative words, which cannot render this one too."""
    hits = _implicit_hits(pair.zh, (clause.start, clause.end))
    if not hits:
        return []
    window = _clause_window(pc, clause)
    if window is not None:
        # what the sentence says before the window may scope over it ("it will be difficult to
        # establish …, transform … and adjust …" for 难以形成…，…也是难以推进的)
        before = _sentence_before(pair.en, window[0])
        en = before + pair.en[window[0]:window[1]]
        taken = _negated_words(pair.zh, (clause.start, clause.end))
        # 未能…，经核实后可免于 in one English clause; 未造成…的骑行人，…，可免于罚款 "without causing
        # …, and may be given a fine": the clauses rendered in the English read take its negatives
        for other in _sharing(pc, clause, (window[0] - len(before), window[1])):
            taken += (_negated_words(pair.zh, (other.start, other.end))
                      + len(_implicit_hits(pair.zh, (other.start, other.end))))
    else:
        # an unsure link: the whole English, of which every other negation of the Chinese and
        # every other absence there takes one negative word; a one-character absence (难 of
        # 数据共享难 "obstacles to data sharing") is as often a noun a paraphrase renders
        hits = [h for h in hits if h.end - h.start > 1]
        if not hits:
            return []
        window = (0, len(pair.en))
        en = pair.en
        taken = (_negated_words(pair.zh, (0, len(pair.zh)))
                 + len(_implicit_hits(pair.zh, (0, len(pair.zh)))) - len(hits))
    for hit in hits:
        note = hit.row.extra[0].split(";")[0].strip()
        # every sense of the note may render it (免除 "exempt; waive; relieve"); the first names it
        if _says_implicit(en, hit.row.cue, hit.row.extra[0], cues, taken):
            continue
        return [POLARITY.flag(
            pair, f"The Chinese says {hit.row.cue} ({note}) in '{quote(clause.text)}' but its English "
                  f"'{quote(en)}' says nothing of it: the meaning may be reversed",
            zh_spans=[(hit.start, hit.end)], en_spans=[window],
            suggestion=f"Render {hit.row.cue} ('{note}'), e.g. with 'not', 'lack', 'without' or 'fail to'",
            severity="minor")]
    return []


#: words that open a clause coordinated with the one before: its negation may share the
#: English one ("不X，也不Y" → "neither X nor Y" or "not X or Y")
_COORDINATED = ("也", "又", "亦", "还", "更", "并", "或", "而", "且", "同时")


def _shared(pair: Pair, pc: PairLinks, opts: PolarityOptions, cues: EnglishCues) -> list[Flag]:
    """Negations of different Chinese clauses that one English clause renders with fewer negations.

    未经批准，任何单位不得擅自改变用途 rendered "No unit may change the use once approval has
    been obtained": the one English clause answers both Chinese ones and its one "no" is taken
    as rendering each.  Read only for clauses with one negation each, of different words (a
    repeated 不…，不… may share one English "not"), none of them coordinated with the one
    before (也不, 又不), all confidently linked to overlapping English; flagged (minor) when the
    English holds at least one negation and fewer than the Chinese clauses.
    """
    found: list[tuple[Clause, ZhHit, tuple[int, int]]] = []
    for k, clause in enumerate(pc.zh):
        if len(clause.text) < opts.min_clause_chars:
            continue
        negs, readable = _clause_negations(pair, clause.start, clause.end)
        if not readable or len(negs) != 1:
            continue
        link = pc.link_at(clause.start)  # read only now: links cost the model
        if link is None or not link.confident:
            continue
        if found and (found[-1][2] != link.en_span or pc.zh[k - 1] is not found[-1][0]):
            if len(found) >= 2:
                break
            found = []  # only neighbouring clauses rendered by the very same English are read
        found.append((clause, negs[0], link.en_span))
    if len(found) < 2:
        return []
    lo, hi = found[0][2]
    words = [h.row.cue for _, h, _ in found]
    if (len(set(words)) < len(words)
            or any(c.text.lstrip().startswith(_COORDINATED) for c, _, _ in found[1:])):
        return []
    en = pair.en[lo:hi]
    # every English negation counts, owned or not: 擅自 "without permission" and 未经 "without"
    # share the one "without approval"; only a count below the clauses' tells a lost negation
    said = english_negations(en, cues, strict=False)
    if not said or len(said) >= len(found):
        return []
    if any(w.lower() == "only" for _, _, w in said) and found[0][0].text.rstrip().endswith("的"):
        return []  # 未达成一致的，不得开工 "may begin only once they agree": one "only" says both
    listed = "、".join(words)
    return [POLARITY.flag(
        pair, f"The Chinese says {len(found)} negations ({listed}) in {len(found)} clauses but their "
              f"English '{quote(en)}' has {len(said)} ('{said[0][2]}'): one of them may be lost",
        zh_spans=[(h.start, h.end) for _, h, _ in found], en_spans=[(lo, hi)],
        suggestion=f"Render each negation ({listed}), e.g. 'without …' for the condition and "
                   "'not' for the statement",
        severity="minor")]


@lru_cache(maxsize=1)
def _implicit() -> tuple[str, ...]:
    return tuple(r.cue for r in cue_rows(TABLE) if r.lang == "zh" and r.kind == "implicit")


def _zh_has_negation(zh: str) -> bool:
    """Any negator character or implicitly negative word anywhere in ``zh``."""
    return any(ch in NEGATOR_CHARS for ch in zh) or any(w in zh for w in _implicit())


def _reverse(pair: Pair, pc: PairLinks, cues: EnglishCues, severity: str) -> list[Flag]:
    if _zh_has_negation(pair.zh):
        return []
    negs = english_negations(pair.en, cues, strict=True)
    if not negs:
        return []
    s, e, word = negs[0]
    clauses = zh_clauses(pair.zh)
    zh_span = (clauses[0].start, clauses[-1].end) if clauses else (0, len(pair.zh))
    for link in pc.links:
        if link.confident and link.en_span[0] <= s < link.en_span[1] and not pc.whole:
            zh_span = (link.zh.start, link.zh.end)
    return [POLARITY.flag(
        pair, f"The English says '{word}' but the Chinese '{quote(pair.zh[zh_span[0]:zh_span[1]])}' "
              "has no negation: the meaning may be reversed",
        zh_spans=[zh_span], en_spans=[(s, e)],
        suggestion=f"Drop '{word}' unless the Chinese negates this statement",
        severity=severity)]


def check_polarity(ctx: Context) -> list[Flag]:
    opts: PolarityOptions = ctx.options_of(POLARITY)
    cues = _en_cues()
    flags: list[Flag] = []
    judged = [p for p in ctx.pairs if p.zh.strip() and p.en.strip() and not p.heading]
    # clause links are read only for a Chinese negation, or an English one the Chinese
    # lacks: embed just those pairs' clauses
    document_clauses(ctx).prefetch(p for p in judged if _may_read_links(p, opts, cues))
    for pair in judged:
        pc = document_clauses(ctx)[pair.id]
        forward = _forward(pair, pc, opts, cues)
        flags += forward or _shared(pair, pc, opts, cues)
        if opts.reverse:
            flags += _reverse(pair, pc, cues, opts.reverse_severity)
    return flags


POLARITY = Check(id="polarity", category="Accuracy/Mistranslation", severity="major",
                 description="A negation in the Chinese clause with none in its English, "
                             "or an English negation the Chinese does not have",
                 run=check_polarity, scope="document", options=PolarityOptions,
                 needs=frozenset({"embedder"}))
CHECKS = [POLARITY]
