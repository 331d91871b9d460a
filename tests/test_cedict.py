"""CC-CEDICT: one parser for the aligner and the QA checks, and its disk cache.

Every test writes into the isolated cache folder tests/conftest.py sets up
($ZHEN_CACHE_DIR).  The mechanics (reuse, corruption, staleness, races) are
exercised on a small CEDICT file of real lines as well as on the shipped
dictionary; the glosses of real words are checked through both public views.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from align import cedict as cc
from align.errors import InputError
from align.lexicon import cedict_stems, load_cedict_stems, zh_gloss_stems
from qa import lexicons as lx
from qa.zh_glosses import word_glosses

#: real CC-CEDICT lines (CC BY-SA 4.0, MDBG), CRLF as in the shipped file
SAMPLE = (
    "# CC-CEDICT\r\n"
    "# a comment line\r\n"
    "九牛一毛 九牛一毛 [jiu3 niu2 yi1 mao2] /lit. one hair from nine oxen (idiom)/fig. a drop in the ocean/\r\n"
    "九龍 九龙 [Jiu3 long2] /Kowloon district of Hong Kong/\r\n"
    "數據 数据 [shu4 ju4] /data/numbers/digital/\r\n"
    "水 水 [Shui3] /surname Shui/\r\n"
    "水 水 [shui3] /water/river/liquid/beverage/additional charges or income/"
    "(of clothes) classifier for number of washes/\r\n"
    "治 治 [zhi4] /to rule/to govern/to manage/to control/to harness (a river)/"
    "to treat (a disease)/to wipe out (a pest)/to punish/to research/\r\n"
)


@pytest.fixture(scope="module", autouse=True)
def _lexicons_in_isolated_cache():
    """A user's $ZHEN_LEXICON_CACHE_DIR would take these tests out of conftest's folder."""
    mp = pytest.MonkeyPatch()
    mp.delenv("ZHEN_LEXICON_CACHE_DIR", raising=False)
    yield
    mp.undo()


def _simp_count(lines: list[cc.CedictLine]) -> dict[str, int]:
    """A derivation whose result marshal stores as is."""
    out: dict[str, int] = {}
    for line in lines:
        out[line.simp] = out.get(line.simp, 0) + 1
    return out


@pytest.fixture
def sample(tmp_path) -> Path:
    path = tmp_path / "cedict_sample.txt"
    path.write_bytes(SAMPLE.encode("utf-8"))
    return path


@pytest.fixture
def cache_dir(request) -> Path:
    """A fresh folder inside the isolated zhen cache, one per test."""
    root = Path(os.environ["ZHEN_CACHE_DIR"])
    assert "zhen-cache" in str(root), "conftest's isolated cache is not in effect"
    return root / "test-cedict" / request.node.name


def test_parser_reads_real_lines(sample):
    lines = cc.read_cedict(sample)
    assert [line.simp for line in lines] == ["九牛一毛", "九龙", "数据", "水", "水", "治"]
    assert lines[1] == cc.CedictLine("九龍", "九龙", "Jiu3 long2", ("Kowloon district of Hong Kong",))
    assert lines[5].glosses[3] == "to control"


def test_cache_written_then_reused_without_reading_the_text(sample, cache_dir):
    first = cc.load_derived("count", _simp_count, source=sample, cache_dir=cache_dir)
    assert not first.from_cache
    assert first.value == {"九牛一毛": 1, "九龙": 1, "数据": 1, "水": 2, "治": 1}
    assert first.cache_file is not None and first.cache_file.parent == cache_dir
    stamp = first.cache_file.stat()

    def must_not_run(lines):
        raise AssertionError("the CEDICT text was parsed although the cache is current")

    # a derivation from the same module shares the key; if the cache were not
    # used, this one would be called and fail
    second = cc.load_derived("count", must_not_run, source=sample, cache_dir=cache_dir)
    assert second.from_cache and second.value == first.value
    after = first.cache_file.stat()
    assert (after.st_ino, after.st_mtime_ns) == (stamp.st_ino, stamp.st_mtime_ns)


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty", "other payload"])
def test_corrupt_cache_is_rebuilt(sample, cache_dir, damage):
    first = cc.load_derived("count", _simp_count, source=sample, cache_dir=cache_dir)
    path = first.cache_file
    data = path.read_bytes()
    if damage == "garbage":
        path.write_bytes(b"\x00not marshal at all\xff" * 50)
    elif damage == "truncated":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "empty":
        path.write_bytes(b"")
    else:  # valid marshal, but not one of our files
        import marshal

        path.write_bytes(marshal.dumps({"九龙": 99}))
    again = cc.load_derived("count", _simp_count, source=sample, cache_dir=cache_dir)
    assert not again.from_cache and again.value == first.value
    third = cc.load_derived("count", _simp_count, source=sample, cache_dir=cache_dir)
    assert third.from_cache and third.value == first.value


def test_edited_dictionary_invalidates_the_cache(sample, cache_dir):
    first = cc.load_derived("count", _simp_count, source=sample, cache_dir=cache_dir)
    sample.write_text(SAMPLE + "數據庫 数据库 [shu4 ju4 ku4] /database/\r\n", encoding="utf-8")
    second = cc.load_derived("count", _simp_count, source=sample, cache_dir=cache_dir)
    assert not second.from_cache and second.value["数据库"] == 1
    # the file under the old key is gone, only the current one is kept
    assert sorted(cache_dir.glob("cedict-count-*.marshal")) == [second.cache_file]
    assert not first.cache_file.exists()


def test_key_depends_on_the_deriving_module(sample):
    assert cc.cache_key("t", sample, "align.lexicon") != cc.cache_key("t", sample, "qa.lexicons")
    assert cc.cache_key("t", sample, "align.lexicon") == cc.cache_key("t", sample, "align.lexicon")
    # a module the derivation uses (the aligner's English stopwords) is part of the key
    import align.english  # noqa: F401 - the key hashes the imported module's source

    with_words = cc.cache_key("t", sample, "align.lexicon", ("align.english",))
    assert with_words != cc.cache_key("t", sample, "align.lexicon")


def test_racing_loaders_all_get_the_table(sample, cache_dir):
    results: list = []

    def load():
        results.append(cc.load_derived("count", _simp_count, source=sample, cache_dir=cache_dir))

    threads = [threading.Thread(target=load) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 6 and all(r.value == results[0].value for r in results)
    assert not list(cache_dir.glob("*.tmp")), "temporary files left behind"
    assert cc.load_derived("count", _simp_count, source=sample, cache_dir=cache_dir).from_cache


def test_unwritable_cache_folder_costs_only_time(sample, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    got = cc.load_derived("count", _simp_count, source=sample, cache_dir=blocker / "sub")
    assert not got.from_cache and got.value["水"] == 2


def test_no_cache_reads_and_writes_nothing(sample, cache_dir):
    got = cc.load_derived("count", _simp_count, source=sample, cache_dir=cache_dir, use_cache=False)
    assert got.cache_file is None and not got.from_cache
    assert not cache_dir.exists()


def test_missing_dictionary_is_an_input_error(tmp_path, cache_dir):
    with pytest.raises(InputError, match="CC-CEDICT"):
        cc.load_derived("count", _simp_count, source=tmp_path / "nope.txt", cache_dir=cache_dir)


def test_default_folder_is_inside_the_zhen_cache(monkeypatch, tmp_path):
    monkeypatch.delenv("ZHEN_LEXICON_CACHE_DIR", raising=False)
    assert cc.lexicon_cache_dir() == Path(os.environ["ZHEN_CACHE_DIR"]) / cc.LEXICON_SUBDIR
    monkeypatch.setenv("ZHEN_LEXICON_CACHE_DIR", str(tmp_path / "lex"))
    assert cc.lexicon_cache_dir() == tmp_path / "lex"


# --------------------------------------------------------------------------- the shipped dictionary


@pytest.fixture(scope="module")
def stems_loads():
    """Build the aligner's stems table into the default (isolated) folder, then reload it."""
    for old in cc.lexicon_cache_dir().glob("cedict-stems-*.marshal"):
        old.unlink()
    built = load_cedict_stems()
    reread = load_cedict_stems()
    return built, reread


