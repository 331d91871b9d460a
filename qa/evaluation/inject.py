"""Build a labelled corpus (``en.txt``, ``labels.tsv``) from its clean translation
and the list of errors injected into it.

Each ``corpora/*/inject_errors.py`` keeps only its error list, the single record
of what was injected where, and calls :func:`build` with it; the rules of
injection and the label format live here once, so the four documents cannot
drift apart in how they are made.

An error is ``(line, kind, category, checks, old, new, note)``.  ``line`` is
1-based; ``old`` is replaced by ``new`` once in that line (``old`` None
replaces the whole line; ``new`` :data:`COPY_SOURCE` copies the Chinese
line).  A second entry with the same line and category is a further edit of
the same error (a tense that follows the first, a second verb removed) and
adds no label of its own.  Entries whose kind ends in "?" (``old`` and ``new``
None) are *acceptable* labels, not required ones: a consequence of another
injection that a flag may rightly point at.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from qa.evaluation.labelled import read_lines

#: the columns of labels.tsv
HEADER = ["line", "checks", "category", "kind", "span", "note"]
#: as ``new``: the error is the Chinese line itself, left untranslated
COPY_SOURCE = "<the Chinese line itself>"
#: the MQM categories the corpora's labels use, short for the error lists
MISTR, TERM, IDIOM = "Accuracy/Mistranslation", "Terminology/Inconsistent", "Style/Literal idiom"
NUM, OMIT, ADD, UNTR = "Locale/Number", "Accuracy/Omission", "Accuracy/Addition", "Accuracy/Untranslated"
PUNCT, SPELL, REP, GRAM = "Fluency/Punctuation", "Fluency/Spelling", "Fluency/Repetition", "Fluency/Grammar"

Error = tuple[int, str, str, str, "str | None", "str | None", str]


def inject(folder: Path, errors: Sequence[Error]) -> tuple[list[str], list[list[str]]]:
    """The English lines of ``folder/en.clean.txt`` with ``errors`` in, and the label
    rows (header apart), sorted by line; SystemExit when an edit does not apply."""
    lines = read_lines(folder / "en.clean.txt")
    zh = read_lines(folder / "zh.txt")
    if len(lines) != len(zh):
        raise SystemExit(f"en.clean.txt has {len(lines)} lines but zh.txt has {len(zh)}")
    labels: list[list[str]] = []
    for line, kind, category, checks, old, new, note in errors:
        i = line - 1
        before = lines[i]
        if new == COPY_SOURCE:
            new = zh[i]
        if new is not None:
            if old is None:
                lines[i] = new
            else:
                if lines[i].count(old) != 1:
                    raise SystemExit(f"line {line}: {old!r} not found exactly once")
                lines[i] = lines[i].replace(old, new)
        if any((row[0], row[2]) == (str(line), category) for row in labels):
            continue  # a further edit of the same error
        span = new if new else (old if old is not None else before if new == "" else "")
        labels.append([str(line), checks, category, kind, span.strip(", "), note])
    return lines, sorted(labels, key=lambda r: int(r[0]))


def build(folder: Path, errors: Sequence[Error]) -> tuple[list[str], list[list[str]]]:
    """Write ``folder/en.txt`` and ``folder/labels.tsv``; the lines and label rows."""
    lines, rows = inject(folder, errors)
    (folder / "en.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "labels.tsv").write_text(
        "\n".join("\t".join(r) for r in [HEADER, *rows]) + "\n", encoding="utf-8")
    return lines, rows


def main(folder: Path, errors: Sequence[Error]) -> None:
    """What ``python corpora/NAME/inject_errors.py`` does: build, and say what was written."""
    en, rows = build(folder, errors)
    print(f"en.txt: {len(en)} lines; labels.tsv: {len(rows)} labels")
