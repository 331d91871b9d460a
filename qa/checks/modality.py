"""modality: an obligation rendered as a permission, a permission as an obligation,
or a prohibition as a permission.

必须/务必/一律 "must" become "may" or "can"; 可以 "may" becomes "must";
不得 "must not" becomes "may".  In regulations that reverses who decides.
Cues come from ``qa/data/modals.tsv`` (jieba words; 可持续 "sustainable" and
重要 "important" are words of their own and not cues).

A Chinese clause with an obligation cue (and no permission or prohibition
cue of its own) is flagged when its English has a permission or possibility
modal ("may", "can", "could", "if possible", "allowed") and no obligation
word at all ("must", "should", "need", "ensure", "strictly", "all" …) and
no negation.  Obligation cues include urgent need (迫切需要, 亟需, 亟待) and
certainty (必然); permission is also said without a modal verb, by the
extraposed "it would be possible to", "there is room to", "has the option
of", "is welcome to", "at its discretion": a translator who softens an order
reaches for these as often as for "may", or for an invitation ("are
encouraged to", "are invited to": strong encouragement rows), which an
obligation is not either.  An encouragement (鼓励, 倡导, 提倡) whose English orders instead
("require", "oblige", "must") and has no word of encouragement.  The reverse: a clause with 可以/可/允许 and no obligation cue,
whose English has a strong obligation ("must", "shall", "required") and no
permission word; the same for a weak permission or possibility (能, 能够, 可能 "can",
"may": a minor flag), except a 能 that ends a condition (只有…才能 "only if … can",
whose English is as often "we must …").  A prohibition whose English has a permission
word and no negation or prohibition word.  An obligation rendered by a permission word
is read whatever negation stands elsewhere in the English ("it may be said frankly that
no employer …"); only a negation on the permission word itself ("may not", "cannot")
makes it a prohibition.  Strong cues make major flags at sentence
level; weak ones (应当, 应该, 要, 需要: as often advice as an order) and
clause-window evidence make minor ones.

An order softened without a modal of permission is a change of modality too: an obligation
or a prohibition whose English hedges it ("should *try to* give", "must be enclosed *where
possible*", "*ideally* within 48 hours", "are *advised to*": the ``hedge`` rows) is flagged
whatever obligation word stands beside the hedge, unless the Chinese softens it as well
(尽量, 力争, 必要时, 原则上, 建议 …: Chinese ``hedge`` rows, or a permission or encouragement).
A prohibition is answered only by a negation that may bear on the verb: "may release the
data without approval" permits (the "without" is 未经's), "no one may release" forbids.
Absence of obligation ("need not", "do not have to", "not required to") is a permission not to
act: 不宜 "inadvisable" rendered "need not be rushed into" permits; the phrase's own "not" is no
prohibition.

The reverse softening is a change too: a best effort (力争, 争取, 力求, 尽可能: strong ``hedge``
rows) or a rule with exceptions (原则上 "in principle") said as a certainty ("will ensure",
"without exception", "in all cases") when the English renders no softening (a hedge phrase, a
word of effort or aim, the cue's gloss) and no Chinese word glosses the certainty (确保 "to
ensure").  A minor flag, one per sentence: the certainty word is one place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from align.model import Pair
from align.zh_words import pos_words
from qa import lexicons as lx
from qa.checks.polarity import TABLE as NEGATORS
from qa.checks.polarity import english_negations
from qa.clause_match import document_clauses
from qa.lexical_negation import cedict_verb
from qa.meaning_cues import (
    CueRow,
    EnglishCues,
    EnHit,
    ZhHit,
    cedict_join,
    cue_rows,
    quote,
    scopes,
    zh_word_cues,
    zh_words,
)
from qa.model import Check, Context, Flag
from qa.zh_glosses import word_glosses

TABLE = "modals.tsv"
SAYS = {"obligation": "an obligation or necessity", "permission": "a permission or possibility",
        "prohibition": "a prohibition", "encouragement": "an encouragement",
        "hedge": "a recommendation, a best effort or a condition"}
#: English obligation words that, facing 鼓励 "encourage", turn an invitation into an order
#: (the strong obligations, and "require" which is weak elsewhere: "required" may be a noun's)
_COERCIVE = ("require",)


@dataclass(frozen=True)
class ModalityOptions:
    """``weak_cues``: also read 应当/应该/要/需要 (minor flags) and weak permissions (能, 可能)."""

    weak_cues: bool = True


#: the gloss of a modal verb of necessity (modals.tsv's note column)
_NECESSITY = re.compile(r"\b(?:must|need|should|have to)\b")


@cache
def _zh_cues() -> frozenset[str]:
    return frozenset(r.cue for r in cue_rows(TABLE) if r.lang == "zh")


@cache
def _necessity_modals() -> dict[str, CueRow]:
    """The obligation rows of two characters or more whose gloss says a need ("must", "need")."""
    return {r.cue: r for r in cue_rows(TABLE)
            if r.lang == "zh" and len(r.cue) > 1 and r.kind == "obligation" and len(r.extra) > 1
            and r.extra[0] != "none" and _NECESSITY.search(r.extra[1])}


def _verb_joined(zh: str, span: tuple[int, int]) -> list[ZhHit]:
    """Cues jieba joined with the verb they govern (亟待解决 = 亟待 + 解决 "to settle"): a word
    neither the table nor CC-CEDICT lists (不可避免, 不得已 are words of their own) that is a
    modal verb of necessity of two characters or more (its gloss says "must", "need" or
    "should": not the adverb 严格 "strictly", whose verb phrases jieba keeps as words) and a
    verb of two or more that CC-CEDICT glosses as one.  A noun after the cue (必然结果,
    需求量) leaves the word alone."""
    table = _necessity_modals()
    out = []
    for w, s, e in zh_words(zh):
        if w in _zh_cues() or len(w) < 4 or not span[0] <= s < e <= span[1]:
            continue
        for n in range(len(w) - 2, 1, -1):
            row = table.get(w[:n])  # CC-CEDICT is read only for a word that starts with a cue
            if row is not None and w not in lx.cedict() and cedict_verb(w[n:]):
                out.append(ZhHit(row, s, s + n))
                break
    return out


#: one-character modals that jieba glues to the next character in a word no dictionary lists
#: (可视情调整 is cut 可视 + 情 + 调整, 须于 is one word): the modal is read off the word's start.
#: Not 要, 能, 会, 或, 宜, which also start content words jieba joins (会上 "at the meeting")
_GLUED = frozenset("可须必应需")


def _glued(zh: str, span: tuple[int, int]) -> list[ZhHit]:
    """Modal characters jieba glued into a two-character word that neither CC-CEDICT nor the
    table lists (可视 in 可视情调整 "may adjust as circumstances require", 须于 "must by")."""
    return [h for h in _glued_in(zh) if span[0] <= h.start and h.end <= span[1]]


@lru_cache(maxsize=8192)  # pure: read once per clause and scope of the pair
def _glued_in(zh: str) -> tuple[ZhHit, ...]:
    rows = _single_rows()
    return tuple(ZhHit(rows[w[0]], s, s + 1) for w, s, _e in zh_words(zh)
                 if len(w) == 2 and w[0] in _GLUED and w not in _zh_cues() and w not in lx.cedict())


def _split_prohibitions(zh: str, span: tuple[int, int]) -> list[ZhHit]:
    """不得 that jieba cut as 不 + 得到 "to obtain" before a place and a verb (城镇居民不得到农村购买宅基地
    "must not go to the countryside to buy homesteads"): 不得 + 到X + V, a prohibition.  得到 with
    an object and no verb after it (不得到任何好处 "gets no benefit") is left alone."""
    return [h for h in _split_prohibitions_in(zh) if span[0] <= h.start and h.end <= span[1]]


#: jieba's tags of a place or a noun after 到 "to (a place)"
_PLACE_TAGS = ("n", "s", "ns", "nt", "l", "f")


@lru_cache(maxsize=8192)  # pure: read once per clause and scope of the pair
def _split_prohibitions_in(zh: str) -> tuple[ZhHit, ...]:
    if "不得到" not in zh:
        return ()
    row = {r.cue: r for r in cue_rows(TABLE) if r.lang == "zh"}["不得"]
    words = pos_words(zh)
    at, out = 0, []
    for k, (w, _f) in enumerate(words):
        if w == "不" and k + 3 < len(words) and words[k + 1][0] == "得到":
            j = k + 2  # the place: up to three noun words (营业性 网吧), then the verb of the errand
            while j < min(len(words), k + 5) and words[j][1].startswith(_PLACE_TAGS) and not (
                    j > k + 2 and words[j][1].startswith(("v", "ns"))):
                j += 1
            if k + 2 < j < len(words) and words[j][1].startswith(("v", "ns")):
                out.append(ZhHit(row, at, at + 2))
        at += len(w)
    return tuple(out)


@cache
def _single_rows() -> dict[str, CueRow]:
    return {r.cue: r for r in cue_rows(TABLE) if r.lang == "zh" and r.cue in _GLUED}


#: negators that, right before an obligation word, make it an absence of obligation (不需要, 毋须)
_ZH_NOT = frozenset("不无没未毋")


def _zh_classes(pair: Pair, start: int, end: int, weak: bool) -> dict[str, list[ZhHit]]:
    """The clause's modal cues by class; 'none' rows (可持续, 重要) are words, not cues."""
    out: dict[str, list[ZhHit]] = {"obligation": [], "permission": [], "prohibition": [],
                                   "weak_permission": [], "encouragement": [], "hedge": []}
    for h in (zh_word_cues(pair.zh, cue_rows(TABLE), (start, end))
              + _verb_joined(pair.zh, (start, end)) + _glued(pair.zh, (start, end))
              + _split_prohibitions(pair.zh, (start, end))):
        strength = h.row.extra[0] if h.row.extra else "strong"
        if strength == "none" or (len(h.row.cue) == 1 and cedict_join(pair.zh, h)):
            continue
        if h.row.kind == "obligation" and h.start > 0 and pair.zh[h.start - 1] in _ZH_NOT:
            continue  # 不需要 "need not", 无须: the absence of the obligation, not an obligation
        if h.row.cue in _NEEDS and h.start > 0 and pair.zh[h.start - 1] in _ONLY:
            continue  # 只需说出一个字 "can be operated by uttering a single word": enough, not a duty
        if h.row.cue in _ALTERNATIVES and (_after_noun(pair.zh, h.start) or _in_condition(pair.zh, h.end)):
            continue  # 须经形成单位或者保管单位批准: a choice of parties, not of whether to act
        if h.row.kind == "permission" and strength == "weak":
            out["weak_permission"].append(h)
        elif strength == "strong" or weak:
            out[h.row.kind].append(h)
    # 不得转让、出租或者出借 "must not transfer, lease or lend": alternatives inside the scope of an
    # order or a prohibition before them are what it covers, not an option it gives
    orders = [h.start for h in out["prohibition"] + out["obligation"]]
    if orders:
        out["weak_permission"] = [h for h in out["weak_permission"]
                                  if not (h.row.cue in _ALTERNATIVES and min(orders) < h.start)]
    return out


