"""literal-term, roles and unquoted term-consistency on real government prose.

Sentences are State Council and ministry prose (营商环境, 由财政部牵头、各部门配合
constructions) and the WMT20 news sources; negatives are the same sentences
correctly translated.
"""

from __future__ import annotations

import pytest

from align.model import Pair
from qa import term_heads
from qa.argument_roles import load_argument_cues, parse_frames
from qa.checks import literal_terms, roles, terminology
from qa.english_verb_forms import is_past_participle, verb_lemma
from qa.model import Context
from qa.role_agency import parse_agency

# --------------------------------------------------------------------------- term-consistency

QUALITY = [
    Pair(id=1, zh="推动高质量发展，是保持经济持续健康发展的必然要求。",
         en="Promoting high-quality development is an inevitable requirement for sustaining sound "
            "and healthy economic growth."),
    Pair(id=2, zh="各地要以供给侧结构性改革为主线，推动经济高质量发展。",
         en="All localities should take supply-side structural reform as the main line and promote "
            "quality growth of the economy."),
    Pair(id=3, zh="今年一季度，全国新设市场主体同比增长百分之十。",
         en="In the first quarter, newly registered market entities nationwide grew by 10 percent year on year."),
    Pair(id=4, zh="高质量发展离不开科技创新的支撑。",
         en="High-standard development cannot do without the support of scientific and technological innovation."),
    Pair(id=5, zh="我们将坚定不移推动高质量发展。",
         en="We will unswervingly pursue high-quality development."),
]


def test_unquoted_term_rendered_three_ways():
    flags = [f for f in terminology.check_consistency(Context(pairs=QUALITY)) if "高质量发展" in f.message]
    # 'quality development' (pairs 1, 5) dominates; pairs 2 and 4 deviate, each flagged on its own
    shown = {f.pair_id: [f.en[s:e] for s, e in f.en_spans] for f in flags}
    assert shown == {2: ["quality growth"], 4: ["standard development"]}


def test_unquoted_term_rendered_one_way_is_clean():
    pairs = [Pair(id=p.id, zh=p.zh, en=p.en.replace("quality growth", "high-quality development")
                  .replace("High-standard", "High-quality")) for p in QUALITY]
    assert [f for f in terminology.check_consistency(Context(pairs=pairs)) if "高质量发展" in f.message] == []


def test_dominant_rendering_reads_each_pair_once(monkeypatch):
    """One index of the English word sequences per document (issue 16: was rebuilt per candidate key)."""
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "corpora" / "qa-labelled"
    zh = (root / "zh.txt").read_text(encoding="utf-8").split("\n")
    en = (root / "en.txt").read_text(encoding="utf-8").split("\n")
    pairs = [Pair(id=i, zh=z, en=e) for i, (z, e) in enumerate(zip(zh, en), 1)]
    calls = []
    real = terminology._en_key_spans
    monkeypatch.setattr(terminology, "_en_key_spans", lambda text, *a: calls.append(a) or real(text, *a))
    ctx = Context(pairs=pairs)
    flags = terminology.check_consistency(ctx)
    # default-length keys: once per pair for the index (qa/term_keys.py keeps only their
    # hashes), then again only in a recurring term's own pairs, to name its common keys
    occ = terminology.term_occurrences(pairs, terminology._candidate_terms(ctx))
    again = sum(len(o) + 1 for o in occ.values() if len(o) >= 3)
    assert len(pairs) < sum(1 for a in calls if not a) <= len(pairs) + again
    phrase_keys = []
    real_keys = term_heads._keys
    monkeypatch.setattr(term_heads, "_keys", lambda text: phrase_keys.append(text) or real_keys(text))
    terminology.check_consistency(Context(pairs=pairs))
    assert len(phrase_keys) <= len(pairs)  # the modifier + head index: one pass over the document
    scans = []
    monkeypatch.setattr(terminology, "_occurrences", lambda ctx, term: scans.append(term) or [])
    again = terminology.check_consistency(Context(pairs=pairs))
    assert scans == [] and again == flags  # each term's pairs come from the one-pass index
    occ = terminology.term_occurrences(pairs, {"国家高新区", "数据中心"})
    assert [p.id for p in occ["国家高新区"]] == [p.id for p in pairs if "国家高新区" in p.zh and p.en.strip()]
    # the same flags as before the index (test_checks_meaning checks their text)
    assert {13, 76, 87} <= {f.pair_id for f in flags}


def _ngrams_by_rescanning(en: str, max_len: int) -> list[tuple[str, tuple[str, ...]]]:
    """The word runs as term-consistency found them before qa/term_words.py: each look re-tokenized
    the English and searched every run's text for punctuation."""
    import re

    from qa import lexicons as lx

    tokens = lx.tokenize_en(en.replace("-", " "))
    out = []
    for i in range(len(tokens)):
        for n in range(1, max_len + 1):
            if i + n > len(tokens):
                break
            chunk = tokens[i:i + n]
            if re.search(r"[.;:,!?“”\"]", en[chunk[0].start:chunk[-1].end]):
                break
            out.append((en[chunk[0].start:chunk[-1].end], tuple(t.lemma for t in chunk)))
    return out


def test_words_read_once_answer_like_rescanning_the_english():
    """The per-document reading of each English text (issue 16) gives the word runs, lemmas and
    offsets the per-term re-tokenizing gave: punctuation inside a word ('U.S.', '1,000'), quotes,
    hyphens and a text ending without a stop."""
    from qa.term_words import read_words

    texts = [p.en for p in QUALITY + REAL_ECONOMY + LIVESTREAM] + [
        'The U.S. side said the "dual circulation" strategy covers 1,000 firms; e-commerce grew',
        "“Integration of digital and real” — China's new-type industrialization!", ""]
    for en in texts:
        words = read_words(en)
        for n in (1, 3, 6):
            assert list(words.ngrams(n)) == _ngrams_by_rescanning(en, n), (en, n)


def test_term_index_reads_each_english_once_and_keeps_the_flags(monkeypatch):
    """On a document where every term recurs (the qa-labelled pairs three times over, as a memory
    holds one source per system), each distinct English text is tokenized once for all its terms,
    and each distinct Chinese text POS-tagged once: the recurring words are those of the document
    once, in the same order, each counted three times (as when every copy was tagged anew)."""
    from pathlib import Path

    from qa import term_words

    root = Path(__file__).resolve().parent.parent / "corpora" / "qa-labelled"
    zh = (root / "zh.txt").read_text(encoding="utf-8").split("\n")[:40]
    en = (root / "en.txt").read_text(encoding="utf-8").split("\n")[:40]
    once = terminology._frequent_words(tuple(zh))
    thrice = terminology._frequent_words(tuple(zh * 3))
    assert list(thrice) == list(once) and all(thrice[w] == 3 * n for w, n in once.items())
    pairs = [Pair(id=i, zh=z, en=e) for i, (z, e) in enumerate(zip(zh * 3, en * 3), 1)]
    reads = []
    real = term_words.read_words
    monkeypatch.setattr(term_words, "read_words", lambda text: reads.append(text) or real(text))
    flags = terminology.check_consistency(Context(pairs=pairs))
    assert len(reads) == len(set(reads)) <= len(set(en))
    assert flags and {f.check for f in flags} == {"term-consistency"}


