"""Who acts in a clause: the English must not make the Chinese object's party its subject.

省广播电视局约谈了两家卫视频道的负责人 has the bureau summon the channels' heads; "The heads of
two satellite TV channels summoned the provincial bureau" says the opposite, fluently.  The frame
readers of :mod:`qa.argument_roles` know such a swap only around a verb their cue table lists
(带动, 提供, 移送 …); every other verb of acting on a party (约谈, 培训, 考核, 委托 …) went unread.  This
reader needs no verb list.  It reads one shape, the commonest of Chinese official prose, on both
sides:

* Chinese: a clause that opens with a party A (a noun phrase ending in a body's or a group's head
  noun: 局, 机构, 企业, 人员 …; or after an opening 由, 由A向B拨付), followed by a verb or a coverb
  (对, 向, 给, 为) and then a second party B; after 将/把 the thing handed on comes first and B is
  the party after the verb (将线索移送B).  A clause with a passive, receiving, joint or causative word (被, 由, 经, 接受,
  获得, 与, 共同, 使 …) is not read: there the first party need not act.
* English: B named by the words of its own glosses (those A and the rest of the sentence do not
  share, :func:`qa.role_agency.actor_stems`) as the subject, right before a finite verb in the
  active voice and at the head of its clause; A named after that verb, and not in a "by", "from",
  "with" or "of" phrase (the agent of a passive, the giver of a verb of receiving, a partner, an
  owner), nor before B.

Measured before it landed (nineteenth session): no hit on the WMT20 MQM pairs of ten systems,
the published translations of ``bench/qa_published.py`` or the clean and injected labelled
documents; 17 of the wrong renderings of the development probe sets (6 that no other reader
found) and none of their right renderings or controls.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from align.zh_words import pos_words
from qa import lexicons as lx
from qa.actor_names import actor_lemmas, head_noun_lemmas
from qa.checks.fragments import is_base_verb, is_finite_form
from qa.english_verb_forms import is_past_participle
from qa.role_agency import BE_WORDS, actor_mentions, actor_stems, named_once
from qa.submission_roles import party_ends, party_name, party_prefix

#: one clause of the Chinese: the text between two marks of punctuation
_CLAUSE = re.compile(r"[^，,。；;：:！!？?]+")
#: words that let a clause's first party be other than its agent: a passive (被, 由, 经), a verb of
#: receiving (接受, 获得), a joint act (与, 共同), a causative (使, 让); 在 (在A指导下, read by roles); and
#: an apposition (共产党员特别是党员领导干部: the second party is the first's own members)
_NOT_AGENT_WORDS = frozenset({
    "被", "受", "受到", "由", "经", "经过", "让", "叫", "使", "令", "与", "同", "跟", "共同", "相互", "互相",
    "获", "获得", "得到", "接受", "收到", "赢得", "遭", "遭到", "遭受", "需要", "依靠", "依托", "在", "一起",
    "双方", "特别是", "尤其是", "特别", "尤其", "包括", "例如", "比如"})
#: heads of a party the body-noun table lacks: academies, institutes, associations, teams, centres,
#: offices, sub-districts and communities
_BODY_ENDS = ("院", "所", "会", "组", "队", "站", "中心", "委", "办", "厅", "处", "社", "街道", "社区", "企业",
              "银行", "学校", "高校", "院校", "平台")
#: localizers after a noun that make it a place or a time (博览会上, 会议期间), not an actor
_LOCATIVES = ("上", "中", "内", "里", "期间", "以来", "前", "后")
#: every unit of a level, a party of its own (对各市进行考核 "assesses each city")
_EACH_LEVEL = re.compile(r"各(?:省|市|县|区|乡|镇|村|地)")
#: heads of a party of people (管理人员, 负责人, 居民)
_PEOPLE_ENDS = ("人员", "负责人", "员", "者", "户", "居民", "职工", "学生", "患者", "农民", "群众",
                # the officials who answer for a river, a lake or a forest (河长制: 河长 "river chief")
                "河长", "湖长", "林长")
#: words between the subject and its verb that do not end the clause's first party: modals, adverbs
_AUXILIARIES = frozenset({"要", "须", "必须", "应", "应当", "应该", "会", "可", "可以", "能", "能够", "需",
                          "务必", "已", "已经", "正", "正在", "将要"})
#: coverbs whose noun phrase is the party acted on (对B开展, 向B反馈, 给B, 为B); 将/把 front the thing
_COVERBS = frozenset({"对", "向", "把", "将", "给", "为"})
#: the coverbs that may open a clause going on with the clause before's act (，向B收取): those whose
#: noun phrase is the party (将/把 front a thing)
_COVERB_CHARS = _COVERBS - {"把", "将"}
#: English words that make a verb finite: modals and auxiliaries
_FINITE_WORDS = frozenset({"shall", "will", "must", "should", "may", "can", "could", "would", "might", "is",
                           "are", "was", "were", "has", "have", "had", "need", "needs", "did", "does", "do"})
#: how many words after A's last found word its head noun may stand ("provincial radio and television
#: bureau": 广播电视 is glossed, 局 is the head)
_HEAD_REACH = 4
#: the most words a subject noun phrase may hold on either side of B's first word
_PHRASE_WORDS = 8
#: words that may open a subject noun phrase
_OPENERS = frozenset({"the", "a", "an", "all", "each", "every", "some", "local", "these", "those", "its",
                      "their", "two", "three"})
#: words before a party that make it no object of the verb: a passive's agent, a giver, a partner,
#: an owner, a comparison or an enumeration
_NOT_OBJECT = frozenset({"by", "from", "with", "under", "of", "'s", "among", "between", "like", "as", "than",
                         "and", "or", "for"})


@dataclass(frozen=True)
class SubjectSwap:
    """A clause whose first party (``agent``) the English puts after the verb of which the
    Chinese object's party (``patient``) is made the subject."""

    agent: str
    patient: str
    agent_span: tuple[int, int]  # in the Chinese
    patient_span: tuple[int, int]
    agent_en: tuple[int, int]  # in the English
    patient_en: tuple[int, int]
    verb_en: tuple[int, int]


