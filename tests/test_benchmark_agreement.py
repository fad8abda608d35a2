"""The gold-agreement bound of the dates benchmark: its rules about the gold, on small hand-made corpora, so
the figure it prints for #3 can be trusted."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from date_agreement import Spot, best_treatments, contradicts, value_f1  # noqa: E402


@pytest.mark.parametrize(
    ("phrase", "value", "expected"),
    [
        ("friday", "1990-08-10", False),  # 10 August 1990 was a Friday
        ("friday", "1990-08-14", True),  # a Tuesday
        ("the day before last tuesday", "1990-08-13", False),  # the weekday is an anchor, not the value
        ("sept. 27, 1989", "1989-11-27", True),
        ("sept. 27, 1989", "1989-09-27", False),
        ("1988", "1998", True),
        ("fiscal 1988", "1989", False),  # fiscal years may be named after the year they end in
        ("last week", "1989-W43", False),
        ("now", None, False),
    ],
)
def test_a_gold_value_contradicts_only_its_own_words(phrase: str, value: str | None, expected: bool) -> None:
    assert contradicts(phrase, value) is expected


def test_a_phrase_the_gold_mostly_leaves_out_is_dropped_and_the_bound_rises() -> None:
    spots = {
        "friday": [Spot(True, "9999-99-99", True)] * 8,
        # "now": annotated once, left out three times; dropping it trades one right value for four predictions
        "now": [Spot(True, "PRESENT_REF", True)] + [Spot(True, "-", False)] * 3,
    }
    best, changes = best_treatments(spots, n_gold=10)
    assert changes == {"now": ("-", -1, -4)}
    assert best == pytest.approx(value_f1(spots, 10, changes))
    assert best > value_f1(spots, 10, {})


def test_a_value_of_the_right_shape_counts_as_reachable_but_a_contradicted_one_does_not() -> None:
    spots = {
        "tuesday": [Spot(True, "9999-99-99", False), Spot(True, "!", False)],
    }
    best, changes = best_treatments(spots, n_gold=2)
    assert changes == {"tuesday": ("9999-99-99", 1, 0)}
    assert best == pytest.approx(200 * 1 / 4)