#: 需/需要 "need to" after 只 or 仅 "only" (只需, 仅需 "it is enough to"): a sufficiency, which
#: English says with "can", "only" or "all it takes" (吕叔湘《现代汉语八百词》只: 只 before a verb
#: limits what is needed), not an obligation
_NEEDS = frozenset({"需", "需要"})
_ONLY = frozenset("只仅")


#: the conjunctions of alternatives (或, 或者 "or"): an option when they join acts (退还或者赔偿
#: "return or compensate"), none when they join parties or things (形成单位或者保管单位)
_ALTERNATIVES = frozenset({"或", "或者"})


def _in_condition(zh: str, end: int) -> bool:
    """Whether the clause from ``end`` on closes with the conditional 的 of regulations (外国人…居住或者
    住宿的，应当… "foreign nationals who reside or stay …, shall …"): the alternatives name the case
    a rule covers, not an option the rule gives."""
    m = _ZH_BREAK.search(zh, end)
    return m is not None and m.group() in "，," and zh[:m.start()].endswith("的")


def _after_noun(zh: str, start: int) -> bool:
    """Whether the jieba word that ends right before ``start`` is a noun (its part of speech)."""
    before = zh[max(0, start - 12):start]
    words = pos_words(before) if before else []
    return bool(words) and words[-1][1].startswith(("n", "r"))