# Government-work-report and ministry prose on 实体经济 (the 20th Congress report: 坚持把发展经济的着力点放在实体经济上)
REAL_ECONOMY = [
    Pair(id=1, zh="坚持把发展经济的着力点放在实体经济上。",
         en="We must keep the focus of economic development on the real economy."),
    Pair(id=2, zh="加快发展数字经济，促进数字经济和实体经济深度融合。",
         en="We will accelerate the development of the digital economy and promote its deep integration "
            "with the real economy."),
    Pair(id=3, zh="金融要把为实体经济服务作为出发点和落脚点。",
         en="Finance must take serving the real economy as its starting point and ultimate goal."),
    Pair(id=4, zh="推动数字经济和实体经济融合发展，降低实体经济企业成本。",
         en="We will promote the integrated development of the digital economy and the physical economy "
            "and lower costs for businesses."),
    Pair(id=5, zh="今年一季度，全国新设市场主体同比增长百分之十。",
         en="In the first quarter, newly registered market entities nationwide grew by 10 percent year on year."),
]

LIVESTREAM = [
    Pair(id=11, zh="直播电商已成为拉动消费增长的新引擎。",
         en="Livestream e-commerce has become a new engine driving consumption growth."),
    Pair(id=12, zh="多地出台政策措施支持直播电商规范发展。",
         en="Many localities have issued policies to support the orderly development of livestream e-commerce."),
    Pair(id=13, zh="直播电商带动了农产品销售。",
         en="Livestream retail has boosted sales of farm produce."),
]


def _term_flags(pairs: list[Pair], term: str) -> dict[int, list[str]]:
    flags = [f for f in terminology.check_consistency(Context(pairs=pairs)) if f"'{term}'" in f.message]
    return {f.pair_id: [f.en[s:e] for s, e in f.en_spans] for f in flags}


def test_unquoted_term_with_another_modifier_on_the_same_head():
    """'the physical economy' beside three 'the real economy': the head (经济 'economy') is the
    same, the modifier differs; 'digital economy' in the same pair renders 数字经济, not the term."""
    shown = _term_flags(REAL_ECONOMY, "实体经济")
    assert shown == {4: ["physical economy"]}
    f, = [f for f in terminology.check_consistency(Context(pairs=REAL_ECONOMY)) if f.pair_id == 4]
    assert f.severity == "minor" and f.zh[slice(*f.zh_spans[0])] == "实体经济"
    assert "'real economy' in 3 other pairs (1, 2, 3)" in f.message


def test_unquoted_term_with_the_same_modifier_on_another_head():
    """'Livestream retail' beside two 'livestream e-commerce': same modifier, the head swapped."""
    assert _term_flags(LIVESTREAM, "直播电商") == {13: ["Livestream retail"]}


def test_paraphrase_and_shorter_forms_are_no_other_rendering():
    """A bare head ('the economy'), a pronoun or the dominant rendering with more words around it
    ('high-quality economic and social development') is no different rendering of the term."""
    pairs = [Pair(id=p.id, zh=p.zh, en=p.en.replace("the physical economy", "the economy")) for p in REAL_ECONOMY]
    assert _term_flags(pairs, "实体经济") == {}
    pairs = [Pair(id=p.id, zh=p.zh, en=p.en.replace("the physical economy", "it")) for p in REAL_ECONOMY]
    assert _term_flags(pairs, "实体经济") == {}
    split = QUALITY[:1] + QUALITY[4:] + [
        Pair(id=6, zh="实现经济和社会的高质量发展。", en="Achieve high-quality economic and social development."),
        Pair(id=7, zh="以高质量发展为主题。", en="We will take high-quality development as our theme.")]
    assert _term_flags(split, "高质量发展") == {}


def test_no_dominant_rendering_when_renderings_tie():
    """Two 'livestream e-commerce', two 'webcast commerce': no rendering dominates, nothing is flagged."""
    pairs = LIVESTREAM[:2] + [
        Pair(id=13, zh="直播电商带动了农产品销售。", en="Webcast commerce has boosted sales of farm produce."),
        Pair(id=14, zh="直播电商从业人员超过一千万。", en="More than ten million people work in webcast commerce.")]
    assert _term_flags(pairs, "直播电商") == {}
    assert _term_flags(pairs[:3], "直播电商") == {13: ["Webcast commerce"]}


# whole noun phrases rendering each piece of a term (qa/term_pieces.py): sentences of our own in the
# style of 2024 economic-policy commentary
NEW_FORCES = [
    Pair(id=21, zh="各地因地制宜发展新质生产力。",
         en="Localities are developing new quality productive forces in light of local conditions."),
    Pair(id=22, zh="科技创新是发展新质生产力的核心要素，新质生产力的关键在于质优。",
         en="Scientific and technological innovation is the core element in developing new quality productive "
            "forces, and the key to new quality productive forces lies in superior quality."),
    Pair(id=23, zh="要用新质生产力赋能传统产业。",
         en="We should use new-quality productivity to empower traditional industries."),
    Pair(id=24, zh="新质生产力需要与之相适应的生产关系。",
         en="New-type productive forces require relations of production suited to them."),
]

CYBER = [
    Pair(id=31, zh="加强网络安全保障，提升网络安全防护能力，壮大网络安全产业。",
         en="We will strengthen cybersecurity safeguards, improve cybersecurity protection capabilities and "
            "grow the cybersecurity industry."),
    Pair(id=32, zh="关键信息基础设施运营者应当履行网络安全保护义务。",
         en="Operators of critical information infrastructure shall fulfil their network security "
            "protection obligations."),
    Pair(id=33, zh="网络安全事件应急预案应当定期演练。",
         en="Emergency plans for internet security incidents shall be rehearsed regularly."),
]

AFRICA = [
    Pair(id=41, zh="中方愿同非洲国家加强合作。", en="China is willing to strengthen cooperation with African countries."),
    Pair(id=42, zh="非洲国家领导人出席了峰会。", en="Leaders of African countries attended the summit."),
    Pair(id=43, zh="多个非洲国家表示支持。", en="Several African countries expressed their support."),
    Pair(id=44, zh="非洲国家普遍欢迎这一倡议。", en="African nations have generally welcomed the initiative."),
]


