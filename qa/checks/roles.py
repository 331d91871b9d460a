"""roles: who leads and who assists must not swap places in the English.

由财政部牵头、各部门配合 makes the Ministry of Finance the leader and the
departments the helpers; "led by all departments with the support of the
Ministry of Finance" says the opposite, fluently.  The check parses the
Chinese constructions 由A牵头/主导/负责/组织、B配合/参与/协助 (also without
由), 由A主办、B承办 (its own markers: "hosted by A", "organized by B"), A会同B ("B will work
with A" gives B the lead there), A指导B and 在A的领导/指导下，B… (or B在A指导下V), finds A and B
in the English by the CC-CEDICT glosses of their words (each by the words the other does not
share), and reads the role
each is given from the English markers in ``qa/data/role_markers.tsv`` ("led
by", "with the support of" …).  It flags only when A sits in the supporting
role and B in the leading one; when either actor or either role cannot be
found it stays silent.  The pivot construction 鼓励A构建…带动B / 鼓励A…为B提供
is read the same way: the party after "encourage" in the English must be A,
not B; and in A要V1，B要V2 the English must not give V1 to B and V2 to A.
Who prepares a matter and who decides it (由A提出申请，报B审批; A制定的方案报B审核同意) is read by
``qa/submission_roles.py``.  Who acts on whom in 以A带动B, A助力/保障B, 为B提供 and 鼓励A对B帮扶 is read by
``qa/role_agency.py`` (agent as the object, beneficiary after "by"/"from" or
as the subject of the verb); the general reader of ``qa/argument_roles.py``
covers every causative (A使B), coverb (A为/向/对B V) and transitive verb
(A带动/培育/帮助B) whose two parties the English exchanges; ``qa/clause_subjects.py`` any clause
that opens with its acting party (A约谈B, A对B开展培训) whose English makes B the subject.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from align.errors import InputError
from align.model import Pair
from align.script import HAN_CLASS
from align.zh_words import pos_words
from qa import lexicons as lx
from qa.actor_names import actor_lemmas
from qa.admin_levels import load_levels
from qa.argument_roles import (
    BEFORE_VERB,
    DETERMINERS,
    find_argument_swaps,
    is_determined,
    is_noun,
)
from qa.checks.fragments import is_verb_form
from qa.clause_subjects import find_subject_swaps
from qa.data_table import data_lines
from qa.model import Check, Context, Flag
from qa.role_agency import BREAK_WORDS as _BREAK
from qa.role_agency import Swap, find_swaps, gloss_lemmas
from qa.submission_roles import (
    parse_submissions,
    party_name,
    party_suffix,
    step_of,
    swapped,
)

MARKERS_PATH = lx.DATA_DIR / "role_markers.tsv"
_STOP = "，,。；;：:！!？?（）()“”\"《》"
#: 主办 hosts and 协办 co-organizes: the same two roles in the language of events
#: 指挥 commands and 统筹 coordinates (由A统一指挥，B协助): the lead of an operation or of a plan
_LEAD_VERBS = "牵头|主导|负责|组织|领导|引领|主办|指挥|统筹"
_SUPPORT_VERBS = "配合|参与|协助|协同|支持|支撑|协办|承办"
#: 由A牵头、B配合 / A牵头，B配合: A is everything back to 由 or the clause start
#: B may be an enumeration (国家发展改革委、财政部等部门配合): each listed party assists
_LEADS = re.compile(rf"(?:由)?(?P<a>[^{_STOP}、由]{{2,20}}?)(?:{_LEAD_VERBS})[^{_STOP}、]{{0,4}}?[，,、]"
                    rf"(?P<b>[^{_STOP}]{{2,40}}?)(?:{_SUPPORT_VERBS})")
#: the class noun that closes an enumeration of parties (财政部等部门: "and other departments")
_ETC = re.compile(r"等[^、等]{0,4}$")
#: A会同B… / A指导B…: B runs to the next verb
#: further supporters after the first: 国有企业牵头、龙头企业支撑、科研机构和高校深度参与
_MORE = re.compile(rf"[、，,](?P<b>[^{_STOP}、]{{2,20}}?)(?:{_SUPPORT_VERBS})")
_WITH = re.compile(rf"(?P<a>[^{_STOP}、由在]{{2,20}}?)(?P<verb>会同|指导)(?P<b>[^{_STOP}]{{2,24}})")
_ADVERB_FLAGS = ("d", "ad", "a", "c", "p", "u")
#: an enumeration of parties each with its own two-character role, the first of them leading:
#: 政府主导、企业自治、行业自律 / 党委领导、政府负责、社会协同 (the other roles need not be support verbs)
_LEAD_LIST = re.compile(rf"(?P<a>[^{_STOP}、由]{{2,20}}?)(?:{_LEAD_VERBS})、"
                        rf"(?P<b>[^{_STOP}、]{{2,10}}?)(?P<v>[{HAN_CLASS}]{{2}})(?=[、，,的])")
_LIST_MORE = re.compile(rf"、(?P<b>[^{_STOP}、]{{2,10}}?)(?P<v>[{HAN_CLASS}]{{2}})(?=[、，,的])")


@dataclass(frozen=True)
class Marker:
    role: str  # "lead" | "support"
    before: bool  # the phrase precedes its actor ("led by X")
    lemmas: tuple[str, ...]
    aside: bool = False  # it follows its actor after a comma ("X, working with Y, …")


@dataclass(frozen=True)
class Roles:
    """One parsed construction: ``lead`` leads, ``support`` assists (spans into the Chinese)."""

    lead: str
    support: str
    lead_span: tuple[int, int]
    support_span: tuple[int, int]


@lru_cache(maxsize=4)
def _read_markers(path: Path) -> tuple[tuple[str, Marker], ...]:
    """(role as the table names it, marker) per row of ``role<TAB>before|after|aside<TAB>phrase``."""
    out = []
    for n, line in data_lines(path, "role-marker"):
        cols = line.split("\t")
        if len(cols) != 3 or cols[0] not in _TABLE_ROLES or cols[1] not in ("before", "after", "aside"):
            raise InputError(f"role-marker table line {n}: expected "
                             f"'{'|'.join(_TABLE_ROLES)}<TAB>before|after|aside<TAB>phrase'")
        role = _TABLE_ROLES[cols[0]]
        out.append((cols[0], Marker(role, cols[1] == "before", tuple(t.lemma for t in lx.tokenize_en(cols[2])),
                                    aside=cols[1] == "aside")))
    return tuple(out)


#: the table's roles: who leads and who assists, and at an event who hosts (主办, the lead) and who
#: undertakes its running (承办, the supporting role)
_TABLE_ROLES = {"lead": "lead", "support": "support", "host": "lead", "undertake": "support"}


@lru_cache(maxsize=4)
def load_markers(path: Path = MARKERS_PATH) -> tuple[Marker, ...]:
    """The markers of who leads and who assists (the table's ``lead`` and ``support`` rows)."""
    return tuple(m for kind, m in _read_markers(path) if kind in ("lead", "support"))


@lru_cache(maxsize=4)
def load_event_markers(path: Path = MARKERS_PATH) -> tuple[Marker, ...]:
    """The markers of 由A主办、B承办 (the ``host`` and ``undertake`` rows, as lead and support): there
    "organized by" names the body that runs the event, not the one that leads it."""
    return tuple(m for kind, m in _read_markers(path) if kind in ("host", "undertake"))


def parse_lead_lists(zh: str) -> list[Roles]:
    """A主导、B自治…: A leads, B has a role of its own that is no lead (``support`` is B).

    Only what _LEADS does not read (B's verb no support verb), and only in an
    enumeration (、), where each party's role is its own.
    """
    out = []
    for m in _LEAD_LIST.finditer(zh):
        a = _trailing_actor(m.group("a"))
        a_start = m.end("a") - len(a)
        parties, end = [m], m.end()
        while (more := _LIST_MORE.match(zh, end)) is not None:
            parties.append(more)
            end = more.end()
        for p in parties:
            if re.fullmatch(_SUPPORT_VERBS + "|" + _LEAD_VERBS, p.group("v")):
                continue
            b = _noun_phrase(p.group("b"), from_end=True)
            if len(a) >= 2 and len(b) >= 2 and a != b:
                out.append(Roles(a, b, (a_start, m.end("a")), (p.start("b"), p.start("b") + len(b))))
    return out


#: 在A的领导/指导/带领下，B…: A leads, B (the clause's subject) acts under it
#: 受A(的)委托，B…: A commissions, B (the clause's subject) acts for it, as under A's lead
#: a word may name the kind of lead between 的 and the verb (在A的统一领导下, 在A的业务指导下)
_UNDER = re.compile(rf"(?:在(?P<a>[^{_STOP}、在]{{2,20}}?)(?:的[{HAN_CLASS}]{{0,2}}?)?(?:领导|指导|带领|引领|主导|组织|主持|统筹|指挥)下|"
                    rf"受(?P<c>[^{_STOP}、受]{{2,20}}?)的?(?:委托|委派|指派))[，,]?(?P<b>[^{_STOP}、]{{2,24}})")
#: jieba tags that end the subject after 在A的领导下 (a verb, adverb, adjective, preposition …)
_SUBJECT_END = ("v", "d", "a", "p", "u", "c", "x", "f", "t", "m")


def parse_under(zh: str) -> list[Roles]:
    """在A的领导下，B V…: A leads (the one named in "under the leadership of"), B acts under it;
    受A委托，B V…: A commissions (the one named in "commissioned by"), B acts for it.

    B is the noun words that open the main clause (各市县 of 各市县扎实推进; a place word may open
    them: 沿江各省水利厅), or, when the 在… phrase follows its subject with no comma (各市文化馆在省
    文化和旅游厅指导下组织…), the noun words that end the text before 在; nothing is read when the
    clause opens with something else (在A的领导下，经过努力 …), unless the 在… phrase follows its
    subject (B在A的指导下，对C实施监管: B).
    """
    out = []
    for m in _UNDER.finditer(zh):
        side = "a" if m.group("a") else "c"
        a = m.group(side)
        b, b_start = "", m.start("b")
        if zh[m.end(side):m.start("b")].endswith(("，", ",")) or side == "c" or not _subject_before_under(zh, m):
            b = _clause_subject(m.group("b"))
        if not b and _subject_before_under(zh, m):
            # B在A的指导下，对C实施监管: the clause after the comma opens with no subject of its own
            b = _subject_before_under(zh, m)
            b_start = m.start() - len(b)
        if len(a) >= 2 and len(b) >= 2 and a != b:
            out.append(Roles(a, b, m.span(side), (b_start, b_start + len(b))))
    return out


def _clause_subject(text: str) -> str:
    """The noun words that open ``text`` (a place word such as 沿江 may stand first; 由 may open
    them: 在A指导下，由B组织实施 names B the doer)."""
    kept: list[str] = []
    words = pos_words(text)
    if words and words[0][0] == "由":
        words = words[1:]
    for word, flag in words:
        if flag == "f" and not kept and len(word) >= 2:
            kept.append(word)  # 沿江各省: "the provinces along the river"
            continue
        if flag.startswith(_SUBJECT_END) and flag != "vn" or (flag == "r" and word[0] not in DETERMINERS):
            break
        kept.append(word)
    return "".join(kept) if len(kept) > 1 or (kept and pos_words(kept[0])[0][1] != "f") else ""


def _subject_before_under(zh: str, m: re.Match[str]) -> str:
    """The party right before 在 in B在A的指导下V (no punctuation between): B, the clause's subject."""
    if m.group("a") is None or m.start() == 0 or zh[m.start() - 1] in _STOP:
        return ""
    start = max(zh.rfind(c, 0, m.start()) for c in _STOP + "、") + 1
    return _trailing_actor(zh[start:m.start()])


def _noun_phrase(text: str, from_end: bool) -> str:
    """The actor in ``text``: adverbs and particles trimmed at the verb side (各部门积极 → 各部门).

    For B after 会同/指导 the phrase is read forward and stops at the first verb.
    """
    words = pos_words(text)
    if from_end:
        while words and words[-1][1].startswith(_ADVERB_FLAGS):
            words.pop()
        return "".join(w for w, _ in words)
    kept = []
    for n, (w, f) in enumerate(words):
        if (f.startswith(("v", "d", "p", "u", "c", "x")) and f != "vn" or w in BEFORE_VERB
                or f == "l" and _verb_first(w)) and kept:
            break  # 依法查处 (jieba: an idiom "l") opens the verb phrase as a verb does
        if kept and f == "vn" and n + 1 < len(words) and words[n + 1][1] == "v":
            break  # 财政部研究制定: a verbal noun before a verb opens the verb phrase (研究制定 "study and draw up")
        kept.append(w)
    return "".join(kept)


def _verb_first(word: str) -> bool:
    """Whether ``word`` opens with a verb or an adverb of manner by one of its first three CC-CEDICT
    senses (依法查处: 依法 "according to law")."""
    head = lx.cedict().segment(word)[0]
    glosses = lx.cedict().glosses(head)
    return any(g.startswith(("to ", "according to", "in accordance")) for g in glosses[:3])


def _leading_verbs(text: str) -> int:
    """How many characters of verbs (加快建立) stand before the actor in ``text``."""
    cut = 0
    words = pos_words(text)
    for k, (w, f) in enumerate(words[:-1]):
        if not f.startswith(("v", "d", "p", "c", "u")) or f == "vn":
            break
        cut += len(w)
    return cut


def _enumerated(text: str) -> list[str] | None:
    """The parties of B in 由A牵头，B配合: one, or each of an enumeration (国家发展改革委、财政部等部门
    → 国家发展改革委, 财政部).  None when an item is no noun phrase: 党委领导、政府负责、社会协同 gives
    each party a role of its own (``parse_lead_lists``), not one supporting role."""
    if "、" not in text:
        return [text]
    items = text.split("、")
    items[-1] = _ETC.sub("", items[-1])
    return items if all(_names_party(item) for item in items) else None


def _shared_head(text: str) -> str:
    """The head noun an enumeration's 等 gives every item (市场监管、税务、人社等部门 → 部门), or ""."""
    if "、" not in text:
        return ""
    m = _ETC.search(text)
    tail = m.group()[1:] if m else ""
    return tail if tail and party_name(tail) else ""


def _names_party(text: str) -> bool:
    """Whether ``text`` is a noun phrase alone: no verb, adverb or preposition (国家发展改革委 is
    国家/n 发展/vn 改革/vn 委; 完善跨境电商 opens with a verb).  A word jieba tags a verb whose
    CC-CEDICT senses are a noun's is a noun (人民银行省分行: 分行 "branch of bank"), and so is an
    adjective inside a body's name (市卫生健康委: jieba tags 卫生 and 健康 adjectives)."""
    words = pos_words(text)
    return bool(words) and not any(f.startswith(("v", "d", "p", "a")) and f != "vn" and not is_noun(f, w)
                                   and not (f.startswith("a") and party_name(text)) for w, f in words)


def _without_manner(a: str) -> str:
    """``a`` less a two-character word of manner after the body it names (应急管理部门统一 of
    由应急管理部门统一指挥: "in a unified way"; jieba tags such words nouns as often as adverbs, so
    the body's head noun tells where the name ends)."""
    return a[:-2] if not party_name(a) and len(a) > 4 and party_name(a[:-2]) else a


def parse_roles(zh: str) -> list[Roles]:
    """Every lead/support construction in ``zh`` with its two actors."""
    out: list[Roles] = []
    for m in _LEADS.finditer(zh):
        a_start = m.start("a") + _leading_verbs(m.group("a"))
        a = _without_manner(zh[a_start:m.end("a")])
        if len(a) < 2:
            continue
        leads = _co_leads(a, a_start)
        listed = _enumerated(m.group("b"))
        if listed is None:
            continue
        at, supporters = m.start("b"), listed
        end = m.end()
        while (more := _MORE.match(zh, end)) is not None and (len(listed) == 1 or _names_party(more.group("b"))):
            supporters.append(more.group("b"))
            end = more.end()
        starts = [m.start("b")] + [0] * (len(supporters) - 1)
        pos = m.start("b") + len(supporters[0])
        for k in range(1, len(supporters)):
            starts[k] = zh.index(supporters[k], pos)
            pos = starts[k] + len(supporters[k])
        head = _shared_head(m.group("b"))
        for at, raw in zip(starts, supporters):
            b = _noun_phrase(raw, from_end=True)
            if len(b) >= 2:
                # the enumeration's shared head (市场监管、税务等部门) is each item's: "market regulation,
                # taxation and other departments" names them with it, and the lead's name holds it too
                name = b + head if head and not party_name(b) else b
                out.extend(Roles(lead, name, (start, start + len(lead)), (at, at + len(b))) for lead, start in leads)
    for m in _WITH.finditer(zh):
        b = _noun_phrase(m.group("b"), from_end=False)
        if len(b) >= 2:
            out.append(Roles(m.group("a"), b, m.span("a"), (m.start("b"), m.start("b") + len(b))))
    return out


#: adverbs of a joint lead (A和B共同主办): "together", not a word of the parties
_JOINTLY = re.compile(r"(?:共同|联合|一起|一道)$")
#: the words that join two bodies of one lead (工业和信息化部和江苏省人民政府)
_AND = re.compile(r"[和与及、]")


def _co_leads(a: str, start: int) -> list[tuple[str, int]]:
    """The leading parties in ``a`` with their offsets: each body of a coordination that leads
    together (工业和信息化部和江苏省人民政府共同主办 → 工业和信息化部, 江苏省人民政府), so the English can
    be read party by party; ``a`` whole when it is no such coordination (a 和 inside one body's name,
    工业和信息化部, joins no two bodies: each piece must end in a body's head noun)."""
    a = _JOINTLY.sub("", a)
    cuts = [m.start() for m in _AND.finditer(a) if party_name(a[:m.start()]) and party_name(a[m.end():])]
    if not cuts:
        return [(a, start)]
    pieces, last = [], 0
    for c in cuts:
        if party_name(a[last:c]):
            pieces.append((a[last:c], start + last))
            last = c + 1
    pieces.append((a[last:], start + last))
    return pieces if all(len(p) >= 2 and party_name(p) for p, _ in pieces) else [(a, start)]


#: A依法查处…时，B应当予以协助: the party of the clause of time is the one B assists
_ASSIST = re.compile(rf"(?P<a>[^{_STOP}]{{4,40}}?)时[，,](?P<b>[^{_STOP}]{{2,20}}?)"
                     r"(?:应当|应|要|须|必须|将|会|也)?(?:积极)?(?:予以|给予|提供)?(?:协助|配合)(?![^，,。；;]*?的)")


def parse_assists(zh: str) -> list[Roles]:
    """A…时，B予以协助/配合 constructions: ``lead`` is A, the subject of the clause of time, whom B
    (the subject of the main clause) assists."""
    out = []
    for m in _ASSIST.finditer(zh):
        a = _noun_phrase(m.group("a"), from_end=False)
        b = _trailing_actor(m.group("b"))
        if len(a) >= 2 and len(b) >= 2 and a != b and not (set(a) >= set(b) or set(b) >= set(a)):
            b_start = m.end("b") - len(b)
            out.append(Roles(a, b, (m.start("a"), m.start("a") + len(a)), (b_start, m.end("b"))))
    return out


def _assist_flags(pair: Pair, tokens: list[lx.Token], markers: tuple[Marker, ...]) -> list[Flag]:
    """The English makes the assisted party the one who assists ("When the police investigate …,
    the IP authorities shall provide assistance" for 知识产权管理部门查处…时，公安机关予以协助): A has
    the supporting role, B none."""
    flags = []
    for r in parse_assists(pair.zh):
        if (found := _both_found(tokens, r)) is None:
            continue
        lead_at, support_at = found
        lead_roles, lk = _roles_of(tokens, lead_at, markers, pair.en)
        support_roles, _ = _roles_of(tokens, support_at, markers, pair.en)
        if lead_roles != {"support"} or support_roles:
            continue
        lead_en = _span(tokens, lead_at, lk)
        flags.append(ROLES.flag(
            pair, f"The Chinese has {r.support} assisting {r.lead}; the English makes "
                  f"'{pair.en[slice(*lead_en)]}' the one who assists",
            zh_spans=(r.lead_span, r.support_span), en_spans=(lead_en,),
            suggestion=f"Make {r.support} the party that assists and {r.lead} the one assisted"))
    return flags


def _chain_flags(pair: Pair, tokens: list[lx.Token]) -> list[Flag]:
    """The English has the deciding body take the first step and the other body decide ("reviewed by
    SASAC and then submitted to the parent group for approval" for 由集团公司审核后报国资委批准;
    "requested by B and submitted to A for approval" for 由A提出申请，报B审批): qa/submission_roles.py."""
    flags = []
    for s in parse_submissions(pair.zh):
        r = Roles(s.decider, s.first, s.decider_span, s.first_span)
        if (found := _both_found(tokens, r)) is None:
            continue
        d_at, f_at = found  # the decider's words, the first party's
        d_steps = {k: st for k in d_at if (st := step_of(tokens, _run_head(d_at, k), pair.en))}
        f_steps = {k: st for k in f_at if (st := step_of(tokens, _run_head(f_at, k), pair.en))}
        if not swapped(set(d_steps.values()), set(f_steps.values()), s.reviews):
            # the matter goes up after the first step, so the chain is an order too (先经A审核，再报B审批)
            if (order := _order_swapped(tokens, d_at, f_at)) is not None:
                flags.append(_order_flag(pair, tokens, s, d_at, f_at, order))
            continue
        d_en, f_en = _span(tokens, d_at, min(d_steps)), _span(tokens, f_at, min(f_steps))
        flags.append(ROLES.flag(
            pair, f"The Chinese has {s.first} act first and send the matter up to {s.decider}, who decides; "
                  f"the English has '{pair.en[slice(*d_en)]}' act first and '{pair.en[slice(*f_en)]}' decide",
            zh_spans=tuple(sorted((s.decider_span, s.first_span))), en_spans=tuple(sorted((d_en, f_en))),
            suggestion=f"Keep the order of the steps: {s.first} first, then submitted to {s.decider} for its decision"))
    return flags


#: the English words that open the later of two steps ("first reviewed by A and then approved by B")
_THEN_EN = frozenset({"then", "subsequently", "afterwards", "thereafter"})


def _order_swapped(tokens: list[lx.Token], d_at: list[int], f_at: list[int]) -> int | None:
    """Where "then" stands when the English names the deciding party only before it and the party of
    the first step only after it, in one sentence (先经A审核同意，再报B审批 as "first be reviewed by B
    and then obtain approval from A"), else None: the chain is an order (the matter goes up to B
    after A's step), and "then" says the order in the English, whatever verbs each step has."""
    thens = [k for k, t in enumerate(tokens) if t.text.lower() in _THEN_EN]
    if len(thens) != 1:
        return None
    t = thens[0]
    span = range(min(d_at + f_at), max(d_at + f_at) + 1)
    if any(tokens[k].text in (".", "!", "?", ";") for k in span):
        return None
    return t if max(d_at) < t < min(f_at) else None


def _order_flag(pair: Pair, tokens: list[lx.Token], s, d_at: list[int], f_at: list[int], then: int) -> Flag:
    d_en, f_en = _span(tokens, d_at, min(d_at)), _span(tokens, f_at, min(f_at))
    return ROLES.flag(
        pair, f"The Chinese has {s.first} act first and {s.decider} after it; the English puts "
              f"'{pair.en[slice(*d_en)]}' before '{tokens[then].text}' and '{pair.en[slice(*f_en)]}' after it",
        zh_spans=tuple(sorted((s.decider_span, s.first_span))), en_spans=tuple(sorted((d_en, f_en))),
        suggestion=f"Keep the order of the steps: {s.first} first, then {s.decider}")


def _run_head(at: list[int], k: int) -> int:
    """The first token of the run of actor words that holds ``k``."""
    while k - 1 in at:
        k -= 1
    return k


def _both_found(tokens: list[lx.Token], r: Roles) -> tuple[list[int], list[int]] | None:
    """The English words of ``r.lead`` and of ``r.support`` (each by what the other lacks), or None
    when either is not found."""
    lead_at, support_at = _party_mentions(tokens, actor_lemmas(r.lead), actor_lemmas(r.support))
    return (lead_at, support_at) if lead_at and support_at else None


def _party_mentions(tokens: list[lx.Token], a: frozenset[str], b: frozenset[str]) -> tuple[list[int], list[int]]:
    """The English words of two parties (``_mentions``), each word that closes the other party's name
    given to that name: in "the Emergency Management Bureau" the head "Bureau" is a word of 局 in
    市气象局 too, but it ends the name that "Emergency Management" opens."""
    a_at, b_at = _mentions(tokens, a, b), _mentions(tokens, b, a)
    return _own_run(a_at, b_at, tokens), _own_run(b_at, a_at, tokens)


def _modifies_name_of(tokens: list[lx.Token], k: int, mine: list[int], theirs: list[int]) -> bool:
    """Whether the word at ``k`` opens a phrase whose "of" names the other party: "the local offices
    of the National Financial Regulatory Administration" are that administration's, whatever
    'local' glosses (a noun or two after the word, "of", an article, then a capitalised name holding
    a word of ``theirs`` and none of ``mine``)."""
    j = k + 1
    while j < len(tokens) and j - k <= 2 and tokens[j].text.isalpha() and tokens[j].text.lower() != "of" \
            and tokens[j].text.lower() not in lx.STOPWORDS:
        j += 1
    if j >= len(tokens) or tokens[j].text.lower() != "of":
        return False
    j += 1 + (j + 1 < len(tokens) and tokens[j + 1].text.lower() in ("the", "a"))
    name = j
    while name < len(tokens) and name - j < 8 and (tokens[name].text[:1].isupper() or tokens[name].text.lower()
                                                   in _NAME_LINKS):
        if name in mine:
            return False
        if name in theirs:
            return True
        name += 1
    return False


def _own_run(mine: list[int], theirs: list[int], tokens: list[lx.Token] | None = None) -> list[int]:
    """``mine`` less the lone words that continue a run of ``theirs`` (kept when nothing else is left):
    right after it, or two words after it with a word of neither between ("local financial regulatory
    authorities": 'regulatory' glosses 监督管理 of the other body, 'financial' both, but the phrase is
    the one 'local' opens)."""
    def continues(k: int) -> bool:
        if tokens is not None and _modifies_name_of(tokens, k, mine, theirs):
            return True
        if k + 1 in mine:
            return False
        if k - 1 in theirs and k - 1 not in mine:
            return True
        return tokens is not None and k - 2 in theirs and k - 1 not in mine and k - 1 not in theirs \
            and tokens[k - 1].text.isalpha() and tokens[k - 1].text.lower() not in lx.STOPWORDS \
            and tokens[k].start - tokens[k - 2].end <= len(tokens[k - 1].text) + 2  # no punctuation between
    kept = [k for k in mine if not continues(k)]
    return kept or mine


def _mentions(tokens: list[lx.Token], own: frozenset[str], other: frozenset[str]) -> list[int]:
    """Token indexes rendering an actor.

    By gloss words the other actor lacks; only when there are none, by a shared
    one ('department' glosses both 商务部 and 部门) away from the other actor's
    own words.
    """
    words = [_parts(t) for t in tokens]
    mine = [k for k, ws in enumerate(words) if ws & (own - other)]
    if mine:
        return mine
    theirs = [k for k, ws in enumerate(words) if ws & (other - own)]
    return [k for k, ws in enumerate(words) if ws & own and not any(abs(k - j) <= 2 for j in theirs)]


def _parts(t: lx.Token) -> frozenset[str]:
    """The lemmas a token says: its own, and each part's of a hyphenated one ("county-level" names
    a county body as "county" does; "township-level" a township one)."""
    if t.text.lower() in lx.STOPWORDS:
        return frozenset()
    if "-" not in t.text:
        return frozenset({t.lemma})
    return frozenset({t.lemma} | {lx.lemma(p) for p in t.text.lower().split("-") if p and p not in lx.STOPWORDS})


def _role_at(tokens: list[lx.Token], k: int, markers: tuple[Marker, ...], en: str = "") -> str | None:
    """The role a marker gives the actor word at token ``k`` ("led by the Ministry of Finance").

    A marker before its actor governs the phrase it opens, not the clause after a comma: in
    "Under the leadership of the districts, the municipal Party committee …" the committee is
    the subject, not led (``en``, the text, shows the punctuation)."""
    lemmas = [t.lemma for t in tokens]
    found = None
    first = _names_start(tokens, k, en)
    for m in markers:
        n = len(m.lemmas)
        if m.before:  # marker ends at most 4 tokens before the actor word: "led by all the relevant departments"
            # (or before the names that lead to it: "co-hosted by the Ministry of Commerce and the Nanjing …")
            starts = range(max(0, first - 4 - n - _MARKER_ADJECTIVES), k - n + 1)
        else:  # marker starts at most 3 tokens after its name: "the Ministry of Finance will take the lead"
            e = _name_end(tokens, k, en)
            starts = [*range(e + 1, min(len(tokens) - n, e + 3) + 1), *_list_close(tokens, e, en)]
        for s in starts:
            n = _marker_length(tokens, lemmas, s, m.lemmas, en)
            if n and (not m.before or first - 4 <= s + n <= k):
                if m.before and en and any(c in ",;:" for c in en[tokens[s + n - 1].end:tokens[k].start]):
                    continue
                if m.aside and "," not in en[tokens[k].end:tokens[s].start]:
                    continue  # "B will work with A" is no aside: only "A, working with B," gives A the lead
                if found and found != m.role:
                    return None  # both roles nearby: no evidence either way
                found = m.role
    return found


#: adjectives a marker's noun may take after its article ("under the unified command of", "with the
#: strong support of", "under the professional guidance of"): at most this many
_MARKER_ADJECTIVES = 2
_ARTICLES = frozenset({"the", "a", "an"})


def _marker_length(tokens: list[lx.Token], lemmas: list[str], s: int, marker: tuple[str, ...], en: str) -> int:
    """How many tokens the marker spans from token ``s``, or 0 when it does not stand there; up to
    ``_MARKER_ADJECTIVES`` words (no stopwords, no punctuation) may stand after an article of the
    marker: the adjective says what kind of lead or help, not who gives it."""
    j = s
    for n, word in enumerate(marker):
        if j >= len(lemmas) or lemmas[j] != word:
            return 0
        j += 1
        if word in _ARTICLES and n + 1 < len(marker) and j < len(lemmas) and lemmas[j] != marker[n + 1]:
            extra = 0
            while j < len(lemmas) and extra < _MARKER_ADJECTIVES and lemmas[j] != marker[n + 1] \
                    and tokens[j].text.isalpha() and tokens[j].text.lower() not in lx.STOPWORDS \
                    and not any(c in ",;:()" for c in en[tokens[j - 1].end:tokens[j].start]):
                j += 1
                extra += 1
    return j - s


#: the words inside capitalised names and between coordinated ones ("the Ministry of Industry and
#: Information Technology and the Nanjing Municipal …")
_NAME_LINKS = frozenset({"of", "and", "the", "for"})


def _names_start(tokens: list[lx.Token], k: int, en: str) -> int:
    """The first token of the capitalised names that run up to the actor word at ``k`` (at most ten
    back, no punctuation between), or ``k``: a marker before them governs each ("hosted by A and B")."""
    j = k
    while j > 0 and k - j < 10 and not any(c in ",;:()" for c in en[tokens[j - 1].end:tokens[j].start]) \
            and (tokens[j - 1].text[:1].isupper() or tokens[j - 1].text.lower() in _NAME_LINKS):
        j -= 1
    while j < k and tokens[j].text.lower() in _NAME_LINKS:
        j += 1
    return j


def _name_end(tokens: list[lx.Token], k: int, en: str) -> int:
    """The last word of the capitalised name the actor word at ``k`` opens ("Water" of "the Municipal
    Water Affairs Bureau will take the lead": the name's own words the glosses lack), at most four on."""
    e = k
    while e + 1 < len(tokens) and e - k < 4 and tokens[e + 1].text[:1].isupper() and en \
            and not any(c in ",;:()" for c in en[tokens[e].end:tokens[e + 1].start]):
        e += 1
    return e


#: the small words inside an enumeration of parties ("the provincial branch of the People's Bank of
#: China and other departments")
_LIST_LINKS = frozenset({"the", "of", "and", "for", "other", "its", "their"})
#: at most this many words between a name and the marker after the enumeration it opens
_LIST_SPAN = 24


def _broken_at(en: str, tokens: list[lx.Token], j: int) -> bool:
    """Whether punctuation stands right before token ``j``."""
    return any(c in en[tokens[j - 1].end:tokens[j].start] for c in ",;:()")


def _list_close(tokens: list[lx.Token], e: int, en: str) -> list[int]:
    """Where the marker after an enumeration of parties stands when the name ending at ``e`` opens one:
    "with B taking the lead and A, the provincial branch of the central bank and other departments
    providing support" gives A the role "providing support" gives the whole list.  The list runs
    over commas and "and" through words that are no verb in -ing and no other small word, to the
    first -ing verb; [] when no comma or "and" follows the name or the list has no such end."""
    start = e
    while e + 1 < len(tokens) and e + 1 - start <= 3 and tokens[e + 1].text.isalpha() \
            and tokens[e + 1].text.lower() not in lx.STOPWORDS and not _broken_at(en, tokens, e + 1):
        e += 1  # the rest of the party's own phrase ("commerce bureau")
    if e + 1 >= len(tokens) or not ("," in en[tokens[e].end:tokens[e + 1].start]
                                    or tokens[e + 1].text.lower() == "and"):
        return []
    for j in range(e + 1, min(len(tokens), e + 1 + _LIST_SPAN)):
        gap = en[tokens[j - 1].end:tokens[j].start]
        low = tokens[j].text.lower()
        if any(c in gap for c in ";:()") or not tokens[j].text[:1].isalpha():
            return []
        if low.endswith("ing") and is_verb_form(low):
            return [j]
        if low in lx.STOPWORDS and low not in _LIST_LINKS:
            return []
    return []


def _roles_of(tokens: list[lx.Token], mentions: list[int], markers: tuple[Marker, ...],
              en: str = "") -> tuple[set[str], int | None]:
    roles: set[str] = set()
    where = None
    for k in mentions:
        r = _role_at(tokens, k, markers, en)
        if r:
            roles.add(r)
            where = k if where is None else where
    return roles, where


def _span(tokens: list[lx.Token], mentions: list[int], at: int) -> tuple[int, int]:
    """The run of actor words around token ``at``."""
    i = j = at
    while i - 1 in mentions or (i - 2 in mentions and tokens[i - 1].text.lower() in lx.STOPWORDS):
        i -= 1
    while j + 1 in mentions or (j + 2 in mentions and tokens[j + 1].text.lower() in lx.STOPWORDS):
        j += 1
    return tokens[i].start, tokens[j].end


#: 鼓励A构建…，带动B… / 鼓励A开放…，为B提供…: a pivot verb whose object A acts on a second party B
#: (支持 is left out: "support X" is how English renders it whatever X does next — WMT20 news
#: "support the implementation … for the international community" is no swap)
_PIVOT = re.compile(r"(?P<verb>鼓励|引导)(?P<a>[^，,。；;：:！!？?]{2,16})"
                    r"(?=[^。；;！!？?]{2,40}?(?:带动|帮助|[，,]为)(?P<b>[^，,。；;：:！!？?、]{2,12}))")
#: English verbs that take the encouraged party as their object ("encourage A to …")
_PIVOT_EN = re.compile(r"(?:encourag|support|guid|urg|help|enabl|incentivi[sz]|motivat)(?:e|es|ed|ing|s)?$",
                       re.IGNORECASE)


def _first_actor(text: str) -> str:
    """The party named first in ``text``: its first noun word (中小企业 of 中小企业协同发展)."""
    words = pos_words(text)
    if words and words[0][1].startswith(("n", "j")) and words[0][1] != "nr":
        return words[0][0]
    return ""


def parse_pivots(zh: str) -> list[Roles]:
    """鼓励A…带动B constructions: ``lead`` is A (who is encouraged and acts), ``support`` is B."""
    out = []
    for m in _PIVOT.finditer(zh):
        a = _noun_phrase(m.group("a"), from_end=False)
        b = _first_actor(m.group("b"))
        if len(a) >= 2 and len(b) >= 2 and a != b and not (set(a) >= set(b) or set(b) >= set(a)):
            out.append(Roles(a, b, (m.start("a"), m.start("a") + len(a)),
                             (m.start("b"), m.start("b") + len(b))))
    return out


def _pivot_flags(pair: Pair, tokens: list[lx.Token]) -> list[Flag]:
    """The English encourages B where the Chinese encourages A to act for B ("Encourage SMEs to …")."""
    flags = []
    for r in parse_pivots(pair.zh):
        a, b = actor_lemmas(r.lead), actor_lemmas(r.support)
        a_at, b_at = set(_mentions(tokens, a, b)), set(_mentions(tokens, b, a))
        if not a_at or not b_at:
            continue
        for k, t in enumerate(tokens):
            if not _PIVOT_EN.match(t.text):
                continue
            window = range(k + 1, min(len(tokens), k + 4))
            if any(j in a_at for j in window) or not any(j in b_at for j in window):
                continue
            j = next(j for j in window if j in b_at)
            if any(tokens[i].text.lower() in _BREAK for i in range(k + 1, j)):
                continue  # "support for B": B is no object of the verb
            en_b = (tokens[j].start, tokens[j].end)
            flags.append(ROLES.flag(
                pair, f"The Chinese {pair.zh[r.lead_span[0] - 2:r.lead_span[0]]} {r.lead}, who are to "
                      f"act for {r.support}; the English '{t.text} {tokens[j].text}' makes "
                      f"'{tokens[j].text}' the party that acts",
                zh_spans=(r.lead_span, r.support_span), en_spans=(en_b,),
                suggestion=f"Keep {r.lead} as the party encouraged to act and {r.support} as the one "
                           "that benefits"))
            break
    return flags


_MODAL = "要|应当|应该|应|必须|须|需要"
#: A要V1，B要V2: two parties, each with its own task (政府部门要明确政策导向，市场主体要共同发力)
_TASKS = re.compile(rf"(?P<a>[^{_STOP}、]{{2,14}}?)(?:{_MODAL})(?P<v1>[^{_STOP}、]{{2,20}})[，,；;]"
                    rf"(?P<b>[^{_STOP}、]{{2,14}}?)(?:{_MODAL})(?P<v2>[^{_STOP}、]{{2,20}})")


def _bare_place(text: str) -> bool:
    """Whether ``text`` names a place and no body of it (杭州市, 福冈市, 广东: no head noun of a body
    after it): jieba's place names and level words only."""
    words = pos_words(text)
    return not party_name(text) and bool(words) and all(f == "ns" or w in load_levels() for w, f in words)


def _named_by_level(words: list[tuple[str, str]], kept: list[str]) -> bool:
    """Whether the last of ``words`` is a level word (区, 县: jieba tags 县 "zg", 区 a verb at times) that
    opens the body named by ``kept`` (区卫生健康局)."""
    return bool(kept) and words[-1][0] in load_levels()


def _trailing_actor(text: str) -> str:
    """The noun words that end ``text`` (四是政府部门 → 政府部门): the subject before the modal."""
    words = pos_words(text)
    kept: list[str] = []
    while words and (words[-1][1].startswith(("n", "j")) or _named_by_level(words, kept)
                     or not kept and is_determined(words[-1][1], words[-1][0])) and words[-1][1] != "nr":
        kept.insert(0, words.pop()[0])  # 各区 (jieba: a pronoun) before 在: "each district"
    if kept and len(words) >= 2 and words[-1][1].startswith("v") and words[-2][0] == "被":
        kept[:0] = [words[-2][0], words[-1][0]]  # 被检查单位: the inspected entity
    found = "".join(kept)
    body = party_suffix(text)  # 区卫生健康局: jieba tags 卫生 and 健康 adjectives, the head 局 ends the name
    if len(body) > len(found) and found and text.endswith(found) and body[0] in load_levels():
        return body  # a level opens the name (健全党委: 健全 "to strengthen", no word of the name)
    return found


def parse_tasks(zh: str) -> list[tuple[Roles, str, str]]:
    """A要V1，B要V2 constructions: (A as ``lead`` and B as ``support``, V1, V2)."""
    out = []
    for m in _TASKS.finditer(zh):
        a, b = _trailing_actor(m.group("a")), _trailing_actor(m.group("b"))
        if len(a) >= 2 and len(b) >= 2 and a != b:
            a_start = m.end("a") - len(a)
            b_start = m.end("b") - len(b)
            out.append((Roles(a, b, (a_start, m.end("a")), (b_start, m.end("b"))),
                        m.group("v1"), m.group("v2")))
    return out


def _first(tokens: list[lx.Token], lemmas: frozenset[str], after: int) -> int | None:
    """The first token after ``after`` that renders a word of ``lemmas`` (stems: 'investment', 'invest')."""
    stems = lx.StemSet(lemmas)
    return next((k for k in range(after + 1, len(tokens))
                 if stems.has(tokens[k].lemma) and tokens[k].text.lower() not in lx.STOPWORDS), None)


def _task_flags(pair: Pair, tokens: list[lx.Token]) -> list[Flag]:
    """The English gives A's task to B and B's to A: B … V1 … A … V2 where the Chinese says
    A … V1, B … V2 (every one of the four found by its own gloss words)."""
    flags = []
    for r, v1, v2 in parse_tasks(pair.zh):
        a, b = actor_lemmas(r.lead), actor_lemmas(r.support)
        g1, g2 = gloss_lemmas(v1), gloss_lemmas(v2)
        a_at, b_at = _mentions(tokens, a, b), _mentions(tokens, b, a)
        if not a_at or not b_at:
            continue
        pb = b_at[0]
        t1 = _first(tokens, g1 - g2 - a - b, pb)
        pa = next((k for k in a_at if t1 is not None and k > t1), None)
        t2 = _first(tokens, g2 - g1 - a - b, pa) if pa is not None else None
        if t1 is None or pa is None or t2 is None:
            continue
        if any(pb < k < t1 for k in a_at) or any(pa < k < t2 for k in b_at):
            continue  # the other party stands between an actor and its task: no clear reading
        flags.append(ROLES.flag(
            pair, f"The Chinese gives {r.lead} the task '{v1}' and {r.support} the task '{v2}'; the "
                  f"English gives the first task to '{tokens[pb].text}' and the second to "
                  f"'{tokens[pa].text}'",
            zh_spans=(r.lead_span, r.support_span),
            en_spans=((tokens[pb].start, tokens[pb].end), (tokens[pa].start, tokens[pa].end)),
            suggestion=f"Give each party its own task: {r.lead} → '{v1}', {r.support} → '{v2}'"))
    return flags


@lru_cache(maxsize=4)
def _joint_markers(markers: tuple[Marker, ...]) -> tuple[Marker, ...]:
    """The markers for A会同B, where A leads and B joins it: "B will work with A" puts B first, as
    the one who acts with the other's help, so the markers of an aside ("A, working with B,") need
    no comma there (for 由A牵头、B配合, "B will work with A" is how the helper is written)."""
    return tuple(replace(m, aside=False) if m.aside else m for m in markers)


def check_roles(pair: Pair, ctx: Context) -> list[Flag]:
    flags: list[Flag] = []
    markers = load_markers()
    tokens = lx.tokenize_en(pair.en)
    # a lead list or 在A的领导下: B has no supporting role to be read, only "led by B" against A
    under = parse_under(pair.zh)
    listed = parse_lead_lists(pair.zh) + under
    for r in parse_roles(pair.zh) + listed:
        lead_at, support_at = _party_mentions(tokens, actor_lemmas(r.lead), actor_lemmas(r.support))
        if not lead_at or not support_at:
            continue
        # 在A的领导下，B负责…: "A is responsible" is B's own task misplaced, not A's lead; A's lead
        # is read from "under the leadership of A" alone
        event = pair.zh.startswith("承办", r.support_span[1])
        if event and _bare_place(r.support):
            continue  # 杭州市承办: a city "hosts" the games whoever organises them, as sport writes it
        own = _joint_markers(markers) if pair.zh.startswith("会同", r.lead_span[1]) else \
            load_event_markers() if event else markers
        lead_markers = tuple(m for m in own if m.before) if r in under else own
        lead_roles, lk = _roles_of(tokens, lead_at, lead_markers, pair.en)
        support_roles, sk = _roles_of(tokens, support_at, own, pair.en)
        if r in listed and support_roles == {"lead"} and "lead" not in lead_roles:
            lk = lk if lk is not None else lead_at[0]  # "led by B", A named without the lead
        elif lead_roles != {"support"} or support_roles != {"lead"}:
            continue
        lead_en = _span(tokens, lead_at, lk)
        support_en = _span(tokens, support_at, sk)
        other = "a role of its own" if r in listed else "assisting"
        given = "no lead" if r in listed else "the supporting role"
        flags.append(ROLES.flag(
            pair, f"The Chinese has {r.lead} leading and {r.support} {other}; the English gives "
                  f"'{pair.en[slice(*support_en)]}' the lead and '{pair.en[slice(*lead_en)]}' {given}",
            zh_spans=(r.lead_span, r.support_span), en_spans=tuple(sorted((lead_en, support_en))),
            suggestion=f"Swap the roles back: led by {pair.en[slice(*lead_en)]}, with the support "
                       f"of {pair.en[slice(*support_en)]}"))
    flags = _one_per_lead(flags)
    flags = flags + _pivot_flags(pair, tokens) + _task_flags(pair, tokens) + _assist_flags(pair, tokens, markers) \
        + _chain_flags(pair, tokens) + _agency_flags(pair)
    flags = flags + _argument_flags(pair, flags)
    return flags + _subject_flags(pair, flags)


def _one_per_lead(flags: list[Flag]) -> list[Flag]:
    """One flag for one swap: 由A牵头，B、C等部门配合 rendered with B and C leading is one error,
    read once per supporter (each is a Roles of its own); the first flag stands for the others, its
    spans widened to all of theirs, so a reviewer sees the swap once with every party marked."""
    kept: dict[tuple[int, int], Flag] = {}
    for f in flags:
        lead = f.zh_spans[0]
        first = kept.get(lead)
        if first is None:
            kept[lead] = f
            continue
        kept[lead] = replace(first, zh_spans=tuple(sorted(set(first.zh_spans) | set(f.zh_spans))),
                             en_spans=tuple(sorted(set(first.en_spans) | set(f.en_spans))))
    return list(kept.values())


def _overlaps(a: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


def _argument_flags(pair: Pair, earlier: list[Flag]) -> list[Flag]:
    """Causative, coverb and transitive constructions (A使B, A为B提供, A培育B …) whose two parties
    the English exchanges (qa/argument_roles.py); a construction an earlier rule flagged is not
    flagged twice."""
    seen = [sp for f in earlier for sp in f.zh_spans]
    flags = []
    for s in find_argument_swaps(pair.zh, pair.en):
        fr = s.frame
        if _overlaps(fr.agent_span, seen) or _overlaps(fr.patient_span, seen):
            continue
        a_en, b_en, verb = pair.en[slice(*s.agent_en)], pair.en[slice(*s.patient_en)], pair.en[slice(*s.verb_en)]
        said = {"causative": f"{fr.agent}{fr.cue}{fr.patient}: {fr.agent} makes {fr.patient} act or change",
                "coverb": f"{fr.agent}{fr.cue}{fr.patient}{fr.verb}: {fr.agent} does the {fr.verb} "
                          f"and {fr.patient} receives it",
                "undergo": f"{fr.patient}{fr.cue}{fr.agent}{fr.verb}: {fr.agent} does the {fr.verb} "
                           f"and {fr.patient} undergoes it"}.get(
            fr.kind, f"{fr.agent}{fr.verb}{fr.patient}: {fr.agent} hands the matter over ({fr.verb}) to {fr.patient}"
            if fr.family == "provide" else f"{fr.agent}{fr.verb}{fr.patient}: {fr.agent} informs ({fr.verb}) {fr.patient}"
            if fr.family == "report" else f"{fr.agent}{fr.verb}{fr.patient}: {fr.agent} acts ({fr.verb}) on {fr.patient}")
        flags.append(ROLES.flag(
            pair, f"Who does what: the Chinese says {said}; the English makes '{b_en}' {s.patient_how} "
                  f"and '{a_en}' {s.agent_how}",
            zh_spans=(fr.agent_span, fr.patient_span),
            en_spans=tuple(sorted({s.agent_en, s.patient_en, s.verb_en})),
            suggestion=f"Give '{verb}' its Chinese roles back: {a_en} acts, {b_en} is acted on or receives"))
    return flags


def _subject_flags(pair: Pair, earlier: list[Flag]) -> list[Flag]:
    """A clause's acting party made the object and its object's party the subject, whatever the
    verb (qa/clause_subjects.py); a clause an earlier rule flagged is not flagged twice."""
    seen = [sp for f in earlier for sp in f.zh_spans]
    flags = []
    for s in find_subject_swaps(pair.zh, pair.en):
        if _overlaps(s.agent_span, seen) or _overlaps(s.patient_span, seen):
            continue
        a_en, b_en, verb = pair.en[slice(*s.agent_en)], pair.en[slice(*s.patient_en)], pair.en[slice(*s.verb_en)]
        flags.append(ROLES.flag(
            pair, f"Who does what: in the Chinese {s.agent} acts on {s.patient}; the English makes "
                  f"'{b_en}' the subject of '{verb}' and '{a_en}' what it acts on",
            zh_spans=(s.agent_span, s.patient_span), en_spans=tuple(sorted({s.agent_en, s.patient_en, s.verb_en})),
            suggestion=f"Make '{a_en}' the subject, acting on '{b_en}'"))
    return flags


def _agency_flags(pair: Pair) -> list[Flag]:
    """以A带动B, A助力B, 为B提供, 鼓励A对B帮扶 whose English gives the driver or helper the other
    part (qa/role_agency.py reads both sides)."""
    flags = []
    for s in find_swaps(pair.zh, pair.en):
        message, suggestion = _agency_message(pair, s)
        zh_spans = tuple(sp for sp in (s.agency.agent_span, s.agency.beneficiary_span) if sp)
        flags.append(ROLES.flag(pair, message, zh_spans=zh_spans,
                                en_spans=tuple(sorted({s.en_span, s.cue_span})), suggestion=suggestion))
    return flags


def _agency_message(pair: Pair, s: Swap) -> tuple[str, str]:
    ag = s.agency
    en, cue = pair.en[slice(*s.en_span)], pair.en[slice(*s.cue_span)]
    if ag.family == "drive":
        said = f"以{ag.agent}{ag.verb}{ag.beneficiary}: {ag.agent} drives {ag.beneficiary}"
        keep = f"Make {ag.agent} what drives {ag.beneficiary}, not the reverse"
    elif ag.family == "provide":
        said = f"为{ag.beneficiary}提供: {ag.beneficiary} is the one provided for"
        keep = f"Make {ag.beneficiary} the receiver ('provide … to/for …'), not the provider"
    elif ag.agent:
        said = f"{ag.agent} helps {ag.beneficiary} ({ag.verb})"
        keep = f"Make {ag.agent} the one who helps and {ag.beneficiary} the one helped"
    else:
        said = f"{ag.verb}{ag.beneficiary}: {ag.beneficiary} is the one helped"
        keep = f"Make {ag.beneficiary} the one helped, not the helper"
    return (f"The Chinese says {said}; the English ('{cue}' … '{en}') makes '{en}' {s.reading}", keep)


ROLES = Check(id="roles", category="Accuracy/Mistranslation", severity="major",
              description="Who leads and who assists, or who acts and who benefits, swapped (由A牵头、B配合 → "
                          "'led by B with the support of A'; 以A带动B → 'B drives A'; A助力B → 'A helped by B'; "
                          "为B提供 → 'receive from B'; any A使B / A为B提供 / A培育B with A and B exchanged: "
                          "'A is fostered by B')",
              run=check_roles, scope="pair")
CHECKS = [ROLES]
