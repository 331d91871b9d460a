"""The meaning errors injected, blind to the checks, into corpora/qa-meaning-3 (see its
README.md): ``python corpora/qa-meaning-3/inject_errors.py`` rebuilds en.txt and labels.tsv
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
    (5, "polarity", MISTR, "polarity", "an irreversible trend of the times", "a trend of the times that could yet be reversed", "不可逆转的时代潮流 (an irreversible trend): negation dropped"),
    (65, "polarity", MISTR, "polarity", "is still not deep or broad enough", "is already deep and broad enough", "“数实融合”在深度与广度上还不充分 (still not sufficient in depth and breadth): negation dropped"),
    (66, "polarity", MISTR, "polarity", "they have not yet formed", "they have already formed", "尚未形成…底层逻辑思维架构 (have not yet formed): negation dropped"),
    (70, "polarity", MISTR, "polarity", "lag well behind and cannot meet", "lag well behind but can meet", "无法满足本地区…发展需要 (cannot meet the local needs): negation dropped"),
    (101, "polarity", MISTR, "polarity", "is not yet evident enough", "is already evident enough", "对“数实融合”赋能作用不够明显 (the enabling effect is not evident enough): negation dropped"),
    (121, "polarity", MISTR, "polarity", "Conversely, without scenarios and applications", "Conversely, with scenarios and applications", "反之,如果没有场景和应用 (without scenarios and applications): negation dropped"),
    # direction of comparison and change
    (13, "direction", MISTR, "direction", "an increasingly important role", "a steadily diminishing role", "扮演着越来越重要的角色 (an ever more important role) rendered as a shrinking one"),
    (36, "direction", MISTR, "direction", "will lower the threshold for SMEs", "will raise the threshold for SMEs", "降低中小企业国际化门槛 (lower the threshold) rendered as raise"),
    (58, "direction", MISTR, "direction", "can lower production and operating costs", "can push up production and operating costs", "可以降低生产经营成本 (lower costs) rendered as push up"),
    (62, "direction", MISTR, "direction", "steadily narrow the gaps", "steadily widen the gaps", "不断缩小城乡差距、地区差距和收入差距 (narrow the gaps) rendered as widen"),
    (72, "direction", MISTR, "direction", "lag far behind services", "are far ahead of services", "大幅落后于服务业 (lag far behind services) rendered as ahead of"),
    (78, "direction", MISTR, "direction", "dependence on networks keeps deepening", "dependence on networks keeps lessening", "对于网络的依赖度不断加深 (dependence keeps deepening) rendered as lessening"),
    # modality strength: obligation/necessity <-> permission/possibility
    (51, "modality", MISTR, "modality", "urgently needs to bring", "is free to bring", "迫切需要发挥… (urgently needs to) rendered as a freedom"),
    (94, "modality", MISTR, "modality", "we must uphold", "we may choose to uphold", "推进“数实融合”必须坚持…原则 (must uphold) rendered as a choice"),
    (104, "modality", MISTR, "modality", "requires putting", "may involve putting", "加快推动“数实融合”需要把…挺在前头 (requires) rendered as a possibility"),
    (131, "modality", MISTR, "modality", "we must further strengthen", "it would be possible to further strengthen", "必须进一步强化 (must) rendered as a possibility"),
    (146, "modality", MISTR, "modality", "we must keep enterprises playing", "we might keep enterprises playing", "必须持续发挥企业主力军作用 (must) rendered as a possibility"),
    (148, "modality", MISTR, "modality", "Special subsidies can be granted", "Special subsidies must be granted", "可通过…予以专项补贴 (subsidies can be granted) rendered as an obligation"),
    # time expressions
    (12, "time", MISTR, "time-expression", "Looking back at history, every social transformation has been", "Looking ahead, every social transformation will be", "回溯历史 (looking back at history) rendered as looking ahead"),
    (32, "time", MISTR, "time-expression", "In future, the regulation of platforms will give", "Until now, the regulation of platforms has given", "未来平台的监管将坚持 (in future, regulation will) rendered as the past"),
    (35, "time", MISTR, "time-expression", "In the future, the state will speed up the building of a system of rules for digital trade, set up smart logistics platforms overseas and expand", "In recent years, the state has sped up the building of a system of rules for digital trade, set up smart logistics platforms overseas and expanded", "未来国家将加速推进 (in the future the state will) rendered as recent years"),
    (99, "time", MISTR, "time-expression", "Since the 18th National Congress of the Communist Party of China, China has attached", "Up to the 18th National Congress of the Communist Party of China, China attached", "党的十八大以来 (since the 18th National Congress) rendered as up to it"),
    (105, "time", MISTR, "time-expression", "for some time to come", "over the past period", "未来一段时间 (for some time to come) rendered as the past"),
    (107, "time", MISTR, "time-expression", "that have long hindered", "that have recently begun to hinder", "长期以来阻碍 (have long hindered) rendered as recent"),
    # institutions and offices: a body or office rendered as another
    (3, "institution", MISTR, "institution", "General Secretary Xi Jinping", "President Xi Jinping", "习近平总书记 (General Secretary, the Party office) rendered as the state office"),
    (7, "institution", MISTR, "institution", "the 20th CPC Central Committee", "the 20th Central Commission for Discipline Inspection", "党的二十届三中全会 (plenum of the 20th CPC Central Committee) rendered as a plenum of the CCDI"),
    (18, "institution", MISTR, "institution", "The National Data Administration", "The National Bureau of Statistics", "国家数据局 (National Data Administration) rendered as another body"),
    (39, "institution", MISTR, "institution", "The National Data Administration", "The Ministry of Industry and Information Technology", "国家数据局 (National Data Administration) rendered as a ministry"),
    (96, "institution", MISTR, "institution", "the State Information Center", "the China Academy of Information and Communications Technology", "国家信息中心 (State Information Center) rendered as another institute"),
    (128, "institution", MISTR, "institution", "Party School of the CPC Central Committee (National Academy of Governance)", "Party School of the Beijing Municipal Committee of the CPC (Beijing Administration Institute)", "中央党校(国家行政学院) (the central Party School) rendered as a municipal one"),
    # policy shorthand and numbered abbreviations
    (91, "shorthand", MISTR, "shorthand", "the 14th Five-Year Plan period", "the 14th Five period", "“十四五”时期 (the 14th Five-Year Plan period) given as numerals without what they count"),
    (106, "shorthand", MISTR, "shorthand", 'the "20 Data Measures"', 'the "Data Twenty"', "“数据二十条” (the 20 measures on data) given as a numeral without what it counts"),
    (113, "shorthand", MISTR, "shorthand", 'departments\' "three determinations" plans (which set their functions, internal bodies and staffing)', 'departments\' "three-set" plans', "部门“三定”方案 (plans fixing functions, internal bodies and staffing) given as a numeral without what it counts"),
    (136, "shorthand", MISTR, "shorthand", '"lacking chips and operating systems"', '"lacking cores and souls"', "“缺芯少魂” (lacking chips and operating systems) rendered character by character"),
    (147, "shorthand", MISTR, "shorthand", '"moving to the cloud, using data and empowering with intelligence"', '"up-cloud, use-number, give-wisdom"', "“上云用数赋智” (moving to the cloud, using data, empowering with intelligence) rendered character by character"),
    (150, "shorthand", MISTR, "shorthand", "eight Grade-A tertiary hospitals", "eight three-armour hospitals", "三甲医院 (Grade-A tertiary hospitals) rendered character by character"),
    # terms rendered by their parts
    (55, "literal-term", MISTR, "literal-term", "all China's industries and sectors", "China's thousand lines and hundred trades", "千行百业 (all industries and sectors) rendered by its parts"),
    (57, "literal-term", MISTR, "literal-term", "as a lever", "as a grabbing hand", "抓手 (lever) rendered by its parts"),
    (115, "literal-term", MISTR, "literal-term", '"locked away"', '"hidden deep in the boudoir"', "“深藏闺中” (locked away) rendered by its parts"),
    (122, "literal-term", MISTR, "literal-term", '"opening move"', '"first-hand chess"', "“先手棋” (opening move) rendered by its parts"),
    (126, "literal-term", MISTR, "literal-term", "as the crux of the matter", "as the ox's nose", "“牛鼻子” (the crux) rendered by its parts"),
    (132, "literal-term", MISTR, "literal-term", "The next chapter of the digital economy", "The second half of the digital economy's article", "数字经济的下半篇文章 (the next chapter) rendered by its parts"),
    # who does what: the two parties swapped
    (2, "roles", MISTR, "roles", "it is bringing unprecedented change to the productive forces and the relations of production", "the productive forces and the relations of production are bringing unprecedented change to it", "信息化…给生产力和生产关系带来…变革 (informatization changes the productive forces): agent and affected swapped"),
    (41, "roles", MISTR, "roles", "the agglomeration effect of industrial clusters will further raise the overall competitiveness of the digital economy", "the overall competitiveness of the digital economy will further raise the agglomeration effect of industrial clusters", "产业集群的集聚效应将进一步提升数字经济的整体竞争力 (the clusters raise the economy's competitiveness): cause and effect swapped"),
    (86, "roles", MISTR, "roles", "provide enterprises with standardized, targeted services and support", "obtain standardized, targeted services and support from enterprises", "为企业提供…服务与支持 (provide services to enterprises): provider and receiver swapped"),
    (116, "roles", MISTR, "roles", "public data, flowing rapidly, truly gives new momentum to the integration of the digital and real economies", "the integration of the digital and real economies truly gives new momentum to public data as it flows rapidly", "使公共数据…给“数实融合”赋予新动能 (public data gives momentum to the integration): giver and receiver swapped"),
    (151, "roles", MISTR, "roles", "which has nurtured a group of", "which has been nurtured by a group of", "培育了一批…服务商 (the centre nurtured the providers): nurturer and nurtured swapped"),
    (154, "roles", MISTR, "roles", "led by the government, with self-governance by enterprises", "led by enterprises, with self-governance by the government", "政府主导、企业自治 (government-led, enterprise self-governance): the two parties swapped"),
    # unquoted terms recurring three or more times, rendered three ways
    (8, "term-consistency", TERM, "term-consistency", "new quality productive forces", "new-quality productivity", "新质生产力: 'new quality productive forces' on lines 2 and 9 (twice)"),
    (14, "term-consistency", TERM, "term-consistency", "new quality productive forces", "new-type productive forces", "新质生产力: 'new quality productive forces' on lines 2 and 9 (twice)"),
    (45, "term-consistency", TERM, "term-consistency", "the cybersecurity protection system", "the network security protection system", "网络安全: 'cybersecurity' on line 94 (three times)"),
    (79, "term-consistency", TERM, "term-consistency", "seriously affecting cybersecurity", "seriously affecting internet security", "网络安全: 'cybersecurity' on line 94 (three times)"),
    (114, "term-consistency", TERM, "term-consistency", "a unified national market system for data factors", "a unified national market system for data elements", "数据要素: 'data factor(s)' on 19 other lines (16, 22, 95, 97-101, 105, 107-111, 113, 117, 118, 127, 143)"),
    (139, "term-consistency", TERM, "term-consistency", "all kinds of data factors", "all kinds of data inputs", "数据要素: 'data factor(s)' on 19 other lines (16, 22, 95, 97-101, 105, 107-111, 113, 117, 118, 127, 143)"),
    # acceptable consequences of the injections above (flags of another category)
    (55, "literal-term?", IDIOM, "idiom-literal", None, None, "consequence: a literal rendering of a set phrase"),
    (57, "literal-term?", IDIOM, "idiom-literal", None, None, "consequence: a literal rendering of a set phrase"),
    (115, "literal-term?", IDIOM, "idiom-literal", None, None, "consequence: a literal rendering of a set phrase"),
    (122, "literal-term?", IDIOM, "idiom-literal", None, None, "consequence: a literal rendering of a set phrase"),
    (126, "literal-term?", IDIOM, "idiom-literal", None, None, "consequence: a literal rendering of a set phrase"),
    (132, "literal-term?", IDIOM, "idiom-literal", None, None, "consequence: a literal rendering of a set phrase"),
    (136, "literal-term?", IDIOM, "idiom-literal", None, None, "consequence: a four-character phrase rendered character by character is also a literal rendering"),
    (147, "literal-term?", IDIOM, "idiom-literal", None, None, "consequence: a four-character phrase rendered character by character is also a literal rendering"),
    (150, "literal-term?", IDIOM, "idiom-literal", None, None, "consequence: a term rendered character by character is also a literal rendering"),
    (147, "term-consistency?", TERM, "term-consistency", None, None, "consequence: 上云用数赋智 is 'moving to the cloud, using data and empowering with intelligence' on lines 92 and 126"),
    (3, "omission?", OMIT, "omission", None, None, "consequence: 总书记 (General Secretary) has no counterpart in the English"),
    (128, "omission?", OMIT, "omission", None, None, "consequence: 中央党校(国家行政学院) has no counterpart in the English"),
]


if __name__ == "__main__":
    injection.main(HERE, ERRORS)