def test_term_opening_with_one_character_rendered_three_ways():
    """新质生产力 = 新 + 质 + 生产力: 'new-quality productivity' (another head) and 'new-type productive forces'
    (another word for 质, between two glosses) beside 'new quality productive forces' said three times."""
    assert _term_flags(NEW_FORCES, "新质生产力") == {23: ["new-quality productivity"],
                                                   24: ["New-type productive forces"]}


def test_hyphen_and_space_are_one_rendering():
    pairs = [Pair(id=p.id, zh=p.zh, en=p.en.replace("new-quality productivity", "new-quality productive forces")
                  .replace("New-type", "New quality")) for p in NEW_FORCES]
    assert _term_flags(pairs, "新质生产力") == {}


def test_closed_compound_said_three_times_dominates():
    """'cybersecurity' three times in one pair, 'network security' and 'internet security' once each."""
    assert _term_flags(CYBER, "网络安全") == {32: ["network security"], 33: ["internet security"]}
    same = [Pair(id=p.id, zh=p.zh, en=p.en.replace("network security", "cyber-security")
                 .replace("internet security", "cyber security")) for p in CYBER]
    assert _term_flags(same, "网络安全") == {}


def test_established_rendering_replaced_once():
    assert _term_flags(AFRICA, "非洲国家") == {44: ["African nations"]}
    assert _term_flags(AFRICA[:3] + [Pair(id=44, zh=AFRICA[3].zh, en=AFRICA[3].en.replace("nations", "countries"))],
                       "非洲国家") == {}


def test_word_at_the_left_edge_is_no_rendering_of_the_term():
    """'Serbian team' is not 中国队 rendered otherwise: a word no gloss explains, with nothing to its left."""
    pairs = [
        Pair(id=51, zh="中国队以三比零战胜塞尔维亚队。", en="The Chinese team beat the Serbian team 3-0."),
        Pair(id=52, zh="中国队本届比赛保持全胜。", en="The Chinese team has won every match of the tournament."),
        Pair(id=53, zh="中国队主教练表示满意。", en="The head coach of the Chinese team said he was satisfied."),
        Pair(id=54, zh="赛后，中国队与对手握手致意。", en="After the match, the Serbian team shook hands with its opponents."),
    ]
    assert _term_flags(pairs, "中国队") == {}


# --------------------------------------------------------------------------- literal-term

def literal(zh: str, en: str) -> list:
    p = Pair(id=1, zh=zh, en=en)
    return literal_terms.check_literal_terms(p, Context(pairs=[p]))


SOFT_RIB = "关键核心技术受制于人是产业链供应链最大的软肋。"


def test_soft_rib_is_a_literal_rendering():
    f, = literal(SOFT_RIB, "Dependence on others for key core technologies is the biggest soft rib of our "
                           "industrial and supply chains.")
    assert f.check == "literal-term" and f.category == "Accuracy/Mistranslation"
    assert f.severity == "major"  # CEDICT marks 软肋 "(fig.) weak spot"
    assert f.zh[slice(*f.zh_spans[0])] == "软肋" and f.en[slice(*f.en_spans[0])] == "soft rib"
    assert "weak spot" in f.suggestion


def test_gun_thorns_is_a_literal_rendering():
    # WMT20 WeChat_AI seg 772, rated a mistranslation; 枪刺 'bayonet' carries no CEDICT marker: minor
    f, = literal("闪亮的枪刺、独有的橄榄绿和鲜红的肩章共同构成一道亮丽的风景线。",
                 "The shiny gun thorns, unique olive green and bright red shoulder badges together form "
                 "a beautiful scenic line.")
    assert f.en[slice(*f.en_spans[0])] == "gun thorns" and f.severity == "minor"


def test_curated_terms_rendered_by_their_image_are_mistranslations():
    # a set phrase no 成语 list holds is a term: idiom-literal reports the image, literal-term the lost
    # meaning (one flag, whatever the evidence of literal-term's own dictionary test)
    from qa.checks import idioms

    zh, en = "补齐农村基础设施和公共服务短板。", "Make up for the short board of rural infrastructure and public services."
    f, = literal(zh, en)
    assert (f.check, f.category, f.severity) == ("literal-term", "Accuracy/Mistranslation", "major")
    assert f.zh[slice(*f.zh_spans[0])] == "短板" and "weak" in f.suggestion
    assert [f.check for f in idioms.literal_idioms_in([Pair(id=1, zh=zh, en=en)])] == ["idiom-literal"]
    f, = literal("要把科技创新作为推动高质量发展的抓手。",
                 "Scientific and technological innovation should be the grabbing hand for high-quality growth.")
    assert "grabbing hand" in f.en[slice(*f.en_spans[0])]
    assert literal("要把科技创新作为推动高质量发展的抓手。",
                   "Scientific and technological innovation should be the main lever for high-quality growth.") == []


def test_a_literal_cue_another_word_says_is_no_image():
    # WMT20 seg 1020: "sheep" (a cue of 领头羊) renders 肉羊 and 羊群 there; "bellwether" is the sense
    zh = "全市有913个肉羊规模化养殖场，羊群正成为该地产业扶贫的“领头羊”。"
    assert literal(zh, "The city has 913 large-scale mutton sheep farms, and the flocks are becoming the "
                       "bellwether of local poverty alleviation.") == []
    assert literal("该企业是行业的领头羊。", "The company is the lead sheep of the industry.") != []


def test_a_cue_word_the_rest_of_the_source_says_is_the_topic_not_the_image():
    """'sheep' is a cue of 领头羊 only where nothing else in the Chinese says sheep: in a sentence
    about sheep farming (绵羊) it is the topic, and the figurative "bellwether" is the rendering."""
    from qa.checks.idioms import literal_idioms_in

    def idiom(zh: str, en: str) -> list:
        return literal_idioms_in([Pair(id=1, zh=zh, en=en)])

    zh = "这个县有两百多家绵羊养殖合作社，畜牧业已成为全县经济的领头羊。"
    assert idiom(zh, "The county has over 200 sheep-farming cooperatives, and animal husbandry has become "
                     "the bellwether of its economy.") == []
    # a cue with a word of its own is still the image there
    assert idiom(zh, "The county has over 200 sheep-farming cooperatives, and animal husbandry has become "
                     "the leading sheep of its economy.") != []
    assert idiom("这家银行是区域金融改革的领头羊。",
                 "The bank is the sheep at the head of the flock in regional financial reform.") != []
    assert idiom("这家银行是区域金融改革的领头羊。", "The bank is a bellwether of regional financial reform.") == []


def test_listed_idioms_and_similes_stay_style():
    # 得天独厚 is a 成语 of the idiom lists; "like water without a source" keeps the image as a simile
    assert literal("这里的区位优势得天独厚。", "Its location advantage here is thick from heaven alone.") == []
    assert literal("缺少人才支撑，创新就会成为无源之水。",
                   "Without talent, innovation will become like water without a source.") == []


