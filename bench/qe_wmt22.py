"""How well ``qe`` ranks translations the way expert MQM reviewers do: WMT22 QE zh→en.

Data: shared/eval/mqm/wmt22_qe_zhen_test (505 segments, WMT22 QE shared
task 1, gold MQM z-scores, official submissions' predictions).  The test
file is built in a temporary folder and scored through ``zhen check
test.tsv --pairs`` — the numbers a user gets — then the ``qe`` column of
pairs.tsv is compared with gold, beside the official predictions and two
one-feature baselines (raw USE-m3 cosine, English/Chinese length ratio).
None of this data is used for training (bench/qe_train.py uses WMT20).

    python bench/qe_wmt22.py      # ~1 min (embeddings cached on disk)
"""

from __future__ import annotations

import csv
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from common import shared_eval

from align.model import Pair
from qa.export.tsv import pairs_tsv

TEST = Path("wmt22_qe_zhen_test")
OFFICIAL = {"HW-TSC": "pred_HW-TSC.txt", "CometKiwi (IST-Unbabel)": "pred_IST-Unbabel_CometKiwi.txt",
            "OpenKiwi baseline": "pred_OpenKiwi_baseline.txt"}


def spearman(a, b) -> float:
    from scipy.stats import spearmanr

    return float(spearmanr(a, b).statistic)


def pearson(a, b) -> float:
    return float(np.corrcoef(np.asarray(a, float), np.asarray(b, float))[0, 1])


def official(path: Path, n: int) -> np.ndarray:
    scores = np.full(n, np.nan)
    for line in path.read_text(encoding="utf-8").splitlines()[3:]:
        _, _, idx, score = line.split("\t")
        scores[int(idx)] = float(score)
    return scores


def qe_through_cli(src: list[str], mt: list[str], work: Path) -> np.ndarray:
    """``zhen check test.tsv --pairs``, then the ``qe`` column of its pairs.tsv."""
    test = work / "test.tsv"
    test.write_text(pairs_tsv([Pair(id=i, zh=z, en=e) for i, (z, e) in enumerate(zip(src, mt))]),
                    encoding="utf-8")
    out = work / "out"
    cmd = [sys.executable, "-m", "qa.cli", "check", str(test), "--pairs", "-o", str(out), "--formats", "tsv"]
    r = subprocess.run(cmd, check=False, capture_output=True, text=True, cwd=REPO)
    if r.returncode != 0:
        raise SystemExit(f"zhen check failed ({r.returncode}): {r.stderr.strip()}")
    print(r.stdout.splitlines()[0])
    with open(out / "pairs.tsv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    qe = np.full(len(src), np.nan)
    for row in rows:
        qe[int(row["id"])] = float(row["qe"])
    return qe


def main() -> int:
    root = shared_eval("mqm")
    if root is None:
        print("qe_wmt22: shared/eval/mqm not found (set ZHEN_SHARED); skipping")
        return 0
    d = root / TEST
    src = d.joinpath("test.2022.src").read_text(encoding="utf-8").splitlines()
    mt = d.joinpath("test.2022.mt").read_text(encoding="utf-8").splitlines()
    gold = np.array([float(x) for x in d.joinpath("test.2022.zh-en.mqm_z_score").read_text().split()])
    with tempfile.TemporaryDirectory() as tmp:
        qe = qe_through_cli(src, mt, Path(tmp))
    if np.isnan(qe).any():
        raise SystemExit(f"{int(np.isnan(qe).sum())} pairs came back without qe")
    from align.embed import load_embedder
    from qa.qe_features import pair_cosines, pair_features

    pairs = [Pair(id=i, zh=z, en=e) for i, (z, e) in enumerate(zip(src, mt))]
    cos = pair_cosines(pairs, load_embedder())
    length = np.array([pair_features(z, e, 0.0)["log_len"] for z, e in zip(src, mt)])
    print(f"\nWMT22 QE zh-en test, {len(gold)} segments, against gold MQM z-scores")
    print(f"{'system':<28} {'Spearman':>9} {'Pearson':>8}")
    print(f"{'zhen qe (zhen check --pairs)':<28} {spearman(qe, gold):9.3f} {pearson(qe, gold):8.3f}")
    for name, file in OFFICIAL.items():
        pred = official(d / file, len(gold))
        print(f"{name:<28} {spearman(pred, gold):9.3f} {pearson(pred, gold):8.3f}")
    print(f"{'raw USE-m3 cosine':<28} {spearman(cos, gold):9.3f} {pearson(cos, gold):8.3f}")
    print(f"{'log length ratio':<28} {spearman(length, gold):9.3f} {pearson(length, gold):8.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
