"""The meaning errors injected, blind to the checks, into corpora/qa-meaning (see its
README.md): ``python corpora/qa-meaning/inject_errors.py`` rebuilds en.txt and labels.tsv
from en.clean.txt and this list, with qa.evaluation.inject."""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))  # the checkout's qa, when run as a script

from qa.evaluation import inject as injection
from qa.evaluation.inject import IDIOM, MISTR, NUM, OMIT, TERM

ERRORS: list[tuple[int, str, str, str, str | None, str | None, str]] = [
    # polarity: a negation dropped, or one added
    (15, "polarity", MISTR, "polarity", "but now it does not even reach 20%", "and now it even reaches 20%", "现在20%都达不到 (now not even 20%): negation dropped"),
    (22, "polarity", MISTR, "polarity", "has not yet been fully realized", "has already been fully realized", "还没有充分发挥 (not yet fully realized): negation dropped"),
    (42, "polarity", MISTR, "polarity", "cannot do without", "can do without", "离不开 (cannot do without): negation dropped"),
    (54, "polarity", MISTR, "polarity", "have no natural endowment", "have a natural endowment", "不具备先天禀赋 (have no natural endowment): negation dropped"),
    (89, "polarity", MISTR, "polarity", "there is no mature experience to draw on", "there is mature experience to draw on", "没有可资借鉴的成熟经验 (no mature experience to draw on): negation dropped"),
    (99, "polarity", MISTR, "polarity", "is becoming one of", "is no longer one of", "正成为…之一 (is becoming one of): negation added"),
    # direction of comparison and change
    (36, "direction", MISTR, "direction", "has improved recognition accuracy by 20%", "has reduced recognition accuracy by 20%", "识别精准度提高了20% (accuracy up 20%) rendered as a fall"),
    (50, "direction", MISTR, "direction", "increases the difficulty", "reduces the difficulty", "增加了数字化转型的难度 (increases the difficulty) rendered as a decrease"),
    (63, "direction", MISTR, "direction", "raise the rate", "lower the rate", "提高科技成果转化率 (raise the rate) rendered as lower"),
    (77, "direction", MISTR, "direction", "to lower the transformation costs", "to raise the transformation costs", "降低企业转型成本 (lower costs) rendered as raise"),
    (111, "direction", MISTR, "direction", "more than 13%", "less than 13%", "超过13% (more than) rendered as less than"),
    (126, "direction", MISTR, "direction", "will shorten", "will lengthen", "窗口期将缩短 (will shorten) rendered as lengthen"),
    # modality strength: obligation <-> permission/possibility
    (62, "modality", MISTR, "modality", "encourage enterprises, universities and research institutes", "require enterprises, universities and research institutes", "鼓励 (encourage) rendered as an obligation"),
    (67, "modality", MISTR, "modality", "must follow", "can follow", "必须坚持 (must) rendered as a possibility"),
    (76, "modality", MISTR, "modality", "needs to be stepped up", "may be stepped up", "需加大 (needs to) rendered as a possibility"),
    (81, "modality", MISTR, "modality", "Encourage enterprises to build", "Oblige enterprises to build", "鼓励 (encourage) rendered as an obligation"),
    (97, "modality", MISTR, "modality", "can provide", "must provide", "可以为…提供 (can provide) rendered as an obligation"),
    (114, "modality", MISTR, "modality", "we must concentrate", "we could concentrate", "我们必须…集中发力 (we must) rendered as a possibility"),
    # time expressions
    (10, "time", MISTR, "time-expression", "In recent years, Shanxi Province has", "Until a few years ago, Shanxi Province had", "近年来 (in recent years) rendered as a time that has ended"),
    (35, "time", MISTR, "time-expression", "In the first half of this year", "In the second half of this year", "今年上半年 (first half of this year) rendered as the second half"),
    (47, "time", MISTR, "time-expression", "from the earliest stage", "from the final stage", "从技术研发初期 (from the early stage) rendered as the final stage"),
    (102, "time", MISTR, "time-expression", "Since the reform and opening up, China's regional economy has developed", "Before the reform and opening up, China's regional economy had developed", "改革开放以来 (since) rendered as before"),
    (102, "time", MISTR, "time-expression", "has formed, creating", "had formed, creating", "tense follows the first edit"),
    (112, "time", MISTR, "time-expression", "As of September 2023", "Since September 2023", "截至2023年9月 (as of) rendered as since"),
    (112, "time", MISTR, "time-expression", "had exceeded", "has exceeded", "tense follows the first edit"),
    (128, "time", MISTR, "time-expression", "In the future, countries will keep stepping up", "In the past, countries kept stepping up", "未来…将 (in the future) rendered as the past"),
    # institutions and offices: a body rendered as another body
    (4, "institution", MISTR, "institution", "the 20th National Congress of the Communist Party of China", "the 20th National People's Congress", "党的二十大 (the CPC's 20th National Congress) rendered as the legislature"),
    (11, "institution", MISTR, "institution", "The China Enterprise Confederation", "The All-China Federation of Industry and Commerce", "中国企业联合会 (China Enterprise Confederation) rendered as another body"),
    (13, "institution", MISTR, "institution", "the Chinese Academy of Engineering", "the Chinese Academy of Sciences", "中国工程院 (Chinese Academy of Engineering) rendered as the Academy of Sciences"),
    (26, "institution", MISTR, "institution", "the Shanxi Provincial Digital Economy Strategy Advisory Committee", "the Shanxi Provincial Development and Reform Commission", "山西省数字经济战略咨询委 (advisory committee) rendered as another body"),
    (120, "institution", MISTR, "institution", "The Third Plenary Session of the 20th CPC Central Committee", "The Central Commission for Discipline Inspection", "党的二十届三中全会 rendered as another body"),
    # policy shorthand and numbered abbreviations
    (8, "shorthand", MISTR, "shorthand", "specialized, refined, distinctive and innovative enterprises", "specialization, fineness, specialness and newness", "专精特新 rendered character by character"),
    (25, "shorthand", MISTR, "shorthand", "the carbon peaking and carbon neutrality revolution", "the two-carbon revolution", "双碳 given as a numeral without what it counts"),
    (29, "shorthand", MISTR, "shorthand", '"integration of the four flows"', '"four-in-one"', "四流合一: numeral without what it counts (the flows)"),
    (57, "shorthand", MISTR, "shorthand", "industry, academia, research institutes and users", "production, learning, research and use", "产学研用 rendered character by character"),
    (66, "shorthand", MISTR, "shorthand", "the integration of the digital and real economies", "number-reality fusion", "数实融合 rendered character by character"),
    (122, "shorthand", MISTR, "shorthand", "the 14th Five-Year Plan", 'the "Fourteen Five" Plan', "十四五 rendered character by character"),
    # terms rendered by their parts
    (20, "literal-term", MISTR, "literal-term", "weak spot", "short board", "短板 (weak spot) rendered by its parts"),
    (23, "literal-term", MISTR, "literal-term", "many top companies", "many head enterprises", "头部企业 (top companies) rendered by its parts"),
    (27, "literal-term", MISTR, "literal-term", '"window of opportunity"', '"wind-mouth period"', "风口期 (window of opportunity) rendered by its parts"),
    (84, "literal-term", MISTR, "literal-term", "let leading enterprises play", "let dragon-head enterprises play", "龙头企业 (leading enterprises) rendered by its parts"),
    (93, "literal-term", MISTR, "literal-term", "the bedrock", "the basic plate", "基本盘 (bedrock, core base) rendered by its parts"),
    (123, "literal-term", MISTR, "literal-term", "the main arena", "the main battle position", "主阵地 (main arena) rendered by its parts"),
    # who does what: the two parties swapped
    (9, "roles", MISTR, "roles", "government departments must set a clear policy direction and market entities must work together", "market entities must set a clear policy direction and government departments must work together", "政府部门要明确政策导向，市场主体要共同发力: parties swapped"),
    (60, "roles", MISTR, "roles", "led by state-owned enterprises, supported by leading enterprises and with the deep participation of research institutes and universities", "led by research institutes and universities, supported by leading enterprises and with the deep participation of state-owned enterprises", "国有企业牵头…科研机构和高校深度参与: leader and participants swapped"),
    (72, "roles", MISTR, "roles", "Encourage leading enterprises to build open industrial digital platforms that bring SMEs into", "Encourage SMEs to build open industrial digital platforms that bring leading enterprises into", "鼓励龙头企业构建…带动中小企业: parties swapped"),
    (85, "roles", MISTR, "roles", "Encourage leading enterprises to open their intelligent manufacturing platforms and provide digital enablement services to SMEs", "Encourage SMEs to open their intelligent manufacturing platforms and provide digital enablement services to leading enterprises", "鼓励龙头企业开放…为中小企业提供: provider and receiver swapped"),
    (87, "roles", MISTR, "roles", "led by large enterprises with the broad participation of SMEs", "led by SMEs with the broad participation of large enterprises", "大企业引领、中小企业广泛参与: leader and participants swapped"),
    # unquoted terms recurring three or more times, rendered three ways
    (30, "term-consistency", TERM, "term-consistency", "The mission of the Energy Internet", "The mission of the energy network", "能源互联网: 'the Energy Internet' on lines 27 and 29"),
    (31, "term-consistency", TERM, "term-consistency", "Making the Energy Internet", "Making the Internet of Energy", "能源互联网: 'the Energy Internet' on lines 27 and 29"),
    (65, "term-consistency", TERM, "term-consistency", "such as intelligent manufacturing", "such as smart production", "智能制造: 'intelligent manufacturing' on lines 70, 72 and 85"),
    (79, "term-consistency", TERM, "term-consistency", "intelligent manufacturing technologies", "smart manufacturing technologies", "智能制造: 'intelligent manufacturing' on lines 70, 72 and 85"),
    (109, "term-consistency", TERM, "term-consistency", "Strategic emerging industries represent", "Strategic new industries represent", "战略性新兴产业: 'strategic emerging industries' on lines 90, 97, 110-114"),
    (115, "term-consistency", TERM, "term-consistency", "Strategic emerging industries have become", "Emerging strategic sectors have become", "战略性新兴产业: 'strategic emerging industries' on lines 90, 97, 110-114"),
    # acceptable consequences of the injections above (flags of another category)
    (20, "literal-term?", IDIOM, "idiom-literal", None, None, "consequence: a literal rendering of a set phrase"),
    (23, "literal-term?", IDIOM, "idiom-literal", None, None, "consequence: a literal rendering of a set phrase"),
    (27, "literal-term?", IDIOM, "idiom-literal", None, None, "consequence: a literal rendering of a set phrase"),
    (84, "literal-term?", IDIOM, "idiom-literal", None, None, "consequence: a literal rendering of a set phrase"),
    (93, "literal-term?", IDIOM, "idiom-literal", None, None, "consequence: a literal rendering of a set phrase"),
    (123, "literal-term?", IDIOM, "idiom-literal", None, None, "consequence: a literal rendering of a set phrase"),
    (84, "term-consistency?", TERM, "term-consistency", None, None, "consequence: 龙头企业 is 'leading enterprises' on lines 60, 72 and 85"),
    (8, "term-consistency?", TERM, "term-consistency", None, None, "consequence: 专精特新 is 'specialized, refined, distinctive and innovative' on lines 1-10"),
    (66, "term-consistency?", TERM, "term-consistency", None, None, "consequence: 数实融合 is 'the integration of the digital and real economies' elsewhere"),
    (120, "number?", NUM, "numbers", None, None, "consequence: the 20 of 二十届 is gone with the body's name"),
    (120, "omission?", OMIT, "omission", None, None, "consequence: 党的二十届三中全会 has no counterpart in the English"),
    (26, "omission?", OMIT, "omission", None, None, "consequence: 数字经济战略咨询 has no counterpart in the English"),
    (122, "number?", NUM, "numbers", None, None, "consequence: 'Fourteen Five' reads as a number other than 14"),
]


if __name__ == "__main__":
    injection.main(HERE, ERRORS)