def test_stems_table_cached_and_identical(stems_loads):
    built, reread = stems_loads
    assert not built.from_cache and reread.from_cache
    assert built.cache_file == reread.cache_file
    assert built.cache_file.parent == cc.lexicon_cache_dir()
    assert len(reread.value) == len(built.value) > 100_000
    assert reread.value == built.value


def test_corrupt_stems_cache_is_rebuilt(stems_loads):
    path = stems_loads[0].cache_file
    path.write_bytes(b"\x80garbage" * 1000)
    again = load_cedict_stems()
    assert not again.from_cache and again.value == stems_loads[0].value
    assert load_cedict_stems().from_cache


def test_aligner_glosses_of_real_words(stems_loads):
    stems = cedict_stems()
    assert stems["九龙"] == {"kowlo", "hong", "kong", "distr"}
    assert stems["数据"] == {"data", "numbe", "digit"}
    assert "data" in zh_gloss_stems("数据")
    assert "kowlo" in zh_gloss_stems("九龙")
    # 治水 is no CEDICT headword, and the aligner's character fallback keeps
    # only characters with at most six stems (治 has more, 水 too)
    assert "治水" not in stems
    assert {"water", "river", "liqui"} <= stems["水"]
    assert {"contr", "gover", "harne"} <= stems["治"]


def test_qa_glosses_of_real_words():
    first = lx.load_cedict()
    cd = lx.cedict()
    assert cd.glosses("九龙") == ["Kowloon district of Hong Kong"]
    assert cd.glosses("数据") == ["data", "numbers", "digital"]
    assert cd.segment("九龙治水") == ["九龙", "治", "水"]
    assert {"water", "control"} <= word_glosses("治水")
    idiom = cd.get("九牛一毛")[0]
    assert idiom.literal == ("one hair from nine oxen (idiom)",)
    assert idiom.figurative == ("a drop in the ocean",)
    reread = lx.load_cedict()
    assert reread.from_cache
    assert reread.value.entries == first.value.entries
    assert reread.value.max_len == first.value.max_len


def test_qa_view_of_the_sample(sample, cache_dir):
    built = lx.load_cedict(source=sample, cache_dir=cache_dir)
    reread = lx.load_cedict(source=sample, cache_dir=cache_dir)
    assert not built.from_cache and reread.from_cache
    cd = reread.value
    assert cd.entries == built.value.entries and cd.max_len == 4
    assert [e.proper for e in cd.get("水")] == [False, False]  # 'surname Shui' is no name
    assert cd.glosses("水", per_entry=2) == ["water", "river"]
    assert cd.get("九龙")[0].proper
    assert cd.get("九牛一毛")[0].is_idiom
