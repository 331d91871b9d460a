"""jieba words for the lexical evidence, from jieba's dict or the sorted table.

Whichever source a document reads, its words must be exactly jieba's
``lcut(text, HMM=False)`` words: the lexical evidence was tuned on those.
Real text is the zh side of the shipped 学习时报 document.
"""

from __future__ import annotations

import math
import os
import re
from pathlib import Path

import numpy as np
import pytest

from align import zh_words as zw
from align.read import read_bitext
from align.segment import segment_zh

CORPUS = Path(__file__).resolve().parent.parent / "corpora" / "xuexi-shibao-shushi-ronghe.txt"
_CJK = re.compile(r"[\u3400-\u9fff]")


@pytest.fixture(scope="module")
def zh_texts() -> list[str]:
    texts = [s.text for s in segment_zh(read_bitext(CORPUS).zh)]
    assert len(texts) > 50
    return texts


@pytest.fixture(scope="module")
def jieba_dt():
    return zw.loaded_jieba().dt


@pytest.fixture(scope="module")
def table(jieba_dt) -> zw.PrefixTable:
    return zw.PrefixTable.from_freq(jieba_dt.FREQ, jieba_dt.total)


@pytest.fixture
def lexicon_dir(request, monkeypatch) -> Path:
    """A fresh lexicon folder in the isolated cache, and no table read before."""
    folder = Path(os.environ["ZHEN_CACHE_DIR"]) / "test-zh-words" / request.node.name
    monkeypatch.setenv("ZHEN_LEXICON_CACHE_DIR", str(folder))
    zw._cached_table.cache_clear()
    yield folder
    zw._cached_table.cache_clear()


def _jieba_words(jieba_dt, text: str) -> list[str]:
    return [w for w in jieba_dt.lcut(text, HMM=False) if _CJK.search(w)]


def test_block_pattern_is_jiebas():
    import jieba

    assert zw.HAN_BLOCK.pattern == jieba.re_han_default.pattern
    assert zw.HAN_BLOCK.flags == jieba.re_han_default.flags


def test_words_are_jiebas(zh_texts, jieba_dt):
    assert zw.zh_word_lists(zh_texts) == [_jieba_words(jieba_dt, t) for t in zh_texts]
    assert zw.zh_words(zh_texts[3]) == _jieba_words(jieba_dt, zh_texts[3])


def test_table_lookup_gives_jiebas_words(zh_texts, jieba_dt, table):
    blocks = {b for t in zh_texts for b in zw.HAN_BLOCK.split(t) if zw.HAN_BLOCK.match(b)}
    assert max(map(len, blocks)) * 3 > table.keys.dtype.itemsize  # some exceed every key
    small = table.lookup(blocks)
    assert 0 < len(small) < len(jieba_dt.FREQ) / 50
    assert all(jieba_dt.FREQ[w] == c for w, c in small.items())
    assert table.total == jieba_dt.total
    log_total = math.log(table.total)
    assert [zw._words(zw.HAN_BLOCK.split(t), small, log_total) for t in zh_texts] == [
        _jieba_words(jieba_dt, t) for t in zh_texts
    ]
    # a word's prefix that is no word (count 0) is kept: the walk needs it
    assert any(c == 0 for c in small.values())


def test_table_file_round_trip_and_bad_files(tmp_path, table):
    path = tmp_path / "t.npy"
    assert zw.write_prefix_table(path, table)
    back = zw.read_prefix_table(path)
    assert back is not None and back.total == table.total
    assert np.array_equal(back.rows, table.rows)
    assert back.lookup(["数据治理"]) == table.lookup(["数据治理"])
    assert not list(tmp_path.glob("*.tmp"))

    path.write_bytes(b"\x93NUMPY garbage")
    assert zw.read_prefix_table(path) is None
    np.save(path, np.arange(5))
    assert zw.read_prefix_table(path) is None
    assert zw.read_prefix_table(tmp_path / "missing.npy") is None


def test_document_builds_table_then_reads_it(zh_texts, jieba_dt, lexicon_dir, monkeypatch):
    monkeypatch.setattr(zw, "_jieba_is_default", lambda: True)
    lookups = []
    real_lookup = zw.PrefixTable.lookup
    monkeypatch.setattr(
        zw.PrefixTable, "lookup", lambda self, b: lookups.append(1) or real_lookup(self, b)
    )
    want = [_jieba_words(jieba_dt, t) for t in zh_texts]

    assert zw.zh_word_lists(zh_texts) == want  # no table yet: the dict, and a table built
    assert not lookups
    (built,) = lexicon_dir.glob("jieba-prefix-*.npy")

    zw._cached_table.cache_clear()  # a new process
    assert zw.zh_word_lists(zh_texts) == want
    assert lookups == [1]

    built.write_bytes(b"not a table")  # corrupt: the dict again, and rebuilt
    zw._cached_table.cache_clear()
    assert zw.zh_word_lists(zh_texts) == want
    assert zw.read_prefix_table(built) is not None


def test_stale_tables_are_removed(lexicon_dir, monkeypatch):
    monkeypatch.setattr(zw, "_jieba_is_default", lambda: True)
    lexicon_dir.mkdir(parents=True)
    old = lexicon_dir / "jieba-prefix-0000000000000000.npy"
    old.write_bytes(b"an older jieba's table")
    zw.zh_word_lists(["数据治理。"])
    assert not old.exists()
    assert len(list(lexicon_dir.glob("jieba-prefix-*.npy"))) == 1


def test_long_document_and_loaded_jieba_use_the_dict(zh_texts, jieba_dt, lexicon_dir, monkeypatch):
    monkeypatch.setattr(zw, "_jieba_is_default", lambda: True)
    monkeypatch.setattr(zw, "LOOKUP_MAX_CHARS", 10)
    want = [_jieba_words(jieba_dt, t) for t in zh_texts]
    assert zw.zh_word_lists(zh_texts) == want
    assert not lexicon_dir.exists() or not list(lexicon_dir.glob("jieba-prefix-*"))
    monkeypatch.undo()  # jieba is loaded in this process: its dict is used
    assert not zw._jieba_is_default()
    assert zw.zh_word_lists(zh_texts) == want


def test_jieba_prefix_dict_cached_in_our_folder(monkeypatch, lexicon_dir):
    import jieba

    cached = lexicon_dir / "jieba-test.cache"
    text = "九龙治水是数据治理的老问题。"

    cold = jieba.Tokenizer()
    zw.prepare_jieba(cold, "test")
    assert not cold.initialized and not cached.exists()
    cold.initialize()  # jieba builds the table and writes it where we said
    assert cached.is_file()

    warm = jieba.Tokenizer()
    zw.prepare_jieba(warm, "test")
    assert warm.initialized, "the prefix dict was not taken from our cache"
    assert warm.total == cold.total and warm.FREQ == cold.FREQ
    assert warm.lcut(text, HMM=False) == cold.lcut(text, HMM=False)

    cached.write_bytes(b"\x00garbage")
    broken = jieba.Tokenizer()
    zw.prepare_jieba(broken, "test")
    assert not broken.initialized
    broken.initialize()  # jieba's own loader fails on it too and rebuilds
    assert broken.FREQ == cold.FREQ
    again = jieba.Tokenizer()
    zw.prepare_jieba(again, "test")
    assert again.initialized and again.total == cold.total
