"""`zhen review OUTDIR`: the review app's API, its storage and its alignment edits.

The run folder is a real `zhen check --pairs` run over the 学习时报 sample pairs
(tests/data/export/pairs.json) plus one pair whose English carries hostile
markup; the server is started as a user starts it, in its own process.
"""

from __future__ import annotations

import shutil
import socket
from dataclasses import replace
from pathlib import Path

import pytest
from lxml import etree
from review_server import ReviewProcess, zhen
from sample_pairs import load_sample

from align.errors import InputError
from align.model import Pair
from qa.review_app.beads import ReviewPair, Sentence, split_sentences
from qa.review_app.edits import EditError, fix_english, merge, move, split

PAIRS, _ = load_sample()
HOSTILE = 'Data is an asset. <script>window.pwned = 1</script><img src=x onerror="window.pwned = 2">'
TWO_SENTENCES = 4  # the sample pair with two English sentences


@pytest.fixture(scope="module")
def run_folder(tmp_path_factory) -> Path:
    """One `zhen check --pairs` run for the module (it embeds with the bundled model)."""
    from qa.export.tsv import write_pairs_tsv

    base = tmp_path_factory.mktemp("review-run")
    pairs = list(PAIRS) + [Pair(id=len(PAIRS), zh="数据是资产。", en=HOSTILE, zh_ids=(91,),
                                en_ids=(80,))]
    write_pairs_tsv(pairs, base / "sample.tsv")
    out = base / "out"
    done = zhen("check", "--pairs", base / "sample.tsv", "-o", out, "-q")
    assert done.returncode == 0, done.stderr
    return out


@pytest.fixture(scope="module")
def shared_outdir(run_folder, tmp_path_factory) -> Path:
    copy = tmp_path_factory.mktemp("shared") / "run"
    shutil.copytree(run_folder, copy)
    return copy


@pytest.fixture(scope="module")
def server(shared_outdir):
    """One server for the tests that each touch their own pairs (starting one takes seconds)."""
    srv = ReviewProcess(shared_outdir, shared_outdir.parent / "server.log")
    yield srv
    srv.stop()


def _pair(srv: ReviewProcess, pid: int) -> dict:
    status, body, _ = srv.call("GET", f"/api/pairs/{pid}")
    assert status == 200, body
    return body


# ---------------------------------------------------------------- security


def test_every_endpoint_needs_the_token(server):
    _, before, _ = server.call("GET", "/api/pairs")
    for method, path, body in (("GET", "/", None), ("GET", "/static/app.js", None),
                               ("GET", "/api/pairs", None), ("GET", "/api/pairs/0", None),
                               ("POST", "/api/pairs/0", {"decision": "accept"}),
                               ("POST", "/api/flags/1", {"status": "dismissed"}),
                               ("POST", "/api/export", {"format": "tmx"})):
        status, answer, headers = server.call(method, path, body, token=None)
        assert status == 401, (method, path, answer)
        assert "default-src 'none'" in headers["Content-Security-Policy"]
        status, _, _ = server.call(method, path, body, token="not-the-token")
        assert status == 403, (method, path)
    assert server.call("GET", "/api/pairs")[1] == before  # none of the refused posts did anything
    status, _, _ = server.call("GET", f"/api/pairs?token={server.token}", token=None)
    assert status == 200
    status, _, _ = server.call("GET", "/api/pairs", headers={"Host": "attacker.example:80"})
    assert status == 403  # DNS rebinding: the token alone is not enough


