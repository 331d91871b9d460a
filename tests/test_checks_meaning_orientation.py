"""Time orientation and direction of change: whole cue families, on sentences written for these tests.

The sentences are policy prose in the register of State Council and ministry
releases (not taken from the labelled corpora).  Each true positive is a
faithful English with the time orientation or the direction turned round the
way a translator or an MT system does it ("so far" for 今后, "recently" for
历来, "up to" for 以来, "again" for 首次, "behind schedule" for 提前, "drive up" for 降低, "ahead of" for 落后于, "fewer and
fewer" for 越来越多); each clean negative is a faithful rendering, several of
them with a word of the other side that a looser rule would read ("up to 9%",
"long-term … recently", "the key force behind").  No embedder: the checks read
CC-CEDICT, jieba and their cue tables only.
"""

from __future__ import annotations

import pytest

from qa.checks.direction import DIRECTION, degree_cue, zh_direction_cues
from qa.checks.time_expression import TIME_EXPRESSION
from qa.meaning_cues import CueRow, ZhHit
from qa.model import Check


def majors(check: Check, zh: str, en: str) -> list[str]:
    return [f.message for f in check.run_pair(zh, en) if f.severity == "major"]


# --------------------------------------------------------------------------- time orientation

@pytest.mark.parametrize("zh,en,wrong", [
    ('展望未来，我们将继续深化改革、扩大开放。', 'Looking back, we have continued to deepen reform and expand opening up.', True),
    ('展望未来，我们将继续深化改革、扩大开放。', 'Looking ahead, we will continue to deepen reform and expand opening up.', False),
    ('回顾过去十年，我国科技实力显著增强。', "Looking ahead to the next decade, China's scientific and technological strength will grow markedly.", True),
    ('回顾过去十年，我国科技实力显著增强。', "Looking back on the past decade, China's scientific and technological strength has grown markedly.", False),
    ('会议回顾了一年来的工作，部署了今后的任务。', 'The meeting reviewed the work of the year and set out tasks for the future.', False),
    ('今后，我们要进一步完善社会保障体系。', 'So far, we have further improved the social security system.', True),
    ('今后，我们要进一步完善社会保障体系。', 'From now on, we must further improve the social security system.', False),
    ('将来，这些技术会广泛应用于农业生产。', 'In recent years, these technologies have been widely used in farming.', True),
    ('将来，这些技术会广泛应用于农业生产。', 'These technologies will one day be widely used in farming.', False),
    ('长期以来，我国农村金融服务供给不足。', 'Recently, rural financial services in China have been in short supply.', True),
    ('长期以来，我国农村金融服务供给不足。', 'Rural financial services in China have long been in short supply.', False),
    ('长期以来，我国农村金融服务供给不足。', 'For a long time, rural financial services in China were in short supply.', False),
    ('中国历来高度重视粮食安全。', 'China has only recently begun to attach great importance to food security.', True),
    ('中国历来高度重视粮食安全。', 'China has always attached great importance to food security.', False),
    ('新版规划即将出台。', 'The new plan was recently issued.', True),
    ('新版规划即将出台。', 'The new plan will soon be issued.', False),
    ('新版规划即将出台。', 'The new plan is about to be released.', False),
    ('改革开放以来，我国经济快速增长。', "Up to the reform and opening up, China's economy grew rapidly.", True),
    ('改革开放以来，我国经济快速增长。', "Since the reform and opening up, China's economy has grown rapidly.", False),
    ('改革开放以来，我国经济快速增长。', "China's economy has grown rapidly since reform and opening up, up to 9% a year.", False),
    ('多年来，该地区一直饱受干旱之苦。', 'The region has lately begun to suffer from drought.', True),
    ('多年来，该地区一直饱受干旱之苦。', 'For years, the region has suffered from drought.', False),
    ('未来三年，我们将在已有成果基础上继续推进。', 'Over the next three years, we will build on what has been achieved so far.', False),
    ('长期贷款利率近期有所下降。', 'Long-term lending rates have fallen recently.', False),
    ('一直以来，中小企业融资难问题十分突出。', 'In recent years, the difficulty small firms face in obtaining financing has become acute.', True),
    ('一直以来，中小企业融资难问题十分突出。', 'Small firms have long found it hard to obtain financing.', False),
    ('该政策将实施直到2030年。', 'The policy has been in force since 2030.', True),
    ('该政策将实施直到2030年。', 'The policy will remain in force until 2030.', False),
    ('我国首次实现火星着陆。', 'China has landed on Mars again.', True),
    ('我国首次实现火星着陆。', 'China has landed on Mars for the first time.', False),
    ('央行再次下调存款准备金率。', 'The central bank cut the reserve requirement ratio for the first time.', True),
    ('央行再次下调存款准备金率。', 'The central bank cut the reserve requirement ratio again.', False),
    ('工程提前三个月完工。', 'The project was completed three months behind schedule.', True),
    ('工程提前三个月完工。', 'The project was completed three months ahead of schedule.', False),
    ('由于天气原因，发射推迟到下周。', 'Because of the weather, the launch was brought forward to next week.', True),
    ('由于天气原因，发射推迟到下周。', 'Because of the weather, the launch was postponed until next week.', False),
    ('今年年初以来，上市公司回购股票带来的增量资金有望突破1500亿元。', 'Buy-backs since the start of the year may bring up to RMB 150 billion of new money into the market.', False),
    ('改革开放以来，我国人民生活水平不断提高。', 'Living standards have been brought up to the present level since reform and opening up.', False),
    # the present against the past or the future named as such; the future against a previous stage
    ('目前，全省已建成充电桩3万个。', 'In the future, the province will have built 30,000 charging posts.', True),
    ('目前，全省已建成充电桩3万个。', 'The province has so far built 30,000 charging posts.', False),
    ('当前，乡村振兴已进入全面推进阶段。', 'In the early days, rural revitalization entered a stage of all-round advance.', True),
    ('当前，乡村振兴已进入全面推进阶段。', 'Rural revitalization has now entered a stage of all-round advance.', False),
    ('目前的增速比过去低。', 'Growth is now lower than in the past.', False),
    ('如今，人均出行次数比回归前多了三倍。', 'Per-capita trips are now four times what they were in the past 20 years before the handover.', False),
    ('从现在起，所有项目必须先评估后立项。', 'From now on, every project must be assessed before it is approved.', False),
    ('今后一个时期，要把重点放在制度建设上。', 'In the previous period, the focus was on building institutions.', True),
    ('今后一个时期，要把重点放在制度建设上。', 'For some time to come, the focus will be on building institutions.', False),
    ('长期以来，中小企业融资难问题突出。', 'In the short term, financing is difficult for small and medium-sized firms.', True),
    ('下一步，我们将继续推进数据要素市场化改革。', 'So far, we have continued to advance market-based reform of data factors.', True),
    ('下一步，我们将继续推进数据要素市场化改革。', 'Next, we will continue to advance market-based reform of data factors.', False),
    ('接下来，各地要抓好政策落实。', 'Until now, localities have been implementing the policies.', True),
    ('接下来，各地要抓好政策落实。', 'Localities should now go on to implement the policies well.', False),
])
def test_time_orientation_families(zh, en, wrong):
    found = majors(TIME_EXPRESSION, zh, en)
    assert bool(found) == wrong, (en, found)


