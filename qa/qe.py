"""The per-pair quality estimate ``qe`` in [0, 100] (higher is better).

A ridge model learned offline from expert MQM ratings (bench/qe_train.py)
and shipped as data (qa/data/qe_model.json: feature names, scaling,
coefficients, data source and date).  At run time it needs numpy only; the
file is read on first use, never at import.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import numpy as np

from align.model import Pair
from qa.model import Check, Flag
from qa.qe_features import ALL_FEATURES, TEXT_FEATURES, assemble, pair_text_rows

MODEL_FILE = Path(__file__).resolve().parent / "data" / "qe_model.json"


@dataclass(frozen=True)
class QeModel:
    """A linear model over named features, with the scaling it was fitted on."""

    features: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    clip: tuple[float, float]
    source: str
    lo: np.ndarray  # each feature is clipped to its training range: no extrapolation
    hi: np.ndarray

    def predict(self, X: np.ndarray) -> np.ndarray:
        raw = ((np.clip(X, self.lo, self.hi) - self.mean) / self.scale) @ self.coef + self.intercept
        return np.clip(raw, *self.clip)


def parse_model(data: dict) -> QeModel:
    """Validate a model file's content: known features, matching lengths, finite numbers."""
    names = tuple(data["features"])
    unknown = [n for n in names if n not in ALL_FEATURES]
    if unknown:
        raise ValueError(f"QE model names features the extractor does not compute: {unknown}")
    arrays = [np.asarray(data[k], dtype=np.float64) for k in ("mean", "scale", "coef", "lo", "hi")]
    if any(a.shape != (len(names),) for a in arrays):
        raise ValueError("QE model: mean/scale/coef/lo/hi must each have one value per feature")
    if not all(np.isfinite(a).all() for a in arrays) or np.any(arrays[1] == 0):
        raise ValueError("QE model: non-finite value or zero scale")
    lo, hi = data.get("clip", (0.0, 100.0))
    mean, scale, coef, f_lo, f_hi = arrays
    return QeModel(names, mean, scale, coef, float(data["intercept"]), (float(lo), float(hi)),
                   str(data.get("source", "")), f_lo, f_hi)


@lru_cache(maxsize=4)
def load_model(path: str | Path = MODEL_FILE) -> QeModel:
    return parse_model(json.loads(Path(path).read_text(encoding="utf-8")))


def feature_checks() -> list[Check]:
    """The checks whose flags are QE features: pair-level ones needing nothing (document
    checks need the whole document and the embedder, too costly on 20,000 rated pairs);
    the model is trained (bench/qe_train.py) and applied on these alone."""
    from qa.checks import all_checks

    return [c for c in all_checks() if c.scope == "pair" and not c.needs]


def pair_check_flags(flags: Iterable[Flag]) -> list[Flag]:
    """The flags of :func:`feature_checks` only: the model was trained on those."""
    ids = {c.id for c in feature_checks()}
    return [f for f in flags if f.check in ids]


def text_feature_names(model: QeModel | None = None) -> tuple[str, ...]:
    """The flag-independent features ``model`` (default: the shipped one) reads, in its order:
    all a run computes of :data:`qa.qe_features.TEXT_FEATURES`."""
    return tuple(n for n in (model or load_model()).features if n in TEXT_FEATURES)


def qe_text_rows(pairs: Sequence[Pair], embedder) -> np.ndarray:
    """The shipped model's :func:`text_feature_names` of ``pairs`` as given, a row a pair:
    what :func:`qe_scores` takes as ``text_rows`` (qa.pipeline.check_locally computes them)."""
    return pair_text_rows(pairs, embedder, text_feature_names())


def qe_scores(pairs: Sequence[Pair], embedder, flags: Iterable[Flag] = (),
              model: QeModel | None = None, text_rows: np.ndarray | None = None) -> list[float]:
    """One score per pair, rounded to 0.1; ``flags`` are the run's flags (pair-level checks' count).

    ``text_rows``: the pairs' :func:`text_feature_names` of ``model`` (:func:`qe_text_rows`),
    when the run computed them already (qa.pipeline.check_locally); else they are computed
    here, the cosines from ``embedder``."""
    if not pairs:
        return []
    model = model or load_model()
    names = text_feature_names(model)
    if text_rows is None:
        text_rows = pair_text_rows(pairs, embedder, names)
    X = assemble(text_rows, pairs, pair_check_flags(flags), model.features, names)
    # a side with no text is a non-translation, MQM's worst case (target 0), not a ratio to extrapolate
    one_sided = [not p.zh.strip() or not p.en.strip() for p in pairs]
    return [0.0 if gone else round(float(s), 1) for s, gone in zip(model.predict(X), one_sided)]


def with_qe(pairs: Sequence[Pair], embedder, flags: Iterable[Flag] = (),
            text_rows: np.ndarray | None = None) -> list[Pair]:
    """The pairs with ``qe`` filled in (Pair is frozen: new values, same order); ``text_rows``
    as :func:`qe_scores` takes them."""
    scores = qe_scores(pairs, embedder, flags, text_rows=text_rows)
    return [replace(p, qe=s) for p, s in zip(pairs, scores)]
