"""What ``zhen check --fail-on SEVERITY`` says when it ends a run with exit 3.

A CI log that only shows "exit 3" sends someone digging through flags.jsonl;
one line naming the first flag that reached the threshold (in document order)
and how many did is enough to decide whether to look closer.
"""

from __future__ import annotations

from collections.abc import Sequence

from qa.model import Flag, severity_rank

#: longest message shown before it is clipped with "…"
MESSAGE_WIDTH = 80


def failing_flags(flags: Sequence[Flag], threshold: str) -> list[Flag]:
    """Flags of ``threshold`` severity or worse, in the order given (document order)."""
    bar = severity_rank(threshold)
    return [f for f in flags if severity_rank(f.severity) >= bar]


def _clip(text: str, width: int = MESSAGE_WIDTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _where(flag: Flag) -> str:
    if flag.pair_id is not None:
        return f"pair {flag.pair_id}"
    if flag.pair_ids:
        return "pairs " + ", ".join(str(i) for i in flag.pair_ids[:5]) + (
            ", …" if len(flag.pair_ids) > 5 else "")
    return "document"


def fail_on_message(flags: Sequence[Flag], threshold: str) -> str | None:
    """The one stderr line for exit 3, or None when no flag reached ``threshold``."""
    failing = failing_flags(flags, threshold)
    if not failing:
        return None
    first = failing[0]
    n = len(failing)
    return (f"zhen: --fail-on {threshold}: {n} flag{'s' if n != 1 else ''} {threshold} or worse; "
            f"first: {first.check} ({first.severity}) at {_where(first)}: {_clip(first.message)}")
