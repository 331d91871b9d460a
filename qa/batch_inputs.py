"""Which documents a ``zhen batch`` run checks, found the same way every time.

Arguments are folders (walked recursively, sorted), globs (``docs/**/*.txt``)
or files.  Files are grouped into work items:

* ``name.zh.txt`` beside ``name.en.txt`` (or ``.docx``, any mix) is one
  *file pair*, checked as ``zhen check name.zh.txt name.en.txt``;
* a translation memory or pairs table (an extension ``align.formats`` reads
  pairs from and that no document has: ``.tmx``, ``.xlf``, ``.tsv``, ``.csv`` …)
  is a *pairs* input, checked as ``zhen check --pairs``;
* any other file named on the command line is a *bilingual* document (one
  file holding Chinese and English, or a .docx); reading decides whether it is
  one, and a file that is not becomes an error row, never a silent omission.

Inside a folder, files with other suffixes are listed as ``skipped`` rows
(so a stray ``notes.pdf`` is visible), and hidden entries (``.git``,
``.DS_Store``, zhen's own run markers) are left out, as are files inside the
batch's own output folder.

Each item gets an output sub-folder name derived from its path relative to
the argument that found it: readable, stable from run to run (resumption
depends on it) and never shared by two items.
"""

from __future__ import annotations

import glob
import hashlib
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from align.errors import InputError
from align.formats import DOCUMENT_EXTENSIONS, PAIRS_EXTENSIONS

#: the format registry's (align.formats) extensions of pairs and of documents
PAIRS_SUFFIXES = frozenset(PAIRS_EXTENSIONS)
DOCUMENT_SUFFIXES = frozenset(DOCUMENT_EXTENSIONS)
_SIDE = re.compile(r"^(?P<stem>.+)\.(?P<lang>zh|en)(?P<suffix>"
                   + "|".join(re.escape(e) for e in DOCUMENT_EXTENSIONS) + ")$", re.IGNORECASE)
_GLOB_CHARS = re.compile(r"[*?\[]")
_UNSAFE = re.compile(r"[^\w.-]+")

#: names the batch itself writes in OUTDIR
RESERVED = ("summary.csv", "summary.json", "summary.html")
KINDS = ("pairs", "file-pair", "bilingual", "unsupported")


@dataclass(frozen=True)
class BatchInput:
    """One unit of batch work: the file(s) to check and where its outputs go."""

    kind: str
    #: one file, or (zh, en) for a file pair
    paths: tuple[Path, ...]
    #: the input as shown in the summary: path(s) relative to the argument's base
    label: str
    #: output sub-folder name
    slug: str

    @property
    def pairs_mode(self) -> bool:
        return self.kind == "pairs"


def slug_for(label: str) -> str:
    """A folder name for ``label``: its path with '/' as '__'; a hash keeps it unique.

    When the label needs no rewriting beyond '/' (no '__', no character that
    is unsafe in a file name, no leading dot) the name is the label itself;
    otherwise a '~' and 8 hex digits of the label's sha1 are appended.  '~' is
    never kept from a label, so a hashed name can never equal a plain one.
    """
    parts = label.replace("\\", "/").split("/")
    joined = "__".join(_UNSAFE.sub("_", p) for p in parts)
    plain = (all(_UNSAFE.sub("_", p) == p for p in parts) and "__" not in label
             and not joined.startswith(".") and 0 < len(joined) <= 120)
    if plain:
        return joined
    digest = hashlib.sha1(label.encode("utf-8")).hexdigest()[:8]
    return f"{joined.lstrip('.')[:100]}~{digest}"


def _relative(path: Path, base: Path) -> str:
    try:
        return path.relative_to(base).as_posix()
    except ValueError:
        return path.as_posix()


def _expand(arg: str) -> tuple[list[Path], Path, bool]:
    """(files, base the labels are relative to, whether they came from a folder or glob)."""
    path = Path(arg)
    if path.is_dir():
        files = []
        for root, dirs, names in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            files.extend(Path(root) / n for n in sorted(names) if not n.startswith("."))
        return sorted(files, key=lambda f: f.parts), path.parent, True
    if path.exists():
        return [path], path.parent, False
    if _GLOB_CHARS.search(arg):
        matches = sorted(Path(m) for m in glob.glob(arg, recursive=True))
        files = [m for m in matches if m.is_file() and not m.name.startswith(".")]
        if not files:
            raise InputError(f"{arg}: the pattern matches no file")
        static = Path(_GLOB_CHARS.split(arg, 1)[0])
        base = static if arg[len(str(static)):len(str(static)) + 1] == "/" else static.parent
        return files, base, True
    raise InputError(f"{arg}: no such file or folder")


def _inside(path: Path, folder: Path | None) -> bool:
    if folder is None:
        return False
    try:
        Path(os.path.realpath(path)).relative_to(os.path.realpath(folder))
        return True
    except ValueError:
        return False


def discover(args: Sequence[str], outdir: Path | None = None) -> list[BatchInput]:
    """The work items of ``args``, in argument order then path order, each file once."""
    if not args:
        raise InputError("give at least one input: a folder, a glob or a file")
    found: list[tuple[Path, str, bool]] = []  # (file, label, came from a folder/glob)
    seen: set[str] = set()
    for arg in args:
        files, base, walked = _expand(str(arg))
        for f in files:
            key = os.path.realpath(f)
            if key in seen or _inside(f, outdir):
                continue
            seen.add(key)
            found.append((f, _relative(f, base), walked))
    by_key = {(str(f.parent), m["stem"], m["lang"].lower()): f
              for f, _, _ in found if (m := _SIDE.match(f.name))}
    consumed: set[Path] = set()
    items: list[BatchInput] = []
    for f, label, walked in found:
        if f in consumed:
            continue
        side = _SIDE.match(f.name)
        if side:
            other = "en" if side["lang"].lower() == "zh" else "zh"
            partner = by_key.get((str(f.parent), side["stem"], other))
            if partner is not None:
                zh, en = (f, partner) if other == "en" else (partner, f)
                consumed.update((zh, en))
                zh_label = next(lbl for p, lbl, _ in found if p == zh)
                en_label = next(lbl for p, lbl, _ in found if p == en)
                items.append(BatchInput("file-pair", (zh, en), f"{zh_label} + {en_label}",
                                        slug_for(zh_label)))
                continue
        suffix = f.suffix.lower()
        if suffix in PAIRS_SUFFIXES:
            kind = "pairs"
        elif suffix in DOCUMENT_SUFFIXES or not walked:
            kind = "bilingual"
        else:
            kind = "unsupported"
        items.append(BatchInput(kind, (f,), label, slug_for(label)))
    return _unique_slugs(items)


def _unique_slugs(items: list[BatchInput]) -> list[BatchInput]:
    """Two arguments can give the same label (a/x.txt and b/x.txt named as files):
    those items get the hash of their full path appended, as does an item
    whose name is one of the batch's own summary files."""
    counts: dict[str, int] = {name: 2 for name in RESERVED}
    for item in items:
        counts[item.slug] = counts.get(item.slug, 0) + 1
    out = []
    for item in items:
        if counts[item.slug] > 1:
            digest = hashlib.sha1(os.path.realpath(item.paths[0]).encode("utf-8")).hexdigest()[:8]
            item = BatchInput(item.kind, item.paths, item.label, f"{item.slug.split('~')[0]}~{digest}")
        out.append(item)
    return out
