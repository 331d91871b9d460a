"""``zhen batch``: discovery, one folder per input, summary rows, error rows,
resumption and the Dask engine, on small pair tables cut from real corpus text.

The runs happen in this process with ``--jobs 1`` (the embedder is loaded
once per process and reused), except the Dask comparison, which starts a
loopback ``LocalCluster``.
"""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest
from zhen_run import zhen_run

from qa.batch import BatchRow
from qa.batch_inputs import discover, slug_for
from qa.cli import main

ROOT = Path(__file__).resolve().parent.parent
LABELLED = ROOT / "corpora" / "qa-labelled"


def _lines(name: str) -> list[str]:
    return (LABELLED / name).read_text(encoding="utf-8").splitlines()


def _pairs_tsv(path: Path, start: int, stop: int, en: str = "en.txt") -> Path:
    zh, english = _lines("zh.txt"), _lines(en)
    path.parent.mkdir(parents=True, exist_ok=True)
    rows = "".join(f"{z}\t{e}\n" for z, e in zip(zh[start:stop], english[start:stop]))
    path.write_text("zh\ten\n" + rows, encoding="utf-8")
    return path


def zhen(*args, capsys) -> tuple[int, str, str]:
    """Run the CLI in-process; (exit status, stdout, stderr)."""
    with pytest.raises(SystemExit) as exc:
        main([str(a) for a in args])
    out = capsys.readouterr()
    return exc.value.code, out.out, out.err


def _rows(outdir: Path) -> dict[str, dict]:
    with open(outdir / "summary.csv", encoding="utf-8", newline="") as fh:
        return {r["input"]: r for r in csv.DictReader(fh)}


# ---------------------------------------------------------------- discovery (no model)

def test_discover_file_pairs_folders_globs_and_memories(tmp_path):
    docs = tmp_path / "docs"
    (docs / "deep").mkdir(parents=True)
    (docs / "report.zh.txt").write_text("中文", encoding="utf-8")
    (docs / "report.en.txt").write_text("English", encoding="utf-8")
    (docs / "deep" / "memory.tmx").write_text("<tmx/>", encoding="utf-8")
    (docs / "bilingual.txt").write_text("中文\nEnglish", encoding="utf-8")
    (docs / "picture.png").write_bytes(b"\x89PNG")
    (docs / ".hidden.tsv").write_text("zh\ten\n", encoding="utf-8")
    other = tmp_path / "more"
    other.mkdir()
    (other / "x.tsv").write_text("zh\ten\n", encoding="utf-8")
    (other / "y.tsv").write_text("zh\ten\n", encoding="utf-8")

    items = discover([str(docs), str(other / "*.tsv")], tmp_path / "out")
    got = [(i.kind, i.label, i.slug) for i in items]
    assert got == [
        ("bilingual", "docs/bilingual.txt", "docs__bilingual.txt"),
        ("pairs", "docs/deep/memory.tmx", "docs__deep__memory.tmx"),
        ("unsupported", "docs/picture.png", "docs__picture.png"),
        ("file-pair", "docs/report.zh.txt + docs/report.en.txt", "docs__report.zh.txt"),
        ("pairs", "x.tsv", "x.tsv"),
        ("pairs", "y.tsv", "y.tsv"),
    ]
    pair = items[3]
    assert pair.paths == (docs / "report.zh.txt", docs / "report.en.txt")
    # the same run twice: the same items; a file named twice is one item
    assert discover([str(docs), str(other / "*.tsv"), str(other / "x.tsv")], tmp_path / "out") == items


def test_discover_takes_every_pairs_extension_the_format_registry_reads(tmp_path):
    """A folder's memories are what align.formats reads pairs from (not a second list):
    a .sdlxliff or a .tab is checked as pairs, a .txt is a document, a .pdf is listed."""
    from align.formats import EXTENSIONS, PAIRS_EXTENSIONS

    for name in ("a.sdlxliff", "b.tab", "c.txt", "d.pdf"):
        (tmp_path / name).write_text("zh\ten\n", encoding="utf-8")
    kinds = {i.label.split("/")[-1]: i.kind for i in discover([str(tmp_path)])}
    assert kinds == {"a.sdlxliff": "pairs", "b.tab": "pairs", "c.txt": "bilingual",
                     "d.pdf": "unsupported"}
    assert set(PAIRS_EXTENSIONS) == set(EXTENSIONS) - {"", ".txt"}


