"""What a zhen process sets up before it checks anything: the garbage collector's pace.

Why: a check run makes millions of small tuples (tokens, glosses, cached
lookups) that live until the run ends.  CPython's cyclic collector, at its
default pace (a young-generation pass every 700 net allocations), walks them
again and again: on 4,000 WMT20 pairs 4,092 collections took 7.0 of 66 CPU
seconds; at 50,000 allocations a pass, 51 collections took 2.3 s, for 5 MB
more peak memory (``bench/qa_scale.py`` has the figures at scale).  Reference
counting still frees everything that is not in a cycle at once, so memory
does not grow with the slower pace.

Called by the command-line entry point and by each worker process it spawns
(:class:`qa.batch_partition.ProcessClient`, ``zhen batch -j N``); a library
caller that imports zhen keeps its own collector settings.
"""

from __future__ import annotations

import gc

#: allocations between young-generation collections, and the two older generations' ratios
GC_THRESHOLDS = (50_000, 20, 100)


def tune_gc() -> None:
    """Collect garbage at the pace above (idempotent; the process's setting)."""
    gc.set_threshold(*GC_THRESHOLDS)
