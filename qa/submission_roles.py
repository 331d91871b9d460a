"""Who prepares a matter and who, receiving it, decides: 报B审批 and the party before it.

Official prose sends a matter up for a decision in one shape whatever the
first step is: 由A审核后报B批准 (A examines, B approves), 由A提出申请，报B审批
(A applies, B approves), A制定的方案须报B审核同意 (A drafts, B reviews and
approves).  B, after 报/报送/报请/提交/上报/呈报 and before a verb of deciding, is the
decider; A, after 由/经 or before a verb and 的, does the step before.  Fluent
English can give each step to the other party ("requested by B and submitted
to A for approval"), and that is what the `roles` check looks for here: B
read only as the one who does the first step and A only as the one who
decides.

The parties are read by their head nouns (单位, 部门, 局, 政府 …): a phrase
that names no body is no party of such a chain, and nothing is read.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from qa import lexicons as lx
from qa.actor_names import load_party_nouns
from qa.body_heads import GOVERNMENT_CHARS, PARTY_SUFFIXES
from qa.role_agency import BREAK_WORDS as _BREAK

_STOP = "，,。；;：:！!？?（）()“”\"《》"
#: the verbs of deciding after the party a matter is sent up to; those of 审核/审查 make it review too
_DECIDE_ZH = "审核同意|审查同意|审核批准|审批|批准|核准|审定|备案|决定|同意|审核|审查"
_REVIEW_ZH = ("审核", "审查", "审定")
#: 报 and its compounds pass the matter up
_SUBMIT = re.compile(rf"(?:报送|报请|提交|上报|呈报|报)(?P<b>[^{_STOP}报]{{2,20}}?)(?P<d>{_DECIDE_ZH})")
#: the party that takes the first step: 由A …, before the matter goes up; 经A only before a verb of
#: examining (经 opens 经济, 经营 and 经过 as often)
_BY = re.compile(rf"由(?P<a>[^{_STOP}由报]{{2,24}})|经(?P<e>[^{_STOP}经报]{{2,20}}?)(?=审核|审查|初审|审定|研究|同意)")
#: A V的 (省级医保部门制定的方案): the party that made what goes up
_MADE_BY = re.compile(rf"(?P<a>[^{_STOP}的]{{2,24}}?)(?:制定|编制|拟定|起草|提出|制订|形成|作出|做出|提交)的")

#: English verbs of deciding, of examining, and of passing a matter up
DECIDE = "approve ratify authorize authorise endorse sanction decide"
EXAMINE = "review examine vet audit check screen verify assess scrutinize scrutinise inspect evaluate"
PASS_UP = "submit report send refer forward escalate transmit"


@lru_cache(maxsize=4)
def _verbs(words: str) -> frozenset[str]:
    """``words`` as ``verb_lemma`` spells them ('approve' → 'approv'), so an inflected form meets its verb."""
    from qa.english_verb_forms import verb_lemma

    return frozenset(verb_lemma(w) for w in words.split())
#: words between a party and its verb ("B shall submit")
_AUX = frozenset("shall should must will may can would also first then further".split())
#: particles after a participle before "by" ("drawn up by", "applied for by")
_PARTICLES = frozenset("up out forward together for".split())


@dataclass(frozen=True)
class Submission:
    """One chain: ``first`` takes the first step, ``decider`` receives the matter and decides."""

    first: str
    decider: str
    first_span: tuple[int, int]
    decider_span: tuple[int, int]
    reviews: bool  # the decider's verb includes reviewing (报B审核同意): "reviewed by B" is its step too


@lru_cache(maxsize=1)
def party_ends() -> tuple[str, ...]:
    return tuple(n for n, _ in load_party_nouns()) + tuple(GOVERNMENT_CHARS) + PARTY_SUFFIXES


def party_name(text: str) -> bool:
    """Whether ``text`` ends in a body's head noun (单位, 部门, 局, 政府 …): it names a body."""
    return text.endswith(party_ends())


def party_prefix(text: str, cuts: Sequence[int] | None = None,
                 named: Callable[[str], bool] = party_name) -> str:
    """The shortest start of ``text`` that ends in a body's head noun and is followed by no more of
    its name within three characters (项目承担单位 of 项目承担单位提出申请; 国家医保局 of 国家医保局审核),
    or ''.  ``cuts``: the lengths a start may have (default every length from 2: a caller reading
    jieba's words passes their ends, so that 县人武部委托 gives 县人武部, not 县人武部委); ``named``: what
    counts as a head noun (default :func:`party_name`)."""
    cuts = range(2, len(text) + 1) if cuts is None else cuts
    for n in cuts:
        if n >= 2 and named(text[:n]) and not any(named(text[:m]) for m in cuts if n < m <= n + 3):
            return text[:n]
    return ""


