"""Chinese words for the lexical evidence: jieba's segmentation, quick to start.

The aligner glosses jieba words through CC-CEDICT (``align.lexicon``), and
``zhen align`` often runs as one process per document, so jieba's start-up
counts.  jieba's prefix dictionary holds 498k entries; loading it as a dict
takes 0.3 s of every process even from our fast cache (``prepare_jieba``),
about a sixth of what aligning a MAC chapter costs beyond embedding it.  A
chapter's text only looks up a few thousand of those entries, so a document
of up to ``LOOKUP_MAX_CHARS`` distinct characters reads just those from a
sorted table on disk (``PrefixTable``, memory-mapped, 28 MB), about 25 ms per
chapter.  Longer documents load the whole dict, which is then cheaper.
Either way the words are exactly those of ``jieba.lcut(text, HMM=False)``.
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import marshal
import math
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from align.cedict import lexicon_cache_dir, remove_stale, write_atomically

log = logging.getLogger(__name__)

#: jieba's ``re_han_default``, copied so the table path need not import jieba
#: (a test holds the two equal)
HAN_BLOCK = re.compile("([\u4e00-\u9fd5a-zA-Z0-9+#&\\._%\\-]+)", re.UNICODE)
_CJK = re.compile(r"[\u3400-\u9fff]")
#: jieba's ``re_eng`` and ``re_skip_default``, copied like ``HAN_BLOCK`` (a test holds them equal)
_ENG_CHAR = re.compile("[a-zA-Z0-9]", re.UNICODE)
_SKIP = re.compile("(\r\n|\\s)", re.UNICODE)
#: distinct characters in a document's Han blocks above which the whole
#: prefix dict is loaded: table lookups cost about 5 µs a character, the
#: dict 0.3 s once
LOOKUP_MAX_CHARS = 50_000
#: bump when the table file's layout changes
_TABLE_FORMAT = 1


@lru_cache(maxsize=1)
def loaded_jieba():
    """The jieba module, its prefix dict loaded through ``prepare_jieba``.

    The QA checks segment with jieba too; they load it here so that they get
    the fast cache whether or not the aligner needed the whole dict.
    """
    import jieba

    jieba.setLogLevel(logging.WARNING)
    prepare_jieba(jieba.dt, getattr(jieba, "__version__", "unknown"))
    jieba.initialize()  # a no-op when prepare_jieba loaded the prefix dict
    return jieba


#: texts kept cut: the checks cut a pair's Chinese and its clauses and windows, about ten
#: texts a pair, and a memory repeats its units (WMT20 each source once per system, 2,000
#: pairs apart).  With 8,192, 8,000 WMT20 pairs cut 56,315 texts for 19,068 distinct ones
#: (evicted before the unit came back); with this, each once.  A kept text costs about
#: 1 KB (a clause of ten words), so the cache stays under 40 MB.
JIEBA_CACHE = 32768


@lru_cache(maxsize=JIEBA_CACHE)
def jieba_words(text: str, hmm: bool = False) -> tuple[str, ...]:
    """``jieba.lcut(text, HMM=hmm)``, kept for the text: the checks segment the same pair's
    Chinese again and again (its names, its units of meaning, its calques), and jieba's
    segmentation is a large part of what a check costs.  A tuple, so no caller can change it.
    Without the HMM the words come from :func:`_lcut_no_hmm`, the same words faster."""
    return tuple(_lcut_hmm(text) if hmm else _lcut_no_hmm(text))


@lru_cache(maxsize=8192)  # every check that places words segments the same pairs
def word_spans(text: str, hmm: bool = False) -> tuple[tuple[str, int, int], ...]:
    """:func:`jieba_words` with each word's (start, end) in ``text``: the one place that turns the
    cut into offsets (the checks mark spans on the Chinese and test what stands around a word)."""
    out, at = [], 0
    for w in jieba_words(text, hmm):
        out.append((w, at, at + len(w)))
        at += len(w)
    return tuple(out)


def _lcut_hmm(text: str) -> list[str]:
    """``jieba.lcut(text, HMM=True)`` word for word, each block routed by ``_best_route``.

    jieba's ``__cut_DAG``: the best route's single characters gather in a buffer, and a
    buffer of two or more that is no dictionary word goes to jieba's HMM (``finalseg``,
    through :func:`_hmm_words`); one that is a word is kept as its characters.  Outside
    the blocks, as without the HMM.
    """
    return _cut(text, _hmm_block)


def _hmm_block(block: str, freq: Mapping[str, int], log_total: float) -> list[str]:
    out: list[str] = []
    for w, run in _route_runs(block, freq, log_total):
        if run and len(w) > 1:
            out.extend(_hmm_words(w) if not freq.get(w) else w)
        else:
            out.append(w)
    return out


def _cut(text: str, in_block: Callable[[str, Mapping[str, int], float], list[str]]) -> list[str]:
    """jieba's ``cut``: ``in_block`` gives the words of each block (``HAN_BLOCK``, with jieba's
    frequencies); between the blocks each line break or space is a word, every other character one."""
    dt = loaded_jieba().dt
    freq, log_total = dt.FREQ, math.log(dt.total)
    out: list[str] = []
    for part in HAN_BLOCK.split(text):
        if not part:
            continue
        if HAN_BLOCK.match(part):
            out.extend(in_block(part, freq, log_total))
        else:
            out.extend(_outside_blocks(part))
    return out


def _outside_blocks(part: str) -> list[str]:
    """jieba's words between its blocks: each line break or space one word, every other character one."""
    out: list[str] = []
    for x in _SKIP.split(part):
        if _SKIP.match(x):
            out.append(x)
        else:
            out.extend(x)
    return out


