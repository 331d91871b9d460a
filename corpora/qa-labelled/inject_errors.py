"""The errors injected into corpora/qa-labelled (see its README.md):
``python corpora/qa-labelled/inject_errors.py`` rebuilds en.txt and labels.tsv
from en.clean.txt and this list, with qa.evaluation.inject."""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))  # the checkout's qa, when run as a script

from qa.evaluation import inject as injection
from qa.evaluation.inject import (
    ADD,
    COPY_SOURCE,
    GRAM,
    IDIOM,
    MISTR,
    NUM,
    OMIT,
    PUNCT,
    REP,
    SPELL,
    TERM,
    UNTR,
)

ERRORS: list[tuple[int, str, str, str, str | None, str, str]] = [
    # literal renderings of idioms and set phrases
    (16, "literal-term", MISTR, "literal-term", 'the "key to the whole task"', 'the "nose of the ox"', "牛鼻子 (the crux) rendered literally"),
    (47, "literal-term", MISTR, "literal-term", "a strategic lever", "a strategic grasping hand", "抓手 (lever, means of action) rendered literally"),
    (57, "idiom", IDIOM, "idiom-literal", 'that "pleases those nearby and draws those from afar"', 'of "near happy, far come"', "近悦远来 rendered character by character"),
    (63, "idiom", IDIOM, "idiom-literal", "its location is uniquely favorable", "its location advantage is thick from heaven alone", "得天独厚 (uniquely blessed) rendered character by character"),
    (83, "literal-term", MISTR, "literal-term", "to tailor overall transformation plans", "to measure the body and build overall transformation plans", "量身打造 (tailor-made) rendered literally"),
    (89, "literal-term", MISTR, "literal-term", "kept cultivating the blue ocean", "kept deeply ploughing the blue sea", "深耕 / 蓝海 (blue ocean market) rendered literally"),
    # a term no 成语 list holds, rendered by its image, loses its meaning: also a literal-term mistranslation
    (16, "idiom?", IDIOM, "idiom-literal", None, None, "consequence: a term rendered by its image is also a literal rendering, the only flag when literal-term is off"),
    (47, "idiom?", IDIOM, "idiom-literal", None, None, "consequence: a term rendered by its image is also a literal rendering, the only flag when literal-term is off"),
    (83, "idiom?", IDIOM, "idiom-literal", None, None, "consequence: a term rendered by its image is also a literal rendering, the only flag when literal-term is off"),
    (89, "idiom?", IDIOM, "idiom-literal", None, None, "consequence: terms rendered by their image are also literal renderings, the only flag when literal-term is off"),
    # omissions: a clause dropped
    (9, "omission", OMIT, "omission", ", and a number of digital economy growth points, growth poles and growth belts are taking shape at an accelerating pace", "", "dropped 一批数字经济增长点、增长极、增长带加速形成"),
    (20, "omission", OMIT, "omission", ", and localities are actively seizing development opportunities in light of their local features", "", "dropped 各地结合地方特色积极抢抓发展机遇"),
    (42, "omission", OMIT, "omission", " make full use of its advantages in technology, talent and capital, accelerate the building of a smart government,", "", "dropped 充分借助技术人才资金优势，加快推动智慧政府建设"),
    (67, "omission", OMIT, "omission", '; we will also promote the smart health and elderly care model of "combining medical care with elderly care" of Hebei Yanda Hospital and build an elderly care service system around Beijing and Tianjin', "", "dropped the whole clause after ； (医养结合 … 环京津养老服务体系)"),
    (74, "omission", OMIT, "omission", " effectively promoted integrated and efficient coordination along the upstream and downstream industrial chain,", "", "dropped 有效促进了上下游产业链一体化高效协同"),
    (94, "omission", OMIT, "unaligned", None, "", "layout credit 版式设计：张芳曼 left untranslated (empty English line)"),
    # additions: English with no source
    (5, "addition", ADD, "addition", "remarkable results.", "remarkable results, which have been widely praised by international observers.", "added praise clause"),
    (21, "addition", ADD, "addition", "economic recovery.", "economic recovery, especially in Africa and Latin America.", "added regions"),
    (60, "addition", ADD, "addition", "entrepreneurship.", "entrepreneurship, and it is widely regarded as the most livable city in northern China.", "added claim"),
    (73, "addition", ADD, "addition", "digital economy.", "digital economy, despite the severe impact of the pandemic on local exporters.", "added concession clause"),
    (92, "addition", ADD, "addition", "it is actively building high-performance", "it is actively building, together with several overseas partners, high-performance", "added partners"),
    # numbers
    (22, "number", NUM, "numbers", "38.1 trillion", "3.81 trillion", "38.1万亿 scaled wrongly (factor 10)"),
    (62, "number", NUM, "numbers", "more than 4 million servers", "more than 400,000 servers", "400万台 = 4 million, not 400,000 (万 scaling)"),
    (83, "number", NUM, "numbers", "nearly 18,000 5G", "nearly 1,800 5G", "1.8万座 = 18,000, not 1,800 (万 scaling)"),
    (56, "number", NUM, "numbers", "752", "725", "digits transposed"),
    (77, "number", NUM, "numbers", "by 2025", "by 2023", "year changed"),
    # inconsistent terminology (the rest of the document uses the first rendering)
    (13, "terminology", TERM, "term-consistency", "the national high-tech zones have brought", "the national high-tech parks have brought", "国家高新区: 'national high-tech zones' everywhere else"),
    (11, "terminology", TERM, "term-consistency", "made industrial digitalization their", "made the digitization of industries their", "产业数字化: 'industrial digitalization' elsewhere"),
    (66, "terminology", TERM, "term-consistency", "the data center industry", "the server farm industry", "数据中心: 'data center(s)' elsewhere"),
    (76, "terminology", TERM, "term-consistency", "proactive about digital transformation", "proactive about digital transition", "数字化转型: 'digital transformation' elsewhere"),
    (87, "terminology", TERM, "term-consistency", "the real economy have shown", "the physical economy have shown", "实体经济: 'the real economy' elsewhere"),
    # Chinese left in the English
    (3, "untranslated", UNTR, "untranslated-copy,untranslated", None, COPY_SOURCE, "speaker line copied untranslated, byte for byte"),
    (27, "untranslated", UNTR, "untranslated", "Artificial intelligence technology", "人工智能 technology", "人工智能 left in Chinese"),
    (31, "untranslated", UNTR, "untranslated", "Basic institutions for data as a factor of production", "数据要素 basic institutions", "数据要素 left in Chinese"),
    (53, "untranslated", UNTR, "untranslated", 'a "cloud hospital"', 'a "云医院"', "云医院 left in Chinese"),
    (65, "untranslated", UNTR, "untranslated", "smart health and elderly care", "smart 康养", "康养 left in Chinese"),
    # punctuation
    (26, "punctuation", PUNCT, "punctuation", '"5G + Industrial Internet", China', '"5G + Industrial Internet, China', "unclosed quote"),
    (39, "punctuation", PUNCT, "punctuation", "we must strengthen", "we must  strengthen", "doubled space"),
    (25, "punctuation", PUNCT, "untranslated-punctuation", "developing faster.", "developing faster。", "full-width full stop"),
    (48, "punctuation", PUNCT, "punctuation", "development.", "development", "final full stop missing"),
    (54, "punctuation", PUNCT, "punctuation", 'shopping", strive', 'shopping" , strive', "space before comma"),
    (49, "punctuation", PUNCT, "punctuation", "Western (Chongqing) Science City", "Western (Chongqing Science City", "unclosed bracket"),
    # spelling
    (7, "spelling", SPELL, "spelling", "revenue", "revnue", "typo"),
    (23, "spelling", SPELL, "spelling", "accelerated", "acclerated", "typo"),
    (37, "spelling", SPELL, "spelling", "common prosperity.", "common prosperty.", "typo"),
    (61, "spelling", SPELL, "spelling", "comparative", "comparitive", "typo"),
    (88, "spelling", SPELL, "spelling", "cornerstone", "cornerstoen", "typo"),
    (70, "spelling", SPELL, "spelling", "dividends", "dividents", "typo"),
    (81, "acronym", SPELL, "capitalisation-acronym", "small and medium-sized enterprises", "smes", "acronym SMEs in lowercase"),
    # repetition
    (32, "repetition", REP, "repetition", "into a new stage", "into the the new stage", "doubled article"),
    (43, "repetition", REP, "repetition", "and help integrate", "and help help integrate", "doubled verb"),
    (75, "repetition", REP, "repetition", "to build consensus", "to build build consensus", "doubled verb"),
    (69, "repetition", REP, "repetition-truncated", None, "Starting from the demand side, we will build a digital foundation", "cut-off copy of line 70 in place of the translation of 让群众生活美起来"),
    (69, "omission?", OMIT, "omission", None, None, "consequence: line 69's own content is gone"),
    (69, "addition?", ADD, "addition", None, None, "consequence: the copied English has no counterpart in line 69's source"),
    (69, "punctuation?", PUNCT, "punctuation", None, None, "consequence: the cut-off copy has no final full stop"),
    (30, "repetition", REP, "repetition-duplicate", None, "Digital transformation has become a systemic change.", "English of line 29 repeated for a different source sentence"),
    (30, "omission?", OMIT, "omission", None, None, "consequence: line 30's own content is gone"),
    (30, "addition?", ADD, "addition", None, None, "consequence: the repeated English has no counterpart in line 30's source"),
    (30, "mistranslation?", MISTR, "", None, None, "consequence: the English says something else"),
    # sentence starting in lowercase
    (4, "lowercase", SPELL, "capitalisation", "We must promote", "we must promote", "lowercase start"),
    (64, "lowercase", SPELL, "capitalisation", "Next, Langfang", "next, Langfang", "lowercase start"),
    (78, "lowercase", SPELL, "capitalisation", "We have adopted", "we have adopted", "lowercase start"),
    (91, "lowercase", SPELL, "capitalisation", "It has now", "it has now", "lowercase start"),
    # fragments: no main clause
    (10, "fragment", GRAM, "fragments", "Third, the national high-tech zones have become technology suppliers", "Third, technology suppliers", "verbless"),
    (10, "omission?", OMIT, "omission", None, None, "consequence: 国家高新区成为 is no longer rendered"),
    (40, "fragment", GRAM, "fragments", None, "Such as stepping up the building of digital infrastructure, following the principle of moderately advanced, precise and efficient construction, and expanding the scale, raising the precision and strengthening the services of new infrastructure.", "'Such as …' with no main clause"),
    (82, "fragment", GRAM, "fragments", None, "So as to build an ecosystem for the digital transformation of manufacturing, with stronger support for production factors.", "'So as to …' with no main clause"),
    (86, "fragment", GRAM, "fragments", " hold the key opportunities", ", the key opportunities", "verbless (main verb removed)"),
    (86, "fragment", GRAM, "fragments", ", and are a key field", ", and a key field", "verbless (second verb removed)"),
]


if __name__ == "__main__":
    injection.main(HERE, ERRORS)
