"""shorthand: count series of things, hyphenated counts, and coinages of 'one'.

A count series of things may be plain counting (三省一市 'three provinces and one municipality');
the Chinese quoting it, or the English hyphenating every count to its word, shows a coinage whose
items the reader never learns.  A quoted coinage of 一 and clipped words (一网统管) is a riddle only
when the English hyphenates 'one' to its characters' glosses.  Sentences are our own; each true
positive has a clean negative.
"""

from __future__ import annotations

from align.model import Pair
from qa.checks import shorthand as sh
from qa.model import Context


def run(zh: str, en: str) -> list:
    pair = Pair(id=1, zh=zh, en=en)
    return sh.check_shorthand(pair, Context(pairs=[pair]))


def spans(flags: list) -> list[tuple[str, str, str]]:
    return [(f.severity, f.zh[slice(*f.zh_spans[0])], f.en[slice(*f.en_spans[0])]) for f in flags]


MEETINGS = "各基层党支部要严格落实“三会一课”制度，提高组织生活质量。"
COACHES = "交通运输部门要加强对两客一危企业的安全检查。"
NETWORK = "城市管理要推行“一网统管”，实现问题早发现早处置。"


def test_quoted_series_of_things_echoed_count_by_count():
    flags = run(MEETINGS, 'Grassroots Party branches must strictly implement the "three meetings and one lesson" '
                          "system and improve the quality of Party life.")
    assert spans(flags) == [("minor", "三会一课", "three meetings and one lesson")]


def test_quoted_series_spelled_out_is_clean():
    assert run(MEETINGS, "Grassroots Party branches must strictly implement the system of regular branch "
                         "meetings and Party lectures and improve the quality of Party life.") == []


def test_unquoted_series_hyphenated_count_by_count():
    flags = run(COACHES, "Transport authorities must step up safety inspections of two-passenger, one-hazard "
                         "enterprises.")
    assert spans(flags) == [("minor", "两客一危", "two-passenger, one-hazard")]


def test_unquoted_series_of_things_spelled_out_is_clean():
    assert run(COACHES, "Transport authorities must step up safety inspections of enterprises operating tour "
                        "coaches, scheduled buses and hazardous goods vehicles.") == []
    # counted plainly, without hyphens: a count phrase, not evidence of a coinage
    assert run("长三角三省一市签署合作协议。", "The three provinces and one municipality of the Yangtze River Delta "
                                       "signed a cooperation agreement.") == []


def test_coinage_of_one_hyphenated_to_its_glosses():
    flags = run(NETWORK, "Urban management should adopt one-network-unified-management so that problems are "
                         "found and handled early.")
    assert spans(flags) == [("minor", "一网统管", "one-network-unified-management")]


def test_coinage_of_one_rendered_by_its_meaning_or_an_english_compound_is_clean():
    assert run(NETWORK, "Urban management should adopt a single integrated online management platform so that "
                        "problems are found and handled early.") == []
    assert run("打造“一站式”政务服务平台，方便企业群众办事。",
               "We will build a one-stop government service platform to make things easier for businesses "
               "and the public.") == []


def test_quoted_series_whose_items_are_acronyms_is_clean():
    # "AC" and "DC" name the lines counted: the items are said, not glossed
    zh = "今年将建成“两交一直”特高压输电工程，提升跨区送电能力。"
    assert run(zh, "This year the two AC and one DC ultra-high-voltage transmission projects will be completed, "
                   "raising cross-regional power transmission capacity.") == []