def _route_runs(block: str, freq: Mapping[str, int], log_total: float) -> Iterator[tuple[str, bool]]:
    """The best route of ``block`` as jieba's HMM modes read it: (word, False) for a word of two
    or more characters, (run, True) for each run of single characters between them."""
    run = ""
    for w in _best_route(block, freq, log_total):
        if len(w) == 1:
            run += w
            continue
        if run:
            yield run, True
            run = ""
        yield w, False
    if run:
        yield run, True


@lru_cache(maxsize=8192)  # pure: the same unknown runs (names) recur across a memory's pairs
def _hmm_words(buf: str) -> tuple[str, ...]:
    """jieba's HMM words (``finalseg.cut``) of a run of characters no dictionary word covers."""
    from jieba import finalseg

    return tuple(finalseg.cut(buf))


def pos_words(text: str) -> list[tuple[str, str]]:
    """``jieba.posseg.lcut(text)`` as (word, flag) pairs, word for word and flag for flag.

    Why not posseg itself: its HMM tags a run of unknown characters with a
    Viterbi pass that, at every character, tries all 256 tag states as the
    predecessor of each state, although only about 20 lead to any given state.
    Here each state is only tried from the states that lead to it (the others
    add minus infinity and never win), and the route is ``_best_route``'s (the
    same as jieba's DAG and ``calc``).  Same sums in the same order, same tie
    breaks, so the same tags; a test holds it equal to posseg on every corpus line.
    """
    loaded_jieba()  # the prefix dict posseg's tokenizer (jieba.dt) reads
    from jieba import posseg

    dt = posseg.dt
    dt.makesure_userdict_loaded()
    tags, freq = dt.word_tag_tab, dt.tokenizer.FREQ
    log_total = math.log(dt.tokenizer.total)
    out: list[tuple[str, str]] = []
    for blk in _POS_HAN.split(text):
        if _POS_HAN.match(blk):
            for w, run in _route_runs(blk, freq, log_total):
                if run and len(w) > 1 and not freq.get(w):
                    out.extend(_pos_detail(w))
                elif run and len(w) > 1:
                    out.extend((ch, tags.get(ch, "x")) for ch in w)
                else:
                    out.append((w, tags.get(w, "x")))
        else:
            for x in _SKIP.split(blk):
                if _SKIP.match(x):
                    out.append((x, "x"))
                else:
                    for xx in x:  # posseg tests the whole run for letters, each character for digits
                        out.append((xx, "m" if _POS_NUM.match(xx) else "eng" if _POS_ENG.match(x) else "x"))
    return out


#: posseg's ``re_han_internal``, ``re_han_detail``, ``re_skip_detail``, ``re_eng`` and ``re_num``
_POS_HAN = re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._]+)")
_POS_HAN_DETAIL = re.compile("([\u4E00-\u9FD5]+)")
_POS_SKIP_DETAIL = re.compile("([\\.0-9]+|[a-zA-Z0-9]+)")
_POS_ENG = re.compile("[a-zA-Z0-9]+")
_POS_NUM = re.compile("[\\.0-9]+")


