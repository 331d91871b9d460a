"""The tags check: inline codes and HTML tags the translation lost, added,
left unbalanced or moved — and silence on real text without them."""

from __future__ import annotations

from pathlib import Path

from sample_pairs import load_sample

from align.model import Pair
from align.pairs_io import read_pairs
from qa.checks.tags import TAGS
from qa.model import Context

DATA = Path(__file__).resolve().parent / "data" / "read"


def _xliff(tmp_path: Path, target: str) -> Pair:
    path = tmp_path / "job.xlf"
    path.write_text(
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
        '<file source-language="zh-CN" target-language="en-US"><body><trans-unit id="7">'
        '<source>加快<g id="1">数字经济</g>和实体经济深度融合意义重大。<x id="2"/></source>'
        f"<target>{target}</target></trans-unit></body></file></xliff>",
        encoding="utf-8",
    )
    [pair] = read_pairs(path).pairs
    return pair


def _run(pair: Pair):
    return TAGS.run(pair, Context(pairs=[pair]))


def test_code_missing_from_the_translation(tmp_path):
    pair = _xliff(tmp_path, "Accelerating the deeper integration of the digital economy and "
                            'the real economy is of great significance.<x id="2"/>')
    [flag] = _run(pair)
    assert flag.severity == "major" and flag.category == "Design/Markup"
    assert flag.message == 'Missing in the English: <g id="1">, </g> (in the Chinese).'
    assert [pair.zh[s:e] for s, e in flag.zh_spans] == ["数", "和"]  # where the codes sat


def test_code_added_in_the_translation(tmp_path):
    pair = _xliff(tmp_path, 'Accelerating the deeper integration of the <g id="1">digital economy</g>'
                            ' and the <x id="3"/>real economy is of great significance.<x id="2"/>')
    [flag] = _run(pair)
    assert flag.message == 'Added in the English: <x id="3"/> (not in the Chinese).'
    assert [pair.en[s:e] for s, e in flag.en_spans] == ["r"]


def test_html_tags_unbalanced_and_reordered():
    zh = "加快<b>数字经济</b>和<i>实体经济</i>深度融合意义重大。"
    crossed = Pair(0, zh, "Accelerating the deeper integration of the <b>digital economy "
                          "and the <i>real</b> economy</i> is of great significance.")
    [flag] = _run(crossed)
    assert flag.severity == "major" and flag.message.startswith("Unbalanced in the English: </b>")
    moved = Pair(1, zh, "Accelerating the deeper integration of the <i>real economy</i> and "
                        "the <b>digital economy</b> is of great significance.")
    [flag] = _run(moved)
    assert flag.severity == "minor" and "another order" in flag.message


def test_same_codes_and_unmarked_text_are_silent():
    for name in ("pairs.tmx", "pairs-1.2.xlf", "pairs-2.0.xlf"):
        pairs = read_pairs(DATA / name).pairs
        assert any(p.zh_codes for p in pairs)
        assert [f for p in pairs for f in _run(p)] == [], name
    pairs, _ = load_sample()  # 学习时报 pairs without markup
    assert [f for p in pairs for f in _run(p)] == []
    # a tag left open by a segment break, open on both sides, is not the translator's doing
    assert _run(Pair(0, "加快<b>数字经济和实体经济深度融合", "Accelerating the <b>deeper integration")) == []