@lru_cache(maxsize=1)
def _all_party_ends() -> tuple[str, ...]:
    """Every head noun of a party this reader knows, for its cheap first test of a clause."""
    return tuple(sorted(set(party_ends()) | set(_BODY_ENDS) | set(_PEOPLE_ENDS)))


def _not_agent(words: list[tuple[str, str]]) -> bool:
    """Whether a clause's words hold a passive, receiving, joint or causative word, by which its first
    party need not act; 被 in a relative phrase (被巡察的党组 "the Party group inspected") names a party."""
    for k, (w, _) in enumerate(words):
        if w in _NOT_AGENT_WORDS and not (w == "被" and any(x == "的" for x, _ in words[k + 1:k + 3])):
            return True
    return False


def _is_party(text: str, people: bool = False) -> bool:
    return (party_name(text) or text.endswith(_BODY_ENDS) or bool(_EACH_LEVEL.fullmatch(text))
            or (people and text.endswith(_PEOPLE_ENDS)))


def _is_people_or_party(text: str) -> bool:
    return _is_party(text, people=True)


def _first_party(clause: str, words: list[tuple[str, str]]) -> str:
    """The party that opens ``clause`` (its first noun words, cut after a body's head noun), or '';
    ``words``: jieba's words and tags of the clause."""
    kept: list[str] = []
    for k, (word, flag) in enumerate(words):
        # a verb before a bare head noun opens a body's name (统计机构, 执法部门): not the act, as in
        # 鼓励龙头企业…, where the noun after the verb is a party of its own
        modifier = k == 0 and flag.startswith("v") and len(words) > 1 and words[1][0] in _all_party_ends()
        if (flag.startswith(("v", "p", "c", "d", "u", "x")) and flag != "vn" and not modifier
                or word in _AUXILIARIES):
            break
        if kept and flag.startswith("n") and _is_party("".join(kept), people=True) and _verb_noun(word):
            break  # 科技部委托…: jieba tags 委托 "to entrust" a noun; after a whole party it is the act
        kept.append(word)
    first = "".join(kept)
    if kept and clause.startswith(_LOCATIVES, len(first)):
        return ""  # 博览会上还将举办…: a place ("at the expo"), not an agent
    if first and not _is_party(first, people=True):
        # 县人武部委托…: jieba may tag the verb a noun; the party ends at a word's end (not 县人武部委)
        first = party_prefix(first, list(accumulate(len(w) for w in kept)), _is_people_or_party)
    return first if len(first) >= 2 and _is_party(first, people=True) else ""


def _verb_noun(word: str) -> bool:
    """CC-CEDICT glosses ``word`` first as a verb ("to entrust" of 委托), whatever jieba's tag."""
    glosses = lx.cedict().glosses(word)
    return bool(glosses) and glosses[0].startswith("to ")


def _object_party(rest: str) -> str:
    """The party that ``rest`` (the clause after its first party) acts on, or ''."""
    words = pos_words(rest)
    start = next((k + 1 for k, (w, f) in enumerate(words) if w in _COVERBS and f.startswith(("p", "d", "v"))), None)
    if start is None and words and words[0][1].startswith("n") and _verb_noun(words[0][0]):
        start = 1  # 委托 tagged a noun by jieba, right after the first party: the clause's verb all the same
    if start is None:
        start = next((k + 1 for k, (w, f) in enumerate(words)
                      if f.startswith("v") and f != "vn" and w not in _AUXILIARIES), None)
    if start is None:
        return ""
    if words[start - 1][0] in ("将", "把"):
        # 将X移送B: the thing handed on comes first, the party after the verb; a verb of a relative
        # phrase inside the thing (将涉及党员干部的线索移送B) has its party before 的
        verbs = [k for k in range(start, len(words)) if words[k][1].startswith("v") and words[k][1] != "vn"]
        for verb in verbs:
            at = verb + 1
            if at < len(words) and words[at][0] in ("给", "至", "到"):
                at += 1
            party = _leading_party(words[at:])
            if party and not _before_de(words[at:], party):
                return party
        return ""
    while start < len(words) and words[start][0] in ("了", "过", "着"):
        start += 1
    return _leading_party(words[start:])


