"""The check registry.

Every module in this package that defines ``CHECKS`` (a list of
:class:`qa.model.Check`) contributes them; nothing else needs editing to add a
check.  Modules are imported only when the registry is first asked for.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache

from qa.model import Check


@lru_cache(maxsize=1)
def all_checks() -> tuple[Check, ...]:
    found: list[Check] = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        found.extend(getattr(module, "CHECKS", ()))
    ids = [c.id for c in found]
    dupes = {i for i in ids if ids.count(i) > 1}
    if dupes:
        raise RuntimeError(f"duplicate check ids: {sorted(dupes)}")
    return tuple(sorted(found, key=lambda c: c.id))