def test_an_image_made_of_nouns_is_figurative_whatever_its_parts():
    # 牛鼻子 'crux' = 牛 'ox' + 鼻子 'nose'; detected by the dictionary test alone (no curated table)
    hit, = literal_terms.detect_literal_terms("抓住改革这个牛鼻子。", "Grab reform as the ox's nose.")
    assert hit.word.word == "牛鼻子"
    assert literal_terms.detect_literal_terms("抓住改革这个牛鼻子。", "Seize reform as the crux.") == []
    # a verb part, or two whole words, make a compound the dictionary merely sums up
    assert literal("推动跨领域数据共享。", "Promote data sharing across fields.") == []
    assert literal("申请者需获得高中毕业证书。", "Applicants must obtain a high school graduation certificate.") == []


def test_an_english_word_of_an_attested_stem_is_no_calque():
    # 自治 'autonomy': "self-governance" is English (CC-CEDICT's own English has "self-government")
    assert literal("实行村民自治。", "Practise villagers' self-governance.") == []


def test_figurative_senses_are_clean():
    assert literal(SOFT_RIB,
                   "Dependence on others for key core technologies is the biggest weak spot of our "
                   "industrial and supply chains.") == []
    assert literal("闪亮的枪刺、独有的橄榄绿和鲜红的肩章共同构成一道亮丽的风景线。",
                   "Shining bayonets, the distinctive olive green and bright red epaulettes make a "
                   "striking sight.") == []


def test_compositional_words_and_accepted_glosses_are_clean():
    # 数据中心 is the sum of its parts; 循序渐进 'step by step' is its own CEDICT gloss
    assert literal("加快建设全国一体化大数据中心。", "Speed up building an integrated national big data centre.") == []
    assert literal("要循序渐进推进改革。", "Reform should be advanced step by step.") == []
    # WMT20 (Online-B seg 353): 奖金 'prize money' is ordinary English, not a calque
    assert literal("今年中网的总奖金也创下历史新高，达到1116万美元。",
                   "The total prize money of this year's China Open is also a record high, "
                   "reaching 11.16 million US dollars.") == []
    # 算力 'computing power' (CEDICT only knows 'hash rate'): 算 first means 'to regard as'
    assert literal("全国算力规模位居世界第二。", "The nation's computing power ranks second in the world.") == []


# The next sentences are from corpora/qa-meaning-2 (人民日报 and 吴俊 2025): the faulty English is
# the injected error there, the clean English the project's own translation.
LEAPFROG = ("打造核工业数据中心，推动信息化建设、数字化转型从分散到集中、从集中到集成、从集成到智能的"
            "跨越式发展。")
FOCUS = "坚持把发展经济的着力点放在实体经济上，推进新型工业化。"
BASE = "夯实基础能力，构建集团数字化转型发展底座。"


def test_hyphenated_character_glosses_of_a_dictionary_word():
    f, = literal(LEAPFROG, "We are building a nuclear industry data center and driving the stride-across "
                           "development of IT application and digital transformation.")
    assert f.check == "literal-term" and f.category == "Accuracy/Mistranslation" and f.severity == "minor"
    assert f.zh[slice(*f.zh_spans[0])] == "跨越式" and f.en[slice(*f.en_spans[0])] == "stride-across"
    assert "leap-forward" in f.message or "breakthrough" in f.suggestion
    # 着力 'to put effort into': "force-applying" glosses 力 and 着 (the English verb form turns the order)
    f, = literal(FOCUS, "We will remain committed to placing the force-applying point of economic "
                        "development on the real economy and advance new industrialization.")
    assert f.zh[slice(*f.zh_spans[0])] == "着力点" and f.en[slice(*f.en_spans[0])] == "force-applying"


def test_accepted_hyphenated_renderings_are_clean():
    assert literal(LEAPFROG, "We are building a nuclear industry data center and driving the leapfrog "
                             "development of IT application and digital transformation.") == []
    assert literal(FOCUS, "We will remain committed to focusing economic development on the real economy "
                          "and advance new industrialization.") == []
    # 顶层 'top floor' shares 'top' with "top-level"; 高质量 'high quality' is the word's own gloss
    assert literal("首次在顶层设计中明确了技术赋能实体的方向。",
                   "It set out for the first time in top-level design the direction of technology "
                   "empowering the real economy.") == []
    assert literal("加快构建新发展格局是高质量发展的关键。",
                   "Accelerating the new development pattern is the key to high-quality development.") == []


def test_word_rendered_as_two_literal_nouns():
    f, = literal(BASE, "Consolidating basic capabilities and building a bottom seat for the group's "
                       "digital transformation.")
    assert f.zh[slice(*f.zh_spans[0])] == "底座" and f.en[slice(*f.en_spans[0])] == "bottom seat"
    assert "foundation" in f.message
    assert literal(BASE, "Consolidating basic capabilities and building a foundation for the group's "
                         "digital transformation.") == []


# --------------------------------------------------------------------------- roles

def check_roles(zh: str, en: str) -> list:
    p = Pair(id=1, zh=zh, en=en)
    return roles.check_roles(p, Context(pairs=[p]))


MOF = "建立由财政部牵头、各有关部门配合的工作机制。"


def test_parse_roles_finds_the_actors():
    r, = roles.parse_roles(MOF)
    assert (r.lead, r.support) == ("财政部", "各有关部门")
    r, = roles.parse_roles("国家发展改革委会同有关部门制定实施方案。")
    assert r.support == "有关部门"


def test_swapped_roles_are_flagged():
    f, = check_roles(MOF, "A working mechanism will be set up, led by all relevant departments "
                          "with the support of the Ministry of Finance.")
    assert f.check == "roles" and f.severity == "major" and f.category == "Accuracy/Mistranslation"
    assert [f.zh[slice(*s)] for s in f.zh_spans] == ["财政部", "各有关部门"]
    assert "Finance" in f.en[slice(*f.en_spans[1])]


def test_roles_in_order_are_clean():
    assert check_roles(MOF, "A working mechanism will be set up, led by the Ministry of Finance "
                            "with the cooperation of all relevant departments.") == []
    assert check_roles(MOF, "The Ministry of Finance will take the lead in a working mechanism, "
                            "with all relevant departments cooperating.") == []
    assert check_roles("国家发展改革委会同有关部门制定实施方案。",
                       "The NDRC, together with relevant departments, will draw up an "
                       "implementation plan.") == []
    # no role marker in the English: silent
    assert check_roles(MOF, "The Ministry of Finance and all relevant departments will set up a "
                            "working mechanism.") == []


