"""Which English word sequences each pair of a document holds, kept small (term consistency).

term-consistency asks two things of a document's English: of a term's pairs, which word
sequence most of them share; and of a candidate sequence, in how many pairs of the whole
document it occurs (a rendering common outside the term's pairs renders something else).
Kept as a dict of every pair's sequences, that index took about 8 KB a pair, 0.8 GB for a
100,000-unit memory, and it was the peak of ``zhen check --pairs`` on one.  Here each pair's
sequences are 64-bit hashes in one flat array (8 bytes a sequence, in the order the pair says
them, so that a term's common sequences are put in order without reading them) and the document's counts
are a sorted array of distinct hashes with their counts, under 1 KB a pair in all.  The
sequences themselves are read again from a pair's words when a term needs them, and only
for that term's pairs.

The hashes are Python's ``hash`` of the key tuple, fixed within one process, which is where
an index lives (one run of the check builds and reads it; it is never stored or sent).  Two
different sequences sharing a hash is a one-in-2**64 event for each pair of sequences.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

    from align.model import Pair

Key = tuple[str, ...]


class KeyIndex:
    """Each pair's word sequences (as hashes) and in how many pairs each sequence occurs.

    ``keys_of(pair)`` gives a pair's sequences, key → where the pair says it (its text, or
    its word span), in the order the pair says them; it is called once per pair here and again by
    :meth:`keys` when a caller needs the sequences themselves.
    """

    def __init__(self, pairs: Iterable[Pair], keys_of: Callable[[Pair], dict[Key, Any]]) -> None:
        import numpy as np

        self._keys_of = keys_of
        flat, ends = array("q"), array("q")
        self._row: dict[int, int] = {}
        for p in pairs:
            self._row[p.id] = len(ends)
            flat.extend(dict.fromkeys(hash(k) for k in keys_of(p)))  # in the order the pair says them
            ends.append(len(flat))
        self._flat = np.frombuffer(flat, dtype=np.int64) if flat else np.zeros(0, np.int64)
        self._ends = np.frombuffer(ends, dtype=np.int64) if ends else np.zeros(0, np.int64)
        self._distinct, self._counts = np.unique(self._flat, return_counts=True)

    def __contains__(self, pair_id: int) -> bool:
        return pair_id in self._row

    def hashes(self, pair_id: int) -> np.ndarray:
        """The hashes of pair ``pair_id``'s sequences (each once), in the order the pair says them."""
        row = self._row[pair_id]
        return self._flat[self._ends[row - 1] if row else 0:self._ends[row]]

    def holds(self, pair_id: int, key: Key) -> bool:
        """Whether pair ``pair_id`` says ``key``."""
        return bool((self.hashes(pair_id) == hash(key)).any())

    def pairs_with(self, key: Key) -> int:
        """In how many of the document's pairs ``key`` occurs."""
        import numpy as np

        h = hash(key)
        i = int(np.searchsorted(self._distinct, h))
        return int(self._counts[i]) if i < len(self._distinct) and int(self._distinct[i]) == h else 0

    def keys(self, pair: Pair) -> dict[Key, Any]:
        """``pair``'s sequences themselves (read again from its words)."""
        return self._keys_of(pair)

    def common_keys(self, pairs: list[Pair], at_least: float) -> dict[Key, int]:
        """The sequences said in at least ``at_least`` of ``pairs``, with how many of them say
        each, in the order they are first said (pair by pair, each pair's own order): what a
        count over every sequence of ``pairs`` would list, without reading the rarer ones."""
        import numpy as np

        if not pairs:
            return {}
        distinct, counts = np.unique(np.concatenate([self.hashes(p.id) for p in pairs]),
                                     return_counts=True)
        common = counts >= at_least  # masked in numpy: a term's pairs say thousands of sequences once
        wanted = dict(zip(distinct[common].tolist(), counts[common].tolist()))
        # the order they are first said, from the hashes kept in said order; then the sequences
        # themselves read again only from the pairs that say one first (one or two a term)
        order: dict[int, Key | None] = {}
        readers = []
        for p in pairs:
            if len(order) == len(wanted):
                break
            new = [h for h in self.hashes(p.id).tolist() if h in wanted and h not in order]
            if new:
                order.update(dict.fromkeys(new))
                readers.append(p)
        for p in readers:
            for key in self.keys(p):
                h = hash(key)
                if h in order and order[h] is None:
                    order[h] = key
        return {key: wanted[h] for h, key in order.items() if key is not None}
