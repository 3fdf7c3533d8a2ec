"""After a change of the plan or the organisation, the consistency check runs again and the page says how many
findings it reports.

The check lives layers above (`kinerja.performance.consistency`), which the plan's and the organisation's pages may
not import: the performance app registers how to count the findings when it is ready (`PerformanceConfig.ready`), as
the evaluation registers its sealed records with `core.audit`. Here, in core, so that every app below may ask."""

from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

Counter = Callable[[Any], tuple[int, int]]
_counters: list[Counter] = []


def register_finding_counter(counter: Counter) -> Counter:
    """`counter(agency)` → (errors, warnings) of the agency's consistency check."""
    if counter not in _counters:
        _counters.append(counter)
    return counter


def count_findings(agency: Any) -> tuple[int, int] | None:
    """The consistency check's (errors, warnings) for the agency now; None when no check is registered."""
    if not _counters:
        return None
    errors = warnings = 0
    for counter in _counters:
        more_errors, more_warnings = counter(agency)
        errors, warnings = errors + more_errors, warnings + more_warnings
    return errors, warnings


def findings_message(agency: Any) -> str:
    """ "Pemeriksaan konsistensi kini melaporkan 3 kesalahan dan 12 peringatan." ("" when no check is registered)."""
    counts = count_findings(agency)
    if counts is None:
        return ""
    errors, warnings = counts
    return _("The consistency check now reports %(errors)s and %(warnings)s.") % {
        "errors": ngettext("%(count)d error", "%(count)d errors", errors) % {"count": errors},
        "warnings": ngettext("%(count)d warning", "%(count)d warnings", warnings) % {"count": warnings},
    }


def saved_message(agency: Any) -> str:
    """ "Tersimpan. Pemeriksaan konsistensi kini melaporkan 3 kesalahan dan 12 peringatan." """
    saved = _("Saved.")
    return f"{saved} {findings_message(agency)}".strip()
