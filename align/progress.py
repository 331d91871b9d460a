"""How long stages (embedding, alignment, checks) report how far they are, to whoever listens.

A progress reporter is passed down as an argument, never kept globally: the CLI hands
a terminal one to the pipeline, the embedder and the aligner; library callers and batch
workers pass nothing and get :data:`SILENT`.  A reporter is a callable taking a note
(``"read x.txt (utf-8)"``) and may also open *stages*: ``with stage(progress,
"embedding", 1200, "sent") as tick: ... tick(64)``.  Plain callables (older callers)
are accepted; their stages are silent.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from typing import Protocol, runtime_checkable

#: advance the current stage by n units
Tick = Callable[[int], None]


def no_tick(_: int) -> None:
    """A tick nobody hears."""


@runtime_checkable
class Progress(Protocol):
    def __call__(self, message: str) -> None:
        """A note on what just happened (shown with -v)."""
        ...

    def stage(self, name: str, total: int, unit: str) -> AbstractContextManager[Tick]:
        """A stage of ``total`` units; the context gives the function that advances it."""
        ...


class Silent:
    """Reports nothing: the default everywhere but the CLI."""

    def __call__(self, message: str) -> None:
        pass

    def stage(self, name: str, total: int, unit: str) -> AbstractContextManager[Tick]:
        return nullcontext(no_tick)


SILENT = Silent()


def stage(progress: Callable[[str], None] | None, name: str, total: int,
          unit: str = "step") -> AbstractContextManager[Tick]:
    """``progress.stage(...)`` when it has stages, else a stage nobody sees."""
    opener = getattr(progress, "stage", None)
    return opener(name, total, unit) if opener is not None else nullcontext(no_tick)
