"""Chains of rows that point at a row of their own kind — an objective's "contributes to", a unit's parent, a
position's superior — must end at a top, never come back to where they started. One walk for all of them, asked by
the models' `clean()` and so by every door that validates with `full_clean()` (forms, import, admin)."""

from collections.abc import Callable
from typing import Any


def cycle(row: Any, parent: str, label: Callable[[Any], str]) -> list[str]:
    """The labels of the chain that leads from `row` back to itself through the field `parent` (["A", "B", "A"]);
    [] when the chain ends at a top. Follows the objects it is given (an import's rows in memory), the database for
    the rest. A row pointing at itself directly is left to the model's own check."""
    parent_id = getattr(row, f"{parent}_id")
    if row.pk is None or not parent_id or parent_id == row.pk:
        return []
    labels, seen = [label(row)], {row.pk}
    current = getattr(row, parent)
    while current is not None:
        labels.append(label(current))
        if current.pk == row.pk:
            return labels
        if current.pk in seen:  # a circle further up that does not pass here: reported where it is saved
            return []
        seen.add(current.pk)
        current = getattr(current, parent)
    return []


def cycle_of_codes(links: dict[str, str | None], start: str) -> list[str]:
    """The same walk over codes not saved yet (a file's rows: code → the code it points at): the chain from `start`
    back to itself (["A", "B", "A"]), [] when it ends at a top, at a code `links` does not hold, or in a circle
    further up that does not pass `start`."""
    chain, current = [start], links.get(start)
    while current is not None and current in links:
        chain.append(current)
        if current == start:
            return chain
        if chain.count(current) > 1:
            return []
        current = links[current]
    return []