def test_time_flag_names_the_cue_and_the_english():
    found = majors(TIME_EXPRESSION, "长期以来，我国农村金融服务供给不足。",
                   "Recently, rural financial services in China have been in short supply.")
    assert found and "长期以来" in found[0] and "'Recently'" in found[0]


# --------------------------------------------------------------------------- direction of change

@pytest.mark.parametrize("zh,en,wrong", [
    ('互联网在公共服务中发挥着越来越重要的作用。', 'The internet plays a less and less important role in public services.', True),
    ('互联网在公共服务中发挥着越来越重要的作用。', 'The internet plays an increasingly important role in public services.', False),
    ('互联网在公共服务中发挥着越来越重要的作用。', 'The internet plays an ever more important role in public services.', False),
    ('互联网在公共服务中发挥着越来越重要的作用。', 'The internet is becoming ever more important in public services.', False),
    ('选择线上办理业务的群众越来越多。', 'Fewer and fewer people are choosing to handle their affairs online.', True),
    ('选择线上办理业务的群众越来越多。', 'More and more people are choosing to handle their affairs online.', False),
    ('随着技术进步，光伏发电成本越来越低。', 'As technology advances, the cost of solar power is rising steadily.', True),
    ('随着技术进步，光伏发电成本越来越低。', 'As technology advances, solar power is getting ever cheaper.', False),
    ('随着技术进步，光伏发电成本越来越低。', 'As technology advances, the cost of solar power keeps falling.', False),
    ('部分地区生态环境日益恶化。', 'The ecological environment in some areas is steadily declining.', False),
    ('农村人口日益减少。', 'The rural population is declining day by day.', False),
    ('农村人口日益减少。', 'The rural population is growing day by day.', True),
    ('通过数字化改造，企业可以降低物流成本。', 'Through digital upgrading, enterprises can drive up logistics costs.', True),
    ('通过数字化改造，企业可以降低物流成本。', 'Through digital upgrading, enterprises can bring down logistics costs.', False),
    ('通过数字化改造，企业可以降低物流成本。', 'Through digital upgrading, enterprises can cut logistics costs.', False),
    ('这些措施将减轻小微企业的税费负担。', 'These measures will increase the tax burden on small and micro businesses.', True),
    ('这些措施将减轻小微企业的税费负担。', 'These measures will ease the tax burden on small and micro businesses.', False),
    ('这些措施将减轻小微企业的税费负担。', 'These measures will lighten the tax burden on small and micro businesses.', False),
    ('中西部地区的数字基础设施仍落后于东部地区。', 'Digital infrastructure in the central and western regions is still ahead of the east.', True),
    ('中西部地区的数字基础设施仍落后于东部地区。', 'Digital infrastructure in the central and western regions still lags behind the east.', False),
    ('中西部地区的数字基础设施仍落后于东部地区。', 'Digital infrastructure in the central and western regions still trails that of the east.', False),
    ('我国高铁技术领先于世界其他国家。', "China's high-speed rail technology lags behind that of other countries.", True),
    ('我国高铁技术领先于世界其他国家。', "China's high-speed rail technology leads the rest of the world.", False),
    ('市场竞争不断加剧。', 'Market competition has steadily lessened.', True),
    ('市场竞争不断加剧。', 'Market competition has steadily intensified.', False),
    ('市场竞争不断加剧。', 'Competition in the market is getting fiercer.', False),
    ('双方同意进一步深化经贸合作。', 'The two sides agreed to scale back economic and trade cooperation.', True),
    ('双方同意进一步深化经贸合作。', 'The two sides agreed to deepen economic and trade cooperation further.', False),
    ('企业对数据的依赖程度不断加深，数据安全风险随之增加。', 'Enterprises depend ever more on data, and data security risks rise with it.', False),
    ('数字技术正成为推动经济增长的关键力量，领先于传统产业。', 'Digital technology is becoming the key force behind economic growth, ahead of traditional industries.', False),
])
def test_direction_families(zh, en, wrong):
    found = majors(DIRECTION, zh, en)
    assert bool(found) == wrong, (en, found)