#: what ends the reach of an order in the Chinese: a clause or sentence break
_ZH_BREAK = re.compile("[，,；;。！？!?：:]")


def _ordered(zh: str, classes: dict[str, list[ZhHit]]) -> list[ZhHit]:
    """The abilities (能, 能够 "can") that an obligation cue governs through a verb in its own
    clause: what is ordered (要确保受灾群众…有病能及时就医 "must ensure … can get care"), not a
    permission of their own.  A softener right after the order (应尽量 "should as far as
    possible") is no ability and softens the order itself."""
    return [p for p in classes["weak_permission"] if p.row.extra[1:2] == ("can",)
            and any(o.end < p.start and not _ZH_BREAK.search(zh, o.end, p.start)
                    for o in classes["obligation"])]


def _has_modal_cue(pair: Pair, opts: ModalityOptions) -> bool:
    """Any cue :func:`_check_pair` judges, anywhere in the pair's Chinese."""
    own = _zh_classes(pair, 0, len(pair.zh), opts.weak_cues)
    return bool(own["obligation"] or own["permission"] or own["prohibition"] or own["encouragement"]
                or (opts.weak_cues and own["weak_permission"]) or _strong_hedges(own["hedge"]))


#: "only" right after a permission ("may begin only once …", "can only be used for …") or right
#: before it ("only … may"): what is not allowed otherwise, a prohibition said by its one exception
#: (Quirk et al. 1985 §8.116 on restrictive "only"): 未达成一致的，一律不得开工 "may begin only once
#: residents have reached agreement"
_ONLY_AFTER = re.compile(r"^\s+(?:\w+\s+){0,2}only\b", re.IGNORECASE)
_ONLY_BEFORE = re.compile(r"\bonly\s+(?:\w+\s+){0,4}$", re.IGNORECASE)