def party_suffix(text: str) -> str:
    """The body named at the end of ``text``: from the last point after which it is one name (省级医保部门
    of 省级医保部门); the longest tail that ends in a head noun and opens with no verb or particle."""
    if not text.endswith(party_ends()):
        return ""
    cut = max(text.rfind(c) for c in "的是在对向与和及或由经将把")
    return text[cut + 1:] if len(text) - cut - 1 >= 2 else ""


def _inside_word(zh: str, b: int) -> bool:
    """Whether the 报 before ``b`` makes a word with the next character that the party does not
    open (报告经…审核: 报告 "report"; but 报国家医保局: 国家 is a word of the party's own)."""
    cd = lx.cedict()
    return zh[b - 1] == "报" and zh[b - 1:b + 1] in cd and zh[b:b + 2] not in cd


def parse_submissions(zh: str) -> list[Submission]:
    """Every 报B审批 chain of ``zh`` with the party of the step before it, each a named body."""
    out = []
    for m in _SUBMIT.finditer(zh):
        b = party_prefix(m.group("b"))
        if len(b) < 2 or b != m.group("b") or _inside_word(zh, m.start("b")):
            continue  # B must run to the verb of deciding and follow 报 as a word of its own
        sentence_start = max(zh.rfind(c, 0, m.start()) for c in "。；;！!？?") + 1
        before = zh[sentence_start:m.start()]
        a, at = "", -1
        for by in _BY.finditer(before):
            side = "a" if by.group("a") else "e"
            a, at = party_prefix(by.group(side)), sentence_start + by.start(side)
        if not a:
            made = _MADE_BY.search(before)
            if made is not None:
                a = party_suffix(made.group("a"))
                at = sentence_start + made.end("a") - len(a)
        if len(a) < 2 or a == b or a in b or b in a:
            continue
        reviews = m.group("d").startswith(_REVIEW_ZH)
        out.append(Submission(a, b, (at, at + len(a)), (m.start("b"), m.start("b") + len(b)), reviews))
    return out


def step_of(tokens: list[lx.Token], k: int, en: str) -> str | None:
    """The step the English gives the party whose phrase starts at token ``k``.

    "decide": it receives the matter ("submitted to X", "sent to X for approval") or is the
    by-agent of a deciding verb ("approved by X"); "examine": the by-agent of an examining verb
    ("reviewed by X"); "first": the by-agent of any other participle ("drawn up by X", "requested
    by X", "submitted by X") or the subject of a verb of passing up ("X shall submit").
    """
    from qa.english_verb_forms import is_past_participle, verb_lemma

    j = k - 1  # back over the modifiers of the party's phrase ("to the parent group", "by the National
    # Healthcare Security Administration": a capitalised name counts as one word)
    named = 0
    while j >= 0 and tokens[j].text.lower() not in ("by", "to") and k - j - named <= 3 \
            and tokens[j].text.lower() not in _BREAK:
        named += tokens[j].text[:1].isupper() and j + 1 < k
        j -= 1
    if j >= 1 and tokens[j].text.lower() in ("by", "to") and not any(c in ",;:" for c in en[tokens[j].end:tokens[k].start]):
        prep, v = tokens[j].text.lower(), j - 1
        if prep == "by" and tokens[v].text.lower() in _PARTICLES and v >= 1:
            v -= 1
        verb = verb_lemma(tokens[v].text.lower())
        if prep == "by" and verb in _verbs(EXAMINE):
            return "examine"
        if prep == "by" and verb in _verbs(DECIDE):
            return "decide"
        if prep == "by" and (is_past_participle(tokens[v].text.lower()) or tokens[v].text.lower().endswith("ed")):
            return "first"  # (-ed before "by": a participle, whether or not the verb list knows it: "applied")
        if prep == "to" and any(verb_lemma(tokens[i].text.lower()) in _verbs(PASS_UP) for i in range(max(0, j - 4), j)):
            return "decide"
        return None
    e = k
    while e + 1 < len(tokens) and tokens[e + 1].text[:1].isupper() and not any(c in ",;:" for c in en[tokens[e].end:tokens[e + 1].start]):
        e += 1  # the rest of a capitalised name
    n = e + 1
    while n < len(tokens) and tokens[n].text.lower() in _AUX:
        n += 1
    if n < len(tokens) and not is_past_participle(tokens[n].text.lower()) and verb_lemma(tokens[n].text.lower()) in _verbs(PASS_UP) \
            and not any(c in ",;:" for c in en[tokens[k].end:tokens[n].start]):
        return "first"
    return None


def swapped(decider_steps: set[str], first_steps: set[str], reviews: bool) -> bool:
    """Whether the English gives the decider only the first step and the first party only the
    decision ("reviewed by" is the decider's own step when its Chinese verb reviews: 报B审核同意)."""
    first_like = {"first"} | (set() if reviews else {"examine"})
    return bool(decider_steps) and decider_steps <= first_like and first_steps == {"decide"}

