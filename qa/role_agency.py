"""Who acts on whom: agent/beneficiary constructions in the Chinese, and the English that swaps them.

以增量带动存量 makes the increment the driver; "let the existing stock drive the
increment" makes it the driven.  直播电商助力国货 makes livestreaming the helper;
"livestreaming has been helped by domestic brands" makes the brands the helpers.
为企业提供支持 makes the enterprises the receivers; "receive support from the
enterprises" makes them the providers.  Each is fluent English and says the
opposite of the Chinese.

The Chinese constructions are read by their grammar (``parse_agency``):

* 以A带动/促进/引领/推动/驱动/拉动B — A drives B (``drive``);
* A助力/帮助/支持/支撑/保障/扶持/赋能/服务B — B is helped (``help``);
* 为/向/给B提供 — B receives (``provide``);
* 鼓励/支持/引导/动员A对/为/向B + a helping verb — A helps (``help``).

Each yields an ``Agency`` with the agent, the beneficiary or both (spans into
the Chinese).  The English is read for the two swaps that grammar shows
without a parser (``find_swaps``):

* the agent as the direct object of an active verb of the construction's
  family ("drive the increment", "to help union-member drivers");
* the beneficiary after "by" of a passive verb of that family ("has been
  helped by many domestic brands") or after "from" where something is
  received ("drawing strong support … from government departments").

An actor is found in the English by the CC-CEDICT glosses of its words that
no other part of the Chinese sentence shares (stems, so "domestic" meets
"domestically").  Precision first: a construction whose actor occurs twice,
or a sentence that runs the relation both ways (以信息化带动工业化、以工业化促进
信息化, 互助, 相互), says nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from align.errors import InputError
from align.zh_words import jieba_words, loaded_jieba
from qa import lexicons as lx
from qa.data_table import data_lines

_LINKS = frozenset({"and", "of", "the", "for", "to", "a", "an", "in", "on"})


@lru_cache(maxsize=8192)  # pure; every reading of a sentence asks for the same parties
def gloss_lemmas(actor: str) -> frozenset[str]:
    """The content lemmas of the CC-CEDICT glosses of ``actor``'s words (and initialisms: 'SME')."""
    cd = lx.cedict()
    out: set[str] = set()
    words = cd.segment(actor)
    # the head noun ends the phrase, and the longest-first cut can swallow its first character into
    # the word before (中国计量科学研究院: 科学研究 + 院, not 科学 + 研究院 "research institute")
    head = next((actor[-n:] for n in range(min(len(actor) - 1, cd.max_len), 1, -1) if actor[-n:] in cd), None)
    if head is not None and len(head) > len(words[-1]):
        words.append(head)
    for word in words:
        if len(word) < 2 and len(actor) > 3:
            continue  # 各, 省: single characters gloss almost anything (but 大企业 is a *large* one)
        for g in cd.glosses(word)[:5] if len(word) < 2 else cd.glosses(word):
            clean = lx.strip_gloss(g)
            out.update(lx.content_lemmas(clean))
            initials = [w[0] for w in re.findall(r"[A-Za-z]+", clean) if w.lower() not in _LINKS]
            if len(initials) >= 3:  # 'small and medium enterprise' is written 'SME' as often
                out.add("".join(initials).lower())
    return frozenset(out)


@dataclass(frozen=True)
class Agency:
    """One construction: who acts (``agent``) and who is acted on or helped (``beneficiary``).

    Either may be empty when the grammar does not name it (A助力B names B
    after the verb; A is a subject the clause may have left clauses before).
    """

    family: str  # "drive" | "help" | "provide"
    verb: str
    agent: str
    beneficiary: str
    agent_span: tuple[int, int] | None
    beneficiary_span: tuple[int, int] | None


@dataclass(frozen=True)
class Swap:
    """English evidence that a construction's roles are swapped."""

    agency: Agency
    actor: str  # "agent" | "beneficiary": whose role the English reverses
    en_span: tuple[int, int]  # the actor's words in the English
    cue_span: tuple[int, int]  # the verb or preposition that gives it the wrong role
    reading: str  # what the English makes of the actor ("the one driven", "the helper", …)


_STOP = "，,。；;：:！!？?（）()“”\"《》"
CUES_PATH = lx.DATA_DIR / "agency_cues.tsv"
_CUE_NAMES = frozenset({("drive", "zh"), ("help", "zh"), ("pivot", "zh"), ("pivot-help", "zh"), ("mutual", "zh"),
                        ("drive", "en"), ("help", "en"), ("provide", "en"), ("receive", "en")})


