"""Which files in a ``zhen check -o FOLDER`` are zhen's, and which are the user's.

A re-run replaces the whole output folder (``qa.export.atomic``), so that no
file of an earlier run is left beside the new results.  That is only safe if
zhen knows what it wrote: every run leaves ``.zhen-run.json`` recording the
version, the inputs and the sha256 of each file it wrote.  With it, an old
output nobody touched is dropped, a file the user added (a reviewer's
notes.txt) is carried into the new folder, and a file zhen wrote that has
changed since (a filled-in review.xlsx) stops the run instead of being lost.
A non-empty folder without the marker is not zhen's: refused unless ``--force``.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from align.errors import InputError

MARKER = ".zhen-run.json"


@dataclass(frozen=True)
class RunMarker:
    """What one run wrote: file name → sha256, and whether it made the folder."""

    version: str
    inputs: tuple[str, ...]
    formats: tuple[str, ...]
    files: dict[str, str]
    created: bool
    #: absolute input path → sha256 of its content when the run read it (``zhen batch`` resumes on it)
    input_hashes: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class FolderPlan:
    """How to replace an output folder.

    ``keep_folder``: the folder is the user's (it existed without a marker,
    now or when zhen first wrote into it), so its entries are replaced and the
    folder itself is never removed.  ``created`` goes into the new marker.
    """

    keep_folder: bool
    created: bool


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_marker(folder: Path) -> RunMarker | None:
    """The folder's run marker, or None when it has none or it is unreadable.

    An unreadable marker is treated as no marker: the folder is then refused
    (without ``--force``), which is the safe side.
    """
    try:
        data = json.loads((folder / MARKER).read_text(encoding="utf-8"))
        files = data["files"]
        return RunMarker(
            version=str(data.get("zhen", "")),
            inputs=tuple(str(p) for p in data.get("inputs", ())),
            formats=tuple(str(f) for f in data.get("formats", ())),
            files={str(name): str(meta["sha256"]) for name, meta in files.items()},
            created=bool(data.get("folder_created_by_zhen", False)),
            input_hashes={str(k): str(v) for k, v in data.get("input_sha256", {}).items()},
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def write_marker(folder: Path, written: Sequence[str], *, inputs: Sequence[Path],
                 formats: Sequence[str], created: bool) -> None:
    """Record the files just written in ``folder`` (a private scratch folder),
    and the content hash of each input, so a later run can tell whether they changed."""
    from qa import __version__

    files = {name: {"sha256": sha256_file(folder / name), "bytes": (folder / name).stat().st_size}
             for name in written}
    record = {
        "zhen": __version__,
        "inputs": [os.path.abspath(p) for p in inputs],
        "input_sha256": {os.path.abspath(p): sha256_file(p) for p in inputs if Path(p).is_file()},
        "formats": list(formats),
        "files": files,
        "folder_created_by_zhen": created,
    }
    (folder / MARKER).write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n",
                                 encoding="utf-8")


def _unchanged(path: Path, sha256: str) -> bool:
    if path.is_symlink() or not path.is_file():
        return False
    try:
        return sha256_file(path) == sha256
    except OSError:
        return False


def _input_places(inputs: Sequence[Path]) -> set[Path]:
    """Where each input lives: as named (its last symlink kept) and resolved."""
    places = set()
    for p in inputs:
        places.add(Path(os.path.realpath(p.parent)) / p.name)
        places.add(Path(os.path.realpath(p)))
    return places


def carried_entries(real: Path, shown: Path, writes: Collection[str], known: Collection[str],
                    *, force: bool, inputs: Sequence[Path]) -> list[str]:
    """Entries of the existing folder ``real`` to move into the new run folder.

    Everything not returned is removed by the swap, so each such entry must be
    zhen's own and unchanged, or the user must have said ``--force``.
    Raises InputError (one line, naming the files) when that does not hold,
    and always when an input of this run would be removed or replaced.
    """
    from qa.export.atomic import is_scratch_name

    try:
        entries = sorted(os.listdir(real))
    except OSError as exc:
        raise InputError(f"cannot read {shown}: {exc.strerror or exc}") from None
    entries = [n for n in entries if not is_scratch_name(n)]
    if not entries:
        return []
    marker = read_marker(real)
    if marker is None and not force:
        raise InputError(
            f"{shown} is not empty and was not written by zhen (no {MARKER}): choose another "
            "output folder, or pass --force to write into it (files zhen did not write are kept)")
    ours = marker.files if marker else {}
    carry, edited, foreign, dropped = [], [], [], []
    for name in entries:
        if name == MARKER:
            dropped.append(name)
        elif name in ours:
            dropped.append(name)
            if not _unchanged(real / name, ours[name]):
                edited.append(name)
        elif name in known and (marker is None or name in writes):
            dropped.append(name)  # only reached with a marker when not forced
            foreign.append(name)
        else:
            carry.append(name)
    places = _input_places(inputs)
    hit = [n for n in dropped if real / n in places]
    if hit:
        raise InputError(f"{shown / hit[0]} is an input of this run and would be replaced: "
                         "choose another output folder")
    if not force and edited:
        raise InputError(
            f"{', '.join(str(shown / n) for n in edited)}: changed since zhen wrote "
            f"{'them' if len(edited) > 1 else 'it'} (a reviewer's work?); move "
            f"{'them' if len(edited) > 1 else 'it'} out of {shown}, or pass --force to replace")
    if not force and foreign and marker is not None:
        raise InputError(
            f"{', '.join(str(shown / n) for n in foreign)}: not written by zhen, and this run "
            f"writes {'those names' if len(foreign) > 1 else 'that name'}; move "
            f"{'them' if len(foreign) > 1 else 'it'}, or pass --force to replace")
    return carry


def plan_output_folder(outdir: Path, writes: Collection[str], known: Collection[str], *,
                       force: bool, inputs: Sequence[Path]) -> FolderPlan:
    """Refuse a folder zhen may not replace, before any work is done.

    ``zhen check`` calls this before minutes of alignment, and the swap calls
    :func:`carried_entries` again at the end, so a file edited meanwhile is
    still protected.
    """
    if outdir.exists() and not outdir.is_dir():
        raise InputError(f"cannot write to {outdir}: not a directory")
    real = Path(os.path.realpath(outdir))
    if not real.is_dir():
        return FolderPlan(keep_folder=False, created=True)
    carried_entries(real, outdir, writes, known, force=force, inputs=inputs)
    marker = read_marker(real)
    created = marker.created if marker else False
    return FolderPlan(keep_folder=not created, created=created)