def _only_permitted(en: str, permit) -> bool:
    """Whether the permission word ``permit`` (an English hit with offsets into ``en``) is restricted
    by "only": the permission names the one case a prohibition leaves open."""
    return bool(_ONLY_AFTER.match(en[permit.end:]) or _ONLY_BEFORE.search(en[:permit.start]))


def _finding(cue: dict[str, list[ZhHit]], context: dict[str, list[ZhHit]],
             en: dict[str, list], en_text: str,
             only_if: frozenset[int], soft: bool = False,
             glosses: frozenset[str] = frozenset()) -> tuple[ZhHit, str, object] | None:
    """(Chinese cue, the class the English says instead, the English hit) or None.

    ``cue`` holds the clause's own cues; ``context`` those of all the Chinese
    the English answers for (the clause, or the whole sentence), which must
    not itself hold the class the English says.  ``en`` holds the hits of
    ``en_text`` by class; ``only_if`` the offsets of a 能 that ends a condition; ``soft``
    whether the pair's Chinese hedges anywhere (:func:`_hedged`); ``glosses`` the gloss
    lemmas of the pair's Chinese words (:func:`_glossed`).
    """
    permits = [h for h in en["permission"] if h.strength == "strong"]
    strong_obl = [h for h in en["obligation"] if h.strength == "strong"]
    zh_permits = context["permission"] or context["weak_permission"]
    softened = [h for h in en["hedge"] if not _negated(h, en["negation"]) and not _glossed(h, glosses)]
    # a 能 that an order governs (要确保群众…能及时就医 "must ensure people can get care") is part
    # of what is ordered, not a softening of the order: an English hedge cannot render it
    free_permits = context["permission"] or [h for h in context["weak_permission"]
                                             if h not in context.get("ordered", ())]
    zh_soft = free_permits or context["hedge"] or context["encouragement"] or soft
    if cue["prohibition"]:
        if (permits and not en["prohibition"] and not _forbidding(en["negation"])
                and not zh_permits and not _only_permitted(en_text, permits[0])):
            return cue["prohibition"][0], "permission", permits[0]
        if softened and not en["prohibition"] and not _forbidding(en["negation"]) and not zh_soft:
            return cue["prohibition"][0], "hedge", softened[0]
        # "should generally not be used", "are generally prohibited" for 一律不得使用, 一律禁止: a hedge
        # on the negation or the prohibition word itself softens it
        forbids = en["negation"] + [(h.start, h.end, h.text) for h in en["prohibition"]]
        on_negation = [h for h in en["hedge"] if _on_negation(h, forbids) and not _glossed(h, glosses)]
        if on_negation and not zh_soft:
            return cue["prohibition"][0], "hedge", on_negation[0]
        return None
    free = [h for h in permits if not _negated(h, en["negation"]) and not _negative_subject(en_text, h)]
    if (cue["obligation"] and not zh_permits and free and not en["prohibition"]
            and not any(_obliges(h, free[0], en_text) for h in en["obligation"])):
        return cue["obligation"][0], "permission", free[0]
    if cue["obligation"] and not zh_soft and softened and not en["prohibition"]:
        return cue["obligation"][0], "hedge", softened[0]
    invited = [h for h in en["encouragement"] if h.strength == "strong"]  # "are encouraged to"
    # a weak word of obligation that glosses a verb of the Chinese ("ensure" for 保证) is that verb's
    # English, not the order's: "are encouraged to install … and ensure" still softens 应当
    own = frozenset(word_glosses(cue["obligation"][0].row.cue)) if cue["obligation"] else frozenset()
    ordered = [h for h in en["obligation"] if h.strength == "strong" or not _glossed(h, glosses)
               or _glossed(h, own)]
    if (cue["obligation"] and not context["encouragement"] and invited
            and not ordered and not en["negation"] and not en["prohibition"]):
        return cue["obligation"][0], "encouragement", invited[0]
    # an English word of obligation that glosses a word of the Chinese (要求 "to require") is that
    # word's English, not the encouragement's
    coercive = [h for h in en["obligation"]
                if (h.strength == "strong" or lx.lemma(h.text.lower()) in map(lx.lemma, _COERCIVE))
                and not _glossed(h, glosses)]
    if (cue["encouragement"] and not context["obligation"] and not context["prohibition"]
            and coercive and not en["encouragement"] and not en["negation"]):
        return cue["encouragement"][0], "obligation", coercive[0]
    permission = cue["permission"] or [h for h in cue["weak_permission"] if h.start not in only_if]
    # a negation after the obligation word makes it a prohibition only on the word itself ("shall
    # not"): "shall … impose lighter penalties or none at all" orders, its "none" renders 不予; one
    # before it may be the prohibition's ("no one shall") or frame it ("cannot …, but must")
    bare = [h for h in strong_obl if not _negated(h, en["negation"])
            and not any(s < h.start for s, _e, _w in en["negation"])]
    if permission and _future(permission[0]):
        bare = [h for h in bare if h.text.lower() != "shall"]  # 会 "will": "a man shall see" is a future
    if (permission and not context["obligation"] and not context["prohibition"]
            and bare and not en["permission"]):
        return permission[0], "obligation", bare[0]
    universal = _universal(en_text, glosses) if cue["permission"] and not en["permission"] else None
    if universal is not None and not context["obligation"] and not context["prohibition"]:
        return cue["permission"][0], "obligation", universal
    orders = len(context["obligation"]) + len(context["prohibition"])
    return _hardened(cue["hedge"], context["hedge"], en, en_text, glosses, bool(orders), orders)


