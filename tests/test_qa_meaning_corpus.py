"""The held-out meaning-error documents (corpora/qa-meaning, corpora/qa-meaning-2) are well formed, and the bench judges them fairly.

The meaning checks are measured on this document, not tuned to it: the floors
below pin what they found when they were first run on it, blind (2026-12-05),
so that a change that loses a find, or makes a meaning check cry wolf here,
fails (qa-meaning only).  Raise a floor when a general improvement finds more.
What is guarded, for both documents, is that en.txt and labels.tsv are exactly
what qa.evaluation.inject builds from en.clean.txt and inject_errors.py's list, that the document keeps the
shape the issue asks for (at least five errors per class, at least 40 % of the
lines untouched), and that in Accuracy/Mistranslation, which eight classes
share, a flag only finds the class its check is named for.
"""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path

import pytest

from qa.evaluation import labelled as bench
from qa.model import Flag

ROOT = Path(__file__).resolve().parent.parent
MEANING = ROOT / "corpora" / "qa-meaning"
CLASSES = {  # kind -> (check id, category), as issue 15 fixes them
    "polarity": ("polarity", "Accuracy/Mistranslation"),
    "direction": ("direction", "Accuracy/Mistranslation"),
    "modality": ("modality", "Accuracy/Mistranslation"),
    "time": ("time-expression", "Accuracy/Mistranslation"),
    "institution": ("institution", "Accuracy/Mistranslation"),
    "shorthand": ("shorthand", "Accuracy/Mistranslation"),
    "literal-term": ("literal-term", "Accuracy/Mistranslation"),
    "roles": ("roles", "Accuracy/Mistranslation"),
    "term-consistency": ("term-consistency", "Terminology/Inconsistent"),
}


def _load(name: str, path: Path):
    """A corpus folder's own inject_errors.py (a script that ships with its data, not a module)."""
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module




@pytest.fixture(scope="module")
def labels():
    return bench.load_labels(MEANING / "labels.tsv")


#: every held-out meaning document: qa-meaning, and the later qa-meaning-2 (a second source text)
DOCUMENTS = [MEANING, ROOT / "corpora" / "qa-meaning-2"]


@pytest.mark.parametrize("name", ["qa-labelled", "qa-meaning", "qa-meaning-2", "qa-meaning-3"])
def test_every_labelled_corpus_is_built_by_the_one_injector(name):
    """Each corpus script keeps only its error list; qa.evaluation.inject builds all four,
    and what it builds is what ships (en.txt and labels.tsv, to the byte)."""
    from qa.evaluation import inject as injection

    folder = ROOT / "corpora" / name
    script = _load(f"{name.replace('-', '_')}_inject_errors", folder / "inject_errors.py")
    lines, rows = injection.inject(folder, script.ERRORS)
    assert (folder / "en.txt").read_bytes() == ("\n".join(lines) + "\n").encode("utf-8")
    assert (folder / "labels.tsv").read_bytes() == (
        "\n".join("\t".join(r) for r in [injection.HEADER, *rows]) + "\n").encode("utf-8")


@pytest.mark.parametrize("folder", DOCUMENTS, ids=lambda f: f.name)
def test_the_document_has_the_shape_the_issue_asks_for(folder):
    labels = bench.load_labels(folder / "labels.tsv")
    zh = bench.read_lines(folder / "zh.txt")
    clean = bench.read_lines(folder / "en.clean.txt")
    en = bench.read_lines(folder / "en.txt")
    assert len(zh) == len(clean) == len(en) >= 90
    required = [lab for lab in labels if lab.required]
    assert len(required) >= 45
    per_kind = Counter(lab.kind for lab in required)
    assert set(per_kind) == set(CLASSES) and min(per_kind.values()) >= 5, per_kind
    for lab in required:
        assert (lab.checks, lab.category) == ((CLASSES[lab.kind][0],), CLASSES[lab.kind][1]), lab
        assert lab.span and lab.span in en[lab.line - 1] and lab.span not in clean[lab.line - 1], lab
    changed = {i for i, (c, e) in enumerate(zip(clean, en), start=1) if c != e}
    assert changed == {lab.line for lab in required}
    assert len(zh) - len(changed) >= 0.4 * len(zh)
    for lab in labels:  # acceptable consequences sit on lines that carry an error
        assert lab.required or lab.line in changed, lab


