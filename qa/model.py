"""Flags and the context checks see: the data that leaves the check stage."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from align.model import Pair
from qa.options import NoOptions

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
    #: check id → that check's options dataclass, as the profile set them
    options: dict[str, Any] = field(default_factory=dict)

    def options_of(self, check: Check) -> Any:
        """The options ``check`` runs with: the profile's, else the declared defaults.

        A plain dict (a test or notebook passing ``options={"numbers": {...}}``)
        is validated the same way a profile is.
        """
        found = self.options.get(check.id)
        if found is None:
            return check.options()
        if isinstance(found, dict):
            from qa.options import parse_options

            return parse_options(check.options, found, check.id)
        return found


PairCheck = Callable[[Pair, Context], list[Flag]]
DocumentCheck = Callable[[Context], list[Flag]]


@dataclass(frozen=True)
class Check:
    """A registered check: metadata plus the function that runs it.

    ``scope`` is "pair" (``run(pair, ctx)``) or "document" (``run(ctx)``).
    ``options`` is a frozen dataclass whose fields (with defaults) are the
    keys a profile may set for this check; ``ctx.options_of(check)`` gives the
    instance in force.  ``needs`` names the ``ctx.resources`` the check uses
    when present (``"embedder"``): runners that can supply them know to.
    ``supersedes`` names checks whose flag on the same pair and Chinese spans
    this check's flag replaces: one error, one flag, the more specific reading
    kept (literal-term's mistranslation of a term over idiom-literal's style
    flag on the same image), so the MQM penalty counts the error once.
    Flags are made with :meth:`flag`, which stamps the check's id, category
    and default severity so they cannot drift from the registry.
    """

    id: str
    category: str
    severity: str
    description: str
    run: Callable[..., list[Flag]]
    scope: Literal["pair", "document"] = "pair"
    options: type = NoOptions
    needs: frozenset[str] = frozenset()
    supersedes: frozenset[str] = frozenset()

    def flag(self, pair: Pair | None, message: str, *, zh_spans: Sequence[Span] = (),
             en_spans: Sequence[Span] = (), suggestion: str | None = None,
             severity: str | None = None, category: str | None = None,
             pair_ids: Sequence[int] = ()) -> Flag:
        """A flag of this check on ``pair`` (None for a document-level flag).

        ``severity`` and ``category`` default to the registered ones; a check
        that grades its findings (a missing weak number is minor) passes its
        own severity, and one that reports two kinds (text with no
        translation, translation with no text) its own category.
        """
        if severity is not None:
            severity_rank(severity)
        return Flag(
            check=self.id, category=category or self.category, severity=severity or self.severity,
            message=message, pair_id=pair.id if pair is not None else None,
            zh=pair.zh if pair is not None else "", en=pair.en if pair is not None else "",
            zh_spans=tuple(tuple(s) for s in zh_spans), en_spans=tuple(tuple(s) for s in en_spans),
            suggestion=suggestion, pair_ids=tuple(pair_ids))

    def run_pair(self, zh: str, en: str) -> list[Flag]:
        """This check on one pair, as a one-pair document with the default options and no
        embedder: how a test, the probe benches or a library caller look at one sentence."""
        return self.run_all(Context([Pair(id=1, zh=zh, en=en)]))

    def run_all(self, ctx: Context) -> list[Flag]:
        """Run on the whole context: every pair for a pair check, once for a document check."""
        if self.scope == "pair":
            return [f for pair in ctx.pairs for f in self.run(pair, ctx)]
        return list(self.run(ctx))
