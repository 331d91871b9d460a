"""The check contract: flags stamped from the registry, options declared and validated."""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

import pytest

import qa.checks
from align.errors import InputError
from align.model import Pair
from qa.checks import all_checks
from qa.model import Context
from qa.options import NoOptions, OptionError, parse_options
from qa.profile import load_profile

# a real pair from the 学习时报 document with one figure changed (34 for 43)
PAIR = Pair(
    id=3,
    zh="2021年我国产业数字化在农业、工业和服务业中的渗透率分别为10%、22%、43%。",
    en="In 2021, the penetration rate of industrial digitalization in agriculture, industry "
       "and services was 10%, 22% and 34% respectively.",
)


def _check(check_id: str):
    return next(c for c in all_checks() if c.id == check_id)


def test_every_check_declares_frozen_options_with_defaults():
    for check in all_checks():
        assert dataclasses.is_dataclass(check.options), check.id
        check.options()  # every option has a default
        assert check.options.__dataclass_params__.frozen, check.id


def test_flag_stamps_id_category_and_severity():
    numbers = _check("numbers")
    flag = numbers.flag(PAIR, "Number differs", zh_spans=[(38, 41)], en_spans=[(101, 104)])
    assert (flag.check, flag.category, flag.severity) == ("numbers", "Locale/Number", "major")
    assert (flag.pair_id, flag.zh, flag.en) == (3, PAIR.zh, PAIR.en)
    assert flag.zh_spans == ((38, 41),) and flag.en_spans == ((101, 104),)
    assert numbers.flag(PAIR, "x", severity="minor").severity == "minor"
    with pytest.raises(ValueError):
        numbers.flag(PAIR, "x", severity="serious")


def direct_flag_calls(source: str) -> list[int]:
    """Lines where ``source`` calls ``Flag(...)`` (or ``model.Flag(...)``) itself."""
    return [node.lineno for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Call)
            and ((isinstance(node.func, ast.Name) and node.func.id == "Flag")
                 or (isinstance(node.func, ast.Attribute) and node.func.attr == "Flag"))]


def test_direct_flag_scan_finds_both_spellings():
    source = "from qa import model\nx = Flag(check='a')\ny = model.Flag(check='b')\nz = CHECK.flag(p, 'm')\n"
    assert direct_flag_calls(source) == [2, 3]


def test_checks_make_flags_only_through_check_flag():
    """Check.flag stamps id, category and default severity from the registration;
    a module that builds Flag(...) itself retypes them, and they drift."""
    folder = Path(qa.checks.__file__).parent
    offenders = {path.name: lines for path in sorted(folder.glob("*.py"))
                 if (lines := direct_flag_calls(path.read_text(encoding="utf-8")))}
    assert offenders == {}, f"build flags with CHECK.flag(pair, message, ...), not Flag(...): {offenders}"


def test_every_registered_flag_matches_its_check():
    """A check's flags carry its id and a known severity (categories may be refined)."""
    ctx = Context(pairs=[PAIR])
    for check in all_checks():
        for flag in check.run_all(ctx):
            assert flag.check == check.id
            assert flag.severity in ("minor", "major", "critical")


def test_options_parse_and_validate():
    numbers = _check("numbers")
    opts = parse_options(numbers.options, {"flag_extra": False, "min-missing": "strong"}, "numbers")
    assert (opts.flag_extra, opts.min_missing, opts.min_extra) == (False, "strong", "medium")
    with pytest.raises(OptionError, match="has no option 'flag_extar'.*valid: flag_extra"):
        parse_options(numbers.options, {"flag_extar": False}, "numbers")
    with pytest.raises(OptionError, match="min_missing.*'weak' or 'medium' or 'strong'"):
        parse_options(numbers.options, {"min_missing": "huge"}, "numbers")
    low = _check("low-confidence")
    assert parse_options(low.options, {"threshold": 1}, "low-confidence").threshold == 1.0
    with pytest.raises(OptionError, match="must be a number"):
        parse_options(low.options, {"threshold": "0.4"}, "low-confidence")
    with pytest.raises(OptionError, match="has no option"):
        parse_options(NoOptions, {"anything": 1}, "spelling")


def test_context_options_drive_the_check():
    numbers = _check("numbers")
    extra = Pair(id=0, zh="我们召开了会议。", en="We held 12 meetings.")
    assert numbers.run_all(Context(pairs=[extra]))
    assert not numbers.run_all(Context(pairs=[extra], options={"numbers": {"flag_extra": False}}))


@pytest.mark.parametrize("body, needles", [
    ("[checks.low-confidence]\nthreshhold = 0.9\n", ("low-confidence", "threshhold", "threshold")),
    ("[checks.low-confidence]\nthreshold = 'high'\n", ("low-confidence", "threshold", "number")),
    ("[checks.numbers]\nenabled = 'no'\n", ("numbers", "enabled")),
])
def test_profile_with_a_bad_option_is_a_clear_error(tmp_path, body, needles):
    prof = tmp_path / "zhen.toml"
    prof.write_text(body, encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_profile(prof, all_checks())
    message = str(err.value)
    assert "\n" not in message
    for needle in needles:
        assert needle in message


def test_profile_options_reach_the_context(tmp_path):
    prof = tmp_path / "zhen.toml"
    prof.write_text("[checks.low-confidence]\nthreshold = 0.9\n", encoding="utf-8")
    profile = load_profile(prof, all_checks())
    ctx = Context(pairs=[], options=dict(profile.options))
    assert ctx.options_of(_check("low-confidence")).threshold == 0.9
    assert ctx.options_of(_check("numbers")).min_missing == "medium"


def test_a_superseding_flag_replaces_the_other_checks_flag_on_the_same_span():
    from qa.pipeline import drop_superseded

    term, idiom = _check("literal-term"), _check("idiom-literal")
    assert "idiom-literal" in term.supersedes
    pair = Pair(id=7, zh="抓住数字化转型这个牛鼻子和抓手。", en="Grab the ox's nose and a grabbing hand.")
    same = [idiom.flag(pair, "image", zh_spans=((10, 13),)), term.flag(pair, "meaning", zh_spans=((10, 13),))]
    other = idiom.flag(pair, "image", zh_spans=((14, 16),))  # another span: a second error
    kept = drop_superseded([*same, other], [term, idiom])
    assert [(f.check, f.zh_spans) for f in kept] == [("literal-term", ((10, 13),)), ("idiom-literal", ((14, 16),))]
    # without literal-term among the checks run, idiom-literal's flag is the only one and stays
    assert drop_superseded(same[:1], [idiom]) == same[:1]