def test_together_with_swapped_is_flagged():
    # A会同B: A leads; "B, together with A" gives the lead to B (Ministry of Education notice style)
    zh = "教育部会同财政部制定了学生资助管理办法。"
    f, = check_roles(zh, "The Ministry of Finance, together with the Ministry of Education, formulated "
                         "the measures for managing student financial aid.")
    assert f.severity == "major" and "Finance" in f.message
    assert check_roles(zh, "The Ministry of Education, together with the Ministry of Finance, "
                           "formulated the measures for managing student financial aid.") == []


# agent/beneficiary constructions (qa/role_agency.py): 人民日报 2022 digital-economy forum digest,
# 吴俊 2025 (corpora/zh-only) and WMT20 newstest sources
DRIVE = "以“鼎新”带动“革故”,以增量带动存量,促进我国产业迈向全球价值链中高端。"
HELP = "美腕成立7年来，持续助力国货品牌发展。"
PROVIDE = ("同时，联合技术研发机构、科技检测机构、高校等设立研究开发实验室，"
           "为孵化和创新企业提供设备、平台和专业技术支持。")
PIVOT = "即将在线上推出鼓励入会司机对途中遇困卡友扶危帮困的“卡友互助线上奖励”计划。"


def test_parse_agency_reads_the_four_constructions():
    assert [(a.family, a.agent, a.beneficiary) for a in parse_agency(DRIVE)] == [("drive", "增量", "存量")]
    assert [(a.family, a.beneficiary) for a in parse_agency(HELP)] == [("help", "国货品牌")]
    assert [(a.family, a.beneficiary) for a in parse_agency(PROVIDE)] == [("provide", "孵化和创新企业")]
    assert [(a.family, a.agent) for a in parse_agency(PIVOT)] == [("help", "入会司机")]
    # both ways in one sentence, mutual help, a helping word used as a noun: nothing to read
    assert parse_agency("以信息化带动工业化、以工业化促进信息化。") == []
    assert parse_agency("鼓励会员企业之间相互帮助、共同发展。") == []
    assert parse_agency("在政府支持下，企业加快发展。") == []
    # 为 of 因为 is no beneficiary
    assert parse_agency("这是因为新平台提供了更快的服务。") == []


def test_driver_made_the_driven_is_flagged():
    f, = check_roles(DRIVE, "Let \"establishing the new\" drive \"discarding the old\" and let the existing "
                            "stock drive the increment.")
    assert (f.check, f.severity) == ("roles", "major") and "增量" in f.message
    assert [f.en[slice(*s)] for s in f.en_spans] == ["drive", "increment"]
    assert check_roles(DRIVE, "Let \"establishing the new\" drive \"discarding the old\" and let the "
                              "increment drive the existing stock.") == []
    assert check_roles(DRIVE, "The existing stock is to be driven by the increment.") == []
    assert check_roles("以信息化带动工业化、以工业化促进信息化。", "Use informatization to drive "
                       "industrialization and industrialization to promote informatization.") == []


def test_helped_party_made_the_helper_is_flagged():
    f, = check_roles(HELP, "In the seven years since it was founded, Meiwan's development has been "
                           "continuously supported by domestic brands.")
    assert "国货品牌" in f.message and f.en[slice(*f.en_spans[0])] == "supported by"
    assert check_roles(HELP, "In the seven years since it was founded, Meiwan has continuously supported "
                             "the development of domestic brands.") == []
    # the helped party as the subject of the helping verb
    f, = check_roles(HELP, "In the seven years since it was founded, domestic brands have continuously "
                           "helped Meiwan develop.")
    assert f.en[slice(*f.en_spans[0])] == "domestic brands" and "helper" in f.message
    assert check_roles("这家企业只是当今云计算助力制造业转型的一个缩影。", "The company is just one example "
                       "of how cloud computing is helping to transform manufacturing today.") == []


def test_receiver_made_the_provider_is_flagged():
    f, = check_roles(PROVIDE, "At the same time, together with technology R&D institutions and universities, "
                              "we have set up R&D laboratories that receive equipment, platforms and "
                              "professional technical support from incubated and innovative enterprises.")
    assert "incubated and innovative" in f.en[slice(*f.en_spans[1])]
    assert check_roles(PROVIDE, "At the same time, together with technology R&D institutions and universities, "
                                "we have set up R&D laboratories that provide equipment, platforms and "
                                "professional technical support to incubated and innovative enterprises.") == []
    assert check_roles("越南和新加坡的两家一流航空技术公司开展合作，向国内外航空公司提供飞机设备保养与维修服务。",
                       "Two leading aviation technology companies in Vietnam and Singapore have cooperated to "
                       "provide aircraft equipment maintenance and repair services to domestic and foreign "
                       "airlines.") == []


def test_receiver_as_the_subject_is_flagged_only_when_named_there_alone():
    # a sentence of the kind the MAC academic set holds, where a subject rule alone cried wolf
    zh = "此外，咨询公司也可以向政府机构和其他机构提供专业建议。"
    assert check_roles(zh, "In addition, consulting organizations can also supply the professional advice "
                           "that government agencies and other institutions seek.") == []
    f, = check_roles(zh, "In addition, government agencies and other institutions can also supply "
                         "professional advice to consulting firms.")
    assert "provider" in f.message


def test_encouraged_helper_made_the_helped_is_flagged():
    f, = check_roles(PIVOT, "We will launch online a programme that encourages fellow truckers who get into "
                            "difficulty on the road to help union-member drivers.")
    assert "入会司机" in f.message and "drivers" in f.en[slice(*f.en_spans[1])]
    assert check_roles(PIVOT, "We will launch online a programme that encourages union-member drivers to "
                              "help fellow truckers who get into difficulty on the road.") == []


def test_a_broken_agency_cue_table_is_a_clear_error(tmp_path):
    from align.errors import InputError
    from qa.role_agency import load_cues

    bad = tmp_path / "cues.tsv"
    bad.write_text("drive\tzh\t带动\nhelp\tfr\taider\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 2"):
        load_cues(bad)


# general argument swaps (qa/argument_roles.py): causatives, coverbs and transitive verbs.  The
# sentences are policy prose of the kind State Council documents use, written for these tests,
# each with its faithful English and the same English with the two parties exchanged.
GROW = "大型企业要带动中小企业协同发展。"
SERVE = "行业协会为会员单位提供法律咨询。"
TRAIN = "职业院校培养技术工人。"
ENABLE = "数字技术使传统产业焕发新活力。"
SUPPORT = "国有企业支持民营企业参与重大项目。"


def test_parse_frames_reads_causatives_coverbs_and_transitive_verbs():
    def read(zh):
        return [(f.kind, f.agent, f.verb, f.patient) for f in parse_frames(zh)]

    assert read(GROW) == [("transitive", "大型企业", "带动", "中小企业")]
    assert read(SERVE) == [("coverb", "行业协会", "提供", "会员单位")]
    assert read(ENABLE) == [("causative", "数字技术", "使", "传统产业")]
    # a light verb hands the meaning to the word after it; jieba's missing 赋能 is joined
    assert read("龙头企业对农户进行技术指导。") == [("coverb", "龙头企业", "指导", "农户")]
    assert read("要让数字技术更好赋能实体经济。") == [("transitive", "数字技术", "赋能", "实体经济")]


