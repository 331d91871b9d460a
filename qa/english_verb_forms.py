"""English verb forms: which verb a word is a form of, and whether it can be a past participle.

Why: reading who does what in an English clause needs the passive ("SMEs are
driven by large firms"), whose participle is often irregular (driven, led,
brought, given).  The regular forms come from the verb list the fragments check
already reads (``qa/data/english_verbs.txt``); the irregular ones from
``qa/data/irregular_verbs.tsv``.  Nothing is loaded at import time.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from align.errors import InputError
from qa import lexicons as lx
from qa.checks.fragments import is_verb_form
from qa.data_table import data_lines

IRREGULAR_PATH = lx.DATA_DIR / "irregular_verbs.tsv"


@dataclass(frozen=True)
class IrregularVerbs:
    """The irregular table: each past or participle form → its base, and the participles."""

    base_of: dict[str, str]
    participles: frozenset[str]


@lru_cache(maxsize=2)
def irregular_verbs(path: Path = IRREGULAR_PATH) -> IrregularVerbs:
    """Read ``base<TAB>past<TAB>participle`` rows (variants |-separated); a bad row is an InputError."""
    base_of: dict[str, str] = {}
    participles: set[str] = set()
    for n, line in data_lines(path, "irregular-verb"):
        cols = line.split("\t")
        if len(cols) != 3 or not all(c.strip() for c in cols):
            raise InputError(f"irregular-verb table {path} line {n}: expected 'base<TAB>past<TAB>participle'")
        base = cols[0].strip()
        for form in cols[1].split("|") + cols[2].split("|"):
            base_of.setdefault(form.strip(), base)
        participles.update(p.strip() for p in cols[2].split("|"))
    return IrregularVerbs(base_of, frozenset(participles))


def verb_lemma(word: str) -> str:
    """The lemma (``lx.lemma``) of the verb ``word`` is a form of: 'driven' → lemma('drive')."""
    low = word.lower()
    base = irregular_verbs().base_of.get(low)
    return lx.lemma(base if base else low)


def is_past_participle(word: str) -> bool:
    """Whether ``word`` can be a past participle: an irregular one, or a known verb + -ed."""
    low = word.lower()
    if low in irregular_verbs().participles:
        return True
    return low.endswith("ed") and is_verb_form(low)