@lru_cache(maxsize=8192)  # pure: the same unknown runs (names) recur across a memory's pairs
def _pos_detail(buf: str) -> tuple[tuple[str, str], ...]:
    """posseg's ``__cut_detail``: a run no dictionary word covers, tagged by the HMM."""
    out: list[tuple[str, str]] = []
    for blk in _POS_HAN_DETAIL.split(buf):
        if _POS_HAN_DETAIL.match(blk):
            route = _pos_viterbi(blk)
            begin = nexti = 0
            for i, ch in enumerate(blk):
                pos, flag = route[i]
                if pos == "B":
                    begin = i
                elif pos == "E":
                    out.append((blk[begin:i + 1], flag))
                    nexti = i + 1
                elif pos == "S":
                    out.append((ch, flag))
                    nexti = i + 1
            if nexti < len(blk):
                out.append((blk[nexti:], route[nexti][1]))
        else:
            for x in _POS_SKIP_DETAIL.split(blk):
                if x:
                    out.append((x, "m" if _POS_NUM.match(x) else "eng" if _POS_ENG.match(x) else "x"))
    return tuple(out)


@lru_cache(maxsize=1)
def _pos_model():
    """posseg's HMM tables, and for every state the (state, log-probability) that lead to it."""
    from jieba.posseg import char_state_tab_P, emit_P, start_P, trans_P

    into: dict = {}
    for before, nexts in trans_P.items():
        for state, p in nexts.items():
            into.setdefault(state, []).append((before, p))
    return char_state_tab_P, start_P, trans_P, emit_P, into


def _pos_viterbi(obs: str) -> list:
    """posseg's ``viterbi(obs, …)[1]``: the best tag state of every character."""
    states, start_p, trans_p, emit_p, into = _pos_model()
    min_float = -3.14e100
    all_states = trans_p.keys()
    first = {y: start_p[y] + emit_p[y].get(obs[0], min_float) for y in states.get(obs[0], all_states)}
    V, path = [first], [dict.fromkeys(first, "")]
    for t in range(1, len(obs)):
        prev = V[t - 1]
        ahead = {y for x in prev if trans_p[x] for y in trans_p[x]}
        now = set(states.get(obs[t], all_states)) & ahead
        if not now:
            now = ahead if ahead else set(all_states)
        v, back = {}, {}
        for y in now:
            emit = emit_p[y].get(obs[t], min_float)
            # posseg's max over every previous state of (score + transition + emission, state):
            # a state with no transition to y adds minus infinity, so only those that lead to y count
            prob, state = max((prev[y0] + p + emit, y0) for y0, p in into.get(y, ()) if y0 in prev)
            v[y], back[y] = prob, state
        V.append(v)
        path.append(back)
    _, state = max((p, y) for y, p in V[-1].items())
    route = [None] * len(obs)
    for i in range(len(obs) - 1, -1, -1):
        route[i] = state
        state = path[i][state]
    return route


def _lcut_no_hmm(text: str) -> list[str]:
    """``jieba.lcut(text, HMM=False)`` word for word, each block routed by ``_best_route``.

    jieba's own ``cut``: its blocks (``HAN_BLOCK``) get the best route, runs of single
    ASCII letters or digits in a block are joined into one word; outside the blocks each
    line break or space is a word and every other character one.
    """
    return _cut(text, _no_hmm_block)


def _no_hmm_block(block: str, freq: Mapping[str, int], log_total: float) -> list[str]:
    out: list[str] = []
    buf = ""
    for w in _best_route(block, freq, log_total):
        if len(w) == 1 and _ENG_CHAR.match(w):
            buf += w
            continue
        if buf:
            out.append(buf)
            buf = ""
        out.append(w)
    if buf:
        out.append(buf)
    return out