#: a negative determiner or pronoun opening the subject ("no project … may pass", "none of them may")
_NEGATIVE_SUBJECT = re.compile(r"\b(?:no|none|neither|nobody|nothing)\b", re.IGNORECASE)


def _negative_subject(text: str, hit) -> bool:
    """A permission word whose clause says it of no one ("no project that fails to comply may pass its
    inspection"): "no X may" forbids, as 一律不予通过 does (Quirk et al. 1985 §10.59, negative
    subjects)."""
    start = max(text.rfind(mark, 0, hit.start) for mark in ",;:") + 1
    return bool(_NEGATIVE_SUBJECT.search(text, start, hit.start))


def _future(cue: ZhHit) -> bool:
    """The cue is glossed "will" (会 "will; can"): English says it with the future "shall" too."""
    return len(cue.row.extra) > 1 and "will" in cue.row.extra[1].split("; ")


#: English words of certainty (Quirk et al. 1985 §4.53: certainty and universality, no room left):
#: what a best effort (力争 "to strive for") or a rule with exceptions (原则上 "in principle")
#: becomes when the translator drops the softening
_CERTAIN = re.compile(r"\b(?:ensur(?:e|es|ed|ing)|make sure|guarantee[ds]?|without exception|in (?:all|every) cases?"
                      r"|invariably|unconditionally)\b", re.IGNORECASE)
#: English that leaves no case out (Quirk et al. 1985 §4.53: universality): a permission (可视情从轻
#: "may, as the case warrants, reduce") said "will in every case reduce" has become a rule
_UNIVERSAL = re.compile(r"\b(?:without exception|in (?:all|every|each) (?:cases?|instances?|circumstances)"
                        r"|invariably|unconditionally)\b", re.IGNORECASE)


def _universal(en_text: str, glosses: frozenset[str]) -> EnHit | None:
    """The first English phrase of universality (:data:`_UNIVERSAL`) that no Chinese word of the
    pair glosses (一律 "without exception", 自动 "automatically" say it themselves), or None."""
    for m in _UNIVERSAL.finditer(en_text):
        if not {lx.lemma(w) for w in m.group().lower().split() if w not in _UNIVERSAL_FRAME} & glosses:
            return EnHit("obligation", "strong", m.start(), m.end(), m.group())
    return None


#: the words of a phrase of universality that any Chinese word may gloss (并 "all", 在 "in"): only
#: its own word ("exception", "invariably") is looked for among the glosses
_UNIVERSAL_FRAME = frozenset("without in all every each case cases instance instances circumstances".split())


#: words that render a best effort or an aim whatever the cue's own gloss ("aims to", "the goal is")
_AIMS = frozenset(lx.lemma(w) for w in "aim goal target objective".split())


