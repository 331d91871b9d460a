"""The general English flips of bench/contrast_variants_rules.py (issue 15's contrast bench):
each feature's rule yields the flipped clause where the clause has the feature, and nothing
where it has none."""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

from contrast_variants_rules import inflect_like, variants


def test_polarity_removes_a_negation_and_adds_one_where_there_is_none() -> None:
    assert "The county reported two new cases last week." in variants(
        "The county did not report two new cases last week.", "polarity")
    assert "Most villages have already been connected to the grid." in variants(
        "Most villages have yet to be connected to the grid.", "polarity")
    assert "Applicants with a permit will be turned away." in variants(
        "Applicants without a permit will be turned away.", "polarity")
    assert "The ministry did not approve the merger in March." in variants(
        "The ministry approved the merger in March.", "polarity")


def test_direction_swaps_an_up_word_for_a_down_word_in_its_inflection() -> None:
    flipped = variants("Retail sales increased by 4.1% in the third quarter.", "direction")
    assert "Retail sales decreased by 4.1% in the third quarter." in flipped
    assert "Rents were lower than a year earlier." in variants("Rents were higher than a year earlier.", "direction")
    assert variants("The committee met in Beijing on Tuesday.", "direction") == []


def test_modality_and_time_flip_their_words_and_leave_other_clauses_alone() -> None:
    assert "Importers may declare the goods in writing." in variants(
        "Importers must declare the goods in writing.", "modality")
    assert "Schools are required to offer evening classes." in variants(
        "Schools are encouraged to offer evening classes.", "modality")
    assert "In the second half of the year, exports grew 3%." in variants(
        "In the first half of the year, exports grew 3%.", "time")
    assert variants("The committee met in Beijing on Tuesday.", "modality") == []


def test_inflect_like_keeps_the_form_of_the_word_it_replaces() -> None:
    assert inflect_like("rising", "fall") == "falling"
    assert inflect_like("dropped", "rise") == "rose"
    assert inflect_like("widens", "narrow") == "narrows"