@dataclass(frozen=True)
class Cues:
    """The construction patterns and English verb families built from ``qa/data/agency_cues.tsv``."""

    drive: re.Pattern[str]  # 以A带动B: A runs back to 以, B to the next punctuation
    help: re.Pattern[str]  # A助力B / 有力保障了B: B is the object after the verb (了/着 skipped)
    provide: re.Pattern[str]  # 为B提供 / 向B提供: B receives
    pivot: re.Pattern[str]  # 鼓励A对B扶危帮困 / 鼓励A为B提供: A is the helper
    mutual: re.Pattern[str]
    verbs: dict[str, tuple[str, ...]]  # English verbs of each family: drive, help, provide
    receive: frozenset[str]


@lru_cache(maxsize=2)
def load_cues(path: Path = CUES_PATH) -> Cues:
    """Read the cue table (see its header); a malformed line is a one-line InputError."""
    words: dict[tuple[str, str], tuple[str, ...]] = {}
    for n, line in data_lines(path, "agency-cue"):
        cols = line.split("\t")
        if len(cols) != 3 or (cols[0], cols[1]) not in _CUE_NAMES:
            raise InputError(f"agency-cue table {path} line {n}: expected 'cue<TAB>zh|en<TAB>words' "
                             f"with a known cue, got {line[:50]!r}")
        words[(cols[0], cols[1])] = tuple(w.strip() for w in cols[2].split("|") if w.strip())
    missing = _CUE_NAMES - words.keys()
    if missing:
        raise InputError(f"agency-cue table {path}: no row for {', '.join(sorted(' '.join(m) for m in missing))}")

    def alt(key: tuple[str, str]) -> str:
        return "|".join(sorted(map(re.escape, words[key]), key=len, reverse=True))

    return Cues(
        drive=re.compile(rf"以(?P<a>[^{_STOP}、以]{{2,12}}?)(?P<verb>{alt(('drive', 'zh'))})(?P<b>[^{_STOP}、]{{2,16}})"),
        help=re.compile(rf"(?P<verb>{alt(('help', 'zh'))})[了着]?(?P<b>[^{_STOP}]{{2,40}})"),
        provide=re.compile(rf"(?P<verb>为|向|给)(?P<b>[^{_STOP}为向给]{{2,20}}?)提供"),
        pivot=re.compile(rf"(?:{alt(('pivot', 'zh'))})(?P<a>[^{_STOP}、对为向]{{2,12}}?)(?:对|为|向)"
                         rf"(?P<b>[^{_STOP}]{{2,16}}?)(?P<verb>{alt(('pivot-help', 'zh'))})"),
        mutual=re.compile(alt(("mutual", "zh"))),
        verbs={f: words[(f, "en")] for f in ("drive", "help", "provide")},
        receive=frozenset(words[("receive", "en")]),
    )


#: words that end the helped party: adverbs, prepositions, particles, conjunctions (not 和/与/及/等)
_CUT_FLAGS = ("d", "ad", "p", "u", "c")
_KEEP_WORDS = frozenset("、和与及等")


def object_phrase(text: str, noun_first: bool = False) -> str:
    """The party in ``text`` (the object after the verb): leading quantifiers trimmed, cut at the
    first adverb or preposition or a verb after a noun, trailing verbs dropped (诸多优质国货快速壮大 → 优质国货;
    国货品牌发展 → 国货品牌; 税务、财政…等领域政府部门 kept whole); with ``noun_first`` nothing
    when the text starts with a verb."""
    from jieba import posseg

    loaded_jieba().setLogLevel(60)
    words = [(w.word, w.flag) for w in posseg.lcut(text)]
    while words and words[0][1].startswith(("m", "q", "d", "u", "p")):
        words.pop(0)
    if noun_first and words and words[0][1] == "v":
        return ""  # 为养老保障提供…: what follows the "verb" is another verb, so it was a noun
    kept: list[tuple[str, str]] = []
    for w, f in words:
        if kept and f.startswith(_CUT_FLAGS) and w not in _KEEP_WORDS:
            break
        if kept and f == "v" and kept[-1][1].startswith(("n", "l")):
            break  # a verb after a noun: the object is a clause (农民公平分享…): keep its subject
        kept.append((w, f))
    while kept and (kept[-1][1].startswith("v") or kept[-1][0] in _KEEP_WORDS):
        kept.pop()
    return "".join(w for w, _ in kept)


#: words before a helping verb that make it a noun (提供助力, 给予支持, 的保障)
_NOUN_BEFORE = ("提供", "给予", "得到", "获得", "寻求", "的", "和", "与", "及")


