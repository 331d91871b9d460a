"""The checks of changed beads, run again after the reviewer edits.

Which checks run, and on what:

* pair checks run on the changed beads only (with the whole document as
  context, so neighbour-reading checks see the new neighbours);
* document checks (consistency, spelling, repetition) run on the whole
  document again, since one edit can change what they find anywhere;
* checks that need the embedding model (omission, addition, polarity,
  modality, direction, time expressions) do **not** run: the review server
  does not load the model, so it starts in a moment and stays small.  Their
  flags stay on beads that did not change and are dropped from beads that
  did (they were about a text that is gone); the changed beads also lose
  their aligner confidence and quality estimate.  ``zhen check`` on the
  exported TMX (``--pairs``) runs everything again.
"""

from __future__ import annotations

import threading
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from qa.model import Check, Flag
from qa.profile import Profile

from .beads import ReviewPair
from .store import StoredFlag

MODEL = "embedder"


def _only_on(check: Check, positions: Collection[int]) -> Check:
    """``check`` (a pair check) run only on the pairs at ``positions``."""
    run = check.run

    def run_some(pair, ctx):
        return run(pair, ctx) if pair.id in positions else []

    return replace(check, run=run_some)


@dataclass
class Rechecker:
    """Runs the checks a review server can run without the model.

    One run at a time (``lock``): the server answers each request on a thread of its own and
    warms the checks on another, but the checks and their per-process caches (jieba, the word
    tables) were written for one caller; an edit saved while the warm-up runs waits for it.
    """

    checks: Sequence[Check]
    profile: Profile
    resources: dict[str, Any] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.model_checks = {c.id for c in self.checks if MODEL in c.needs}
        runnable = [c for c in self.checks if MODEL not in c.needs]
        self.pair_checks = [c for c in runnable if c.scope == "pair"]
        self.document_checks = [c for c in runnable if c.scope == "document"]

    def warm(self, beads: Sequence[ReviewPair]) -> None:
        """Load the checks' word lists now (seconds), not on the reviewer's first edit."""
        from qa.pipeline import run_checks

        with self.lock:
            run_checks([b.to_pair(i) for i, b in enumerate(beads[:3])],
                       self.pair_checks + self.document_checks, self.profile, self.resources)

    def flags_after(self, beads: Sequence[ReviewPair], changed: Collection[int],
                    old: Sequence[StoredFlag]) -> list[StoredFlag]:
        """The review's flag list once ``changed`` bead ids (edited, new or removed) are rechecked."""
        from qa.pipeline import run_checks

        order = [b.id for b in beads]
        at = {pid: pos for pos, pid in enumerate(order)}
        positions = {at[i] for i in changed if i in at}
        checks = [_only_on(c, positions) for c in self.pair_checks] + self.document_checks
        with self.lock:
            found = run_checks([b.to_pair(i) for i, b in enumerate(beads)], checks, self.profile,
                               self.resources)
        rerun_documents = {c.id for c in self.document_checks}

        def kept(f: StoredFlag) -> bool:
            return (f.flag.check not in rerun_documents
                    and not any(i in changed or i not in at for i in f.pair_ids))

        def by_id(flag: Flag) -> Flag:
            return replace(flag,
                           pair_id=order[flag.pair_id] if flag.pair_id is not None else None,
                           pair_ids=tuple(order[i] for i in flag.pair_ids))

        fresh = [by_id(f) for f in found]
        # a flag raised again exactly as before keeps its row id (and stays where the client has it)
        reuse = {(o.flag): o.id for o in old if not kept(o)}
        return [o for o in old if kept(o)] + [StoredFlag(reuse.pop(f, None), f) for f in fresh]
