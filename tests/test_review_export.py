"""`zhen export OUTDIR` (the review applied) and `zhen check` learning from dismissals.

Every test starts from one real `zhen check --pairs` run over the 学习时报 sample
pairs (tests/data/export/pairs.json): pair 2 (不以规矩,不成方圆) carries an idiom-literal
flag, pair 4 (九龙治水, "water control in Kowloon") a literal-term flag and two shorthand flags.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from lxml import etree
from review_server import zhen
from sample_pairs import load_sample

PAIRS, _ = load_sample()
FIXED = "We will deepen the market allocation of data factors."
#: `zhen check` run in a way that reports on stderr whether it imported the review app
#: (with its arguments given, main raises SystemExit rather than ending the process at once)
CHECK_WITH_IMPORT_PROBE = (
    "import sys\nfrom qa.cli import main\ntry:\n    main(sys.argv[1:])\nfinally:\n"
    "    print('review app imported: ' + str('qa.review_app.memory' in sys.modules), file=sys.stderr)\n")


@pytest.fixture(scope="module")
def run_folder(tmp_path_factory) -> Path:
    """One `zhen check --pairs` run for the module; its input sits beside it as sample.tsv."""
    import subprocess

    from qa.export.tsv import write_pairs_tsv

    base = tmp_path_factory.mktemp("export-run")
    write_pairs_tsv(PAIRS, base / "sample.tsv")
    out = base / "out"
    done = subprocess.run([sys.executable, "-c", CHECK_WITH_IMPORT_PROBE, "check", "--pairs",
                           str(base / "sample.tsv"), "-o", str(out)],
                          capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr
    # no review database: zhen check did not even import the review app, nor mention it
    assert "review app imported: False" in done.stderr
    assert "dismissed in review" not in done.stdout
    return out


def _flags(folder: Path) -> list[dict]:
    return [json.loads(line) for line in (folder / "flags.jsonl").read_text().splitlines()
            if line.strip()]


def _review(outdir: Path):
    from qa.checks import all_checks
    from qa.profile import load_profile
    from qa.review_app.api import ReviewApp
    from qa.review_app.recheck import Rechecker
    from qa.review_app.store import ReviewStore

    checks = all_checks()
    return ReviewApp(ReviewStore.open(outdir), Rechecker(checks, load_profile(None, checks)),
                     outdir)


def _dismiss(app, pid: int, check: str) -> None:
    flag = next(f for f in app.pair(pid)["flags"] if f["check"] == check)
    app.set_flag(flag["id"], {"status": "dismissed"})


# ---------------------------------------------------------------- zhen export


def test_export_applies_fix_reject_comment_and_drops_dismissed_flags(outdir, tmp_path):
    from openpyxl import load_workbook

    app = _review(outdir)
    app.change(3, None, {"en": FIXED, "comment": "tighter"})
    app.change(2, None, {"decision": "reject"})
    _dismiss(app, 4, "literal-term")
    app.store.close()

    done = zhen("export", outdir, "--format", "tmx", "-o", tmp_path / "final.tmx")
    assert done.returncode == 0, done.stderr
    assert "1 rejected" in done.stdout and "1 dismissed flag left out" in done.stdout
    tree = etree.parse(str(tmp_path / "final.tmx"))
    english = [s.xpath("string()") for s in tree.xpath("//tuv[@xml:lang='en-US']/seg")]
    assert FIXED in english and PAIRS[3].en not in english and PAIRS[2].en not in english
    fixed = tree.xpath("//tu[@tuid='3']")[0]
    assert fixed.xpath("prop[@type='x-zhen-decision']/text()") == ["fix"]
    assert "tighter" in fixed.xpath("note/text()")
    kowloon = tree.xpath("//tu[@tuid='4']")[0]
    # the dismissed literal-term flag ("water control in Kowloon") is gone, the shorthand ones stay
    assert kowloon.xpath("prop[@type='x-zhen-flags']/text()") == ["shorthand"]
    assert not any("Kowloon" in n for n in kowloon.xpath("note/text()"))
    assert any("三定" in n for n in kowloon.xpath("note/text()"))  # a flag left open stays

    # the report and the sheet: the dismissed flag and the rejected pair are gone
    assert zhen("export", outdir, "-o", tmp_path / "final.html").returncode == 0
    html = (tmp_path / "final.html").read_text(encoding="utf-8")
    assert "literal-term" not in html and "idiom-literal" not in html and "shorthand" in html and "(reviewed)" in html
    assert zhen("export", outdir, "-o", tmp_path / "final.xlsx").returncode == 0
    wb = load_workbook(tmp_path / "final.xlsx")
    pairs = [dict(zip([c.value for c in wb["Pairs"][1]], (c.value for c in row)))
             for row in wb["Pairs"].iter_rows(min_row=2)]
    assert [p["id"] for p in pairs] == [0, 1, 3, 4, 5]
    assert (pairs[2]["en"], pairs[2]["decision"], pairs[2]["comment"]) == (FIXED, "fix", "tighter")
    checks = [row[4].value for row in wb["Flags"].iter_rows(min_row=2)]
    assert "literal-term" not in checks and "idiom-literal" not in checks and "shorthand" in checks


def test_export_xliff_and_csv_carry_the_flags_left_after_the_review(outdir, tmp_path):
    """As zhen check writes them: XLIFF notes and state-qualifier, the CSV's flag
    columns; a dismissed flag is gone, a flag left open stays, a fixed pair has the
    flags of its re-check."""
    import csv

    ns = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
    checked = etree.parse(str(outdir / "review.xlf"))
    app = _review(outdir)
    app.change(3, None, {"en": FIXED})
    _dismiss(app, 4, "literal-term")
    left = {pid: sorted(f["check"] for f in app.pair(pid)["flags"]
                        if f.get("status") != "dismissed") for pid in (3, 4, 5)}
    app.store.close()
    assert "shorthand" in left[4] and "literal-term" not in left[4]

    assert zhen("export", outdir, "-o", tmp_path / "final.xlf").returncode == 0
    tree = etree.parse(str(tmp_path / "final.xlf"))

    def unit(t, uid):
        return t.xpath(f"//x:trans-unit[@id='{uid}']", namespaces=ns)[0]

    def flag_notes(u):
        return [n for n in u.xpath("x:note[@from='zhen']/text()", namespaces=ns)]

    kowloon, before = unit(tree, "4"), unit(checked, "4")
    assert [n for n in flag_notes(before) if "literal-term" not in n] == flag_notes(kowloon)
    assert any("shorthand" in n for n in flag_notes(kowloon))
    # the qualifier of the worst flag left (shorthand: Accuracy), as zhen check would give it
    assert kowloon.xpath("x:target/@state-qualifier", namespaces=ns) == ["rejected-inaccurate"]
    # an untouched pair is written as zhen check wrote it
    untouched = unit(tree, "5")
    assert etree.tostring(untouched) == etree.tostring(unit(checked, "5"))
    assert len(flag_notes(unit(tree, "3"))) == len(left[3])

    assert zhen("export", outdir, "-o", tmp_path / "final.csv").returncode == 0
    rows = {r["id"]: r for r in csv.DictReader(
        (tmp_path / "final.csv").read_text(encoding="utf-8-sig").splitlines())}
    assert "shorthand" in rows["4"]["flags"] and "literal-term" not in rows["4"]["flags"]
    assert int(rows["4"]["n_flags"]) == len(left[4])
    assert int(rows["3"]["n_flags"]) == len(left[3])


def test_export_format_errors_are_one_line(outdir, tmp_path):
    for args in (("--format", "tmx", "-o", tmp_path / "x.xlsx"),  # extension says otherwise
                 ("--format", "docx", "-o", tmp_path / "x.docx"),  # no such format
                 ("-o", tmp_path / "x.txt"),  # no format, and the extension names none
                 ("-o", outdir / "pairs.tsv")):  # the run's own file
        done = zhen("export", outdir, *args)
        assert done.returncode == 2 and len(done.stderr.splitlines()) == 1, (args, done.stderr)
        assert done.stderr.startswith("zhen: error:")
    assert not (tmp_path / "x.xlsx").exists() and not (tmp_path / "x.txt").exists()


def test_an_unreviewed_folder_exports_as_checked_and_says_so(outdir, tmp_path):
    done = zhen("export", outdir, "-o", tmp_path / "run.xlf", "--tgt-lang", "en-GB")
    assert done.returncode == 0, done.stderr
    assert "no review.sqlite" in done.stderr and "6 pending" in done.stdout
    xliff = (tmp_path / "run.xlf").read_text(encoding="utf-8")
    assert 'target-language="en-GB"' in xliff and xliff.count("idiom-literal") == 1
    assert "literal-term" in xliff


# ---------------------------------------------------------------- learning from dismissals


def test_a_dismissed_flag_is_not_raised_again_for_the_same_text(run_folder, outdir, tmp_path):
    sample = run_folder.parent / "sample.tsv"
    before = [(f["pair_id"], f["check"]) for f in _flags(outdir)]
    assert (2, "idiom-literal") in before and (4, "literal-term") in before
    app = _review(outdir)
    _dismiss(app, 2, "idiom-literal")
    app.store.close()

    # the same output folder: its review.sqlite is read
    done = zhen("check", "--pairs", sample, "-o", outdir)
    assert done.returncode == 0, done.stderr
    assert "1 flag dismissed in review not raised" in done.stdout
    after = [(f["pair_id"], f["check"]) for f in _flags(outdir)]
    assert (2, "idiom-literal") not in after
    assert (4, "literal-term") in after  # the flags of other texts are still raised
    assert after == [f for f in before if f != (2, "idiom-literal")]
    assert (outdir / "review.sqlite").is_file()  # the review is kept for the next run

    # another folder, learning from that review through --review-db
    other = tmp_path / "other"
    done = zhen("check", "--pairs", sample, "-o", other, "--review-db", outdir / "review.sqlite")
    assert done.returncode == 0, done.stderr
    assert "1 flag dismissed in review not raised" in done.stdout
    assert sorted((f["pair_id"], f["check"]) for f in _flags(other)) == sorted(after)


def test_a_bad_review_db_is_a_one_line_error(run_folder, tmp_path):
    sample = run_folder.parent / "sample.tsv"
    not_a_db = tmp_path / "notes.sqlite"
    not_a_db.write_text("these are not the verdicts you are looking for\n")
    for db in (tmp_path / "missing.sqlite", not_a_db):
        done = zhen("check", "--pairs", sample, "-o", tmp_path / "out", "--review-db", db)
        assert done.returncode == 2 and len(done.stderr.splitlines()) == 1, done.stderr
        assert str(db.name) in done.stderr
    assert not (tmp_path / "out").exists()
