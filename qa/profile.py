"""Check profiles: a ``zhen.toml`` that switches checks off or re-weights them.

Like an Xbench checklist, a profile is a small file a team keeps next to its
projects::

    [checks.spelling]
    enabled = false

    [checks.numbers]
    severity = "critical"        # every numbers flag counts as critical

    [checks.low-confidence]
    threshold = 0.4              # other keys are the check's declared options

    [score]
    minor = 1
    major = 5
    critical = 25
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from align.errors import InputError
from qa.model import SEVERITIES, Check, Flag
from qa.options import OptionError, parse_options

DEFAULT_WEIGHTS = {"minor": 1.0, "major": 5.0, "critical": 25.0}


@dataclass(frozen=True)
class Profile:
    disabled: frozenset[str] = frozenset()
    severity: dict[str, str] = field(default_factory=dict)
    #: check id → an instance of that check's options dataclass
    options: dict[str, Any] = field(default_factory=dict)
    weights: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))

    def active(self, checks: tuple[Check, ...]) -> list[Check]:
        return [c for c in checks if c.id not in self.disabled]

    def fingerprint(self, checks: Iterable[Check]) -> str:
        """A short hash of which checks run, at which severity, with which options.

        It goes into every score's signature, so scores from different check
        sets or profiles cannot pass for comparable.
        """
        import hashlib

        lines = [f"{c.id}|{self.severity.get(c.id, c.severity)}|"
                 f"{self.options.get(c.id) or c.options()!r}"
                 for c in sorted(self.active(tuple(checks)), key=lambda c: c.id)]
        return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()[:10]

    def apply(self, flag: Flag) -> Flag:
        """Re-weight a flag's severity when the profile says so."""
        new = self.severity.get(flag.check)
        return replace(flag, severity=new) if new and new != flag.severity else flag


def load_profile(path: str | Path | None, checks: Iterable[Check]) -> Profile:
    """Read and validate a profile against the registered ``checks``.

    Every key is checked here, before any work starts: an unknown check, an
    unknown option or a value of the wrong type is an InputError naming the
    check, the key and the valid keys.
    """
    if path is None:
        return Profile()
    by_id = {c.id: c for c in checks}
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: profile not found") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: not a valid TOML profile ({exc})") from None
    disabled: set[str] = set()
    severity: dict[str, str] = {}
    options: dict[str, dict[str, Any]] = {}
    for check_id, table in (data.get("checks") or {}).items():
        if check_id not in by_id:
            raise InputError(f"{path}: unknown check '{check_id}' (see 'zhen checks')")
        if not isinstance(table, dict):
            raise InputError(f"{path}: [checks.{check_id}] must be a table")
        table = dict(table)
        enabled = table.pop("enabled", True)
        if not isinstance(enabled, bool):
            raise InputError(f"{path}: 'enabled' of check '{check_id}' must be true or false")
        if not enabled:
            disabled.add(check_id)
        if "severity" in table:
            sev = table.pop("severity")
            if sev not in SEVERITIES:
                raise InputError(f"{path}: severity of '{check_id}' must be one of {', '.join(SEVERITIES)}")
            severity[check_id] = sev
        try:
            options[check_id] = parse_options(by_id[check_id].options, table, check_id)
        except OptionError as exc:
            raise InputError(f"{path}: {exc}") from None
    weights = dict(DEFAULT_WEIGHTS)
    for key, value in (data.get("score") or {}).items():
        if key not in SEVERITIES or not isinstance(value, (int, float)) or value < 0:
            raise InputError(f"{path}: [score] takes non-negative numbers for {', '.join(SEVERITIES)}")
        weights[key] = float(value)
    return Profile(frozenset(disabled), severity, options, weights)