def test_discover_leaves_out_the_output_folder_and_rejects_missing_inputs(tmp_path):
    from align.errors import InputError

    (tmp_path / "a.tsv").write_text("zh\ten\n", encoding="utf-8")
    out = tmp_path / "out" / "a.tsv"
    out.mkdir(parents=True)
    (out / "pairs.tsv").write_text("zh\ten\n", encoding="utf-8")
    assert [i.label for i in discover([str(tmp_path)], tmp_path / "out")] == [f"{tmp_path.name}/a.tsv"]
    with pytest.raises(InputError, match="no such file"):
        discover([str(tmp_path / "missing")])
    with pytest.raises(InputError, match="matches no file"):
        discover([str(tmp_path / "*.xlf")])


def test_slugs_are_readable_stable_and_never_shared(tmp_path):
    assert slug_for("docs/a.tsv") == "docs__a.tsv"
    assert slug_for("docs/a.tsv") == slug_for("docs/a.tsv")
    names = {slug_for(x) for x in ("a/b.tsv", "a__b.tsv", "a b.tsv", "a_b.tsv", "../a.tsv", "報告.tsv")}
    assert len(names) == 6
    assert all("/" not in n and not n.startswith(".") for n in names)
    # the same file name under two folders named as files: two folders
    for d in ("p", "q"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "m.tsv").write_text("zh\ten\n", encoding="utf-8")
    items = discover([str(tmp_path / "p" / "m.tsv"), str(tmp_path / "q" / "m.tsv")])
    assert len({i.slug for i in items}) == 2
    # a memory called summary.csv cannot take the place of the batch summary
    (tmp_path / "summary.csv").write_text("zh,en\n", encoding="utf-8")
    assert discover([str(tmp_path / "summary.csv")])[0].slug != "summary.csv"


# ---------------------------------------------------------------- batch runs (USE-m3)

