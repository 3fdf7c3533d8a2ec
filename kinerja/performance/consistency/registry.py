"""The registry of checks: each family module registers its checks with `@check(family=..., codes=(...))`, and
`run_checks` runs them on one read-only `PlanData`.

A check is a function that takes the context and yields findings; `codes` are the codes it may report (each code
belongs to one check only). Checks run family by family in the order of `FAMILIES` (the order the report prints
them), and inside a family in the order they were registered (their order in the family's module). A new family
is a module of checks, a line in `FAMILIES` and an import in the package's `__init__`.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .context import PlanData
from .findings import FAMILIES, Finding

CheckFunction = Callable[[PlanData], Iterable[Finding]]


@dataclass(frozen=True)
class Check:
    family: str
    codes: tuple[str, ...]
    function: CheckFunction

    @property
    def name(self) -> str:
        return self.function.__name__


_checks: list[Check] = []


def check(*, family: str, codes: Iterable[str]) -> Callable[[CheckFunction], CheckFunction]:
    """Register the decorated function as a check of `family` reporting `codes`; the function is left as it is."""
    codes = tuple(codes)

    def register(function: CheckFunction) -> CheckFunction:
        if family not in FAMILIES:
            raise ValueError(f"{function.__name__}: unknown family of checks {family!r}")
        if not codes:
            raise ValueError(f"{function.__name__}: a check names the codes it reports")
        taken = set(code_families().keys()) & set(codes)
        if taken or len(set(codes)) != len(codes):
            repeated = sorted(taken) or list(codes)
            raise ValueError(f"{function.__name__}: a code is reported by one check only: {repeated}")
        _checks.append(Check(family, codes, function))
        return function

    return register


def registered_checks() -> list[Check]:
    """Every check in the order it runs: by family in the order of FAMILIES, then as registered."""
    order = {family: number for number, family in enumerate(FAMILIES)}
    return sorted(_checks, key=lambda registered: order[registered.family])


def code_families() -> dict[str, str]:
    """Each code a check may report → its family."""
    return {code: registered.family for registered in _checks for code in registered.codes}


def run_checks(data: PlanData) -> list[Finding]:
    """Every registered check on the data, its findings in order."""
    findings: list[Finding] = []
    for registered in registered_checks():
        findings.extend(registered.function(data))
    return findings
