"""The meaning errors injected, blind to the checks, into corpora/qa-meaning-4 (see its
README.md): ``python corpora/qa-meaning-4/inject_errors.py`` rebuilds en.txt and labels.tsv
from en.clean.txt and this list, with qa.evaluation.inject."""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))  # the checkout's qa, when run as a script

from qa.evaluation import inject as injection
from qa.evaluation.inject import IDIOM, MISTR, OMIT, TERM

ERRORS: list[tuple[int, str, str, str, str | None, str | None, str]] = [
    # polarity: a negation dropped, or one added
    (22, "polarity", MISTR, "polarity", "and have already achieved notable results", "but have yet to achieve notable results", "并已取得了明显成绩 (have already achieved notable results): negation added"),
    (33, "polarity", MISTR, "polarity", "the lack of unified interface standards", "unified interface standards", "接口标准不统一 (interface standards not unified): negation dropped"),
    (35, "polarity", MISTR, "polarity", "and it is crucial to building", "but it is not yet crucial to building", "在全国一体化算力网络建设中至关重要 (crucial to building the network): negation added"),
    (52, "polarity", MISTR, "polarity", "Only where there is demand can there be", "Even without demand there can be", "有需求才能有数实融合 (only with demand can there be integration): the condition negated"),
    (66, "polarity", MISTR, "polarity", "has received wide attention", "has not received wide attention", "受到了广泛关注 (has received wide attention): negation added"),
    (68, "polarity", MISTR, "polarity", "are quite familiar to everyone", "are not very familiar to most people", "通信卫星和导航卫星大家都比较熟悉 (everyone is quite familiar with them): negation added"),
    # direction of comparison and change
    (20, "direction", MISTR, "direction", "is continuing to expand and deepen", "is continuing to contract", "市场需求正在持续扩展深化 (demand keeps expanding and deepening) rendered as contracting"),
    (23, "direction", MISTR, "direction", "are coming faster", "are coming more slowly", "核心数字技术加快突破 (breakthroughs are speeding up) rendered as slowing"),
    (34, "direction", MISTR, "direction", "so as to lower the threshold for users", "so as to raise the threshold for users", "以此降低用户使用门槛 (lower the threshold for users) rendered as raise"),
    (42, "direction", MISTR, "direction", "at an accelerating pace", "at a slackening pace", "正在加速形成 (taking shape ever faster) rendered as slackening"),
    (53, "direction", MISTR, "direction", 'More and more new application scenarios for "the integration of the digital and real economies" keep emerging', 'Fewer and fewer new application scenarios for "the integration of the digital and real economies" are emerging', "越来越多的…新应用场景不断涌现 (more and more new scenarios) rendered as fewer and fewer"),
    (65, "direction", MISTR, "direction", "is getting better and better now", "is getting worse and worse now", "商业环境越来越好 (getting better and better) rendered as worse"),
    # modality strength: obligation/necessity/certainty <-> permission/possibility
    (28, "modality", MISTR, "modality", "will certainly make", "might make", "一定会取得新突破 (will certainly make breakthroughs) rendered as a possibility"),
    (56, "modality", MISTR, "modality", "we must build", "we could build", "解决这些问题就必须建立数字经济市场 (must build) rendered as a possibility"),
    (57, "modality", MISTR, "modality", "must take the integration of technology", "may take the integration of technology", "数实融合要以…为核心 (must take … as its core) rendered as an option"),
    (60, "modality", MISTR, "modality", "must be supported by", "can be supported by", "数实融合要以开放创新的生态为支撑 (must be supported) rendered as a possibility"),
    (73, "modality", MISTR, "modality", "they can also monitor and give early warning", "they must also monitor and give early warning", "还能检测和预警 (they can also monitor) rendered as an obligation"),
    (82, "modality", MISTR, "modality", "can do more to connect and cooperate", "must do more to connect and cooperate", "可以做更多的对接和合作 (can do more) rendered as an obligation"),
    # time expressions
    (24, "time", MISTR, "time-expression", "I recently did a count", "Some years ago I did a count", "我最近统计了一下 (I recently counted) rendered as years ago"),
    (31, "time", MISTR, "time-expression", "has achieved leapfrog breakthroughs, but it also faces", "will achieve leapfrog breakthroughs, but it will also face", "历经蓬勃发展已取得跨越式的突破 (has already achieved) rendered as the future"),
    (36, "time", MISTR, "time-expression", "Sugon will keep working in depth in Shanxi", "Sugon has long been working in depth in Shanxi", "曙光将在山西持续深耕 (Sugon will keep working in depth) rendered as long-standing past"),
    (41, "time", MISTR, "time-expression", "less than half a year after ChatGPT appeared", "less than half a year before ChatGPT appeared", "ChatGPT出现不到半年 (within half a year after ChatGPT appeared) rendered as before"),
    (45, "time", MISTR, "time-expression", "has truly arrived", "is truly about to arrive", "AI时代是真的来了 (the AI era has arrived) rendered as the future"),
    (80, "time", MISTR, "time-expression", "Over the past few years, advances in artificial intelligence technology have brought", "In the next few years, advances in artificial intelligence technology will bring", "在过去几年里…已经给我们的生活带来 (over the past few years … has brought) rendered as the future"),
    # institutions and offices: a body or office rendered as another
    (2, "institution", MISTR, "institution", "the Russian Academy of Natural Sciences", "the Russian Academy of Sciences", "俄罗斯自然科学院 (Russian Academy of Natural Sciences, a public association) rendered as the state academy"),
    (6, "institution", MISTR, "institution", "Vice Chairman of the Beijing Information Industry Association", "Deputy Director of the Beijing Municipal Bureau of Economy and Information Technology", "北京信息产业协会副理事长 (vice chairman of an industry association) rendered as a government bureau's office"),
    (12, "institution", MISTR, "institution", "President of iFLYTEK Co., Ltd.", "President of the University of Science and Technology of China", "科大讯飞股份有限公司 (iFLYTEK, a company) rendered as the university"),
    (16, "institution", MISTR, "institution", "Shanxi Economic Daily", "Shanxi Daily", "山西经济日报 (Shanxi Economic Daily) rendered as another newspaper"),
    (47, "institution", MISTR, "institution", "China Electronics Corporation", "China Electronics Technology Group Corporation", "中国电子集团 (China Electronics Corporation, CEC) rendered as another state group (CETC)"),
    (61, "institution", MISTR, "institution", "governments at all levels", "the central government", "各级政府 (governments at all levels) rendered as the central government"),
    # policy shorthand and abbreviations
    (21, "shorthand", MISTR, "shorthand", '"go global"', '"go out"', "“走出去” (the going-global policy: investing and operating abroad) rendered character by character"),
    (50, "shorthand", MISTR, "shorthand", "the integration of the digital and real economies", "number-real fusion", "数实融合 (integration of the digital and real economies) rendered character by character"),
    (83, "shorthand", MISTR, "shorthand", "medical insurance cost control already has", "medical protection and fee control already have", "医保控费 (controlling medical-insurance spending) rendered character by character"),
    # terms rendered by their parts
    (5, "literal-term", MISTR, "literal-term", "a Computing Power Hub", "a Computing Power Highland", "算力高地 (computing power hub) rendered by its parts"),
    (19, "literal-term", MISTR, "literal-term", "emerging fields of industrial development", "emerging racetracks of industrial development", "新兴赛道 (emerging fields) rendered by its parts"),
    (27, "literal-term", MISTR, "literal-term", "are all concentrating on", "are all launching a main attack on", "主攻 (concentrate on) rendered by its parts"),
    (29, "literal-term", MISTR, "literal-term", "Keep Working in Depth", "Keep Ploughing Deep", "持续深耕 (keep working in depth) rendered by its parts"),
    (62, "literal-term", MISTR, "literal-term", "the fulfilment of demand", "the landing of demand", "需求落地 (demand being met, put into practice) rendered by its parts"),
    (84, "literal-term", MISTR, "literal-term", "its digital peers in Shanxi", "its digital fellow travellers in Shanxi", "同行 (peers in the same trade) rendered by its parts"),
    # who does what: the two parties swapped
    (26, "roles", MISTR, "roles", "some provinces and cities are leading the direction of digitalized industries", "some provinces and cities are following the direction set by digitalized industries", "部分省市主导数字化产业方向 (some provinces lead the direction): leader and led swapped"),
    (43, "roles", MISTR, "roles", "which offers enterprises a new option", "which enterprises have offered as a new option", "为企业提供了新的选择 (provides enterprises with a new choice): provider and receiver swapped"),
    (44, "roles", MISTR, "roles", "the shortfalls in the performance and capability of our individual products have to some extent been made up for", "our individual products have to some extent made up for the cloud's shortfalls in performance and capability", "有了云以后…弥补了我们单一产品性能和能力的不足 (the cloud makes up for the products' shortfalls): the two parties swapped"),
    (59, "roles", MISTR, "roles", "big data and technology are used to bring business operations together", "business operations are used to bring big data and technology together", "通过大数据和技术让业务融合起来 (big data and technology integrate business): means and object swapped"),
    (75, "roles", MISTR, "roles", "General Artificial Intelligence Helps Shanxi Develop Its Digital Economy", "Shanxi's Digital Economy Helps Develop General Artificial Intelligence", "通用人工智能助力山西数字经济发展 (AI helps Shanxi's digital economy): helper and helped swapped"),
    (77, "roles", MISTR, "roles", "Artificial intelligence is an important driving force of the digital economy", "The digital economy is an important driving force of artificial intelligence", "人工智能是数字经济的重要推动力 (AI drives the digital economy): driver and driven swapped"),
    # unquoted terms recurring three or more times, rendered three ways
    (32, "term-consistency", TERM, "term-consistency", "the demand for computing power", "the demand for computational capacity", "算力: 'computing power' on lines 5, 29, 31, 33-36 and 81 (13 times)"),
    (81, "term-consistency", TERM, "term-consistency", "domestic peers in computing power", "domestic peers in compute", "算力: 'computing power' on lines 5, 29, 31 and 33-36 (12 times)"),
    (51, "term-consistency", TERM, "term-consistency", "in the integration of the digital and real economies", "in digital-physical convergence", "数实融合: 'the integration of the digital and real economies' on lines 9, 48, 52, 53, 57, 60"),
    (58, "term-consistency", TERM, "term-consistency", "To achieve the integration of the digital and real economies", "To achieve the fusion of the digital and real economies", "数实融合: 'the integration of the digital and real economies' on lines 9, 48, 52, 53, 57, 60"),
    (70, "term-consistency", TERM, "term-consistency", "the number of remote sensing satellites", "the number of Earth observation satellites", "遥感卫星: 'remote sensing satellites' on lines 11, 63, 67-69, 71 (twice) and 72"),
    (72, "term-consistency", TERM, "term-consistency", "remote sensing satellites are also applied", "remote-imaging satellites are also applied", "遥感卫星: 'remote sensing satellites' on lines 11, 63, 67-69, 70 and 71 (twice)"),
    # acceptable consequences of the injections above (flags of another category)
    (5, "literal-term?", IDIOM, "idiom-literal", None, None, "consequence: a literal rendering of a figurative term"),
    (19, "literal-term?", IDIOM, "idiom-literal", None, None, "consequence: a literal rendering of a figurative term"),
    (27, "literal-term?", IDIOM, "idiom-literal", None, None, "consequence: a literal rendering of a figurative term"),
    (29, "literal-term?", IDIOM, "idiom-literal", None, None, "consequence: a literal rendering of a figurative term"),
    (62, "literal-term?", IDIOM, "idiom-literal", None, None, "consequence: a literal rendering of a figurative term"),
    (84, "literal-term?", IDIOM, "idiom-literal", None, None, "consequence: a literal rendering of a figurative term"),
    (21, "literal-term?", IDIOM, "idiom-literal", None, None, "consequence: a slogan rendered character by character is also a literal rendering"),
    (50, "literal-term?", IDIOM, "idiom-literal", None, None, "consequence: an abbreviation rendered character by character is also a literal rendering"),
    (83, "literal-term?", IDIOM, "idiom-literal", None, None, "consequence: an abbreviation rendered character by character is also a literal rendering"),
    (50, "term-consistency?", TERM, "term-consistency", None, None, "consequence: 数实融合 is 'the integration of the digital and real economies' on lines 9, 48, 52, 53, 57, 60"),
    (12, "omission?", OMIT, "omission", None, None, "consequence: 讯飞 and 股份有限公司 (iFLYTEK Co., Ltd.) have no counterpart in the English"),
    (61, "omission?", OMIT, "omission", None, None, "consequence: 各级 (at all levels) has no counterpart in the English"),
]


if __name__ == "__main__":
    injection.main(HERE, ERRORS)