@pytest.mark.parametrize("zh,phrase,direction", [
    ("发挥着越来越重要的作用", "越来越重要", "up"),
    ("参与的企业越来越多", "越来越多", "up"),
    ("光伏发电成本越来越低", "越来越低", "down"),
    ("商品价格日益便宜", "日益便宜", "down"),
    ("年轻劳动力越来越少", "越来越少", "down"),
])
def test_degree_cue_takes_the_direction_of_its_adjective(zh, phrase, direction):
    hits = [h for h in zh_direction_cues(zh) if h.row.cue == phrase]
    assert [h.row.kind for h in hits] == [direction]
    assert zh[hits[0].start:hits[0].end] == phrase


@pytest.mark.parametrize("zh,intensifier", [
    ("农村人口日益减少", "日益"),       # the next word is a cue itself: 减少 speaks
    ("生态环境日益恶化", "日益"),       # CC-CEDICT glosses 恶化 only as a verb ("to worsen")
    ("这个问题越来越不重要", "越来越"),  # negated: not read
])
def test_degree_cue_is_not_read_without_an_adjective_of_its_own(zh, intensifier):
    start = zh.index(intensifier)
    row = CueRow("zh", intensifier, "up", ("degree",))
    assert degree_cue(zh, ZhHit(row, start, start + len(intensifier))) is None
    assert all(h.row.extra[:1] != ("degree",) for h in zh_direction_cues(zh))
