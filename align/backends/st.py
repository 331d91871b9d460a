"""Bring-your-own model through sentence-transformers (LaBSE, bge-m3, …).

Only models already on this machine are used: a local directory, or a name
already in the Hugging Face cache.  zhen must never download at run time, so
the model is resolved to a local directory up front (``local_files_only``)
and the hub libraries are put in offline mode before they are imported.
Resolving happens in the constructor, without torch, so a wrong name fails
at once and a fully cached run never imports torch at all.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

from align.embed_protocol import windows_by_joining
from align.errors import InputError
from align.progress import stage

_INSTALL_HINT = (
    "the sentence-transformers backend is not installed; run: pip install 'zhen[st]'"
)
#: files that define what a model computes (weights are fingerprinted by size)
_WEIGHT_SUFFIXES = (".safetensors", ".bin", ".pt", ".onnx")


def _offline() -> None:
    """Forbid hub downloads for this process (zhen never downloads)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


def _not_here(model: str) -> InputError:
    return InputError(
        f"model '{model}' is not on this machine; give a local path or a model "
        "already in the Hugging Face cache"
    )


def resolve_model_dir(model: str) -> Path:
    """The local directory of ``model`` (a path, or a hub name in the HF cache)."""
    path = Path(model).expanduser()
    if path.is_dir():
        return path.resolve()
    looks_like_path = (
        model.startswith((".", "/", "~", "\\")) or model.count("/") > 1 or "\\" in model
    )
    if path.exists() or looks_like_path:  # hub ids are "name" or "org/name"
        raise _not_here(model)
    _offline()
    try:
        from huggingface_hub import snapshot_download
    except ImportError as exc:
        raise InputError(_INSTALL_HINT) from exc
    names = [model] if "/" in model else [model, f"sentence-transformers/{model}"]
    for name in names:
        try:
            return Path(snapshot_download(name, local_files_only=True))
        except (OSError, ValueError):  # not cached / not a valid repo id / offline
            pass
    raise _not_here(model)


def model_fingerprint(folder: Path) -> str:
    """Hash of the model's config files and weight-file sizes.

    Distinguishes two different models saved under the same name without
    reading hundreds of MB of weights.
    """
    digest = hashlib.sha256()
    for f in sorted(p for p in folder.rglob("*") if p.is_file()):
        rel = f.relative_to(folder).as_posix()
        if rel.startswith(".") or "/." in rel:
            continue
        if f.suffix == ".json":
            digest.update(rel.encode() + b"\0" + f.read_bytes() + b"\0")
        elif f.suffix in _WEIGHT_SUFFIXES:
            digest.update(f"{rel}\0{f.stat().st_size}\0".encode())
    return digest.hexdigest()[:16]


@lru_cache(maxsize=4)
def _load_model(folder: str, device: str, name: str):
    """One SentenceTransformer per (folder, device) per process."""
    _offline()
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as hf_logging

    # a CLI run must not print a weight-loading progress bar
    hf_logging.disable_progress_bar()
    try:
        return SentenceTransformer(folder, device=device, local_files_only=True)
    except Exception as exc:  # a folder that is not a usable model, a bad device name
        first = (
            str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        )
        raise InputError(f"model '{name}' could not be loaded: {first}") from exc


class SentenceTransformersEmbedder:
    """A local sentence-transformers model; vectors are L2-normalised float32."""

    def __init__(self, model: str, device: str = "cpu", batch_size: int = 32,
                 progress: Callable[[str], None] | None = None) -> None:
        if (
            importlib.util.find_spec("sentence_transformers") is None
            or importlib.util.find_spec("torch") is None
        ):
            raise InputError(_INSTALL_HINT)
        if batch_size < 1:
            raise InputError(f"batch size must be at least 1, not {batch_size}")
        self.model = model
        self.device = device
        self.batch_size = batch_size
        #: told when each call has encoded its texts (align.progress)
        self.progress = progress
        self.folder = resolve_model_dir(model)
        # a local model is named by its absolute path, a cached hub model by its id
        name = str(self.folder) if Path(model).expanduser().is_dir() else model
        self.key = f"st:{name}:{model_fingerprint(self.folder)}"
        self._st = None

    def _load(self):
        if self._st is None:
            self._st = _load_model(str(self.folder), self.device, self.model)
        return self._st

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        st = self._load()
        if not len(texts):
            dim = st.get_sentence_embedding_dimension() or 0
            return np.zeros((0, dim), dtype=np.float32)
        # one call, one encode: splitting it would change how sentence-transformers
        # batches (and pads) the texts, so the bar moves once per call
        with stage(self.progress, "embedding", len(texts), "text") as tick:
            vecs = st.encode(
                list(texts),
                batch_size=self.batch_size,
                convert_to_numpy=True,
                normalize_embeddings=True,
                show_progress_bar=False,
            )
            tick(len(texts))
        return np.asarray(vecs, dtype=np.float32)

    def embed_windows(
        self, texts: Sequence[str], max_len: int, joiner: str = " "
    ) -> np.ndarray:
        return windows_by_joining(self, texts, max_len, joiner)
