"""idiom-literal on published translations (issue 15): a simile that opens a longer phrase, and a
character's agent-noun definition, are no evidence of a word-for-word rendering.

Found on the published English of The Governance of China (bench/qa_published.py); the tests
use our own sentences of that register.
"""

from __future__ import annotations

from align.model import Pair
from qa import literal as lr
from qa.checks import idioms


def test_an_image_kept_in_a_simile_phrase_is_minor():
    # "like a ship breaking through wind and waves": the marker opens the phrase, not the word
    zh = "企业要长风破浪，勇敢开拓海外市场。"
    simile = Pair(id=1, zh=zh, en="Companies should open up overseas markets boldly, like a great ship "
                                  "breaking through strong winds and heavy waves.")
    plain = Pair(id=1, zh=zh, en="Companies should ride the long winds and break the waves, boldly "
                                 "opening up overseas markets.")
    kept, = idioms.literal_idioms_in([simile])
    bare, = idioms.literal_idioms_in([plain])
    assert kept.severity == "minor" and "simile" in kept.message
    assert bare.severity == "major"


def test_like_as_a_verb_is_no_simile_marker():
    assert not idioms._simile_before("We would like the long winds", len("We would like the long "))
    assert idioms._simile_before("It sailed on like a ship in the long winds",
                                 len("It sailed on like a ship in the long "))


def test_an_agent_noun_definition_gives_only_its_head():
    # 手 "person engaged in certain types of work" (歌手, 水手): "work" renders no 手
    hand = lr._part("手", False)
    assert hand is not None and "hand" in hand.lemmas and "work" not in hand.lemmas
    zh = "这样的机会并非唾手可得，需要长期努力。"
    sense = Pair(id=1, zh=zh, en="Such opportunities are not easy to come by, and need years of hard work.")
    assert idioms.literal_idioms_in([sense]) == []
    image = Pair(id=2, zh=zh, en="Such opportunities cannot be had by spitting on your hands; they "
                                 "need years of effort.")
    f, = idioms.literal_idioms_in([image])
    assert "唾手可得" in f.message