def test_parse_frames_stays_silent_without_two_clear_parties():
    for zh in ("我们为企业提供服务。",  # a pronoun is no content noun
               "我们要虚心向发达国家学习。",  # 向B学习: B is the source
               "坚持以企业为主体。",  # 以A为B: 为 is "as"
               "这一做法为广大群众所熟知。",  # 为B所V: a passive
               "在政府支持下，企业加快发展。",  # 支持下: a noun
               "大中小企业相互支持、共同发展。",  # both ways
               "然而，只有少数城市为人工智能时代带来的突破做好了准备。"):  # the verb in a relative clause
        assert parse_frames(zh) == [], zh


def test_a_transitive_verb_with_its_parties_exchanged_is_flagged():
    f, = check_roles(GROW, "Small and medium-sized enterprises should drive the coordinated development "
                           "of large enterprises.")
    assert (f.check, f.severity, f.category) == ("roles", "major", "Accuracy/Mistranslation")
    assert [f.zh[slice(*s)] for s in f.zh_spans] == ["大型企业", "中小企业"]
    assert [f.en[slice(*s)] for s in f.en_spans] == ["medium-sized enterprises", "drive", "large enterprises"]
    assert "大型企业" in f.message and "the subject of 'drive'" in f.message and f.suggestion
    assert check_roles(GROW, "Large enterprises should drive the coordinated development of small and "
                             "medium-sized enterprises.") == []
    assert check_roles(GROW, "Large enterprises should drive the coordinated development of SMEs.") == []


def test_a_passive_is_read_by_its_by_phrase():
    f, = check_roles(TRAIN, "Vocational colleges are trained by skilled workers.")
    assert "the 'by'-phrase of 'trained'" in f.message
    assert check_roles(TRAIN, "Skilled workers are trained by vocational colleges.") == []
    assert check_roles(TRAIN, "Vocational colleges train skilled workers.") == []
    # an irregular participle, and a passive with an adverb inside it
    assert check_roles(GROW, "Large enterprises are driven by small and medium-sized enterprises.")
    assert check_roles(GROW, "Small and medium-sized enterprises are driven by large enterprises.") == []
    zh = "要让数字技术更好赋能实体经济。"
    assert check_roles(zh, "Digital technology should be better empowered by the real economy.")
    assert check_roles(zh, "The real economy should be better empowered by digital technology.") == []


def test_a_coverb_receiver_made_the_giver_is_flagged():
    for en in ("Member units provide legal advice to industry associations.",
               "Legal advice is provided to industry associations by member units.",
               "Industry associations receive legal advice from member units."):
        f, = check_roles(SERVE, en)  # the first is read by the 为B提供 rule too, which says it once
        assert "会员单位" in f.message and f.zh[slice(*f.zh_spans[-1])] == "会员单位", en
    for en in ("Industry associations provide legal advice to member units.",
               "Legal advice is provided to member units by industry associations.",
               "Member units receive legal advice from industry associations."):
        assert check_roles(SERVE, en) == [], en


def test_a_causative_with_causer_and_causee_exchanged_is_flagged():
    f, = check_roles(ENABLE, "Traditional industries enable digital technology to gain new vitality.")
    assert "makes 传统产业 act or change" in f.message
    assert check_roles(ENABLE, "Digital technology enables traditional industries to gain new vitality.") == []
    zh = "这项改革使农民得到了实惠。"
    assert check_roles(zh, "The reform has gained real benefits from farmers.")
    for en in ("The reform has brought real benefits to farmers.", "Farmers have gained real benefits from the reform."):
        assert check_roles(zh, en) == [], en


def test_a_correct_reordering_and_pronouns_are_clean():
    # "B benefits from A's support" is a right rendering of A支持B; "supported by A" too
    for en in ("Private enterprises benefit from the support of state-owned enterprises in major projects.",
               "Private enterprises, supported by state-owned enterprises, take part in major projects.",
               "With support from state-owned enterprises, private enterprises take part in major projects."):
        assert check_roles(SUPPORT, en) == [], en
    assert check_roles(SUPPORT, "State-owned enterprises, supported by private enterprises, take part in major "
                                "projects.")
    # a party rendered by a pronoun cannot be placed: no reading
    assert check_roles(SERVE, "They provide legal advice to industry associations.") == []
    assert check_roles(SERVE, "Industry associations provide them with legal advice.") == []
    # a relative clause keeps its antecedent as the subject
    zh = "东部省份帮扶西部省份。"
    assert check_roles(zh, "Eastern provinces, which help western provinces, are richer.") == []
    assert check_roles(zh, "Western provinces help eastern provinces.")


def test_the_subject_before_an_adverbial_is_the_agent():
    zh = "政府要在融资方面为企业提供支持。"
    assert [(f.agent, f.patient) for f in parse_frames(zh)] == [("政府", "企业")]
    assert check_roles(zh, "Enterprises should provide support to the government in financing.")
    assert check_roles(zh, "The government should provide support to enterprises in financing.") == []
    # the object of 通过 or of a coverb is no subject of the verb after it
    assert [f.agent for f in parse_frames("高校要通过校企合作为企业培养技术人才。")] == ["高校", "高校"]


def test_a_party_named_twice_in_the_english_is_no_evidence():
    zh = "中央财政对中西部地区给予倾斜支持。"  # 'central' names both parties
    assert check_roles(zh, "The central and western regions give preferential support to central finance.") == []


def test_english_verb_forms_read_irregular_participles():
    assert verb_lemma("driven") == verb_lemma("drive") == verb_lemma("drives")
    assert is_past_participle("driven") and is_past_participle("supported") and not is_past_participle("drive")


def test_a_broken_argument_cue_table_is_a_clear_error(tmp_path):
    from align.errors import InputError

    bad = tmp_path / "cues.tsv"
    bad.write_text("zh\tcausative\tcause\t使\nzh\tparticle\t-\t了\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 2"):
        load_argument_cues(bad)


# A提升/增强B (qa/data/argument_cues.tsv, family "raise"): sentences of our own
TALENT = "数字技术进一步增强了城市创新能力。"


def test_raiser_made_the_raised_is_flagged():
    f, = check_roles(TALENT, "Urban innovation capacity has further strengthened digital technology.")
    assert (f.check, f.severity) == ("roles", "major")
    assert check_roles(TALENT, "Digital technology has further strengthened the innovation capacity "
                               "of cities.") == []
    assert check_roles(TALENT, "Urban innovation capacity has been further strengthened by digital "
                               "technology.") == []
    assert check_roles("新基建将大幅提高公共服务效率。", "New infrastructure will greatly raise the efficiency "
                       "of public services.") == []


