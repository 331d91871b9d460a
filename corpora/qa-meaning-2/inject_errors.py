"""The meaning errors injected, blind to the checks, into corpora/qa-meaning-2 (see its
README.md): ``python corpora/qa-meaning-2/inject_errors.py`` rebuilds en.txt and labels.tsv
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
    (51, "polarity", MISTR, "polarity", "an important role that cannot be replaced", "an important role that can be replaced", "不可替代的重要作用 (an irreplaceable role): negation dropped"),
    (54, "polarity", MISTR, "polarity", "has achieved remarkable results", "has yet to achieve notable results", "数字中国建设成效显著 (remarkable results): negation added"),
    (106, "polarity", MISTR, "polarity", "had not yet entered deeply", "had already entered deeply", "数字技术尚未深度介入 (had not yet entered deeply): negation dropped"),
    (107, "polarity", MISTR, "polarity", "but no mechanism had yet been established", "and a mechanism had already been established", "融合机制尚未建立 (not yet established): negation dropped"),
    (136, "polarity", MISTR, "polarity", "is not a simple stacking of single technologies but a systemic coupling", "is a simple stacking of single technologies and a systemic coupling", "不是单一技术的简单叠加,而是… (not a simple stacking but …): negation dropped"),
    (141, "polarity", MISTR, "polarity", "are no longer isolated from each other but closely linked", "remain isolated from each other rather than closely linked", "不再是相互隔离,而是密切关联 (no longer isolated but linked): polarity reversed"),
    # direction of comparison and change
    (21, "direction", MISTR, "direction", "speeding up the digital transformation", "slowing down the digital transformation", "加快企业数字化转型进程 (speed up) rendered as slow down"),
    (26, "direction", MISTR, "direction", "more than 20 provinces", "nearly 20 provinces", "20多个省份 (more than 20) rendered as fewer than 20"),
    (41, "direction", MISTR, "direction", "reduce costs", "increase costs", "降低成本 (reduce costs) rendered as increase"),
    (44, "direction", MISTR, "direction", "greatly increasing the speed and success rate", "sharply reducing the speed and success rate", "大幅提升…研发速度和成功率 (greatly raise) rendered as reduce"),
    (59, "direction", MISTR, "direction", "has grown steadily", "has shrunk steadily", "整体稳健增长 (grown steadily) rendered as a decline"),
    (73, "direction", MISTR, "direction", "more than 400 domestic-brand products", "fewer than 400 domestic-brand products", "逾400个 (more than 400) rendered as fewer than"),
    # modality strength: obligation/necessity <-> permission/possibility
    (50, "modality", MISTR, "modality", "Achieving Chinese modernization requires the support", "Achieving Chinese modernization can draw on the support", "实现中国式现代化需要有…支撑 (requires) rendered as an option"),
    (66, "modality", MISTR, "modality", "Industrial digitalization must put people first", "Industrial digitalization may put people first", "产业数字化必须以人为本 (must) rendered as permission"),
    (77, "modality", MISTR, "modality", "is a window that can let", "is a window that must let", "可以让 (can let) rendered as an obligation"),
    (82, "modality", MISTR, "modality", "is both an essential requirement for building", "is both one possible option for building", "既是…的必然要求 (an essential requirement) rendered as an option"),
    (86, "modality", MISTR, "modality", "we must promote", "we can promote", "建设现代化产业体系,必须推动 (must) rendered as a possibility"),
    (97, "modality", MISTR, "modality", "we must give", "we could give", "必须把…摆在重要战略位置 (must) rendered as a possibility"),
    # time expressions
    (55, "time", MISTR, "time-expression", "In the future, helped", "In earlier years, helped", "未来…必然会迎来 (in the future) rendered as the past"),
    (55, "time", MISTR, "time-expression", "is bound to see", "was bound to see", "tense follows the first edit"),
    (69, "time", MISTR, "time-expression", "Over the past 10 years, the booming digital economy has made life more convenient for consumers, improved industrial efficiency and created", "Over the next 10 years, the booming digital economy will make life more convenient for consumers, improve industrial efficiency and create", "过去10年 (the past 10 years) rendered as the next 10 years"),
    (75, "time", MISTR, "time-expression", "Since the start of 2022, our livestreams have listed", "Before 2022, our livestreams had listed", "2022年至今 (from 2022 until now) rendered as before 2022"),
    (102, "time", MISTR, "time-expression", "(the early 2010s)", "(the late 2010s)", "21世纪10年代初期 (early 2010s) rendered as the late 2010s"),
    (109, "time", MISTR, "time-expression", "But at that time, integration was mostly", "But today, integration is still mostly", "此时 (at that time, the 2010s) rendered as today"),
    (109, "time", MISTR, "time-expression", "had yet taken shape", "has yet taken shape", "tense follows the first edit"),
    (119, "time", MISTR, "time-expression", "especially since the 20th National Congress", "especially in the run-up to the 20th National Congress", "特别是党的二十大以来 (since) rendered as before"),
    # institutions and offices: a body rendered as another body
    (4, "institution", MISTR, "institution", "China National Nuclear Corporation (CNNC)", "China General Nuclear Power Group (CGN)", "中核集团 (China National Nuclear Corporation) rendered as another state nuclear group"),
    (18, "institution", MISTR, "institution", "CS&S has built", "Chinasoft International has built", "中软公司 (China National Software and Service, line 16) rendered as another company (中软国际)"),
    (46, "institution", MISTR, "institution", "Renmin University of China", "Peking University", "中国人民大学 (Renmin University of China) rendered as another university"),
    (81, "institution", MISTR, "institution", "the CPC Central Committee", "the State Council", "党中央 (the CPC Central Committee) rendered as the government"),
    (108, "institution", MISTR, "institution", "the report to the 19th National Congress of the Communist Party of China", "the State Council's Government Work Report", "党的十九大报告 (report to the CPC's 19th National Congress) rendered as the government's report"),
    (120, "institution", MISTR, "institution", "The 20th National Congress of the Communist Party of China called", "The Third Plenary Session of the 20th Central Committee called", "党的二十大 (the CPC's 20th National Congress) rendered as a plenum of the Central Committee"),
    # policy shorthand and numbered abbreviations
    (22, "shorthand", MISTR, "shorthand", '"prevention and control by people" and "prevention and control by technology"', '"people-defence, people-control" and "technology-defence, technology-control"', "“人防人控”“技防技控” (prevention and control by people / by technology) rendered character by character"),
    (23, "shorthand", MISTR, "shorthand", "In industry-education integration", "In production-teaching fusion", "产教融合 (industry-education integration) rendered character by character"),
    (27, "shorthand", MISTR, "shorthand", "the digital-intelligent development", "the number-wisdom development", "数智化 (digital and intelligent) rendered character by character"),
    (43, "shorthand", MISTR, "shorthand", "a collaboration mechanism among government, industry, academia, research institutions and medical institutions", 'a "politics-production-learning-research-medicine" collaboration mechanism', "“政产学研医” (government, industry, academia, research and medicine) rendered character by character"),
    (87, "shorthand", MISTR, "shorthand", "domestic and international circulations reinforce each other", "the double cycles reinforce each other", "国内国际双循环 given as a numeral without what it counts"),
    (111, "shorthand", MISTR, "shorthand", "the meaning of the integration of the digital and real economies began", "the meaning of number-real fusion began", "数实融合 rendered character by character"),
    # terms rendered by their parts
    (7, "literal-term", MISTR, "literal-term", "building a foundation for the group's", "building a bottom seat for the group's", "发展底座 (foundation) rendered by its parts"),
    (8, "literal-term", MISTR, "literal-term", "driving the leapfrog development of", "driving the stride-across development of", "跨越式发展 (leapfrog development) rendered by its parts"),
    (31, "literal-term", MISTR, "literal-term", "providing digital services to leading enterprises", "providing digital services to dragon-head firms", "龙头企业 (leading enterprises) rendered by its parts"),
    (47, "literal-term", MISTR, "literal-term", "keeping the focus of economic development", "placing the force-applying point of economic development", "着力点 (focus) rendered by its parts"),
    (89, "literal-term", MISTR, "literal-term", "clear bottlenecks and chokepoints", "clear blocking points and card points", "堵点卡点 (bottlenecks and chokepoints) rendered by their parts"),
    (95, "literal-term", MISTR, "literal-term", "the breadth of its reach", "the breadth of its radiation range", "辐射范围 (reach) rendered by its parts"),
    # who does what: the two parties swapped
    (20, "roles", MISTR, "roles", "giving strong support to the digital development of government departments in taxation, finance, market regulation, statistics and other fields, and of local governments", "drawing strong support for our digital development from government departments in taxation, finance, market regulation, statistics and other fields, and from local governments", "有力保障了…政府部门和地方政府数字化建设 (we supported them): supporter and supported swapped"),
    (34, "roles", MISTR, "roles", "that provide equipment, platforms and professional technical support to incubated and innovative enterprises", "that receive equipment, platforms and professional technical support from incubated and innovative enterprises", "为孵化和创新企业提供设备 (the labs provide to the enterprises): provider and receiver swapped"),
    (62, "roles", MISTR, "roles", "encourages union-member drivers to help fellow truckers who get into difficulty on the road", "encourages fellow truckers who get into difficulty on the road to help union-member drivers", "鼓励入会司机对途中遇困卡友扶危帮困 (members help truckers in trouble): helper and helped swapped"),
    (71, "roles", MISTR, "roles", "has helped many high-quality domestic brands grow quickly and keep building brand strength, ushering in a window of opportunity for their rapid development", "has been helped by many high-quality domestic brands to grow quickly and keep building its brand strength, ushering in a window of opportunity for its rapid development", "直播电商行业，助力了诸多优质国货快速壮大 (livestreaming helped the brands): helper and helped swapped"),
    (72, "roles", MISTR, "roles", "Meiwan has continuously supported the development of domestic brands", "Meiwan's development has been continuously supported by domestic brands", "美腕…持续助力国货品牌发展 (Meiwan supports the brands): supporter and supported swapped"),
    (94, "roles", MISTR, "roles", "let the increment drive the existing stock", "let the existing stock drive the increment", "以增量带动存量 (the increment drives the stock): driver and driven swapped"),
    # unquoted terms recurring three or more times, rendered three ways
    (70, "term-consistency", TERM, "term-consistency", "livestream e-commerce has also grown", "live-streaming retail has also grown", "直播电商: 'livestream e-commerce' on lines 67 and 71"),
    (76, "term-consistency", TERM, "term-consistency", "livestream e-commerce could not have developed", "webcast commerce could not have developed", "直播电商: 'livestream e-commerce' on lines 67 and 71"),
    (88, "term-consistency", TERM, "term-consistency", "the digital economy and the real economy can effectively", "the digital economy and the physical economy can effectively", "实体经济: 'the real economy' on 21 other lines (45-55, 66, 81-97, 107, 108, 119, 124, 136)"),
    (146, "term-consistency", TERM, "term-consistency", "the deep integration of the real economy", "the deep integration of the tangible economy", "实体经济: 'the real economy' on 21 other lines (45-55, 66, 81-97, 107, 108, 119, 124, 136)"),
    (91, "term-consistency", TERM, "term-consistency", "a distinctive feature of new industrialization", "a distinctive feature of new-type industrialization", "新型工业化: 'new industrialization' on lines 47, 82, 92, 94"),
    (93, "term-consistency", TERM, "term-consistency", "and speed up new industrialization", "and speed up the new-style industrialization drive", "新型工业化: 'new industrialization' on lines 47, 82, 92, 94"),
    # acceptable consequences of the injections above (flags of another category)
    (7, "literal-term?", IDIOM, "idiom-literal", None, None, "consequence: a literal rendering of a set phrase"),
    (8, "literal-term?", IDIOM, "idiom-literal", None, None, "consequence: a literal rendering of a set phrase"),
    (31, "literal-term?", IDIOM, "idiom-literal", None, None, "consequence: a literal rendering of a set phrase"),
    (47, "literal-term?", IDIOM, "idiom-literal", None, None, "consequence: a literal rendering of a set phrase"),
    (89, "literal-term?", IDIOM, "idiom-literal", None, None, "consequence: a literal rendering of a set phrase"),
    (95, "literal-term?", IDIOM, "idiom-literal", None, None, "consequence: a literal rendering of a set phrase"),
    (111, "term-consistency?", TERM, "term-consistency", None, None, "consequence: 数实融合 is 'the integration of the digital and real economies' on every other line"),
    (26, "number?", NUM, "numbers", None, None, "consequence: 'nearly 20' is not the 20多 (20-odd) of the Chinese"),
    (73, "number?", NUM, "numbers", None, None, "consequence: 'fewer than 400' is not the 逾400 (over 400) of the Chinese"),
    (108, "number?", NUM, "numbers", None, None, "consequence: the 19 of 十九大 is gone with the body's name"),
    (108, "omission?", OMIT, "omission", None, None, "consequence: 党的十九大 has no counterpart in the English"),
    (81, "omission?", OMIT, "omission", None, None, "consequence: 党中央 has no counterpart in the English"),
    (87, "omission?", OMIT, "omission", None, None, "consequence: 国内国际 (domestic and international) has no counterpart in the English"),
]


if __name__ == "__main__":
    injection.main(HERE, ERRORS)
