"""Proof in real CAT tools (issue 18): OmegaT translates a project from zhen's
TMX, and translate-toolkit reads zhen's TMX and XLIFF with one unit per pair.

One `zhen check` of the 学习时报 document (module-scoped, ~20 s of CPU) feeds
every test.  OmegaT 3.6 (Debian package ``omegat``; ``.ci/run`` installs it)
runs headless in console mode, ~5 s of CPU per project; its tests are skipped
with the reason where it is not installed.  The source text OmegaT translates
is the document's own Chinese sentences, a paragraph each, so OmegaT's Chinese
segmentation meets each sentence whole and an exact TM match is what fills it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import copy_of_corpus_run

from align.pairs_io import read_pairs

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpora" / "xuexi-shibao-shushi-ronghe.txt"
OMEGAT = shutil.which("omegat")
needs_omegat = pytest.mark.skipif(
    OMEGAT is None, reason="OmegaT is not installed (apt-get install omegat; .ci/run does)")

PROJECT = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
  <project version="1.0">
    <source_dir>__DEFAULT__</source_dir>
    <target_dir>__DEFAULT__</target_dir>
    <tm_dir>__DEFAULT__</tm_dir>
    <glossary_dir>__DEFAULT__</glossary_dir>
    <glossary_file>__DEFAULT__</glossary_file>
    <dictionary_dir>__DEFAULT__</dictionary_dir>
    <source_lang>zh-CN</source_lang>
    <target_lang>en-US</target_lang>
    <source_tok>org.omegat.tokenizer.LuceneSmartChineseTokenizer</source_tok>
    <target_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</target_tok>
    <sentence_seg>true</sentence_seg>
    <support_default_translations>true</support_default_translations>
    <remove_tags>false</remove_tags>
  </project>
</omegat>
"""


def zhen(*args: str | os.PathLike) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "qa.cli", *map(str, args)],
                          capture_output=True, text=True, timeout=600, check=False)


@pytest.fixture(scope="module")
def run(corpus_run, tmp_path_factory) -> Path:
    """The session's corpus run (tests/conftest.py), copied: review decisions write beside it."""
    return copy_of_corpus_run(corpus_run, tmp_path_factory.mktemp("cat") / "out")


