"""Write outputs so a crash or a bad input never leaves half a report behind.

Exports run last in the pipeline, after minutes of alignment; a failure in
the fifth of six writers must not leave the user with a folder mixing new
and stale files.  Everything is first written beside the destination (same
parent, hence the same file system, so ``os.replace`` is an atomic rename)
and only moved into place once every writer has succeeded; an output folder
is swapped in whole, so no file of an earlier run survives next to the new
ones unless the caller asks for it to be carried across.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import shutil
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from align.errors import InputError

_REASONS = {
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EROFS: "read-only file system",
    errno.ENOSPC: "no space left on device",
    errno.ENOTDIR: "a parent is not a directory",
    errno.EISDIR: "is a directory",
}


def _input_error(path: Path, exc: OSError) -> InputError:
    reason = _REASONS.get(exc.errno or 0, exc.strerror or type(exc).__name__)
    return InputError(f"cannot write to {path}: {reason}")


def _temp_name(target: Path, kind: str = "tmp") -> Path:
    # Hidden and clearly ours, so a leftover after a power cut is recognisable.
    return target.parent / f".{target.name}.zhen-{kind}-{secrets.token_hex(4)}"


def _ensure_parent(target: Path) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError as exc:  # some parent is a regular file
        raise InputError(
            f"cannot write to {target}: a parent is not a directory"
        ) from exc
    except OSError as exc:
        raise _input_error(target, exc) from exc


@contextlib.contextmanager
def atomic_file(path: str | os.PathLike[str]) -> Iterator[IO[bytes]]:
    """A binary file that replaces ``path`` in one rename when the block
    succeeds; readers see old or new, never half.  On any exception the
    temporary file is removed and ``path`` is as it was.  Writers that
    stream (TMX, XLIFF) write into it unit by unit.

    The temporary file is created with mode 0o666 so the umask applies exactly
    as it would to a plain ``open()`` (``mkstemp`` would leave 0600 behind).
    """
    shown = Path(path)
    if shown.is_dir():
        raise InputError(f"cannot write to {shown}: is a directory")
    # Write through a symlink (replace its target, keep the link), and keep
    # the temporary file on the target's file system so the rename is atomic.
    target = Path(os.path.realpath(shown)) if shown.is_symlink() else shown
    _ensure_parent(target)
    tmp = _temp_name(target)
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as exc:
        raise _input_error(shown, exc) from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise _input_error(shown, exc) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace ``path`` with ``data`` in one rename (see :func:`atomic_file`)."""
    with atomic_file(path) as fh:
        fh.write(data)


def atomic_write_text(
    path: str | os.PathLike[str], text: str, encoding: str = "utf-8"
) -> None:
    """Text flavour of :func:`atomic_write_bytes`; newlines are written as given."""
    atomic_write_bytes(path, text.encode(encoding))


def is_scratch_name(name: str) -> bool:
    """True for the hidden temporary and backup names zhen's writers use.

    A leftover after a power cut is ours to clear, never a user's file to keep.
    """
    return name.startswith(".") and (".zhen-tmp-" in name or ".zhen-old-" in name)


def _cwd_inside(folder: Path) -> bool:
    try:
        cwd = Path.cwd().resolve()
    except OSError:  # the working directory was deleted
        return False
    return cwd == folder or folder in cwd.parents


def _replace_whole(scratch: Path, real: Path, carry: list[str]) -> None:
    """Swap ``scratch`` in for ``real``, moving the ``carry`` entries across first.

    Old folder → hidden backup sibling, scratch → ``real``, backup removed.  If
    any step fails, everything moved so far goes back, so ``real`` is as before.
    """
    moved: list[str] = []
    backup: Path | None = None
    try:
        for name in carry:
            os.rename(real / name, scratch / name)
            moved.append(name)
        os.chmod(scratch, stat.S_IMODE(real.stat().st_mode))  # the folder keeps its mode
        backup = _temp_name(real, "old")
        os.rename(real, backup)
        os.rename(scratch, real)
    except BaseException:
        if backup is not None and backup.exists() and not real.exists():
            os.rename(backup, real)
        for name in reversed(moved):
            os.rename(scratch / name, real / name)
        raise
    shutil.rmtree(backup, ignore_errors=True)


