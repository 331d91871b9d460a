"""Segmentation on the real corpus and on small hand-checked cases."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from align.errors import InputError
from align.model import Segment
from align.segment import (
    en_sentence_spans,
    segment,
    segment_en,
    segment_lines,
    segment_zh,
    zh_sentence_spans,
)

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpora" / "xuexi-shibao-shushi-ronghe.txt"
ZH_ONLY = ROOT / "corpora" / "zh-only"
DATA = Path(__file__).resolve().parent / "data" / "segment"


def _split_bitext() -> tuple[str, str]:
    """Chinese and English of the 学习时报 piece, footer dropped (the read stage's job)."""
    text = CORPUS.read_text(encoding="utf-8")
    zh, rest = text.split("\n翻译:\n")
    en = rest.split("本文由")[0]
    return zh, en


@pytest.fixture(scope="module")
def bitext() -> tuple[str, str]:
    return _split_bitext()


@pytest.fixture(scope="module")
def zh_segs(bitext) -> list[Segment]:
    return segment_zh(bitext[0])


@pytest.fixture(scope="module")
def en_segs(bitext) -> list[Segment]:
    return segment_en(bitext[1])


def _find(segs: list[Segment], text: str) -> Segment:
    hits = [s for s in segs if s.text == text]
    assert hits, f"no segment equals {text!r}"
    return hits[0]


def _cases(name: str) -> list[tuple[str, list[tuple[str, bool]]]]:
    """Parse a case file: "> input", then "| sentence" / "|H heading" lines."""
    cases = []
    for block in (DATA / name).read_text(encoding="utf-8").split("\n\n"):
        lines = [ln for ln in block.splitlines() if ln and not ln.startswith("#")]
        if not lines:
            continue
        assert lines[0].startswith("> "), block
        expected = []
        for ln in lines[1:]:
            if ln.startswith("|H "):
                expected.append((ln[3:], True))
            else:
                assert ln.startswith("| "), ln
                expected.append((ln[2:], False))
        cases.append((lines[0][2:], expected))
    return cases


def _check_invariants(text: str, segs: list[Segment]) -> None:
    """Ids consecutive, paragraphs stepping by one, segments tiling the text.

    Between two segments (and around them) only whitespace or a CMS marker may
    be skipped, so nothing a translator wrote is lost.
    """
    assert [s.id for s in segs] == list(range(len(segs)))
    assert not segs or segs[0].para == 0
    pos = 0
    for prev, s in zip([None, *segs], segs):
        assert s.text and s.text == s.text.strip()
        found = text.find(s.text, pos)
        assert found >= 0, s
        assert re.fullmatch(r"(?:\s|##[A-Za-z_]+##)*", text[pos:found]), text[pos:found]
        if prev is not None:
            assert s.para - prev.para in (0, 1)
        pos = found + len(s.text)
    assert re.fullmatch(r"(?:\s|##[A-Za-z_]+##)*", text[pos:])


# --------------------------------------------------------------------------
# hand-checked cases


@pytest.mark.parametrize(
    "given,expected",
    _cases("zh_cases.txt"),
    ids=lambda v: v[:16] if isinstance(v, str) else "",
)
def test_zh_cases(given, expected):
    segs = segment_zh(given)
    assert [(s.text, s.heading) for s in segs] == expected


@pytest.mark.parametrize(
    "given,expected",
    _cases("en_cases.txt"),
    ids=lambda v: v[:16] if isinstance(v, str) else "",
)
def test_en_cases(given, expected):
    segs = segment_en(given)
    assert [(s.text, s.heading) for s in segs] == expected


# --------------------------------------------------------------------------
# the 学习时报 bitext


def test_zh_corpus_headings_and_quotes(zh_segs, bitext):
    _check_invariants(bitext[0], zh_segs)
    heading = _find(zh_segs, "一、高水平推进实体经济数字化发展")
    assert heading.heading and heading.para == 1
    assert _find(zh_segs, "三、产业数字化:打造数字经济的“第二增长曲线”").heading
    assert _find(zh_segs, "作者:周民 国家信息中心副主任").heading
    quote = _find(zh_segs, "“工欲善其事,必先利其器。”")
    assert not quote.heading
    before = zh_segs[quote.id - 1]
    after = zh_segs[quote.id + 1]
    assert before.text == "三是关键核心技术自立自强水平还有待进一步提升。"
    assert after.text == "掌握关键核心技术是推进“数实融合”的重要基础。"
    assert before.para == quote.para == after.para
    # inline enumerations are sentences
    assert not _find(zh_segs, "一是融合发展不充分。").heading
    # decimals and percentages stay inside their sentence
    pct = [s for s in zh_segs if "10%、22%、43%" in s.text]
    assert len(pct) == 1 and pct[0].text.startswith("2021年我国产业数字化")
    # half-width ";" between Chinese clauses splits
    semi = [s for s in zh_segs if s.text.endswith("统一调度和需求匹配;")]
    assert semi and zh_segs[semi[0].id + 1].text.startswith("另一方面加速数据要素化")
    # every paragraph of the source is accounted for, in order
    assert zh_segs[-1].para == sum(1 for ln in bitext[0].splitlines() if ln.strip()) - 1
    assert sum(s.heading for s in zh_segs) == 5


def test_en_corpus_sentences_and_headings(en_segs, bitext):
    _check_invariants(bitext[1], en_segs)
    title = _find(
        en_segs, "Promoting digital development of the real economy at a high level"
    )
    assert title.heading and title.para == 1
    first = _find(
        en_segs,
        "First, accelerating the integration of data and reality is the only "
        "way to achieve high-quality development.",
    )
    assert not first.heading
    assert [s.text for s in en_segs if s.para == first.para] == [first.text]
    para = [s for s in en_segs if s.para == first.para + 1]
    assert para[0].text.startswith("The deep integration of the digital economy")
    assert [s.text[:40] for s in para] == [
        "The deep integration of the digital econ",
        "It is also the inevitable choice to buil",
        "At present, the new generation of digita",
        "The application of digital technologies ",
        "Comprehensively improve the quality and ",
    ]
    assert all(not s.heading for s in para)
    quote = _find(
        en_segs,
        "“If a worker wants to do a good job, he must first sharpen his tools.”",
    )
    assert not quote.heading
    truncated = [
        s
        for s in en_segs
        if s.text.endswith("competition law of traditional industries")
    ]
    assert len(truncated) == 1 and not truncated[0].heading
    assert _find(
        en_segs, "Author: Zhou Min, Deputy Director of State Information Center"
    ).heading
    assert en_segs[-1].para == sum(1 for ln in bitext[1].splitlines() if ln.strip()) - 1


def test_en_matches_pysbd_on_corpus(en_segs, bitext):
    """The fast rules draw the same boundaries as pysbd on the real translation."""
    pysbd = pytest.importorskip("pysbd")
    seg = pysbd.Segmenter(language="en", clean=False)
    reference = [
        piece.strip()
        for line in bitext[1].splitlines()
        if line.strip()
        for piece in seg.segment(line)
        if piece.strip()
    ]
    assert [s.text for s in en_segs] == reference


# --------------------------------------------------------------------------
# Chinese-only seeds


def test_ideographic_space_paragraphs():
    text = (ZH_ONLY / "digital-economy-forum-2.txt").read_text(encoding="utf-8")
    assert "\n" not in text.strip()
    segs = segment_zh(text)
    _check_invariants(text, segs)
    assert [(s.text, s.para, s.heading) for s in segs[:5]] == [
        ("强化数字引领 推动高质量发展——二〇二二数字经济论坛发言摘编（二）", 0, True),
        ("创新驱动，培育数字新业态", 1, True),
        ("科技部火炬高技术产业开发中心副主任\xa0\xa0李有平", 2, True),
        ("推动发展数字经济，推进建设数字中国。", 3, False),
        (
            "科技部火炬中心积极推进国家高新区数字经济蓬勃发展，取得了显著成绩。",
            3,
            False,
        ),
    ]
    first_item = _find(segs, "一是国家高新区成为我国数字经济发展引领区。")
    assert first_item.para == 4 and not first_item.heading
    assert _find(segs, "2012—2021年，数字经济占GDP比重年均提升约2.1%。")
    # "　　　　" between sections is one break, not an empty paragraph
    section = _find(segs, "深度融合，释放数据要素价值")
    assert section.heading and segs[section.id - 1].para == section.para - 1


def test_table_of_contents_and_page_furniture():
    text = (ZH_ONLY / "expert-views-collection.txt").read_text(encoding="utf-8")
    segs = segment_zh(text)
    _check_invariants(text, segs)
    toc = _find(segs, "坚持专精特新带动中小企业数字化转型………………………………………1")
    assert toc.heading
    assert _find(segs, "1．中国企业家协会常务副会长兼秘书长朱宏任：").heading
    # the CMS marker "##paidbegin##" is not part of the entry
    assert _find(segs, "7．航天宏图信息技术股份有限公司董事长王宇翔：").heading
    assert not any("##" in s.text for s in segs)
    # a sentence broken by the PDF line wrap is not a heading
    assert not _find(
        segs, "在山西，实体经济的发展持续提升，智能制造、能源产业、农业、生态等"
    ).heading
    assert _find(segs, "第二，数字技术推动产业高速度发展；")


def test_quotation_kept_whole_in_web_article():
    text = (ZH_ONLY / "wu-jun-shushi-ronghe.txt").read_text(encoding="utf-8")
    segs = segment_zh(text)
    _check_invariants(text, segs)
    quote = [s for s in segs if s.text.startswith("习近平总书记深刻指出")]
    assert len(quote) == 1
    assert quote[0].text.endswith("发挥数字技术对经济发展的放大、叠加、倍增作用。”")
    assert _find(segs, "(一)数实融合的发展阶段").heading
    assert _find(segs, "1.第一阶段:数字化作为工具手段(21世纪10年代初期)").heading
    assert _find(segs, "文章来源:http://www.71.cn/2025/0620/1265792.shtml")


@pytest.mark.parametrize("name", sorted(p.name for p in ZH_ONLY.glob("*.txt")))
def test_zh_only_invariants(name):
    text = (ZH_ONLY / name).read_text(encoding="utf-8")
    segs = segment_zh(text)
    assert segs
    _check_invariants(text, segs)
    for s in segs:
        # a sentence never starts with closing punctuation
        assert s.text[0] not in "”’」』）》】，。；、"
        # and never cuts a book title or a quotation pair
        assert s.text.count("《") == s.text.count("》")
        assert s.text.count("“") == s.text.count("”")


# --------------------------------------------------------------------------
# presegmented input


def test_lines_with_blank_lines_make_paragraphs():
    text = (DATA / "lines_blocks.txt").read_text(encoding="utf-8")
    segs = segment_lines(text)
    _check_invariants(text, segs)
    assert [(s.para, s.heading) for s in segs] == [
        (0, True),
        (0, False),
        (0, False),
        (1, False),
        (2, False),
    ]
    # a line is kept whole even when it holds two sentences
    assert segs[-1].text == (
        "再次,加快“数实融合”是加快促进共同富裕的必然选择。 "
        "实现全体人民共同富裕是中国式现代化的重要特征之一。"
    )
    assert segs[3].text == "其次,加快“数实融合”是对冲经济下行压力的必要之举。"


def test_lines_without_blank_lines_are_one_paragraph_without_headings():
    # a sentence-per-line file says nothing about layout; guessing headings
    # from single lines marks short dialogue as headings and misleads the aligner
    text = (DATA / "lines_crlf.txt").read_text(encoding="utf-8", errors="strict")
    raw = (DATA / "lines_crlf.txt").read_bytes().decode("utf-8")
    assert "\r\n" in raw
    segs = segment_lines(raw)
    assert [s.para for s in segs] == [0, 0, 0]
    assert [s.heading for s in segs] == [False, False, False]
    assert all("\r" not in s.text for s in segs)
    assert segs[2].text == text.splitlines()[2]


# --------------------------------------------------------------------------
# edges


@pytest.mark.parametrize("fn", [segment_zh, segment_en, segment_lines])
@pytest.mark.parametrize("text", ["", "   \n\n\u3000\u3000\n", "\r\n"])
def test_empty_input(fn, text):
    assert fn(text) == []


@pytest.mark.parametrize("fn", [segment_zh, segment_en, segment_lines])
def test_bytes_rejected(fn):
    with pytest.raises(InputError):
        fn("数字经济。".encode())


def test_dispatch(bitext):
    assert segment(bitext[0], "zh") == segment_zh(bitext[0])
    assert segment(bitext[1], "en-US") == segment_en(bitext[1])
    assert segment(bitext[1], "en", presegmented=True) == segment_lines(bitext[1])
    with pytest.raises(InputError, match="fr"):
        segment("Bonjour.", "fr")


def test_ten_thousand_sentences_split_like_one_copy(bitext):
    """A long document splits into exactly its copies' sentences (speed: bench/segment_speed.py)."""
    for fn, text in ((segment_zh, bitext[0]), (segment_en, bitext[1])):
        once = len(fn(text))
        copies = 10_000 // once + 1
        segs = fn("\n".join([text] * copies))
        assert len(segs) == once * copies
        assert [s.text for s in segs[-once:]] == [s.text for s in fn(text)]


def test_long_quotation_still_splits(zh_segs):
    """A quoted speech of several paragraphs' length is cut into its sentences."""
    body = "".join(s.text for s in zh_segs if s.para == 3)
    assert len(body) > 200
    text = "他在讲话中说：“" + body + "”"
    segs = segment_zh(text)
    assert len(segs) == sum(1 for s in zh_segs if s.para == 3)
    assert segs[0].text.startswith(
        "他在讲话中说：“加快数字经济和实体经济深度融合意义重大。"
    )
    assert segs[-1].text.endswith("提升我国千行百业的国际竞争力。”")


def test_one_english_splitter_quotations_kept_whole_or_cut():
    """The aligner keeps a quoted speech whole (the Chinese keeps its “…” whole);
    the checks cut it, to judge each sentence.  Nothing else differs.
    (WMT20 newstest2020 reference.)"""
    text = ('He said: "It is the glory of my life to walk through Tiananmen Square like my '
            'father. I am willing to suffer any hardship." Then he left.')
    whole = [text[a:b] for a, b in en_sentence_spans(text)]
    cut = [text[a:b] for a, b in en_sentence_spans(text, keep_quotations=False)]
    assert whole == [text[: text.index(" Then")], "Then he left."]
    assert cut == [text[: text.index(" I am")], 'I am willing to suffer any hardship."',
                   "Then he left."]
    assert [s.text for s in segment_en(text)] == whole
    assert en_sentence_spans("Fig. 3 shows it. 2. The next item.", keep_quotations=False) == \
        en_sentence_spans("Fig. 3 shows it. 2. The next item.")


def test_one_chinese_splitter_semicolons_and_quotations():
    """The aligner cuts at ；and keeps a quoted speech whole; the checks' sentences
    (``cut_semicolons=False, keep_quotations=False``) do neither.  Nothing else
    differs: each sentence keeps its final mark.  (corpora/zh-only and
    tests/data/segment/zh_cases.txt.)"""
    semi = ("大力探索智慧政务、智慧教育、智慧医疗等应用场景，创新开发智慧流调系统；"
            "建成“云医院”，家门口即可享受远程诊疗服务。下一步，将聚焦“住业游乐购”全场景集。")
    first, rest = semi.index("；") + 1, semi.index("。") + 1
    assert [semi[a:b] for a, b in zh_sentence_spans(semi)] == [
        semi[:first], semi[first:rest], semi[rest:]]
    assert [semi[a:b] for a, b in zh_sentence_spans(semi, cut_semicolons=False)] == [
        semi[:rest], semi[rest:]]
    assert [s.text for s in segment_zh(semi)] == [semi[a:b] for a, b in zh_sentence_spans(semi)]

    quote = ("习近平总书记在党的二十大报告中指出：“坚持把发展经济的着力点放在实体经济上。"
             "加快建设制造强国、质量强国、网络强国、数字中国。”这为未来发展数字经济指明了方向。")
    inner, close = quote.index("上。") + 2, quote.index("。”") + 2
    assert [quote[a:b] for a, b in zh_sentence_spans(quote)] == [quote[:close], quote[close:]]
    assert [quote[a:b] for a, b in zh_sentence_spans(quote, keep_quotations=False)] == [
        quote[:inner], quote[inner:close], quote[close:]]