def _before_de(words: list[tuple[str, str]], party: str) -> bool:
    """The party that opens ``words`` is followed by 的: a modifier of a noun, not the party acted on."""
    text = ""
    for k, (word, _) in enumerate(words):
        text += word
        if len(text) >= len(party):
            return k + 1 < len(words) and words[k + 1][0] == "的"
    return False


def _leading_party(words: list[tuple[str, str]]) -> str:
    """The party that opens the clause's ``words`` (jieba's words and tags), or '': its longest run
    of words that ends in a party's head noun, read up to the first verb after one (两家卫视频道的负责人
    of 两家卫视频道的负责人要…, 各区财政部门 of 各区财政部门拨付…).  A verb before any head noun does not
    end it, since jieba tags some words of a name as verbs (外卖, 服务)."""
    text, best = "", ""
    for word, flag in words:
        # 各地 opens a longer name as often as it is one (各地知识产权保护中心 "local IP protection centres")
        if best and flag.startswith("v") and flag != "vn" and not _EACH_LEVEL.fullmatch(best):
            break
        text += word
        if len(text) >= 2 and _is_party(text, people=True):
            best = text
    # an enumeration or a title holds things named, not one party
    return "" if any(mark in best for mark in "、“”\"《》") else best


def _finite(token: lx.Token) -> bool:
    low = token.text.lower()
    return low in _FINITE_WORDS or is_finite_form(low)


def _plural_present(tokens: list[lx.Token], v: int) -> bool:
    """A verb's base form after a plural noun ("committees provide"): a present tense."""
    prev = tokens[v - 1].text.lower()
    return is_base_verb(tokens[v].text) and prev.endswith("s") and not prev.endswith(("ss", "'s", "’s"))


def _passive_at(tokens: list[lx.Token], v: int) -> bool:
    """Whether the verb group at ``v`` is passive ("shall be trained", "were summoned")."""
    k = v + 1 if tokens[v].text.lower() in _FINITE_WORDS else v
    seen_be = tokens[v].text.lower() in BE_WORDS
    while k < len(tokens) and tokens[k].text.lower() in BE_WORDS:
        seen_be, k = True, k + 1
    while k < len(tokens) and tokens[k].text.lower().endswith("ly"):
        k += 1
    return seen_be and k < len(tokens) and is_past_participle(tokens[k].text.lower())


def _english_swap(en: str, tokens: list[lx.Token], at_a: set[int], at_b: set[int],
                  shared: lx.StemSet) -> tuple[int, int, int, int] | None:
    """(first and last token of the subject phrase that names B, its verb, A's first token) when
    ``en`` makes B the active subject of a verb that A follows as an object; else None."""
    if not at_a or not at_b or at_a & at_b:
        return None
    first = min(at_b)

    # B's noun phrase runs on to its verb: words of its own, of either party, "of", modifiers
    v = first + 1
    while v < len(tokens) and v - first <= _PHRASE_WORDS and (
            not (_finite(tokens[v]) or _plural_present(tokens, v)) or v in at_b or shared.has(tokens[v].lemma)):
        if v in at_a or not tokens[v].text[:1].isalpha():
            return None  # A inside the subject phrase, or a mark: no subject phrase of B's alone
        v += 1
    if v >= len(tokens) or v - first > _PHRASE_WORDS or _passive_at(tokens, v):
        return None
    last = v - 1
    # … and heads its clause: openers, the parties' words, modifiers and "<noun> of" before it
    i, back = first - 1, 0
    while i >= 0 and back < _PHRASE_WORDS and not en[tokens[i].end:tokens[i + 1].start].strip():
        low = tokens[i].text.lower()
        word = low[:-2] if low.endswith(("'s", "’s")) else low
        if low in _OPENERS or low == "of" or shared.has(tokens[i].lemma) or (
                word.isalpha() and tokens[i + 1].text.lower() == "of") or (
                word.isalpha() and (i not in at_a or word != low) and low not in _NOT_OBJECT
                and not _finite(tokens[i])):
            i, back = i - 1, back + 1
        else:
            break
    if i >= 0 and not en[tokens[i].end:tokens[i + 1].start].strip().startswith((",", ";", ":")):
        return None
    # a possessive word of A's inside B's phrase modifies B ("People's mediation committees" for
    # 人民调解委员会, "people's" being 人民法院's too): read as B's
    at_a = {k for k in at_a if not (i < k < first)}
    if not at_a or min(at_a) < first:
        return None
    a = min(at_a)
    if a <= v:
        return None
    k = a - 1
    while k > v and tokens[k].text.lower() in _OPENERS:
        k -= 1
    if tokens[k].text.lower() in _NOT_OBJECT:
        return None
    return i + 1, last, v, a