def _verb_at(zh: str, start: int, verb: str) -> bool:
    """Whether ``verb`` at ``start`` is a whole jieba word used as a verb.

    jieba tags 助力 a noun even in 助力了国货; what tells the noun is its
    neighbours: 提供助力, 的保障 before it, 支持下 / 保障的 after it.
    """
    if zh[start + len(verb):start + len(verb) + 1] in ("下", "的", "之", "者", "力"):
        return False
    if zh[:start].endswith(_NOUN_BEFORE):
        return False
    return _whole_word(zh, start, verb)


def _whole_word(zh: str, start: int, word: str) -> bool:
    """Whether jieba cuts ``zh`` into ``word`` at ``start`` (为 of 为企业, not of 因为 or 成为)."""
    at = 0
    for w in jieba_words(zh):
        if at == start:
            return w == word
        if at > start:
            return False
        at += len(w)
    return False


_CLAUSE_END = "，,。；;：:！!？?“”\"《》（）()"


def runs_both_ways(zh: str, start: int, end: int) -> bool:
    """Whether the clause around [start, end) says the relation runs both ways (互助, 相互 …)."""
    while start > 0 and zh[start - 1] not in _CLAUSE_END:
        start -= 1
    while end < len(zh) and zh[end] not in _CLAUSE_END:
        end += 1
    return bool(load_cues().mutual.search(zh[start:end]))


def named_once(zh: str, actor: str) -> bool:
    return bool(actor) and zh.count(actor) == 1


def parse_agency(zh: str) -> list[Agency]:
    """Every agent/beneficiary construction in ``zh`` (none where the clause says it runs both ways)."""
    out: list[Agency] = []
    cues = load_cues()
    drives = [(m.group("a"), m) for m in cues.drive.finditer(zh)]
    for a, m in drives:
        b = object_phrase(m.group("b"))
        if len(b) < 2 or not named_once(zh, a) or not named_once(zh, b) or runs_both_ways(zh, *m.span()):
            continue
        if any(b in other and a in m2.group("b") for other, m2 in drives if m2 is not m):
            continue  # 以信息化带动工业化、以工业化促进信息化: both ways
        at = m.start("b") + m.group("b").index(b)
        out.append(Agency("drive", m.group("verb"), a, b, m.span("a"), (at, at + len(b))))
    pivots = [m for m in cues.pivot.finditer(zh) if not runs_both_ways(zh, *m.span())]
    for m in pivots:
        if named_once(zh, m.group("a")):
            out.append(Agency("help", m.group("verb"), m.group("a"), m.group("b"), m.span("a"), m.span("b")))
    inside_pivot = [m.span() for m in pivots]
    for family, pattern in (("help", cues.help), ("provide", cues.provide)):
        for m in pattern.finditer(zh):
            if any(s <= m.start() < e for s, e in inside_pivot) or runs_both_ways(zh, *m.span()):
                continue
            verb = m.group("verb")  # a helping verb used as a verb; 为/向/给 a word of its own
            if not (_verb_at(zh, m.start("verb"), verb) if family == "help" else _whole_word(zh, m.start("verb"), verb)):
                continue
            b = object_phrase(m.group("b"), noun_first=family == "help")
            if len(b) >= 2 and named_once(zh, b):
                at = m.start("b") + m.group("b").index(b)
                out.append(Agency(family, verb if family == "help" else "提供", "", b, None, (at, at + len(b))))
    return out


#: words that end a noun phrase: an actor after them is no direct object
BREAK_WORDS = frozenset({"by", "from", "with", "to", "and", "or", "of", "that", "which", "who", "whom", "as",
                    "in", "on", "for", "through", "via", "into", "while", "when", "but", "than", "at"})
#: the forms of "be" and "get" that make a passive ("is driven", "got funded")
BE_WORDS = frozenset({"be", "is", "are", "was", "were", "been", "being", "get", "gets", "got"})


def actor_stems(actor: str, rest: str) -> tuple[lx.StemSet, lx.StemSet] | None:
    """Stems of the actor's own gloss words, and those of the rest of the sentence, or None."""
    # glosses, bodies' own names and level words (qa.actor_names imports this module)
    from qa.actor_names import actor_lemmas

    own = actor_lemmas(actor)
    other = actor_lemmas(rest) if rest.strip() else frozenset()
    mine = own - other
    if not mine:
        return None
    return lx.StemSet(mine), lx.StemSet(other)


