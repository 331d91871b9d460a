"""Flags and the context checks see: the data that leaves the check stage."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from align.model import Pair

Severity = Literal["minor", "major", "critical"]
SEVERITIES: tuple[str, ...] = ("minor", "major", "critical")
Span = tuple[int, int]


def severity_rank(severity: str) -> int:
    """0 for minor … 2 for critical; raises ValueError on anything else."""
    return SEVERITIES.index(severity)


@dataclass(frozen=True)
class Flag:
    """One problem a translator should look at.

    Spans are character offsets [start, end) into ``zh`` and ``en`` (the
    pair's joined texts).  ``pair_id`` is None for document-level flags that
    belong to no single pair; those list the pairs involved in ``pair_ids``.
    """

    check: str
    category: str
    severity: str
    message: str
    pair_id: int | None = None
    zh: str = ""
    en: str = ""
    zh_spans: tuple[Span, ...] = ()
    en_spans: tuple[Span, ...] = ()
    suggestion: str | None = None
    pair_ids: tuple[int, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "pair_id": self.pair_id,
            "pair_ids": list(self.pair_ids) if self.pair_ids else (
                [self.pair_id] if self.pair_id is not None else []),
            "check": self.check,
            "category": self.category,
            "severity": self.severity,
            "message": self.message,
            "zh": self.zh,
            "en": self.en,
            "zh_spans": [list(s) for s in self.zh_spans],
            "en_spans": [list(s) for s in self.en_spans],
            "suggestion": self.suggestion,
        }


@dataclass
class Context:
    """What a check may know beyond its own pair.

    ``pairs`` is the whole document in order (for neighbour and consistency
    checks).  ``resources`` holds optional shared helpers (an embedder, a
    glossary) keyed by name; checks that need one they do not find skip
    quietly rather than guess.
    """

    pairs: Sequence[Pair]
    resources: dict[str, Any] = field(default_factory=dict)
    options: dict[str, Any] = field(default_factory=dict)


PairCheck = Callable[[Pair, Context], list[Flag]]
DocumentCheck = Callable[[Context], list[Flag]]


@dataclass(frozen=True)
class Check:
    """A registered check: metadata plus the function that runs it.

    ``scope`` is "pair" (``run(pair, ctx)``) or "document" (``run(ctx)``).
    """

    id: str
    category: str
    severity: str
    description: str
    run: Callable[..., list[Flag]]
    scope: Literal["pair", "document"] = "pair"