def prepare_jieba(dt, version: str) -> None:
    """Keep jieba's prefix-dict cache in the zhen lexicon folder, and load it fast.

    jieba caches its prefix dictionary itself, but in the shared temporary
    folder, where any local user can plant or delete it and the OS may clean
    it; our folder is the user's own and persists.  jieba reads that cache
    with ``marshal.load(file)``, which reads the 9 MB file a few bytes at a
    time (~1 s); reading it whole and ``marshal.loads`` gives the same table
    in ~0.3 s, so we do that and hand jieba the table (the attributes
    ``initialize`` would set).  A missing or unreadable file is left to
    jieba, which builds the table and writes it, atomically, where we told
    it to.  jieba never checks its default dictionary's cache against the
    dictionary, so the file name carries jieba's version.  ``dt`` is a
    ``jieba.Tokenizer`` (``jieba.dt`` is the one ``jieba.lcut`` uses).
    """
    # dictionary None is jieba's default one, the only one we cache
    if dt.initialized or dt.cache_file or dt.tmp_dir or dt.dictionary is not None:
        return  # someone configured or initialised jieba already
    folder = lexicon_cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return  # jieba keeps its default cache
    name = f"jieba-{version}.cache"
    dt.tmp_dir, dt.cache_file = str(folder), name
    try:
        freq, total = marshal.loads((folder / name).read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return  # jieba.initialize() builds (or rebuilds) it
    if isinstance(freq, dict) and freq and isinstance(total, int) and total > 0:
        with dt.lock:
            if not dt.initialized:
                dt.FREQ, dt.total, dt.initialized = freq, total, True


# ------------------------------------------------------------- the sorted table


@dataclass(frozen=True)
class PrefixTable:
    """jieba's prefix dictionary as sorted UTF-8 keys and counts, for lookups.

    ``rows`` is what the file holds: (key, count) records sorted by key.
    Row 0 is ``(b"", total)``: the empty key sorts first, is never looked
    up, and carries jieba's ``total`` (not the sum of the counts: jieba adds
    a repeated dictionary word's count to it twice).  Prefixes that are not
    words themselves have count 0, as in jieba's ``FREQ``.
    """

    rows: np.ndarray  # records ("key": fixed-width bytes, "count": int64)

    @property
    def keys(self) -> np.ndarray:
        return self.rows["key"]

    @property
    def counts(self) -> np.ndarray:
        return self.rows["count"]

    @property
    def total(self) -> int:
        return int(self.counts[0])

    @classmethod
    def from_freq(cls, freq: Mapping[str, int], total: int) -> PrefixTable:
        words = sorted(freq)  # str order is UTF-8 byte order
        encoded = [b""] + [w.encode("utf-8") for w in words]
        width = max(map(len, encoded))
        rows = np.empty(len(encoded), dtype=[("key", f"S{width}"), ("count", "<i8")])
        rows["key"] = encoded
        rows["count"] = [total] + [freq[w] for w in words]
        return cls(rows)

    def lookup(self, blocks: Iterable[str]) -> dict[str, int]:
        """Every entry ``_best_route`` reads for these blocks, as a small ``FREQ``.

        ``_best_route`` walks, from each position, the prefixes found in the
        dictionary until one is missing; so this looks up all one-character
        strings, then extends by one character only the strings found,
        round by round, one vectorised search per round.
        """
        width = self.keys.dtype.itemsize
        found: dict[str, int] = {}
        alive = [(b, k) for b in set(blocks) for k in range(len(b))]
        length = 1
        while alive:
            wanted = {b[k : k + length] for b, k in alive}
            # longer than any key: absent (and numpy would truncate it)
            query = [w for w in wanted if len(w.encode("utf-8")) <= width]
            if query:
                q = np.array([w.encode("utf-8") for w in query], dtype=self.keys.dtype)
                at = np.minimum(np.searchsorted(self.keys, q), len(self.keys) - 1)
                hit = self.keys[at] == q
                counts = self.counts[at]
                for w, h, c in zip(query, hit.tolist(), counts.tolist()):
                    if h:
                        found[w] = c
            alive = [
                (b, k)
                for b, k in alive
                if k + length < len(b) and b[k : k + length] in found
            ]
            length += 1
        return found


def _table_path(folder: Path, source: str) -> Path:
    return folder / f"jieba-prefix-{source}.npy"


def read_prefix_table(path: Path) -> PrefixTable | None:
    """The table at ``path``, memory-mapped; None when missing or not a table."""
    try:
        rows = np.load(path, mmap_mode="r", allow_pickle=False)
    except (OSError, ValueError, EOFError):
        return None
    names = rows.dtype.names or ()
    if (
        rows.ndim != 1
        or names != ("key", "count")
        or rows.dtype["key"].kind != "S"
        or rows.dtype["count"] != np.dtype("<i8")
        or len(rows) < 2
        or rows["key"][0] != b""
        or rows["count"][0] <= 0
    ):
        log.debug("%s is not a jieba prefix table; rebuilding", path)
        return None
    # the mapped file itself: searching its strided keys is as fast as
    # searching a copy, and only the pages searched are read
    return PrefixTable(rows)


def write_prefix_table(path: Path, table: PrefixTable) -> bool:
    """Write atomically (temporary file, then rename); failure only costs time."""
    return write_atomically(
        path,
        lambda fh: np.save(fh, table.rows, allow_pickle=False),
        "jieba prefix table",
    )


def _dictionary_digest() -> str | None:
    """Names the table: its format and jieba's dictionary file (size, mtime); None without jieba.

    The table is derived from that file alone.  (importlib.metadata would
    give jieba's version, but importing it costs 25 ms of the 50 saved.)
    """
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        return None
    dictionary = Path(next(iter(spec.submodule_search_locations))) / "dict.txt"
    try:
        st = dictionary.stat()
    except OSError:
        return None
    key = f"v{_TABLE_FORMAT}|{dictionary.resolve()}:{st.st_size}:{st.st_mtime_ns}"
    return hashlib.sha256(key.encode()).hexdigest()[:16]


@lru_cache(maxsize=4)
def _cached_table(folder: Path, source: str) -> PrefixTable | None:
    """The table for this jieba, read once per process, built when missing.

    Building needs the whole dict, which this process then has loaded
    anyway, so a build returns None and the caller uses the dict.
    """
    path = _table_path(folder, source)
    table = read_prefix_table(path)
    if table is not None:
        return table
    dt = loaded_jieba().dt
    if write_prefix_table(path, PrefixTable.from_freq(dt.FREQ, dt.total)):
        remove_stale(path)  # another jieba's table, 28 MB
    return None


def _jieba_is_default() -> bool:
    """True unless this process loaded jieba or pointed it at another dictionary.

    A loaded jieba's dict is free to use and may hold words added by
    ``jieba.add_word``, which the table does not.
    """
    jieba = sys.modules.get("jieba")
    if jieba is None:
        return True
    dt = jieba.dt
    return not dt.initialized and dt.dictionary is None


def _document_freq(blocks: set[str]) -> tuple[Mapping[str, int], int]:
    """jieba's ``FREQ`` and ``total``, or the part of them these blocks read."""
    if sum(map(len, blocks)) <= LOOKUP_MAX_CHARS and _jieba_is_default():
        source = _dictionary_digest()
        table = _cached_table(lexicon_cache_dir(), source) if source else None
        if table is not None:
            return table.lookup(blocks), table.total
    dt = loaded_jieba().dt
    return dt.FREQ, dt.total


# ------------------------------------------------------------------- segmenting


def zh_word_lists(texts: Sequence[str]) -> list[list[str]]:
    """``zh_words`` of every text, reading only the dictionary entries they need."""
    # the blocks sit at odd places of a split.  Each text is split twice, here
    # and for its words: holding 100k sentences' parts would cost 68 MB at the
    # feature stage's memory peak, splitting twice costs 0.25 s
    blocks = {b for t in texts for b in HAN_BLOCK.split(t)[1::2]}
    freq, total = _document_freq(blocks)
    del blocks  # a long document's distinct blocks: no need to hold them on
    log_total = math.log(total)
    return [_words(HAN_BLOCK.split(t), freq, log_total) for t in texts]


def zh_words(text: str) -> list[str]:
    """jieba words of ``text`` that contain a Chinese character.

    The words of ``jieba.lcut(text, HMM=False)``: jieba's HMM for unknown
    words is off because it halves the time, and unknown words fall back to
    their characters in zh_gloss_stems anyway.  jieba's own blocks are kept
    (``re_han_default``), but each block is segmented by ``_best_route``,
    which takes 40% less time than jieba's DAG-then-route for the same words.
    Outside those blocks jieba yields single characters (and whitespace).
    """
    dt = loaded_jieba().dt
    return _words(HAN_BLOCK.split(text), dt.FREQ, math.log(dt.total))


def _words(parts: list[str], freq: Mapping[str, int], log_total: float) -> list[str]:
    """The words of a text's ``HAN_BLOCK.split`` parts: blocks at odd places."""
    out: list[str] = []
    for k, part in enumerate(parts):
        if k % 2:
            words = _best_route(part, freq, log_total)
            out.extend(w for w in words if _CJK.search(w))
        else:
            out.extend(c for c in part if _CJK.match(c))
    return out


def _best_route(block: str, freq: Mapping[str, int], log_total: float) -> list[str]:
    """jieba's maximum-probability segmentation of one block, without the HMM.

    Same arithmetic and tie-breaking as jieba's ``get_DAG`` + ``calc`` (the
    longer word wins a tie), fused into one backward pass: the words
    starting at a position are walked through jieba's prefix dictionary
    (``freq`` holds every prefix of a word, with count 0 when it is not a
    word itself) and scored as they are found.
    """
    n = len(block)
    score = [0.0] * (n + 1)
    end = [0] * n  # last character of the best word starting here
    log, get = math.log, freq.get
    for k in range(n - 1, -1, -1):
        best, best_end = -math.inf, -1
        i, f = k, get(block[k])
        while f is not None:
            if f:
                s = log(f) - log_total + score[i + 1]
                if s >= best:
                    best, best_end = s, i
            i += 1
            if i == n:
                break
            f = get(block[k : i + 1])
        if best_end < 0:  # no dictionary word starts here: the single character
            best, best_end = log(get(block[k]) or 1) - log_total + score[k + 1], k
        score[k], end[k] = best, best_end
    words = []
    k = 0
    while k < n:
        words.append(block[k : end[k] + 1])
        k = end[k] + 1
    return words
