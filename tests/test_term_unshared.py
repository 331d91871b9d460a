"""term-consistency's unshared rule (qa.term_residue): a term whose sentences share no word for it.

The sentences are our own, in the style of provincial finance notices; none comes from a probe set.
"""

from __future__ import annotations

from align.model import Pair
from qa.checks import terminology as T
from qa.model import Context
from qa.term_words import WordCache

ZH = [
    "今年全省新增专项债券额度320亿元，重点支持交通和水利项目。",
    "财政部门要加快专项债券发行进度，尽早形成实物工作量。",
    "各地不得将专项债券资金用于经常性支出。",
    "审计部门将对专项债券使用情况开展专项审计。",
]
RENAMED = [
    ("This year the province's new quota of special-purpose bonds is 32 billion yuan, mainly supporting "
    "transport and water conservancy projects."),
    ("Finance departments should speed up the issuance of earmarked debt so that construction gets under way "
    "as early as possible."),
    "Localities must not use money raised through dedicated securities for recurrent expenditure.",
    "Audit departments will conduct a special audit of how the ring-fenced notes are used.",
]
KEPT = [
    RENAMED[0],
    ("Finance departments should speed up the issuance of special-purpose bonds so that construction gets "
    "under way as early as possible."),
    "Localities must not use money raised through special-purpose bonds for recurrent expenditure.",
    # 专项审计 'special audit' explains 'special' here: the bonds are still said as everywhere else
    "Audit departments will conduct a special audit of how the special-purpose bonds are used.",
]
TERM = "专项债券"


def _context(en: list[str], first_id: int = 0, gap: int = 1) -> Context:
    pairs = [Pair(id=first_id + k * gap, zh=z, en=e) for k, (z, e) in enumerate(zip(ZH, en))]
    return Context(pairs=pairs, resources={}, options={})


def _unshared(ctx: Context) -> list:
    return T.unshared_flags(ctx, TERM, [p for p in ctx.pairs if TERM in p.zh], WordCache())


def test_a_term_renamed_in_every_sentence_is_flagged_on_each_sentence_after_the_first() -> None:
    flags = _unshared(_context(RENAMED))
    assert [f.pair_id for f in flags] == [1, 2, 3]
    assert all(f.severity == "minor" and f.check == "term-consistency" for f in flags)
    last = flags[-1]
    start, end = last.en_spans[0]
    assert RENAMED[3][start:end] == "ring-fenced"  # its leftover words, not the clause's verb
    assert "special-purpose bonds" in last.message
    assert any(f.pair_id in (1, 2, 3) for f in T.check_consistency(_context(RENAMED)))


def test_a_kept_rendering_is_not_flagged_even_where_a_neighbour_explains_its_words() -> None:
    assert _unshared(_context(KEPT)) == []
    assert T.check_consistency(_context(KEPT)) == []


def test_sentences_far_apart_are_not_read_together() -> None:
    # a memory or a collection of articles: the same term in texts nobody reads as one passage
    assert _unshared(_context(RENAMED, gap=T._UNSHARED_SPAN)) == []