def omegat_translate(project: Path, sentences: list[str], tmx: Path) -> list[str]:
    """Translate ``sentences`` (one paragraph each) in a fresh OmegaT project whose
    only memory is ``tmx`` in tm/auto/ (exact matches are applied); the target
    file's paragraphs, one per sentence (OmegaT keeps the source where it
    has no translation)."""
    for sub in ("source", "target", "tm/auto", "glossary", "dictionary", "omegat"):
        (project / sub).mkdir(parents=True, exist_ok=True)
    (project / "omegat.project").write_text(PROJECT, encoding="utf-8")
    # A blank line between sentences: OmegaT's text filter makes paragraphs
    # of consecutive lines, and a heading without 。 would join the next line.
    (project / "source" / "xuexi.txt").write_text("\n\n".join(sentences) + "\n",
                                                  encoding="utf-8")
    shutil.copy(tmx, project / "tm" / "auto" / "aligned.tmx")
    config = project.parent / f"{project.name}-config"
    config.mkdir()
    env = {**os.environ, "JAVA_TOOL_OPTIONS": "-Djava.awt.headless=true"}
    proc = subprocess.run(
        [OMEGAT, str(project), "--mode=console-translate", f"--config-dir={config}",
         "--quiet", "--no-team"],
        capture_output=True, text=True, timeout=300, check=False, env=env)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    assert f"Reading TMX file {project / 'tm' / 'auto' / 'aligned.tmx'}" in proc.stdout + proc.stderr
    target = project / "target" / "xuexi.txt"
    lines = [line for line in target.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(lines) == len(sentences), (len(lines), len(sentences))
    return lines


def single_sentence_pairs(tmx: Path) -> list:
    """Pairs of the TMX whose Chinese is one sentence (a 1-1 or 1-N bead),
    each Chinese sentence once."""
    seen: set[str] = set()
    out = []
    for pair in read_pairs(tmx).pairs:
        if len(pair.zh_ids) == 1 and pair.zh not in seen:
            seen.add(pair.zh)
            out.append(pair)
    return out


@needs_omegat
def test_omegat_translates_the_document_from_zhens_tmx(run, tmp_path):
    pairs = single_sentence_pairs(run / "aligned.tmx")
    assert len(pairs) >= 60  # the document's sentences, not a handful
    got = omegat_translate(tmp_path / "project", [p.zh for p in pairs], run / "aligned.tmx")
    hits = sum(line.strip() == p.en for line, p in zip(got, pairs))
    assert hits >= 0.95 * len(pairs), f"{hits} of {len(pairs)} sentences got our English"


def _decide(sheet: Path, decisions: dict[int, str], fixes: dict[int, str]) -> None:
    """Fill in the review sheet as a reviewer does: a decision per row,
    corrected English on 'fix' rows."""
    from openpyxl import load_workbook

    wb = load_workbook(sheet)
    ws = wb["Pairs"]
    col = {c.value: c.column for c in ws[1]}
    for row in range(2, ws.max_row + 1):
        pid = int(ws.cell(row, col["id"]).value)
        ws.cell(row, col["decision"]).value = decisions.get(pid, "accept")
        if pid in fixes:
            ws.cell(row, col["en"]).value = fixes[pid]
    wb.save(sheet)


@pytest.fixture(scope="module")
def reviewed(run, tmp_path_factory):
    """The run's review.xlsx decided (3 rejects, 1 fix, the rest accepted)
    and turned into final.tmx and final.xlf by `zhen review`."""
    pairs = single_sentence_pairs(run / "aligned.tmx")
    ids = {p.zh: int(p.unit_id) for p in pairs}  # tuid = zhen's pair id
    rejected = [ids[p.zh] for p in pairs[5:8]]
    fixed = ids[pairs[10].zh]
    fix_text = "A reviewer's corrected translation of this sentence."
    folder = tmp_path_factory.mktemp("reviewed")
    sheet = folder / "review.xlsx"
    shutil.copy(run / "review.xlsx", sheet)
    _decide(sheet, {**{i: "reject" for i in rejected}, fixed: "fix"}, {fixed: fix_text})
    for name in ("final.tmx", "final.xlf"):
        proc = zhen("review", sheet, "-o", folder / name)
        assert proc.returncode == 0, proc.stderr
    return folder, pairs, set(rejected), fixed, fix_text


@needs_omegat
def test_omegat_uses_the_tm_written_after_review(reviewed, tmp_path):
    folder, pairs, rejected, fixed, fix_text = reviewed
    got = omegat_translate(tmp_path / "project", [p.zh for p in pairs], folder / "final.tmx")
    by_id = {int(p.unit_id): (line.strip(), p) for line, p in zip(got, pairs)}
    # rejected units are not in the TM: OmegaT leaves their source untranslated
    assert all(by_id[i][0] == by_id[i][1].zh for i in rejected)
    assert by_id[fixed][0] == fix_text
    kept = [(line, p) for i, (line, p) in by_id.items() if i not in rejected and i != fixed]
    hits = sum(line == p.en for line, p in kept)
    assert hits >= 0.95 * len(kept), f"{hits} of {len(kept)} sentences got our English"


# ------------------------------------------------ translate-toolkit reads them


def test_translate_toolkit_reads_one_unit_per_pair(run):
    from translate.storage import tmx, xliff

    pairs = read_pairs(run / "pairs.tsv").pairs
    both = [p for p in pairs if p.zh and p.en]
    store = tmx.tmxfile.parsefile(str(run / "aligned.tmx"))
    assert [(u.source, u.target) for u in store.units] == [(p.zh, p.en) for p in both]

    store = xliff.xlifffile.parsefile(str(run / "review.xlf"))
    units = [u for u in store.units if not u.isheader()]
    assert [(u.source, u.target) for u in units] == [(p.zh, p.en) for p in pairs]
    assert (store.getsourcelanguage(), store.gettargetlanguage()) == ("zh-CN", "en-US")
    flagged = [u for u in units if "[major]" in u.getnotes() or "[minor]" in u.getnotes()]
    assert flagged and all(u.getnotes(origin="zhen") for u in flagged)


def test_translate_toolkit_sees_the_reviewers_approvals(reviewed):
    from translate.storage import xliff

    folder, _, rejected, fixed, fix_text = reviewed
    store = xliff.xlifffile.parsefile(str(folder / "final.xlf"))
    # translate-toolkit's ids are "file\x04unit id"
    units = {u.getid().rsplit("\x04", 1)[-1]: u for u in store.units if not u.isheader()}
    assert not rejected & {int(i) for i in units}
    assert units[str(fixed)].target == fix_text and units[str(fixed)].isapproved()
    # every kept unit was accepted or fixed: all approved, none fuzzy
    assert all(u.isapproved() for u in units.values() if u.target)