def hedge_renderings(hedges: list[ZhHit], en_hedges: list[EnHit], en_text: str) -> int:
    """How many places of ``en_text`` may render a Chinese hedge: English hedge phrases, and
    words of effort or aim or of a hedge's own gloss ("in principle" for 原则上) outside them."""
    own = lx.StemSet(g for h in hedges for g in word_glosses(h.row.cue)
                     if g not in lx.STOPWORDS and len(g) > 2)
    renders = _effort() | _AIMS
    spans = [(h.start, h.end) for h in en_hedges]
    tokens = lx.tokenize_en(en_text)
    spans += [(t.start, t.end) for k, t in enumerate(tokens)
              if (t.lemma in renders or (own.has(t.lemma) and not _determined(tokens, k)))
              and not any(s <= t.start < e for s, e in spans)]
    return len(spans)


#: determiners that make the word after them a noun
_DETERMINERS = frozenset("the a an this that these those its their our his her".split())


def _determined(tokens: list[lx.Token], k: int) -> bool:
    """A determiner stands before token ``k``: a noun ("the work"), not the verb of a hedge's own
    gloss (力争 "to work hard for": "must complete the work" renders no effort)."""
    return k > 0 and tokens[k - 1].text.lower() in _DETERMINERS


def _strong_hedges(hits: list[ZhHit]) -> list[ZhHit]:
    return [h for h in hits if h.row.extra[:1] == ("strong",)]


def _hardened(own: list[ZhHit], context: list[ZhHit], en: dict[str, list], en_text: str,
              glosses: frozenset[str], ordered: bool = True, orders: int = 0) -> tuple[ZhHit, str, object] | None:
    """A best effort or a rule with exceptions said as a certainty: (cue, "obligation", word) or None.

    力争到2025年底…突破10万个 rendered "will ensure that it has more than 100,000", 原则上
    rendered "without exception".  The clause's strong hedge (:func:`_strong_hedges`) must
    be rendered by nothing: the English Chinese hedges of the scope outnumber the English
    renderings of any (a hedge phrase, a word of effort or aim, a gloss of the cue), and the
    English has a word of certainty (:data:`_CERTAIN`) that no Chinese word of the pair glosses
    (确保 "to ensure", 一律 "without exception" say it themselves).  Where the Chinese there
    orders nothing (``ordered`` False: no obligation or prohibition cue), a strong obligation
    ("we must bring … up to standard" for 力争) is such a word too: the effort became a duty; where
    it orders (``orders`` obligation and prohibition cues), so is a strong obligation beyond as many
    English ones as it has orders, any of which may render its own order.
    """
    mine = _strong_hedges(own)
    if not mine:
        return None
    certain = [EnHit("obligation", "strong", m.start(), m.end(), m.group())
               for m in _CERTAIN.finditer(en_text)
               if not {lx.lemma(w) for w in m.group().lower().split()} & glosses]
    if not ordered:
        certain += [h for h in en["obligation"] if h.strength == "strong"
                    and not {lx.lemma(w) for w in h.text.lower().split()} & glosses]
    else:
        # "should speed up … and must complete" for 要加快…，力争完成: the Chinese orders once, the
        # English twice; a strong duty beyond the Chinese orders is the best effort hardened
        duties = [h for h in en["obligation"] if h.text.lower() not in _TENSES]
        certain += [h for h in duties[orders:] if h.strength == "strong"]
    if not certain:
        return None
    if hedge_renderings(mine, en["hedge"], en_text) >= len(_strong_hedges(context)):
        return None
    return mine[0], "obligation", min(certain, key=lambda h: h.start)


#: a "not" right before "only": the correlative "not only … but (also)" (Quirk et al. 1985 §13.38)
_NOT_ONLY = re.compile(r"\s+only\b", re.IGNORECASE)


def _not_only(hit: EnHit, text: str) -> bool:
    """A phrase of absence of obligation that is the start of "not only … but also": "the
    industry needs not only the firms' efforts" states a need, it permits nothing."""
    return hit.label == "permission" and " " in hit.text and bool(_NOT_ONLY.match(text, hit.end))


#: where one English clause ends and a clause of its own begins, for the weak obligation words
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]\"“”—–]|\b(?:that|which|who|whether|and|but|while|because|if|when)\b",
                           re.IGNORECASE)


#: weak obligation words that are mostly a tense: they answer an obligation only in their clause
_TENSES = frozenset({"will", "would"})