def test_get_changes_nothing_and_post_takes_json_only(server):
    _, before, _ = server.call("GET", "/api/pairs")
    server.call("GET", "/api/pairs/0?decision=reject&en=x")
    status, _, _ = server.call("POST", "/api/pairs/0", {"decision": "reject"},
                               headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 415
    _, after, _ = server.call("GET", "/api/pairs")
    assert after == before


def test_page_and_api_answers_hold_the_hostile_text_only_as_data(server):
    status, page, headers = server.call("GET", f"/?token={server.token}", token=None)
    assert status == 200 and "pwned" not in page["_text"]  # the page carries no document text
    csp = headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    _, state, headers = server.call("GET", "/api/pairs")
    assert headers["Content-Type"].startswith("application/json")
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert any(p["en"] == HOSTILE for p in state["pairs"])


# ---------------------------------------------------------------- decisions and tabs


def test_stale_save_gets_409_with_the_current_pair_then_the_later_save_wins(server):
    seen = _pair(server, 1)  # both tabs load version 1
    first = server.call("POST", "/api/pairs/1", {"en": "Build and improve the data foundation.",
                                                  "version": seen["version"]})
    assert first[0] == 200
    status, answer, _ = server.call("POST", "/api/pairs/1", {
        "en": "Build the basic data system.", "version": seen["version"]})
    assert status == 409
    assert answer["pair"]["en"] == "Build and improve the data foundation."
    assert answer["pair"]["decision"] == "fix" and answer["pair"]["version"] == seen["version"] + 1
    # the other tab saw the conflict and saves again from the current version: it wins
    status, answer, _ = server.call("POST", "/api/pairs/1", {
        "en": "Build the basic data system.", "version": answer["pair"]["version"]})
    assert status == 200
    assert _pair(server, 1)["en"] == "Build the basic data system."
    # and the first tab, polling, is told
    _, changed, _ = server.call("GET", f"/api/pairs?since={first[1]['seq']}")
    assert [p["id"] for p in changed["pairs"]] == [1]


def test_bad_requests_are_one_line_errors(server):
    _, before, _ = server.call("GET", "/api/pairs")
    cases = [({"decision": "maybe"}, 400), ({"decision": "accept", "en": "Changed."}, 400),
             ({"en": "", "decision": "fix"}, 400), ({"version": "one"}, 400)]
    for body, status in cases:
        got, answer, _ = server.call("POST", "/api/pairs/2", body)
        assert got == status and "\n" not in answer["error"], (body, answer)
    assert server.call("POST", "/api/pairs/999", {"decision": "accept"})[0] == 404
    last = len(PAIRS)
    assert server.call("POST", f"/api/pairs/{last}/merge", {})[0] == 400  # no next pair
    assert server.call("GET", "/api/pairs")[1] == before


# ---------------------------------------------------------------- storage


def test_killed_server_loses_nothing_and_resumes(outdir, tmp_path):
    srv = ReviewProcess(outdir, tmp_path / "first.log")
    try:
        assert srv.call("POST", "/api/pairs/0", {"decision": "accept", "comment": "good"})[0] == 200
        assert srv.call("POST", "/api/pairs/3", {"en": "We will deepen the market allocation of "
                                                       "data factors."})[0] == 200
        assert srv.call("POST", "/api/pairs/2", {"decision": "reject"})[0] == 200
        flag = next(f for f in _pair(srv, 4)["flags"] if f["check"] == "literal-term")
        assert srv.call("POST", f"/api/flags/{flag['id']}", {"status": "dismissed"})[0] == 200
        status, merged, _ = srv.call("POST", "/api/pairs/0/merge", {})
        assert status == 200 and 1 not in merged["order"]
        _, before, _ = srv.call("GET", "/api/pairs")
    finally:
        srv.kill()
    again = ReviewProcess(outdir, tmp_path / "second.log")
    try:
        assert again.token != srv.token
        assert again.call("GET", "/api/pairs", token=srv.token)[0] == 403  # one-time token
        _, after, _ = again.call("GET", "/api/pairs")
        assert after["pairs"] == before["pairs"] and after["order"] == before["order"]
        by_id = {p["id"]: p for p in after["pairs"]}
        assert by_id[0]["comment"] == "good" and by_id[2]["decision"] == "reject"
        assert by_id[3]["decision"] == "fix"
        assert next(f for f in by_id[4]["flags"] if f["id"] == flag["id"])["status"] == "dismissed"
    finally:
        again.stop()


def test_export_applies_fixes_rejects_and_comments(server, shared_outdir, tmp_path):
    outdir = shared_outdir
    fixed = "We will deepen the market allocation of data factors."
    server.call("POST", "/api/pairs/3", {"en": fixed, "comment": "tighter"})
    server.call("POST", "/api/pairs/2", {"decision": "reject"})
    status, answer, _ = server.call("POST", "/api/export", {"format": "tmx"})
    assert status == 200 and answer["file"] == "reviewed.tmx"
    assert "1 rejected" in answer["summary"]
    status, _, headers = server.call("GET", answer["download"])
    assert status == 200 and "attachment" in headers["Content-Disposition"]
    assert server.call("GET", "/api/export/aligned.tmx")[0] == 404  # only what the app wrote
    # the same export from the command line, without the server
    done = zhen("review", outdir, "-o", tmp_path / "final.tmx")
    assert done.returncode == 0, done.stderr
    for path in (outdir / "reviewed.tmx", tmp_path / "final.tmx"):
        tree = etree.parse(str(path))
        english = [s.xpath("string()") for s in tree.xpath("//tuv[@xml:lang='en-US']/seg")]
        assert fixed in english and PAIRS[2].en not in english
        assert "tighter" in tree.xpath("//note/text()")


def test_a_review_of_an_earlier_run_is_not_mixed_with_a_new_one(outdir):
    from qa.review_app.store import ReviewStore

    ReviewStore.open(outdir).close()
    with open(outdir / "flags.jsonl", "a", encoding="utf-8") as fh:
        fh.write("\n")  # zhen check ran again: other files
    with pytest.raises(InputError, match="earlier zhen check run"):
        ReviewStore.open(outdir)
    ReviewStore.open(outdir, check_run=False).close()  # exporting it is still allowed


def test_a_port_in_use_is_a_one_line_error(outdir):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        done = zhen("review", outdir, "--no-browser", "--port", taken.getsockname()[1])
    assert done.returncode == 2 and done.stdout == ""
    assert "cannot listen on 127.0.0.1" in done.stderr and len(done.stderr.splitlines()) == 1


def test_a_folder_that_is_no_run_is_refused(tmp_path):
    done = zhen("review", tmp_path, "--no-browser")
    assert done.returncode == 2 and "not a `zhen check` output folder" in done.stderr


# ---------------------------------------------------------------- alignment edits and rechecks


def test_edits_recheck_the_changed_pairs_and_keep_verdicts(outdir):
    from qa.checks import all_checks
    from qa.profile import load_profile
    from qa.review_app.api import ReviewApp
    from qa.review_app.recheck import Rechecker
    from qa.review_app.store import ReviewStore

    checks = all_checks()
    app = ReviewApp(ReviewStore.open(outdir), Rechecker(checks, load_profile(None, checks)),
                    outdir)
    kowloon = app.pair(4)
    idiom = next(f for f in kowloon["flags"] if f["check"] == "literal-term")
    app.set_flag(idiom["id"], {"status": "dismissed"})
    # a doubled word typed into another pair: the repetition check finds it at once
    state = app.change(3, None, {"en": "We will will deepen market-oriented allocation."})
    pair3 = next(p for p in state["pairs"] if p["id"] == 3)
    assert any(f["check"] == "repetition" and f["en_spans"] for f in pair3["flags"])
    assert pair3["qe"] is None and pair3["decision"] == "fix"
    # the untouched pair keeps its flag and its verdict
    assert next(f for f in app.pair(4)["flags"] if f["id"] == idiom["id"])["status"] == "dismissed"
    # split the two-sentence pair, then merge it back: its own flag returns, still dismissed
    app.change(4, "split", {"zh_at": 1, "en_at": 1})
    new = app.state()["order"][app.state()["order"].index(4) + 1]
    assert app.pair(new)["en_sentences"] == [split_sentences(PAIRS[4].en, (), "en")[1].text]
    app.change(4, "merge", {})
    again = next(f for f in app.pair(4)["flags"] if f["check"] == "literal-term")
    assert again["status"] == "dismissed" and app.pair(4)["en"] == PAIRS[4].en
    app.store.close()


def test_a_recheck_waits_for_the_one_running(outdir):
    """The server warms the checks on a thread while it answers edits on others: a recheck
    never runs beside another (the checks' caches were written for one caller)."""
    import threading

    from qa.checks import all_checks
    from qa.profile import load_profile
    from qa.review_app.recheck import Rechecker
    from qa.review_app.store import ReviewStore

    checks = all_checks()
    rechecker = Rechecker(checks, load_profile(None, checks))
    store = ReviewStore.open(outdir)
    try:
        beads = store.beads()
        done = threading.Event()

        def edit() -> None:
            rechecker.flags_after(beads, {beads[0].id}, [])
            done.set()

        with rechecker.lock:  # as if the warm-up were running
            worker = threading.Thread(target=edit)
            worker.start()
            assert not done.wait(0.5)  # the edit's recheck waits
        worker.join(60)
        assert done.is_set()
    finally:
        store.close()


def _bead(pid: int, zh: list[str], en: list[str]) -> ReviewPair:
    return ReviewPair(id=pid, zh=tuple(Sentence(t, (pid * 10 + i,)) for i, t in enumerate(zh)),
                      en=tuple(Sentence(t, (pid * 10 + i,)) for i, t in enumerate(en)),
                      score=0.9, qe=70.0, decision="accept")


def test_merge_split_move_keep_every_sentence_in_order():
    a = _bead(1, ["明确数据要素权责利。"], ["Clarify the rights.", "Define the benefits."])
    b = _bead(2, ["无规矩不成方圆。"], ["No rules, no square."])
    merged = merge(a, b)
    assert merged.en_text == "Clarify the rights. Define the benefits. No rules, no square."
    assert merged.zh_ids == (10, 20) and merged.decision == "pending" and merged.qe is None
    first, second = split(a, 1, 1, new_id=7)
    assert (first.en_text, second.en_text, second.zh_text) == (
        "Clarify the rights.", "Define the benefits.", "")
    moved, grown = move(a, b, "en", "next")
    assert moved.en_text == "Clarify the rights."
    assert grown.en_text == "Define the benefits. No rules, no square."
    back, _ = move(b, a, "zh", "prev")
    assert back.zh == ()
    with pytest.raises(EditError):
        split(a, 0, 0, new_id=7)
    with pytest.raises(EditError):
        merge(a, replace(b, en_codes=(object(),)))  # a CAT tag would land in the wrong place
    assert [s.ids for s in fix_english(a, "Clarify rights. Define benefits.")] == [(10,), (11,)]


def test_sentences_come_back_with_their_segment_ids():
    two = PAIRS[TWO_SENTENCES]
    sentences = split_sentences(two.en, two.en_ids, "en")
    assert [s.ids for s in sentences] == [(64,), (65,)]
    assert " ".join(s.text for s in sentences) == two.en
    # ids that cannot be told apart again stay on the side as one unit
    assert split_sentences(two.en, (1, 2, 3), "en") == (Sentence(two.en, (1, 2, 3)),)
