"""What the worker processes' fork server loads once, so that every worker forked from it
starts with it loaded (:func:`qa.process_setup.worker_pool`).

Why: a spawned worker starts a new interpreter and, before its first pair, imports zhen and
loads the USE-m3 weights, CC-CEDICT and the tables derived from it, jieba's dictionaries
(the tagger's alone ~0.5 s) and the check tables: about 4 CPU seconds a worker, every run.
On the 2-core machine a ``--jobs 2`` run of 20,000 pairs spends ~130 CPU seconds, so one
worker's start is 3 % of it.  A fork server is a fresh interpreter too (not a fork of the
command's process, which may hold threads and open files), but it loads all this once and
then forks each worker from itself: the workers share its pages and skip the start.

The warm-up runs the default checks, without a model, on one pair of ordinary policy
prose, which loads what those checks read whatever the text; tables a check loads only for
a rare cue are still loaded by the worker that meets one.  It changes no result: the
tables are pure functions of the installed packages, and every cache a check keeps serves
only what it would compute anyway.  The model's weights are loaded too (the default
backend's; a worker for another model loads its own).

Imported only by the fork server (``multiprocessing``'s ``set_forkserver_preload``), never by
zhen itself: importing it is the warm-up.
"""

from __future__ import annotations

import logging

log = logging.getLogger(__name__)

#: pairs of policy prose, right and wrong, with cues of most checks (numbers, negations, a
#: comparison, modals, time words, bodies right and misnamed, set phrases, literal
#: renderings, a misspelling): the warm-up's input.  ``tests/test_process_setup.py`` holds
#: that after it, checking a real document loads no further table.
SAMPLE_PAIRS = (
    (
        ("2023年上半年，财政部会同有关部门印发通知，要求各地不得擅自提高收费标准，全年新增就业人数比上年增长5%，龙头企业要发挥带头作用，循序渐进推进改革。"),
        ("In the first half of 2023, the Ministry of Finance and relevant departments "
         "issued a notice requiring localities not to raise fees without "
         "authorisation; new jobs for the year rose 5% over the previous year, "
         "leading enterprises should play a pioneering role, and reform should "
         "proceed step by step."),
    ),
    (
        ("商务部、国家市场监督管理总局和省教育厅联合印发通知，严禁各地截留补助资金，由市政府牵头、各区县配合，三个月内完成整改。"),
        ("The Ministry of Business, the State Administration for Market Regulation "
         "and the provincial education bureau jointly issued a notice strictly "
         "allowing localities to retain subsidy funds, led by the districts and "
         "counties with the support of the city goverment, with rectification to be "
         "completed within three months."),
    ),
    (
        ("龙头企业要做强拳头产品，补齐软肋短板，不能搞一刀切，去年四季度出口同比下降3.2个百分点。"),
        ("Dragon head enterprises should strengthen their fist products and fix their "
         "soft ribs, and a one-size-fits-all approach can be adopted; exports rose "
         "3.2 percentage points year on year in the first quarter of last year."),
    ),
)


def warm_up() -> None:
    """Load the model's weights and the default checks' tables into this process."""
    from align.model import Pair
    from qa.checks import all_checks
    from qa.pipeline import check_locally, split_checks
    from qa.profile import Profile

    try:
        from align.backends.usem3 import _load_network

        _load_network()
    except Exception as exc:  # noqa: BLE001 - a worker without the weights reports it itself
        log.debug("warm-up: model not loaded: %s", exc)
    checks, profile = all_checks(), Profile()
    local, _ = split_checks(checks, profile)
    pairs = [Pair(id=i, zh=zh, en=en) for i, (zh, en) in enumerate(SAMPLE_PAIRS)]
    check_locally(pairs, local, profile, {})
    _load_rare_tables()


def _load_rare_tables() -> None:
    """The tables the sample pairs leave unloaded: built only for a rarer path (an unknown
    run of characters for jieba's tagger, an English body whose head differs from the
    table's, a word the spelling list lacks) that real documents take within their first
    few hundred pairs (the test named in SAMPLE_PAIRS' comment finds any left)."""
    from align.zh_words import _pos_model
    from qa.admin_levels import level_units
    from qa.checks import institutions, polarity
    from qa.english_lexicon import lexicon, spellchecker

    lookup = institutions._lookup(None)
    lookup.heads()
    lookup.fields()
    level_units()
    _pos_model()
    polarity._headwords_by_first()
    polarity._polarity_lemmas()
    lexicon()
    spellchecker()


try:
    warm_up()
except Exception as exc:  # noqa: BLE001 - a failed warm-up only costs the workers their start
    log.debug("warm-up failed: %s", exc)
