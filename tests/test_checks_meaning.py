"""Meaning and terminology checks on real text from the 学习时报 corpus.

Pairs are cut out of corpora/xuexi-shibao-shushi-ronghe.txt between two
markers, so every test reads the document the checks are meant for; the
negative cases are the same pairs with the error repaired.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus_texts import EN, LAB_CLEAN, LAB_EN, LAB_ZH, ZH

from align.errors import InputError
from align.model import Pair
from qa import lexicons as lx
from qa.checks import coverage, idioms, terminology
from qa.checks import glossary as glossary_check
from qa.glossary import load_glossary
from qa.model import Context

GLOSSARIES = Path(__file__).parent / "data" / "glossary"


def labelled(line: int, clean: bool = False) -> Pair:
    """Line ``line`` (1-based) of the labelled document, injected or clean English."""
    return Pair(id=line, zh=LAB_ZH[line - 1], en=(LAB_CLEAN if clean else LAB_EN)[line - 1])


def cut(text: str, start: str, end: str) -> str:
    """The corpus text from ``start`` through ``end`` (both must be present, in order)."""
    i = text.index(start)
    j = text.index(end, i) + len(end)
    return text[i:j]


def pair(pid: int, zh: tuple[str, str], en: tuple[str, str]) -> Pair:
    return Pair(id=pid, zh=cut(ZH, *zh), en=cut(EN, *en))


@pytest.fixture(scope="module")
def embedder():
    from align.embed import load_embedder

    return load_embedder()


# --------------------------------------------------------------------------- idiom-literal

KOWLOON = pair(1, ("明确数据要素的权", "的多重羁绊。"),
               ("Clarify the rights, responsibilities", "development and utilization."))


def test_kowloon_caught_from_dictionaries_alone():
    flags = idioms.literal_idioms_in([KOWLOON], set_phrases=[])  # curated table EMPTY
    assert len(flags) == 1
    f = flags[0]
    assert f.check == "idiom-literal" and f.severity == "major"
    assert KOWLOON.zh[slice(*f.zh_spans[0])] == "九龙治水"
    assert KOWLOON.en[slice(*f.en_spans[0])] == "water control in Kowloon"
    assert "Kowloon" in f.message and "'九龙治水'" in f.message


def test_kowloon_repaired_is_clean_with_and_without_curated_table():
    fixed = Pair(id=1, zh=KOWLOON.zh,
                 en=KOWLOON.en.replace("“water control in Kowloon”", "fragmented management"))
    assert idioms.literal_idioms_in([fixed], set_phrases=[]) == []
    assert idioms.literal_idioms_in([fixed]) == []


def test_curated_table_gives_meaning_and_suggestion():
    f, = idioms.literal_idioms_in([KOWLOON])
    assert "fragmented management" in f.suggestion


def test_thousands_of_industries_is_literal():
    p = pair(2, ("当前,以大数据", "千行百业的国际竞争力。"),
             ("At present, the new generation of digital", "thousands of industries."))
    f, = idioms.literal_idioms_in([p])
    assert p.zh[slice(*f.zh_spans[0])] == "千行百业"
    assert "thousands of industries" in p.en[slice(*f.en_spans[0])]


def test_correct_idiomatic_renderings_not_flagged():
    chokehold = pair(3, ("强化数字孪生", "卡脖子”问题。"),
                     ("We will intensify technological innovation", "technological bottlenecks."))
    crisis = pair(4, ("尤其是对中小微企业而言", "推动效应。"),
                  ("Especially for small, medium", "under downward pressure."))
    tools = pair(5, ("“工欲善其事", "必先利其器。”"), ("“If a worker", "sharpen his tools.”"))
    assert idioms.literal_idioms_in([chokehold, crisis, tools]) == []


def test_parts_rendered_by_the_expressions_own_meaning_are_no_literal_rendering():
    # 业 as "industries" and 行 as "business" sit in the sense of 千行百业 ('all industries and
    # trades'); 网, 统, 管 in "one network for unified city management" are the sense of 一网统管
    thousand = pair(2, ("当前,以大数据", "千行百业的国际竞争力。"),
                    ("At present, the new generation of digital", "thousands of industries."))
    thousand = Pair(id=2, zh=thousand.zh, en=thousand.en.replace(
        "thousands of industries", "all China's industries and sectors"))
    network = Pair(id=6, zh="三是打造未来城市,以“一网统管”和“一网通办”为牵引。",
                   en='Third, build the city of the future, guided by "one network for unified '
                      'city management" and "one network for all government services".')
    assert idioms.literal_idioms_in([thousand, network]) == []
    # the image itself is still caught
    literal = Pair(id=2, zh=thousand.zh, en=thousand.en.replace(
        "all China's industries and sectors", "China's thousand lines and hundred trades"))
    f, = idioms.literal_idioms_in([literal])
    assert literal.en[slice(*f.en_spans[0])].endswith("thousand lines and hundred trades")


def test_an_image_kept_as_a_simile_is_minor():
    zh = "如果脱离了数据和技术,实体经济数字化转型就会举步维艰,“数实融合”更会成为无源之水。"
    plain = Pair(id=7, zh=zh, en="Without data and technology, the digital transformation of the "
                 "real economy will struggle, and the integration will become water without a source.")
    simile = Pair(id=7, zh=zh, en=plain.en.replace("become water", "become even more like water"))
    bare, = idioms.literal_idioms_in([plain])
    kept, = idioms.literal_idioms_in([simile])
    assert bare.severity == "major" and kept.severity == "minor"
    assert "simile" in kept.message
    sense = Pair(id=7, zh=zh, en=plain.en.replace("water without a source", "unsustainable"))
    assert idioms.literal_idioms_in([sense]) == []


def test_an_idiom_whose_sense_is_its_parts_is_rendered_by_them():
    """艰苦奋斗 is "to struggle arduously" (CC-CEDICT): "striving … working hard" is its meaning,
    not its image (the published English of a 2013 May Day speech; a sentence of that kind)."""
    zh = "劳模精神就是爱岗敬业、争创一流，艰苦奋斗、勇于创新。"
    meaning = Pair(id=1, zh=zh, en="The ethos of model workers is dedication to work, striving for "
                                   "excellence, working hard and being bold in innovating.")
    assert idioms.compositional("艰苦奋斗") and idioms.literal_idioms_in([meaning]) == []
    # an idiom that says more than its characters is still read: 画蛇添足 "to ruin the effect
    # by adding sth superfluous", rendered by its snake and feet
    assert not idioms.compositional("画蛇添足")
    image = Pair(id=2, zh="这些规定再加一条就是画蛇添足。",
                 en="Adding one more rule would be drawing a snake and adding feet to it.")
    f, = idioms.literal_idioms_in([image])
    assert "画蛇添足" in f.message


def test_a_preposition_is_no_evidence_of_a_literal_rendering():
    """继往开来 ("to follow the past and herald the future"): 往 is glossed "towards", so "continue
    to advance towards" would read as 继 → 'continue', 往 → 'towards' (the published English of a
    2012 speech has such a sentence); its image rendered by content words is still caught."""
    zh = "我们这一代人一定要承前启后、继往开来，继续朝着民族复兴的目标奋勇前进。"
    sense = Pair(id=1, zh=zh, en="Our generation should draw on past progress and chart a new course for "
                                 "the future, and continue to boldly advance towards the goal of national "
                                 "rejuvenation.")
    assert idioms.literal_idioms_in([sense]) == []
    image = Pair(id=2, zh="我们要继往开来。", en="We must inherit the going and open the coming.")
    f, = idioms.literal_idioms_in([image])
    assert "继往开来" in f.message


def test_literal_cue_outweighs_a_rendering_explained_by_other_words():
    # 'key core technologies' renders 关键核心技术, not 牛鼻子; "nose of the ox" is the literal cue
    f, = idioms.literal_idioms_in([labelled(16)])
    assert f.zh[slice(*f.zh_spans[0])] == "牛鼻子"
    assert "nose of the ox" in f.en[slice(*f.en_spans[0])]
    assert idioms.literal_idioms_in([labelled(16, clean=True)]) == []


def test_one_shared_word_is_no_dictionary_meaning():
    # CEDICT 'mechanical hand' (抓手) and 'blessed by heaven' (得天独厚) share one word with the literal English
    for line, expr, table in [(47, "抓手", None), (63, "得天独厚", [])]:
        flags = idioms.literal_idioms_in([labelled(line)], set_phrases=table)
        assert [f.zh[slice(*f.zh_spans[0])] for f in flags] == [expr]
        assert idioms.literal_idioms_in([labelled(line, clean=True)]) == []


def test_modern_set_phrases_in_the_curated_table():
    got = {f.zh[slice(*f.zh_spans[0])] for line in (83, 89) for f in idioms.literal_idioms_in([labelled(line)])}
    assert {"量身打造", "深耕", "蓝海"} <= got
    assert idioms.literal_idioms_in([labelled(83, clean=True), labelled(89, clean=True)]) == []


def test_set_phrase_table_rejects_malformed_lines():
    with pytest.raises(InputError, match="line 1"):
        lx.load_set_phrases(["not chinese\tx"])


# --------------------------------------------------------------------------- glossary

SHUSHI_REAL = pair(10, ("其次,加快“数实融合”是对冲", "必要之举。"),
                   ("Second, accelerating the “integration of data and real”", "downward economic pressure."))
SHUSHI_REALITY = pair(11, ("加快“数实融合”有利于以数字技术为抓手", "重构产业链供应链。"),
                      ("Accelerating the “integration of data and reality” is conducive",
                       "as the starting point."))
SHUSHI_NUMBERS = pair(12, ("在政策引导上", "“不愿转”问题。"),
                      ("In terms of policy guidance", "reluctance to transfer."))
CHOKE = pair(13, ("强化数字孪生", "卡脖子”问题。"),
             ("We will intensify technological innovation", "technological bottlenecks."))
DATA_ELEMENTS = pair(14, ("数据要素,是人类社会", "新动能。"),
                     ("Data elements are a new product", "new advantages in international competition."))


def run_glossary(glossary, *pairs):
    ctx = Context(pairs=list(pairs), resources={"glossary": glossary})
    return [f for p in pairs for f in glossary_check.check_glossary(p, ctx)]


def test_tbx_v2_forbidden_term():
    g = load_glossary(GLOSSARIES / "shushi-v2.tbx")
    flags = run_glossary(g, SHUSHI_REALITY)
    forbidden = [f for f in flags if f.message.startswith("Forbidden")]
    assert len(forbidden) == 1
    f = forbidden[0]
    assert SHUSHI_REALITY.en[slice(*f.en_spans[0])] == "integration of data and reality"
    assert f.suggestion == "Replace with 'digital-real integration'"
    assert len(flags) == 1  # not also "required term missing" for the same term


def test_tbx_v2_required_term_missing():
    g = load_glossary(GLOSSARIES / "shushi-v2.tbx")
    f, = run_glossary(g, SHUSHI_NUMBERS)
    assert f.message.startswith("Glossary term '数实融合' should be translated as 'digital-real integration'")
    assert SHUSHI_NUMBERS.zh[slice(*f.zh_spans[0])] == "数实融合"


def test_tbx_v2_clean_pair():
    g = load_glossary(GLOSSARIES / "shushi-v2.tbx")
    fixed = Pair(id=11, zh=SHUSHI_REALITY.zh,
                 en=SHUSHI_REALITY.en.replace("integration of data and reality", "digital-real integration"))
    assert run_glossary(g, fixed) == []


def test_tbx_v3_basic():
    g = load_glossary(GLOSSARIES / "shushi-v3.tbx")
    assert {t.zh for t in g.terms} == {("数实融合",), ("数据要素",)}
    flags = run_glossary(g, SHUSHI_NUMBERS, DATA_ELEMENTS)
    assert [f.pair_id for f in flags if f.message.startswith("Forbidden")] == [12]
    # 'Data elements' matches 'data element' (plural, case): no flag for pair 14
    assert all(f.pair_id == 12 for f in flags)


def test_csv_glossary():
    g = load_glossary(GLOSSARIES / "shushi.csv")
    flags = run_glossary(g, SHUSHI_REAL, CHOKE)
    assert {f.pair_id for f in flags} == {10}  # 'technological bottlenecks' satisfies 卡脖子
    assert any(f.message.startswith("Forbidden term 'integration of data and real'") for f in flags)


def test_xlsx_glossary(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Source", "Target", "Status"])
    sheet.append(["数实融合", "digital-real integration", "preferred"])
    sheet.append(["数实融合", "integration of data and real", "deprecated"])
    sheet.append(["卡脖子", "chokehold; bottleneck", None])
    path = tmp_path / "terms.xlsx"
    book.save(path)
    g = load_glossary(path)
    term = next(t for t in g.terms if t.zh == ("数实融合",))
    assert term.en == ("digital-real integration",)
    assert term.forbidden == ("integration of data and real",)
    assert {f.pair_id for f in run_glossary(g, SHUSHI_REAL, CHOKE)} == {10}


@pytest.mark.parametrize("name, error", [
    ("broken.csv", "row 3 has no Chinese source term"),
    ("broken.tbx", "not well-formed TBX"),
    ("missing.tbx", "glossary not found"),
])
def test_malformed_glossary_is_one_line_input_error(name, error):
    with pytest.raises(InputError, match=error) as info:
        load_glossary(GLOSSARIES / name)
    assert "\n" not in str(info.value)


def test_glossary_without_language_columns(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("term,meaning\n数实融合,x\n", encoding="utf-8")
    with pytest.raises(InputError, match="zh/en"):
        load_glossary(path)


# --------------------------------------------------------------------------- term-consistency

DIGITAL_REAL = pair(15, ("加快“数实融合”有利于充分发挥", "数字化转型动力。"),
                    ("Accelerating the “integration of digital and real”", "achieve common prosperity."))
HEADING = pair(16, ("二、让数据要素成为", "“数实融合”新动能"),
               ("Second, let data elements become", "“digital and real integration”"))


def test_term_consistency_flags_each_deviating_pair():
    """Five pairs, five renderings, none more common: the first use (pair 10) sets the
    rendering; each other pair carries its own flag with its rendering marked."""
    pairs = [SHUSHI_REAL, SHUSHI_REALITY, DIGITAL_REAL, HEADING, SHUSHI_NUMBERS]
    flags = [f for f in terminology.check_consistency(Context(pairs=pairs)) if "数实融合" in f.message]
    by_pair = {f.pair_id: f for f in flags}
    assert sorted(by_pair) == [11, 12, 15, 16] and len(flags) == 4
    shown = {pid: f.en[s:e] for pid, f in by_pair.items() for s, e in f.en_spans}
    assert shown == {11: "integration of data and reality", 12: "integration of numbers and reality",
                     15: "integration of digital and real", 16: "digital and real integration"}
    for f in flags:
        assert f.zh == next(p.zh for p in pairs if p.id == f.pair_id)
        assert [f.zh[s:e] for s, e in f.zh_spans] == ["数实融合"]
        assert "'integration of data and real' in 1 other pair (10)" in f.message


def test_term_consistency_follows_the_glossary_over_the_majority():
    """Two pairs say 'integration of data and reality', one the glossary's 'integration of
    data and real': the glossary's rendering is the one to follow, so the two are flagged."""
    from qa.glossary import Glossary, Term

    glossary = Glossary(terms=(Term(zh=("数实融合",), en=("integration of data and real",)),))
    twin = Pair(id=13, zh=SHUSHI_REALITY.zh, en=SHUSHI_REALITY.en)
    pairs = [SHUSHI_REAL, SHUSHI_REALITY, twin]
    flags = [f for f in terminology.check_consistency(
        Context(pairs=pairs, resources={"glossary": glossary})) if "数实融合" in f.message]
    assert sorted(f.pair_id for f in flags) == [11, 13]
    assert all(f.en[s:e] == "integration of data and reality" for f in flags for s, e in f.en_spans)
    # without the glossary the majority rules: pair 10 is the odd one
    flags = [f for f in terminology.check_consistency(Context(pairs=pairs)) if "数实融合" in f.message]
    assert [f.pair_id for f in flags] == [10]


def test_term_consistency_clean_when_one_rendering():
    pairs = [Pair(id=p.id, zh=p.zh, en=p.en.replace(old, "digital-real integration"))
             for p, old in [(SHUSHI_REAL, "integration of data and real"),
                            (SHUSHI_REALITY, "integration of data and reality"),
                            (DIGITAL_REAL, "integration of digital and real")]]
    assert [f for f in terminology.check_consistency(Context(pairs=pairs)) if f.zh == "数实融合"] == []


def test_frequent_terms_are_real_words():
    words = terminology._frequent_words(tuple(LAB_ZH))
    assert words["国家高新区"] == 12 and words["数据中心"] >= 6 and words["实体经济"] == 3
    assert "发展数字" not in words and "成为我国" not in words and "高新区" not in words


def test_odd_one_out_rendering_of_a_recurring_term():
    """Only the odd pair carries the flag; the eleven 'national high-tech zones' carry nothing."""
    pairs = [labelled(i) for i in range(1, len(LAB_ZH) + 1)]
    flags = terminology.check_consistency(Context(pairs=pairs))
    marked = {(f.pair_id, f.en[s:e]) for f in flags for s, e in f.en_spans}
    assert {(13, "national high-tech parks"), (76, "digital transition"),
            (87, "physical economy")} <= marked
    high_tech = [f for f in flags if "'国家高新区'" in f.message]
    assert [f.pair_id for f in high_tech] == [13] and high_tech[0].pair_ids == ()
    clean = [labelled(i, clean=True) for i in range(1, len(LAB_ZH) + 1)]
    assert terminology.check_consistency(Context(pairs=clean)) == []


# --------------------------------------------------------------------------- omission / addition

SECURITY = pair(20, ("推进“数实融合”必须坚持", "做大做强网络安全产业。"),
                ("To promote the integration of data and reality. We must", "cybersecurity industry."))
COMPUTING = pair(21, ("聚焦信息通信基础设施", "数据交互能力。"),
                 ("Focusing on the three directions", "for specific scenarios."))


def run_coverage(check, pairs, embedder=None):
    resources = {"embedder": embedder} if embedder is not None else {}
    return check(Context(pairs=pairs, resources=resources))


def test_omission_of_a_deleted_clause(embedder):
    cut_en = SECURITY.en.replace("give full play to the advantages of China’s super-large market, ", "")
    assert cut_en != SECURITY.en
    flags = run_coverage(coverage.check_omission, [Pair(id=20, zh=SECURITY.zh, en=cut_en)], embedder)
    assert len(flags) == 1
    assert SECURITY.zh[slice(*flags[0].zh_spans[0])] == "发挥我国超大规模市场优势"
    assert flags[0].category == "Accuracy/Omission"


def test_no_omission_or_addition_in_intact_pairs(embedder):
    pairs = [SECURITY, COMPUTING, KOWLOON, SHUSHI_REALITY]
    assert run_coverage(coverage.check_omission, pairs, embedder) == []
    assert run_coverage(coverage.check_addition, pairs, embedder) == []
    assert run_coverage(coverage.check_omission, pairs) == []  # lexical signals only


def test_omission_without_embedder_uses_words():
    cut_en = COMPUTING.en.replace("strengthen pooling and intelligent scheduling of computing power, ", "")
    flags = run_coverage(coverage.check_omission, [Pair(id=21, zh=COMPUTING.zh, en=cut_en)])
    assert [COMPUTING.zh[slice(*f.zh_spans[0])] for f in flags] == ["强化算力统筹和智能调度"]


def test_addition_of_a_foreign_sentence(embedder):
    extra = cut(EN, "strengthen the cultivation of innovative talents", "support of the capital market")
    employment = pair(22, ("实体经济是解决就业问题", "主导力量。"),
                      ("The real economy is the leading force", "improving people’s lives."))
    assert run_coverage(coverage.check_addition, [employment], embedder) == []
    p = Pair(id=22, zh=employment.zh, en=employment.en + " We will also " + extra + ".")
    flags = run_coverage(coverage.check_addition, [p], embedder)
    assert len(flags) == 1
    assert p.en[slice(*flags[0].en_spans[0])].startswith("We will also strengthen the cultivation")


def test_dropped_clause_whose_words_the_rest_renders(embedder):
    # 数字经济 of the dropped clause is rendered by the other clauses: only its own words count
    flags = run_coverage(coverage.check_omission, [labelled(9)], embedder)
    assert [f.zh[slice(*f.zh_spans[0])] for f in flags] == ["一批数字经济增长点、增长极、增长带加速形成"]
    assert run_coverage(coverage.check_omission, [labelled(9, clean=True), labelled(5, clean=True)],
                        embedder) == []


def test_short_added_clause(embedder):
    flags = run_coverage(coverage.check_addition, [labelled(21)], embedder)
    assert [f.en[slice(*f.en_spans[0])] for f in flags] == ["especially in Africa and Latin America."]
    assert run_coverage(coverage.check_addition, [labelled(21, clean=True)], embedder) == []


def test_length_ratio_flags_truncated_english():
    truncated = Pair(id=23, zh=SECURITY.zh, en=SECURITY.en.split(". We must")[0] + ".")
    flags = run_coverage(coverage.check_omission, [truncated])
    assert any("unusually short" in f.message and f.severity == "minor" for f in flags)
    assert not any("unusually" in f.message for f in run_coverage(coverage.check_omission, [SECURITY]))


def test_length_ratio_calibration_is_robust():
    # 20 ordinary pairs and one outlier: the outlier must not move the median
    normal = [Pair(id=i, zh=SECURITY.zh, en=SECURITY.en, score=0.9, zh_ids=(i,)) for i in range(20)]
    outlier = Pair(id=99, zh=SECURITY.zh, en="Short.", score=0.9, zh_ids=(99,))
    got = coverage.calibrate_length_ratio(normal + [outlier])
    assert got["median"] == round(coverage.length_ratio(SECURITY), 3)
    assert got["n"] == 21


# --------------------------------------------------------------------------- registry


def test_checks_are_declared():
    declared = {c.id: c for m in (idioms, glossary_check, terminology, coverage) for c in m.CHECKS}
    assert set(declared) == {"idiom-literal", "glossary", "term-consistency", "omission", "addition"}
    assert declared["term-consistency"].scope == "document"
    assert declared["idiom-literal"].category == "Style/Literal idiom"


def test_chinese_numerals_meet_english_digits_in_clause_coverage():
    # 二十届 is "20th": a clause whose only unglossed words are numerals is rendered
    assert coverage.zh_clause_coverage("党的二十届三中全会", "the Third Plenum of the 20th CPC Central Committee") == 1.0
    # another figure in the English is no evidence
    assert coverage.zh_clause_coverage("党的二十届三中全会", "the Third Plenum of the 19th CPC Central Committee") < 0.5


PLENUM = Pair(id=22, zh="党的十九届五中全会提出,“坚持把发展经济着力点放在实体经济上”。",
              en="The Fifth Plenary Session of the 19th CPC Central Committee called for "
                 "\"keeping the focus of economic development on the real economy\".")


def test_attribution_clause_is_not_an_omission(embedder):
    # the reporting clause is rendered freely ("called for" for 提出); its words are no evidence
    assert run_coverage(coverage.check_omission, [PLENUM], embedder) == []
    assert run_coverage(coverage.check_omission, [PLENUM]) == []


def test_a_characters_grammar_gloss_names_no_rendering():
    """得 is glossed "structural particle: used after a verb …, linking it to following phrase
    indicating effect, degree, possibility etc": "effect" or "degree" in the English is no
    rendering of 得 by its character."""
    from qa import literal as lr

    de = next(p for p in lr.parts_of("唾手可得") if p.zh == "得")
    assert {"obtain", "gain"} <= de.lemmas
    assert not de.lemmas & {"structural", "phras", "degre", "effect", "verb"}