def _obliges(word: EnHit, permit: EnHit, text: str) -> bool:
    """Whether an English obligation word answers the Chinese obligation beside a permission word.

    Any does wherever it stands ("must", "need to", "ensure"), except a future "will": it
    answers only in the permission word's own clause.  In "it may be said frankly that no
    employer will dismiss …" the "will" is the employer's, not 必须's.
    """
    if word.text.lower() not in _TENSES:
        return True
    lo, hi = sorted((word.start, permit.start))
    return not _CLAUSE_BREAK.search(text, lo, hi)


#: negations that never negate a modal: "without" negates the noun phrase it governs ("may
#: release the data without approval" renders 未经批准 and permits; Quirk et al. 1985 §9.57)
_NOUN_NEGATIONS = frozenset({"without"})


def _forbidding(negations: list[tuple[int, int, str]]) -> bool:
    """Whether some English negation may say a prohibition ("no one may", "may not", "never"):
    any but the prepositional "without", which belongs to a condition, not to the verb."""
    return any(w.lower() not in _NOUN_NEGATIONS for _s, _e, w in negations)


#: how far a hedge may stand from the negation it softens ("generally not", "not, as a rule,")
_HEDGE_REACH = 3


def _on_negation(hedge: EnHit, negations: list[tuple[int, int, str]]) -> bool:
    """A hedge right beside a forbidding negation or prohibition word ("should generally not",
    "must not normally", "are generally prohibited"): the prohibition holds only as a rule, not
    without exception."""
    return any(w.lower() not in _NOUN_NEGATIONS
               and (0 <= s - hedge.end <= _HEDGE_REACH or 0 <= hedge.start - e <= _HEDGE_REACH)
               for s, e, w in negations)


#: how far after a permission word a negation still negates it ("may not", "can hardly")
_NEGATES_WITHIN = 12


def _negated(hit: EnHit, negations: list[tuple[int, int, str]]) -> bool:
    """Whether a negation stands on the permission word itself ("cannot") or right after it
    ("may not", "could never"): a negation elsewhere in the sentence ("no decent employer")
    says nothing about it."""
    return any(hit.start <= s <= hit.end + _NEGATES_WITHIN for s, _e, _w in negations)


@cache
def _zh_hedges() -> tuple[str, ...]:
    return tuple(r.cue for r in cue_rows(TABLE) if r.lang == "zh" and r.kind == "hedge" and len(r.cue) > 1)


def _hedged(zh: str) -> bool:
    """The pair's Chinese softens something anywhere, inside a word too (想方设法 "to try every
    means" holds 设法, 尽最大努力 holds 努力): an English hedge may render it, in whatever
    clause the aligner put it.  So do the words of discretion (酌情 "at one's discretion", 视情况
    "depending on circumstances", permission rows): "as appropriate" renders them."""
    return any(c in zh for c in _zh_hedges()) or any(c in zh for c in _DISCRETION)


#: the permission rows that leave the act to circumstances or judgement (CC-CEDICT 酌情 "to use
#: discretion; to take into account the circumstances"; 视 "depending on" + 情况 "circumstances")
_DISCRETION = ("酌情", "视情况")


#: the words of a hedge phrase that say nothing of their own ("where", "to", "as far as")
_HEDGE_FRAME = frozenset("to where wherever whenever when if as far so much extent insofar in it is are be "
                         "at all the possible".split())


def _pair_glosses(zh: str) -> frozenset[str]:
    """Gloss lemmas of every word of the pair's Chinese (``qa.zh_glosses.word_glosses``)."""
    return frozenset(g for w, _s, _e in zh_words(zh) for g in word_glosses(w))


def _glossed(hit: EnHit, glosses: frozenset[str]) -> bool:
    """The hedge's own word glosses a word of the Chinese, or both are words of effort
    (:func:`_effort`): 着力构建 "to try really hard to build" rendered "strive to build", 必要
    "necessary" rendered "where necessary".  That word's
    English, not a softening of the order ("possible" is too common a gloss to tell)."""
    words = {lx.lemma(w) for w in re.findall(r"[a-z]+", hit.text.lower()) if w not in _HEDGE_FRAME}
    # an adverb says its adjective's gloss: "generally" is 普遍 "general", "usually" 通常 "usual"
    words |= {lx.lemma(w[:-2]) for w in words if w.endswith("ly") and len(w) > 5}
    return bool(words & glosses) or bool(words & _effort() and glosses & _effort())


@cache
def _effort() -> frozenset[str]:
    """The verbs of effort, one family: 着力 "to try really hard" is rendered "strive to" as well
    as "try to"; 努力 "to strive; to make an effort" by "endeavour to"."""
    return frozenset(lx.lemma(w) for w in "try strive effort endeavour endeavor attempt seek".split())