def actor_mentions(tokens: list[lx.Token], stems: tuple[lx.StemSet, lx.StemSet]) -> set[int]:
    """Tokens that render the actor: a word (or a hyphen part) of its own glosses, none of the rest's."""
    mine, other = stems
    out = set()
    for k, t in enumerate(tokens):
        if t.text.lower() in lx.STOPWORDS:
            continue
        parts = [lx.lemma(p) for p in t.text.lower().split("-") if p] if "-" in t.text else [t.lemma]
        if any(mine.has(p) for p in parts) and not any(other.exact and p in other.exact for p in parts):
            out.add(k)
    return out


#: what a verb stem of the cue table ("financ", "enabl") may end with: a verb's inflections, not
#: a noun's or an adjective's ("financial", "promotion", "enablement")
_VERB_ENDINGS = frozenset({"", "e", "s", "es", "d", "ed", "ing", "en", "y", "ies", "ied", "ying"})


def _is_verb(t: lx.Token, family: str) -> bool:
    low = t.text.lower()
    return any(low == v or t.lemma == v or (len(v) >= 4 and low.startswith(v) and low[len(v):] in _VERB_ENDINGS)
               for v in load_cues().verbs[family])


def _passive(tokens: list[lx.Token], k: int) -> bool:
    """Whether the verb at ``k`` is a participle followed by "by" ("helped by", "driven by")."""
    low = tokens[k].text.lower()
    return low.endswith(("ed", "en", "led", "lt", "ght")) and k + 1 < len(tokens) and tokens[k + 1].text.lower() == "by"


def _object_of(tokens: list[lx.Token], k: int, at: set[int], other: lx.StemSet | None = None) -> int | None:
    """The actor word that is the direct object of the verb at ``k`` (at most two words between).

    A word right before it that renders another part of the Chinese (``other``) makes it the
    head of another party's phrase: "supported by state-owned enterprises" does not name 民营企业.
    """
    for j in range(k + 1, min(len(tokens), k + 4)):
        if j in at:
            before = tokens[j - 1]
            if other is not None and j - 1 > k and j - 1 not in at and before.text.lower() not in lx.STOPWORDS \
                    and any(other.has(lx.lemma(p)) for p in before.text.lower().split("-") if p):
                return None
            return j
        if tokens[j].text.lower() in BREAK_WORDS:
            return None
    return None


def actor_run(tokens: list[lx.Token], at: set[int], k: int) -> tuple[int, int]:
    """The span of the actor's words from token ``k`` on ("union-member drivers")."""
    j = k
    while j + 1 in at or (j + 2 in at and tokens[j + 1].text.lower() in ("and", "of", "&")):
        j += 1
    return tokens[k].start, tokens[j].end


def find_swaps(zh: str, en: str) -> list[Swap]:
    """Every construction of ``zh`` whose roles ``en`` swaps (one piece of evidence each)."""
    tokens = lx.tokenize_en(en)
    out: list[Swap] = []
    for ag in parse_agency(zh):
        swap = None
        if ag.agent and ag.agent_span:
            stems = actor_stems(ag.agent, zh[:ag.agent_span[0]] + " " + zh[ag.agent_span[1]:])
            swap = _agent_as_object(ag, tokens, stems) if stems else None
        if swap is None and ag.beneficiary and ag.beneficiary_span:
            stems = actor_stems(ag.beneficiary, zh[:ag.beneficiary_span[0]] + " " + zh[ag.beneficiary_span[1]:])
            if stems:
                swap = (_beneficiary_as_giver(ag, tokens, stems)
                        or _beneficiary_as_subject(ag, en, tokens, stems))
        if swap is not None:
            out.append(swap)
    return out


#: words that may stand between a subject and its verb ("brands have also continuously helped")
_AUX = frozenset({"has", "have", "had", "will", "would", "can", "could", "may", "might", "shall", "should",
                  "also", "further", "continuously", "constantly", "greatly", "strongly", "actively",
                  "effectively", "always", "increasingly", "now", "then", "all", "both", "in", "turn"})


