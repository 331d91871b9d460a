"""The shipped texts the check tests cut their real pairs from, read once.

``ZH``/``EN``: the two halves of the 学习时报 article (split at its "翻译:"
line); ``LAB_ZH``/``LAB_EN``/``LAB_CLEAN``: corpora/qa-labelled's lines (the
injected and the clean translation), indexed from 0.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = (ROOT / "corpora" / "xuexi-shibao-shushi-ronghe.txt").read_text(encoding="utf-8")
ZH, EN = CORPUS.split("翻译:", 1)
LABELLED = ROOT / "corpora" / "qa-labelled"
LAB_ZH = (LABELLED / "zh.txt").read_text(encoding="utf-8").split("\n")
LAB_EN = (LABELLED / "en.txt").read_text(encoding="utf-8").split("\n")
LAB_CLEAN = (LABELLED / "en.clean.txt").read_text(encoding="utf-8").split("\n")
