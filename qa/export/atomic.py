"""Write outputs so a crash or a bad input never leaves half a report behind.

Exports run last in the pipeline, after minutes of alignment; a failure in
the fifth of six writers must not leave the user with a folder mixing new
and stale files.  Everything is first written beside the destination (same
parent, hence the same file system, so ``os.replace`` is an atomic rename)
and only moved into place once every writer has succeeded.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import shutil
from collections.abc import Iterator
from pathlib import Path

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


def _temp_name(target: Path) -> Path:
    # Hidden and clearly ours, so a leftover after a power cut is recognisable.
    return target.parent / f".{target.name}.zhen-tmp-{secrets.token_hex(4)}"


def _ensure_parent(target: Path) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError as exc:  # some parent is a regular file
        raise InputError(
            f"cannot write to {target}: a parent is not a directory"
        ) from exc
    except OSError as exc:
        raise _input_error(target, exc) from exc


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace ``path`` with ``data`` in one rename; readers see old or new, never half.

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
            fh.write(data)
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


def atomic_write_text(
    path: str | os.PathLike[str], text: str, encoding: str = "utf-8"
) -> None:
    """Text flavour of :func:`atomic_write_bytes`; newlines are written as given."""
    atomic_write_bytes(path, text.encode(encoding))


def _move_file(src: Path, dst: Path) -> None:
    try:
        os.replace(src, dst)
    except OSError as exc:
        if exc.errno != errno.EXDEV:
            raise
        # ``dst`` sits on another file system (a mount inside the output
        # folder): copy beside it first so the final step is still a rename.
        staged = _temp_name(dst)
        try:
            shutil.copy2(src, staged)
            os.replace(staged, dst)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(staged)


def _move_tree(src: Path, dst: Path) -> None:
    """Move every file under ``src`` into ``dst``, replacing same-named files only."""
    for root, _dirs, files in os.walk(src):
        rel = Path(root).relative_to(src)
        (dst / rel).mkdir(parents=True, exist_ok=True)
        for name in files:
            _move_file(Path(root) / name, dst / rel / name)


@contextlib.contextmanager
def atomic_output_dir(final: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a scratch folder; its files land in ``final`` only if the block succeeds.

    If ``final`` does not exist the scratch folder is renamed onto it, which is
    atomic as a whole.  If it exists, each produced file is moved in with
    ``os.replace`` (atomic per file); files already in ``final`` that the block
    did not produce are left alone, so a user's notes beside a report survive a
    re-run.  On any exception the scratch folder is removed and ``final`` is
    untouched.
    """
    final = Path(final)
    if final.exists() and not final.is_dir():
        raise InputError(f"cannot write to {final}: not a directory")
    shown = final
    if final.is_symlink():  # scratch beside the real folder, not beside the link
        final = Path(os.path.realpath(final))
    _ensure_parent(final)
    tmp = _temp_name(final)
    try:
        os.mkdir(tmp, 0o777)  # umask applies, unlike mkdtemp's 0700
    except OSError as exc:
        raise _input_error(shown, exc) from exc
    try:
        yield tmp
        try:
            if not final.exists():
                try:
                    os.rename(tmp, final)
                    return
                except OSError:
                    # Lost a race with someone creating ``final``: merge instead.
                    pass
            _move_tree(tmp, final)
        except OSError as exc:
            raise _input_error(shown, exc) from exc
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