@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> Path:
    """Two pair tables (with injected errors), one small file pair, two bad inputs."""
    root = tmp_path_factory.mktemp("batch") / "in"
    _pairs_tsv(root / "memories" / "part1.tsv", 3, 11)
    _pairs_tsv(root / "memories" / "part2.tsv", 11, 19)
    zh, en = _lines("zh.txt"), _lines("en.clean.txt")
    (root / "article.zh.txt").write_text("\n".join(zh[19:25]) + "\n", encoding="utf-8")
    (root / "article.en.txt").write_text("\n".join(en[19:25]) + "\n", encoding="utf-8")
    (root / "broken.tmx").write_text('<tmx version="1.4"><body><tu><tuv xml:lang="zh">', encoding="utf-8")
    (root / "english-only.txt").write_text("Only English here.\nNothing to check against.\n",
                                           encoding="utf-8")
    refs = root.parent / "refs"
    refs.mkdir()
    (refs / "part1.tsv").write_text("\n".join(_lines("en.clean.txt")[3:11]) + "\n", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def first_run(inputs, tmp_path_factory):
    out = tmp_path_factory.mktemp("out") / "batch"
    code, stdout, stderr = zhen_run("batch", inputs, "-o", out, "--jobs", "1",
                                    "--ref-dir", inputs.parent / "refs")
    return code, stdout, stderr, out


def test_one_folder_per_input_and_one_summary_line(first_run):
    code, stdout, stderr, out = first_run
    assert code == 0, stderr
    assert stderr == ""  # no progress bar when stderr is not a terminal
    assert stdout.count("\n") == 1 and "5 inputs (3 ok, 0 skipped, 2 error)" in stdout
    folders = sorted(p.name for p in out.iterdir() if p.is_dir())
    # a bad input leaves no folder behind: nothing was written for it
    assert folders == ["in__article.zh.txt", "in__memories__part1.tsv", "in__memories__part2.tsv"]
    for name in ("in__article.zh.txt", "in__memories__part1.tsv"):
        for f in ("aligned.tmx", "flags.jsonl", "pairs.tsv", "report.html", ".zhen-run.json"):
            assert (out / name / f).is_file(), (name, f)


def test_summary_rows_columns_and_scores_match_zhen_score(first_run):
    from qa.scoring_cli import score_runs

    _, _, _, out = first_run
    with open(out / "summary.csv", encoding="utf-8", newline="") as fh:
        assert next(csv.reader(fh)) == BatchRow.columns()
    rows = _rows(out)
    assert list(rows) == ["in/article.zh.txt + in/article.en.txt", "in/broken.tmx",
                          "in/english-only.txt", "in/memories/part1.tsv", "in/memories/part2.tsv"]
    part1 = rows["in/memories/part1.tsv"]
    assert part1["status"] == "ok" and part1["kind"] == "pairs" and part1["pairs"] == "8"
    assert int(part1["flags"]) == sum(int(part1[s]) for s in ("minor", "major", "critical")) > 0
    assert part1["mqm_signature"].startswith("mqm|minor:1|major:5|critical:25")
    # the same score `zhen score` computes from the folder's pairs.tsv and flags.jsonl
    scored = json.loads(score_runs([out / part1["output"]], None, as_json=True))
    (doc,) = scored["documents"].values()
    assert float(part1["mqm"]) == pytest.approx(doc["score"], abs=0.01)
    article = rows["in/article.zh.txt + in/article.en.txt"]
    assert article["kind"] == "file-pair" and article["status"] == "ok"
    assert 0 < float(article["confidence"]) <= 1
    assert 0 <= float(article["qe"]) <= 100 and 0 <= float(part1["qe"]) <= 100
    # BLEU/chrF only where a reference exists (part1: the clean translation of the same lines)
    assert 0 < float(part1["bleu"]) < 100 and 0 < float(part1["chrf"]) < 100
    assert rows["in/memories/part2.tsv"]["bleu"] == ""
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert [r["input"] for r in summary["rows"]] == list(rows)
    assert summary["batch"]["status"] == {"ok": 3, "error": 2}


def test_bad_inputs_are_error_rows_not_a_failed_batch(first_run):
    _, _, _, out = first_run
    rows = _rows(out)
    assert rows["in/broken.tmx"]["status"] == "error"
    assert "not valid XML" in rows["in/broken.tmx"]["error"]
    assert rows["in/english-only.txt"]["status"] == "error"
    assert rows["in/english-only.txt"]["error"]
    assert rows["in/broken.tmx"]["mqm"] == ""


def test_html_summary_is_escaped_with_histogram_and_worst_first(first_run):
    _, _, _, out = first_run
    page = (out / "summary.html").read_text(encoding="utf-8")
    assert "<svg" in page and "<script" not in page and "http" not in page.replace(
        'xmlns="http://www.w3.org/2000/svg"', "")
    rows = _rows(out)
    scored = sorted((float(r["mqm"]), r["input"]) for r in rows.values() if r["mqm"])
    body = page[page.index("<tbody>"):]
    positions = [body.index(f">{name}<") for _, name in scored]
    assert positions == sorted(positions)  # ascending MQM: worst first
    assert body.index("in/broken.tmx") < positions[0]  # errors before everything


def test_second_run_skips_changed_input_reruns_force_reruns(tmp_path, capsys):
    src = tmp_path / "tm"
    _pairs_tsv(src / "one.tsv", 40, 46)
    _pairs_tsv(src / "two.tsv", 46, 52)
    out = tmp_path / "batch"

    def run(*extra) -> dict[str, dict]:
        code, _stdout, stderr = zhen("batch", src, "-o", out, "-j", "1", *extra, capsys=capsys)
        assert code == 0, stderr
        return _rows(out)

    first = run()
    assert [r["status"] for r in first.values()] == ["ok", "ok"]
    second = run()
    assert [r["status"] for r in second.values()] == ["skipped", "skipped"]
    for name, row in first.items():  # a skipped row carries the scores of the run that made it
        assert {k: v for k, v in second[name].items() if k != "status"} == \
            {k: v for k, v in row.items() if k != "status"}
    _pairs_tsv(src / "two.tsv", 46, 53)  # one more pair: changed content
    third = run()
    assert third["tm/one.tsv"]["status"] == "skipped"
    assert third["tm/two.tsv"]["status"] == "ok" and third["tm/two.tsv"]["pairs"] == "7"
    # an output file edited since: the folder is no longer complete, so it runs again
    (out / "tm__one.tsv" / "pairs.tsv").write_text("zh\ten\n", encoding="utf-8")
    assert run("--force")["tm/one.tsv"]["status"] == "ok"
    assert [r["status"] for r in run("--force").values()] == ["ok", "ok"]
    assert [r["status"] for r in run("--formats", "tsv,jsonl").values()] == ["ok", "ok"]


def test_fail_on_exits_3(first_run, inputs, tmp_path, capsys):
    _, _, _, first_out = first_run
    out = tmp_path / "batch"
    shutil.copytree(first_out, out)  # every input complete: skipped, decided from stored rows
    code, _, stderr = zhen("batch", inputs, "-o", out, "-j", "1", "--fail-on", "major",
                           "--ref-dir", inputs.parent / "refs", capsys=capsys)
    assert code == 3 and "--fail-on major" in stderr


def test_dask_engine_gives_the_local_scores(first_run, inputs, tmp_path, capsys):
    pytest.importorskip("distributed", reason="the Dask engine needs zhen[dask] (distributed)")
    _, _, _, local_out = first_run
    out = tmp_path / "dask"
    code, _stdout, stderr = zhen("batch", inputs, "-o", out, "--engine", "dask", "-j", "1",
                                "--ref-dir", inputs.parent / "refs", capsys=capsys)
    assert code == 0, stderr
    assert _rows(out) == _rows(local_out)