# 政府主导、企业自治: an enumeration whose first party leads (qa/checks/roles.py, parse_lead_lists)
GOVERN = "健全党委领导、部门履职、群众自治的基层治理机制。"


def test_leader_of_an_enumeration_given_to_another_party_is_flagged():
    f, = check_roles(GOVERN, "Improve the primary-level governance mechanism led by the masses, with "
                             "self-governance by Party committees and departments performing their duties.")
    assert "a role of its own" in f.message and [f.zh[slice(*s)] for s in f.zh_spans] == ["党委", "群众"]
    assert check_roles(GOVERN, "Improve the primary-level governance mechanism led by Party committees, with "
                               "departments performing their duties and self-governance by the masses.") == []
    # nobody given the lead in the English: silent
    assert check_roles(GOVERN, "Improve the primary-level governance mechanism in which Party committees, "
                               "departments and the masses each play their part.") == []


# --------------------------------------------------------------------------- probe round 6
# Sentences of our own in the style of provincial work reports and policy notices.


def test_three_character_dictionary_idiom_is_a_term():
    """敲门砖 (CC-CEDICT "(idiom); fig. a temporary expedient"): idiom-literal reads "door-knocking"
    as one word and leaves it; the character glosses find both parts."""
    zh = "学历不应成为求职的唯一敲门砖。"
    f, = literal(zh, "Academic credentials should not be the only door-knocking brick for job hunting.")
    assert f.check == "literal-term" and f.severity == "major" and "敲门砖" in f.message
    assert literal(zh, "Academic credentials should not be the only stepping stone for job hunting.") == []
    # an image idiom-literal flags is echoed as a mistranslation: three characters are a term, not a 成语
    f, = literal("环保整治严禁搞“一刀切”。", "Environmental rectification must strictly avoid a \"one knife cut\".")
    assert f.check == "literal-term" and "一刀切" in f.message
    assert literal("环保整治严禁搞“一刀切”。", "Environmental rectification must strictly avoid a "
                   "\"one-size-fits-all\" approach.") == []


def test_a_literal_first_sense_and_an_open_compound_are_clean():
    """盐碱地 is first 'saline soil' (its figurative 'infertile woman' is the exception), and "road map"
    is 路线图's 'roadmap' written open."""
    assert literal("要加快盐碱地综合利用。", "We will speed up the comprehensive use of saline-alkali land.") == []
    assert literal("全会提出了改革的路线图和时间表。", "The plenary session set out the road map and timetable "
                   "for reform.") == []


def test_a_party_told_to_act_and_the_one_that_tells_it():
    """督促 (guide family) with a determiner party (各市, jieba 'r') and a predicate jieba tags an
    adjective (落实): the cities are the object, not 各市落实主体责任."""
    zh = "省政府督促各市落实主体责任。"
    f, = check_roles(zh, "The cities urged the provincial government to fulfil their primary responsibilities.")
    assert (f.check, f.severity) == ("roles", "major")
    assert check_roles(zh, "The provincial government urged the cities to fulfil their primary "
                           "responsibilities.") == []


def test_a_report_made_to_a_party_jieba_tags_as_a_noun():
    """向国务院报告: jieba tags 报告 ("to inform; to report") a noun and 及时 a conjunction."""
    zh = "各地区要及时向国务院报告落实情况。"
    assert check_roles(zh, "The State Council shall promptly report the implementation to all regions.")
    assert check_roles(zh, "All regions shall promptly report the implementation to the State Council.") == []


def test_entrusting_assisting_and_authorising_parties_exchanged():
    cases = [("区政府委托第三方机构开展绩效评估。",
              ("A third-party institution commissioned the district government to carry out a performance "
              "evaluation."),
              ("The district government commissioned a third-party institution to carry out a performance "
              "evaluation.")),
             ("该公司受市政府委托，负责项目的建设和运营。",
              ("The municipal government, entrusted by the company, is responsible for the construction "
              "and operation of the project."),
              ("Entrusted by the municipal government, the company is responsible for the construction and "
              "operation of the project.")),
             ("市场监管部门协助公安机关开展案件调查。",
              "Public security organs will assist market regulation departments in investigating cases.",
              "Market regulation departments will assist public security organs in investigating cases."),
             ("全国人大常委会授权国务院在部分地区开展试点。",
              "The State Council authorized the NPC Standing Committee to carry out pilots in some areas.",
              "The NPC Standing Committee authorized the State Council to carry out pilots in some areas.")]
    for zh, wrong, right in cases:
        assert check_roles(zh, wrong), wrong
        assert check_roles(zh, right) == [], right


def test_under_the_leadership_of_given_to_the_other_party():
    zh = "在省委的领导下，各市县扎实推进乡村振兴。"
    f, = check_roles(zh, "Under the leadership of the cities and counties, the provincial Party committee "
                         "solidly advanced rural revitalization.")
    assert [f.zh[slice(*s)] for s in f.zh_spans] == ["省委", "各市县"]
    assert check_roles(zh, "Under the leadership of the provincial Party committee, cities and counties "
                           "solidly advanced rural revitalization.") == []


def test_a_leading_marker_does_not_reach_past_a_comma():
    """"Under the leadership of X, Y …": Y is the clause's subject, not led."""
    zh = "在市委的领导下，各区扎实开展文明城市创建。"
    assert check_roles(zh, "Under the leadership of the districts, the municipal Party committee solidly "
                           "carried out the civilized city campaign.")
    assert check_roles(zh, "Under the leadership of the municipal Party committee, the districts solidly "
                           "carried out the civilized city campaign.") == []
    # 财政部会同税务总局: "together with" gives the Ministry the assisting role; the tax body's
    # "issued", after the comma, is no longer read as a party "together with" assists
    zh = "财政部会同税务总局发布公告。"
    assert check_roles(zh, "The State Taxation Administration, together with the Ministry of Finance, issued an "
                           "announcement.")
    assert check_roles(zh, "The Ministry of Finance, together with the State Taxation Administration, issued an "
                           "announcement.") == []


# --- term-consistency on unseen text (issue 15, qa-probes-3): terms jieba cuts into unknown pieces ---

E_TRICYCLE_ZH = ["今年全县电动三轮车保有量超过5万辆。",
                 "交警部门将开展电动三轮车违法载客专项整治。",
                 "各乡镇要为电动三轮车设置集中充电点。",
                 "县交通运输局将于年底前完成电动三轮车登记工作。"]
E_TRICYCLE_EN = ["The number of electric tricycles in the county passed 50,000 this year.",
                 ("The traffic police will launch a special campaign against electric pedicabs carrying "
                 "passengers illegally."),
                 "All townships should set up central charging points for electric rickshaws.",
                 ("The county transport bureau will complete the registration of electric tricycles by the "
                 "end of the year.")]