def _flag(check: str, category: str, line: int) -> Flag:
    return Flag(check=check, category=category, severity="major", message="", pair_id=line)


def test_a_shared_category_wants_the_named_check(labels):
    direction_line = next(lab.line for lab in labels if lab.kind == "direction")
    polarity = bench.judge([_flag("polarity", "Accuracy/Mistranslation", direction_line)], labels)
    assert polarity.by_category["Accuracy/Mistranslation"].tp == 1
    assert polarity.by_check["polarity"].tp == 0 and polarity.by_check["polarity"].fp == 1
    assert polarity.by_kind["direction"].found == 0
    direction = bench.judge([_flag("direction", "Accuracy/Mistranslation", direction_line)], labels)
    assert direction.by_check["direction"].tp == 1
    assert direction.by_kind["direction"].found == 1


def test_a_category_of_one_kind_takes_any_of_its_checks(labels):
    """The acceptable idiom-literal label on a literal-term line credits that check's flag."""
    line = next(lab.line for lab in labels if lab.kind == "literal-term?")
    judged = bench.judge([_flag("idiom-literal", "Style/Literal idiom", line)], labels)
    assert judged.by_check["idiom-literal"].tp == 1 and not judged.false_positives


#: injected errors of each class the meaning checks found without the embedder, first blind
#: run 2026-12-05 (python bench/qa_labelled.py --corpus corpora/qa-meaning --no-embedder);
#: raised after the general recall work of issue 15 (potential complements, time periods,
#: numbered Party meetings, pivot roles, coordinate abbreviations …). term-consistency: set
#: after its flags moved to the deviating pair only (issue 20), see MERGE_TC below
MEANING_FLOORS = {"polarity": 5, "direction": 5, "modality": 6, "time": 6, "institution": 5,
                  "shorthand": 3, "term-consistency": 0, "literal-term": 1, "roles": 5}
#: term-consistency false alarms the translation shares with its clean twin (产业升级 inside
#: 传统产业升级; 发展格局 rendered three ways for three senses), hidden while its flags listed
#: every pair using a term: pinned, so that any new false alarm still fails
KNOWN_FALSE_ALARMS = {("term-consistency", 69), ("term-consistency", 92), ("term-consistency", 102)}


def _meaning_checks():
    from qa.checks import all_checks

    ids = {check for check, _ in CLASSES.values()}
    return [c for c in all_checks() if c.id in ids]


def test_meaning_checks_keep_their_finds_and_never_cry_wolf(labels):
    checks = _meaning_checks()
    assert {c.id for c in checks} == {check for check, _ in CLASSES.values()}
    pairs = bench.load_pairs(MEANING / "zh.txt", MEANING / "en.txt")
    judged = bench.judge(bench.run(pairs, checks), labels)
    found = {kind: judged.by_kind[kind].found for kind in MEANING_FLOORS}
    short = {k: (found[k], floor) for k, floor in MEANING_FLOORS.items() if found[k] < floor}
    assert not short, f"classes below their floor (found, floor): {short}"
    wrong = [(f.check, f.pair_id) for f in judged.false_positives]
    assert set(wrong) <= KNOWN_FALSE_ALARMS, [(f.check, f.pair_id, f.message)
                                              for f in judged.false_positives]


def test_meaning_checks_quiet_on_the_clean_translation():
    pairs = bench.load_pairs(MEANING / "zh.txt", MEANING / "en.clean.txt")
    flags = bench.run(pairs, _meaning_checks())
    assert [f for f in flags if f.check != "term-consistency"] == [], [
        (f.check, f.pair_id, f.message) for f in flags]
    # 产业升级 vs 传统产业升级 (two phrases, one inside the other): a known minor false alarm
    assert all(f.severity == "minor" for f in flags)