def _head_lemmas(party: str) -> lx.StemSet | None:
    """The English words of the head noun that ends ``party`` (公司 "company", 局 "bureau", 人员
    "personnel"): the words that show a phrase names the party, not a thing its modifiers gloss
    ("advice" of 咨询公司 "consulting company").  None when the head is not known."""
    for n in range(min(len(party) - 1, 3), 0, -1):
        tail = party[-n:]
        if _is_party(tail, people=True):
            words = actor_lemmas(tail) | head_noun_lemmas(tail)
            return lx.StemSet(words) if words else None
    return None


def _bare(token: lx.Token) -> str:
    """The lemma of ``token`` without a possessive ending ("people's" → "people")."""
    text = token.text.lower()
    return lx.lemma(text[:-2]) if text.endswith(("'s", "’s")) else token.lemma


def find_subject_swaps(zh: str, en: str) -> list[SubjectSwap]:
    """Every clause of ``zh`` whose acting party ``en`` makes the object, its object's party the subject."""
    tokens: list[lx.Token] | None = None  # read only for a clause that names two parties
    out: list[SubjectSwap] = []
    clauses = list(_CLAUSE.finditer(zh))
    ends = _all_party_ends()
    for n, m in enumerate(clauses):
        clause, offset = m.group(), m.start()
        nxt = clauses[n + 1].group() if n + 1 < len(clauses) else ""
        if sum(clause.count(e) + nxt.count(e) for e in ends) < 2 and not _EACH_LEVEL.search(clause + nxt):
            continue  # two parties need two head nouns: most clauses hold fewer (no jieba read for them)
        words = opening = pos_words(clause)
        if words and words[0][0] == "由" and len(words) > 1:
            # 由A向B支付, 由A为B提供: the party after an opening 由 acts (由此 is one word)
            clause, offset, words = clause[1:], offset + 1, words[1:]
            opening = pos_words(clause)
        a = _first_party(clause, opening)
        if not a or not named_once(zh, a):
            continue
        b = _object_party(clause[len(a):])
        b_clause, b_offset = clause, offset
        if not b and n + 1 < len(clauses) and clauses[n + 1].group()[:1] in _COVERB_CHARS \
                and zh[m.end():clauses[n + 1].start()] in ("，", ","):
            # A不得利用…，向B收取…: the next clause goes on with A's act on B
            b_clause, b_offset = clauses[n + 1].group(), clauses[n + 1].start()
            words = words + pos_words(b_clause)
            b = _object_party(b_clause)
        if not b or a in b or b in a or not named_once(zh, b):
            continue
        if _not_agent(words):
            continue
        if tokens is None:
            tokens = lx.tokenize_en(en)
        a_stems = actor_stems(a, zh.replace(a, "，"))
        b_stems = actor_stems(b, zh.replace(b, "，"))
        if a_stems is None or b_stems is None:
            continue
        shared = lx.StemSet(actor_lemmas(a) | actor_lemmas(b))
        both = lx.StemSet(actor_lemmas(a) & actor_lemmas(b))
        # a word of both names ("people's" of 人民法院 and 人民调解委员会) names neither
        at_a, at_b = ({k for k in actor_mentions(tokens, stems) if not both.has(_bare(tokens[k]))}
                      for stems in (a_stems, b_stems))
        found = _english_swap(en, tokens, at_a, at_b, shared)
        if found is None:
            continue
        first, last, v, a_at = found
        a_end = a_at
        while a_end + 1 < len(tokens) and (a_end + 1 in at_a or shared.has(tokens[a_end + 1].lemma)):
            a_end += 1
        head = _head_lemmas(a)
        if head and not any(head.has(_bare(t)) for t in tokens[a_at:a_end + _HEAD_REACH + 1]):
            continue  # A's words after the verb (and the few after them, where the head noun of
            # "the provincial radio and television bureau" stands) name no party of A's kind ("advice" of 咨询公司)
        b_start = b_offset + b_clause.find(b, len(a) if b_clause is clause else 0)
        out.append(SubjectSwap(
            a, b, (offset, offset + len(a)), (b_start, b_start + len(b)),
            (tokens[a_at].start, tokens[a_end].end), (tokens[first].start, tokens[last].end),
            (tokens[v].start, tokens[v].end)))
    return out
