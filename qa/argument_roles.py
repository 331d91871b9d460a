"""Who does what around a causative, benefactive or transitive verb, read on both sides.

大企业带动中小企业 makes the large firms the driver; "SMEs drive the large firms"
and "the large firms are driven by SMEs" make them the driven.  政府为企业提供服务
makes the government the giver; "enterprises provide services to the
government" makes it the receiver.  Each is fluent English that says the
opposite of the Chinese, and the same three shapes cover most of them:

* the causatives A使/让/令B… (A causes, B is made to act or change);
* the coverbs A为/给/替/向/对B V… (A does V, B receives it or undergoes it);
* the transitive verbs A带动/培育/帮助/支持/指导/鼓励B (A acts on or for B).

``parse_frames`` reads them from the Chinese with jieba's parts of speech:
A is the noun phrase that ends right before the cue (adverbs and modals
skipped), B the one right after it (for a coverb, up to its verb).  The cue
words are ``qa/data/argument_cues.tsv``, from a grammar of Chinese.

``read_english`` finds A and B in the English by the CC-CEDICT glosses no
other part of the Chinese sentence shares (``qa.role_agency``), and reads the
role the English gives each around a verb that renders the Chinese one (its
CC-CEDICT verb glosses and the family's English verbs):

* agent: the subject right before an active verb ("SMEs drive …"), the
  "by"-phrase of a passive ("driven by SMEs"), the "from"-phrase of a verb of
  receiving or of the verb's noun ("benefit from …", "support from …");
* patient: the object right after an active verb ("… drive SMEs"), the
  subject of a passive ("SMEs are driven …") or of a verb of receiving
  ("SMEs benefit from …"), the object of "to"/"for" after a verb of giving
  or helping ("provide services to SMEs").

A swap is A read only as a patient and B only as an agent, both at the same
English verb.  Precision first: both actors must be different content nouns,
named once in the Chinese and in one place in the English, and a clause that
runs the relation both ways (相互, 互助) says nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

from align.errors import InputError
from align.zh_words import jieba_words, loaded_jieba
from qa import lexicons as lx
from qa.actor_names import actor_lemmas, load_party_nouns
from qa.admin_levels import load_levels
from qa.checks.fragments import is_base_verb, is_verb_form
from qa.data_table import data_lines
from qa.english_verb_forms import is_past_participle, verb_lemma
from qa.role_agency import (
    BREAK_WORDS,
    actor_mentions,
    actor_run,
    actor_stems,
    named_once,
    runs_both_ways,
)
from qa.zh_glosses import word_glosses

CUES_PATH = lx.DATA_DIR / "argument_cues.tsv"
_ZH_KINDS = frozenset({"causative", "coverb", "light", "transitive", "verb", "source", "undergo"})


@dataclass(frozen=True)
class ArgumentCues:
    """The Chinese cue words by kind and the English verbs by family (see the table's header)."""

    causative: dict[str, str]  # 使 → "cause"
    coverb: dict[str, str]  # 为 → "benefit", 向 → "toward", 对 → "target"
    light: frozenset[str]  # 进行, 给予 …: the next word carries the meaning
    transitive: dict[str, str]  # 带动 → "drive"
    provide: frozenset[str]  # 提供, 带来 …: verbs of giving after a coverb's noun
    source: frozenset[str]  # 学习, 借鉴 …: after 向B, B is the source (向先进地区学习), no receiver
    english: dict[str, frozenset[str]]  # family → lemmas of its English verbs
    receive: frozenset[str]  # lemmas of the English verbs of receiving
    undergo: frozenset[str] = frozenset()  # 接受, 受到 …: A接受B(的)监督, B supervises A


@lru_cache(maxsize=2)
def load_argument_cues(path: Path = CUES_PATH) -> ArgumentCues:
    """Read ``side<TAB>cue<TAB>family<TAB>words`` rows; a malformed row is a one-line InputError."""
    causative: dict[str, str] = {}
    coverb: dict[str, str] = {}
    transitive: dict[str, str] = {}
    light: set[str] = set()
    provide: set[str] = set()
    source: set[str] = set()
    undergo: set[str] = set()
    english: dict[str, set[str]] = {}
    receive: set[str] = set()
    for n, line in data_lines(path, "argument-cue"):
        cols = line.split("\t")
        ok = len(cols) == 4 and ((cols[0] == "zh" and cols[1] in _ZH_KINDS) or
                                 (cols[0] == "en" and cols[1] in ("verb", "receive")))
        if not ok:
            raise InputError(f"argument-cue table {path} line {n}: expected 'zh|en<TAB>cue<TAB>family<TAB>words' "
                             f"with a known cue, got {line[:50]!r}")
        side, cue, family, words = cols[0], cols[1], cols[2].strip(), [w.strip() for w in cols[3].split("|") if w.strip()]
        if side == "en":
            (receive if cue == "receive" else english.setdefault(family, set())).update(verb_lemma(w) for w in words)
        elif cue == "light":
            light.update(words)
        elif cue == "verb":
            provide.update(words)
        elif cue == "source":
            source.update(words)
        elif cue == "undergo":
            undergo.update(words)
        else:
            target = {"causative": causative, "coverb": coverb, "transitive": transitive}[cue]
            target.update((w, family) for w in words)
    if not causative or not coverb or not transitive or not english or not receive:
        raise InputError(f"argument-cue table {path}: needs causative, coverb and transitive rows, English verbs "
                         "and the verbs of receiving")
    return ArgumentCues(causative, coverb, frozenset(light), transitive, frozenset(provide), frozenset(source),
                        {f: frozenset(v) for f, v in english.items()}, frozenset(receive), frozenset(undergo))


@dataclass(frozen=True)
class Frame:
    """One Chinese construction: ``agent`` acts (causes, gives, drives, helps) on or for ``patient``."""

    kind: str  # "causative" | "coverb" | "transitive" | "undergo" (B V A read from A接受B的V)
    cue: str  # 使 / 为 / 带动
    verb: str  # the Chinese word whose English renders the relation (使, 提供, 带动)
    family: str  # the English verb family of ``verb`` ("cause", "provide", "drive" …; "" for glosses only)
    agent: str
    patient: str
    agent_span: tuple[int, int]
    patient_span: tuple[int, int]


_CLAUSE_END = frozenset("，,。；;：:！!？?“”\"《》（）()、")
#: words between a subject and its verb: modals and adverbs (jieba tags some of them verbs)
BEFORE_VERB = frozenset("要 应 应当 应该 将 能 能够 可 可以 须 必须 需 需要 会 也 都 还 正 正在 已 已经 一直 持续 不断 "
                         "积极 大力 进一步 更 更好 共同 切实 主动 努力 着力 充分 有效 直接 率先 全力 逐步 继续 仍 "
                         "均 亦 则 就 才 又 再 始终 "
                         # adverbs of manner in official prose that jieba tags nouns, conjunctions or
                         # adjectives (依法 n, 及时 c): CC-CEDICT "according to law", "promptly" …
                         "依法 依规 及时 自觉 认真 严格 按时 定期 如实 统一".split())
#: words before a subject that make it the object of something else (把A带动…: A is what is moved).
#: A after 让/使/鼓励/以/由/被 still acts: 让数字技术赋能实体经济, 以A带动B, 被政府支持 (政府 supports)
#: after a coverb or a preposition of means, place or topic it is that word's object (为企业培养: 企业
#: is the beneficiary; 通过校企合作为企业…: the means)
_NOT_SUBJECT_AFTER = frozenset("把 将 在 从 为 给 替 向 对 通过 围绕 按 按照 依照 依托 依靠 根据 结合 针对 就 借助 利用 立足 与 同 跟".split())
_PRONOUN_FLAGS = ("r",)


#: the determiners that open a pronoun-tagged word naming a party: 各 "each", 本 "this", 该 "that"
DETERMINERS = frozenset("各本该")
#: pronoun-tagged words that name a party by a determiner and a noun (各地 "localities", 各市 "the
#: cities", 本级 "this level", 该市 "the city"); 各自, 本人, 本身 are pronouns
_NOT_DETERMINED = frozenset("各自 本人 本身 该当".split())


def is_determined(flag: str, word: str) -> bool:
    """A determiner and a noun in one jieba word (各地, 本级 政府): a party, not a pronoun."""
    return flag == "r" and len(word) >= 2 and word[0] in DETERMINERS and word not in _NOT_DETERMINED


def is_noun(flag: str, word: str = "") -> bool:
    """A noun by jieba's tag, a determiner and a noun in one word (各地), or a word jieba tags a verb
    whose first CC-CEDICT sense is not one (创新 "innovation; to innovate")."""
    if flag.startswith(("n", "j")) or flag in ("vn", "eng") or is_determined(flag, word) or word in load_levels():
        return True  # 县 of 县卫健局 (jieba: "zg"), 市 of 市教育局
    # a word jieba tags a verb, or a fixed expression (自然资源, 生态环境: "l"), whose first sense is no verb
    if flag == "l" and len(word) > 2 and not lx.cedict().glosses(word):
        parts = lx.cedict().segment(word)  # 生态环境, not in CC-CEDICT: 生态 "ecology" + 环境 "environment"
        return len(parts) > 1 and all(len(p) > 1 and lx.cedict().glosses(p) and not _verb_first(p) for p in parts)
    return flag in ("v", "l") and len(word) > 1 and not _verb_first(word) and bool(lx.cedict().glosses(word))


def _words(zh: str, verbs: frozenset[str] = frozenset()) -> list[tuple[str, str, int]]:
    """jieba words of ``zh`` with their part of speech and offset; two words that make one of
    ``verbs`` are joined (jieba's dictionary lacks 赋能 and cuts it 赋/能)."""
    from jieba import posseg

    loaded_jieba()
    out: list[tuple[str, str, int]] = []
    at = 0
    for w in posseg.lcut(zh, HMM=False):
        if out and out[-1][0] + w.word in verbs and len(out[-1][0]) + len(w.word) <= 3:
            out[-1] = (out[-1][0] + w.word, "v", out[-1][2])
        elif _closes_place(w.word, zh[:at]):
            out += [(w.word[0], "f", at), (w.word[1], "p", at + 1)]
        else:
            out.append((w.word, w.flag, at))
        at += len(w.word)
    return out


#: the localizers that close a 在… phrase (在规定期限内, 在会议上)
_LOCALIZERS = frozenset("内中后前上下外里间")


def _closes_place(word: str, before: str) -> bool:
    """Whether jieba's ``word`` is a localizer closing a 在… phrase and the coverb after it, read as one
    word (在规定期限内向审计机关报告: jieba cuts 内向 "introverted")."""
    return len(word) == 2 and word[0] in _LOCALIZERS and word[1] in load_argument_cues().coverb and "在" in before


def _time_adverbial(word: tuple[str, str, int]) -> bool:
    """A time word between a subject and its verb: jieba's time nouns (今年, 目前: "t") and the
    "every …" phrases of frequency (每季度, 每年, 每月)."""
    return word[1] == "t" or (word[0].startswith("每") and len(word[0]) >= 2)


#: the nouns of a moment that a numeral before them makes an adverb of time (第一时间 "immediately",
#: 第一时刻): jieba cuts them 第一/m 时间/n, and the noun would pass for the subject
_MOMENTS = frozenset("时间 时刻".split())


def _ordinal_moment(words: list[tuple[str, str, int]], j: int) -> bool:
    """Whether word ``j`` is a moment noun (时间) after a numeral (第一): one adverb of time."""
    return words[j][0] in _MOMENTS and j >= 1 and words[j - 1][1] == "m"


#: the words that join two nouns inside a subject (粮食和物资储备局, 税务、财政部门)
_NAME_JOINERS = frozenset("和 与 及 、".split())


def _subject_before(words: list[tuple[str, str, int]], i: int) -> tuple[int, int] | None:
    """The span of the noun phrase that ends right before word ``i`` (modals and adverbs between).

    None when there is none, when it is a pronoun, or when a preposition or
    把/被 before it makes it something other than the subject.
    """
    j = i - 1
    skipped = 0
    while j >= 0 and skipped < 4 and (words[j][0] in BEFORE_VERB or words[j][1] in ("d", "ad")
                                      or _time_adverbial(words[j]) or _ordinal_moment(words, j)):
        j -= 2 if _ordinal_moment(words, j) else 1  # 第一时间: two words, one adverb
        skipped += 1
    if j >= 1 and j == i - 1 and words[j][1] == "vn" and words[i][0] in load_argument_cues().transitive \
            and is_noun(words[j - 1][1], words[j - 1][0]) and words[j - 1][1] != "vn":
        j -= 1  # 对口援助, 定点帮扶, 结对帮扶: a verbal noun before the verb says how it is done, not who
    end = j
    while j >= 0 and (is_noun(words[j][1], words[j][0]) or (words[j][1] in ("b", "a", "an", "f") and j < end)
                      or (words[j][0] in _NAME_JOINERS and 0 < j < end and is_noun(words[j - 1][1], words[j - 1][0]))):
        j -= 1  # 省粮食和物资储备局: 和 inside one body's name (or between two parties that act together)
    if j >= 1 and words[j][1].startswith("v") and len(words[j][0]) == 2 and words[j - 1][0] in ("各", "各类"):
        j -= 2  # 各排污单位, 各用人单位: a verb between a determiner and the noun modifies it
    elif j >= 0 and j + 1 <= end and _verb_modifies(words, j):
        j -= 1  # 审计机关, 执法部门: a verb before a party's head noun names its function
        while j >= 0 and is_noun(words[j][1], words[j][0]):
            j -= 1  # 全省审计机关
    if j >= 1 and words[j][1].startswith("v") and words[j - 1][0] == "被" and j + 1 <= end:
        j -= 2  # 被审计单位, 被检查单位: the audited entity, a party
    start = j + 1
    if start < end and _scope_word(words[start][0]):
        start += 1  # 全省审计机关: the party is the audit authorities ("across the province" may stand apart)
    if start > end or not is_noun(words[end][1], words[end][0]) \
            or (words[end][1] in _PRONOUN_FLAGS and not is_determined(words[end][1], words[end][0])):
        return None
    if j >= 0 and words[j][0] in _NOT_SUBJECT_AFTER:
        return None
    return words[start][2], words[end][2] + len(words[end][0])


#: prepositions that open an adverbial between a subject and its verb (政府要在融资方面为企业提供支持)
_ADVERBIAL_PREPOSITIONS = frozenset("在 通过 围绕 按 按照 依照 依托 依靠 根据 结合 针对 从 就 借助 利用 立足".split())


def _clause_subject(words: list[tuple[str, str, int]], i: int) -> tuple[int, int] | None:
    """The clause's subject when an adverbial stands between it and the cue at ``i``: a noun
    phrase that opens the clause (words are one clause), then modals or adverbs, then a
    preposition whose phrase runs to the cue with no verb of its own outside it."""
    k = 0
    while k < i and words[k][1] in ("c", "d", "t"):
        k += 1  # 同时, 此外, 今年
    by = next((n for n in range(k, i) if words[n][0] == "由" and words[n][1] == "p"), None)
    if by is not None:
        k = by + 1  # 补贴由法律援助机构按照标准向律师支付: the topic is what is paid, 由 names who pays
    run = _noun_run(words, k)
    if run is None or run[1] > words[i][2]:
        return None  # the run reaches the cue: no adverbial between
    n = next(m for m in range(k, i + 1) if words[m][2] >= run[1])
    if by is not None and n == i:
        return run  # 由A向B V
    while n < i and (words[n][0] in BEFORE_VERB or words[n][1] in ("d", "ad")):
        n += 1
    if n >= i or words[n][0] not in _ADVERBIAL_PREPOSITIONS:
        return None
    if any(w in _NOT_SUBJECT_AFTER for w, _, _ in words[:k]):
        return None
    return run


#: words that join two nouns of one party (税务、财政等部门; 高校和科研院所)
_JOINERS = frozenset("、 和 与 及 以及 等 各 广大".split())


def _noun_run(words: list[tuple[str, str, int]], k: int, pivot: bool = False,
              to_verb: bool = False) -> tuple[int, int] | None:
    """The noun phrase that starts at word ``k`` (quantifiers and 各/广大 skipped): nouns, adjectives
    before nouns and the words that join two nouns; verbal nouns at its end dropped
    (民营企业发展 → 民营企业).  None when a verb comes first (为实现目标 is a purpose).

    ``pivot``: the object of a verb such as 支持 or 帮助, which often acts in turn (支持地方建设区域
    创新中心: the localities build the centres): a verbal noun, or a word jieba tags an adjective (落实),
    right after a noun and with a noun after it ends the run.  ``to_verb``: the noun of a coverb, which runs to its verb
    (向国务院报告: jieba tags 报告 "to inform; to report" a noun): a word whose first CC-CEDICT sense
    is a verb ends the run."""
    while k < len(words) and (words[k][1].startswith(("m", "q")) or words[k][0] in ("各", "广大", "各类", "各级")
                              or words[k][0] in DETERMINERS):
        k += 1  # 本单位负责人: "the head of one's own unit"
    k = _after_relative(words, k)
    kept: list[int] = []
    if k + 2 < len(words) and words[k][0] == "被" and words[k + 1][1].startswith("v") \
            and is_noun(words[k + 2][1], words[k + 2][0]):
        kept, k = [k, k + 1], k + 2  # 被审计单位应当…: the audited entity opens the clause
    while k + 1 < len(words) and _verb_modifies(words, k):
        kept.append(k)  # 审计机关向…: the audit authorities
        k += 1
    for n in range(k, len(words)):
        w, f, _ = words[n]
        if pivot and kept and f in ("vn", "a") and words[kept[-1]][0] not in _JOINERS and n + 1 < len(words) \
                and is_noun(words[n + 1][1], words[n + 1][0]) \
                and not all(words[x][0] in load_levels() for x in kept):  # 县/应急/管理局: a level opens a name
            break
        if to_verb and kept and (f.startswith("n") and _verb_first(w) or _table_verb(w)):
            break  # 向区财政局拨付: CC-CEDICT glosses 拨付 "appropriate sum of money", the table knows it a verb
        if w in BEFORE_VERB:
            break  # 督促行政机关依法履职: 依法 (jieba: a noun) opens the next verb phrase; 应当 no party
        if is_noun(f, w) or f in ("b", "a", "an", "f") or (kept and w in _JOINERS) or _abbreviation(words, kept, n):
            kept.append(n)
            continue
        if kept and w == "的" and n + 1 < len(words) and is_noun(words[n + 1][1], words[n + 1][0]) \
                and words[kept[-1]][1] in ("a", "an", "b"):
            kept.append(n)  # 新的实践: an adjective and 的 before the noun
            continue
        break
    while kept and (words[kept[-1]][0] in _JOINERS or words[kept[-1]][1] in ("vn", "b", "a", "an", "f")
                    or _verb_first(words[kept[-1]][0])):
        kept.pop()
    if not kept:
        return None
    first, last = words[kept[0]], words[kept[-1]]
    return first[2], last[2] + len(last[0])


#: how many words a relative clause before a party may hold before its 的 (具备/资质 of 具备资质的机构)
_RELATIVE_WORDS = 3


def _after_relative(words: list[tuple[str, str, int]], k: int) -> int:
    """The first word after a relative clause that opens the noun phrase at ``k`` (委托具备资质的第三方机构,
    向符合条件的企业发放: a verb and its object, then 的, then the party): where the party's own words
    begin, or ``k`` when no such clause stands there (为实现目标: a purpose; 领导的): only a verb, then
    nouns, then 的 and a noun (a numeral or measure word may open it: 第三方)."""
    # a verb and its object in one jieba word (符合条件, 具备资质: the dictionary's first word a verb)
    compound = k < len(words) and len(words[k][0]) >= 4 and _verb_first(lx.cedict().segment(words[k][0])[0])
    if k >= len(words) or not (compound or words[k][1].startswith("v") and words[k][1] != "vn"):
        return k
    for n in range(k + 1, min(len(words), k + 1 + _RELATIVE_WORDS)):
        w, f, _ = words[n]
        if w == "的":
            m = n + 1
            while m < len(words) and words[m][1].startswith(("m", "q")) and m - n <= 2:
                m += 1
            return m if (n > k + 1 or compound) and m < len(words) and is_noun(words[m][1], words[m][0]) else k
        if not is_noun(f, w):
            return k
    return k


def _table_verb(word: str) -> bool:
    """Whether ``word`` is a verb of the cue table (a verb of giving or a transitive verb)."""
    cues = load_argument_cues()
    return word in cues.provide or word in cues.transitive


def _abbreviation(words: list[tuple[str, str, int]], kept: list[int], n: int) -> bool:
    """A single character between a single character of the phrase and a noun: an abbreviation the
    dictionary lacks, cut into its characters (疾/控/机构 of 疾控机构, 卫/健/委)."""
    return bool(kept) and len(words[n][0]) == 1 and len(words[kept[-1]][0]) == 1 and kept[-1] == n - 1 \
        and lx.HAN.fullmatch(words[n][0]) is not None and n + 1 < len(words) \
        and is_noun(words[n + 1][1], words[n + 1][0])


#: the passive markers before an agent: A受B委托, A被B聘请 (B acts on A)
_PASSIVE_MARKERS = frozenset("受 被 经".split())


def _passive_subject(words: list[tuple[str, str, int]], agent: tuple[int, int]) -> tuple[int, int] | None:
    """The subject of A受/被B V: A, the party B acts on, when a passive marker stands right before
    the agent B; None when there is none."""
    n = next((m for m, w in enumerate(words) if w[2] == agent[0]), None)
    if not n or words[n - 1][0] not in _PASSIVE_MARKERS:
        return None
    return _subject_before(words, n - 1)


def _scope_word(word: str) -> bool:
    """全 and a level (全省, 全市, 全国): the whole of a place, a scope before a party, not a party."""
    return len(word) == 2 and word[0] == "全" and (word[1] in load_levels() or word[1] == "国")


def _verb_modifies(words: list[tuple[str, str, int]], j: int) -> bool:
    """Whether the two-character verb at ``j`` names the function of the party noun right after it
    (审计/v 机关: the audit authorities; 管理/vn 部门): a head noun of ``qa/data/party_nouns.tsv``."""
    if j + 1 >= len(words) or len(words[j][0]) != 2 or not words[j][1].startswith("v"):
        return False
    cues = load_argument_cues()
    if words[j][0] in cues.transitive or words[j][0] in cues.causative:
        return False  # 鼓励/支持/帮助 + 国有企业: the relation's own verb, no function of the party
    nxt = words[j + 1][0]
    return any(nxt.endswith(noun) for noun, _ in load_party_nouns())


def _verb_first(word: str) -> bool:
    """Whether CC-CEDICT's first sense of ``word`` is a verb ("to cooperate" for 协同)."""
    glosses = lx.cedict().glosses(word)
    return bool(glosses) and glosses[0].startswith("to ")


def _verb_after(words: list[tuple[str, str, int]], end: int, cues: ArgumentCues) -> str:
    """The verb a coverb's noun runs to (为企业提供 → 提供); after a light verb, the verb or verbal
    noun that carries the meaning (对农户进行技术指导 → 指导)."""
    k = next((n for n, w in enumerate(words) if w[2] >= end), len(words))
    if k + 1 < len(words) and words[k][0] == "的":
        # 对B的审判工作进行监督, 对B的预算执行情况进行审计: B's work is what the verb is done to, B still
        # the target; the possessed phrase runs to the light verb (进行)
        light = next((n for n in range(k + 1, min(len(words), k + 6)) if words[n][0] in cues.light), None)
        if light is None or any(words[n][0] in _CLAUSE_END for n in range(k + 1, light)):
            return ""
        k = light
    skipped_nouns = 0
    while k < len(words) and (words[k][0] in BEFORE_VERB or words[k][1] in ("d", "ad", "vn")
                              or (words[k][1].startswith(("n", "l")) and skipped_nouns < 2
                                  and not _verb_first(words[k][0]))):
        skipped_nouns += words[k][1].startswith(("n", "l"))  # 为企业技术创新提供: B is the possessor
        k += 1
    if k < len(words) and words[k][0] in cues.light:
        following = [w for w, f, _ in words[k + 1:k + 4] if f.startswith(("v", "n"))]
        known = [w for w in following if w in cues.transitive or w in cues.provide]
        return known[0] if known else ""
    if k < len(words) and (words[k][1].startswith("v") or _verb_first(words[k][0])):  # 向国务院报告 (n)
        later = [w for w, _, _ in words[k + 1:k + 3] if w in cues.provide or w in cues.transitive]
        return later[0] if later and words[k][0] not in cues.provide | cues.transitive.keys() else words[k][0]
    return ""


def _content(zh: str, span: tuple[int, int]) -> bool:
    """A content noun phrase, glossed: two characters or more, or one noun of few senses (党 "party")."""
    text = zh[slice(*span)]
    if len(text) == 1:
        return 0 < len(word_glosses(text)) <= 8 and text not in _ONE_CHARACTER_GRAMMAR
    return bool(word_glosses(text) or any(word_glosses(w) for w in jieba_words(text, hmm=True)))


#: one-character words jieba may tag nouns that are grammar or too vague to be a party
_ONE_CHARACTER_GRAMMAR = frozenset("人 事 者 方 时 处 里 中 上 下 前 后 内 外 间 点 面 性 化 家 们".split())


_CLAUSE = re.compile(r"[^，,。；;：:！!？?]+")


def parse_frames(zh: str) -> list[Frame]:
    """Every causative, coverb or transitive construction of ``zh`` with both parties named."""
    return list(_frames(zh))


@lru_cache(maxsize=4096)  # pure; the same source is read once per English rendering of it
def _frames(zh: str) -> tuple[Frame, ...]:
    cues = load_argument_cues()
    verbs = frozenset(cues.transitive) | cues.provide
    cue_words = _cue_pattern()
    out: list[Frame] = []
    previous = None
    for clause in _CLAUSE.finditer(zh):  # only the clauses with a cue are cut (jieba's tagger is slow)
        if cue_words.search(clause.group()):
            words = [(w, f, at + clause.start()) for w, f, at in _words(clause.group(), verbs)]
            out.extend(_clause_frames(zh, words, cues, lambda p=previous: _carried_subject(zh, p, verbs)))
        previous = clause
    return tuple(out)


@lru_cache(maxsize=2)
def _cue_pattern() -> re.Pattern[str]:
    """One pattern of every cue word (a clause is cut only when it holds one): one search per
    clause, not one per cue word."""
    cues = load_argument_cues()
    words = {*cues.transitive, *cues.causative, *cues.coverb, *cues.undergo}
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


def _carried_subject(zh: str, previous: re.Match[str] | None, verbs: frozenset[str]) -> tuple[int, int] | None:
    """The subject a clause that opens with a modal carries over from the clause before it, in one
    sentence (各级疾控机构发现事件后，应当向卫生健康部门报告: the centres report): the noun phrase that
    opens that clause, when a comma alone stands between them."""
    if previous is None or zh[previous.end():previous.end() + 1] not in "，,":
        return None
    words = [(w, f, at + previous.start()) for w, f, at in _words(previous.group(), verbs)]
    k = 0
    while k < len(words) and words[k][1] in ("c", "d", "t"):
        k += 1
    if k < len(words) and words[k][0] in _NOT_SUBJECT_AFTER:
        return None
    # the subject runs to its verb (…中心委托合作银行…: jieba tags 委托 a noun there)
    return _noun_run(words, k, to_verb=True)


def _opens_with_modal(words: list[tuple[str, str, int]], i: int) -> bool:
    """Whether the clause opens with no subject of its own: with a modal (应当在2小时内向…报告), or,
    after a conjunction (并, 同时), with an adverbial preposition or the coverb at ``i`` itself
    (…，并按季度向银行支付手续费: the subject of the clause before pays)."""
    k = 0
    while k < i and words[k][1] in ("c", "d", "t"):
        k += 1
    if k < i and words[k][0] in _MODALS:
        return True
    return k > 0 and words[0][1] == "c" and (k == i or words[k][0] in _ADVERBIAL_PREPOSITIONS)


#: the modals that open a clause whose subject is the previous clause's (…后，应当/须/要…)
_MODALS = frozenset("要 应 应当 应该 须 必须 需 需要 可以 可".split())


def _clause_frames(zh: str, words: list[tuple[str, str, int]], cues: ArgumentCues,
                   carried=lambda: None) -> list[Frame]:
    """The frames of one clause; ``carried`` gives the subject of the clause before, for a clause
    that has none of its own."""
    out: list[Frame] = []
    for i, (w, flag, at) in enumerate(words):
        if w in cues.undergo and flag.startswith("v"):
            frame = _undergo_frame(zh, words, i, cues)
            if frame is not None:
                out.append(frame)
            continue
        if w in cues.transitive and (flag.startswith("v") or (flag == "n" and i > 0 and words[i - 1][0] != "的")):
            # jieba tags 领导 a noun in 党领导人民; between two noun phrases it is the verb
            kind, family, verb = "transitive", cues.transitive[w], w
        elif w in cues.causative and flag.startswith("v"):
            kind, family, verb = "causative", cues.causative[w], w
        elif w in cues.provide and flag.startswith("v") and i + 1 < len(words) and words[i + 1][0] == "给":
            # A(将X)转让给B, A拨付给B: a verb of giving and 给 before its receiver
            kind, family, verb = "transitive", "provide", w
        elif w in cues.coverb and flag == "p":
            kind, family, verb = "coverb", "", ""
        else:
            continue
        # 检察机关通过制发检察建议督促…: the subject before the adverbial acts, not the noun inside it
        agent = _clause_subject(words, i) or _subject_before(words, i)
        if agent is not None and kind == "transitive":
            agent = _disposal_subject(words, agent, i)
        carried_over = agent is None and _opens_with_modal(words, i)
        if carried_over:
            agent = carried()
        if agent is None or (kind == "coverb" and zh[:agent[0]].endswith("以")):
            continue  # 以企业为主体: 为 is "as", no coverb
        k = i + 1
        if k < len(words) and words[k][0] in ("了", "着"):
            k += 1
        if kind == "transitive" and k < len(words) and words[k][0] == "给" and w in cues.provide:
            k += 1
        patient = _noun_run(words, k, pivot=kind == "transitive", to_verb=kind == "coverb")
        if kind == "transitive" and (passive := _passive_subject(words, agent)) is not None:
            if patient is not None and patient[0] == at + len(w):
                continue  # 受A委托B…: two objects, no clear reading
            patient = passive  # 该公司受市政府委托: the government entrusts the company
        opened = words[_after_relative(words, k)][2] if k < len(words) else at + len(w)  # after a relative clause
        if patient is None or patient[0] - opened > 3:
            continue
        if kind == "coverb":
            if zh[patient[1]:patient[1] + 1] == "所":
                continue  # A为B所V: a passive, B is the agent
            verb = _verb_after(words, patient[1], cues)
            if not verb or verb in cues.source:
                continue  # 向B学习: B is the source, not the receiver
            family = cues.transitive.get(verb) or ("provide" if verb in cues.provide else "")
        verb_at = zh.find(verb, patient[1]) if kind == "coverb" else at
        after = verb_at + len(verb)
        if zh[after:after + 1] in ("的", "之") or (zh[after:after + 1] == "下" and patient[0] != after):
            continue  # 为人工智能时代带来的突破 (a relative clause), 在政府支持下 (a noun): no clear roles
        a, b = zh[slice(*agent)], zh[slice(*patient)]
        clause = zh[min(words[0][2], agent[0], patient[0]):words[-1][2] + len(words[-1][0])]
        own = zh[words[0][2]:words[-1][2] + len(words[-1][0])]  # a carried subject's clause is its own
        if a == b or (len(a) > 1 and a in b) or (len(b) > 1 and b in a) or not named_once(clause, a) \
                or not named_once(own if carried_over else clause, b):
            # once in its clause: a party the sentence names again elsewhere (律师事务所指派律师…，补贴
            # 由法律援助机构向律师支付) is read at the English verb that renders this clause's
            continue
        if not _content(zh, agent) or not _content(zh, patient) or runs_both_ways(zh, agent[0], patient[1]):
            continue
        out.append(Frame(kind, w, verb, family, a, b, agent, patient))
    return out


#: the markers of the disposal construction (A将/把X移交B): X is what is handed on, A the one who acts
_DISPOSAL = frozenset("将 把".split())


def _disposal_subject(words: list[tuple[str, str, int]], agent: tuple[int, int], i: int) -> tuple[int, int] | None:
    """The agent of a verb whose object was fronted by 将/把 (国家信访局将群众反映的问题转送省信访局: the
    national bureau forwards, the problems are what is forwarded): the subject before the marker,
    or None when there is none; ``agent`` itself when no marker stands between it and the verb."""
    n = next((m for m, w in enumerate(words) if w[2] == agent[0]), None)
    if n is None:
        return agent
    marker = next((m for m in range(n - 1, -1, -1) if words[m][0] in _DISPOSAL), None)
    return agent if marker is None else _subject_before(words, marker)


def _undergo_frame(zh: str, words: list[tuple[str, str, int]], i: int, cues: ArgumentCues) -> Frame | None:
    """A接受/受到/得到B(的)V (各级部门接受审计机关监督, 企业得到政府的支持): B does V and A undergoes
    it, read as the transitive frame B V A.  B is every word between the cue and V, ending in a noun."""
    subject = _clause_subject(words, i) or _subject_before(words, i)
    if subject is None:
        return None
    v = next((n for n in range(i + 2, min(len(words), i + 7)) if words[n][0] in cues.transitive), None)
    if v is None:
        return None
    last = v - 1 - (words[v - 1][0] == "的")
    if words[last][0] != "的" and last - 1 > i and words[last - 1][0] == "的" and words[last][1].startswith(("n", "v")):
        last -= 2  # 接受审计机关的审计监督, 接受县级医院的技术指导: a word names the kind of V
    if last <= i or not is_noun(words[last][1], words[last][0]) \
            or any(words[n][0] in _CLAUSE_END or words[n][0] == "的" for n in range(i + 1, last + 1)):
        return None
    if v + 1 < len(words) and is_noun(words[v + 1][1], words[v + 1][0]) and words[v + 1][0] not in cues.transitive:
        return None  # 接受政府支持企业的做法: V has an object of its own, no clear roles
    agent = (words[i + 1][2], words[last][2] + len(words[last][0]))
    a, b = zh[slice(*agent)], zh[slice(*subject)]
    if a == b or a in b or b in a or not named_once(zh, a) or not named_once(zh, b) \
            or not _content(zh, agent) or not _content(zh, subject):
        return None
    verb = words[v][0]
    return Frame("undergo", words[i][0], verb, cues.transitive[verb], a, b, agent, subject)


# --------------------------------------------------------------------------- the English side

@dataclass(frozen=True)
class Reading:
    """The role the English gives an actor at one verb."""

    role: str  # "agent" | "patient"
    actor: int  # token index of the actor's word
    cue: int  # token index of the verb (or verb of receiving) that gives the role
    how: str  # "the subject of 'drive'", "the 'by'-phrase of 'driven'" …


_AUX = frozenset("has have had will would can could may might shall should must do does did to also further "
                 "not never always now then still often increasingly continuously constantly jointly "
                 "actively effectively greatly strongly".split())
#: words between "be" and its participle ("should be better empowered")
_PASSIVE_ADVERBS = frozenset("also further not being better more fully well still often now even".split())
_BE = frozenset("be is are was were been being get gets got gotten become becomes became".split())
_RELATIVE = frozenset({"that", "which", "who"})
_PREPOSITIONS = frozenset(BREAK_WORDS - {"and", "or", "but", "while", "when", "that", "which", "who", "whom"}) | {
    "among", "between", "under", "over", "about", "across", "within", "without", "toward", "towards"}
_PUNCT = ",;:()—–\"“”.!?"
#: families whose verb passes something to a receiver ("provide services to SMEs", "support for SMEs")
_GIVING = frozenset({"benefit", "toward", "provide", "help", "foster", "guide", "encourage", "drive", "entrust",
                     "report", ""})
#: families whose English verb takes its receiver after "with" or "to" besides "for": "cooperate
#: with the audit office" (配合), "submit to the higher level" (服从)
_RECEIVER_PREPOSITIONS = {"assist": frozenset({"to", "for", "with"}), "obey": frozenset({"to", "with"})}


def _gap(en: str, tokens: list[lx.Token], i: int) -> str:
    """The text between token ``i`` and the next one."""
    return en[tokens[i].end:tokens[i + 1].start] if i + 1 < len(tokens) else ""


def _broken(en: str, tokens: list[lx.Token], i: int, j: int) -> bool:
    """Whether punctuation stands anywhere between tokens ``i`` and ``j`` (i < j)."""
    return any(c in _PUNCT for c in en[tokens[i].end:tokens[j].start])


def _skip_back(en: str, tokens: list[lx.Token], i: int, words: frozenset[str],
               keep: set[int] | frozenset[int] = frozenset()) -> int:
    """Step back from ``i`` over at most three of ``words`` (or -ly adverbs) in one phrase; a word
    of ``keep`` (an actor's: "the villagers' assembly reports") is never an adverb."""
    n = 0
    while i >= 0 and n < 3 and i not in keep and not _broken(en, tokens, i, i + 1) and (
            tokens[i].text.lower() in words or (tokens[i].text.lower().endswith("ly") and len(tokens[i].text) > 4)):
        i -= 1
        n += 1
    return i


def _subject(en: str, tokens: list[lx.Token], k: int, at: set[int], possessor: bool = False) -> int | None:
    """The actor word that is the subject right before the verb at ``k`` ("SMEs will also drive").

    ``possessor``: for a passive, the actor after "of" in the subject counts too: "the work of the
    courts is supervised" says the courts' work undergoes it (对法院的工作进行监督); with an active
    verb "the growth of SMEs drives …" says nothing of what SMEs do."""
    i = _skip_back(en, tokens, k - 1, _AUX, at)
    if i >= 1 and tokens[i].text.lower() == "and" and i not in at:
        return _coordinated_subject(en, tokens, i, at)
    pivot = _passive_pivot(en, tokens, i, k)
    if pivot is not None:
        i = pivot  # "SMEs are encouraged to provide …": SMEs provide
    if i >= 0 and tokens[i].text.lower() in _RELATIVE:
        i -= 1  # "large firms, which drive …": the relative's antecedent
    elif i >= 0 and _broken(en, tokens, i, k):
        return None
    if i >= 1 and tokens[i].text.lower() in _PRONOUN_SUBJECTS:
        i = _condition_subject(en, tokens, i, at)  # "Where X discover …, they shall refer …": X refers
        if i is None:
            return None
        return i
    i = _before_place(en, tokens, i, at)
    if i > 0 and i not in at and i - 1 in at and not _broken(en, tokens, i - 1, i) \
            and tokens[i].text.lower() not in lx.STOPWORDS | BREAK_WORDS:
        i -= 1  # the actor's words before a head noun its glosses lack ("industrial upgrading drives")
    elif i > 0 and i not in at:
        i = _name_opened_by(en, tokens, i, at)
    if i < 0 or i not in at:
        return None
    start = i
    while start - 1 in at:
        start -= 1
    if start > 0 and tokens[start - 1].text.lower() in _PREPOSITIONS and not _broken(en, tokens, start - 1, start) \
            and not (possessor and tokens[start - 1].text.lower() == "of") \
            and not any(j < start - 1 and _one_run(tokens, {j, start}) for j in at):
        # "the growth of SMEs drives …": SMEs is no subject; but "the National Institute of
        # Metrology of China commissioned …": the "of" is inside the actor's own name
        return None
    if pivot is None and any(tokens[n].text.lower() == "to" for n in range(i + 1, k)) \
            and not _pivot_object(en, tokens, start):
        return None  # "a plan to upgrade industrial chains": the plan does not upgrade
    return i


#: how many words of a name may stand between an actor word and the head noun it opens
_NAME_GAP = 4


def _name_opened_by(en: str, tokens: list[lx.Token], i: int, at: set[int]) -> int:
    """The actor word inside the name whose head noun is token ``i`` ("The provincial grain and
    material reserves bureau was commissioned": 省 found, the words of 粮食和物资储备局 met elsewhere
    in the sentence too; "Discipline inspection and supervision bodies transfer …": 监察 found), or
    ``i`` itself: content words and one "and" back to the start of the sentence or of a clause, or
    to a determiner, so that a noun phrase with an actor word inside it is that actor's name, not a
    phrase about it ("the growth of SMEs" stops at "of")."""
    if tokens[i].text.lower() in lx.STOPWORDS | BREAK_WORDS or not tokens[i].text.isalpha():
        return i
    j, joined, inside = i - 1, False, None
    while j >= 0 and i - j <= _NAME_GAP + 2 and not _broken(en, tokens, j, j + 1):
        low = tokens[j].text.lower()
        if j in at:
            inside = j if inside is None else inside
        elif low == "and" and not joined and j - 1 >= 0 and tokens[j - 1].text.lower() not in lx.STOPWORDS:
            joined = True
        elif low in _OPENERS:
            break
        elif low in lx.STOPWORDS | BREAK_WORDS or not tokens[j].text.isalpha() or low in _AUX | _BE:
            return i
        j -= 1
    opened = j < 0 or _broken(en, tokens, j, j + 1) or tokens[j].text.lower() in _OPENERS
    return inside if inside is not None and opened else i


def _coordinated_subject(en: str, tokens: list[lx.Token], i: int, at: set[int]) -> int | None:
    """The subject of a verb that "and" at ``i`` joins to an earlier one of its sentence ("the bureau
    is responsible for the fund, and receives money from hospitals": the bureau receives): the actor
    word right before the first finite verb or auxiliary of the sentence, or None when another word
    stands there."""
    start = i
    while start > 0 and not any(c in ".;:!?" for c in en[tokens[start - 1].end:tokens[start].start]):
        start -= 1
    for v in range(start + 1, i):
        low = tokens[v].text.lower()
        finite = low in _BE or low in _FINITE_AUX or (
            low not in lx.STOPWORDS and not low.endswith("ing") and is_verb_form(low)
            and not is_past_participle(low))
        if v in at or not finite or _broken(en, tokens, v - 1, v):
            continue
        if any(n in at and tokens[n - 1].text.lower() not in lx.STOPWORDS and not _broken(en, tokens, v, n)
               for n in (v + 1, v + 2)):
            continue  # "the housing provident fund management centre": a noun of the actor's own name
        j = _skip_back(en, tokens, v - 1, _AUX - _FINITE_AUX)
        return j if j in at else None
    return None


#: the auxiliaries that open a finite verb phrase after its subject ("the bureau will …")
_FINITE_AUX = frozenset("has have had will would can could may might shall should must do does did".split())


#: the pronouns a main clause opens with after a clause of condition ("…, they shall …")
_PRONOUN_SUBJECTS = frozenset({"they", "it"})
#: the words that open a clause of condition or time at the start of a sentence
_CONDITIONS = frozenset({"where", "if", "when", "whenever", "once", "after"})


def _condition_subject(en: str, tokens: list[lx.Token], i: int, at: set[int]) -> int | None:
    """The actor word a pronoun subject at ``i`` stands for when the sentence opens with a clause of
    condition or time and the pronoun opens the main clause after its comma ("Where market
    regulators discover a crime, they shall refer the case …", the English of 市场监管部门…发现…的，
    应当…移送…): the subject of that clause, right after its opening word; None otherwise."""
    if "," not in en[tokens[i - 1].end:tokens[i].start]:
        return None
    s = i - 1
    while s > 0 and not any(c in ".;:!?" for c in en[tokens[s - 1].end:tokens[s].start]):
        s -= 1
    if tokens[s].text.lower() not in _CONDITIONS or any("," in en[tokens[n].end:tokens[n + 1].start]
                                                       for n in range(s, i - 1)):
        return None  # the clause of condition must run to the pronoun's comma
    # the subject's words: the first of the actor's within four words ("the district public security
    # sub-bureau": 'district' is a word both parties share)
    j = next((n for n in range(s + 1, min(i, s + 5)) if n in at), None)
    if j is None:
        return None
    while j + 1 in at:
        j += 1  # the head of the subject's phrase
    return j


def _passive_pivot(en: str, tokens: list[lx.Token], i: int, k: int) -> int | None:
    """The last word before "be" in "X are encouraged/urged/required to V" (X does V), when the
    words before the verb at ``k`` are such a passive and "to"; else None."""
    if i < 1 or tokens[k - 1].text.lower() != "to" or not is_past_participle(tokens[i].text.lower()):
        return None
    j = _skip_back(en, tokens, i - 1, _PASSIVE_ADVERBS)
    if j < 0 or tokens[j].text.lower() not in _BE or _broken(en, tokens, j, k):
        return None
    return _skip_back(en, tokens, j - 1, _AUX)


#: words before a noun that make it the doer of an infinitive after it ("called on X to", "for X to")
_PIVOT_PREPOSITIONS = frozenset({"on", "upon", "for"})
_DETERMINERS_EN = frozenset({"the", "a", "an", "its", "their", "all", "each", "every", "more", "other", "these",
                             "those", "such"})


def _pivot_object(en: str, tokens: list[lx.Token], start: int) -> bool:
    """Whether the noun phrase at ``start``, before "to" and a verb, is the object of a verb or of
    "on"/"for" and so the infinitive's doer ("encourage SMEs to upgrade", "call on firms to"); a noun
    phrase opened by nothing of the kind is the infinitive's owner ("a plan to upgrade …"), and so is
    one after punctuation ("At the same time, the capacity to ensure …": 'time' governs nothing)."""
    j = start - 1
    while j >= 0 and tokens[j].text.lower() in _DETERMINERS_EN:
        j -= 1
    if j < 0 or _broken(en, tokens, j, start):
        return False
    word = tokens[j].text.lower()
    return word in _PIVOT_PREPOSITIONS or (word not in lx.STOPWORDS and is_verb_form(word))


#: prepositions of a place phrase after a subject ("audit offices across the province have …")
_PLACE_PREPOSITIONS = frozenset({"across", "throughout"})


def _before_place(en: str, tokens: list[lx.Token], i: int, at: set[int]) -> int:
    """The last word before a place phrase that ends at ``i`` ("authorities across the province"),
    when an actor word stands right before it; else ``i``.  Only a short phrase (four words at
    most) with no punctuation: the place says where the subject is, not who it is."""
    if i < 0 or i in at:
        return i
    for p in range(i, max(-1, i - 4), -1):
        if _broken(en, tokens, p, i) if p < i else False:
            return i
        if tokens[p].text.lower() in _PLACE_PREPOSITIONS:
            j = p - 1
            if j >= 0 and not _broken(en, tokens, j, p) and (j in at or j - 1 in at):
                return j
            return i
    return i


#: words that may open a sentence before a fronted participle ("Having been entrusted by …,")
_BEFORE_PARTICIPLE = frozenset({"having", "been", "as", "once", "when", "if"})
_DETERMINERS_EN = frozenset({"the", "a", "an", "all", "each", "every", "its", "their"})


def _fronted_subject(en: str, tokens: list[lx.Token], k: int, at: set[int]) -> int | None:
    """The subject of the main clause after a participle that opens the sentence: "Entrusted by the
    county government, the transport bureau is responsible …" makes the bureau the one entrusted.
    None when the participle does not open the sentence or no actor opens the clause after its comma."""
    if any(tokens[p].text.lower() not in _BEFORE_PARTICIPLE for p in range(k)):
        return None
    comma = next((p for p in range(k, len(tokens) - 1) if "," in _gap(en, tokens, p)), None)
    if comma is None or any(c in ";:.!?()" for c in en[tokens[k].end:tokens[comma].end]):
        return None  # the participle's phrase must run to the comma
    for j in range(comma + 1, min(len(tokens), comma + 5)):
        if j in at:
            return j
        if tokens[j].text.lower() in BREAK_WORDS or (j > comma + 1 and _broken(en, tokens, j - 1, j)):
            return None
        if tokens[j].text.lower() not in _DETERMINERS_EN and j > comma + 2:
            return None
    return None


def _phrase_after(en: str, tokens: list[lx.Token], p: int, at: set[int], span: int = 4,
                  joiners: frozenset[str] = frozenset({"and", "or"})) -> int | None:
    """The actor word heading the phrase right after token ``p`` (a determiner or two between;
    one "of" after a head noun: "for the development of the digital economy"; ``joiners`` of a
    coordinated phrase: "by small and medium-sized enterprises")."""
    limit = p + span
    for j in range(p + 1, len(tokens)):
        if j > limit or _broken(en, tokens, j - 1, j):
            return None
        if j in at:
            return j
        low = tokens[j].text.lower()
        if low == "of" and j - p >= 2 and limit == p + span:
            limit = j + 3
            continue
        if low == "in" and j + 1 < len(tokens) and tokens[j + 1].text.lower() == "charge" and j - p >= 2:
            limit = max(limit, j + 4)
            continue  # "the person in charge of their unit" (负责人): one noun phrase
        if low in BREAK_WORDS - joiners:
            return None
    return None


def _object(en: str, tokens: list[lx.Token], k: int, at: set[int]) -> int | None:
    """The actor word that is the object of the active verb at ``k`` ("drive SMEs", "drive the
    coordinated development of SMEs"; not "drive growth and SMEs")."""
    return _phrase_after(en, tokens, k, at, joiners=frozenset())


#: how far the receiver of a verb of handing on may stand after it: the thing handed on is often a
#: long phrase ("refer leads on illegal land use uncovered during inspections to the authorities";
#: "reports the income and expenditure of the collective economy to the villagers' committee")
_HANDING_REACH = 16
_HANDING_FAMILIES = frozenset({"provide", "report"})
#: the words that open an inserted list of examples between two commas ("…, such as A or B, to …")
_EXAMPLE_OPENERS = ("such as", "including", "for example", "for instance", "e.g.")


def _after_preposition(en: str, tokens: list[lx.Token], k: int, at: set[int], preps: frozenset[str],
                       reach: int = 8) -> int | None:
    """An actor word after one of ``preps`` later in the verb's phrase ("provide services to SMEs");
    an inserted list of examples between commas is stepped over ("refer leads, such as A or B, to C")."""
    p, resumed = k + 1, -1
    while p < min(len(tokens), k + 1 + reach):
        if p != resumed and _broken(en, tokens, p - 1, p):
            close = _example_insert(en, tokens, p)
            if close is None:
                close = _parenthesis_after(en, tokens, p)
            if close is None:
                return None
            reach += close - p
            p = resumed = close
            continue
        if tokens[p].text.lower() in _RELATIVE:
            return None
        if tokens[p].text.lower() in preps:
            if p + 1 < len(tokens) and p + 1 not in at and p + 2 not in at and tokens[p].text.lower() == "to" \
                    and is_base_verb(tokens[p + 1].text):
                p += 1
                continue  # "to help": an infinitive ("to audit offices": the party's own name)
            j = _phrase_after(en, tokens, p, at)
            if j is not None:
                return j
        p += 1
    return None


def _example_insert(en: str, tokens: list[lx.Token], p: int) -> int | None:
    """The token after an inserted list of examples that opens at token ``p`` after a comma and
    closes at the next comma (", such as A or B, to …"), or None: only a comma may break there, and
    the insert runs at most twenty words."""
    if en[tokens[p - 1].end:tokens[p].start].strip() != "," or not en[tokens[p].start:].lower().startswith(_EXAMPLE_OPENERS):
        return None
    for q in range(p + 1, min(len(tokens), p + 21)):
        gap = en[tokens[q - 1].end:tokens[q].start]
        if gap.strip() == ",":
            return q
        if any(c in _PUNCT for c in gap):
            return None
    return None


def _parenthesis_after(en: str, tokens: list[lx.Token], p: int) -> int | None:
    """The token after a short parenthesis that opens before token ``p`` ("lent 60 items (sets) of
    relics to …": a unit or a gloss inside the thing handed on), or None: at most four words, no
    other punctuation inside, and no punctuation but the closing parenthesis after it."""
    if en[tokens[p - 1].end:tokens[p].start].strip() not in ("(", "（"):
        return None
    for q in range(p + 1, min(len(tokens), p + 5)):
        gap = en[tokens[q - 1].end:tokens[q].start].strip()
        if gap in (")", "）"):
            return q
        if gap:
            return None
    return None


def _passive(en: str, tokens: list[lx.Token], k: int, at: set[int]) -> int | None:
    """For a participle at ``k``: the index of its "be" ("SMEs are driven"), ``k`` for a bare one
    followed by "by" ("SMEs driven by …"), or None when the verb is active."""
    if not is_past_participle(tokens[k].text):
        return None
    i = _skip_back(en, tokens, k - 1, _PASSIVE_ADVERBS)
    while i >= 1 and tokens[i].text.lower() in ("and", "or") and is_past_participle(tokens[i - 1].text):
        i = _skip_back(en, tokens, i - 2, _PASSIVE_ADVERBS)  # "is audited and supervised by …"
    if i >= 0 and tokens[i].text.lower() in _BE and not _broken(en, tokens, i, k):
        return i
    if i >= 0 and tokens[i].text.lower() in ("has", "have", "had"):
        return None
    if k + 1 < len(tokens) and tokens[k + 1].text.lower() == "by" and not _broken(en, tokens, k, k + 1):
        return k
    later = next((p for p in range(k + 2, min(len(tokens), k + 7)) if tokens[p].text.lower() == "by"), None)
    if later is not None and not _broken(en, tokens, k, later) and k - 1 >= 0 and k - 1 not in at:
        return k  # "loans provided to SMEs by banks"; not "Banks provided … by": an active past
    return None


def _readings_at(en: str, tokens: list[lx.Token], k: int, at: set[int], family: str) -> list[Reading]:
    """The roles the verb at ``k`` gives the actor words ``at``."""
    out: list[Reading] = []
    verb = tokens[k].text
    giving = _RECEIVER_PREPOSITIONS.get(family) or (frozenset({"to", "for"}) if family in _GIVING else frozenset())
    be = _passive(en, tokens, k, at)
    if be is not None:
        by = next((p for p in range(k + 1, min(len(tokens), k + 8))
                   if tokens[p].text.lower() == "by" and not _broken(en, tokens, k, p)), None)
        if by is not None and (j := _phrase_after(en, tokens, by, at)) is not None:
            out.append(Reading("agent", j, k, f"the 'by'-phrase of '{verb}'"))
        subject = (k - 1 if k - 1 in at and tokens[k + 1].text.lower() == "by" else None) if be == k else \
            _subject(en, tokens, be, at, possessor=True)
        if subject is None and be == k:
            subject = _fronted_subject(en, tokens, k, at)
        if subject is not None:
            out.append(Reading("patient", subject, k, f"the subject of passive '{verb}'"))
        if giving and (j := _after_preposition(en, tokens, k, at, giving)) is not None:
            out.append(Reading("patient", j, k, f"the receiver after '{verb}'"))
        return out
    if k + 1 < len(tokens) and tokens[k + 1].text.lower() == "from" and verb_lemma(verb) in load_argument_cues().receive:
        return _receiving(en, tokens, k, at)
    if (j := _subject(en, tokens, k, at)) is not None:
        out.append(Reading("agent", j, k, f"the subject of '{verb}'"))
    if (j := _object(en, tokens, k, at)) is not None:
        out.append(Reading("patient", j, k, f"the object of '{verb}'"))
    reach = _HANDING_REACH if family in _HANDING_FAMILIES else 8
    if giving and (j := _after_preposition(en, tokens, k, at, giving, reach=reach)) is not None:
        out.append(Reading("patient", j, k, f"the receiver after '{verb}'"))
    if family != "cause" and (j := _after_preposition(en, tokens, k, at, frozenset({"from"}), reach=3)) is not None:
        out.append(Reading("agent", j, k, f"the source of '{verb}' ('from')"))
    return out


def _receiving(en: str, tokens: list[lx.Token], k: int, at: set[int]) -> list[Reading]:
    """"SMEs benefit from …", "SMEs receive support from …": the subject receives, "from" gives."""
    out: list[Reading] = []
    verb = tokens[k].text
    if (j := _after_preposition(en, tokens, k, at, frozenset({"from"}))) is not None:
        out.append(Reading("agent", j, k, f"the giver after '{verb} … from'"))
    be = _passive(en, tokens, k, at)
    if be is None and (j := _subject(en, tokens, k, at)) is not None:
        out.append(Reading("patient", j, k, f"the subject of '{verb}'"))
    return out


def _from_follows(en: str, tokens: list[lx.Token], k: int) -> bool:
    """Whether "from" follows the verb of receiving at ``k`` in its phrase ("benefit from", "receive
    support from"); "these measures benefit consumers" is helping, not receiving."""
    for p in range(k + 1, min(len(tokens), k + 9)):
        if _broken(en, tokens, p - 1, p):
            return False
        if tokens[p].text.lower() == "from":
            return True
    return False


#: verb_lemma, remembered per word: every token of a frame's English is asked for it
_token_verb = lru_cache(maxsize=65536)(verb_lemma)


@lru_cache(maxsize=4096)  # pure: read for every English token of every reading of the frame
def _verb_lemmas(frame: Frame) -> frozenset[str]:
    """English verb lemmas that render the frame's verb: its family and its CC-CEDICT verb glosses."""
    cues = load_argument_cues()
    out = set(cues.english.get(frame.family, frozenset()))
    if frame.kind == "coverb":  # 为B提供, 对B进行指导, 给B带来: "give/provide/offer … to B" renders them all
        out |= cues.english.get("provide", frozenset())
    if frame.kind == "causative":
        return frozenset(out)
    for g in _raw_gloss_words(frame.verb):
        if g not in lx.STOPWORDS and is_base_verb(g):
            out.add(verb_lemma(g))
    return frozenset(out)


@dataclass(frozen=True)
class ArgumentSwap:
    """English that makes the Chinese patient the agent and the agent the patient, at one verb."""

    frame: Frame
    agent_en: tuple[int, int]  # where the Chinese agent stands in the English
    patient_en: tuple[int, int]
    verb_en: tuple[int, int]
    agent_how: str  # the role the English gives the Chinese agent ("the object of 'drive'")
    patient_how: str


def read_english(frame: Frame, zh: str, en: str, tokens: list[lx.Token] | None = None) -> ArgumentSwap | None:
    """The swap of ``frame``'s roles in ``en``, or None (no clear reading, or none)."""
    tokens = lx.tokenize_en(en) if tokens is None else tokens
    cues = _verb_lemmas(frame) | load_argument_cues().receive
    if not any(_token_verb(t.text) in cues for t in tokens):
        return None  # no English verb can give either party a role: the parties need not be looked for
    found: dict[str, set[int]] = {}
    for name, span, other in (("agent", frame.agent_span, frame.patient), ("patient", frame.patient_span, frame.agent)):
        # the other party cut on its own too; the party's own name said again elsewhere is no other word
        rest = (zh[:span[0]] + " " + zh[span[1]:]).replace(zh[slice(*span)], " ") + " " + other
        stems = actor_stems(zh[slice(*span)], rest)
        at = actor_mentions(tokens, stems) if stems else set()
        named = at | _marked_heads(tokens, zh[slice(*span)], rest)
        # a neighbour that renders the frame's verb is no word of the party's name ("Sichuan Province
        # provides …": a loose stem of the prefecture's long gloss meets 'provides')
        at = {k for k in _with_head(tokens, named, zh[slice(*span)])
              if k in named or not tokens[k].text.islower() or _token_verb(tokens[k].text) not in cues}
        if not at:
            if name == "patient" and frame.kind == "transitive" and _one_run(tokens, found["agent"]):
                return _unnamed_subject(frame, en, tokens, found["agent"])
            return None
        found[name] = at
    _give_heads(found["agent"], found["patient"])
    _give_heads(found["patient"], found["agent"])
    if found["agent"] & found["patient"]:
        return None
    for name, span in (("agent", frame.agent_span), ("patient", frame.patient_span)):
        found[name] = _headed_places(tokens, found[name], zh[slice(*span)])
    named_again = zh.count(frame.agent) > 1 or zh.count(frame.patient) > 1
    others = _other_clause_verbs(frame, zh) if named_again else frozenset()
    by_cue = _cue_readings(frame, en, tokens, found, others)
    if not _one_run(tokens, found["agent"]) or not _one_run(tokens, found["patient"]):
        # a party named in two places (its glosses met again elsewhere: "Party discipline" beside
        # "discipline inspection bodies"; a party the sentence names twice): the places a verb gives
        # a role, each read as the party (the right English gives it its own role in one of them)
        for name, at in list(found.items()):
            if not _one_run(tokens, at):
                read = {r.actor for rs in by_cue.values() for r in rs[name]}
                held = [run for run in _runs(tokens, at) if run & read]
                if not held:
                    return None
                found[name] = set().union(*held)
        by_cue = _cue_readings(frame, en, tokens, found, others)
    roles = {name: {r.role for rs in by_cue.values() for r in rs[name]} for name in found}
    if roles["agent"] != {"patient"} or roles["patient"] != {"agent"}:
        return None  # the English gives the agent its role somewhere, or no clear reading
    for k, readings in by_cue.items():
        a = next((r for r in readings["agent"] if r.role == "patient"), None)
        p = next((r for r in readings["patient"] if r.role == "agent"), None)
        if a and p:
            return ArgumentSwap(frame, actor_run(tokens, found["agent"], _run_start(found["agent"], a.actor)),
                                actor_run(tokens, found["patient"], _run_start(found["patient"], p.actor)),
                                (tokens[k].start, tokens[k].end), a.how, p.how)
    return None


#: words that open a subject's noun phrase ("the large grain growers", "all cooperatives")
_OPENERS = frozenset({"the", "a", "an", "all", "each", "every", "some", "many", "local", "these", "those"})


#: words that end a subject's noun phrase on its left
_NOT_IN_SUBJECT = BREAK_WORDS | _OPENERS | _AUX | _RELATIVE | _BE | {"and", "or", "but", "it", "they", "we", "this"}


def _unnamed_subject(frame: Frame, en: str, tokens: list[lx.Token], agent_at: set[int]) -> ArgumentSwap | None:
    """The swap read from the agent alone, when the patient's words are not found (the translator's
    words are none of its glosses: 种粮大户 "large grain growers"): the agent is the object of the
    one English verb that renders the Chinese verb, and a noun phrase of other words, opening the
    sentence or a clause, is its subject ("Large grain growers guide the extension stations")."""
    verbs = _verb_lemmas(frame)
    ks = [k for k, t in enumerate(tokens) if k not in agent_at and verb_lemma(t.text) in verbs]
    if len(ks) != 1 or _passive(en, tokens, ks[0], agent_at) is not None:
        return None
    k = ks[0]
    readings = _readings_at(en, tokens, k, agent_at, frame.family)
    if len(readings) != 1 or readings[0].role != "patient" or not readings[0].how.startswith("the object"):
        return None
    reading = readings[0]
    i = _skip_back(en, tokens, k - 1, _AUX)
    if i < 0 or i in agent_at or _broken(en, tokens, i, k) or not tokens[i].text.isalpha() \
            or tokens[i].text.lower() in lx.STOPWORDS | BREAK_WORDS | _RELATIVE | _AUX:
        return None
    if any(tokens[n].text.lower() == "to" for n in range(i + 1, k)):
        return None  # "the capacity to ensure the security …": a noun before an infinitive owns it, does not do it
    start = i
    while start > 0 and i - start < 3 and start - 1 not in agent_at and not _broken(en, tokens, start - 1, start) \
            and tokens[start - 1].text.isalpha() and tokens[start - 1].text.lower() not in _NOT_IN_SUBJECT:
        start -= 1
    opened = start == 0 or _broken(en, tokens, start - 1, start) or tokens[start - 1].text.lower() in _OPENERS
    if not opened:
        return None
    agent = actor_run(tokens, agent_at, _run_start(agent_at, reading.actor))
    return ArgumentSwap(frame, agent, (tokens[start].start, tokens[i].end), (tokens[k].start, tokens[k].end),
                        reading.how, f"the subject of '{tokens[k].text}'")


@lru_cache(maxsize=8192)
def _raw_gloss_words(text: str) -> frozenset[str]:
    """Every lower-cased word of the CC-CEDICT glosses of ``text``'s dictionary words."""
    cd = lx.cedict()
    out: set[str] = set()
    for word in cd.segment(text):
        for g in cd.glosses(word)[:6]:
            out.update(w.lower() for w in re.findall(r"[A-Za-z]+", lx.strip_gloss(g)))
    return frozenset(out)


#: the generic adjectives that alone tell two parties apart (大型企业 "large" / 中小企业 "small")
_SIZE_WORDS = frozenset({"large", "big", "small", "new", "old", "high", "low"})


def _marked_heads(tokens: list[lx.Token], actor: str, rest: str) -> set[int]:
    """"large enterprises" for 大型企业 beside 中小企业: a size word only the actor's glosses have,
    then a word of the actor's glosses (which the other party may share)."""
    markers = (_raw_gloss_words(actor) & _SIZE_WORDS) - _raw_gloss_words(rest)
    if not markers:
        return set()
    heads = lx.StemSet(actor_lemmas(actor))
    out: set[int] = set()
    for k in range(len(tokens) - 1):
        if tokens[k].text.lower() in markers and heads.has(tokens[k + 1].lemma) \
                and tokens[k + 1].text.lower() not in lx.STOPWORDS:
            out |= {k, k + 1}
    return out


def _with_head(tokens: list[lx.Token], at: set[int], actor: str) -> set[int]:
    """The actor's words and their neighbours that gloss it too: "medium-sized" names 中小企业 alone,
    "enterprises" after it (a gloss 大型企业 shares) is the phrase's head; the words between two of
    them that gloss it or link them ("of the district" in "standing committee of the district
    people's congress") are the phrase's too."""
    if not at:
        return at
    stems = lx.StemSet(actor_lemmas(actor))
    out = set(at)
    for a, b in pairwise(sorted(at)):  # "standing committee of the district people's congress" (区人大常委会)
        if b - a <= 4 and all(tokens[k].text.lower() in _RUN_LINKS or stems.has(tokens[k].lemma) for k in range(a + 1, b)):
            out.update(range(a + 1, b))
    for k in sorted(out):
        j = k + 1
        while j < len(tokens) and j not in out and tokens[j].text.lower() not in lx.STOPWORDS \
                and stems.has(tokens[j].lemma):
            out.add(j)
            j += 1
    return out


def _headed_places(tokens: list[lx.Token], at: set[int], actor: str) -> set[int]:
    """The places of ``at`` that hold the gloss of the actor's head noun (its last word), when
    some do and others do not: a modifier's gloss met elsewhere is no mention of the party
    (发电 'electricity' of 光伏发电项目业主 in "for electricity fed into the grid", away from
    "owners of PV projects").  ``at`` itself when it stands in one place or no place has the head.
    The head is the last word CC-CEDICT glosses."""
    runs = _runs(tokens, at)
    words = jieba_words(actor)
    if len(runs) < 2 or len(words) < 2:
        return at
    # the last word the dictionary glosses (全额 'in full', which jieba reads as a noun, is none)
    cd = lx.cedict()
    head = lx.StemSet(actor_lemmas(next((w for w in reversed(words) if w in cd), words[-1])))
    headed = [run for run in runs if any(head.has(tokens[k].lemma) for k in run)]
    if not headed or len(headed) == len(runs):
        return at
    # a run within a few words of a headed one is the same phrase ("county legal aid centre": the
    # words between gloss the other party too)
    kept = [run for run in runs if run in headed or any(min(abs(a - b) for a in run for b in h) <= 4 for h in headed)]
    return set().union(*kept)


def _give_heads(one: set[int], other: set[int]) -> None:
    """A word of ``other`` right after one of ``one`` is the head of ``one``'s phrase: "State-owned
    enterprises" names 国有企业 even though 'enterprise' glosses only 民营企业."""
    for k in sorted(other):
        if k - 1 in one and k - 1 not in other:
            other.discard(k)
            one.add(k)


def _run_start(at: set[int], k: int) -> int:
    while k - 1 in at:
        k -= 1
    return k


def _one_run(tokens: list[lx.Token], at: set[int]) -> bool:
    """Whether the actor's words stand in one place ("small and medium-sized enterprises"), not two;
    the words of one capitalised name count as one place ("the Provincial Department of Ecology and
    Environment": 'Department' is no gloss of 省生态环境厅's words, its name holds it)."""
    ordered = sorted(at)
    return all(b - a <= 2 or (b - a <= 4 and all(tokens[k].text.lower() in _RUN_LINKS or _in_name(tokens, k)
                                                 for k in range(a + 1, b)))
               for a, b in pairwise(ordered))


def _in_name(tokens: list[lx.Token], k: int) -> bool:
    """Whether token ``k`` is a capitalised word inside a name (not a sentence's first word)."""
    return k > 0 and tokens[k].text[:1].isupper() and tokens[k - 1].text not in (".", "!", "?")


#: the words that may stand inside one party's phrase: "departments at all levels" (各级部门), "the
#: bureaus of each county", "the centre for disease control"; not "and", which joins two parties
_RUN_LINKS = frozenset({"at", "all", "the", "of", "each", "every", "in", "for"})


def _other_clause_verbs(frame: Frame, zh: str) -> frozenset[str]:
    """The English verbs that render the table's verbs of the sentence's other clauses (补偿
    "compensate" beside 由A向B拨付): where a party is named twice, the other clause may run the
    relation the other way, and its verb must not be read as this one's."""
    cues = load_argument_cues()
    start = min(frame.agent_span[0], frame.patient_span[0])
    end = next((m.start() for m in _CLAUSE_BREAK.finditer(zh, max(frame.agent_span[1], frame.patient_span[1]))),
               len(zh))
    begin = max((m.end() for m in _CLAUSE_BREAK.finditer(zh, 0, start)), default=0)
    outside = zh[:begin] + "，" + zh[end:]
    out: set[str] = set()
    for verb in (*cues.provide, *cues.transitive):
        if verb != frame.verb and verb in outside:
            out.update(verb_lemma(g) for g in _raw_gloss_words(verb) if g not in lx.STOPWORDS and is_base_verb(g))
    return frozenset(out)


_CLAUSE_BREAK = re.compile(r"[，,。；;：:！!？?]")


def _cue_readings(frame: Frame, en: str, tokens: list[lx.Token], found: dict[str, set[int]],
                  others: frozenset[str] = frozenset()) -> dict[int, dict[str, list[Reading]]]:
    """Per English verb that renders the frame's verb (or a verb of receiving with "from"), the
    roles it gives each party's words; ``others``: verbs that render another clause's verb."""
    verbs = _verb_lemmas(frame) - others
    receive = load_argument_cues().receive
    by_cue: dict[int, dict[str, list[Reading]]] = {}
    for k, t in enumerate(tokens):
        if k in found["agent"] or k in found["patient"]:
            continue
        lem = _token_verb(t.text)
        if lem in verbs:
            by_cue[k] = {name: _readings_at(en, tokens, k, at, frame.family) for name, at in found.items()}
        elif lem in receive and _from_follows(en, tokens, k):
            by_cue[k] = {name: _receiving(en, tokens, k, at) for name, at in found.items()}
    return by_cue


def _runs(tokens: list[lx.Token], at: set[int]) -> list[set[int]]:
    """The places ``at`` stands in: its words cut where :func:`_one_run` sees two places."""
    out: list[set[int]] = []
    for k in sorted(at):
        if out and _one_run(tokens, out[-1] | {k}):
            out[-1].add(k)
        else:
            out.append({k})
    return out


def find_argument_swaps(zh: str, en: str) -> list[ArgumentSwap]:
    """Every construction of ``zh`` whose two parties ``en`` exchanges."""
    frames = _frames(zh)
    if not frames:
        return []
    tokens = lx.tokenize_en(en)
    out = []
    for frame in frames:
        swap = read_english(frame, zh, en, tokens)
        if swap is not None:
            out.append(swap)
    return out