def _replace_entries(scratch: Path, real: Path, carry: list[str]) -> None:
    """Replace ``real``'s contents entry by entry, keeping the folder itself.

    Used for a folder zhen must not remove (one it did not create, a mount
    point, the working directory) or cannot (its parent is not writable).
    Each entry lands with one atomic rename; hidden entries (the run marker)
    land last so they describe the folder only once the rest is in place.
    Entries neither produced nor carried are the previous run's: removed.
    """
    produced = sorted(os.listdir(scratch), key=lambda n: (n.startswith("."), n))
    for name in produced:
        dst = real / name
        if dst.is_dir() and not dst.is_symlink():
            aside = _temp_name(dst, "old")
            os.rename(dst, aside)
            shutil.rmtree(aside, ignore_errors=True)
        os.replace(scratch / name, dst)
    keep = set(produced) | set(carry) | {scratch.name}
    for name in os.listdir(real):
        if name in keep:
            continue
        stale = real / name
        if stale.is_dir() and not stale.is_symlink():
            shutil.rmtree(stale)
        else:
            stale.unlink()


def _entries_not_in(scratch: Path) -> Callable[[Path], list[str]]:
    def carry(real: Path) -> list[str]:
        produced = set(os.listdir(scratch))
        return sorted(n for n in os.listdir(real)
                      if n not in produced and not is_scratch_name(n))
    return carry


@contextlib.contextmanager
def atomic_output_dir(
    final: str | os.PathLike[str],
    *,
    carry: Callable[[Path], list[str]] | None = None,
    keep_folder: bool = False,
) -> Iterator[Path]:
    """Yield a scratch folder that replaces ``final`` only if the block succeeds.

    ``carry(real_folder)`` names the entries of the existing folder to move
    into the new one (default: every entry the block did not produce); it runs
    after the block, so it sees the folder as it is at the swap and may raise
    to refuse.  Everything else in the old folder is gone afterwards: a re-run
    leaves no stale file of an earlier run behind.

    The swap is one rename of the whole folder (scratch written beside it, on
    the same file system).  With ``keep_folder`` — or when the folder is a
    mount point, holds the working directory, or sits in a parent we cannot
    write — the folder itself stays and its entries are replaced one by one,
    each atomically.  A symlinked ``final`` stays a symlink; its target is
    replaced.  On any exception the scratch is removed and ``final`` is as it was.
    """
    shown = Path(final)
    if shown.exists() and not shown.is_dir():
        raise InputError(f"cannot write to {shown}: not a directory")
    # Absolute and through symlinks: '-o .', '-o out/' and '-o link' all name
    # the real folder, whose parent holds the scratch so renames stay atomic.
    real = Path(os.path.realpath(shown))
    _ensure_parent(real)
    exists = real.is_dir()
    if exists and not os.access(real, os.W_OK | os.X_OK):
        raise InputError(f"cannot write to {shown}: permission denied")
    in_place = exists and (keep_folder or os.path.ismount(real) or _cwd_inside(real)
                           or not os.access(real.parent, os.W_OK | os.X_OK))
    tmp = _temp_name(real / real.name if in_place else real)
    try:
        os.mkdir(tmp, 0o777)  # umask applies, unlike mkdtemp's 0700
    except OSError as exc:
        raise _input_error(shown, exc) from exc
    try:
        yield tmp
        try:
            if not exists:
                try:
                    os.rename(tmp, real)
                    return
                except OSError:
                    if not real.is_dir():
                        raise
                    # Lost a race with someone creating ``real``: replace it.
            names = (carry or _entries_not_in(tmp))(real)
            if in_place:
                _replace_entries(tmp, real, names)
            else:
                _replace_whole(tmp, real, names)
        except OSError as exc:
            raise _input_error(shown, exc) from exc
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