def _only_if(zh: str) -> frozenset[int]:
    """Offsets of the 能 / 能够 that end a condition (只有…才能 "only if … can"): its English
    is as often "must" on the condition ("to X, we must Y") as "can"."""
    return frozenset(m.end() for m in re.finditer("才", zh))


def _check_pair(pair: Pair, ctx: Context, cues: EnglishCues, neg_cues: EnglishCues,
                opts: ModalityOptions) -> list[Flag]:
    pc = document_clauses(ctx)[pair.id]
    only_if = _only_if(pair.zh)
    soft = _hedged(pair.zh)
    glosses = _pair_glosses(pair.zh)
    flags = []
    hardened = False
    for clause in pc.zh:
        own = _zh_classes(pair, clause.start, clause.end, opts.weak_cues)
        if not opts.weak_cues:
            own["weak_permission"] = []
        if not (own["obligation"] or own["permission"] or own["prohibition"]
                or own["encouragement"] or own["weak_permission"] or _strong_hedges(own["hedge"])):
            continue
        for scope in scopes(pc, clause, by_elimination=True):
            context = _zh_classes(pair, scope.zh_start, scope.zh_end, True)
            context["ordered"] = _ordered(pair.zh, context)
            en_text = pair.en[scope.en_start:scope.en_end]
            en: dict[str, list] = {"obligation": [], "permission": [], "prohibition": [],
                                   "encouragement": [], "hedge": []}
            for h in cues.find(en_text):
                if not _not_only(h, en_text):
                    en[h.label].append(h)
            # "need not", "not required to": the negation is the permission phrase's own
            en["negation"] = [n for n in english_negations(en_text, neg_cues, strict=True)
                              if not any(h.start <= n[0] < h.end for h in en["permission"])]
            found = _finding(own, context, en, en_text, only_if, soft, glosses)
            if found is None:
                continue
            cue, says, hit = found
            if cue.row.kind == "hedge":
                if hardened:
                    break  # one certainty word, one flag: the sentence's other hedges are not blamed again
                hardened = True
            strength = cue.row.extra[0] if cue.row.extra else "strong"
            major = scope.sentence and strength == "strong" and cue.row.kind != "hedge"
            s, e = hit.start + scope.en_start, hit.end + scope.en_start
            gloss = cue.row.extra[1] if len(cue.row.extra) > 1 else ""
            flags.append(MODALITY.flag(
                pair, f"The Chinese says {cue.row.cue} ({gloss}: {SAYS[cue.row.kind]}) but the "
                      f"English says '{hit.text}' ({SAYS[says]}): the modality has changed",
                zh_spans=[(cue.start, cue.end)], en_spans=[(s, e)],
                suggestion=_suggest(cue.row.kind, en_text),
                severity="major" if major else "minor"))
            break
    return flags


def _suggest(kind: str, en: str) -> str:
    if kind == "obligation":
        return f"Say it as an obligation ('must', 'shall', 'is required to') in '{quote(en)}'"
    if kind == "encouragement":
        return f"Say it as an encouragement ('encourage', 'support') in '{quote(en)}'"
    if kind == "prohibition":
        return f"Say it as a prohibition ('must not', 'is prohibited') in '{quote(en)}'"
    return f"Say it as a permission ('may', 'can') in '{quote(en)}'"


def check_modality(ctx: Context) -> list[Flag]:
    opts: ModalityOptions = ctx.options_of(MODALITY)
    cues = EnglishCues(cue_rows(TABLE))
    neg_cues = EnglishCues(cue_rows(NEGATORS))
    flags: list[Flag] = []
    judged = [p for p in ctx.pairs if p.zh.strip() and p.en.strip() and not p.heading]
    # clause links are read only for a clause with a modal cue: embed just those pairs' clauses
    document_clauses(ctx).prefetch(p for p in judged if _has_modal_cue(p, opts))
    for pair in judged:
        flags += _check_pair(pair, ctx, cues, neg_cues, opts)
    return flags


MODALITY = Check(id="modality", category="Accuracy/Mistranslation", severity="major",
                 description="An obligation (必须, 务必, 一律) rendered as a permission (may, can), "
                             "a permission (可以) or an encouragement (鼓励, 倡导) as an obligation, "
                             "or a prohibition (不得) as a permission",
                 run=check_modality, scope="document", options=ModalityOptions,
                 needs=frozenset({"embedder"}))
CHECKS = [MODALITY]