def _document(zh: list[str], en: list[str]) -> Context:
    return Context(pairs=[Pair(id=k + 1, zh=z, en=e) for k, (z, e) in enumerate(zip(zh, en))])


def test_a_participle_compound_gloss_lends_its_word_to_the_renderings():
    # 电动 is glossed only "electric-powered": "electric pedicabs" and "electric rickshaws" are read as
    # renderings of 电动三轮车 beside "electric tricycles"
    flags = terminology.check_consistency(_document(E_TRICYCLE_ZH, E_TRICYCLE_EN))
    assert sorted(f.pair_id for f in flags if "电动三轮车" in f.message) == [2, 3]
    consistent = [e.replace("electric pedicabs", "electric tricycles").replace("electric rickshaws", "electric tricycles")
                  for e in E_TRICYCLE_EN]
    assert terminology.check_consistency(_document(E_TRICYCLE_ZH, consistent)) == []
    # a compound of another shape stays one word: "bed-and-breakfast" gives no 'bed'
    assert terminology._gloss_words("bed-and-breakfast") == ["bed-and-breakfast"]
    assert {"electric", "power"} <= set(terminology._gloss_words("electric-powered"))


def test_compound_terms_of_words_no_dictionary_lists_and_of_suffixed_modifiers():
    # jieba's model finds 拆旧 and 建新 (no dictionary lists them); 菜单 + 式 (a suffix, "k") is one modifier
    compounds = terminology._term_counts(("全市推行拆旧建新试点。", "拆旧建新项目要依法报批。",
                                          "对拆旧建新农户给予补助。"))[1]
    assert compounds["拆旧建新"] == 3
    compounds = terminology._term_counts(("推广菜单式服务。", "菜单式服务覆盖全部社区。",
                                          "各街道要完善菜单式服务清单。"))[1]
    assert compounds["菜单式服务"] == 3
    # a phrase said once per text, however many texts, with other words around it, is still no term
    assert "覆盖全部社区" not in {t for t, n in compounds.items() if n >= 3}


# a term each sentence of one document renders its own way (terminology.scattered_flags): sentences
# of our own in the style of a provincial ecology bulletin
WETLAND = ["今年以来，全省深入推进重点湿地保护修复工程。", "截至10月底，重点湿地保护修复工程已完成投资12亿元。",
           "各市要将重点湿地保护修复工程纳入年度考核。", "省林业局将对重点湿地保护修复工程开展绩效评价。"]
WETLAND_SCATTERED = [("Since the start of the year, the province has pressed ahead with the key wetland protection "
                     "and restoration project."),
                     ("By the end of October, 1.2 billion yuan had been invested in the major marsh rehabilitation "
                     "scheme."),
                     "Cities should include the priority wetland recovery programme in their annual assessments.",
                     ("The provincial forestry bureau will evaluate the performance of the important swamp repair "
                     "works.")]
WETLAND_RIGHT = [("Since the start of the year, the province has pressed ahead with the key wetland protection and "
                 "restoration project."),
                 ("By the end of October, 1.2 billion yuan had been invested in the key wetland protection and "
                 "restoration project."),
                 ("Cities should include the key wetland protection and restoration project in their annual "
                 "assessments."),
                 ("The provincial forestry bureau will evaluate the performance of the key wetland protection and "
                 "restoration project.")]


def _doc(zh: list[str], en: list[str]) -> list[Pair]:
    return [Pair(id=k + 1, zh=z, en=e) for k, (z, e) in enumerate(zip(zh, en))]


def test_a_term_rendered_a_new_way_in_nearly_every_sentence_is_flagged():
    flags = terminology.check_consistency(Context(pairs=_doc(WETLAND, WETLAND_SCATTERED)))
    assert flags and all(f.check == "term-consistency" and f.severity == "minor" for f in flags)
    assert terminology.check_consistency(Context(pairs=_doc(WETLAND, WETLAND_RIGHT))) == []


def test_translations_of_one_source_by_several_translators_are_no_scattered_document():
    # a memory: each source sentence twice, by two translators who word the term differently
    pairs = [Pair(id=k + 1, zh=z, en=e) for k, (z, e) in enumerate(
        [(z, e) for z, e in zip(WETLAND, WETLAND_SCATTERED)] + [(z, e) for z, e in zip(WETLAND, WETLAND_RIGHT)])]
    renderings = terminology.find_renderings(Context(pairs=pairs), "湿地保护修复", "frequent", pairs)
    assert terminology.scattered_flags(Context(pairs=pairs), "湿地保护修复", pairs, renderings) == []


def test_a_word_jieba_cuts_by_its_context_counts_wherever_it_stands():
    # 田长制 (no dictionary word): jieba finds it in two sentences and cuts it apart in two (田长/制,
    # 将田/长制); it is said four times
    texts = ("全省全面推行田长制，建立五级田长体系。", "各地以田长制为抓手推进耕地保护。",
             "省委将田长制落实情况纳入考核。", "下一步将推动田长制从有名向有实转变。")
    frequent, _ = terminology._term_counts(texts)
    assert frequent["田长制"] == 4
    assert frequent.get("将田", 0) < 3  # a cut through the term is counted where jieba made it only


def test_a_neighbour_of_the_head_is_no_rendering_when_the_rest_follows():
    # 'million workers' is no rendering of 新就业形态劳动者 when 'in new forms of employment' follows
    words = terminology.read_words("More than 10 million workers in new forms of employment have joined unions.")
    assert terminology._anchored_rendering(words, "就业形态劳动者", frozenset()) is None


def test_renderings_read_far_apart_are_no_inconsistency():
    """A term worded four ways in four neighbouring sentences is flagged; the same sentences
    hundreds of pairs apart are not (a published book, bench/qa_published.py pol, says 全体人民 on
    pages far apart, and the slots read there were each sentence's own words: 'better life',
    'old-age care')."""
    from align.model import Pair
    from qa.checks.terminology import TERM_CONSISTENCY
    from qa.model import Context

    zh = ["优化营商环境是今年的重要任务。", "全省营商环境持续改善。", "各地要打造一流营商环境。",
          "营商环境评价结果将向社会公布。"]
    en = ["Improving the business environment is an important task this year.",
          "The investment climate in the province keeps improving.",
          "Localities should create first-class conditions for doing business.",
          "The results of the business climate assessment will be made public."]
    near = [Pair(id=i + 1, zh=z, en=e) for i, (z, e) in enumerate(zip(zh, en))]
    far = [Pair(id=1 + 100 * i, zh=z, en=e) for i, (z, e) in enumerate(zip(zh, en))]
    assert len(TERM_CONSISTENCY.run_all(Context(near))) == 3
    assert TERM_CONSISTENCY.run_all(Context(far)) == []
