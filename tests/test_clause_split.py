"""Clause and sentence cuts every check shares (qa.clause_split), and the CEDICT
word glosses the dictionary evidence rests on (qa.zh_glosses), on real text
of corpora/qa-labelled."""

from __future__ import annotations

from qa.clause_split import en_clauses, en_sentences, en_units, zh_clauses, zh_sentences
from qa.zh_glosses import zh_content_words

#: corpora/qa-labelled/zh.txt line 9 and en.txt line 21 (its injected addition)
ZH = "国家高新区着力推动人工智能、大数据等新业态蓬勃发展，一批数字经济增长点、增长极、增长带加速形成。"
EN = ("The development of the global digital economy has effectively supported economic recovery, "
      "especially in Africa and Latin America.")


def test_zh_clauses_cut_at_commas_not_at_list_marks():
    clauses = zh_clauses(ZH)
    assert [c.text for c in clauses] == ["国家高新区着力推动人工智能、大数据等新业态蓬勃发展",
                                         "一批数字经济增长点、增长极、增长带加速形成"]
    assert all(ZH[c.start:c.end] == c.text for c in clauses)


def test_zh_sentences_cut_only_at_sentence_ends_and_trim_quotes():
    text = ZH + "“数据”很重要。"
    sents = zh_sentences(text)
    assert [s.text for s in sents] == [ZH[:-1], "数据”很重要"]
    assert all(text[s.start:s.end] == s.text for s in sents)


def test_zh_sentences_are_the_one_splitters_without_semicolon_cuts():
    """；is no sentence end here, an ellipsis before a new sentence is (WMT20
    newstest2020 source), and a paragraph's CMS marker is not part of a sentence."""
    semi = "创新开发智慧流调系统；建成“云医院”，家门口即可享受远程诊疗服务。"
    assert [s.text for s in zh_sentences(semi)] == [semi[:-1]]
    dots = "大白兔润唇膏、大白兔冰淇淋 … … 作为老字号品牌，大白兔奶糖近年来积极求变。"
    assert [s.text for s in zh_sentences(dots)] == ["大白兔润唇膏、大白兔冰淇淋",
                                                   "作为老字号品牌，大白兔奶糖近年来积极求变"]
    assert [s.text for s in zh_sentences("##paidbegin##7．董事长王宇翔：")] == ["7．董事长王宇翔："]


def test_en_clauses_sentences_and_units():
    text = EN + " It is widely praised: a model."
    assert [c.text for c in en_clauses(text)] == [
        "The development of the global digital economy has effectively supported economic recovery",
        "especially in Africa and Latin America.", "It is widely praised", "a model."]
    assert [s.text for s in en_sentences(text)] == [EN, "It is widely praised: a model."]
    # a sentence of several clauses is a unit too, listed before its clauses
    units = en_units(text)
    assert units[0].text == EN and units[1].text == en_clauses(text)[0].text
    assert "It is widely praised: a model." not in [u.text for u in units]  # cut at ':' too
    assert all(text[u.start:u.end] == u.text for u in units)


def test_zh_content_words_skip_function_words_and_transliterated_names():
    words = dict(zh_content_words("古特雷斯表示的数据"))
    assert "的" not in words  # grammar: its glosses would match English by accident
    assert not any("雷斯" in w for w in words)  # a name spelt in transliteration characters
    assert {"data", "number"} <= words["数据"] and "say" in words["表示"]
    assert {"economic", "economy"} == dict(zh_content_words("数字经济"))["经济"]
