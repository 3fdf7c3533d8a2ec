"""The walk over a file's codes (`cycle_of_codes`): a circle through the start is named from the start back to it;
a chain that ends at a top, at an unknown code, or in a circle further up is no circle of the start's."""

import pytest

from kinerja.core.chains import cycle_of_codes


@pytest.mark.parametrize(
    ("links", "start", "chain"),
    [
        ({"A": "B", "B": "A"}, "A", ["A", "B", "A"]),
        ({"A": "B", "B": "C", "C": "A"}, "A", ["A", "B", "C", "A"]),
        ({"A": "B", "B": "C", "C": None}, "A", []),
        ({"A": "B", "B": "X"}, "A", []),  # X is not in the file: unknown, not a circle
        ({"A": "B", "B": "C", "C": "B"}, "A", []),  # a circle further up, reported at its own rows
        ({"A": None}, "A", []),
        ({}, "A", []),
    ],
)
def test_a_circle_through_the_start_is_named_from_the_start(links, start, chain):
    assert cycle_of_codes(links, start) == chain
