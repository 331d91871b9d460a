"""China's administrative levels (省, 市, 州, 县, 区, 乡, 镇, 村) and their English words: one table,
``qa/data/admin_levels.tsv``, read here for every check that needs it.

The `roles` check finds a party by its level (县级河长 and 乡级河长 differ by it: ``qa.actor_names``);
the `institution` check reads a level word of the English ("the Municipal Tax Bureau") as the
Chinese unit it renders and asks whether the Chinese names a body or place of that level.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from align.errors import InputError
from qa import lexicons as lx
from qa.data_table import data_lines

LEVELS_PATH = lx.DATA_DIR / "admin_levels.tsv"


@lru_cache(maxsize=2)
def level_table(path: Path = LEVELS_PATH) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(level character, its English words lower-cased) per row, in the table's order."""
    rows: list[tuple[str, tuple[str, ...]]] = []
    for n, line in data_lines(path, "administrative-level"):
        cols = line.split("\t")
        if len(cols) != 2 or len(cols[0]) != 1:
            raise InputError(f"administrative-level table {path} line {n}: expected 'character<TAB>words'")
        rows.append((cols[0], tuple(w.strip().lower() for w in cols[1].split("|") if w.strip())))
    return tuple(rows)


@lru_cache(maxsize=2)
def load_levels(path: Path = LEVELS_PATH) -> dict[str, frozenset[str]]:
    """Level character → the lemmas of its English words."""
    return {char: frozenset(lx.lemma(w) for w in words) for char, words in level_table(path)}


@lru_cache(maxsize=1)
def level_units() -> dict[str, str]:
    """English level word → the level character it renders ('municipal' → 市); a word two levels
    share ('township': 乡 and 镇) renders the first row's."""
    out: dict[str, str] = {}
    for char, words in level_table():
        for word in words:
            out.setdefault(word, char)
    return out