def _beneficiary_as_subject(ag: Agency, en: str, tokens: list[lx.Token], stems) -> Swap | None:
    """"many domestic brands have helped the industry": the helped party is the subject of the verb."""
    at = actor_mentions(tokens, stems)
    if not at:
        return None
    for k, t in enumerate(tokens):
        if not _is_verb(t, ag.family) or _passive(tokens, k) or k == 0:
            continue
        i = k - 1
        while i >= 0 and (tokens[i].text.lower() in _AUX or tokens[i].text.lower().endswith("ly")) and k - i <= 3:
            i -= 1
        head = i
        if i > 0 and i not in at and i - 1 in at and tokens[i].text.lower() not in BREAK_WORDS | lx.STOPWORDS:
            i -= 1  # the actor's words before a head noun its glosses lack ("domestic brands")
        if i < 0 or i not in at or _punctuated(en, tokens[i].end, t.start):
            continue
        if any(j > k for j in at):
            continue  # the party is named after the verb too (as its object or receiver): no clear reading
        start = i
        while start - 1 in at:
            start -= 1
        if head != i and _bare_infinitive(en, tokens, start, head):
            continue  # "help SMEs match supply with demand": "match" is SMEs' verb, "supply" its object
        reading = {"drive": "the driver", "provide": "the provider"}.get(ag.family, "the helper")
        return Swap(ag, "beneficiary", (tokens[start].start, tokens[head].end), (t.start, t.end), reading)
    return None


#: marks that end a phrase: no subject, verb or "help" reaches across one
_PHRASE_MARKS = ",;:()—"


def _punctuated(en: str, start: int, end: int) -> bool:
    """A phrase-ending mark stands in ``en[start:end]``."""
    return any(c in en[start:end] for c in _PHRASE_MARKS)


#: verbs whose object is followed by a bare infinitive ("help SMEs match", "let firms decide")
_CAUSE_BARE = frozenset({"help", "let", "make", "have", "see", "watch", "hear"})


def _bare_infinitive(en: str, tokens: list[lx.Token], start: int, head: int) -> bool:
    """Whether the word at ``head`` after an actor's words (from ``start``) is a bare infinitive, not
    the actor's head noun: a base-form verb after "help/let/make + actor".  The actor's name may
    open with words its glosses lack ("help small and medium-sized enterprises match": "small
    and" before the words found), so "help" is looked for up to three words before them, in the
    same phrase."""
    from qa.checks.fragments import is_base_verb

    if not is_base_verb(tokens[head].text):
        return False
    for j in range(start - 1, max(-1, start - 4), -1):
        if _punctuated(en, tokens[j].end, tokens[j + 1].start):
            return False
        if tokens[j].lemma in _CAUSE_BARE:
            return True
    return False


def _agent_as_object(ag: Agency, tokens: list[lx.Token], stems) -> Swap | None:
    """"let the existing stock drive the increment": the agent is what the verb acts on."""
    at = actor_mentions(tokens, stems)
    if not at:
        return None
    family = "help" if ag.family == "help" else "drive"
    for k, t in enumerate(tokens):
        if not _is_verb(t, family) or _passive(tokens, k) or k in at:
            continue  # "Leading enterprises" (龙头企业): the word is the actor's own, no verb
        if k > 0 and tokens[k - 1].text.lower() in BE_WORDS:
            continue
        j = _object_of(tokens, k, at, stems[1])
        if j is None or any(i < k for i in at if k - i <= 6):
            continue  # the agent also stands just before the verb: it may be its subject
        reading = "the one helped" if family == "help" else "the one driven"
        return Swap(ag, "agent", actor_run(tokens, at, j), (t.start, t.end), reading)
    return None


def _beneficiary_as_giver(ag: Agency, tokens: list[lx.Token], stems) -> Swap | None:
    """"helped by many domestic brands" / "support … from government departments": the helped helps."""
    at = actor_mentions(tokens, stems)
    if not at:
        return None
    family = "drive" if ag.family == "drive" else ag.family
    for k, t in enumerate(tokens):
        low = t.text.lower()
        if low == "by" and k > 0 and (_is_verb(tokens[k - 1], family) or _is_verb(tokens[k - 1], "help")) \
                and _passive(tokens, k - 1):
            j = _object_of(tokens, k, at, stems[1])
            if j is not None:
                reading = "the driver" if family == "drive" else "the giver"
                return Swap(ag, "beneficiary", actor_run(tokens, at, j), (tokens[k - 1].start, t.end), reading)
        if low == "from" and ag.family != "drive":
            receive = load_cues().receive
            before = [i for i in range(max(0, k - 8), k) if tokens[i].lemma in receive or
                      tokens[i].text.lower() in receive]
            if not before or any(tokens[i].text.lower() in {".", ";"} for i in range(before[-1], k)):
                continue
            j = _object_of(tokens, k, at, stems[1])
            if j is not None:
                return Swap(ag, "beneficiary", actor_run(tokens, at, j),
                            (tokens[before[-1]].start, t.end), "the giver")
    return None
